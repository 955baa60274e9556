"""Small data sets, all generated or bundled, so the course runs offline.

Every generator takes a ``seed`` and returns the same arrays for the same seed. Points are returned
as ``(X, y)`` with ``X`` of shape (n, 2) and ``y`` integer class labels 0, 1, ...

The course's running example is :func:`two_class_points`: white points (label 0) and black points
(label 1) in the plane. They were made by taking two groups that the rule "x > 0 means black"
separates, then rotating them by ``TWO_CLASS_ANGLE`` degrees and shifting them by
``TWO_CLASS_OFFSET``. Undoing that change of coordinates makes the simple rule work again; finding
such a change automatically is what notebook 03 calls learning.

:func:`load_csv` (from :mod:`helpers.csv_files`) reads a learner's own points from a CSV file.
"""
import functools
import importlib.util
from pathlib import Path

import numpy as np

from .i18n import _
from .validation import as_labels, as_seed, fraction, positive_int, positive_number

TWO_CLASS_ANGLE = 40.0           # degrees, counter-clockwise
TWO_CLASS_OFFSET = (1.0, 0.5)    # added after the rotation


#: The most points a generator makes (more only slows the figures down).
MAX_POINTS = 1_000_000


def _rng(seed):
    return np.random.default_rng(as_seed(seed))


def _check_n(n, minimum=2):
    return positive_int(n, "n", minimum=minimum, maximum=MAX_POINTS)


def _check_classes(classes, n, name, maximum=None):
    """A number of classes from 2 to ``maximum``, and at least one point for each."""
    classes = positive_int(classes, name, minimum=2)
    if maximum is not None and classes > maximum:
        raise ValueError(_("{name} must be between 2 and {maximum}, got {classes}.")
                         .format(name=name, maximum=maximum, classes=classes))
    if n < classes:
        raise ValueError(_("n={n} points cannot fill {classes} {name}; use n >= {classes}.")
                         .format(n=n, classes=classes, name=name))
    return classes


def _noise(noise):
    return positive_number(noise, "noise", allow_zero=True)


def two_class_points(n=200, noise=0.2, seed=0):
    """The running example: two classes a rotation plus a shift makes separable by x > 0.

    Returns ``(X, y)``; ``y == 1`` are the black points, ``y == 0`` the white ones. With
    ``noise=0`` the classes are perfectly separable; more noise makes them overlap.
    """
    n, noise = _check_n(n), _noise(noise)
    rng = _rng(seed)
    y = np.arange(n) % 2
    rng.shuffle(y)
    side = np.where(y == 1, 1.0, -1.0)
    # In the "good" coordinates the classes sit either side of the line x = 0.
    good_x = side * (0.25 + np.abs(rng.normal(0.0, 0.7, n))) + rng.normal(0.0, noise, n)
    good_y = rng.normal(0.0, 1.0, n)
    good = np.column_stack([good_x, good_y])
    from .representations import rotate, shift
    X = shift(rotate(good, TWO_CLASS_ANGLE), TWO_CLASS_OFFSET)
    return X, y.astype(np.int64)


def circles(n=200, noise=0.1, factor=0.5, seed=0):
    """Two concentric rings: label 1 is the inner ring (radius ``factor``), label 0 the outer."""
    n, noise = _check_n(n), _noise(noise)
    factor = fraction(factor, "factor")
    rng = _rng(seed)
    y = np.arange(n) % 2
    rng.shuffle(y)
    angle = rng.uniform(0, 2 * np.pi, n)
    radius = np.where(y == 1, factor, 1.0)
    X = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    X += rng.normal(0.0, noise, X.shape)
    return X, y.astype(np.int64)


def moons(n=200, noise=0.1, seed=0):
    """Two interleaving half circles."""
    n, noise = _check_n(n), _noise(noise)
    rng = _rng(seed)
    y = np.arange(n) % 2
    rng.shuffle(y)
    t = rng.uniform(0, np.pi, n)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)])
    X = np.where((y == 0)[:, None], upper, lower) + rng.normal(0.0, noise, (n, 2))
    return X, y.astype(np.int64)


def xor(n=200, noise=0.05, seed=0):
    """Points in the four quadrants; label 1 where x and y have the same sign.

    No straight line separates the classes. Points keep a small margin from the axes so that a
    network can reach 100 % accuracy when ``noise`` is small.
    """
    n, noise = _check_n(n, minimum=4), _noise(noise)
    rng = _rng(seed)
    y = np.arange(n) % 2
    rng.shuffle(y)
    sign_x = rng.choice([-1.0, 1.0], n)
    sign_y = np.where(y == 1, sign_x, -sign_x)      # same sign for class 1, opposite for 0
    X = rng.uniform(0.1, 1.0, (n, 2)) * np.column_stack([sign_x, sign_y])
    X = X + rng.normal(0.0, noise, X.shape)
    return X, y.astype(np.int64)


