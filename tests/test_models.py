import re

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
    assert model.evaluate(X_new, y_new, return_dict=True)["accuracy"] == 1.0


def test_a_linear_model_cannot_learn_xor():
    X, y = datasets.xor(200, seed=0)
    model = Sequential([Dense(2, 1, seed=0)])
    model.compile(BinaryCrossEntropy(from_logits=True), Adam(0.05), metrics=["accuracy"])
    model.fit(X, y, epochs=60, seed=0, verbose=0)
    assert model.evaluate(X, y, return_dict=True)["accuracy"] < 0.75


def test_digits_network_reaches_95_percent():
    X_train, y_train, X_test, y_test = datasets.digits()
    model = mlp([64, 64, 10], "relu", seed=0)
    model.compile("sparse_categorical_crossentropy", Adam(0.002), metrics=["accuracy"])
    model.fit(X_train, y_train, epochs=30, batch_size=32, seed=0, verbose=0)
    assert model.evaluate(X_test, y_test, return_dict=True)["accuracy"] >= 0.95


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
    acc = model.evaluate(X, targets, return_dict=True)["accuracy"]
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


def test_summary_prints_the_table_and_counts_parameters(capsys):
    """As in Keras, summary() prints the table and returns None; print_fn gets the lines."""
    model = mlp([2, 8, 8, 1])
    assert model.count_params() == (2 * 8 + 8) + (8 * 8 + 8) + (8 * 1 + 1)
    assert model.summary() is None
    printed = capsys.readouterr().out.splitlines()
    assert printed[-1].split() == ["total", "105"]
    assert printed[1].split() == ["Dense(2,", "8)", "8", "24"]
    lines = []
    model.summary(print_fn=lines.append)
    assert lines == printed and capsys.readouterr().out == ""


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


# ----- divergence: one rule, reported the same way everywhere ----------------------------------
@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
@pytest.mark.parametrize("lr", [1e3, 1e6])
def test_digits_with_a_wild_learning_rate_stop_with_a_clear_message(optimizer, lr, capsys):
    from helpers import optimizers, scoreboard

    X_train, y_train, _, _ = scoreboard.digits_split()
    model = mlp([64, 64, 10], "relu", seed=0)
    model.compile("sparse_categorical_crossentropy", optimizers.get(optimizer, lr),
                  metrics=["accuracy"])
    rate = re.escape(f"(lr={lr:g})")
    with pytest.raises(DivergenceError, match=rf"training diverged.*{rate}.*smaller"):
        model.fit(X_train, y_train, epochs=5, verbose=1)
    assert "Epoch" not in capsys.readouterr().out      # no line with an absurd loss was printed


def test_train_step_reports_the_same_divergence_and_leaves_the_weights_alone():
    X_train, y_train, _, _ = datasets.digits()
    model = mlp([64, 64, 10], "relu", seed=0)
    model.compile("sparse_categorical_crossentropy", SGD(lr=1e3))
    with pytest.raises(DivergenceError, match="more than 10 times its starting value"):
        for start in range(0, len(X_train), 32):
            before = model.get_weights()
            model.train_step(X_train[start:start + 32], y_train[start:start + 32])
    for a, b in zip(before, model.get_weights()):   # the diverged step changed nothing
        np.testing.assert_array_equal(a, b)


def test_healthy_training_with_one_sample_batches_is_not_called_divergent():
    """Single-sample losses jump to several times the first one in healthy training; the watch
    follows their running average, so this must train without a DivergenceError."""
    X, y = datasets.moons(200, noise=0.1, seed=0)
    model = mlp([2, 4, 4, 2], "tanh", seed=0)
    model.compile(SoftmaxCrossEntropy(), SGD(lr=0.3), metrics=["accuracy"])
    history = model.fit(X, y, epochs=20, batch_size=1, seed=0, verbose=0)
    assert history.history["accuracy"][-1] > 0.8


def test_divergence_is_recognised_by_the_loss_not_by_error_text():
    """A layer's own ValueError that happens to mention NaN stays a ValueError."""
    class Picky(Tanh):
        def forward(self, x):
            raise ValueError("this layer refuses NaN or infinite values, and everything else")

    model = Sequential([Dense(2, 2, seed=0), Picky()])
    model.compile("mse", "sgd")
    with pytest.raises(ValueError, match="refuses") as caught:
        model.fit(np.zeros((4, 2)), np.zeros((4, 2)), verbose=0)
    assert not isinstance(caught.value, DivergenceError)


