"""Driving one notebook in JupyterLab through the page, the way a learner does."""
import re
import time

WIDGET_PLACEHOLDERS = ("Loading widget", "Error displaying widget", "Error rendering")

# Console messages JupyterLab itself produces on a machine without internet or with no
# extension manager listing; they say nothing about the course. Anything else fails the test.
BENIGN_CONSOLE = (
    re.compile(r"Failed to load resource: net::ERR_"),      # blocked outside requests
    re.compile(r"/lab/api/(news|update|listings)"),
)


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

    def run_all(self, timeout=240):
        """Clear the stored outputs (so nothing old can pass for new), then Run All Cells."""
        self.page.click(".jp-Notebook")
        self.menu("Edit", "Clear Outputs of All Cells")
        self.page.wait_for_function(
            "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]"
            ".every(n => !/\\d/.test(n.textContent))", timeout=10_000)
        self.menu("Run", "Run All Cells")
        self.wait_until_done(timeout)

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
        path = directory / f"{self.name.replace('.ipynb', '')}{suffix}.png"
        self.page.screenshot(path=str(path))
        return path

    def close(self):
        self.context.close()


def image_source(widget):
    """The src of the first image in a widget (a new blob URL each time the plot is redrawn)."""
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
