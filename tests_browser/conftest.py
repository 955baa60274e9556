"""Fixtures for the browser tests: a private JupyterLab server and a system Chromium.

The server runs from this project's environment on 127.0.0.1 with a random port and token, and
serves a temporary copy of notebooks/, so running the notebooks in the browser never changes the
committed files. Screenshots go to browser-screenshots/ (printed at the start); on failure the
test also saves the page and its console log there.
"""
import shutil
from pathlib import Path

import pytest

from tests_browser import lab

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "browser-screenshots"


@pytest.fixture(scope="session")
def screenshot_dir():
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir()
    _USED.append(True)
    return SHOTS


_USED = []   # whether this run made screenshots (and so has something to report)


def pytest_terminal_summary(terminalreporter):
    """Say where the screenshots are, at the end of the run where people look."""
    if _USED and SHOTS.exists():
        shots = len(list(SHOTS.glob("*.png")))
        terminalreporter.write_line(f"browser tests: {shots} screenshots saved in {SHOTS}")


@pytest.fixture(scope="session")
def lab_server():
    with lab.lab_server() as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    try:
        with lab.chromium() as instance:
            yield instance
    except lab.BrowserMissing as exc:
        pytest.exit(str(exc), returncode=2)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Remember each phase's result on the test item, so fixtures can save evidence on failure."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def run_notebook(request, browser, lab_server, screenshot_dir):
    """Open a notebook in JupyterLab and run all its cells; returns the NotebookPage.

    If the test fails, the page's screenshot and its console log are saved next to the other
    screenshots."""
    pages = []

    def run(name):
        page = lab.NotebookPage(browser, lab_server, name).open()
        pages.append(page)
        page.run_all()
        return page

    yield run
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    for page in pages:
        if failed:
            page.screenshot(screenshot_dir, f"-{request.node.name}-FAILED")
            (screenshot_dir / f"{request.node.name}-console.log").write_text(
                "\n".join(page.console_errors) or "(no console errors)")
        page.close()