@pytest.mark.parametrize("loss, y", [
    ("mse", np.array([[0.0], [np.nan], [1.0], [0.0]])),
    ("mse", np.array([0.0, 1.0, np.inf, 0.0])),
    ("sparse_categorical_crossentropy", np.array([0.0, 1.0, np.nan, 0.0])),
    ("categorical_crossentropy", np.array([[1.0, 0.0], [np.nan, 1.0], [0.0, 1.0], [1, 0]])),
    (BinaryCrossEntropy(from_logits=True), np.array([0.0, 1.0, np.nan, 0.0])),
])
def test_nan_targets_are_an_error_about_the_targets(loss, y):
    n_out = 1 if loss in ("mse",) or isinstance(loss, BinaryCrossEntropy) else 2
    model = mlp([2, 3, n_out], seed=0)
    model.compile(loss, SGD(lr=1e6))          # even with a wild learning rate
    X = np.ones((4, 2))
    for call in (lambda: model.fit(X, y, verbose=0), lambda: model.train_step(X, y),
                 lambda: model.evaluate(X, y)):
        with pytest.raises(ValueError, match=r"y contains .*NaN or infinite") as caught:
            call()
        assert not isinstance(caught.value, DivergenceError)
        assert "learning rate" not in str(caught.value)


def test_compile_restarts_the_divergence_watch():
    X, y = datasets.xor(64, seed=0)
    model = xor_model()
    model.fit(X, y, epochs=2, seed=0, verbose=0)
    assert model.watch.start == pytest.approx(BinaryCrossEntropy(from_logits=True).forward(
        mlp([2, 8, 8, 1], "tanh", seed=0).predict(X), y))   # fit starts from the whole set
    model.compile(BinaryCrossEntropy(from_logits=True), Adam(0.02))
    assert model.watch.start is None


# ----- Keras habits -----------------------------------------------------------------------------
def _softmax_ce(logits, labels):
    z = logits - logits.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -np.mean(log_p[np.arange(len(labels)), labels])


def test_evaluate_returns_what_keras_returns():
    X, y = datasets.spiral(60, classes=3, seed=0)
    model = mlp([2, 6, 3], "relu", seed=0)
    model.compile("sparse_categorical_crossentropy", "adam")
    out = model.predict(X)
    expected_loss = _softmax_ce(out, y)
    expected_acc = np.mean(out.argmax(axis=1) == y)
    loss = model.evaluate(X, y)                         # no metrics: the loss alone
    assert isinstance(loss, float) and loss == pytest.approx(expected_loss, rel=1e-12)
    model.compile("sparse_categorical_crossentropy", "adam", metrics=["accuracy"])
    loss, acc = model.evaluate(X, y)                    # with metrics: [loss, accuracy]
    assert loss == pytest.approx(expected_loss, rel=1e-12) and acc == expected_acc
    assert model.evaluate(X, y, return_dict=True) == {"loss": loss, "accuracy": acc}
    assert model.evaluate(X, y, batch_size=8, verbose=0) == [loss, acc]


def test_categorical_takes_one_hot_and_sparse_takes_integers_and_they_train_alike():
    X, y = datasets.spiral(90, classes=3, seed=1)
    one_hot = np.eye(3)[y]
    sparse, categorical = mlp([2, 8, 3], seed=0), mlp([2, 8, 3], seed=0)
    sparse.compile("sparse_categorical_crossentropy", Adam(0.01), metrics=["accuracy"])
    categorical.compile("categorical_crossentropy", Adam(0.01), metrics=["accuracy"])
    a = sparse.fit(X, y, epochs=5, seed=0, verbose=0).history
    b = categorical.fit(X, one_hot, epochs=5, seed=0, verbose=0).history
    np.testing.assert_allclose(a["loss"], b["loss"], rtol=1e-12)
    for w_a, w_b in zip(sparse.get_weights(), categorical.get_weights()):
        np.testing.assert_allclose(w_a, w_b, rtol=1e-10, atol=1e-12)
    with pytest.raises(ValueError, match="'categorical_crossentropy' takes one-hot rows.*"
                                         "'sparse_categorical_crossentropy'"):
        categorical.fit(X, y, verbose=0)
    with pytest.raises(ValueError, match="one integer label per row.*argmax.*"
                                         "'categorical_crossentropy'"):
        sparse.fit(X, one_hot, verbose=0)


def test_loss_names_as_in_keras():
    from helpers import losses

    model = mlp([2, 3, 1], seed=0)
    for name, cls in [("mse", MeanSquaredError), ("mean_squared_error", MeanSquaredError),
                      ("binary_crossentropy", BinaryCrossEntropy),
                      ("categorical_crossentropy", losses.CategoricalCrossEntropy),
                      ("sparse_categorical_crossentropy", losses.SparseCategoricalCrossEntropy)]:
        assert type(model.compile(name).loss) is cls
    assert model.compile("binary_crossentropy").loss.from_logits is False   # as in Keras