def spiral(n=300, classes=2, noise=0.2, turns=1.0, seed=0):
    """Interleaved spiral arms, one per class (2 or more classes)."""
    n, noise = _check_n(n), _noise(noise)
    classes = _check_classes(classes, n, "classes", maximum=6)
    turns = positive_number(turns, "turns")
    rng = _rng(seed)
    y = np.arange(n) % classes
    rng.shuffle(y)
    r = rng.uniform(0.05, 1.0, n)
    theta = 2 * np.pi * (turns * r + y / classes) + rng.normal(0.0, noise, n) * 0.5
    X = np.column_stack([r * np.cos(theta), r * np.sin(theta)])
    return X, y.astype(np.int64)


def gaussians(n=200, centers=3, spread=0.5, seed=0):
    """Round blobs of points, one per class, with centres spaced on a circle of radius 2."""
    n = _check_n(n)
    centers = _check_classes(centers, n, "centers")
    spread = positive_number(spread, "spread")
    rng = _rng(seed)
    y = np.arange(n) % centers
    rng.shuffle(y)
    angles = 2 * np.pi * np.arange(centers) / centers + np.pi / 4
    means = 2.0 * np.column_stack([np.cos(angles), np.sin(angles)])
    X = means[y] + rng.normal(0.0, spread, (n, 2))
    return X, y.astype(np.int64)


#: The point sets by the names the widgets show, each a function of (n, noise, seed).
POINT_SETS = {
    "running example": lambda n, noise, seed: two_class_points(n, noise, seed),
    "circles": lambda n, noise, seed: circles(n, noise, seed=seed),
    "moons": lambda n, noise, seed: moons(n, noise, seed),
    "xor": lambda n, noise, seed: xor(n, noise, seed),
    "spiral": lambda n, noise, seed: spiral(n, 2, noise, seed=seed),
    "spiral (3 classes)": lambda n, noise, seed: spiral(n, 3, noise, seed=seed),
    "gaussians": lambda n, noise, seed: gaussians(n, 3, 0.5 + noise, seed),
}


def make(name, n=200, noise=0.1, seed=0):
    """Generate one of :data:`POINT_SETS` by name."""
    if not isinstance(name, str) or name not in POINT_SETS:
        raise ValueError(_("unknown data set {name!r}; choose one of {names}.")
                         .format(name=name, names=sorted(POINT_SETS)))
    return POINT_SETS[name](n, noise, seed)


def train_test_split(X, y, test_fraction=0.25, seed=0):
    """Split into ``(X_train, y_train, X_test, y_test)``, keeping class proportions.

    Each class is shuffled and cut separately (a stratified split), so a small test set still
    contains every class. Note the order: training pair first, then test pair.
    """
    X = np.asarray(X)
    if X.ndim == 0:
        raise ValueError(_("X must be an array with one row per sample."))
    y = as_labels(y, n_samples=len(X))
    test_fraction = fraction(test_fraction, "test_fraction")
    rng = _rng(seed)
    test_idx = []
    for label in np.unique(y):
        idx = np.flatnonzero(y == label)
        rng.shuffle(idx)
        test_idx.append(idx[: int(round(test_fraction * len(idx)))])
    test_mask = np.zeros(len(y), dtype=bool)
    test_mask[np.concatenate(test_idx)] = True
    if test_mask.all() or not test_mask.any():
        raise ValueError(_("test_fraction={test_fraction} leaves an empty training or test "
                           "set for {n} samples; use more data or a fraction nearer 0.25.")
                         .format(test_fraction=test_fraction, n=len(y)))
    train, test = np.flatnonzero(~test_mask), np.flatnonzero(test_mask)
    rng.shuffle(train)
    rng.shuffle(test)
    return X[train], y[train], X[test], y[test]


def digits(seed=0, test_fraction=0.25):
    """The 8×8 handwritten digits bundled with scikit-learn, pixels scaled to [0, 1].

    Returns ``(X_train, y_train, X_test, y_test)``; each row of X is an image's 64 pixels read row
    by row (``X[i].reshape(8, 8)`` gives the picture). 1,797 images of the digits 0–9 from the
    UCI ML hand-written digits data set, loaded from scikit-learn's own copy (no download).
    """
    X, y = _digit_pixels()
    return train_test_split(X, y, test_fraction, seed)   # fresh arrays: the cache stays intact


@functools.lru_cache(maxsize=1)
def _digit_pixels():
    """All 1,797 images and labels, read once per session from the file scikit-learn ships
    (the same numbers as ``sklearn.datasets.load_digits()``, read directly: importing
    scikit-learn would take a notebook about 1.5 s longer)."""
    spec = importlib.util.find_spec("sklearn")        # finds the package without importing it
    path = (Path(spec.submodule_search_locations[0]) / "datasets" / "data" / "digits.csv.gz"
            if spec and spec.submodule_search_locations else None)
    if path is not None and path.is_file():
        table = np.loadtxt(path, delimiter=",")
        X, y = table[:, :-1] / 16.0, table[:, -1].astype(np.int64)
    else:                                              # another layout: ask scikit-learn
        from sklearn.datasets import load_digits

        data = load_digits()
        X = data.data.astype(np.float64) / 16.0
        y = data.target.astype(np.int64)
    X.flags.writeable = y.flags.writeable = False
    return X, y


# Your own points: load_csv lives in csv_files.py and is offered here too, beside the
# generated sets.
from .csv_files import CSVIsADirectoryError, CSVNotFoundError, load_csv  # noqa: E402,F401
