"""BackpropWalkthrough: stages, buttons, and every number against hand formulas and
finite differences computed here with plain NumPy."""
import numpy as np
import pytest

from helpers.widgets import BackpropWalkthrough
from helpers.widgets.backprop_walkthrough import (DEFAULT_B1, DEFAULT_B2, DEFAULT_W1,
                                                  DEFAULT_W2)

X = np.array([0.8, -0.6])
T = 1.0
W1, B1 = np.array(DEFAULT_W1), np.array(DEFAULT_B1)
W2, B2 = np.array(DEFAULT_W2)[:, 0], DEFAULT_B2[0]


def loss_of(x=X, w1=W1, b1=B1, w2=W2, b2=B2):
    h = np.tanh(x @ w1 + b1)
    return (h @ w2 + b2 - T) ** 2


def fd(f, p, h=1e-6):
    p = np.array(p, dtype=float)
    g = np.zeros_like(p)
    for i in np.ndindex(p.shape):
        up, down = p.copy(), p.copy()
        up[i] += h
        down[i] -= h
        g[i] = (f(up) - f(down)) / (2 * h)
    return g


@pytest.fixture
def walk():
    return BackpropWalkthrough()


def test_forward_numbers_match_a_hand_computation(walk):
    z = np.array([X[0] * W1[0, 0] + X[1] * W1[1, 0] + B1[0],
                  X[0] * W1[0, 1] + X[1] * W1[1, 1] + B1[1]])
    h = np.tanh(z)
    y = h[0] * W2[0] + h[1] * W2[1] + B2
    np.testing.assert_allclose(walk.z[0], z)
    np.testing.assert_allclose(walk.h[0], h)
    assert walk.y_hat[0, 0] == pytest.approx(y)
    assert walk.loss == pytest.approx((y - T) ** 2)


def test_gradients_match_the_chain_rule_by_hand_and_finite_differences(walk):
    z = X @ W1 + B1
    h = np.tanh(z)
    y = h @ W2 + B2
    dy = 2 * (y - T)
    dh = W2 * dy
    dz = dh * (1 - h ** 2)
    g = walk.gradients
    assert g["y_hat"][0, 0] == pytest.approx(dy)
    np.testing.assert_allclose(g["W2"][:, 0], h * dy)
    np.testing.assert_allclose(g["h"][0], dh)
    np.testing.assert_allclose(g["z"][0], dz)
    np.testing.assert_allclose(g["W1"], np.outer(X, dz))
    np.testing.assert_allclose(g["b1"], dz)
    np.testing.assert_allclose(g["x"][0], W1 @ dz)
    # and against finite differences on the plain-NumPy loss above
    np.testing.assert_allclose(g["W1"], fd(lambda w: loss_of(w1=w), W1), rtol=1e-6)
    np.testing.assert_allclose(g["W2"][:, 0], fd(lambda w: loss_of(w2=w), W2), rtol=1e-6)
    np.testing.assert_allclose(g["x"][0], fd(lambda x: loss_of(x=x), X), rtol=1e-6)
    np.testing.assert_allclose(walk.numerical["W1"], g["W1"], rtol=1e-6)
    assert walk.worst_error() < 1e-6


def test_stages_move_forward_back_and_reset(walk):
    n = len(walk.stages)
    assert n == 9 and walk.stage == 0
    assert walk.back_button.disabled and not walk.next_button.disabled
    assert walk.summary() == "BackpropWalkthrough: stage 1 of 9, forward: the input"
    renders = walk.view.renders
    walk.next_button.click()
    assert walk.stage == 1 and walk.view.renders == renders + 1
    assert "Stage 2 of 9" in walk.status.value
    assert walk.value_texts["h1"].get_text().startswith("z1 = ")
    assert walk.value_texts["y"].get_text() == "y = ?"
    for _ in range(20):
        walk.next()
    assert walk.stage == n - 1 and walk.next_button.disabled
    walk.back_button.click()
    assert walk.stage == n - 2
    walk.reset_button.click()
    assert walk.stage == 0 and walk.value_texts["L"].get_text() == "L = ?"
    walk.previous()
    assert walk.stage == 0


def test_forward_rows_and_backward_rows_with_their_checks(walk):
    rows = walk.rows()
    assert [r[0] for r in rows] == ["x1", "x2", "target"]
    for _ in range(4):
        walk.next()
    (name, value, how), = walk.rows()
    assert name == "L" and value == pytest.approx(loss_of())
    walk.next()
    assert walk.stage == 5 and walk.grad_texts["y"].get_text().startswith("dL/dy = ")
    for _ in range(3):
        walk.next()
    rows = walk.rows()
    assert len(rows) == 8
    expected = fd(lambda w: loss_of(w1=w), W1)
    name, backprop, finite, err = rows[0]
    assert name == "dL/dW1[1,1]"
    assert backprop == pytest.approx(expected[0, 0], rel=1e-6)
    assert finite == pytest.approx(expected[0, 0], rel=1e-6)
    assert 0 <= err < 1e-6
    assert "agree with finite differences: yes" in walk.table_text.get_text()
    assert "dL/dx1 = " in walk.grad_texts["x1"].get_text()


def test_rows_of_another_stage_do_not_move_the_widget(walk):
    renders = walk.view.renders
    last = walk.rows(-1)
    assert walk.stage == 0 and walk.view.renders == renders
    assert last == walk.rows(len(walk.stages) - 1) and last[0][0] == "dL/dW1[1,1]"
    with pytest.raises(ValueError, match="between 0 and 8"):
        walk.rows(9)
    with pytest.raises(TypeError, match="whole number"):
        walk.rows(1.5)


def test_other_weights_and_target_change_the_numbers():
    w = BackpropWalkthrough(x=(1.0, 2.0), target=0.0, W1=[[0.1, 0.2], [0.3, 0.4]],
                            b1=[0.0, 0.0], W2=[[1.0], [1.0]], b2=[0.0])
    h = np.tanh(np.array([1.0, 2.0]) @ np.array([[0.1, 0.2], [0.3, 0.4]]))
    assert w.loss == pytest.approx(h.sum() ** 2)
    assert w.worst_error() < 1e-6


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="2 feature"):
        BackpropWalkthrough(x=(1.0, 2.0, 3.0))
    with pytest.raises(ValueError, match="W1 must be finite numbers of shape"):
        BackpropWalkthrough(W1=[[1.0, 2.0]])
    with pytest.raises(ValueError, match="one sample"):
        BackpropWalkthrough(x=[[1.0, 2.0], [3.0, 4.0]])


def test_a_failing_action_shows_in_the_status_instead_of_raising(walk, monkeypatch):
    def broken():
        raise RuntimeError("boom")
    monkeypatch.setattr(walk, "next", broken)
    walk.next_button.click()          # the conftest guard fails the test if this raised
    assert "Problem" in walk.status.value and "boom" in walk.status.value


def test_display_stores_summary_and_png(walk):
    bundle, _ = walk._repr_mimebundle_()
    assert bundle["text/plain"] == walk.summary()
    assert bundle["image/png"][:4] == b"\x89PNG"


def test_going_back_leaves_no_trace_of_later_stages():
    forward, back_again = BackpropWalkthrough(), BackpropWalkthrough()
    for _ in range(4):
        forward.next()
    for _ in range(8):
        back_again.next()
    for _ in range(4):
        back_again.previous()
    assert forward.view.png() == back_again.view.png()
    fresh = BackpropWalkthrough()
    assert fresh.view.png() != forward.view.png()
