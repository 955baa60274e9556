"""The browser benchmark: speed as a learner feels it, in JupyterLab in headless Chromium.

Measured in one run, on one private JupyterLab server (the browser tests' helpers in
``tests_browser/lab.py``):
  1. each notebook: the time to start a kernel plus Run All Cells until the kernel is idle and
     every widget and picture has rendered; also a *bare* notebook (kernel start, the course's
     imports, one small figure), so each time is also given as a ratio to it (times depend on
     the machine, ratios much less);
  2. every widget: the time from one learner action (a key press on a slider, a click) to the
     page showing the changed picture (its <img> has loaded the new frame), median and p95;
  3. the training stepper's Play: pictures shown per second and training steps per second.
All times are taken inside the page (performance.now()): the action's own key or click event,
the moment the picture's src changes, and the moment the new picture has loaded.
"""
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"ratio": 3.0, "course_ratio": 2.0, "action_ms": 100.0, "play_fps": 25.0,
           "knob_ms": 50.0}
BARE = "bare.ipynb"

# Kernel start, the course's imports (what every notebook's first cell imports: NumPy, helpers,
# its plots, its widgets and its exercises) and one small figure. A notebook's own extra imports
# (scikit-learn in 04) count as that notebook's work.
BARE_CELLS = ["import numpy as np\n\nimport helpers\nfrom helpers import exercises, plots, widgets",
              "fig, ax = plots.new_figure()\nax.plot([0, 1], [0, 1])\n"
              "ax.set(title='a line', xlabel='x', ylabel='y')\nfig"]


def bare_notebook():
    cells = [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
              "source": source} for source in BARE_CELLS]
    return json.dumps({"cells": cells, "nbformat": 4, "nbformat_minor": 5, "metadata": {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}})


# ----- what a learner does with each widget ---------------------------------------------------
# notebook -> [(widget class, what the learner does, how)]; "how" is ("keys", handle, first key)
# for a slider moved with the keyboard (alternating with the opposite key, so every press
# changes something) or ("click", [button texts]) cycled through, or ("pad",) for the drawing
# pad's square. The names match bench/run.py's Python-side actions where there is one.
ACTIONS = {
    "00_course_map": [("WidgetCheck", "WidgetCheck: move 'slope'", ("keys", 0, "ArrowRight"))],
    "01_symbolic_ai": [("RuleBuilder", "RuleBuilder: move a threshold",
                        ("keys", 0, "ArrowRight"))],
    "03_representations": [
        # one arrow step (0.01) of a channel range rarely changes which pixels are kept, so
        # the picture stays the same and is rightly not sent again: jump to the far end
        ("ColourSpaceExplorer", "ColourSpaceExplorer: move a channel range",
         ("keys", 0, "End")),
        ("CoordinateExplorer", "CoordinateExplorer: move the angle", ("keys", 0, "ArrowLeft"))],
    "04_classical_ml": [("ModelExplorer", "ModelExplorer: move the knob",
                         ("keys", 0, "ArrowRight"))],
    "05_layers_of_representations": [("LayerInspector", "LayerInspector: move the checkpoint",
                                      ("keys", 0, "ArrowLeft"))],
    "06_how_training_works": [
        ("BackpropWalkthrough", "BackpropWalkthrough: Next stage / Back",
         ("click", ["Next stage", "Back"])),
        ("TrainingStepper", "TrainingStepper: Step", ("click", ["Step"]))],
    "07_digits_through_the_layers": [
        ("DigitInspector", "DigitInspector: pick another test image", ("keys", 0, "ArrowRight")),
        ("DrawingPad", "DrawingPad: paint a pixel", ("pad",))],
    "08_achievements_and_ai_winters": [("TimelineExplorer", "TimelineExplorer: move the year",
                                        ("keys", 0, "ArrowRight"))],
}
OPPOSITE = {"ArrowRight": "ArrowLeft", "ArrowLeft": "ArrowRight", "End": "Home"}

# Installed once per page: the time of every key press and click (capture phase, so before
# any widget handles it).
EVENTS_JS = """() => {
  if (window.__benchEvents) return;
  window.__benchEvents = [];
  for (const type of ['keydown', 'click'])
    document.addEventListener(type, () => window.__benchEvents.push(performance.now()), true);
}"""

