"""helpers.validation: the input checks every public function uses, each message checked."""
import numpy as np
import pytest

from helpers.validation import (as_2d, as_labels, as_seed, fraction, positive_int,
                                positive_number)


def test_as_2d_returns_float64_and_explains_each_problem():
    out = as_2d([[1, 2], [3, 4]])
    assert out.dtype == np.float64 and out.shape == (2, 2)
    with pytest.raises(TypeError, match="is None"):
        as_2d(None)
    with pytest.raises(TypeError, match="numbers only"):
        as_2d([["a", "b"]])
    with pytest.raises(ValueError, match=r"reshape\(-1, 1\)"):
        as_2d([1.0, 2.0])
    with pytest.raises(ValueError, match="3 dimensions"):
        as_2d(np.zeros((2, 2, 2)))
    with pytest.raises(ValueError, match="no rows"):
        as_2d(np.zeros((0, 2)))
    with pytest.raises(ValueError, match="1 NaN or infinite"):
        as_2d([[1.0, np.nan]])
    with pytest.raises(ValueError, match="expects 3"):
        as_2d([[1.0, 2.0]], n_features=3)


def test_as_labels_accepts_whole_numbers_and_refuses_the_rest():
    assert as_labels([0.0, 1.0, 2.0]).tolist() == [0, 1, 2]
    assert as_labels(np.array([[1], [0]])).tolist() == [1, 0]
    assert as_labels([True, False]).tolist() == [1, 0]
    with pytest.raises(ValueError, match="one label per row"):
        as_labels([0, 1], n_samples=3)
    with pytest.raises(ValueError, match="non-integer values such as 0.5"):
        as_labels([0.5, 1.0])
    with pytest.raises(ValueError, match="negative label -1"):
        as_labels([-1, 1])
    with pytest.raises(ValueError, match="NaN"):
        as_labels([np.nan, 1.0])
    with pytest.raises(TypeError, match="map your classes to integers"):
        as_labels(["cat", "dog"])
    with pytest.raises(ValueError, match="out of range for 2 classes"):
        as_labels([0, 2], n_classes=2)


def test_numbers_and_their_ranges():
    assert positive_number(np.float32(0.5), "lr") == 0.5
    assert positive_number(0, "noise", allow_zero=True) == 0.0
    for bad, error, words in [(0, ValueError, "> 0"), (-1, ValueError, "> 0"),
                              (np.nan, ValueError, "finite"), (np.inf, ValueError, "finite"),
                              ("0.1", TypeError, "must be a number"),
                              (True, TypeError, "must be a number")]:
        with pytest.raises(error, match=words):
            positive_number(bad, "lr")
    assert fraction(0.25, "test_fraction") == 0.25
    with pytest.raises(ValueError, match=r"\(0, 1\)"):
        fraction(1.0, "test_fraction")
    assert fraction(1.0, "p", high_open=False) == 1.0


def test_whole_numbers_with_bounds():
    assert positive_int(np.int64(5), "n") == 5 and type(positive_int(np.int64(5), "n")) is int
    with pytest.raises(TypeError, match="whole number"):
        positive_int(5.0, "n")
    with pytest.raises(ValueError, match="at least 2"):
        positive_int(1, "n", minimum=2)
    with pytest.raises(ValueError, match="at most 1,000"):
        positive_int(5000, "n", maximum=1000)


def test_seeds():
    assert as_seed(0) == 0 and as_seed(np.int64(7)) == 7
    assert as_seed(None, allow_none=True) is None
    with pytest.raises(TypeError, match="whole number >= 0"):
        as_seed(1.5)
    with pytest.raises(TypeError, match="whole number >= 0"):
        as_seed(None)
    with pytest.raises(TypeError, match="whole number >= 0"):
        as_seed("42")
    with pytest.raises(ValueError, match="whole number >= 0"):
        as_seed(-1)
    # a seed beyond 32 bits is still a valid NumPy seed
    np.random.default_rng(as_seed(2**63))
