"""The settings of a training session, and their checks.

A training session (:mod:`helpers.training_session`) and the stepper widget that shows it are
described by one dict of settings (:data:`SESSION_DEFAULTS`). This module says which settings
exist, what values they may take, and checks a learner's values, with an error that names the
setting and the fix, before anything is built from them.
"""
import numpy as np

from .i18n import N_, _
from .layers import ACTIVATIONS
from .validation import as_2d, as_labels

__all__ = ["SESSION_DEFAULTS", "check_config", "parse_hidden", "check_points", "DATASET_NAMES",
           "CSV_NAME", "OPTIMIZER_NAMES", "LOSS_NAMES", "MAX_CLASSES"]

#: The data sets offered, in the order the stepper's dropdown shows them. The names are the
#: values the code uses; ``N_`` marks them so the dropdown can show them translated.
DATASET_NAMES = [N_("running example"), N_("circles"), "xor", N_("moons"), N_("spiral"),
                 N_("spiral (3 classes)"), N_("gaussians")]
#: The data set name for points loaded from a CSV file.
CSV_NAME = N_("your CSV")
#: What the dropdowns show for each optimizer and loss (translated where they are shown).
OPTIMIZER_NAMES = {"sgd": "SGD", "momentum": N_("SGD + momentum 0.9"), "rmsprop": "RMSprop",
                   "adam": "Adam"}
LOSS_NAMES = {"cross-entropy": N_("softmax cross-entropy"),
              "mse": N_("mean squared error (one-hot)")}

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
            raise ValueError(_("hidden layers {value!r}: write whole numbers separated by "
                               "commas, e.g. '8, 8' for two layers of 8 units.").format(
                                 value=value)) from None
    else:
        try:
            sizes = [int(s) for s in value]
        except (TypeError, ValueError):
            raise TypeError(_("hidden must be a list of unit counts such as [8, 8] or the text "
                              "'8, 8', got {value!r}.").format(value=value)) from None
        if any(int(s) != s for s in value):
            raise ValueError(_("hidden layers {value!r}: unit counts must be whole "
                               "numbers.").format(value=value))
    if len(sizes) > MAX_HIDDEN_LAYERS:
        raise ValueError(_("{n} hidden layers is more than the stepper shows; use at most "
                           "{most}.").format(n=len(sizes), most=MAX_HIDDEN_LAYERS))
    for s in sizes:
        if not 1 <= s <= MAX_UNITS:
            raise ValueError(_("a hidden layer of {n} units: use between 1 and {most} units "
                               "per layer.").format(n=s, most=MAX_UNITS))
    return sizes


def _number(value, name, low, high, integer=False):
    """``value`` checked; ``name`` (marked with ``N_``) is how the error names the setting."""
    name = _(name)
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(_("{name} must be a number, got {value!r}.").format(name=name,
                                                                           value=value))
    if integer and int(value) != value:
        raise ValueError(_("{name} must be a whole number, got {value!r}.").format(
            name=name, value=value))
    if not (np.isfinite(value) and low <= value <= high):
        raise ValueError(_("{name} must lie between {low:g} and {high:g}, got {value!r}.")
                         .format(name=name, low=low, high=high, value=value))
    return int(value) if integer else float(value)


def _choice(value, name, options):
    if value not in options:
        raise ValueError(_("unknown {name} {value!r}; choose one of {options}.").format(
            name=name, value=value, options=list(options)))
    return value


def check_config(cfg):
    """Return a complete, checked copy of a configuration (missing keys get defaults)."""
    if not isinstance(cfg, dict):
        raise TypeError(_("a stepper configuration is a dict such as "
                          "TrainingStepper().config(), got {type}.").format(
                            type=type(cfg).__name__))
    unknown = sorted(set(cfg) - set(SESSION_DEFAULTS))
    if unknown:
        raise ValueError(_("unknown setting(s) {unknown}; the stepper knows {known}.").format(
            unknown=unknown, known=sorted(SESSION_DEFAULTS)))
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
        "lr": _number(c["lr"], N_("learning rate (lr)"), LR_MIN, LR_MAX),
        "batch_size": _number(c["batch_size"], "batch_size", 1, 2000, integer=True),
        "max_epochs": _number(c["max_epochs"], N_("max_epochs (0 means no limit)"), 0, 10**6,
                              integer=True),
        "target_loss": _number(c["target_loss"], N_("target_loss (0 means none)"), 0.0, 100.0),
        "data": None,
    }
    if out["dataset"] == CSV_NAME:
        data = c["data"]
        if not isinstance(data, dict) or "X" not in data or "y" not in data:
            raise ValueError(_("the dataset 'your CSV' needs data={{'X': [[x, y], ...], 'y': "
                               "[label, ...]}}; load a file with load_csv(...) and use "
                               "config().").format())
        X, y = check_points(np.asarray(data["X"], dtype=float), data["y"])
        out["data"] = {"X": X.tolist(), "y": y.tolist()}
    return out


def check_points(X, y):
    """Check a learner's own points: two columns, 2 to 6 classes labelled 0, 1, ..., 8 to 5000
    points. Returns ``(X, y)`` as arrays."""
    X = as_2d(X, N_("the points"), n_features=2, what=N_("the stepper (x and y)"))
    y = as_labels(y, n_samples=len(X), name=N_("the labels"))
    if len(np.unique(y)) < 2:
        raise ValueError(_("the points have only one class (label {label}); a classifier needs "
                           "at least two different labels.").format(label=y[0]))
    if y.max() >= MAX_CLASSES:
        raise ValueError(_("label {label} is too large; the stepper draws up to {n} classes, "
                           "labelled 0 to {last}.").format(label=y.max(), n=MAX_CLASSES,
                                                          last=MAX_CLASSES - 1))
    if len(X) > MAX_POINTS:
        raise ValueError(_("{n} points is more than the stepper can redraw quickly; use at most "
                           "{most} (for example a random sample of your file).").format(
                             n=len(X), most=MAX_POINTS))
    if len(X) < 8:
        raise ValueError(_("only {n} points; the stepper needs at least 8 to split them into "
                           "training and test points.").format(n=len(X)))
    return X, y
