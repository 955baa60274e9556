"""Figures for notebook 07: what they draw matches the numbers they were given."""
import numpy as np
import pytest

from helpers import digits, networks, scoreboard
from helpers.models import History
from helpers.plots import digits as plots


@pytest.fixture(scope="module")
def data():
    return networks.digits_network(), scoreboard.digits_split()


def test_draw_digit_draws_the_8x8_picture_with_ink_dark():
    from helpers.plots import new_figure
    fig, ax = new_figure()
    x = np.linspace(0, 1, 64)
    image = plots.draw_digit(ax, x, "a digit")
    np.testing.assert_allclose(image.get_array(), x.reshape(8, 8))
    assert image.get_cmap().name == "gray_r" and image.get_clim() == (0.0, 1.0)
    assert ax.get_title() == "a digit"


def test_learning_curves_plot_every_epoch_of_both_sets():
    h = History()
    h.history = {"loss": [1.0, 0.5, 0.2], "accuracy": [0.5, 0.8, 0.9],
                 "val_loss": [1.1, 0.6, 0.4], "val_accuracy": [0.4, 0.7, 0.85]}
    fig = plots.plot_learning_curves(h)
    ax_loss, ax_acc = fig.axes
    for ax, key in ((ax_loss, "loss"), (ax_acc, "accuracy")):
        train, val = ax.get_lines()
        np.testing.assert_allclose(train.get_xdata(), [1, 2, 3])
        np.testing.assert_allclose(train.get_ydata(), h.history[key])
        np.testing.assert_allclose(val.get_ydata(), h.history["val_" + key])
        assert ax.get_legend() is not None and ax.get_xlabel() and ax.get_title()
    with pytest.raises(ValueError, match="loss"):
        plots.plot_learning_curves({"accuracy": [1]})


def test_confusion_matrix_figure_writes_every_nonzero_count():
    cm = np.array([[5, 1, 0], [0, 4, 2], [0, 0, 7]])
    fig = plots.plot_confusion_matrix(cm)
    ax = fig.axes[0]
    written = {(round(t.get_position()[1]), round(t.get_position()[0])): int(t.get_text())
               for t in ax.texts}
    assert written == {(0, 0): 5, (0, 1): 1, (1, 1): 4, (1, 2): 2, (2, 2): 7}
    assert ax.get_xlabel() == "predicted class" and ax.get_ylabel() == "true class"
    with pytest.raises(ValueError, match="square"):
        plots.plot_confusion_matrix(np.ones((2, 3)))


def test_mistake_gallery_names_true_and_predicted_classes(data):
    model, (_, _, X, y) = data
    proba = model.predict_proba(X)
    worst = digits.worst_mistakes(proba, y, k=4)
    fig = plots.plot_mistakes(X, y, proba, worst)
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert titles == [f"test image {i}\ntrue {y[i]}, predicted {proba[i].argmax()}"
                      for i in worst]
    bar_axes = [ax for ax in fig.axes if ax.patches]
    for ax, i in zip(bar_axes, worst):
        np.testing.assert_allclose([p.get_height() for p in ax.patches], proba[i])
    empty = plots.plot_mistakes(X, y, proba, [])
    assert "no mistakes" in empty.axes[0].texts[0].get_text()


def test_projections_scatter_each_class_with_a_legend():
    rng = np.random.default_rng(0)
    Z = rng.normal(size=(30, 2))
    y = np.repeat([0, 1, 2], 10)
    fig = plots.plot_projections([Z, Z * 2], y, ["pixels", "hidden"])
    assert [ax.get_title() for ax in fig.axes] == ["pixels", "hidden"]
    offsets = np.vstack([c.get_offsets() for c in fig.axes[1].collections])
    np.testing.assert_allclose(np.sort(offsets, axis=0), np.sort(Z * 2, axis=0))
    assert fig.axes[1].get_legend() is not None
    with pytest.raises(ValueError, match="2"):
        plots.plot_projections([np.ones((30, 3))], y, ["bad"])


def test_separation_plot_follows_the_table():
    table = digits.SeparationTable(["input: 64 pixels", "ReLU"], [64, 8], [0.8, 0.95], [0.1, 0.4])
    fig = plots.plot_separation(table)
    acc, sil = fig.axes[0].get_lines()
    np.testing.assert_allclose(acc.get_ydata(), [0.8, 0.95])
    np.testing.assert_allclose(sil.get_ydata(), [0.1, 0.4])
    assert fig.axes[0].get_legend() is not None


@pytest.mark.parametrize("width, shape", [(96, (8, 12)), (48, (6, 8)), (64, (8, 8)),
                                          (10, (2, 5)), (7, (1, 7))])
def test_layer_grid_shape(width, shape):
    assert plots.layer_grid_shape(width) == shape


def test_layer_panels_show_what_they_are_given(data):
    model, (_, _, X, y) = data
    reps = [r[0] for r in model.representations(X[:1])]
    proba = model.predict_proba(X[:1])[0]
    panels = plots.LayerPanels(digits.layer_names(model), [len(r) for r in reps],
                               [1, 2, 2, 5, 5, 20])
    panels.update(reps, proba, int(y[0]), "title")
    assert len(panels.axes) == len(reps) + 1
    # every picture panel (the input and the hidden layers) has a colour bar with its range
    bars = [ax for ax in panels.fig.axes if ax not in panels.axes]
    assert len(bars) == len(reps) - 1             # all but the scores, which are bars
    np.testing.assert_allclose([b.get_xlim() for b in bars],
                               [(0, 1), (-2, 2), (-2, 2), (-5, 5), (-5, 5)])
    np.testing.assert_allclose(panels.artists[0].get_array(), X[0].reshape(8, 8))
    np.testing.assert_allclose(panels.artists[1].get_array(), reps[1].reshape(8, 12))
    np.testing.assert_allclose([b.get_height() for b in panels.artists[-1]], reps[-1])
    np.testing.assert_allclose([b.get_height() for b in panels.prob_bars], proba)
    predicted = int(proba.argmax())
    colour = "#2ca02c" if predicted == y[0] else "#d62728"
    assert panels.prob_bars[predicted].get_facecolor()[:3] == pytest.approx(
        tuple(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))
    assert panels.suptitle.get_text() == "title"


def test_examples_grid_titles_every_image_with_its_label(data):
    _, (X, y, _, _) = data
    fig = plots.plot_examples(X, y, range(10), ncols=5)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == [f"label {y[i]}" for i in range(10)]
    np.testing.assert_allclose(visible[3].images[0].get_array(), X[3].reshape(8, 8))
    with pytest.raises(ValueError, match="empty"):
        plots.plot_examples(X, y, [])


def test_separation_plot_writes_each_value():
    table = digits.SeparationTable(["a", "b"], [64, 8], [0.8, 0.95], [0.1, 0.4])
    texts = sorted(t.get_text() for t in plots.plot_separation(table).axes[0].texts)
    assert texts == ["0.10", "0.40", "0.80", "0.95"]
