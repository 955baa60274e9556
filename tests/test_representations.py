import numpy as np
import pytest
from matplotlib import colors as mcolors
from sklearn.preprocessing import PolynomialFeatures

from helpers.representations import (hsv_to_rgb, one_hot, polynomial_features, rgb_to_hsv,
                                     rotate, shift, standardize, to_polar)


def test_rgb_to_hsv_agrees_with_matplotlib():
    rng = np.random.default_rng(0)
    image = rng.uniform(size=(16, 12, 3))
    image[0, :4] = [[0, 0, 0], [1, 1, 1], [0.5, 0.5, 0.5], [1, 0, 0]]   # greys and pure red
    image[1, :4] = [[0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 1]]
    assert np.allclose(rgb_to_hsv(image), mcolors.rgb_to_hsv(image), atol=1e-12)


def test_hsv_to_rgb_agrees_with_matplotlib_and_round_trips():
    rng = np.random.default_rng(1)
    hsv = rng.uniform(size=(500, 3))
    assert np.allclose(hsv_to_rgb(hsv), mcolors.hsv_to_rgb(hsv), atol=1e-12)
    rgb = rng.uniform(size=(20, 20, 3))
    assert np.allclose(hsv_to_rgb(rgb_to_hsv(rgb)), rgb, atol=1e-12)


def test_colour_conversion_refuses_bad_images():
    with pytest.raises(ValueError, match="3 channels"):
        rgb_to_hsv(np.zeros((4, 4)))
    with pytest.raises(ValueError, match="Divide 8-bit images by 255"):
        rgb_to_hsv(np.full((2, 2, 3), 255.0))


def test_rotate_by_90_degrees_turns_x_axis_into_y_axis():
    assert np.allclose(rotate([[1.0, 0.0]], 90), [[0.0, 1.0]])
    assert np.allclose(rotate([[0.0, 1.0]], 90), [[-1.0, 0.0]])


def test_rotate_preserves_lengths_and_inverts():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(50, 2))
    R = rotate(X, 37.0)
    assert np.allclose(np.linalg.norm(R, axis=1), np.linalg.norm(X, axis=1))
    assert np.allclose(rotate(R, -37.0), X)


def test_shift_and_polar():
    assert np.allclose(shift([[1.0, 2.0]], (0.5, -1.0)), [[1.5, 1.0]])
    assert np.allclose(to_polar([[0.0, 2.0], [-1.0, 0.0]]), [[2.0, np.pi / 2], [1.0, np.pi]])
    with pytest.raises(ValueError, match="exactly 2 columns"):
        rotate(np.zeros((3, 3)), 10)
    with pytest.raises(ValueError, match="two numbers"):
        shift(np.zeros((3, 2)), (1, 2, 3))


@pytest.mark.parametrize("n_features,degree", [(2, 1), (2, 2), (2, 3), (3, 2)])
def test_polynomial_features_match_scikit_learn(n_features, degree):
    X = np.random.default_rng(3).normal(size=(10, n_features))
    expected = PolynomialFeatures(degree, include_bias=False).fit_transform(X)
    assert np.allclose(polynomial_features(X, degree), expected)


def test_standardize_uses_reference_statistics():
    rng = np.random.default_rng(4)
    train, test = rng.normal(5, 3, size=(100, 2)), rng.normal(5, 3, size=(10, 2))
    z = standardize(train)
    assert np.allclose(z.mean(0), 0) and np.allclose(z.std(0), 1)
    assert np.allclose(standardize(test, reference=train),
                       (test - train.mean(0)) / train.std(0))
    assert np.allclose(standardize(np.ones((3, 1))), 0)   # constant column: no division by 0


def test_one_hot():
    assert np.array_equal(one_hot([2, 0], 4), [[0, 0, 1, 0], [1, 0, 0, 0]])
    assert one_hot([0, 1, 1]).shape == (3, 2)
    with pytest.raises(ValueError, match="out of range for 2 classes"):
        one_hot([0, 2], 2)
