"""The layer inspector, driven headless through its sliders and methods."""
import numpy as np
import pytest

from helpers import SoftmaxCrossEntropy, depth, mlp
from helpers.widgets import LayerInspector


@pytest.fixture(scope="module")
def trained():
    X, y, X_test, y_test = depth.xor_split()
    model = depth.untangling_network()
    run = depth.train_with_checkpoints(model, X, y, epochs=30, every=5,
                                       validation_data=(X_test, y_test))
    return model, run, X, y


@pytest.fixture
def widget(trained):
    model, run, X, y = trained
    return LayerInspector(model, X, y, run)


def drawn_points(widget):
    return np.vstack(widget.panel.point_positions())


def expected_points(trained, checkpoint, stage):
    model, run, X, y = trained
    twin = depth.untangling_network(seed=9)
    run.load(twin, checkpoint)
    rep = twin.representations(X)[stage]
    return np.vstack([rep[y == 0], rep[y == 1]])


def test_starts_at_the_trained_network_and_its_output(widget, trained):
    _, run, _, _ = trained
    assert widget.checkpoint == len(run) - 1 and widget.stage == 7
    np.testing.assert_allclose(drawn_points(widget), expected_points(trained, -1, 7))
    assert widget.summary() == ("LayerInspector: 2-2-2-2-2 network, 7 checkpoints (epochs 0-30); "
                                f"showing epoch 30 (training accuracy {run.accuracy[-1]:.3f}), "
                                "stage 7 (output (Dense 4))")


def test_moving_the_checkpoint_slider_moves_the_points(widget, trained):
    _, run, _, _ = trained
    renders = widget.view.renders
    before = drawn_points(widget)
    widget.checkpoint_slider.value = 0
    after = drawn_points(widget)
    assert not np.allclose(before, after)
    np.testing.assert_allclose(after, expected_points(trained, 0, 7))
    assert widget.view.renders == renders + 1
    assert widget.status_text().startswith(
        f"Epoch 0 (checkpoint 0 of 6), training accuracy {run.accuracy[0]:.3f}.")
    assert "epoch 0" in widget.ax_stage.get_title()
    assert list(widget.marker.get_xdata()) == [0, 0]


def test_moving_the_stage_slider_shows_that_layer(widget, trained):
    widget.layer_slider.value = 2
    np.testing.assert_allclose(drawn_points(widget), expected_points(trained, -1, 2))
    assert "Stage 2 of 7: tanh 1, squashes each coordinate into (-1, 1)" in widget.status_text()
    assert widget.ax_stage.get_title() == "stage 2: tanh 1, epoch 30"
    assert len(widget.panel.boundary.get_xdata()) == 0          # not a straight line here
    widget.layer_slider.value = 6
    assert len(widget.panel.boundary.get_xdata()) == 2
    widget.set_stage(1)
    assert "Stage 1 of 7: Dense 1, an affine map" in widget.status_text()


def test_methods_move_the_sliders(widget, trained):
    widget.set_checkpoint(3)
    widget.set_layer("Dense 2")
    assert widget.checkpoint_slider.value == 3 and widget.layer_slider.value == 3
    np.testing.assert_allclose(drawn_points(widget), expected_points(trained, 3, 3))
    widget.set_checkpoint(-1)
    assert widget.checkpoint_slider.value == 6


def test_decision_regions_follow_the_checkpoint(widget, trained):
    model, run, _, _ = trained
    twin = depth.untangling_network(seed=9)
    for i in (0, 6):
        widget.set_checkpoint(i)
        run.load(twin, i)
        expected = twin.predict_classes(widget._grid).reshape(widget._grid_shape)
        np.testing.assert_array_equal(widget.decisions.classes, expected)
        np.testing.assert_array_equal(np.asarray(widget.regions.get_array()),
                                      widget.decisions.colours[expected])


def test_the_learners_model_is_not_changed(trained):
    model, run, X, y = trained
    before = model.get_weights()
    w = LayerInspector(model, X, y, run, checkpoint=0)
    w.set_checkpoint(2)
    for a, b in zip(before, model.get_weights()):
        np.testing.assert_array_equal(a, b)


def test_bad_values_show_in_the_status_not_as_errors(widget):
    widget._on_stage({"new": 99})
    assert widget.status.value.startswith("<b>Problem:</b> stage 99 does not exist")
    with pytest.raises(ValueError, match="unknown stage"):
        widget.set_stage("Dense 9")
    with pytest.raises(ValueError, match="numbered 0 to 6"):
        widget.set_checkpoint(7)


def test_bad_construction_is_named(trained):
    model, run, X, y = trained
    with pytest.raises(TypeError, match="TrainingRun"):
        LayerInspector(model, X, y, run.weights)
    wide = mlp([2, 3, 2], "tanh")
    wide.compile(SoftmaxCrossEntropy(), "adam", metrics=["accuracy"])
    wide_run = depth.train_with_checkpoints(wide, X, y, epochs=1)
    with pytest.raises(ValueError, match="exactly 2 numbers per point"):
        LayerInspector(wide, X, y, wide_run)
    with pytest.raises(ValueError, match="weight arrays"):
        LayerInspector(mlp([2, 2, 2]), X, y, run)


def test_display_stores_summary_and_a_picture(widget):
    bundle, _ = widget._repr_mimebundle_()
    assert bundle["text/plain"] == widget.summary()
    assert bundle["image/png"][:4] == b"\x89PNG"


def _picture(png_bytes):
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png_bytes))).astype(int)


def test_partial_redraws_give_the_same_picture_as_a_full_redraw(widget):
    widget.set_checkpoint(2)        # redraws both groups of changing artists
    widget.set_stage(4)             # redraws only the stage panel on the saved background
    fast = _picture(widget.view.frame)[..., :3]     # the live picture is RGB (opaque)
    widget.view.canvas.draw()       # matplotlib's own full drawing of the current state
    full = np.asarray(widget.view.canvas.buffer_rgba()).astype(int)[..., :3]
    assert fast.shape == full.shape
    assert np.mean(np.any(fast != full, axis=-1)) < 1e-3   # antialiased edges may differ


def test_stage_changes_leave_the_other_panels_alone(widget, monkeypatch):
    drawn = []
    monkeypatch.setattr(widget.view.fig, "draw_artist", drawn.append)
    widget.set_stage(3)
    assert drawn == [widget.ax_stage]
    drawn.clear()
    widget.set_checkpoint(1)
    assert widget.regions in drawn and drawn[-1] is widget.ax_stage
