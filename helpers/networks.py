"""The course's reference networks: small layered models trained the same way every time.

Notebooks 05 and 07 (and the scoreboard) use these so that "the network" means one thing across
the course. Each function trains with fixed seeds and caches the result, so asking twice costs
nothing.
"""
import functools

from . import scoreboard
from .losses import SoftmaxCrossEntropy
from .models import mlp
from .optimizers import Adam


@functools.lru_cache(maxsize=None)
def running_example_network():
    """2 → 8 → 8 → 2 with tanh, trained with Adam on the running example's training split."""
    X_train, y_train, _, _ = scoreboard.running_example_split()
    model = mlp([2, 8, 8, 2], "tanh", seed=0)
    model.compile(SoftmaxCrossEntropy(), Adam(0.01), metrics=["accuracy"])
    model.fit(X_train, y_train, epochs=100, batch_size=32, seed=0, verbose=0)
    return model


@functools.lru_cache(maxsize=None)
def spiral_network():
    """2 → 32 → 32 → 32 → 2 with ReLU, trained with Adam on the spiral's training split."""
    X_train, y_train, _, _ = scoreboard.spiral_split()
    model = mlp([2, 32, 32, 32, 2], "relu", seed=0)
    model.compile(SoftmaxCrossEntropy(), Adam(0.01), metrics=["accuracy"])
    model.fit(X_train, y_train, epochs=300, batch_size=32, seed=0, verbose=0)
    return model


@functools.lru_cache(maxsize=None)
def digits_network():
    """64 → 96 → 48 → 10 with ReLU, trained with Adam on the digits' training split."""
    X_train, y_train, _, _ = scoreboard.digits_split()
    model = mlp([64, 96, 48, 10], "relu", seed=0)
    model.compile(SoftmaxCrossEntropy(), Adam(0.002), metrics=["accuracy"])
    model.fit(X_train, y_train, epochs=40, batch_size=32, seed=0, verbose=0)
    return model


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
