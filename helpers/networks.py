"""The course's reference networks: small layered models trained the same way every time.

Notebooks 05, 06 and 07 (and the scoreboard) use these so that "the network" means one thing
across the course. Each is a recipe (:data:`RECIPES`: shape, activation, learning rate, epochs,
fixed seeds) that :func:`train` follows; asking for a network twice costs nothing.

Notebooks only look these networks up (their accuracy, their weights), so each comes with the
weights its recipe gives, recorded in ``reference_weights.npz`` beside this module by
``python3 tools/record_scores.py``; the tests train each recipe again and check that it gives
the recorded weights (to 1e-12: processors may round the last digit differently). Notebook 07
trains the digits recipe in front of the learner and compares the result with the record.
"""
import functools
from pathlib import Path

import numpy as np

from . import scoreboard
from .losses import SoftmaxCrossEntropy
from .models import mlp
from .optimizers import Adam

__all__ = ["RECIPES", "WEIGHTS_FILE", "RECORDED", "train", "recorded",
           "running_example_network", "spiral_network", "digits_network"]

#: name -> (the split it is trained on, layer sizes, activation, Adam's learning rate, epochs).
#: Every one starts from seed 0 and trains in mini-batches of 32 drawn with seed 0.
RECIPES = {
    "running example": (scoreboard.running_example_split, [2, 8, 8, 2], "tanh", 0.01, 100),
    "spiral": (scoreboard.spiral_split, [2, 32, 32, 32, 2], "relu", 0.01, 300),
    "digits": (scoreboard.digits_split, [64, 96, 48, 10], "relu", 0.002, 40),
}

#: The networks whose trained weights are recorded (any other is trained when asked for).
RECORDED = ("running example", "spiral", "digits")

WEIGHTS_FILE = Path(__file__).with_name("reference_weights.npz")


def recipe_text(name):
    """The recipe as one line of text, stored with the recorded weights: weights recorded for
    another recipe are never used."""
    split, sizes, activation, lr, epochs = RECIPES[name]
    return (f"{split.__name__} | {'-'.join(map(str, sizes))} | {activation} | Adam({lr}) | "
            f"{epochs} epochs | batch 32 | seed 0")


def _untrained(name):
    _, sizes, activation, lr, _ = RECIPES[name]
    model = mlp(sizes, activation, seed=0)
    model.compile(SoftmaxCrossEntropy(), Adam(lr), metrics=["accuracy"])
    return model


def train(name):
    """A new network trained by the recipe ``name`` (the same weights every time)."""
    split, _, _, _, epochs = RECIPES[name]
    X_train, y_train, _, _ = split()
    model = _untrained(name)
    model.fit(X_train, y_train, epochs=epochs, batch_size=32, seed=0, verbose=0)
    return model


def recorded(name):
    """The network ``name`` with its recorded weights, or None when none are recorded for its
    current recipe."""
    if name not in RECORDED or not WEIGHTS_FILE.exists():
        return None
    with np.load(WEIGHTS_FILE) as stored:
        if f"{name}/recipe" not in stored.files or \
                str(stored[f"{name}/recipe"]) != recipe_text(name):
            return None
        model = _untrained(name)
        model.set_weights([stored[f"{name}/{i}"] for i in range(len(model.parameters()))])
    return model


def _recorded_or_trained(name):
    model = recorded(name)
    return model if model is not None else train(name)


@functools.lru_cache(maxsize=None)
def running_example_network():
    """2 → 8 → 8 → 2 with tanh, trained with Adam on the running example's training split
    (its recorded weights: see the module's docstring)."""
    return _recorded_or_trained("running example")


@functools.lru_cache(maxsize=None)
def spiral_network():
    """2 → 32 → 32 → 32 → 2 with ReLU, trained with Adam on the spiral's training split
    (its recorded weights: see the module's docstring)."""
    return _recorded_or_trained("spiral")


@functools.lru_cache(maxsize=None)
def digits_network():
    """64 → 96 → 48 → 10 with ReLU, trained with Adam on the digits' training split (its
    recorded weights: see the module's docstring)."""
    return _recorded_or_trained("digits")


def _test_accuracy(model, split):
    _, _, X_test, y_test = split()
    return model.evaluate(X_test, y_test, return_dict=True)["accuracy"]


@scoreboard.entry(5, "running example", "layered network 2-8-8-2 (tanh)",
                  "nothing about the data; only the network's size")
def _running_example_row():
    return _test_accuracy(running_example_network(), scoreboard.running_example_split)


@scoreboard.entry(5, "spiral", "layered network 2-32-32-32-2 (ReLU)",
                  "nothing about the data; only the network's size")
def _spiral_row():
    return _test_accuracy(spiral_network(), scoreboard.spiral_split)


@scoreboard.entry(7, "digits", "layered network 64-96-48-10 (ReLU)",
                  "nothing about the data; only the network's size")
def _digits_row():
    return _test_accuracy(digits_network(), scoreboard.digits_split)
