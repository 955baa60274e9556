"""Use each widget through the page, as a learner would, and check what changes on screen.

Each test opens its notebook, runs it, then clicks buttons or moves sliders and waits for the
visible result: a status text (elements with the CSS class course-status) or the plot image
(its src becomes a new data URL whenever the picture changes). Waits are generous because the
kernel may be slow on a loaded machine; a wait that runs out is a failure, never retried.
"""
import re

from playwright.sync_api import expect

from helpers import ai_history
from tests_browser.lab import click_button, image_source, move_slider

WAIT_MS = 30_000


def status(widget):
    return widget.locator(".course-status").first


def status_text(widget):
    """The status text once the widget has rendered it (it is empty until then)."""
    expect(status(widget)).to_have_text(re.compile(r"\S"), timeout=WAIT_MS)
    return status(widget).text_content()


def expect_new_image(widget, old_src):
    expect(widget.locator("img").first).not_to_have_attribute("src", old_src, timeout=WAIT_MS)


def expect_change(widget, action, image=True):
    """Do what a learner does (``action``), then wait until the status text (and, unless
    ``image`` is False, the picture) changes. Returns the status text from before."""
    before, src = status_text(widget), image_source(widget)
    action()
    expect(status(widget)).not_to_have_text(before, timeout=WAIT_MS)
    if image:
        expect_new_image(widget, src)
    return before


def test_widget_check_slider_and_button(run_notebook, screenshot_dir):
    page = run_notebook("00_course_map.ipynb")
    widget = page.widget("WidgetCheck")
    src = image_source(widget)
    move_slider(widget, presses=2)
    expect(status(widget)).to_contain_text("slope = 2.0", timeout=WAIT_MS)
    expect_new_image(widget, src)
    click_button(widget, "Click me")
    expect(status(widget)).to_contain_text("clicked 1 time", timeout=WAIT_MS)
    widget.screenshot(path=str(screenshot_dir / "00-widget-check-after-use.png"))
    assert page.console_errors == []


def test_rule_builder_threshold_slider(run_notebook):
    page = run_notebook("01_symbolic_ai.ipynb")
    widget = page.widget("RuleBuilder")
    expect_change(widget, lambda: move_slider(widget, presses=8))
    click_button(widget, "Add rule")
    expect(widget.locator("select").first.locator("option")).to_have_count(2, timeout=WAIT_MS)
    assert page.console_errors == []


def test_colour_space_explorer_range_slider(run_notebook):
    page = run_notebook("03_representations.ipynb")
    widget = page.widget("ColourSpaceExplorer")
    expect_change(widget, lambda: move_slider(widget, index=0, presses=10))
    assert page.console_errors == []


def test_coordinate_explorer_angle_slider(run_notebook):
    page = run_notebook("03_representations.ipynb")
    widget = page.widget("CoordinateExplorer")
    # the explorer starts at 0°; 40 degrees to the left is near the answer, so the accuracy in
    # the status line must change (a few degrees may leave the same points right)
    expect_change(widget, lambda: move_slider(widget, index=0, presses=40, key="ArrowLeft"))
    assert page.console_errors == []


def test_backprop_walkthrough_next_back_reset(run_notebook):
    page = run_notebook("06_how_training_works.ipynb")
    widget = page.widget("BackpropWalkthrough")
    start = expect_change(widget, lambda: click_button(widget, "Next stage"))
    click_button(widget, "Reset")
    expect(status(widget)).to_have_text(start, timeout=WAIT_MS)
    assert page.console_errors == []


def test_model_explorer_model_and_knob(run_notebook):
    page = run_notebook("04_classical_ml.ipynb")
    widget = page.widget("ModelExplorer")
    expect_change(widget, lambda: widget.locator("select").nth(1)
                  .select_option("k-nearest neighbours"))
    expect_change(widget, lambda: move_slider(widget, index=0, presses=2))
    assert page.console_errors == []