# Installed on a widget: when its picture (the first <img> in it) changes, and when each new
# picture has loaded. A picture changes when the img's src changes, or when another img takes
# its place (a Stack of pictures kept in the page, switched by the page itself).
WATCH_JS = """widget => {
  widget.__src = []; widget.__load = [];
  const first = () => widget.querySelector('img');
  const changed = (img, inserted) => {
    widget.__src.push(performance.now());
    if (inserted && img.complete && img.naturalWidth)       // already loaded: once decoded
      img.decode().then(() => widget.__load.push(performance.now()), () => {});
    else img.addEventListener('load', () => widget.__load.push(performance.now()), {once: true});
  };
  let shown = first();
  new MutationObserver(records => {
    for (const r of records) {
      const img = first();
      if (r.type === 'attributes' && r.target === img) { changed(img, false); shown = img; }
      else if (r.type === 'childList' && img && img !== shown) { changed(img, true); shown = img; }
    }
  }).observe(widget, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
}"""


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def summarise(values):
    return {"median": statistics.median(values), "p95": percentile(values, 95),
            "min": min(values), "max": max(values), "n": len(values)}


# ----- 1: Run All ------------------------------------------------------------------------------
def time_run_all(page, timeout=300):
    """Seconds from Run All Cells (outputs cleared, kernel idle) to every cell run and
    everything rendered."""
    page.clear_outputs()
    start = time.perf_counter()
    page.menu("Run", "Run All Cells")
    try:       # the run has started: some cell is queued, running or done
        page.page.wait_for_function(STARTED_JS, polling=20, timeout=10_000)
    except Exception:
        page.page.keyboard.press("Escape")          # close whatever took the click
        page.screenshot(Path("/tmp"), "-bench-run-all-not-started")
        start = time.perf_counter()
        page.menu("Run", "Run All Cells")
    page.wait_until_rendered(timeout)
    return time.perf_counter() - start


STARTED_JS = """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
  .some(n => /[*\\d]/.test(n.textContent))"""


def time_kernel_start():
    """Seconds to start a Python kernel until it answers (what "Restart" costs a learner).

    Measured apart from Run All: cells sent while JupyterLab reconnects to a restarting kernel
    can get lost on a loaded machine."""
    from jupyter_client.manager import start_new_kernel

    start = time.perf_counter()
    manager, client = start_new_kernel(kernel_name="python3")
    seconds = time.perf_counter() - start
    client.stop_channels()
    manager.shutdown_kernel(now=True)
    return seconds


# ----- 2: one action, one picture ---------------------------------------------------------------
def _do(page, widget, how, i):
    kind = how[0]
    if kind == "keys":
        _, handle, first = how
        key = first if i % 2 == 0 else OPPOSITE[first]
        widget.locator(".noUi-handle").nth(handle).press(key)
    elif kind == "click":
        texts = how[1]
        widget.locator("button", has_text=texts[i % len(texts)]).first.click()
    else:
        widget.locator("button[title='row 3, column 4']").click()


def time_actions(page, class_name, how, repeats, settle_ms=250, quiet_ms=500):
    """Latency of ``repeats`` actions on one widget: to the new src and to the loaded picture,
    and how many pictures each action produced. After each action the page is left alone for
    ``quiet_ms``, then for ``settle_ms`` once the picture has come."""
    p = page.page
    p.evaluate(EVENTS_JS)
    widget = page.widget(class_name)
    watched = widget               # the timings are kept on the widget's element (WATCH_JS)
    watched.evaluate(WATCH_JS)
    if how[0] == "keys":
        widget.locator(".noUi-handle").nth(how[1]).focus()
    to_src, to_shown, pictures, missed = [], [], [], 0
    for i in range(repeats):
        events = p.evaluate("window.__benchEvents.length")
        loads = watched.evaluate("w => w.__load.length")
        handle = watched.element_handle()
        _do(page, widget, how, i)
        # Wait without touching the page: the times are taken by the page's own listeners, and
        # asking the page every few ms whether the picture has come (as wait_for_function
        # does) costs the browser CPU that the kernel and the page need on a 2-core machine
        # (it added about 15-20 ms to each action). Only a slow picture is then polled for.
        p.wait_for_timeout(quiet_ms)
        try:
            p.wait_for_function(f"w => w.__load.length > {loads}", arg=handle,
                                polling=100, timeout=10_000)
        except Exception:   # no new picture within 10 s: counted, not timed
            missed += 1
            continue
        p.wait_for_timeout(settle_ms)          # any further pictures from the same action
        t = watched.evaluate("w => ({src: w.__src, load: w.__load})")
        action_time = p.evaluate(f"window.__benchEvents[{events}]")
        to_src.append(t["src"][loads] - action_time)
        to_shown.append(t["load"][loads] - action_time)
        pictures.append(len(t["load"]) - loads)
    out = {"missed": missed}
    if to_shown:
        out.update(shown_ms=summarise(to_shown), src_ms=summarise(to_src),
                   pictures_per_action=statistics.mean(pictures))
    return out


