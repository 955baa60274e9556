"""Fixtures for the browser tests: a private JupyterLab server and a system Chromium.

The server runs from this project's environment on 127.0.0.1 with a random port and token, and
serves a temporary copy of notebooks/, so running the notebooks in the browser never changes the
committed files. Screenshots go to browser-screenshots/ (printed at the start); on failure the
test also saves the page and its console log there.
"""
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "browser-screenshots"
BROWSER_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                     "/usr/bin/google-chrome-stable", "/snap/bin/chromium",
                     "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"]


def find_browser():
    """The browser named by $COURSE_BROWSER, else the first usual Chromium/Chrome path found."""
    named = os.environ.get("COURSE_BROWSER")
    if named:
        if not Path(named).exists():
            pytest.exit(f"COURSE_BROWSER={named} does not exist; point it at a Chromium or "
                        f"Chrome executable, or unset it to use the system's (Debian/Ubuntu: "
                        f"`sudo apt-get install chromium`).", returncode=2)
        return named
    for candidate in BROWSER_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.exit("No Chromium or Chrome browser found. Install one (Debian/Ubuntu: "
                "`sudo apt-get install chromium`; macOS: install Google Chrome) or point "
                "COURSE_BROWSER at its executable. These tests never download a browser.",
                returncode=2)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    port, token = free_port(), secrets.token_hex(16)
    workdir = Path(tempfile.mkdtemp(prefix="course-browser-"))
    shutil.copytree(ROOT / "notebooks", workdir / "notebooks")
    for extra in (ROOT / "notebooks").glob("*.csv"):
        shutil.copy(extra, workdir / "notebooks")
    log = open(workdir / "jupyter.log", "w")
    settings = workdir / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    # no "would you like news?" pop-up covering the page
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(workdir / "config"),
               JUPYTERLAB_SETTINGS_DIR=str(workdir / "settings"))
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={workdir / 'notebooks'}", "--allow-root",
         "--LabApp.news_url=None", "--LabApp.check_for_updates_class="
         "jupyterlab.NeverCheckForUpdate"],
        stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited; see {workdir / 'jupyter.log'}")
            time.sleep(0.5)
    else:
        process.kill()
        raise RuntimeError(f"jupyter lab did not start in 60 s; see {workdir / 'jupyter.log'}")
    yield {"url": url, "token": token, "workdir": workdir}
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = find_browser()
    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=executable, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-quic"])
        yield instance
        instance.close()


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
    from tests_browser.lab import NotebookPage

    pages = []

    def run(name):
        page = NotebookPage(browser, lab_server, name).open()
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

