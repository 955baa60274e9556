"""Each optimizer against its published update rule, written out by hand for several steps."""
import numpy as np
import pytest

from helpers import optimizers
from helpers.optimizers import SGD, Adam, RMSprop

GRADS = [np.array([0.5, -1.0, 2.0]), np.array([0.1, 0.3, -0.7]), np.array([-0.4, 0.0, 1.5]),
         np.array([1.2, -0.2, 0.05]), np.array([0.0, 0.9, -1.1])]
W0 = np.array([1.0, -2.0, 0.5])


def run(optimizer, grads=GRADS):
    w = W0.copy()
    trace = []
    for g in grads:
        optimizer.step([w], [g])
        trace.append(w.copy())
    return trace


def test_plain_sgd_is_w_minus_lr_g():
    expected, w = [], W0.copy()
    for g in GRADS:
        w = w - 0.1 * g
        expected.append(w)
    assert np.allclose(run(SGD(lr=0.1)), expected, rtol=0, atol=1e-14)


def test_sgd_momentum_follows_pytorch_rule():
    # PyTorch (dampening 0, not Nesterov): b_1 = g_1; b_t = mu b_{t-1} + g_t; w -= lr b_t
    lr, mu, w, b, expected = 0.05, 0.9, W0.copy(), None, []
    for g in GRADS:
        b = g if b is None else mu * b + g
        w = w - lr * b
        expected.append(w)
    assert np.allclose(run(SGD(lr=lr, momentum=mu)), expected, rtol=0, atol=1e-14)


def test_rmsprop_follows_pytorch_rule():
    # PyTorch (alpha = rho, not centred): v = rho v + (1 - rho) g^2; w -= lr g / (sqrt(v) + eps)
    lr, rho, eps, w, v, expected = 0.01, 0.9, 1e-8, W0.copy(), np.zeros(3), []
    for g in GRADS:
        v = rho * v + (1 - rho) * g * g
        w = w - lr * g / (np.sqrt(v) + eps)
        expected.append(w)
    assert np.allclose(run(RMSprop(lr=lr, rho=rho, eps=eps)), expected, rtol=0, atol=1e-14)


def test_adam_follows_bias_corrected_rule():
    # Kingma & Ba (2015), algorithm 1, as in torch.optim.Adam
    lr, b1, b2, eps = 0.02, 0.9, 0.999, 1e-8
    w, m, v, expected = W0.copy(), np.zeros(3), np.zeros(3), []
    for t, g in enumerate(GRADS, start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w = w - lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)
        expected.append(w)
    assert np.allclose(run(Adam(lr=lr, beta1=b1, beta2=b2, eps=eps)), expected, rtol=0,
                       atol=1e-14)


def test_adam_first_step_moves_each_weight_by_about_lr():
    w = W0.copy()
    Adam(lr=0.01).step([w], [GRADS[0]])
    assert np.allclose(np.abs(w - W0), 0.01, rtol=1e-6)


def test_several_parameter_arrays_keep_separate_state():
    a, b = np.zeros(2), np.zeros((2, 2))
    opt = Adam(lr=0.1)
    opt.step([a, b], [np.ones(2), np.full((2, 2), -1.0)])
    assert np.allclose(a, -0.1) and np.allclose(b, 0.1)


def test_reset_forgets_state():
    opt = SGD(lr=0.1, momentum=0.9)
    run(opt)
    opt.reset()
    assert run(opt)[0] == pytest.approx(W0 - 0.1 * GRADS[0])


@pytest.mark.parametrize("lr", [0, -0.1, float("nan"), float("inf")])
def test_bad_learning_rate_is_refused(lr):
    with pytest.raises(ValueError, match="learning rate"):
        SGD(lr=lr)


def test_non_number_learning_rate_is_refused():
    with pytest.raises(TypeError, match="must be a number"):
        Adam(lr="fast")


def test_momentum_must_be_a_fraction():
    with pytest.raises(ValueError, match="momentum"):
        SGD(lr=0.1, momentum=1.5)


def test_mismatched_shapes_and_counts_are_named():
    with pytest.raises(ValueError, match="2 parameter arrays but 1 gradients"):
        SGD(0.1).step([np.zeros(2), np.zeros(2)], [np.zeros(2)])
    with pytest.raises(ValueError, match="shape"):
        SGD(0.1).step([np.zeros(2)], [np.zeros(3)])
    opt = Adam(0.1)
    opt.step([np.zeros(2)], [np.ones(2)])
    with pytest.raises(ValueError, match="reset"):
        opt.step([np.zeros(2), np.zeros(2)], [np.ones(2), np.ones(2)])


def test_get_by_name_uses_keras_default_rates():
    assert optimizers.get("sgd").lr == 0.01
    assert optimizers.get("adam").lr == 0.001
    assert optimizers.get("Adam", lr=0.1).lr == 0.1
    with pytest.raises(ValueError, match="adam.*rmsprop.*sgd"):
        optimizers.get("adagrad")


def test_matches_pytorch_when_installed():
    torch = pytest.importorskip("torch")
    cases = [(SGD(lr=0.05, momentum=0.9), lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9)),
             (RMSprop(lr=0.01, rho=0.9), lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9)),
             (Adam(lr=0.02), lambda p: torch.optim.Adam(p, lr=0.02))]
    for ours, make_theirs in cases:
        w = torch.tensor(W0.copy(), requires_grad=True)
        theirs = make_theirs([w])
        for g, mine in zip(GRADS, run(ours)):
            w.grad = torch.tensor(g)
            theirs.step()
            assert np.allclose(w.detach().numpy(), mine, atol=1e-12)


def test_keras_name_learning_rate_is_the_same_setting():
    for cls, default in [(SGD, 0.01), (RMSprop, 0.001), (Adam, 0.001)]:
        assert cls().lr == default and cls(learning_rate=0.3).lr == 0.3
        np.testing.assert_array_equal(run(cls(learning_rate=0.05)), run(cls(lr=0.05)))
    opt = Adam(lr=0.1)
    opt.learning_rate = 0.02
    assert opt.lr == 0.02 and opt.learning_rate == 0.02
    with pytest.raises(TypeError, match="not both"):
        SGD(lr=0.1, learning_rate=0.1)
    with pytest.raises(ValueError, match="learning rate"):
        opt.learning_rate = -1.0