# ----- 3: the stepper's Play -------------------------------------------------------------------
def _step_count(widget):
    text = widget.locator(".course-status").first.text_content()
    match = re.search(r"step (\d+)", text)
    if not match:
        raise RuntimeError(f"the stepper's status has no 'step N': {text!r}")
    return int(match.group(1))


def time_play(page, seconds, warmup=1.0):
    """Pictures shown per second and training steps per second while Play runs."""
    p = page.page
    widget = page.widget("TrainingStepper")
    widget.locator("button", has_text="Reset").first.click()
    p.wait_for_timeout(1000)
    widget.evaluate(WATCH_JS)
    widget.locator("button", has_text="Play").first.click()
    p.wait_for_timeout(warmup * 1000)
    start_steps, start_loads = _step_count(widget), widget.evaluate("w => w.__load.length")
    t0 = time.perf_counter()
    p.wait_for_timeout(seconds * 1000)
    end_steps, end_loads = _step_count(widget), widget.evaluate("w => w.__load.length")
    elapsed = time.perf_counter() - t0
    widget.locator("button", has_text="Pause").first.click()
    p.wait_for_timeout(1000)
    widget.locator("button", has_text="Reset").first.click()
    return {"pictures_per_s": (end_loads - start_loads) / elapsed,
            "steps_per_s": (end_steps - start_steps) / elapsed, "seconds": elapsed}


def shut_down_kernels(server):
    """Stop every kernel of the server (a closed page leaves its kernel running, and idle
    kernels of earlier notebooks would take memory and time from the next one)."""
    import urllib.request

    base, token = server["url"], server["token"]
    with urllib.request.urlopen(f"{base}/api/sessions?token={token}") as response:
        sessions = json.load(response)
    for session in sessions:
        request = urllib.request.Request(f"{base}/api/sessions/{session['id']}?token={token}",
                                         method="DELETE")
        urllib.request.urlopen(request).close()


# ----- the whole run ---------------------------------------------------------------------------
def run(quick=False, notebooks=None, log=print):
    """Run the browser benchmark; returns its results, or {"skipped": reason}."""
    sys.path.insert(0, str(ROOT))
    from tests_browser import lab

    try:
        import playwright  # noqa: F401
    except ImportError:
        return {"skipped": "Playwright is not installed (python3 course.py test-browser "
                           "installs it)"}
    try:
        lab.find_browser()
    except lab.BrowserMissing as exc:
        return {"skipped": str(exc)}
    rounds, repeats, play_s = (1, 5, 3.0) if quick else (3, 10, 6.0)
    names = [BARE.removesuffix(".ipynb")] + (notebooks or sorted(
        p.stem for p in (ROOT / "notebooks").glob("*.ipynb")))
    times = {name: [] for name in names}
    out = {"rounds": rounds, "widgets": {}}
    kernel = []
    with lab.lab_server({BARE: bare_notebook()}) as server, lab.chromium() as browser:
        for r in range(rounds):
            kernel.append(time_kernel_start())
            # the bare notebook at the start and again at the end of each round: the ratios'
            # common denominator is the median of all its runs, not of one run per round
            for name in names + names[:1]:
                page = lab.NotebookPage(browser, server, f"{name}.ipynb").open()
                try:
                    try:
                        times[name].append(kernel[-1] + time_run_all(page))
                    except Exception as exc:    # a cell failed, a dialog blocked: go on
                        out.setdefault("errors", {})[name] = str(exc)
                        log(f"  round {r + 1}/{rounds} {name:<34} FAILED: {exc}")
                        continue
                    log(f"  round {r + 1}/{rounds} {name:<34} {times[name][-1]:6.1f} s")
                    if r == rounds - 1:          # widgets: once, after the last Run All
                        for class_name, label, how in ACTIONS.get(name, []):
                            res = time_actions(page, class_name, how, repeats)
                            out["widgets"][label] = res
                            if "shown_ms" in res:
                                log(f"    {label:<52} {res['shown_ms']['median']:6.0f} ms")
                            else:
                                log(f"    {label:<52} no new picture")
                        if name == "06_how_training_works":
                            out["play"] = time_play(page, play_s)
                            log(f"    TrainingStepper Play: "
                                f"{out['play']['pictures_per_s']:.1f} pictures/s, "
                                f"{out['play']['steps_per_s']:.0f} steps/s")
                finally:
                    page.close()
                    shut_down_kernels(server)
    bare = statistics.median(times[names[0]])
    out["bare_s"] = summarise(times[names[0]])
    out["kernel_start_s"] = summarise(kernel)
    out["notebooks"] = {name: dict(summarise(times[name]),
                                   ratio=statistics.median(times[name]) / bare)
                        for name in names[1:] if times[name]}
    course = sum(r["median"] for r in out["notebooks"].values())
    out["course"] = {"seconds": course, "ratio": course / (len(out["notebooks"]) * bare),
                     "complete": len(out["notebooks"]) == len(names) - 1}
    return out


