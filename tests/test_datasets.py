import numpy as np
import pytest

from helpers import datasets
from helpers.representations import rotate, shift

GENERATORS = {
    "two_class_points": lambda seed: datasets.two_class_points(150, seed=seed),
    "circles": lambda seed: datasets.circles(150, seed=seed),
    "moons": lambda seed: datasets.moons(150, seed=seed),
    "xor": lambda seed: datasets.xor(150, seed=seed),
    "spiral": lambda seed: datasets.spiral(150, classes=3, seed=seed),
    "gaussians": lambda seed: datasets.gaussians(150, centers=4, seed=seed),
}


@pytest.mark.parametrize("name", GENERATORS)
def test_same_seed_same_arrays_other_seed_other_arrays(name):
    X1, y1 = GENERATORS[name](0)
    X2, y2 = GENERATORS[name](0)
    X3, _ = GENERATORS[name](1)
    assert np.array_equal(X1, X2) and np.array_equal(y1, y2)
    assert not np.array_equal(X1, X3)


@pytest.mark.parametrize("name,classes", [("two_class_points", 2), ("circles", 2),
                                          ("moons", 2), ("xor", 2), ("spiral", 3),
                                          ("gaussians", 4)])
def test_shapes_and_labels(name, classes):
    X, y = GENERATORS[name](0)
    assert X.shape == (150, 2) and X.dtype == np.float64
    assert y.shape == (150,) and y.dtype.kind == "i"
    assert set(np.unique(y)) == set(range(classes))
    assert np.all(np.isfinite(X))
    counts = np.bincount(y)
    assert counts.max() - counts.min() <= 1          # balanced classes


def test_running_example_is_separated_by_x_after_undoing_the_change_of_coordinates():
    X, y = datasets.two_class_points(400, noise=0.0, seed=0)
    good = rotate(shift(X, -np.array(datasets.TWO_CLASS_OFFSET)), -datasets.TWO_CLASS_ANGLE)
    assert np.all((good[:, 0] > 0) == (y == 1))
    assert 0.5 < np.mean((X[:, 0] > 0) == (y == 1)) < 0.8     # but not in raw coordinates


def test_xor_labels_follow_the_quadrants_without_noise():
    X, y = datasets.xor(200, noise=0.0, seed=0)
    assert np.array_equal(y, (np.sign(X[:, 0]) == np.sign(X[:, 1])).astype(int))


def test_circles_inner_ring_is_class_one():
    X, y = datasets.circles(200, noise=0.0, factor=0.4, seed=0)
    r = np.hypot(X[:, 0], X[:, 1])
    assert np.allclose(r[y == 1], 0.4) and np.allclose(r[y == 0], 1.0)


def test_digits_offline_shapes_and_range():
    X_train, y_train, X_test, y_test = datasets.digits()
    assert X_train.shape[1] == 64 and len(X_train) + len(X_test) == 1797
    assert abs(len(X_test) / 1797 - 0.25) < 0.01
    assert X_train.min() >= 0 and X_train.max() == 1.0
    assert set(np.unique(y_test)) == set(range(10))
    again = datasets.digits()
    assert np.array_equal(again[0], X_train)


def test_train_test_split_is_disjoint_stratified_and_seeded():
    X = np.arange(100).reshape(-1, 1).astype(float)
    y = np.array([0] * 80 + [1] * 20)
    X_tr, y_tr, X_te, y_te = datasets.train_test_split(X, y, 0.25, seed=0)
    assert set(X_tr[:, 0]).isdisjoint(X_te[:, 0]) and len(X_tr) + len(X_te) == 100
    assert np.sum(y_te == 1) == 5 and np.sum(y_te == 0) == 20
    assert np.array_equal(datasets.train_test_split(X, y, 0.25, seed=0)[2], X_te)
    with pytest.raises(ValueError, match="test_fraction"):
        datasets.train_test_split(X, y, 1.5)
    with pytest.raises(ValueError, match="one label per row"):
        datasets.train_test_split(X, y[:10])


def test_generators_refuse_bad_arguments():
    with pytest.raises(ValueError, match="noise must be >= 0"):
        datasets.circles(noise=-1)
    with pytest.raises(TypeError, match="whole number"):
        datasets.moons(n=10.5)
    with pytest.raises(ValueError, match="between 2 and 6"):
        datasets.spiral(classes=9)
    with pytest.raises(ValueError, match="unknown data set .*circles"):
        datasets.make("swiss roll")


def test_make_by_name():
    for name in datasets.POINT_SETS:
        X, y = datasets.make(name, n=60, noise=0.1, seed=0)
        assert X.shape == (60, 2) and len(y) == 60


# ----- generators check their arguments where they enter ---------------------------------------
@pytest.mark.parametrize("call, error, words", [
    (lambda: datasets.moons(n=-5), ValueError, "n must be at least 2"),
    (lambda: datasets.moons(n=10**9), ValueError, "at most 1,000,000"),
    (lambda: datasets.two_class_points(noise=float("nan")), ValueError, "noise must be a finite"),
    (lambda: datasets.xor(noise=-0.1), ValueError, "noise must be >= 0"),
    (lambda: datasets.circles(factor=float("nan")), ValueError, "factor must be a finite"),
    (lambda: datasets.circles(factor=1.5), ValueError, r"factor must lie in \(0, 1\)"),
    (lambda: datasets.spiral(classes=1), ValueError, "classes must be at least 2"),
    (lambda: datasets.spiral(n=5, classes=6), ValueError, "cannot fill 6 classes"),
    (lambda: datasets.spiral(classes=2.5), TypeError, "classes must be a whole number"),
    (lambda: datasets.gaussians(n=10, centers=20), ValueError, "cannot fill 20 centers"),
    (lambda: datasets.gaussians(spread=0), ValueError, "spread must be > 0"),
    (lambda: datasets.moons(seed=1.5), TypeError, "seed must be a whole number >= 0"),
    (lambda: datasets.moons(seed=-3), ValueError, "seed must be a whole number >= 0"),
    (lambda: datasets.moons(seed=None), TypeError, "seed must be a whole number >= 0"),
    (lambda: datasets.make("moons", seed="0"), TypeError, "seed must be a whole number"),
    (lambda: datasets.make(3), ValueError, "unknown data set 3"),
    (lambda: datasets.train_test_split(np.zeros((8, 2)), np.arange(8) % 2, seed=0.5),
     TypeError, "seed"),
])
def test_generators_name_each_bad_argument(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_digits_read_without_scikit_learn_are_scikit_learns_digits():
    from sklearn.datasets import load_digits

    X, y = datasets._digit_pixels()
    reference = load_digits()
    np.testing.assert_array_equal(X, reference.data / 16.0)
    np.testing.assert_array_equal(y, reference.target)
    assert X.dtype == np.float64 and y.dtype == np.int64


def test_reading_the_digits_does_not_import_scikit_learn():
    import subprocess
    import sys

    code = ("import sys; from helpers import datasets; datasets.digits(); "
            "print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
