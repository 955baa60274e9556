"""The Korean course in a real JupyterLab, as a Korean learner meets it.

``test_notebooks.py`` already runs every Korean notebook (no errors, no missing-glyph warning,
every widget rendered). Here: what the learner reads on the page is Korean (every widget, every
exercise's feedback), and the stepper's Korean buttons work.
"""
import re

from playwright.sync_api import expect

from tests_browser.lab import click_button, image_source

WAIT_MS = 30_000
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def texts_without_hangul(locator):
    """Texts with English words but no Hangul (hidden elements included: they show later)."""
    found = []
    for i in range(locator.count()):
        item = locator.nth(i)
        text = (item.text_content() or "").strip()
        if re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", text) and not HANGUL.search(text):
            found.append(text[:80])
    return found


def test_korean_course_map_speaks_korean(run_notebook, screenshot_dir):
    page = run_notebook("ko/00_course_map.ipynb")
    headings = page.page.locator(".jp-MarkdownOutput h1")
    assert HANGUL.search(headings.first.text_content()), "the course map's title is not Korean"
    widget = page.widget("WidgetCheck")
    labels = widget.locator("button, label, .widget-label, .course-status")
    assert texts_without_hangul(labels) == []
    click_button(widget, "눌러 보세요")
    expect(widget.locator(".course-status").first).to_contain_text(HANGUL, timeout=WAIT_MS)
    widget.screenshot(path=str(screenshot_dir / "ko-00-widget-check-after-use.png"))
    assert page.console_errors == []


def test_korean_feedback_and_widgets_in_every_part(run_notebook, screenshot_dir):
    """Notebook 01: the rule builder's controls and every exercise's feedback are Korean."""
    page = run_notebook("ko/01_symbolic_ai.ipynb")
    widgets = page.page.locator(".course-widget")
    assert widgets.count() > 0
    assert texts_without_hangul(widgets.locator("button, .widget-label, .course-status")) == []
    outputs = page.page.locator(".jp-OutputArea-output")
    feedback = [outputs.nth(i).text_content() for i in range(outputs.count())
                if re.search("[✓✗◆]", outputs.nth(i).text_content() or "")]
    assert feedback, "no exercise feedback found in the Korean notebook"
    assert [f[:80] for f in feedback if not HANGUL.search(f)] == []


def test_korean_stepper_buttons(run_notebook, screenshot_dir):
    page = run_notebook("ko/06_how_training_works.ipynb")
    widget = page.widget("TrainingStepper")
    status = widget.locator(".course-status").first
    expect(status).to_contain_text(HANGUL, timeout=WAIT_MS)
    before, src = status.text_content(), image_source(widget)
    click_button(widget, "한 스텝")
    expect(status).not_to_have_text(before, timeout=WAIT_MS)
    expect(widget.locator("img").first).not_to_have_attribute("src", src, timeout=WAIT_MS)
    click_button(widget, "재생")
    expect(widget.locator("button", has_text="일시 정지").first).to_be_visible(timeout=WAIT_MS)
    click_button(widget, "일시 정지")
    expect(widget.locator("button", has_text="재생").first).to_be_visible(timeout=WAIT_MS)
    assert texts_without_hangul(widget.locator("button, .widget-label, .course-status")) == []
    widget.screenshot(path=str(screenshot_dir / "ko-06-stepper-after-play.png"))
    assert page.console_errors == []