def met(ok):
    return "met" if ok else "NOT met"


def report(browser, python=None):
    """Markdown: the browser figures, with the Python-side ones (bench/run.py) beside them."""
    if "skipped" in browser:
        return f"## In the browser\n\nSkipped: {browser['skipped']}\n"
    python = python or {}
    nb_py = python.get("notebooks", {})
    inter = python.get("interactivity", {})
    lines = ["## In the browser: Run All (JupyterLab, headless Chromium)", "",
             f"Kernel start ({browser['kernel_start_s']['median']:.1f} s) plus Run All Cells "
             f"until every widget and picture has rendered; median of {browser['rounds']} "
             f"round(s). Bare notebook (kernel start, the course's imports: `helpers` with "
             f"its plots, widgets and exercises; one figure): "
             f"**{browser['bare_s']['median']:.1f} s** (median of its {browser['bare_s']['n']} "
             f"runs, at the start and at the end of each round).", "",
             "| notebook | browser (s) | ratio to bare | target ≤ 3x | nbclient (s) |",
             "|---|---|---|---|---|"]
    for name, r in browser["notebooks"].items():
        py = nb_py.get(name, {}).get("seconds", {}).get("median")
        lines.append(f"| {name} | {r['median']:.1f} | {r['ratio']:.1f}x | "
                     f"{met(r['ratio'] <= TARGETS['ratio'])} | "
                     f"{'' if py is None else f'{py:.1f}'} |")
    c = browser["course"]
    for name, error in browser.get("errors", {}).items():
        lines.append(f"| {name} | FAILED: {error.splitlines()[0][:120]} | | | |")
    course = "whole course" if c.get("complete", True) else "course, without the failed"
    lines += [f"| **{course}** | **{c['seconds']:.1f}** | **{c['ratio']:.1f}x** nine bare "
              f"| {met(c['ratio'] <= TARGETS['course_ratio'])} (≤ 2x) | |", ""]
    lines += ["## In the browser: from a learner's action to the changed picture (ms)", "",
              "Key press or click in the page until the new picture has loaded; in brackets, "
              "until its src changed (the frame has arrived from the kernel).", "",
              "| action | median | p95 | pictures per action | target ≤ 100 ms | "
              "Python side (median) |", "|---|---|---|---|---|---|"]
    sliders = inter.get("sliders", {})
    for label, r in browser["widgets"].items():
        py = sliders.get(label, {}).get("median")
        if label.startswith("TrainingStepper") and "stepper" in inter:
            py = inter["stepper"]["median"]
        target = TARGETS["knob_ms"] if label.startswith("ModelExplorer") else TARGETS["action_ms"]
        if "shown_ms" not in r:
            lines.append(f"| {label} | no new picture | | | NOT met | |")
            continue
        s, src = r["shown_ms"], r["src_ms"]
        lines.append(f"| {label} | {s['median']:.0f} ({src['median']:.0f}) | {s['p95']:.0f} | "
                     f"{r['pictures_per_action']:.1f} | {met(s['median'] <= target)}"
                     f"{' (≤ 50 ms)' if target != TARGETS['action_ms'] else ''} | "
                     f"{'' if py is None else f'{py:.0f}'} |")
    lines.append("")
    play = browser.get("play")
    if play:
        lines += ["## In the browser: the training stepper's Play", "",
                  "| pictures shown per second | training steps per second | target ≥ 25 "
                  "pictures/s |", "|---|---|---|",
                  f"| {play['pictures_per_s']:.1f} | {play['steps_per_s']:.0f} | "
                  f"{met(play['pictures_per_s'] >= TARGETS['play_fps'])} |", ""]
    return "\n".join(lines)
