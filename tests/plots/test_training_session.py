"""helpers.plots.training_session and helpers.plots.network_diagram: the stepper's panels draw
what the session holds.

References: a hand-written NumPy forward pass for the unit maps, the model's own weights for the
weight lines, predict_proba for the output maps, the predicted class for the region colours, and
matplotlib's own imshow for SharpImage's pixels.
"""
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers.plots import core
from helpers.plots.network_diagram import NetworkDiagram
from helpers.plots.training_session import (EVERYTHING, MOVING, NOTHING, CurvesPanel,
                                            GradientPanel, RegionPanel, SharpImage,
                                            stitch_pictures)
from helpers.training_session import TrainingSession

OUTPUT_WIDTH_PX = getattr(core, "OUTPUT_WIDTH_PX", 780)


def panels_for(session):
    regions, network = RegionPanel(), NetworkDiagram()
    regions.update(session)
    network.update(session, regions.colors)
    return regions, network


def test_unit_maps_show_each_hidden_units_output_on_the_grid():
    s = TrainingSession(hidden=[3, 2], activation="tanh")
    s.run(7)
    _, network = panels_for(s)
    W1, b1, W2, b2, _, _ = s.model.get_weights()
    grid = np.column_stack([s.xx[::2, ::2].ravel(), s.yy[::2, ::2].ravel()])
    h1 = np.tanh(grid @ W1 + b1)                  # hand-written forward pass
    h2 = np.tanh(h1 @ W2 + b2)
    assert len(network.unit_tiles) == 5
    for layer, unit, _, _ in network.unit_tiles:
        a = (h1, h2)[layer][:, unit]
        np.testing.assert_allclose(network.unit_map(layer, unit).ravel(), a / np.abs(a).max(),
                                   atol=1e-12)
    with pytest.raises(ValueError, match="no map"):
        network.unit_map(1, 2)


def test_weight_lines_show_each_weights_sign_and_size():
    s = TrainingSession(hidden=[3, 2])
    s.run(9)
    _, network = panels_for(s)
    W1, _, W2, _, W3, _ = s.model.get_weights()
    expected = np.concatenate([W1.ravel(), W2.ravel(), W3.ravel()])   # row by row, layer order
    lines = network.weight_lines
    assert len(lines.get_segments()) == 2 * 3 + 3 * 2 + 2 * 2
    np.testing.assert_allclose(lines.get_linewidths(), np.clip(1.5 * np.abs(expected), 0.15, 4))
    blue = lines.get_colors()[:, 2] > lines.get_colors()[:, 0]
    np.testing.assert_array_equal(blue, expected >= 0)


def test_output_maps_show_each_class_probability():
    s = TrainingSession(dataset="gaussians", hidden=[5])
    s.run(20)
    regions, network = panels_for(s)
    grid = np.column_stack([s.xx[::2, ::2].ravel(), s.yy[::2, ::2].ravel()])
    proba = s.model.predict_proba(grid)
    for k, (rows, cols) in enumerate(network.output_tiles):
        tile = network.mosaic_rgba[rows, cols, :3].reshape(-1, 3) / 255
        expected = 1.0 - proba[:, k:k + 1] * (1.0 - regions.colors[k])
        np.testing.assert_allclose(tile, expected, atol=1 / 255 + 1e-9)


def test_region_colours_follow_the_predicted_class():
    s = TrainingSession(dataset="spiral (3 classes)", hidden=[8], activation="relu", lr=0.02)
    s.run(60)
    regions, _ = panels_for(s)
    grid = np.column_stack([s.xx.ravel(), s.yy.ravel()])
    predicted = s.model.predict(grid).argmax(axis=1)
    rgb = regions.image.rgba[..., :3].reshape(-1, 3) / 255
    # Each pixel is its class's colour faded towards white, so the ratios of its distances from
    # white match that class colour's.
    colours = 1.0 - regions.colors                # distance of each class colour from white
    faded = 1.0 - rgb
    strength = faded.sum(axis=1) / colours[predicted].sum(axis=1)
    np.testing.assert_allclose(faded, strength[:, None] * colours[predicted], atol=0.02)


def test_panels_say_how_much_must_be_redrawn():
    s = TrainingSession()
    curves, gradients = CurvesPanel(), GradientPanel()
    assert curves.update(s) == EVERYTHING and gradients.update(s) == EVERYTHING
    assert curves.update(s) == NOTHING and gradients.update(s) == NOTHING   # same version
    s.set("lr", 0.01)
    assert curves.update(s) == NOTHING                    # nothing drawn depends on lr
    s.run(1)
    assert gradients.update(s) in (MOVING, EVERYTHING)
    heights = [bar.get_y() + bar.get_height() for bar in gradients.bars]
    np.testing.assert_allclose(heights, s.grad_norms, rtol=1e-12)
    s.run(200)
    curves.update(s)
    s.run(1)
    assert curves.update(s) == MOVING                     # the axis ranges still fit
    x, y = curves.loss_lines[0].get_data()
    np.testing.assert_allclose(y, s.history["loss"])
    np.testing.assert_allclose(x, s.history["epoch"])


