import numpy as np
import pytest

from helpers.layers import Dense, ReLU, Sigmoid, Tanh, activation
from tests.reference import central_difference, relative_error

SHAPES = [(1, 1, 1), (4, 3, 5), (7, 2, 2), (3, 10, 4)]


@pytest.mark.parametrize("batch,n_in,n_out", SHAPES)
def test_dense_gradients_match_finite_differences(batch, n_in, n_out):
    rng = np.random.default_rng(batch * 100 + n_in)
    layer = Dense(n_in, n_out, seed=1)
    layer.params["b"] = rng.normal(size=n_out)
    x = rng.normal(size=(batch, n_in))
    upstream = rng.normal(size=(batch, n_out))

    def loss_of_input(xv):
        return np.sum(layer.forward(xv) * upstream)

    layer.forward(x)
    dx = layer.backward(upstream)
    grads = {k: g.copy() for k, g in layer.grads.items()}
    assert relative_error(dx, central_difference(loss_of_input, x)) < 1e-6
    for name in ("W", "b"):
        original = layer.params[name].copy()

        def loss_of_param(value, name=name):
            layer.params[name] = value
            return np.sum(layer.forward(x) * upstream)

        numeric = central_difference(loss_of_param, original)
        layer.params[name] = original
        assert grads[name].shape == original.shape
        assert relative_error(grads[name], numeric) < 1e-6


@pytest.mark.parametrize("cls", [ReLU, Sigmoid, Tanh])
@pytest.mark.parametrize("shape", [(1, 1), (5, 3), (2, 9)])
def test_activation_gradients_match_finite_differences(cls, shape):
    rng = np.random.default_rng(sum(shape))
    x = rng.normal(size=shape)
    x[np.abs(x) < 1e-3] = 0.5          # keep away from ReLU's kink
    upstream = rng.normal(size=shape)
    layer = cls()
    layer.forward(x)
    analytic = layer.backward(upstream)
    numeric = central_difference(lambda v: np.sum(layer.forward(v) * upstream), x)
    assert relative_error(analytic, numeric) < 1e-6


def test_activation_values_match_definitions():
    x = np.array([[-2.0, -0.5, 0.0, 0.5, 3.0]])
    assert np.allclose(ReLU().forward(x), [[0, 0, 0, 0.5, 3.0]])
    assert np.allclose(Sigmoid().forward(x), 1 / (1 + np.exp(-x)))
    assert np.allclose(Tanh().forward(x), np.tanh(x))


def test_sigmoid_does_not_overflow_for_large_inputs():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = Sigmoid().forward(np.array([[-1000.0, 1000.0]]))
    assert out[0, 0] == 0.0 and out[0, 1] == 1.0


def test_dense_forward_is_affine_map():
    layer = Dense(3, 2, seed=0)
    x = np.arange(6.0).reshape(2, 3)
    assert np.allclose(layer.forward(x), x @ layer.params["W"] + layer.params["b"])
    assert layer.params["W"].shape == (3, 2) and layer.params["b"].shape == (2,)


def test_dense_seed_gives_same_weights():
    assert np.array_equal(Dense(4, 3, seed=5).params["W"], Dense(4, 3, seed=5).params["W"])
    assert not np.array_equal(Dense(4, 3, seed=5).params["W"], Dense(4, 3, seed=6).params["W"])


def test_dense_rejects_wrong_feature_count():
    with pytest.raises(ValueError, match="has 3 column.*expects 2"):
        Dense(2, 4).forward(np.zeros((5, 3)))


def test_dense_rejects_1d_input_and_passes_nan_on():
    """NaN is refused where data enters a model (fit, predict, evaluate); inside the network it
    flows on like any number, so that a diverging training run shows it in the loss, where the
    divergence watch reports it."""
    from helpers.models import Sequential

    with pytest.raises(ValueError, match="1-D array.*reshape"):
        Dense(2, 1).forward(np.array([1.0, 2.0]))
    assert np.isnan(Dense(2, 1, seed=0).forward(np.array([[np.nan, 1.0]]))).all()
    with pytest.raises(ValueError, match="NaN or infinite"):
        Sequential([Dense(2, 1)]).predict(np.array([[np.nan, 1.0]]))


def test_backward_before_forward_is_explained():
    with pytest.raises(RuntimeError, match="before forward"):
        ReLU().backward(np.ones((1, 1)))


def test_backward_rejects_wrong_gradient_shape():
    layer = Dense(2, 3)
    layer.forward(np.ones((4, 2)))
    with pytest.raises(ValueError, match="shape"):
        layer.backward(np.ones((4, 2)))


def test_unknown_activation_lists_known_ones():
    with pytest.raises(ValueError, match="relu.*sigmoid.*tanh"):
        activation("swish")
