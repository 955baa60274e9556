import colorsys

import numpy as np
import pytest

from helpers.images import (FAMILIES, TASKS, colour_picture, desaturate, mask_scores, select)


@pytest.fixture(scope="module")
def picture():
    return colour_picture()


def test_picture_is_reproducible_and_valid(picture):
    again = colour_picture()
    assert np.array_equal(picture.rgb, again.rgb)
    assert picture.rgb.shape == (90, 120, 3) and picture.rgb.min() >= 0 and picture.rgb.max() <= 1
    assert not np.array_equal(picture.rgb, colour_picture(seed=1).rgb)
    assert set(np.unique(picture.family)) == set(range(len(FAMILIES)))   # every family appears
    for mask in picture.targets.values():
        assert 0.1 < mask.mean() < 0.7


def test_hsv_matches_the_standard_library(picture):
    for row, col in [(3, 5), (40, 60), (80, 100), (10, 110)]:
        expected = colorsys.rgb_to_hsv(*picture.rgb[row, col])
        assert picture.hsv[row, col, 1:] == pytest.approx(expected[1:], abs=1e-9)


def test_pixels_stay_inside_their_family(picture):
    names = list(FAMILIES)
    for k, name in enumerate(names):
        (_, _), (s0, s1), _ = FAMILIES[name]
        sat = picture.hsv[picture.family == k, 1]
        assert sat.min() >= s0 - 1e-9 and sat.max() <= s1 + 1e-9
    red = picture.hsv[picture.family == names.index("red"), 0]
    assert np.any(red > 0.9) and np.any(red < 0.1)       # both sides of the hue cut


def test_red_is_easy_in_rgb_and_vivid_easy_in_hsv(picture):
    red = picture.targets["red pixels"]
    vivid = picture.targets["vivid pixels"]
    rgb_box = select(picture, {"R": (0.6, 1), "G": (0, 0.4), "B": (0, 0.4)}, "RGB")
    assert mask_scores(rgb_box, red)["overlap"] == 1.0
    assert mask_scores(select(picture, {"S": (0.45, 1)}, "HSV"), vivid)["overlap"] == 1.0
    # no single hue interval (with any saturation floor) gets red right
    best_hsv = max(mask_scores(select(picture, [(lo, hi), (0.5, 1), (0, 1)], "HSV"), red)["overlap"]
                   for lo in np.linspace(0, 1, 21) for hi in np.linspace(0, 1, 21) if lo <= hi)
    assert best_hsv < 0.7
    # ... and no one-channel RGB interval gets vivid right
    best_rgb = max(mask_scores(select(picture, {c: (lo, hi)}, "RGB"), vivid)["overlap"]
                   for c in "RGB" for lo in np.linspace(0, 1, 21) for hi in np.linspace(0, 1, 21)
                   if lo <= hi)
    assert best_rgb < 0.75


def test_select_by_hand_and_errors():
    pixels = np.array([[[0.9, 0.1, 0.1], [0.2, 0.8, 0.2]]])
    assert select(pixels, [(0.5, 1), (0, 1), (0, 1)]).tolist() == [[True, False]]
    assert select(pixels, {"green": (0.5, 1)}).tolist() == [[False, True]]
    with pytest.raises(ValueError, match="smaller number first"):
        select(pixels, {"R": (0.8, 0.2)})
    with pytest.raises(ValueError, match="unknown channel"):
        select(pixels, {"X": (0, 1)})
    with pytest.raises(ValueError, match="colour space"):
        select(pixels, {"R": (0, 1)}, "CMYK")
    with pytest.raises(TypeError, match="pair"):
        select(pixels, {"R": 0.5})


def test_mask_scores_by_hand():
    mask = np.array([True, True, False, False])
    target = np.array([True, False, True, False])
    s = mask_scores(mask, target)
    assert (s["caught"], s["missed"], s["wrong"], s["n_target"]) == (1, 1, 1, 2)
    assert s["overlap"] == pytest.approx(1 / 3)
    with pytest.raises(ValueError, match="shape"):
        mask_scores(mask, target[:3])


def test_desaturate_against_colorsys():
    rgb = np.array([[[0.9, 0.3, 0.1]]])
    h, s, v = colorsys.rgb_to_hsv(0.9, 0.3, 0.1)
    expected = colorsys.hsv_to_rgb(h, s * 0.5, v)
    assert desaturate(rgb, 0.5)[0, 0] == pytest.approx(expected)
    grey = desaturate(rgb, 1.0)[0, 0]
    assert grey == pytest.approx([0.9, 0.9, 0.9])
    with pytest.raises(ValueError, match="between 0"):
        desaturate(rgb, 2)
    assert set(TASKS) == {"red pixels", "vivid pixels"}