def test_sharp_image_matches_matplotlibs_bilinear_imshow():
    rgba = (np.random.default_rng(0).random((16, 12, 4)) * 255).astype(np.uint8)
    rgba[..., 3] = 255
    pictures = []
    for kind in ("imshow", "sharp"):
        fig = Figure(figsize=(3, 3), dpi=80)
        canvas = FigureCanvasAgg(fig)
        ax = fig.add_axes([0.1, 0.1, 0.8, 0.8], xlim=(0, 12), ylim=(0, 16))
        if kind == "imshow":
            ax.imshow(rgba, origin="lower", extent=(0, 12, 0, 16), aspect="auto",
                      interpolation="bilinear")
        else:
            SharpImage(ax, (0, 12, 0, 16)).set_data(rgba)
        canvas.draw()
        pictures.append(np.asarray(canvas.buffer_rgba())[..., :3].astype(int))
    assert np.abs(pictures[0] - pictures[1]).max() <= 2


@pytest.mark.parametrize("settings", [{}, {"dataset": "spiral (3 classes)", "hidden": [64] * 6},
                                      {"dataset": "gaussians", "hidden": []}])
def test_every_text_is_readable_and_the_panels_fit_the_output_area(settings):
    s = TrainingSession(**settings)
    s.run(3)
    regions, network = panels_for(s)
    curves, gradients = CurvesPanel(), GradientPanel()
    curves.update(s)
    gradients.update(s)
    rows = [[regions, network], [curves, gradients]]       # as the stepper lays them out
    for row in rows:
        assert sum(p.fig.get_figwidth() * p.fig.dpi for p in row) <= OUTPUT_WIDTH_PX
    for panel in (regions, network, curves, gradients):
        FigureCanvasAgg(panel.fig).draw()
        for text in panel.fig.findobj(lambda a: hasattr(a, "get_text") and
                                      hasattr(a, "get_fontsize")):
            if text.get_visible() and text.get_text().strip():
                px = text.get_fontsize() * panel.fig.dpi / 72
                assert px >= 10, (text.get_text(), px)
        if hasattr(core, "figure_problems"):
            assert core.figure_problems(panel.fig) == []


def test_stitched_picture_lays_panels_out_as_on_the_page():
    import io
    from PIL import Image

    def png(w, h, colour):
        buffer = io.BytesIO()
        Image.new("RGB", (w, h), colour).save(buffer, format="png")
        return buffer.getvalue()

    sheet = Image.open(io.BytesIO(stitch_pictures([[png(3, 2, "red"), png(4, 5, "blue")],
                                                   [png(6, 1, "green")]]))).convert("RGB")
    assert sheet.size == (7, 6)
    assert sheet.getpixel((0, 0)) == (255, 0, 0) and sheet.getpixel((3, 4)) == (0, 0, 255)
    assert sheet.getpixel((0, 3)) == (255, 255, 255) and sheet.getpixel((5, 5)) == (0, 128, 0)


def test_points_laid_over_a_sharp_image_look_as_if_drawn_on_it():
    rgba = (np.random.default_rng(1).random((16, 12, 4)) * 255).astype(np.uint8)
    rgba[..., 3] = 255
    points = np.random.default_rng(2).random((30, 2)) * [12, 16]
    pictures = []
    for kind in ("drawn on", "laid over"):
        fig = Figure(figsize=(3, 3), dpi=80)
        canvas = FigureCanvasAgg(fig)
        ax = fig.add_axes([0.1, 0.1, 0.8, 0.8], xlim=(0, 12), ylim=(0, 16))
        image = SharpImage(ax, (0, 12, 0, 16))
        image.set_data(rgba)
        dots = ax.scatter(points[:, 0], points[:, 1], s=30, c="#000000", edgecolors="#ffffff",
                          zorder=3)
        if kind == "laid over":
            image.set_on_top([dots])
        for _ in range(2):                      # the second draw reuses the saved layer
            canvas.draw()
        pictures.append(np.asarray(canvas.buffer_rgba())[..., :3].astype(int))
    assert np.abs(pictures[0] - pictures[1]).max() <= 2
    assert (pictures[1] < 40).all(axis=-1).sum() > 30 * 10      # the dark dots are there