def test_set_random_seed_repeats_unseeded_building_and_training():
    import helpers

    def run():
        model = Sequential([Dense(2, 8), Tanh(), Dense(8, 2)])     # no seeds anywhere
        model.compile("sparse_categorical_crossentropy", Adam(0.05))
        history = model.fit(X, y, epochs=3, verbose=0)             # shuffled, no seed
        twin = mlp([2, 4, 2], seed=None)
        return model.get_weights() + twin.get_weights(), history.history["loss"]

    X, y = datasets.moons(80, seed=0)
    helpers.set_random_seed(42)
    first = run()
    helpers.set_random_seed(42)
    second = run()
    helpers.set_random_seed(43)
    third = run()
    assert first[1] == second[1] and first[1] != third[1]
    for a, b in zip(first[0], second[0]):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(first[0][0], third[0][0])
    with pytest.raises(ValueError, match="seed"):
        helpers.set_random_seed(-1)


def test_failed_compile_leaves_the_model_as_it_was():
    X, y = datasets.xor(64, seed=0)
    model = xor_model()
    model.fit(X, y, epochs=1, seed=0, verbose=0)
    loss, optimizer, start = model.loss, model.optimizer, model.watch.start
    for bad in [dict(loss="hinge"), dict(loss="mse", optimizer="lbfgs"),
                dict(loss="mse", metrics=["precision"]), dict(loss="mse", metrics="accuracy")]:
        with pytest.raises((ValueError, TypeError)):
            model.compile(**bad)
        assert model.loss is loss and model.optimizer is optimizer
        assert model.metrics == ["accuracy"] and model.watch.start == start


def test_keras_positional_order_in_compile_is_explained():
    model = mlp([2, 2], seed=0)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")   # Keras keywords
    for optimizer in ("adam", "SGD", Adam(0.1)):
        with pytest.raises(ValueError, match="is an optimizer.*loss first.*compile\\(optimizer"):
            model.compile(optimizer, "sparse_categorical_crossentropy")


def test_optimizers_accept_keras_argument_name():
    assert Adam(learning_rate=0.01).lr == 0.01 and SGD(learning_rate=0.5).learning_rate == 0.5
    model = mlp([2, 2], seed=0)
    model.compile("mse", SGD(learning_rate=0.1))
    model.optimizer.learning_rate = 0.2
    assert model.optimizer.lr == 0.2


def test_predict_accepts_keras_arguments_and_proba_needs_the_loss():
    model = mlp([2, 3, 2], seed=0)
    X = np.ones((3, 2))
    np.testing.assert_array_equal(model.predict(X, verbose=0), model.predict(X))
    with pytest.raises(RuntimeError, match="compile"):
        model.predict_proba(X)


# ----- callbacks ----------------------------------------------------------------------------------
def test_callbacks_see_every_epoch_with_the_history_numbers():
    from helpers.models import Callback

    class Recorder(Callback):
        def __init__(self):
            self.calls = []

        def on_train_begin(self, logs=None):
            self.calls.append(("begin", self.model))

        def on_epoch_end(self, epoch, logs=None):
            self.calls.append((epoch, dict(logs)))

        def on_train_end(self, logs=None):
            self.calls.append(("end", dict(logs)))

    X, y = datasets.xor(64, seed=0)
    model = xor_model()
    recorder, seen = Recorder(), []
    history = model.fit(X, y, epochs=3, seed=0, verbose=0, validation_data=(X[:16], y[:16]),
                        callbacks=[recorder, lambda epoch, logs: seen.append(epoch)])
    assert recorder.calls[0] == ("begin", model) and seen == [0, 1, 2]
    for epoch in range(3):
        assert recorder.calls[1 + epoch] == (epoch, {k: v[epoch] for k, v in
                                                     history.history.items()})
    assert recorder.calls[-1] == ("end", recorder.calls[-2][1])
    with pytest.raises(TypeError, match="callbacks"):
        model.fit(X, y, verbose=0, callbacks=["checkpoint"])


def test_a_callback_does_not_change_training():
    X, y = datasets.xor(64, seed=0)
    a, b = xor_model(), xor_model()
    a.fit(X, y, epochs=4, seed=3, verbose=0)
    b.fit(X, y, epochs=4, seed=3, verbose=0, callbacks=[lambda epoch, logs: b.get_weights()])
    for w_a, w_b in zip(a.get_weights(), b.get_weights()):
        np.testing.assert_array_equal(w_a, w_b)


def test_backprop_leaves_the_weights_and_train_step_is_backprop_plus_update():
    X, y = datasets.xor(32, seed=0)
    model = xor_model()
    before = model.get_weights()
    loss = model.backprop(X, y)
    grads = [g.copy() for g in model.gradients()]
    for a, b in zip(before, model.get_weights()):
        np.testing.assert_array_equal(a, b)
    manual = [w.copy() for w in before]
    Adam(0.02).step(manual, grads)
    assert model.train_step(X, y) == loss
    for a, b in zip(manual, model.get_weights()):
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-15)
