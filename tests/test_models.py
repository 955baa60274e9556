import numpy as np
import pytest

from helpers import datasets
from helpers.gradcheck import check_model
from helpers.layers import Dense, ReLU, Sigmoid, Tanh
from helpers.losses import BinaryCrossEntropy, MeanSquaredError, SoftmaxCrossEntropy
from helpers.models import DivergenceError, Sequential, mlp
from helpers.optimizers import SGD, Adam


def xor_model(seed=0):
    model = mlp([2, 8, 8, 1], "tanh", seed=seed)
    model.compile(BinaryCrossEntropy(from_logits=True), Adam(0.02), metrics=["accuracy"])
    return model


def test_xor_is_learned_to_100_percent():
    X, y = datasets.xor(200, seed=0)
    model = xor_model()
    history = model.fit(X, y, epochs=60, batch_size=32, seed=0, verbose=0)
    assert history.history["accuracy"][-1] == 1.0
    X_new, y_new = datasets.xor(200, seed=1)
    assert model.evaluate(X_new, y_new)["accuracy"] == 1.0


def test_a_linear_model_cannot_learn_xor():
    X, y = datasets.xor(200, seed=0)
    model = Sequential([Dense(2, 1, seed=0)])
    model.compile(BinaryCrossEntropy(from_logits=True), Adam(0.05), metrics=["accuracy"])
    model.fit(X, y, epochs=60, seed=0, verbose=0)
    assert model.evaluate(X, y)["accuracy"] < 0.75


def test_digits_network_reaches_95_percent():
    X_train, y_train, X_test, y_test = datasets.digits()
    model = mlp([64, 64, 10], "relu", seed=0)
    model.compile("sparse_categorical_crossentropy", Adam(0.002), metrics=["accuracy"])
    model.fit(X_train, y_train, epochs=30, batch_size=32, seed=0, verbose=0)
    assert model.evaluate(X_test, y_test)["accuracy"] >= 0.95


def test_training_lowers_the_loss_and_history_has_keras_keys():
    X, y = datasets.circles(200, seed=0)
    model = mlp([2, 16, 2], "relu", seed=0)
    model.compile("sparse_categorical_crossentropy", "adam", metrics=["accuracy"])
    history = model.fit(X, y, epochs=20, validation_data=(X[:50], y[:50]), seed=0, verbose=0)
    assert set(history.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert len(history.history["loss"]) == 20 and history.epoch == list(range(20))
    assert history.history["loss"][-1] < history.history["loss"][0]


def test_same_seed_same_training():
    X, y = datasets.moons(100, seed=3)
    losses = []
    for _ in range(2):
        model = xor_model(seed=4)
        losses.append(model.fit(X, y, epochs=3, seed=7, verbose=0).history["loss"])
    assert losses[0] == losses[1]


def test_train_step_is_forward_backward_update():
    X, y = datasets.xor(32, seed=0)
    model = xor_model()
    before = model.get_weights()
    loss = model.train_step(X, y)
    assert np.isclose(loss, BinaryCrossEntropy(from_logits=True).forward(
        _forward(before, model, X), y))
    assert any(not np.array_equal(a, b) for a, b in zip(before, model.get_weights()))


def _forward(weights, model, X):
    clone = mlp([2, 8, 8, 1], "tanh", seed=0)
    clone.set_weights(weights)
    return clone.predict(X)


def test_model_gradients_match_finite_differences():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(6, 3)), rng.integers(0, 4, 6)
    model = Sequential([Dense(3, 5, seed=1), Tanh(), Dense(5, 4, seed=2), Sigmoid(),
                        Dense(4, 4, seed=3)])
    model.compile(SoftmaxCrossEntropy(), SGD(0.1))
    assert check_model(model, X, y) < 1e-6


def test_mse_model_gradients_and_accuracy_on_one_hot():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(5, 2))
    targets = np.eye(3)[rng.integers(0, 3, 5)]
    model = Sequential([Dense(2, 4, seed=0), ReLU(), Dense(4, 3, seed=1)])
    model.compile("mse", "sgd", metrics=["accuracy"])
    assert check_model(model, X, targets) < 1e-6
    acc = model.evaluate(X, targets)["accuracy"]
    assert acc == np.mean(model.predict(X).argmax(1) == targets.argmax(1))


