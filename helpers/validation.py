"""Input checks shared by the whole package.

Every public function in ``helpers`` checks what it is given with these few functions, so a
learner who passes the wrong thing gets one sentence naming the problem and the fix instead of a
NumPy traceback from deep inside the code.
"""
import numbers

import numpy as np

from .i18n import N_, _


def as_2d(X, name="X", n_features=None, what=N_("the model")):
    """Return ``X`` as a finite float64 array of shape (n_samples, n_features).

    ``name`` and ``what`` appear in the error messages; callers mark words in them with
    ``N_()`` so that they are translated here, when an error is shown.
    """
    code = name
    name = _(name)
    if X is None:
        raise TypeError(_("{name} is None; pass an array of shape (n_samples, n_features).")
                        .format(name=name))
    try:
        arr = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(_("{name} must hold numbers only; convert it with np.asarray({code}, "
                          "dtype=float) first or remove the non-numeric entries.")
                        .format(name=name, code=code)) from None
    if arr.ndim == 1:
        raise ValueError(_("{name} must be 2-D (n_samples, n_features) but got a 1-D array of "
                           "shape {shape}; use {code}.reshape(-1, 1) for a single feature or "
                           "{code}.reshape(1, -1) for a single sample.")
                         .format(name=name, code=code, shape=arr.shape))
    if arr.ndim != 2:
        raise ValueError(_("{name} must be 2-D (n_samples, n_features) but got {ndim} "
                           "dimensions, shape {shape}; flatten each sample, e.g. "
                           "{code}.reshape(len({code}), -1).")
                         .format(name=name, code=code, ndim=arr.ndim, shape=arr.shape))
    if arr.shape[0] == 0:
        raise ValueError(_("{name} has no rows; pass at least one sample.").format(name=name))
    if not np.all(np.isfinite(arr)):
        bad = int(np.sum(~np.isfinite(arr)))
        raise ValueError(_("{name} contains {bad} NaN or infinite value(s); remove or replace "
                           "them (for example with np.nan_to_num) before using it.")
                         .format(name=name, bad=bad))
    if n_features is not None and arr.shape[1] != n_features:
        raise ValueError(_("{name} has {columns} column(s) (features), but {what} expects "
                           "{n_features}; pass data with {n_features} feature column(s).")
                         .format(name=name, columns=arr.shape[1], what=_(what),
                                 n_features=n_features))
    return arr


def as_labels(y, n_samples=None, name="y", n_classes=None):
    """Return ``y`` as a 1-D integer array of class labels 0..n_classes-1."""
    code = name
    name = _(name)
    if y is None:
        raise TypeError(_("{name} is None; pass an array of integer class labels.")
                        .format(name=name))
    arr = np.asarray(y)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim != 1:
        raise ValueError(_("{name} must be 1-D (one integer label per sample) but has shape "
                           "{shape}; if it is one-hot encoded use {code}.argmax(axis=1).")
                         .format(name=name, code=code, shape=arr.shape))
    if n_samples is not None and len(arr) != n_samples:
        raise ValueError(_("{name} has {n} labels but X has {n_samples} rows; "
                           "pass one label per row of X.")
                         .format(name=name, n=len(arr), n_samples=n_samples))
    if arr.dtype.kind == "b":
        arr = arr.astype(np.int64)
    if arr.dtype.kind == "f":
        if not np.all(np.isfinite(arr)):
            raise ValueError(_("{name} contains NaN or infinite values; labels must be "
                               "integers 0, 1, 2, ...").format(name=name))
        if np.any(arr != np.round(arr)):
            raise ValueError(_("{name} contains non-integer values such as "
                               "{value}; class labels must be integers 0, 1, 2, ...")
                             .format(name=name, value=arr[arr != np.round(arr)][0]))
        arr = arr.astype(np.int64)
    elif arr.dtype.kind not in "iu":
        raise TypeError(_("{name} must hold integer class labels 0, 1, 2, ..., not values of "
                          "type {dtype}; map your classes to integers first.")
                        .format(name=name, dtype=arr.dtype))
    arr = arr.astype(np.int64)
    if arr.size and arr.min() < 0:
        raise ValueError(_("{name} contains the negative label {label}; class labels "
                           "must be 0, 1, 2, ...").format(name=name, label=arr.min()))
    if n_classes is not None and arr.size and arr.max() >= n_classes:
        raise ValueError(_("label {label} in {name} is out of range for {n_classes} "
                           "classes (expected 0..{last}); check the labels or give the "
                           "model {outputs} outputs.")
                         .format(label=arr.max(), name=name, n_classes=n_classes,
                                 last=n_classes - 1, outputs=arr.max() + 1))
    return arr


def positive_number(value, name, allow_zero=False):
    """Check that ``value`` is a finite real number > 0 (or >= 0) and return it as float.

    ``name`` appears in the messages; callers mark words in it with ``N_()``.
    """
    name = _(name)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(_("{name} must be a number, got {value!r} of type {type}.")
                        .format(name=name, value=value, type=type(value).__name__))
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(_("{name} must be a finite number, got {value}.")
                         .format(name=name, value=value))
    if value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(_("{name} must be {bound}, got {value}; "
                           "typical values are small positive numbers such as 0.01.")
                         .format(name=name, bound=bound, value=value))
    return value


def fraction(value, name, low_open=True, high_open=True):
    """Check that ``value`` lies in the interval (0, 1), with the ends as requested."""
    value = positive_number(value, name, allow_zero=True)
    if (value <= 0 if low_open else value < 0) or (value >= 1 if high_open else value > 1):
        lo = "(" if low_open else "["
        hi = ")" if high_open else "]"
        raise ValueError(_("{name} must lie in {lo}0, 1{hi}, got {value}.")
                         .format(name=_(name), lo=lo, hi=hi, value=value))
    return value


def positive_int(value, name, minimum=1, maximum=None):
    """Check that ``value`` is an integer >= ``minimum`` (and <= ``maximum``); return it as int."""
    name = _(name)
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(_("{name} must be a whole number, got {value!r}.")
                        .format(name=name, value=value))
    if value < minimum:
        raise ValueError(_("{name} must be at least {minimum}, got {value}.")
                         .format(name=name, minimum=minimum, value=value))
    if maximum is not None and value > maximum:
        raise ValueError(_("{name} must be at most {maximum:,}, got {value:,}.")
                         .format(name=name, maximum=maximum, value=value))
    return int(value)


def as_seed(value, name="seed", allow_none=False):
    """Check that ``value`` can seed a random generator: a whole number >= 0 (or None, meaning
    "different every time", where ``allow_none``). Returns it as int (or None)."""
    if value is None and allow_none:
        return None
    if allow_none:
        rule = _("{name} must be a whole number >= 0 or None (any one will do, e.g. 0; the same "
                 "{name} gives the same numbers), got {value}.")
    else:
        rule = _("{name} must be a whole number >= 0 (any one will do, e.g. 0; the same "
                 "{name} gives the same numbers), got {value}.")
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(rule.format(name=_(name), value=repr(value)))
    if value < 0:
        raise ValueError(rule.format(name=_(name), value=value))
    return int(value)
