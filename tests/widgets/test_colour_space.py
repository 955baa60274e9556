import numpy as np
import pytest

from helpers.images import colour_picture, mask_scores
from helpers.widgets import ColourSpaceExplorer


@pytest.fixture(scope="module")
def picture():
    return colour_picture()


def test_starts_selecting_everything(picture):
    w = ColourSpaceExplorer(picture)
    assert w.mask.all()
    red = picture.targets["red pixels"]
    assert w.scores["overlap"] == pytest.approx(red.mean())
    assert w.summary().startswith("ColourSpaceExplorer: red pixels in RGB (R 0.00–1.00")
    assert [s.description for s in w.sliders] == ["red", "green", "blue"]


def test_sliders_select_red_in_rgb(picture):
    w = ColourSpaceExplorer(picture)
    status, image = w.status.value, w._selected.get_array().copy()
    renders = w.view.renders
    w.sliders[0].value = (0.6, 1.0)
    assert w.status.value != status
    assert not np.array_equal(w._selected.get_array(), image)
    assert w.view.renders == renders + 1
    w.sliders[1].value = (0.0, 0.4)
    w.set_range("blue", 0.0, 0.4)
    # reference: the box computed directly on the RGB array
    rgb = picture.rgb
    box = (rgb[..., 0] >= 0.6) & (rgb[..., 1] <= 0.4) & (rgb[..., 2] <= 0.4)
    assert np.array_equal(w.mask, box)
    assert w.scores["overlap"] == 1.0 and "1.000" in w.status.value
    # unselected pixels are drawn pale grey, selected ones in their colour
    shown = np.asarray(w._selected.get_array())
    assert np.allclose(shown[box], rgb[box]) and np.allclose(shown[~box], 0.93)


def test_switching_space_relabels_and_remembers(picture):
    w = ColourSpaceExplorer(picture)
    w.set_range("R", 0.6, 1.0)
    w.space_picker.value = "HSV"
    assert [s.description for s in w.sliders] == ["hue", "saturation", "value"]
    assert w.sliders[0].value == (0.0, 1.0) and w.mask.all()
    w.sliders[1].value = (0.5, 1.0)
    w.task_picker.value = "vivid pixels"
    assert w.scores["overlap"] == 1.0
    assert "vivid pixels in HSV" in w.summary()
    w.set_space("RGB")
    assert w.sliders[0].value == (0.6, 1.0)
    expected = mask_scores(picture.rgb[..., 0] >= 0.6, picture.targets["vivid pixels"])
    assert w.scores == expected


def test_problems_go_to_the_status_not_exceptions(picture):
    w = ColourSpaceExplorer(picture)
    w.set_task("blue pixels")
    assert "unknown task" in w.status.value
    w.set_space("CMYK")
    assert "unknown colour space" in w.status.value
    w.set_range("hue", 0, 1)
    assert "no channel" in w.status.value
    w.set_range(0, 0.9, 0.2)       # reversed ends are put in order
    assert w.sliders[0].value == (0.2, 0.9)


def test_mistakes_picture_colours(picture):
    w = ColourSpaceExplorer(picture)
    w.set_range("G", 0.0, 0.4)
    shown = np.asarray(w._mistakes.get_array())
    target = picture.targets["red pixels"]
    caught = w.mask & target
    wrong = w.mask & ~target
    assert np.allclose(shown[caught], shown[caught][0]) and np.allclose(shown[wrong],
                                                                        shown[wrong][0])
    assert not np.allclose(shown[caught][0], shown[wrong][0])
