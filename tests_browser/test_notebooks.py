"""Every notebook, run in a real JupyterLab: no errors, every widget rendered, a clean console."""
from pathlib import Path

import pytest

# Pictures the page shows smaller than they were drawn (their text shrinks with them). A stored
# widget picture carries its display width (the live picture's); it counts as shrunk only when
# shown narrower than that width.
SHRUNK_PICTURES = """() => [...document.querySelectorAll('.jp-OutputArea-output img')]
  .filter(img => img.complete && img.naturalWidth > 0 && img.offsetParent !== null)
  .map(img => ({shown: img.clientWidth,
                wanted: img.hasAttribute('width') ? parseInt(img.getAttribute('width'))
                                                  : img.naturalWidth}))
  .filter(p => p.shown + 1 < p.wanted)
  .map(p => `${p.shown} px shown of ${p.wanted} px`)"""

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
# the English course, then the Korean one (notebooks/ko, the same notebooks in Korean)
NOTEBOOKS = ([p.name for p in sorted(NOTEBOOK_DIR.glob("*.ipynb"))]
             + [f"ko/{p.name}" for p in sorted((NOTEBOOK_DIR / "ko").glob("*.ipynb"))])


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_cleanly_in_jupyterlab(run_notebook, screenshot_dir, name):
    page = run_notebook(name)
    assert page.error_outputs() == [], f"{name}: a cell printed an error or a warning"
    assert page.widget_placeholders() == [], f"{name}: a widget did not render"
    widgets = page.page.locator(".course-widget")
    for i in range(widgets.count()):
        widget = widgets.nth(i)
        widget.scroll_into_view_if_needed()
        assert widget.locator("img").count() == 0 or widget.locator("img").first.is_visible()
        widget.screenshot(path=str(screenshot_dir /
                                    f"{name[:-6].replace('/', '-')}-widget{i}.png"))
    assert page.page.evaluate(SHRUNK_PICTURES) == [], f"{name}: a picture is wider than the page"
    page.page.locator(".jp-Notebook").evaluate("n => n.scrollTop = 0")
    page.screenshot(screenshot_dir)
    assert page.console_errors == [], f"{name}: browser console errors: {page.console_errors}"
