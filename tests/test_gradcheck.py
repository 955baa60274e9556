import numpy as np
import pytest

from helpers.gradcheck import check_layer, check_model, numerical_gradient, rel_error
from helpers.layers import Dense, Layer, Tanh
from helpers.models import Sequential


def test_numerical_gradient_of_known_functions():
    x = np.array([1.0, -2.0, 3.0])
    assert np.allclose(numerical_gradient(lambda v: np.sum(v ** 2), x), 2 * x, atol=1e-8)
    assert np.allclose(numerical_gradient(lambda v: np.sum(np.sin(v)), x), np.cos(x), atol=1e-8)
    assert np.array_equal(x, [1.0, -2.0, 3.0])      # restored after nudging


def test_numerical_gradient_needs_float_array():
    with pytest.raises(TypeError, match="float64"):
        numerical_gradient(lambda v: 0.0, np.array([1, 2]))


def test_rel_error():
    assert rel_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert rel_error([0.0], [0.0]) == 0.0
    assert np.isclose(rel_error([1.0, 0.0], [0.0, 0.0]), 1.0)
    with pytest.raises(ValueError, match="different shapes"):
        rel_error([1.0], [1.0, 2.0])


def test_check_layer_passes_correct_layers():
    x = np.random.default_rng(0).normal(size=(4, 3))
    assert check_layer(Dense(3, 2, seed=0), x) < 1e-7
    assert set(check_layer(Dense(3, 2, seed=0), x, details=True)) == {"input", "W", "b"}


class BrokenTanh(Tanh):
    """A backward pass with a typical mistake: the derivative of tanh taken as 1 - tanh."""

    def backward(self, grad_out):
        return grad_out * (1.0 - self._cached())


def test_check_layer_catches_a_wrong_backward():
    x = np.random.default_rng(1).normal(size=(4, 3))
    assert check_layer(BrokenTanh(), x) > 1e-2


def test_check_model_catches_a_wrong_backward_inside_a_model():
    rng = np.random.default_rng(2)
    X, y = rng.normal(size=(5, 2)), rng.integers(0, 2, 5)
    good = Sequential([Dense(2, 3, seed=0), Tanh(), Dense(3, 2, seed=1)])
    bad = Sequential([Dense(2, 3, seed=0), BrokenTanh(), Dense(3, 2, seed=1)])
    for model in (good, bad):
        model.compile("sparse_categorical_crossentropy", "sgd")
    assert check_model(good, X, y) < 1e-6
    assert check_model(bad, X, y) > 1e-2


def test_check_model_requires_parameters():
    model = Sequential([Tanh()])
    model.compile("mse", "sgd")

    class NoFeatureCheck(Layer):
        pass
    with pytest.raises((ValueError, TypeError)):
        check_model(model, np.zeros((2, 2)), np.zeros((2, 2)))


def test_check_model_leaves_the_weights_and_the_training_state_alone():
    rng = np.random.default_rng(4)
    X, y = rng.normal(size=(6, 2)), rng.integers(0, 3, 6)
    model = Sequential([Dense(2, 4, seed=0), Tanh(), Dense(4, 3, seed=1)])
    model.compile("sparse_categorical_crossentropy", "adam")
    before = model.get_weights()
    assert check_model(model, X, y) < 1e-6
    for a, b in zip(before, model.get_weights()):
        np.testing.assert_array_equal(a, b)
    assert model.optimizer.iterations == 0 and model.watch.start is None


def test_check_model_uses_only_public_methods_of_the_model():
    import inspect
    import re

    source = inspect.getsource(check_model)
    assert not re.findall(r"model\._\w+", source)
