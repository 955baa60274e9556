"""Input checks shared by the whole package.

Every public function in ``helpers`` checks what it is given with these few functions, so a
learner who passes the wrong thing gets one sentence naming the problem and the fix instead of a
NumPy traceback from deep inside the code.
"""
import numbers

import numpy as np


def as_2d(X, name="X", n_features=None, what="the model"):
    """Return ``X`` as a finite float64 array of shape (n_samples, n_features)."""
    if X is None:
        raise TypeError(f"{name} is None; pass an array of shape (n_samples, n_features).")
    try:
        arr = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must hold numbers only; convert it with np.asarray({name}, "
                        f"dtype=float) first or remove the non-numeric entries.") from None
    if arr.ndim == 1:
        raise ValueError(f"{name} must be 2-D (n_samples, n_features) but got a 1-D array of "
                         f"shape {arr.shape}; use {name}.reshape(-1, 1) for a single feature or "
                         f"{name}.reshape(1, -1) for a single sample.")
    if arr.ndim != 2:
        raise ValueError(f"{name} must be 2-D (n_samples, n_features) but got {arr.ndim} "
                         f"dimensions, shape {arr.shape}; flatten each sample, e.g. "
                         f"{name}.reshape(len({name}), -1).")
    if arr.shape[0] == 0:
        raise ValueError(f"{name} has no rows; pass at least one sample.")
    if not np.all(np.isfinite(arr)):
        bad = int(np.sum(~np.isfinite(arr)))
        raise ValueError(f"{name} contains {bad} NaN or infinite value(s); remove or replace "
                         f"them (for example with np.nan_to_num) before using it.")
    if n_features is not None and arr.shape[1] != n_features:
        raise ValueError(f"{name} has {arr.shape[1]} column(s) (features), but {what} expects "
                         f"{n_features}; pass data with {n_features} feature column(s).")
    return arr


def as_labels(y, n_samples=None, name="y", n_classes=None):
    """Return ``y`` as a 1-D integer array of class labels 0..n_classes-1."""
    if y is None:
        raise TypeError(f"{name} is None; pass an array of integer class labels.")
    arr = np.asarray(y)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D (one integer label per sample) but has shape "
                         f"{arr.shape}; if it is one-hot encoded use {name}.argmax(axis=1).")
    if n_samples is not None and len(arr) != n_samples:
        raise ValueError(f"{name} has {len(arr)} labels but X has {n_samples} rows; "
                         f"pass one label per row of X.")
    if arr.dtype.kind == "b":
        arr = arr.astype(np.int64)
    if arr.dtype.kind == "f":
        if not np.all(np.isfinite(arr)):
            raise ValueError(f"{name} contains NaN or infinite values; labels must be "
                             f"integers 0, 1, 2, ...")
        if np.any(arr != np.round(arr)):
            raise ValueError(f"{name} contains non-integer values such as "
                             f"{arr[arr != np.round(arr)][0]}; class labels must be integers "
                             f"0, 1, 2, ...")
        arr = arr.astype(np.int64)
    elif arr.dtype.kind not in "iu":
        raise TypeError(f"{name} must hold integer class labels 0, 1, 2, ..., not values of "
                        f"type {arr.dtype}; map your classes to integers first.")
    arr = arr.astype(np.int64)
    if arr.size and arr.min() < 0:
        raise ValueError(f"{name} contains the negative label {arr.min()}; class labels "
                         f"must be 0, 1, 2, ...")
    if n_classes is not None and arr.size and arr.max() >= n_classes:
        raise ValueError(f"label {arr.max()} in {name} is out of range for {n_classes} "
                         f"classes (expected 0..{n_classes - 1}); check the labels or give the "
                         f"model {arr.max() + 1} outputs.")
    return arr


def positive_number(value, name, allow_zero=False):
    """Check that ``value`` is a finite real number > 0 (or >= 0) and return it as float."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {value!r} of type "
                        f"{type(value).__name__}.")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value}.")
    if value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} must be {bound}, got {value}; "
                         f"typical values are small positive numbers such as 0.01.")
    return value


def fraction(value, name, low_open=True, high_open=True):
    """Check that ``value`` lies in the interval (0, 1), with the ends as requested."""
    value = positive_number(value, name, allow_zero=True)
    if (value <= 0 if low_open else value < 0) or (value >= 1 if high_open else value > 1):
        lo = "(" if low_open else "["
        hi = ")" if high_open else "]"
        raise ValueError(f"{name} must lie in {lo}0, 1{hi}, got {value}.")
    return value


def positive_int(value, name, minimum=1, maximum=None):
    """Check that ``value`` is an integer >= ``minimum`` (and <= ``maximum``); return it as int."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number, got {value!r}.")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}.")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be at most {maximum:,}, got {value:,}.")
    return int(value)


def as_seed(value, name="seed", allow_none=False):
    """Check that ``value`` can seed a random generator: a whole number >= 0 (or None, meaning
    "different every time", where ``allow_none``). Returns it as int (or None)."""
    if value is None and allow_none:
        return None
    also = " or None" if allow_none else ""
    rule = (f"{name} must be a whole number >= 0{also} (any one will do, e.g. 0; the same "
            f"{name} gives the same numbers)")
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{rule}, got {value!r}.")
    if value < 0:
        raise ValueError(f"{rule}, got {value}.")
    return int(value)
