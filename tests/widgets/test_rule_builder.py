"""Headless tests for the rule builder: drive its controls, check state, labels and the plot."""
import time

import numpy as np
import pytest

from helpers import scoreboard
from helpers.widgets import RuleBuilder


@pytest.fixture
def data():
    X, y, _, _ = scoreboard.running_example_split()
    return X, y


def rule_accuracy(mask, y):
    """Reference: accuracy of "black where mask, white elsewhere"."""
    return float(np.mean(mask.astype(int) == y))


def test_starts_with_one_threshold(data):
    X, y = data
    w = RuleBuilder()
    expected = rule_accuracy(X[:, 0] > 0, y)
    assert w.accuracy == pytest.approx(expected)
    assert w.accuracy_label.value.startswith(f"accuracy {expected:.3f}: ")
    assert w.summary() == f"RuleBuilder: 1 rule, accuracy {expected:.3f} on 300 points"
    assert repr(w) == w.summary()
    assert w.rule_select.options == (("0. if x > 0 then black", 0),)
    assert w.threshold_slider.value == 0.0
    assert w.op_dropdowns[1].disabled and w.threshold_sliders[1].disabled


def test_moving_the_slider_updates_accuracy_plot_and_misclassified(data):
    X, y = data
    w = RuleBuilder()
    renders, label = w.view.renders, w.accuracy_label.value
    regions_before = np.array(w.image.get_array())         # the colours shown
    w.threshold_slider.value = 0.8
    expected = rule_accuracy(X[:, 0] > 0.8, y)
    assert w.accuracy == pytest.approx(expected)
    assert w.accuracy_label.value != label and f"{expected:.3f}" in w.accuracy_label.value
    assert w.view.renders == renders + 1
    assert not np.array_equal(np.array(w.image.get_array()), regions_before)
    wrong = (X[:, 0] > 0.8).astype(int) != y
    np.testing.assert_allclose(w.wrong.get_xydata(), X[wrong])
    assert f"({int(wrong.sum())} wrong)" in w.ax.get_title()
    # the dashed line sits on the new threshold
    assert list(w.lines[0].get_xdata()) == [0.8, 0.8]
    assert w.rule_select.options[0][0] == "0. if x > 0.8 then black"


def test_regions_image_matches_the_rules_on_the_grid():
    w = RuleBuilder()
    w.set_threshold(1.5)
    regions = w.regions.classes
    xs = w._grid[:, 0].reshape(regions.shape)
    np.testing.assert_array_equal(regions, (xs > 1.5).astype(int))
    np.testing.assert_array_equal(np.asarray(w.image.get_array()),
                                  w.regions.colours[(xs > 1.5).astype(int)])


def test_second_condition_dropdowns_and_label(data):
    X, y = data
    w = RuleBuilder()
    w.feature_dropdowns[1].value = "y"          # adds "and y > median"
    assert len(w.rule_list.rules[0].conditions) == 2
    assert not w.threshold_sliders[1].disabled
    w.threshold_sliders[1].value = 0.5
    w.op_dropdowns[1].value = "<"
    w.threshold_slider.value = 1.0
    mask = (X[:, 0] > 1.0) & (X[:, 1] < 0.5)
    assert w.accuracy == pytest.approx(rule_accuracy(mask, y))
    assert list(w.lines[1].get_ydata()) == [0.5, 0.5]
    w.label_dropdown.value = "white"            # the rule now says white, default white
    assert w.accuracy == pytest.approx(rule_accuracy(np.zeros(len(y), bool), y))
    w.default_dropdown.value = "black"          # everything outside the rule is black
    assert w.accuracy == pytest.approx(rule_accuracy(~mask, y))
    w.feature_dropdowns[1].value = "(none)"
    assert len(w.rule_list.rules[0].conditions) == 1
    assert w.status.value == "Dropped the second condition."


def test_add_select_remove_reset_buttons(data):
    X, y = data
    w = RuleBuilder()
    w.add_rule("if x > 0.6 and y > 1 then black")
    w.select_rule(0)
    w.threshold_slider.value = 2.2
    mask = (X[:, 0] > 2.2) | ((X[:, 0] > 0.6) & (X[:, 1] > 1))
    assert w.accuracy == pytest.approx(rule_accuracy(mask, y))
    w.add_button.click()
    assert w.rule_list.n_rules == 3 and w.selected == 2 and w.rule_select.index == 2
    w.rule_select.index = 1                      # choosing in the list selects the rule
    assert w.selected == 1 and w.threshold_slider.value == 0.6
    w.remove_button.click()
    assert w.rule_list.n_rules == 2 and "Removed" in w.status.value
    w.reset_button.click()
    assert w.rule_list.lines() == ["0. if x > 0 then black", "otherwise white"]
    assert w.accuracy == pytest.approx(rule_accuracy(X[:, 0] > 0, y))


def test_handlers_show_problems_in_status_instead_of_raising():
    w = RuleBuilder()
    for _ in range(RuleBuilder.MAX_RULES + 2):
        w.add_button.click()
    assert w.rule_list.n_rules == RuleBuilder.MAX_RULES
    assert w.status.value.startswith("Not possible:") and "remove one first" in w.status.value
    assert w.add_button.disabled
    while w.rule_list.n_rules:
        w.remove_button.click()
    assert w.selected is None and w.remove_button.disabled
    w.remove_button.click()
    assert "no rule to remove" in w.status.value
    assert w.summary().startswith("RuleBuilder: 0 rules, accuracy ")


def test_methods_raise_clear_errors_when_called_directly():
    w = RuleBuilder()
    with pytest.raises(ValueError, match="no second condition"):
        w.set_threshold(1.0, condition=1)
    with pytest.raises(ValueError, match="unknown feature 'z'"):
        w.set_feature("z")
    with pytest.raises(ValueError, match="unknown comparison"):
        w.set_op("=")
    with pytest.raises(ValueError, match="2 feature column"):
        RuleBuilder(np.zeros((5, 3)), np.zeros(5, int))


def test_display_bundle_has_png_and_summary():
    w = RuleBuilder(rules=["if x > 2.2 then black", "if x > 1.4 and y > 0 then black"])
    bundle, _ = w._repr_mimebundle_()
    assert bundle["text/plain"] == w.summary()
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_refresh_is_fast_enough():
    w = RuleBuilder()
    w.threshold_slider.value = 0.1                   # warm up
    times = []
    for value in np.linspace(-1, 2, 8):
        start = time.perf_counter()
        w.threshold_slider.value = float(value)
        times.append(time.perf_counter() - start)
    assert np.median(times) < 0.25                   # ~30-50 ms on a 2-core machine


def test_blitted_picture_matches_a_full_redraw():
    import io

    from PIL import Image
    w = RuleBuilder()
    w.add_rule()
    w.set_feature("y", 1)
    fast = np.asarray(Image.open(io.BytesIO(w.view.png())), dtype=int)
    w.view.moving = []
    w.view.invalidate()
    full = np.asarray(Image.open(io.BytesIO(w.view.png())), dtype=int)
    assert np.abs(fast - full).max() < 40         # the same picture, up to anti-aliasing
