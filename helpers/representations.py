"""Representations: other ways of writing down the same data.

A representation is a way of looking at data. The same points can be written in other
coordinates, the same colours as RGB or as HSV. Some questions are easy in one representation and
hard in another, which is why learning is, at heart, the search for a useful one.
"""
from itertools import combinations_with_replacement

import numpy as np

from .i18n import _
from .validation import as_2d, as_labels, positive_int


def _points(X):
    X = as_2d(X, "X")
    if X.shape[1] != 2:
        raise ValueError(_("X has {n} columns; this works on points in the plane, so X needs "
                           "exactly 2 columns (x, y).").format(n=X.shape[1]))
    return X


def rotate(X, degrees):
    """Rotate points of shape (n, 2) counter-clockwise about the origin by ``degrees``."""
    X = _points(X)
    t = np.deg2rad(float(degrees))
    rotation = np.array([[np.cos(t), np.sin(t)],
                         [-np.sin(t), np.cos(t)]])  # rows are points, so X @ R^T is written X @ this
    return X @ rotation


def shift(X, offset):
    """Move every point by ``offset`` = (dx, dy)."""
    X = _points(X)
    offset = np.asarray(offset, dtype=np.float64)
    if offset.shape != (2,):
        raise ValueError(_("offset must be two numbers (dx, dy), got shape {shape}.")
                         .format(shape=offset.shape))
    return X + offset


def to_polar(X):
    """Write points as (radius, angle in radians between -pi and pi)."""
    X = _points(X)
    return np.column_stack([np.hypot(X[:, 0], X[:, 1]), np.arctan2(X[:, 1], X[:, 0])])


def _image(image, name):
    arr = np.asarray(image, dtype=np.float64)
    if arr.shape[-1:] != (3,):
        raise ValueError(_("{name} must have 3 channels in its last axis, e.g. shape (height, "
                           "width, 3); got shape {shape}.").format(name=name, shape=arr.shape))
    if not np.all(np.isfinite(arr)):
        raise ValueError(_("{name} contains NaN or infinite values.").format(name=name))
    if arr.size and (arr.min() < 0 or arr.max() > 1):
        raise ValueError(_("{name} values must lie in [0, 1]; got values from {low:g} to "
                           "{high:g}. Divide 8-bit images by 255 first.")
                         .format(name=name, low=arr.min(), high=arr.max()))
    return arr


def rgb_to_hsv(image):
    """Convert RGB colours in [0, 1] (last axis of length 3) to hue, saturation, value.

    Hue is the colour's angle on the colour wheel as a fraction of a turn (0 red, 1/3 green,
    2/3 blue); saturation how far from grey; value how bright (the largest channel).
    """
    rgb = _image(image, "image")
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    value = rgb.max(axis=-1)
    spread = value - rgb.min(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        saturation = np.where(value > 0, spread / value, 0.0)
        safe = np.where(spread > 0, spread, 1.0)
        # Hue: which channel is largest decides the sector of the wheel, the other two the
        # position inside it (sectors are sixths of a turn).
        hue = np.where(value == r, (g - b) / safe,
                       np.where(value == g, 2.0 + (b - r) / safe, 4.0 + (r - g) / safe))
    hue = np.where(spread > 0, (hue / 6.0) % 1.0, 0.0)
    return np.stack([hue, saturation, value], axis=-1)


def hsv_to_rgb(image):
    """Convert hue, saturation, value in [0, 1] back to RGB (the inverse of rgb_to_hsv)."""
    hsv = _image(image, "image")
    h, s, v = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    sector = np.floor(h * 6.0)
    within = h * 6.0 - sector
    sector = sector.astype(int) % 6
    p, q, t = v * (1 - s), v * (1 - s * within), v * (1 - s * (1 - within))
    choices_r = [v, q, p, p, t, v]
    choices_g = [t, v, v, q, p, p]
    choices_b = [p, p, t, v, v, q]
    pick = [sector == k for k in range(6)]
    return np.stack([np.select(pick, choices_r), np.select(pick, choices_g),
                     np.select(pick, choices_b)], axis=-1)


def polynomial_features(X, degree=2):
    """All products of the columns up to ``degree`` (no constant column).

    For two columns x, y and degree 2: x, y, x², xy, y², in the same order as scikit-learn's
    ``PolynomialFeatures(degree, include_bias=False)``.
    """
    X = as_2d(X, "X")
    degree = positive_int(degree, "degree")
    columns = []
    for d in range(1, degree + 1):
        for combo in combinations_with_replacement(range(X.shape[1]), d):
            columns.append(np.prod(X[:, list(combo)], axis=1))
    return np.column_stack(columns)


def standardize(X, reference=None):
    """Shift and scale each column to mean 0 and standard deviation 1.

    The mean and deviation come from ``reference`` (default: X itself), so test data is scaled
    with the training data's numbers: ``standardize(X_test, reference=X_train)``.
    """
    X = as_2d(X, "X")
    ref = X if reference is None else as_2d(reference, "reference", n_features=X.shape[1],
                                            what="X")
    mean, std = ref.mean(axis=0), ref.std(axis=0)
    return (X - mean) / np.where(std > 0, std, 1.0)


def one_hot(y, n_classes=None):
    """Turn integer labels into rows with a single 1: label 2 of 4 becomes [0, 0, 1, 0]."""
    y = as_labels(y)
    if n_classes is None:
        n_classes = int(y.max()) + 1
    n_classes = positive_int(n_classes, "n_classes")
    y = as_labels(y, n_classes=n_classes)
    out = np.zeros((len(y), n_classes))
    out[np.arange(len(y)), y] = 1.0
    return out
