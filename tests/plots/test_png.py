"""The course's PNG writers (helpers/plots/png.py) and the cell figures written with them:
exact pixels, valid files."""
import io

import numpy as np
from PIL import Image

from helpers.plots.png import compact_png, quick_png


def test_quick_png_is_a_valid_png_of_exactly_the_pixels():
    rng = np.random.default_rng(0)
    rgba = rng.integers(0, 256, size=(23, 41, 4), dtype=np.uint8)
    decoded = Image.open(io.BytesIO(quick_png(rgba)))          # Pillow checks the CRCs
    assert decoded.mode == "RGB" and decoded.size == (41, 23)
    assert np.array_equal(np.asarray(decoded), rgba[..., :3])


def test_compact_png_keeps_a_picture_of_few_colours_exactly():
    rgb = np.zeros((30, 50, 3), dtype=np.uint8)
    rgb[:, 25:] = (200, 120, 40)
    rgb[10:20, 5:15] = (255, 255, 255)
    decoded = Image.open(io.BytesIO(compact_png(Image.fromarray(rgb)))).convert("RGB")
    assert decoded.size == (50, 30)
    assert np.array_equal(np.asarray(decoded), rgb)


def _decoded(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def test_a_cell_figure_is_a_quick_png_of_exactly_what_savefig_draws():
    from helpers.plots.core import figure_to_png, new_figure

    fig, ax = new_figure()
    ax.plot([0, 1, 2], [2, 0, 1], label="a line")
    ax.set_title("Title")
    ax.legend()
    png = figure_to_png(fig, dpi=100)
    assert Image.open(io.BytesIO(png)).mode == "RGB"             # opaque: written by quick_png
    saved = io.BytesIO()
    fig.savefig(saved, format="png", dpi=100)
    assert np.array_equal(_decoded(png), _decoded(saved.getvalue()))


def test_a_figure_with_see_through_pixels_keeps_them():
    from helpers.plots.core import figure_to_png, new_figure

    fig, ax = new_figure()
    fig.patch.set_alpha(0.0)
    ax.plot([0, 1], [0, 1])
    pixels = _decoded(figure_to_png(fig, dpi=80))
    assert pixels[0, 0, 3] == 0                                   # the corner stays transparent
    assert (pixels[..., 3] == 255).any()                          # the axes stay opaque
