"""The settings of a training session, and their checks.

A training session (:mod:`helpers.training_session`) and the stepper widget that shows it are
described by one dict of settings (:data:`SESSION_DEFAULTS`). This module says which settings
exist, what values they may take, and checks a learner's values, with an error that names the
setting and the fix, before anything is built from them.
"""
import numpy as np

from .layers import ACTIVATIONS
from .validation import as_2d, as_labels

__all__ = ["SESSION_DEFAULTS", "check_config", "parse_hidden", "check_points", "DATASET_NAMES",
           "CSV_NAME", "OPTIMIZER_NAMES", "LOSS_NAMES", "MAX_CLASSES"]

#: The data sets offered, in the order the stepper's dropdown shows them.
DATASET_NAMES = ["running example", "circles", "xor", "moons", "spiral", "spiral (3 classes)",
                 "gaussians"]
#: The data set name for points loaded from a CSV file.
CSV_NAME = "your CSV"
OPTIMIZER_NAMES = {"sgd": "SGD", "momentum": "SGD + momentum 0.9", "rmsprop": "RMSprop",
                   "adam": "Adam"}
LOSS_NAMES = {"cross-entropy": "softmax cross-entropy", "mse": "mean squared error (one-hot)"}

#: What a session starts with: circles (no straight line separates them), two small tanh layers
#: and Adam, which learns them in about 20 epochs.
SESSION_DEFAULTS = {
    "dataset": "circles",
    "n_points": 200,
    "noise": 0.1,
    "test_fraction": 0.25,
    "seed": 0,
    "hidden": [4, 4],
    "activation": "tanh",
    "loss": "cross-entropy",
    "optimizer": "adam",
    "lr": 0.03,
    "batch_size": 10,
    "max_epochs": 500,
    "target_loss": 0.0,
    "data": None,
}

LR_MIN, LR_MAX = 1e-4, 10.0
MAX_POINTS = 5000
#: The pictures have a colour for this many classes.
MAX_CLASSES = 6
MAX_HIDDEN_LAYERS, MAX_UNITS = 6, 64
GRID = 64                       # the plane is evaluated on a GRID x GRID lattice
#: Settings that change the points (and so everything after them).
DATA_KEYS = ("dataset", "n_points", "noise", "test_fraction", "seed")
#: Settings that need new weights.
MODEL_KEYS = ("hidden", "activation", "loss")


# ----- checking a configuration ---------------------------------------------------------------
def parse_hidden(value):
    """``"8, 8"`` or ``[8, 8]`` -> ``[8, 8]``; ``""`` -> ``[]`` (no hidden layer)."""
    if isinstance(value, str):
        parts = [p for p in value.replace(";", ",").replace(" ", ",").split(",") if p.strip()]
        try:
            sizes = [int(p) for p in parts]
        except ValueError:
            raise ValueError(f"hidden layers {value!r}: write whole numbers separated by commas, "
                             f"e.g. '8, 8' for two layers of 8 units.") from None
    else:
        try:
            sizes = [int(s) for s in value]
        except (TypeError, ValueError):
            raise TypeError(f"hidden must be a list of unit counts such as [8, 8] or the text "
                            f"'8, 8', got {value!r}.") from None
        if any(int(s) != s for s in value):
            raise ValueError(f"hidden layers {value!r}: unit counts must be whole numbers.")
    if len(sizes) > MAX_HIDDEN_LAYERS:
        raise ValueError(f"{len(sizes)} hidden layers is more than the stepper shows; use at "
                         f"most {MAX_HIDDEN_LAYERS}.")
    for s in sizes:
        if not 1 <= s <= MAX_UNITS:
            raise ValueError(f"a hidden layer of {s} units: use between 1 and {MAX_UNITS} units "
                             f"per layer.")
    return sizes


def _number(value, name, low, high, integer=False):
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number, got {value!r}.")
    if integer and int(value) != value:
        raise ValueError(f"{name} must be a whole number, got {value!r}.")
    if not (np.isfinite(value) and low <= value <= high):
        raise ValueError(f"{name} must lie between {low:g} and {high:g}, got {value!r}.")
    return int(value) if integer else float(value)


def _choice(value, name, options):
    if value not in options:
        raise ValueError(f"unknown {name} {value!r}; choose one of {list(options)}.")
    return value


def check_config(cfg):
    """Return a complete, checked copy of a configuration (missing keys get defaults)."""
    if not isinstance(cfg, dict):
        raise TypeError(f"a stepper configuration is a dict such as TrainingStepper().config(), "
                        f"got {type(cfg).__name__}.")
    unknown = sorted(set(cfg) - set(SESSION_DEFAULTS))
    if unknown:
        raise ValueError(f"unknown setting(s) {unknown}; the stepper knows "
                         f"{sorted(SESSION_DEFAULTS)}.")
    c = dict(SESSION_DEFAULTS, **cfg)
    out = {
        "dataset": _choice(c["dataset"], "dataset", DATASET_NAMES + [CSV_NAME]),
        "n_points": _number(c["n_points"], "n_points", 20, 2000, integer=True),
        "noise": _number(c["noise"], "noise", 0.0, 1.0),
        "test_fraction": _number(c["test_fraction"], "test_fraction", 0.05, 0.9),
        "seed": _number(c["seed"], "seed", 0, 2**31 - 1, integer=True),
        "hidden": parse_hidden(c["hidden"]),
        "activation": _choice(c["activation"], "activation", list(ACTIVATIONS)),
        "loss": _choice(c["loss"], "loss", list(LOSS_NAMES)),
        "optimizer": _choice(c["optimizer"], "optimizer", list(OPTIMIZER_NAMES)),
        "lr": _number(c["lr"], "learning rate (lr)", LR_MIN, LR_MAX),
        "batch_size": _number(c["batch_size"], "batch_size", 1, 2000, integer=True),
        "max_epochs": _number(c["max_epochs"], "max_epochs (0 means no limit)", 0, 10**6,
                              integer=True),
        "target_loss": _number(c["target_loss"], "target_loss (0 means none)", 0.0, 100.0),
        "data": None,
    }
    if out["dataset"] == CSV_NAME:
        data = c["data"]
        if not isinstance(data, dict) or "X" not in data or "y" not in data:
            raise ValueError("the dataset 'your CSV' needs data={'X': [[x, y], ...], 'y': "
                             "[label, ...]}; load a file with load_csv(...) and use config().")
        X, y = check_points(np.asarray(data["X"], dtype=float), data["y"])
        out["data"] = {"X": X.tolist(), "y": y.tolist()}
    return out


def check_points(X, y):
    """Check a learner's own points: two columns, 2 to 6 classes labelled 0, 1, ..., 8 to 5000
    points. Returns ``(X, y)`` as arrays."""
    X = as_2d(X, "the points", n_features=2, what="the stepper (x and y)")
    y = as_labels(y, n_samples=len(X), name="the labels")
    if len(np.unique(y)) < 2:
        raise ValueError(f"the points have only one class (label {y[0]}); a classifier needs at "
                         f"least two different labels.")
    if y.max() >= MAX_CLASSES:
        raise ValueError(f"label {y.max()} is too large; the stepper draws up to "
                         f"{MAX_CLASSES} classes, labelled 0 to {MAX_CLASSES - 1}.")
    if len(X) > MAX_POINTS:
        raise ValueError(f"{len(X)} points is more than the stepper can redraw quickly; use at "
                         f"most {MAX_POINTS} (for example a random sample of your file).")
    if len(X) < 8:
        raise ValueError(f"only {len(X)} points; the stepper needs at least 8 to split them into "
                         f"training and test points.")
    return X, y
