"""Tests for the training stepper widget (helpers/widgets/stepper.py), driven without a browser.

The training itself is tested headless in tests/test_training_session.py and the pictures in
tests/plots/test_training_session.py; here: the controls, the buttons, the play loop, the status
line and the pictures the widget sends. References are independent of the widget: Sequential.fit
for the training numbers, finite differences for the gradient bars, and hand counts for the epoch
arithmetic.
"""
import asyncio
import datetime
import json
import math
import warnings

import numpy as np
import pytest

from helpers import datasets, models
from helpers.gradcheck import numerical_gradient
from helpers.losses import MeanSquaredError, SoftmaxCrossEntropy
from helpers.optimizers import SGD, Adam
from helpers.plots.training_session import MOVING, NOTHING
from helpers.widgets import stepper as stepper_module
from helpers.widgets.stepper import STEPPER_DEFAULTS, TrainingStepper, check_config

GOOD_CSV = "x,y,label\n" + "\n".join(
    f"{x:.3f},{y:.3f},{int(x + y > 0)}"
    for x, y in np.random.default_rng(5).uniform(-3, 3, (60, 2)))

NOW = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)


@pytest.fixture(autouse=True)
def no_numpy_warnings():
    """A warning would reach a notebook's stderr (and fail nbval): treat it as an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        yield


def small(**kwargs):
    """A quick stepper: 2-4-4-2 network, 200 points (150 for training)."""
    return TrainingStepper(**kwargs)


# ----- first look --------------------------------------------------------------------------
def test_defaults_give_a_ready_widget_with_stable_texts():
    s = TrainingStepper()
    assert s.config()["dataset"] in ("circles", "running example")
    assert [b.description for b in (s.step_button, s.epoch_button, s.play_button,
                                    s.reset_button)] == ["Step", "Epoch", "Play", "Reset"]
    assert s.status.value.startswith("epoch 0 · step 0 · train loss ")
    assert s.summary() == TrainingStepper().summary()
    assert s.summary().startswith("TrainingStepper(circles, net 2-4-4-2 tanh, adam lr=0.03")
    assert s.view.renders >= 1
    views = list(s.view.views.values())
    assert len(views) == 4                       # one picture per panel
    for view in views:                           # a JPEG, sent as a data URL
        assert view.image.format == "url"
        assert bytes(view.image.value).startswith(b"data:image/jpeg;base64,")
        assert view.frame[:2] == b"\xff\xd8"
        assert any(view.image in row.children for row in s.view.box.children)
    assert s.view.box in s.ui.children and s.status in s.ui.children
    assert s.help.get_title(0) == "What am I looking at?"
    bundle, _ = s._repr_mimebundle_()
    assert bundle["text/plain"] == s.summary() and bundle["image/png"][:4] == b"\x89PNG"
    assert len(bundle["image/png"]) < 80_000        # a compact static picture for the notebook


def test_defaults_learn_the_circles():
    s = TrainingStepper()
    s.run(40 * s.steps_per_epoch)
    assert s.history["val_accuracy"][-1] >= 0.9
    assert s.history["loss"][-1] < 0.2 < s.history["loss"][0]


# ----- stepping ----------------------------------------------------------------------------
def test_step_advances_counters_changes_weights_and_redraws():
    s = small()
    before = s.model.get_weights()
    renders = s.view.renders
    loss = s.step()
    assert isinstance(loss, float) and np.isfinite(loss)
    assert s.steps == 1 and s.epoch == 0
    assert any(not np.allclose(a, b) for a, b in zip(before, s.model.get_weights()))
    assert s.view.renders == renders + 1
    assert s.status.value.startswith("epoch 0 · step 1 · ")
    s.step_button.click()
    assert s.steps == 2 and s.view.renders == renders + 2
    assert len(s.history["loss"]) == 3        # the start plus one point per step


@pytest.mark.parametrize("batch, expected", [(16, 10), (10, 15), (150, 1), (200, 1), (1, 150)])
def test_one_epoch_is_ceil_of_training_points_over_batch_size(batch, expected):
    s = small(batch_size=batch)
    assert len(s.X_train) == 150              # 200 points, a quarter kept for testing
    assert s.steps_per_epoch == expected == math.ceil(150 / batch)
    assert s.step_epoch() == expected
    assert (s.epoch, s.steps) == (1, expected)
    s.epoch_button.click()
    assert (s.epoch, s.steps) == (2, 2 * expected)


def test_epoch_button_finishes_the_current_epoch():
    s = small(batch_size=16)
    s.run(3)
    assert s.step_epoch() == 7 and s.epoch == 1


def test_reset_restores_starting_weights_and_counters():
    s = small()
    fresh = models.mlp([2, 4, 4, 2], "tanh", seed=0).get_weights()
    for a, b in zip(s.model.get_weights(), fresh):
        np.testing.assert_array_equal(a, b)
    s.run(25)
    s.reset_button.click()
    assert (s.steps, s.epoch) == (0, 0)
    assert len(s.history["loss"]) == 1
    for a, b in zip(s.model.get_weights(), fresh):
        np.testing.assert_array_equal(a, b)
    assert s.status.value.startswith("epoch 0 · step 0")
    # Same seed, same start: training again repeats the same numbers.
    first = small()
    first.run(25)
    s.run(25)
    assert s.history["loss"] == first.history["loss"]


# ----- configuration -----------------------------------------------------------------------
def test_config_round_trip_gives_identical_numbers():
    s = small(dataset="spiral (3 classes)", hidden="6, 5", activation="relu", optimizer="rmsprop",
              lr=0.01, batch_size=12, noise=0.15, n_points=180, test_fraction=0.3, seed=7,
              max_epochs=30, target_loss=0.05)
    cfg = s.config()
    cfg2 = json.loads(json.dumps(cfg))              # survives being written to a file
    assert cfg2 == cfg and cfg["hidden"] == [6, 5]
    t = TrainingStepper.from_config(cfg2)
    assert t.config() == cfg
    s.run(40)
    t.run(40)
    assert s.history == t.history
    other = TrainingStepper.from_config(dict(cfg, seed=8))
    other.run(40)
    assert other.history["loss"] != s.history["loss"]


def test_config_keys_and_bad_configs():
    assert set(TrainingStepper().config()) == set(STEPPER_DEFAULTS)
    with pytest.raises(ValueError, match="unknown setting"):
        check_config({"learning_rate": 0.1})
    with pytest.raises(ValueError, match="learning rate"):
        TrainingStepper(lr=0.0)
    with pytest.raises(ValueError, match="unknown dataset"):
        TrainingStepper(dataset="mnist")
    with pytest.raises(ValueError, match="whole numbers"):
        TrainingStepper(hidden="8, eight")
    with pytest.raises(ValueError, match="needs data"):
        TrainingStepper(dataset="your CSV")
    with pytest.raises(TypeError, match="dict"):
        TrainingStepper.from_config("lr=0.1")


def test_no_hidden_layer_is_a_linear_classifier():
    s = small(hidden="", dataset="running example")
    assert [type(l).__name__ for l in s.model.layers] == ["Dense"]
    s.run(10)
    assert s.panels["network"].unit_tiles == [] and s.summary().count("net 2-2 ") == 1


def test_gradient_bars_match_finite_differences():
    s = small(hidden=[3], batch_size=8, optimizer="sgd", lr=0.1)
    start = s.model.get_weights()
    batch = np.random.default_rng(0).permutation(150)[:8]       # the first mini-batch
    Xb, yb = s.X_train[batch], s.y_train[batch]
    s.step()
    probe = models.mlp([2, 3, 2], "tanh", seed=0)
    probe.set_weights(start)
    loss = SoftmaxCrossEntropy()
    params = probe.parameters()
    numeric = [numerical_gradient(lambda _: loss.forward(probe.predict(Xb), yb), p)
               for p in params]
    expected = [math.sqrt(np.sum(numeric[0] ** 2) + np.sum(numeric[1] ** 2)),
                math.sqrt(np.sum(numeric[2] ** 2) + np.sum(numeric[3] ** 2))]
    np.testing.assert_allclose(s.grad_norms, expected, rtol=1e-6)
    heights = [bar.get_y() + bar.get_height() for bar in s.panels["gradients"].bars]
    np.testing.assert_allclose(heights, expected, rtol=1e-6)


def test_view_rerenders_on_every_action():
    s = small()
    counts = [s.view.renders]
    for action in (s.step, s.step_epoch, lambda: s.run(5), s.reset,
                   lambda: setattr(s.lr_slider, "value", 0.01)):
        action()
        counts.append(s.view.renders)
    assert all(b > a for a, b in zip(counts, counts[1:]))


def test_fast_redraw_gives_the_same_picture_as_a_full_redraw():
    from PIL import Image
    import io
    s = small()
    s.run(30)
    fast = s.view.png()
    s.view.invalidate()
    full = s.view.png()
    a = np.asarray(Image.open(io.BytesIO(fast)), dtype=int)
    b = np.asarray(Image.open(io.BytesIO(full)), dtype=int)
    assert a.shape == b.shape and np.abs(a - b).max() <= 2
    # Each live JPEG frame shows the same picture as the PNG of its panel.
    s.step()
    for view in s.view.views.values():
        jpeg = view.frame
        view.invalidate()
        c = np.asarray(Image.open(io.BytesIO(jpeg)).convert("RGB"), dtype=int)
        d = np.asarray(Image.open(io.BytesIO(view.png())).convert("RGB"), dtype=int)
        assert c.shape == d.shape and np.abs(c - d).mean() < 2


# ----- play / pause ------------------------------------------------------------------------
def test_play_and_pause_switch_state_and_label_without_an_event_loop():
    s = small()
    s.play_button.click()
    assert s.playing and s.play_button.description == "Pause"
    assert s.run(5) == 5                     # headless: run() trains
    s.play_button.click()
    assert not s.playing and s.play_button.description == "Play"
    s.play()
    s.reset()                                # Reset also pauses
    assert not s.playing and s.play_button.description == "Play"


def test_play_trains_on_the_event_loop_until_paused():
    s = small()

    async def scenario():
        s.play()
        await asyncio.sleep(0.5)
        during = (s.steps, s.view.renders)
        s.pause()
        await asyncio.sleep(0.1)
        return during

    renders = s.view.renders
    steps_during, renders_during = asyncio.run(scenario())
    assert steps_during > 0 and renders_during > renders
    assert s.steps >= steps_during
    after = s.steps
    assert not s.playing and s.play_button.description == "Play"
    assert s.steps == after


def test_play_stops_by_itself_at_the_stop_condition():
    s = small(max_epochs=2)

    async def scenario():
        s.play()
        for _ in range(200):
            await asyncio.sleep(0.02)
            if not s.playing:
                break

    asyncio.run(scenario())
    assert not s.playing and s.epoch == 2 and s.steps == 2 * s.steps_per_epoch
    assert "stopped" in s.status.value


# ----- stop condition and divergence -------------------------------------------------------
def test_stop_at_max_epochs_and_go_on_after_raising_it():
    s = small(max_epochs=2, batch_size=15)
    assert s.run(1000) == 20
    assert s.epoch == 2 and "stopped: reached the limit of 2 epochs" in s.status.value
    assert s.status.value.startswith("epoch 2 · step 20")
    assert s.step() is None and s.steps == 20
    s.play()
    assert not s.playing                     # nothing to play
    s.max_epochs_text.value = 3
    assert "stopped" not in s.status.value
    assert s.step_epoch() == 10 and s.epoch == 3
    s.max_epochs_text.value = 0              # no limit
    assert s.run(5) == 5


def test_stop_at_target_loss():
    s = small(target_loss=0.3, max_epochs=0)
    s.run(10000)
    losses = s.history["loss"]
    assert losses[-1] <= 0.3 < min(losses[:-1])
    assert "target 0.300" in s.status.value


def test_too_large_learning_rate_diverges_says_so_and_reset_recovers():
    s = small(optimizer="sgd", lr=10.0)
    for _ in range(5):
        s.step()
    assert s.diverged
    text = s.status.value
    assert text.startswith("epoch 0 · step ")
    assert "diverged" in text and "learning rate (lr=10)" in text and "Reset" in text
    alarm = s.panels["regions"].alarm
    assert alarm.get_visible() and s.status.style.text_color == "#b00020"
    steps = s.steps
    s.step_button.click()
    s.epoch_button.click()
    s.play_button.click()
    assert s.steps == steps and not s.playing
    s.lr_slider.value = 0.1
    assert "diverged" in s.status.value            # still says so until Reset
    s.reset_button.click()
    assert not s.diverged and s.steps == 0 and not alarm.get_visible()
    assert "diverged" not in s.status.value and s.status.style.text_color == "#1a1a1a"
    s.run(30)
    assert not s.diverged and np.isfinite(s.history["loss"][-1])


def test_nan_divergence_from_the_model_is_caught():
    s = small(loss="mse", optimizer="sgd", lr=10.0)
    for _ in range(4):
        s.step()                                   # must not raise DivergenceError
    assert s.diverged and "diverged" in s.status.value
    assert s.summary().startswith("TrainingStepper(")
    s.reset()
    assert not s.diverged and np.isfinite(s.history["loss"][0])


# ----- controls ----------------------------------------------------------------------------
def test_dataset_dropdown_rebuilds_data_model_and_figure():
    s = small()
    s.run(12)
    s.dataset_dropdown.value = "spiral (3 classes)"
    X, y = datasets.make("spiral (3 classes)", 200, 0.1, 0)
    X_train, y_train, X_test, y_test = datasets.train_test_split(X, y, 0.25, 0)
    np.testing.assert_array_equal(s.X_train, X_train)
    np.testing.assert_array_equal(s.y_test, y_test)
    assert s.n_classes == 3 and s.model.layers[-1].n_out == 3
    assert s.steps == 0 and s.config()["dataset"] == "spiral (3 classes)"
    assert len(s.panels["regions"].legend.get_texts()) == 5      # three classes, train, test
    s.run(5)
    assert s.status.value.startswith("epoch 0 · step 5")


def test_learning_rate_slider_updates_the_optimizer_without_restarting():
    s = small()
    s.run(12)
    weights = s.model.get_weights()
    s.lr_slider.value = 0.001
    assert s.model.optimizer.lr == pytest.approx(0.001) and s.config()["lr"] == pytest.approx(0.001)
    assert s.steps == 12
    for a, b in zip(weights, s.model.get_weights()):
        np.testing.assert_array_equal(a, b)


def test_network_controls_rebuild_the_model():
    s = small()
    s.hidden_text.value = "8, 8, 8"
    assert [l.n_out for l in s.model.layers if hasattr(l, "n_out")] == [8, 8, 8, 2]
    assert len(s.panels["network"].unit_tiles) == 24 and len(s.panels["gradients"].bars) == 4
    s.activation_dropdown.value = "relu"
    assert type(s.model.layers[1]).__name__ == "ReLU"
    s.loss_dropdown.value = "mse"
    assert isinstance(s.model.loss, MeanSquaredError)
    s.optimizer_dropdown.value = "sgd"
    assert isinstance(s.model.optimizer, SGD) and s.model.optimizer.momentum == 0
    s.batch_slider.value = 50
    assert s.steps_per_epoch == 3
    s.seed_text.value = 3
    assert s.config()["seed"] == 3 and s.steps == 0
    s.noise_slider.value = 0.3
    s.points_slider.value = 100
    s.split_slider.value = 0.5
    assert len(s.X_train) == 50 and len(s.X_test) == 50


def test_bad_hidden_text_is_reported_not_raised():
    s = small()
    s.hidden_text.value = "8, lots"
    assert "problem: hidden layers '8, lots'" in s.status.value
    assert s.status.value.startswith("epoch 0")
    assert s.config()["hidden"] == [4, 4]
    s.hidden_text.value = "100"
    assert "between 1 and 64 units" in s.status.value
    s.hidden_text.value = "5"
    assert s.config()["hidden"] == [5] and "problem" not in s.status.value


def test_many_units_show_the_first_eight():
    s = small(hidden=[16, 3])
    assert len(s.panels["network"].unit_tiles) == 8 + 3
    s.step()


# ----- your own data -----------------------------------------------------------------------
def test_good_csv_text_loads_and_trains():
    s = small()
    assert s.load_csv(GOOD_CSV) is True
    assert "loaded 60 points (2 classes)" in s.status.value
    assert s.config()["dataset"] == "your CSV" and s.dataset_dropdown.value == "your CSV"
    assert s.noise_slider.disabled and s.points_slider.disabled
    assert len(s.X_train) + len(s.X_test) == 60
    s.run(30 * s.steps_per_epoch)
    assert s.history["val_accuracy"][-1] >= 0.85
    # The CSV travels inside the config.
    t = TrainingStepper.from_config(json.loads(json.dumps(s.config())))
    t.run(30 * t.steps_per_epoch)
    assert t.history == s.history


def test_csv_from_a_file_path(tmp_path):
    path = tmp_path / "points.csv"
    path.write_text(GOOD_CSV)
    s = small()
    assert s.load_csv(str(path))
    assert s.n_classes == 2


@pytest.mark.parametrize("text, message", [
    ("x,y,label\n1,2\n3,4\n", "a column is missing"),
    ("x,y,label\n1,2,0\n3,abc,1\n", "'abc', which is not a number"),
    ("x,y,label\n" + "1,2,0\n" * 20, "only one class"),
    ("x,y,label\n", "no data rows"),
    ("x,y,label\n1,2,0\n3,4,1\n", "at least 8"),
    ("x,y,label\n" + "1,2,0\n3,4,7\n" * 5, "too large"),
    ("x,y,label\n" + "1,2,0\n3,4,1\n" * 2501, "at most 5000"),
])
def test_bad_csv_gets_a_clear_status_message(text, message):
    s = small()
    before = s.config()
    assert s.load_csv(text) is False
    assert message in s.status.value and "CSV not loaded" in s.status.value
    assert s.status.value.startswith("epoch 0 · step 0")
    assert s.config() == before


def test_upload_widget_loads_a_file_and_reports_problems():
    s = small()
    s.upload.value = ({"name": "bad.csv", "type": "text/csv", "size": 3,
                       "content": memoryview(b"oops"), "last_modified": NOW},)
    assert "CSV not loaded" in s.status.value
    data = GOOD_CSV.encode()
    s.upload.value = ({"name": "mine.csv", "type": "text/csv", "size": len(data),
                       "content": memoryview(data), "last_modified": NOW},)
    assert s.config()["dataset"] == "your CSV"
    s.dataset_dropdown.value = "xor"
    assert s.config()["data"] is None and s.n_classes == 2
    assert not s.noise_slider.disabled
    s.dataset_dropdown.value = "your CSV"          # the loaded points are still there
    assert len(s.config()["data"]["y"]) == 60


def test_your_csv_without_a_file_is_reported():
    s = small()
    s.set("dataset", "xor")
    with pytest.raises(ValueError, match="no CSV loaded yet"):
        s.set("dataset", "your CSV")


def test_a_browser_rounding_the_learning_rate_changes_nothing():
    s = small(lr=0.03)
    s.run(5)
    s.lr_slider.value = 0.03 * (1 + 1e-12)
    assert s.config()["lr"] == 0.03 and s.steps == 5


def test_module_exports():
    import helpers.widgets
    assert helpers.widgets.TrainingStepper is TrainingStepper
    assert "TrainingStepper" in stepper_module.__all__


# ----- files as learners really have them (issue 12) --------------------------------------
def _rows_of(text):
    return [line for line in text.splitlines()[1:] if line.strip()]


CSV_BYTES = {
    "utf-8 with a byte-order mark": b"\xef\xbb\xbf" + GOOD_CSV.encode(),
    "utf-8 with a mark, no header": b"\xef\xbb\xbf" + "\n".join(_rows_of(GOOD_CSV)).encode(),
    "utf-16 (Excel's Unicode text)": GOOD_CSV.encode("utf-16"),
    "classic Mac line endings": GOOD_CSV.replace("\n", "\r").encode(),
    "semicolons": GOOD_CSV.replace(",", ";").encode(),
}


@pytest.mark.parametrize("name", sorted(CSV_BYTES))
def test_real_world_csv_files_load_whole_or_are_refused_in_one_sentence(name, tmp_path):
    s = small()
    path = tmp_path / "points.csv"
    path.write_bytes(CSV_BYTES[name])
    for source in (CSV_BYTES[name], str(path)):
        loaded = s.load_csv(source)                 # never raises
        if loaded:                                  # no row lost, none invented
            assert len(s.config()["data"]["y"]) == 60
            assert "not trained yet" in s.status.value
        else:
            assert "CSV not loaded" in s.status.value and "\n" not in s.status.value


@pytest.mark.parametrize("kind", ["picture", "directory", "missing path"])
def test_files_that_are_not_csv_are_refused_with_a_status_line(kind, tmp_path):
    s = small()
    before = s.config()
    if kind == "picture":
        source = s.view.views["regions"].png()      # a PNG picked by mistake, as bytes
    elif kind == "directory":
        source = str(tmp_path)
    else:
        source = str(tmp_path / "no such file.csv")
    for _ in range(3):                              # pressing again does not grow the line
        assert s.load_csv(source) is False
    text = s.status.value
    assert text.startswith("epoch 0 · step 0") and text.count("CSV not loaded") == 1
    assert s.config() == before


def test_a_fresh_csv_says_not_trained_yet_until_the_first_step():
    s = small()
    s.load_csv(GOOD_CSV)
    assert s.status.value.startswith("epoch 0 · step 0 · not trained yet · loaded 60 points")
    assert "accuracy" not in s.status.value
    s.step()
    assert "test accuracy" in s.status.value and "not trained yet" not in s.status.value


# ----- which picture is sent first ----------------------------------------------------------
def frames(s):
    return {name: view.frames_sent for name, view in s.view.views.items()}


def test_a_step_sends_the_regions_first_and_the_other_panels_a_moment_later(sent):
    """The other three are drawn and sent ``stagger`` seconds after the regions have gone:
    meanwhile the kernel leaves the CPU to the page. They count as waiting from the click."""
    s = small()
    names = {id(view.image): name for name, view in s.view.views.items()}

    def pictures():
        return [names[id(w)] for w, kind in sent if kind == "picture" and id(w) in names]
    renders = {name: view.renders for name, view in s.view.views.items()}
    sent.clear()

    async def scenario():
        s.step_button.click()
        waiting = [name for name, view in s.view.views.items() if view.busy]
        for _ in range(100):                           # until the first picture has gone
            if pictures():
                break
            await asyncio.sleep(0.002)
        for _ in range(6):
            await asyncio.sleep(0)
        alone = pictures()
        drawn = [name for name, view in s.view.views.items() if view.renders > renders[name]]
        await asyncio.sleep(s.view.stagger + 0.2)
        return waiting, alone, drawn

    waiting, alone, drawn = asyncio.run(scenario())
    assert sorted(waiting) == sorted(s.view.views)     # all four busy from the click on
    assert alone == ["regions"]
    assert drawn == ["regions"]                        # the others wait
    assert pictures() == ["regions", "network", "curves", "gradients"]
    views = s.view.views
    assert views["network"]._last_render - views["regions"]._last_render >= 0.9 * s.view.stagger
    assert not any(view.busy or view.image._holding_sync for view in views.values())


def test_without_an_event_loop_and_while_playing_every_panel_is_sent_at_once(monkeypatch):
    s = small()
    before = frames(s)
    s.step()                                           # a script or a test: drawn at once
    assert all(frames(s)[name] == before[name] + 1 for name in before)
    asked = []
    for view in s.view.views.values():
        refresh = view.refresh
        monkeypatch.setattr(view, "refresh", lambda *a, _r=refresh, **kw: (asked.append(kw),
                                                                           _r(*a, **kw)))

    async def scenario():
        s.play()
        sent = []
        for _ in range(20):
            await asyncio.sleep(0.002)
            sent.append(frames(s))
        s.pause()
        return sent

    sent = asyncio.run(scenario())
    # while playing, each frame asks for all four panels at once; none waits for another
    assert sent[-1]["regions"] > before["regions"] + 1
    assert asked and not any(kw.get("after") for kw in asked)


def test_one_changed_panel_does_not_delay_what_waits_for_the_pictures():
    """A click that changes a single panel has nothing to hold back: a ``when_drawn`` callback
    runs as soon as that picture has gone, not ``stagger`` later."""
    s = small()
    times = {}

    async def scenario():
        loop = asyncio.get_running_loop()
        s.view.refresh({"regions": MOVING, "network": NOTHING, "curves": NOTHING,
                        "gradients": NOTHING}, first_alone=True)
        s.view.views["regions"].when_drawn(lambda: times.setdefault("sent", loop.time()))
        s.view.when_drawn(lambda: times.setdefault("callback", loop.time()))
        await asyncio.sleep(s.view.stagger + 0.3)

    asyncio.run(scenario())
    assert sorted(times) == ["callback", "sent"]
    assert times["callback"] - times["sent"] < 0.5 * s.view.stagger


def test_quick_clicks_end_with_every_panel_showing_the_last_step():
    s = small()
    called = []

    async def scenario():
        s.step_button.click()
        await asyncio.sleep(0.01)                      # inside the first click's pause
        s.step_button.click()
        s.view.when_drawn(lambda: called.append(s.steps))
        await asyncio.sleep(s.view.stagger + 0.3)

    asyncio.run(scenario())
    assert s.steps == 2 and called == [2]
    for name, view in s.view.views.items():
        assert np.array_equal(view._sent_pixels, view._draw()), name
