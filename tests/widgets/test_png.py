"""The widgets' PNG writers (png.py): exact pixels, valid files."""
import io

import numpy as np
from PIL import Image

from helpers.widgets.png import compact_png, quick_png


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
