"""helpers.plots.depth: what is drawn is the model's representations, stage by stage."""
import numpy as np
import pytest

from helpers import depth, mlp
from helpers.plots import depth as L


@pytest.fixture(scope="module")
def trained():
    X, y = depth.xor_split()[:2]
    model = depth.untangling_network()
    run = depth.train_with_checkpoints(model, X, y, epochs=30, every=10)
    return model, run, X, y


def test_strip_draws_every_stage_with_the_models_representations(trained):
    model, _, X, y = trained
    fig = L.plot_layer_strip(model, X, y)
    reps = model.representations(X)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == 8
    assert [ax.get_title() for ax in visible] == [f"{i}: {n}" for i, n in
                                                  enumerate(depth.stage_names(model))]
    for ax, rep in zip(visible, reps):
        scatters = ax.collections[2:]                    # two grid LineCollections come first
        for k, artist in enumerate(scatters):
            np.testing.assert_allclose(artist.get_offsets(), rep[y == k])
    assert fig.legends and "where the decision flips" in [t.get_text() for t in
                                                         fig.legends[0].get_texts()]
    assert fig._suptitle.get_text()


def test_decision_line_is_drawn_only_where_it_is_straight(trained):
    model, _, X, y = trained
    fig = L.plot_layer_strip(model, X, y)
    drawn = [len(ax.lines[0].get_xdata()) > 0 for ax in fig.axes if ax.get_visible()]
    assert drawn == [False] * 6 + [True, True]


def test_grid_lines_follow_the_layers(trained):
    model, _, X, y = trained
    lines = depth.grid_lines(-1, 1, n_lines=3, n_points=4)
    fig = L.plot_layer_strip(model, X, y, lines=lines, stages=[0, 2], ncols=2)
    tanh_ax = fig.axes[1]
    vertical, horizontal = tanh_ax.collections[:2]
    expected = np.tanh(lines.reshape(-1, 2) @ model.layers[0].params["W"]
                       + model.layers[0].params["b"]).reshape(6, 4, 2)
    np.testing.assert_allclose(np.array(vertical.get_segments()), expected[:3])
    np.testing.assert_allclose(np.array(horizontal.get_segments()), expected[3:])


def test_stage_panel_updates_in_place(trained):
    model, _, X, y = trained
    fig, ax = L.new_figure()
    lines = depth.grid_lines()
    panel = L.StagePanel(ax, lines, X, y)
    artists = list(ax.get_children())
    reps = model.representations(X)
    panel.update(depth.transform_lines(model, lines)[2], reps[2], name="tanh 1")
    assert list(ax.get_children()) == artists
    for k, pts in enumerate(panel.point_positions()):
        np.testing.assert_allclose(pts, reps[2][y == k])
    assert ax.get_title() == "tanh 1" and ax.get_xlabel() == "unit 1"
    lo, hi = ax.get_xlim()
    assert lo <= reps[2][:, 0].min() and hi >= reps[2][:, 0].max()


def test_stage_limits_are_square_and_contain_the_points():
    pts = np.array([[0.0, 0.0], [4.0, 1.0], [2.0, -1.0]])
    (x0, x1), (y0, y1) = L.stage_limits(pts, pad=0.0)
    assert x1 - x0 == pytest.approx(y1 - y0) == pytest.approx(4.0)
    assert (x0, x1) == (0.0, 4.0) and (y0, y1) == (-2.0, 2.0)


def test_boundary_end_points_lie_on_the_line():
    for w, c in [((1.0, 2.0), 0.5), ((3.0, -0.1), -1.0)]:
        xs, ys = L._boundary_xy((np.array(w), c), (-2, 2), (-2, 2))
        np.testing.assert_allclose(w[0] * np.asarray(xs) + w[1] * np.asarray(ys) + c, 0,
                                   atol=1e-12)
    assert L._boundary_xy(None, (0, 1), (0, 1)) == ([], [])


def test_over_training_figure_leaves_the_model_alone(trained):
    model, run, X, y = trained
    before = model.get_weights()
    fig = L.plot_stage_over_training(model, run, X, y, stage=6, checkpoints=[0, 3])
    for a, b in zip(before, model.get_weights()):
        np.testing.assert_array_equal(a, b)
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == [f"epoch 0: accuracy {run.accuracy[0]:.3f}",
                      f"epoch 30: accuracy {run.accuracy[3]:.3f}"]
    run.load(model, 0)
    untrained = model.representations(X)[6]
    np.testing.assert_allclose(np.vstack([a.get_offsets() for a in fig.axes[0].collections[2:]]),
                               np.vstack([untrained[y == 0], untrained[y == 1]]))
    run.load(model, -1)


def test_shape_comparison_titles_name_params_and_accuracy():
    comparison = depth.compare_shapes([[2, 4, 2], [2, 3, 3, 2]], depth.tight_spiral_split(),
                                      epochs=2, seeds=(0,))
    X, y = depth.tight_spiral_split()[:2]
    fig = L.plot_shape_comparison(comparison, X, y)
    titles = [ax.get_title() for ax in fig.axes]
    assert titles[0] == f"2-4-2\n22 params · test {comparison[0].test_accuracies[0]:.3f}"
    assert "2-3-3-2\n29 params" in titles[1]


def test_wide_networks_cannot_be_drawn():
    X, y = depth.xor_split()[:2]
    with pytest.raises(ValueError, match="exactly 2 numbers per point"):
        L.plot_layer_strip(mlp([2, 3, 2]), X, y)
