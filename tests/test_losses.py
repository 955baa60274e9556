import numpy as np
import pytest
from sklearn.metrics import log_loss

from helpers import losses
from helpers.layers import sigmoid
from helpers.losses import BinaryCrossEntropy, MeanSquaredError, SoftmaxCrossEntropy
from tests.reference import central_difference, relative_error


def _grad_check(loss, pred, target):
    loss.forward(pred, target)
    analytic = loss.backward()
    numeric = central_difference(lambda p: loss.forward(p, target), pred)
    return relative_error(analytic, numeric)


@pytest.mark.parametrize("shape", [(1, 1), (6, 1), (5, 3)])
def test_mse_value_and_gradient(shape):
    rng = np.random.default_rng(shape[0])
    pred, target = rng.normal(size=shape), rng.normal(size=shape)
    assert np.isclose(MeanSquaredError().forward(pred, target), np.mean((pred - target) ** 2))
    assert _grad_check(MeanSquaredError(), pred, target) < 1e-6


@pytest.mark.parametrize("n", [1, 8, 25])
def test_binary_cross_entropy_on_probabilities(n):
    rng = np.random.default_rng(n)
    p = rng.uniform(0.05, 0.95, size=(n, 1))
    t = rng.integers(0, 2, n)
    value = BinaryCrossEntropy().forward(p, t)
    assert np.isclose(value, log_loss(t, p[:, 0], labels=[0, 1]))
    assert _grad_check(BinaryCrossEntropy(), p, t) < 1e-6


@pytest.mark.parametrize("n", [1, 8, 25])
def test_binary_cross_entropy_from_logits(n):
    rng = np.random.default_rng(n + 1)
    z = rng.normal(scale=3, size=(n, 1))
    t = rng.integers(0, 2, n)
    p = 1 / (1 + np.exp(-z[:, 0]))
    assert np.isclose(BinaryCrossEntropy(from_logits=True).forward(z, t),
                      log_loss(t, p, labels=[0, 1]))
    assert _grad_check(BinaryCrossEntropy(from_logits=True), z, t) < 1e-6


def test_binary_cross_entropy_from_logits_is_stable_for_huge_scores():
    loss = BinaryCrossEntropy(from_logits=True)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        value = loss.forward(np.array([[1000.0], [-1000.0]]), [1, 0])
    assert value == pytest.approx(0.0, abs=1e-12)
    assert np.isclose(loss.forward(np.array([[-1000.0]]), [1]), 1000.0)


@pytest.mark.parametrize("n,k", [(1, 2), (7, 3), (20, 10)])
def test_softmax_cross_entropy_value_and_gradient(n, k):
    rng = np.random.default_rng(n * k)
    logits = rng.normal(scale=2, size=(n, k))
    labels = rng.integers(0, k, n)
    probs = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    expected = -np.mean(np.log(probs[np.arange(n), labels]))
    assert np.isclose(SoftmaxCrossEntropy().forward(logits, labels), expected)
    assert _grad_check(SoftmaxCrossEntropy(), logits, labels) < 1e-6


def test_softmax_cross_entropy_accepts_one_hot_targets():
    logits = np.array([[1.0, 2.0, 0.5], [0.1, 0.2, 3.0]])
    a = SoftmaxCrossEntropy().forward(logits, [1, 2])
    b = SoftmaxCrossEntropy().forward(logits, np.eye(3)[[1, 2]])
    assert np.isclose(a, b)


def test_softmax_cross_entropy_is_stable_for_huge_logits():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        value = SoftmaxCrossEntropy().forward(np.array([[1000.0, 0.0, -1000.0]]), [0])
    assert value == pytest.approx(0.0, abs=1e-12)


def test_softmax_rows_sum_to_one():
    p = losses.softmax(np.array([[1.0, 2.0, 3.0], [1000.0, 1000.0, 0.0]]))
    assert np.allclose(p.sum(axis=1), 1.0)
    assert np.allclose(p[1], [0.5, 0.5, 0.0])


def test_label_out_of_range_is_named():
    with pytest.raises(ValueError, match="label 3 .* out of range for 3 classes"):
        SoftmaxCrossEntropy().forward(np.zeros((2, 3)), [0, 3])


def test_label_count_mismatch_is_named():
    with pytest.raises(ValueError, match="2 labels but X has 3 rows"):
        SoftmaxCrossEntropy().forward(np.zeros((3, 2)), [0, 1])


def test_probabilities_outside_unit_interval_suggest_from_logits():
    with pytest.raises(ValueError, match="from_logits=True"):
        BinaryCrossEntropy().forward(np.array([[2.0]]), [1])


def test_nan_predictions_point_at_learning_rate():
    with pytest.raises(ValueError, match="learning rate"):
        MeanSquaredError().forward(np.array([[np.nan]]), [[1.0]])


def test_get_by_name_and_unknown_name():
    assert isinstance(losses.get("mse"), MeanSquaredError)
    assert isinstance(losses.get("sparse_categorical_crossentropy"), SoftmaxCrossEntropy)
    with pytest.raises(ValueError, match="binary_crossentropy.*mse"):
        losses.get("hinge")


def test_backward_before_forward_is_explained():
    with pytest.raises(RuntimeError, match="before forward"):
        MeanSquaredError().backward()


