"""helpers.training_session: the stepper's training, run from a plain script (no widgets, no
matplotlib figures).

References are independent of the session: Sequential.fit for the weights, Sequential.evaluate
for the history, NumPy for the mean squared error, finite differences for the gradient sizes,
hand counts for the epoch arithmetic, and the shared DivergenceWatch text for divergence.
"""
import inspect
import json
import math
import warnings

import numpy as np
import pytest

from helpers import models
from helpers.gradcheck import numerical_gradient
from helpers.losses import MeanSquaredError, SoftmaxCrossEntropy
from helpers.optimizers import SGD, Adam
from helpers.training_session import TrainingSession
from helpers.training_settings import SESSION_DEFAULTS, check_config, parse_hidden

GOOD_CSV = "x,y,label\n" + "\n".join(
    f"{x:.3f},{y:.3f},{int(x + y > 0)}"
    for x, y in np.random.default_rng(5).uniform(-3, 3, (60, 2)))


@pytest.fixture(autouse=True)
def no_numpy_warnings():
    """A warning would reach a notebook's stderr (and fail nbval): treat it as an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        yield


def evaluate(model, X, y):
    """Sequential.evaluate as a dict {'loss', 'accuracy'}, whichever form it returns."""
    if "return_dict" in inspect.signature(model.evaluate).parameters:
        return model.evaluate(X, y, return_dict=True)
    return model.evaluate(X, y)


def test_no_widget_or_figure_is_involved():
    import helpers.training_session as module
    source = inspect.getsource(module)
    assert "ipywidgets" not in source and "matplotlib" not in source
    s = TrainingSession()
    assert s.config() == check_config({}) == dict(SESSION_DEFAULTS, hidden=[4, 4])


def test_training_matches_sequential_fit_with_the_same_seed():
    # Sequential.fit shuffles with default_rng(seed) once per epoch, as the session does.
    s = TrainingSession(batch_size=16, optimizer="adam", lr=0.03)
    assert s.run(3 * s.steps_per_epoch) == 30 and (s.epoch, s.steps) == (3, 30)
    model = models.mlp([2, 4, 4, 2], "tanh", seed=0)
    model.compile(loss=SoftmaxCrossEntropy(), optimizer=Adam(0.03), metrics=["accuracy"])
    model.fit(s.X_train, s.y_train, epochs=3, batch_size=16, seed=0, verbose=0)
    for a, b in zip(s.model.get_weights(), model.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12)
    logs = evaluate(model, s.X_test, s.y_test)
    assert s.history["val_loss"][-1] == pytest.approx(logs["loss"], rel=1e-12)
    assert s.history["val_accuracy"][-1] == pytest.approx(logs["accuracy"])


def test_history_holds_evaluate_numbers_after_every_step():
    s = TrainingSession(dataset="xor", hidden=[6], activation="relu", optimizer="momentum",
                        lr=0.05)
    for _ in range(3):
        assert s.step() is True
        train = evaluate(s.model, s.X_train, s.y_train)
        test = evaluate(s.model, s.X_test, s.y_test)
        assert s.history["loss"][-1] == pytest.approx(train["loss"], rel=1e-12)
        assert s.history["accuracy"][-1] == pytest.approx(train["accuracy"])
        assert s.history["val_loss"][-1] == pytest.approx(test["loss"], rel=1e-12)
        assert s.history["val_accuracy"][-1] == pytest.approx(test["accuracy"])
    assert s.history["epoch"][-1] == pytest.approx(3 * 10 / 150)   # epochs as a fraction
    assert isinstance(s.model.optimizer, SGD) and s.model.optimizer.momentum == 0.9


def test_mse_loss_trains_on_one_hot_targets():
    s = TrainingSession(loss="mse", optimizer="sgd", lr=0.5, dataset="running example")
    s.run(20 * s.steps_per_epoch)
    out = s.model.predict(s.X_train)
    expected = np.mean((out - np.eye(2)[s.y_train]) ** 2)   # mse against one-hot rows
    assert s.history["loss"][-1] == pytest.approx(expected, rel=1e-12)
    assert isinstance(s.model.loss, MeanSquaredError)
    assert s.history["val_accuracy"][-1] >= 0.9


def test_gradient_sizes_match_finite_differences():
    s = TrainingSession(hidden=[3], batch_size=8, optimizer="sgd", lr=0.1)
    start = s.model.get_weights()
    batch = np.random.default_rng(0).permutation(150)[:8]       # the first mini-batch
    Xb, yb = s.X_train[batch], s.y_train[batch]
    s.step()
    probe = models.mlp([2, 3, 2], "tanh", seed=0)
    probe.set_weights(start)
    loss = SoftmaxCrossEntropy()
    numeric = [numerical_gradient(lambda _: loss.forward(probe.predict(Xb), yb), p)
               for p in probe.parameters()]
    expected = [math.sqrt(np.sum(numeric[0] ** 2) + np.sum(numeric[1] ** 2)),
                math.sqrt(np.sum(numeric[2] ** 2) + np.sum(numeric[3] ** 2))]
    np.testing.assert_allclose(s.grad_norms, expected, rtol=1e-6)


@pytest.mark.parametrize("batch, expected", [(16, 10), (10, 15), (150, 1), (1, 150)])
def test_an_epoch_is_ceil_of_training_points_over_batch_size(batch, expected):
    s = TrainingSession(batch_size=batch)
    assert s.steps_per_epoch == expected == math.ceil(150 / batch)
    assert s.step_epoch() == expected and (s.epoch, s.steps) == (1, expected)


def test_reset_and_the_same_config_repeat_the_same_numbers():
    s = TrainingSession(dataset="spiral (3 classes)", hidden="6, 5", activation="relu",
                        optimizer="rmsprop", lr=0.01, batch_size=12, seed=7)
    s.run(40)
    first = json.loads(json.dumps(s.history))
    t = TrainingSession(**json.loads(json.dumps(s.config())))
    t.run(40)
    assert t.history == s.history
    s.reset()
    assert (s.steps, s.epoch, len(s.history["loss"])) == (0, 0, 1)
    for a, b in zip(s.model.get_weights(), s.initial_weights):
        np.testing.assert_array_equal(a, b)
    s.run(40)
    assert s.history == first


def test_settings_apply_at_once_or_start_again():
    s = TrainingSession()
    s.run(12)
    version = s.version
    s.set("lr", 0.001)
    assert s.model.optimizer.lr == 0.001 and s.steps == 12 and s.version == version
    s.set("optimizer", "sgd")
    assert isinstance(s.model.optimizer, SGD) and s.steps == 12
    s.set("hidden", "3")
    assert s.steps == 0 and s.version > version and len(s.grad_norms) == 2
    data = s.data_version
    s.set("noise", 0.2)
    assert s.data_version == data + 1
    with pytest.raises(ValueError, match="unknown setting"):
        s.set("data", None)
    with pytest.raises(ValueError, match="between 1 and 64"):
        s.set("hidden", [100])
    assert s.config()["hidden"] == [3]                    # a refused setting changes nothing


def test_bad_configs_name_the_problem():
    with pytest.raises(ValueError, match="unknown setting"):
        check_config({"learning_rate": 0.1})
    with pytest.raises(ValueError, match="learning rate"):
        TrainingSession(lr=0.0)
    with pytest.raises(TypeError, match="must be a number"):
        TrainingSession(batch_size="ten")
    with pytest.raises(ValueError, match="whole numbers"):
        parse_hidden("8, eight")
    with pytest.raises(ValueError, match="at most 6"):
        parse_hidden([2] * 7)
    assert parse_hidden("") == [] and parse_hidden("8; 4") == [8, 4]


def test_stop_conditions():
    s = TrainingSession(max_epochs=2, batch_size=15)
    assert s.run(1000) == 20 and s.epoch == 2
    assert s.stop_reason.startswith("stopped: reached the limit of 2 epochs")
    assert s.step() is False and s.steps == 20
    s.set("max_epochs", 0)
    assert s.stop_reason == "" and s.run(5) == 5
    t = TrainingSession(target_loss=0.3, max_epochs=0)
    t.run(10000)
    assert t.history["loss"][-1] <= 0.3 < min(t.history["loss"][:-1])
    assert "target 0.300" in t.status_text()


def test_an_exploding_loss_is_reported_with_the_shared_rule():
    s = TrainingSession(optimizer="sgd", lr=10.0)
    s.run(10)
    assert s.diverged and s.step() is False
    start, loss = s.history["loss"][0], s.history["loss"][-1]
    assert loss > 10 * max(start, 0.1)                          # DivergenceWatch's rule
    assert s.diverge_message == (
        f"training diverged: the train loss jumped to {loss:.3g}, more than 10 times its "
        f"starting value {start:.3g}. The learning rate (lr=10) is most likely too large; press "
        f"Reset and try a smaller one, for example ten times smaller.")
    assert s.status_text().endswith(s.diverge_message)
    s.reset()
    assert not s.diverged and s.watch.start == s.history["loss"][0]


def test_numbers_that_stop_being_finite_are_divergence_not_a_crash():
    s = TrainingSession(loss="mse", optimizer="sgd", lr=10.0)
    s.run(20)
    assert s.diverged and "press Reset and try a smaller one" in s.diverge_message
    assert "rebuild the model" not in s.diverge_message
    assert s.plane() == (None, None) or np.all(np.isfinite(s.plane()[1]))


def test_plane_gives_every_layers_output_and_probabilities_on_the_grid():
    s = TrainingSession(dataset="spiral (3 classes)", hidden=[5])
    s.run(5)
    reps, p = s.plane()
    assert len(reps) == len(s.model.layers) + 1 and p.shape == (64 * 64, 3)
    np.testing.assert_allclose(p, s.model.predict_proba(s.grid), atol=1e-12)
    grid = np.column_stack([s.xx.ravel(), s.yy.ravel()])
    np.testing.assert_allclose(s.grid, grid)            # built-in sets are not rescaled
    assert s.plane()[0] is reps                          # computed once per version


def test_a_csv_loads_standardised_and_says_not_trained_yet(tmp_path):
    s = TrainingSession()
    assert s.load_csv(GOOD_CSV) == 60
    assert s.cfg["dataset"] == "your CSV" and s.n_classes == 2
    X = np.vstack([s.X_train, s.X_test])
    np.testing.assert_allclose(s.scale(X).mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(s.scale(X).std(axis=0), 1)
    assert s.status_text() == "epoch 0 · step 0 · not trained yet"
    s.step()
    assert "test accuracy" in s.status_text()
    path = tmp_path / "points.csv"
    path.write_text(GOOD_CSV)
    assert TrainingSession().load_csv(str(path)) == 60
    s.set("dataset", "xor")
    s.set("dataset", "your CSV")                         # the loaded points are kept
    assert len(s.config()["data"]["y"]) == 60


@pytest.mark.parametrize("source", [
    "x,y,label\n1,2\n3,4\n", "x,y,label\n" + "1,2,0\n" * 20, "x,y,label\n1,2,0\n3,4,1\n",
    "x,y,label\n" + "1,2,0\n3,4,7\n" * 5, 42])
def test_a_bad_csv_raises_and_changes_nothing(source):
    s = TrainingSession()
    before = s.config()
    with pytest.raises((ValueError, TypeError, OSError)):
        s.load_csv(source)
    assert s.config() == before


def test_the_session_imports_no_widgets_and_no_plotting():
    """The engine knows nothing of widgets or drawing (docs/ARCHITECTURE.md): a plain script
    can train without matplotlib or ipywidgets being imported at all."""
    import subprocess
    import sys
    code = ("import sys, helpers.training_session, helpers.models, helpers.classical; "
            "print(sorted(m for m in ('matplotlib', 'ipywidgets') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