def test_predict_representations_and_proba():
    X, y = datasets.spiral(60, classes=3, seed=0)
    model = mlp([2, 6, 3], "relu", seed=0)
    model.compile(SoftmaxCrossEntropy(), "adam")
    reps = model.representations(X)
    assert len(reps) == len(model.layers) + 1
    assert [r.shape for r in reps] == [(60, 2), (60, 6), (60, 6), (60, 3)]
    assert np.allclose(reps[-1], model.predict(X))
    proba = model.predict_proba(X)
    assert np.allclose(proba.sum(1), 1) and np.array_equal(model.predict_classes(X),
                                                           proba.argmax(1))


def test_binary_predict_proba_has_two_columns():
    model = xor_model()
    proba = model.predict_proba(np.zeros((3, 2)))
    assert proba.shape == (3, 2) and np.allclose(proba.sum(1), 1)


def test_get_and_set_weights_round_trip_in_place():
    a, b = mlp([2, 3, 1], seed=0), mlp([2, 3, 1], seed=9)
    arrays = b.parameters()
    b.set_weights(a.get_weights())
    assert all(x is y for x, y in zip(arrays, b.parameters()))
    assert all(np.array_equal(x, y) for x, y in zip(a.get_weights(), b.get_weights()))
    with pytest.raises(ValueError, match="shape"):
        b.set_weights([np.zeros((9, 9))] + a.get_weights()[1:])


def test_verbose_prints_epoch_lines(capsys):
    X, y = datasets.xor(40, seed=0)
    xor_model().fit(X, y, epochs=30, verbose=1, seed=0)
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("Epoch 1/30 - loss: ") and "accuracy:" in lines[0]
    assert lines[-1].startswith("Epoch 30/30") and 3 <= len(lines) <= 12
    xor_model().fit(X, y, epochs=3, verbose=0)
    assert capsys.readouterr().out == ""


def test_divergence_is_reported_with_the_learning_rate():
    X, y = datasets.circles(100, seed=0)
    X = X * 50
    model = mlp([2, 16, 2], "relu", seed=0)
    model.compile("mse", SGD(lr=5.0))
    with pytest.raises(DivergenceError, match=r"diverged.*learning rate \(lr=5\).*smaller"):
        model.fit(X, np.eye(2)[y], epochs=50, verbose=0)


def test_summary_counts_parameters():
    model = mlp([2, 8, 8, 1])
    assert model.count_params() == (2 * 8 + 8) + (8 * 8 + 8) + (8 * 1 + 1)
    assert model.summary().splitlines()[-1].split()[-1] == str(model.count_params())


@pytest.mark.parametrize("X,message", [
    (np.zeros((5, 3)), "has 3 column.*expects 2"),
    (np.zeros(5), "1-D array.*reshape"),
    (np.full((2, 2), np.nan), "NaN or infinite"),
    ([["a", "b"]], "numbers only"),
])
def test_bad_inputs_are_explained(X, message):
    model = xor_model()
    with pytest.raises((ValueError, TypeError), match=message):
        model.fit(X, [0] * len(np.atleast_1d(X)), verbose=0)


def test_label_problems_are_explained():
    model = mlp([2, 4, 3], seed=0)
    model.compile("sparse_categorical_crossentropy", "adam")
    with pytest.raises(ValueError, match="3 labels but X has 4 rows"):
        model.fit(np.zeros((4, 2)), [0, 1, 2], verbose=0)
    with pytest.raises(ValueError, match="label 5 .* out of range for 3 classes"):
        model.fit(np.zeros((2, 2)), [0, 5], verbose=0)


def test_unknown_names_list_the_known_ones():
    with pytest.raises(ValueError, match="mse"):
        mlp([2, 1]).compile(loss="cross_entropy_plus")
    with pytest.raises(ValueError, match="adam.*rmsprop.*sgd"):
        mlp([2, 1]).compile(loss="mse", optimizer="lbfgs")


def test_training_before_compile_is_explained():
    with pytest.raises(RuntimeError, match="compile"):
        mlp([2, 1]).fit(np.zeros((2, 2)), [0, 1])


def test_non_layer_is_refused():
    with pytest.raises(TypeError, match="holds layers"):
        Sequential(["relu"])