# ----- what the outputs mean, decided by the loss ---------------------------------------------
def test_each_loss_reads_probabilities_classes_and_accuracy_from_outputs():
    logits = np.array([[2.0, -1.0, 0.5], [0.1, 0.2, 3.0], [1.0, 1.5, -2.0]])
    soft = SoftmaxCrossEntropy()
    p = soft.probabilities(logits)
    np.testing.assert_allclose(p, np.exp(logits) / np.exp(logits).sum(1, keepdims=True))
    np.testing.assert_array_equal(soft.classes(logits), [0, 2, 1])
    assert soft.accuracy(logits, soft.prepare([0, 2, 0], 3, 3)) == pytest.approx(2 / 3)

    z = np.array([[-2.0], [0.3], [4.0]])
    logit_bce = BinaryCrossEntropy(from_logits=True)
    p1 = 1 / (1 + np.exp(-z[:, 0]))
    np.testing.assert_allclose(logit_bce.probabilities(z), np.column_stack([1 - p1, p1]))
    np.testing.assert_array_equal(logit_bce.classes(z), [0, 1, 1])
    prob_bce = BinaryCrossEntropy()
    np.testing.assert_array_equal(prob_bce.classes(np.array([[0.2], [0.6], [0.5]])), [0, 1, 0])
    assert prob_bce.accuracy(np.array([[0.2], [0.6]]), prob_bce.prepare([1, 1], 2, 1)) == 0.5

    mse = MeanSquaredError()
    np.testing.assert_array_equal(mse.classes(np.array([[0.2, 0.9], [1.4, 0.3]])), [1, 0])
    np.testing.assert_array_equal(mse.classes(np.array([[0.7], [0.1]])), [1, 0])
    np.testing.assert_allclose(mse.probabilities(np.array([[1.3], [0.25]])),
                               [[0.0, 1.0], [0.75, 0.25]])


def test_forward_is_prepare_then_compute():
    rng = np.random.default_rng(3)
    logits, labels = rng.normal(size=(6, 4)), rng.integers(0, 4, 6)
    a, b = SoftmaxCrossEntropy(), SoftmaxCrossEntropy()
    assert a.forward(logits, labels) == b.compute(logits, b.prepare(labels, 6, 4))
    np.testing.assert_array_equal(a.backward(), b.backward())


def test_prepared_targets_have_the_working_form():
    assert SoftmaxCrossEntropy().prepare([1, 0], 2, 3).tolist() == [1, 0]
    np.testing.assert_array_equal(SoftmaxCrossEntropy().prepare(np.eye(3)[[1, 0]], 2, 3),
                                  np.eye(3)[[1, 0]])
    assert BinaryCrossEntropy().prepare([1, 0, 1], 3, 1).tolist() == [[1.0], [0.0], [1.0]]
    assert MeanSquaredError().prepare([0.5, 2.0], 2, 1).tolist() == [[0.5], [2.0]]


def test_keras_contracts_for_the_categorical_names():
    one_hot = np.eye(3)[[2, 0]]
    logits = np.array([[0.0, 1.0, 2.0], [1.0, 0.0, -1.0]])
    assert losses.get("categorical_crossentropy").forward(logits, one_hot) == pytest.approx(
        SoftmaxCrossEntropy().forward(logits, [2, 0]))
    with pytest.raises(ValueError, match="'sparse_categorical_crossentropy'"):
        losses.get("categorical_crossentropy").forward(logits, [2, 0])
    with pytest.raises(ValueError, match="argmax"):
        losses.get("sparse_categorical_crossentropy").forward(logits, one_hot)


@pytest.mark.parametrize("loss, n_outputs, target, message", [
    (MeanSquaredError(), 1, [[0.0], [np.nan]], "target contains 1 NaN or infinite"),
    (MeanSquaredError(), 1, [[1.0, 2.0], [3.0, 4.0]], "2 value.* per row .* 1 output"),
    (MeanSquaredError(), 1, [["a"], ["b"]], "numbers only"),
    (BinaryCrossEntropy(), 1, [0, np.inf], "NaN or infinite"),
    (SoftmaxCrossEntropy(), 2, [[0.0, 1.0], [np.nan, 0.0]], "NaN or infinite"),
])
def test_bad_targets_are_named_as_targets(loss, n_outputs, target, message):
    with pytest.raises((ValueError, TypeError), match=message) as caught:
        loss.forward(np.full((2, n_outputs), 0.5), target)
    assert "learning rate" not in str(caught.value)


def test_binary_cross_entropy_needs_one_output():
    with pytest.raises(ValueError, match="one output per sample, got 3"):
        BinaryCrossEntropy().prepare([0, 1], 2, 3)


def test_binary_cross_entropy_from_logits_shares_one_exp_and_changes_no_number():
    # the loss and the sigmoid it keeps for backward() come from one exp(-|z|): the very same
    # numbers as computing each directly, down to the last bit, over the whole range of z
    rng = np.random.default_rng(0)
    z = np.concatenate([rng.normal(0.0, 30.0, (4000, 1)), [[0.0], [-0.0], [800.0], [-800.0]]])
    t = (rng.random((len(z), 1)) > 0.5).astype(float)
    loss = BinaryCrossEntropy(from_logits=True)
    direct = np.mean(np.maximum(z, 0) - z * t + np.log1p(np.exp(-np.abs(z))))
    assert loss.compute(z, t) == float(direct)
    assert np.array_equal(loss.backward(), (sigmoid(z) - t) / len(z))
