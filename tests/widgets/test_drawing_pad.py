"""The drawing pad, driven headless: painting squares must change what the network says."""
import numpy as np
import pytest

from helpers.widgets import DrawingPad


@pytest.fixture
def pad(data):
    return DrawingPad(*data)


def model_says(model, image):
    p = model.predict_proba(np.asarray(image).reshape(1, 64))[0]
    return int(p.argmax()), p


def test_starts_blank_and_predicts_like_the_model(pad, data):
    model = data[0]
    assert not pad.pixels.any()
    k, p = model_says(model, np.zeros(64))
    assert pad.predict() == (k, pytest.approx(p[k]))
    assert pad.summary() == f"DrawingPad: 0 of 64 squares inked (blank pad); prediction {k} " \
                            f"(p={p[k]:.2f})"


def test_setting_pixels_changes_the_prediction(pad, data):
    model = data[0]
    before = pad.predict()[0]
    renders = pad.view.renders
    for row in range(8):                                  # a thick vertical bar: a one
        pad.set_pixel(row, 3, 1.0)
        pad.set_pixel(row, 4, 1.0)
    assert pad.view.renders == renders + 16
    expected = np.zeros((8, 8))
    expected[:, 3:5] = 1.0
    np.testing.assert_array_equal(pad.pixels, expected)
    k, p = model_says(model, expected)
    assert pad.predict()[0] == k == 1 != before
    np.testing.assert_array_equal(pad.picture.get_array(), expected)   # the static picture too
    heights = [bar.get_height() for bar in pad.bars]
    np.testing.assert_allclose(heights, p)
    assert "Prediction <b>1</b>" in pad.status.value
    assert pad.buttons[0][3].style.button_color == "#000000"
    assert pad.buttons[0][0].style.button_color == "#ffffff"


def test_clicking_a_square_cycles_blank_grey_black(pad):
    button = pad.buttons[2][5]
    seen = []
    for _ in range(4):
        button.click()
        seen.append((pad.get_pixel(2, 5), button.style.button_color))
    assert seen == [(0.5, "#808080"), (1.0, "#000000"), (0.0, "#ffffff"), (0.5, "#808080")]


def test_brushes(pad):
    pad.brush.value = "ink"
    pad.buttons[1][1].click()
    pad.buttons[1][1].click()
    assert pad.get_pixel(1, 1) == 1.0
    pad.brush.value = "grey"
    pad.buttons[1][2].click()
    assert pad.get_pixel(1, 2) == 0.5
    pad.brush.value = "erase"
    pad.buttons[1][1].click()
    assert pad.get_pixel(1, 1) == 0.0


def test_load_a_test_digit_and_clear(pad, data):
    model, X, y = data
    pad.load_digit(5)
    np.testing.assert_allclose(pad.pixels.ravel(), X[5])
    assert pad.predict()[0] == model_says(model, X[5])[0]
    assert f"test image 5 (a {y[5]})" in pad.summary()
    pad.load_button.click()                               # the button loads the next one
    np.testing.assert_allclose(pad.pixels.ravel(), X[6])
    pad.set_pixel(0, 0, 1.0)
    assert "your drawing" in pad.summary()
    pad.clear_button.click()
    assert not pad.pixels.any()
    assert pad.predict()[0] == model_says(model, np.zeros(64))[0]


def test_pixels_is_a_copy(pad):
    pixels = pad.pixels
    pixels[0, 0] = 1.0
    assert pad.get_pixel(0, 0) == 0.0


@pytest.mark.parametrize("args, match", [((8, 0, 1.0), "row"), ((0, -1, 1.0), "col"),
                                         ((0, 0, 2.0), "between 0"), ((0, 0, "ink"), "between 0"),
                                         ((1.5, 0, 1.0), "row")])
def test_bad_pixels_raise(pad, args, match):
    with pytest.raises(ValueError, match=match):
        pad.set_pixel(*args)


def test_bad_images_and_indices_raise(pad):
    with pytest.raises(ValueError, match="64 values"):
        pad.set_image(np.ones(10))
    with pytest.raises(ValueError, match="between 0"):
        pad.set_image(np.full(64, 3.0))
    with pytest.raises(ValueError, match="from 0 to"):
        pad.load_digit(10_000)


def test_pad_without_examples_explains_in_status(data):
    pad = DrawingPad(data[0])
    assert pad.load_button.disabled
    with pytest.raises(ValueError, match="no test images"):
        pad.load_digit(0)
    pad._safely(pad.load_next)
    assert "Problem" in pad.status.value


def test_bad_levels_are_rejected(data):
    with pytest.raises(ValueError, match="levels"):
        DrawingPad(data[0], levels=(0.5, 1.0))


def test_display_bundle(pad):
    bundle, _ = pad._repr_mimebundle_()
    assert bundle["text/plain"] == pad.summary()
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert len(pad.grid.children) == 64


def test_a_demonstration_pad_leaves_the_learners_pad_blank(data):
    model, X, y = data
    learners, demo = DrawingPad(model, X, y), DrawingPad(model, X, y)
    demo.load_digit(4)
    demo.set_pixel(0, 1, 1.0)
    assert not np.any(learners.pixels) and "blank pad" in learners.summary()