def test_layer_inspector_checkpoint_slider(run_notebook):
    page = run_notebook("05_layers_of_representations.ipynb")
    widget = page.widget("LayerInspector")
    expect_change(widget, lambda: move_slider(widget, index=0, presses=3, key="ArrowLeft"))
    assert page.console_errors == []


def test_timeline_year_slider_and_next_event(run_notebook):
    page = run_notebook("08_achievements_and_ai_winters.ipynb")
    widget = page.widget("TimelineExplorer")
    expect_change(widget, lambda: move_slider(widget, presses=20))
    expect(status(widget)).to_contain_text("latest milestone", timeout=WAIT_MS)
    year = int(re.match(r"\s*(\d{4})", status_text(widget)).group(1))
    following = min(e.year for e in ai_history.EVENTS if e.year > year)
    click_button(widget, "next event")
    expect(status(widget)).to_contain_text(f"{following}:", timeout=WAIT_MS)
    assert page.console_errors == []


def test_digit_inspector_slider_and_next_mistake(run_notebook):
    page = run_notebook("07_digits_through_the_layers.ipynb")
    widget = page.widget("DigitInspector")
    expect_change(widget, lambda: move_slider(widget, presses=3))
    expect_change(widget, lambda: click_button(widget, "next mistake"), image=False)
    assert page.console_errors == []


def test_drawing_pad_paint_clear_and_load(run_notebook, screenshot_dir):
    page = run_notebook("07_digits_through_the_layers.ipynb")
    widget = page.widget("DrawingPad")
    click_button(widget, "clear")
    cleared = status_text(widget)
    for row in range(1, 7):                       # a vertical stroke: a one
        widget.locator(f"button[title='row {row}, column 4']").click()
    expect(status(widget)).not_to_have_text(cleared, timeout=WAIT_MS)
    expect(status(widget)).to_contain_text("rediction", timeout=WAIT_MS)
    widget.screenshot(path=str(screenshot_dir / "07-drawing-pad-after-painting.png"))
    painted = status_text(widget)
    click_button(widget, "load a test digit")
    expect(status(widget)).not_to_have_text(painted, timeout=WAIT_MS)
    assert page.console_errors == []


def _epoch(widget):
    match = re.match(r"\s*epoch (\d+)", status_text(widget))
    assert match, f"the stepper's status does not start with 'epoch N': {status_text(widget)!r}"
    return int(match.group(1))


def test_training_stepper_step_play_pause_reset(run_notebook, screenshot_dir):
    page = run_notebook("06_how_training_works.ipynb")
    widget = page.widget("TrainingStepper")
    click_button(widget, "Reset")
    expect(status(widget)).to_have_text(re.compile(r"^\s*epoch 0\b"), timeout=WAIT_MS)
    start_text, src = status_text(widget), image_source(widget)
    click_button(widget, "Step")
    expect(status(widget)).not_to_have_text(start_text, timeout=WAIT_MS)
    expect_new_image(widget, src)
    click_button(widget, "Epoch")
    expect(status(widget)).to_have_text(re.compile(r"^\s*epoch [1-9]"), timeout=WAIT_MS)
    # Play runs on its own: the epoch counter keeps going up without further clicks.
    click_button(widget, "Play")
    first = _epoch(widget)
    expect(status(widget)).to_have_text(re.compile(rf"^\s*epoch (?!{first}\b)\d+"),
                                        timeout=WAIT_MS)
    click_button(widget, "Pause")
    page.page.wait_for_timeout(1500)               # let a step that was under way finish
    paused = status_text(widget)
    page.page.wait_for_timeout(2000)
    assert status_text(widget) == paused, "training went on after Pause"
    widget.screenshot(path=str(screenshot_dir / "06-stepper-after-play.png"))
    click_button(widget, "Reset")
    expect(status(widget)).to_have_text(re.compile(r"^\s*epoch 0\b"), timeout=WAIT_MS)
    assert page.console_errors == []
