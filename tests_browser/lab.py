"""Driving one notebook in JupyterLab through the page, the way a learner does.

Also the two things every browser run needs, shared by the browser tests (conftest.py) and the
browser benchmark (bench/browser.py): a private JupyterLab server serving a temporary copy of
notebooks/ (:func:`lab_server`) and the system's Chromium driven by Playwright
(:func:`chromium`).
"""
import contextlib
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BROWSER_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                      "/usr/bin/google-chrome-stable", "/snap/bin/chromium",
                      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"]

WIDGET_PLACEHOLDERS = ("Loading widget", "Error displaying widget", "Error rendering")

# Console messages JupyterLab itself produces on a machine without internet or with no
# extension manager listing; they say nothing about the course. Anything else fails the test.
BENIGN_CONSOLE = (
    re.compile(r"Failed to load resource: net::ERR_"),      # blocked outside requests
    re.compile(r"/lab/api/(news|update|listings)"),
)


# True once the notebook is finished as a learner sees it: every code cell numbered, the kernel
# idle, no widget still loading, every picture (stored figures and widget frames) loaded.
RENDERED_JS = """() => {
  const notebook = document.querySelector('.jp-Notebook');
  const prompts = [...notebook.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
  if (!prompts.length || !prompts.every(n => /^\\s*\\[\\d+\\]:\\s*$/.test(n.textContent)))
    return false;
  if (!document.querySelector(".jp-Notebook-ExecutionIndicator[data-status='idle']"))
    return false;
  if (/Loading widget|Error displaying widget|Error rendering/.test(notebook.textContent))
    return false;
  return [...notebook.querySelectorAll('.jp-OutputArea-output img')]
    .every(img => img.complete && img.naturalWidth > 0);
}"""


# True when Run All has stopped at a cell that raised (the kernel idle, an error shown).
ERROR_OUTPUTS = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']"
STOPPED_JS = """() => !!document.querySelector("%s") &&
  !!document.querySelector(".jp-Notebook-ExecutionIndicator[data-status='idle']")
""" % ERROR_OUTPUTS


# Seconds JupyterLab may take to start (a minute is usual on a busy 2-core machine).
START_TIMEOUT = 180


class BrowserMissing(RuntimeError):
    """No usable Chromium or Chrome on this machine (the message says how to get one)."""


def find_browser():
    """The browser named by $COURSE_BROWSER, else the first usual Chromium/Chrome path found."""
    named = os.environ.get("COURSE_BROWSER")
    if named:
        if not Path(named).exists():
            raise BrowserMissing(
                f"COURSE_BROWSER={named} does not exist; point it at a Chromium or Chrome "
                f"executable, or unset it to use the system's (Debian/Ubuntu: "
                f"`sudo apt-get install chromium`).")
        return named
    for candidate in BROWSER_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise BrowserMissing(
        "No Chromium or Chrome browser found. Install one (Debian/Ubuntu: `sudo apt-get install "
        "chromium`; macOS: install Google Chrome) or point COURSE_BROWSER at its executable. "
        "The browser runs never download a browser.")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def lab_server(extra_notebooks=None):
    """A private JupyterLab on 127.0.0.1 (random port and token) serving a temporary copy of
    notebooks/, so running notebooks in the browser never changes the committed files.

    ``extra_notebooks`` maps file names to notebook JSON text written beside the copies.
    Yields {"url", "token", "workdir"}."""
    port, token = free_port(), secrets.token_hex(16)
    workdir = Path(tempfile.mkdtemp(prefix="course-browser-"))
    shutil.copytree(ROOT / "notebooks", workdir / "notebooks")
    for name, text in (extra_notebooks or {}).items():
        (workdir / "notebooks" / name).write_text(text)
    log = open(workdir / "jupyter.log", "w")
    settings = workdir / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    # no "would you like news?" pop-up covering the page
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    # every cell stays in the page (no virtual scrolling), so every prompt and picture is there
    # to check, as a learner scrolling through the notebook sees it
    notebook_settings = workdir / "settings" / "@jupyterlab" / "notebook-extension"
    notebook_settings.mkdir(parents=True)
    (notebook_settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
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
    try:
        deadline = time.time() + START_TIMEOUT
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError(f"jupyter lab exited; see {workdir / 'jupyter.log'}")
                time.sleep(0.5)
        else:
            raise RuntimeError(f"jupyter lab did not start in {START_TIMEOUT} s; see "
                               f"{workdir / 'jupyter.log'}")
        yield {"url": url, "token": token, "workdir": workdir}
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def fonts_with_hangul():
    """Environment for a browser that can show Hangul: the system's fonts plus the Noto Sans KR
    the course installs for its figures (a machine without Korean fonts, such as a bare CI
    container, would draw the Korean notebooks' text as boxes; a Korean learner's system has
    Hangul fonts of its own). Returns the extra environment variables."""
    from helpers.plots.fonts import korean_font_path

    path = korean_font_path()
    if path is None:
        return {}
    folder = Path(tempfile.mkdtemp(prefix="course-fonts-"))
    (folder / "fonts.conf").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f'  <dir>{path.parent}</dir>\n  <cachedir>{folder / "cache"}</cachedir>\n'
        '</fontconfig>\n')
    return {"FONTCONFIG_FILE": str(folder / "fonts.conf")}


@contextlib.contextmanager
def chromium():
    """The system's Chromium, headless, driven by Playwright (raises BrowserMissing)."""
    from playwright.sync_api import sync_playwright

    executable = find_browser()
    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=executable, headless=True, env={**os.environ, **fonts_with_hangul()},
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-quic"])
        try:
            yield instance
        finally:
            instance.close()


class NotebookPage:
    def __init__(self, browser, server, name, width=1280, height=900):
        self.name = name
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.console_errors = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda exc: self.console_errors.append(f"pageerror: {exc}"))
        self.url = f"{server['url']}/lab/tree/{name}?token={server['token']}&reset"

    def _on_console(self, message):
        if message.type == "error":
            text = message.text
            if not any(p.search(text) for p in BENIGN_CONSOLE):
                self.console_errors.append(text)

    # ----- opening and running ---------------------------------------------------------------
    def open(self):
        self.page.goto(self.url)
        self.page.wait_for_selector(".jp-Notebook", timeout=60_000)
        self.page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']",
                                    timeout=60_000)
        return self

    def menu(self, menu, item):
        self.page.locator(".lm-MenuBar-itemLabel", has_text=menu).first.click()
        self.page.locator(".lm-Menu-itemLabel", has_text=item).first.click()

    def clear_outputs(self):
        """Clear the stored outputs, so nothing old can pass for new."""
        self.page.click(".jp-Notebook")
        self.menu("Edit", "Clear Outputs of All Cells")
        self.page.wait_for_function(
            "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]"
            ".every(n => !/\\d/.test(n.textContent))", timeout=10_000)

    def run_all(self, timeout=240):
        """Clear the stored outputs, then Run All Cells and wait until done."""
        self.clear_outputs()
        self.menu("Run", "Run All Cells")
        self.wait_until_done(timeout)

    def wait_until_rendered(self, timeout=240):
        """Wait (checking every 20 ms, in the page) until every code cell has run, the kernel is
        idle, every widget has rendered and every picture has loaded."""
        try:
            self.page.wait_for_function(f"() => ({RENDERED_JS})() || ({STOPPED_JS})()",
                                        polling=20, timeout=timeout * 1000)
        except Exception as exc:
            unfinished = [p for p in self.prompts() if not re.search(r"\d", p)]
            raise AssertionError(f"{self.name}: not finished after {timeout} s; cells not yet "
                                 f"run: {unfinished}") from exc
        errors = self.page.eval_on_selector_all(ERROR_OUTPUTS, "ns => ns.map(n => n.textContent)")
        if errors:
            raise AssertionError(f"{self.name}: Run All stopped at an error: "
                                 f"{errors[0][-600:]}")

    def prompts(self):
        return self.page.eval_on_selector_all(
            ".jp-CodeCell .jp-InputArea-prompt", "nodes => nodes.map(n => n.textContent)")

    def wait_until_done(self, timeout=240):
        """Wait until every code cell has an execution number and the kernel is idle."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            prompts = self.prompts()
            finished = prompts and all(re.fullmatch(r"\[\d+\]:", p.strip()) for p in prompts)
            idle = self.page.locator(
                ".jp-Notebook-ExecutionIndicator[data-status='idle']").count() > 0
            if finished and idle:
                self.page.wait_for_timeout(500)   # let the last widget views render
                return
            self.page.wait_for_timeout(250)
        raise AssertionError(f"{self.name}: cells still running after {timeout} s: "
                             f"{[p for p in self.prompts() if '*' in p or p.strip() == '[ ]:']}")

    # ----- what the learner sees --------------------------------------------------------------
    def error_outputs(self):
        """Text of every stderr or error output (tracebacks, warnings)."""
        return self.page.eval_on_selector_all(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
            "nodes => nodes.map(n => n.textContent.slice(0, 500))")

    def widget_placeholders(self):
        text = self.page.locator(".jp-Notebook").text_content()
        return [p for p in WIDGET_PLACEHOLDERS if p in text]

    def widget(self, class_name, index=0):
        """The index-th course widget of a class (CourseWidget adds course-<ClassName>)."""
        locator = self.page.locator(f".course-{class_name}").nth(index)
        locator.scroll_into_view_if_needed()
        return locator

    def screenshot(self, directory, suffix=""):
        path = directory / f"{self.name.replace('.ipynb', '').replace('/', '-')}{suffix}.png"
        self.page.screenshot(path=str(path))
        return path

    def close(self):
        self.context.close()


def image_source(widget):
    """The src of the first image in a widget (a new data URL each time the picture changes)."""
    return widget.locator("img").first.get_attribute("src")


def move_slider(widget, index=0, presses=1, key="ArrowRight"):
    """Move the index-th slider of a widget with the keyboard, as a learner could."""
    handle = widget.locator(".noUi-handle").nth(index)
    handle.scroll_into_view_if_needed()
    handle.focus()
    for _ in range(presses):
        handle.press(key)


def click_button(widget, text):
    widget.locator("button", has_text=text).first.click()


def wait_for_change(read, before, page, timeout=10.0):
    """Poll read() until it differs from ``before``; return the new value (or the old one)."""
    deadline = time.time() + timeout
    value = read()
    while value == before and time.time() < deadline:
        page.wait_for_timeout(100)
        value = read()
    return value
