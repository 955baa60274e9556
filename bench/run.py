"""Benchmarks for From Rules to Layers: `python3 course.py bench` (add --quick for one repeat).

Measures, with the median (and min, max) of several runs:
  1. course execution: each notebook top to bottom in a fresh kernel, and the total;
  2. interactivity: the training stepper's step() with every view redrawn, and one slider change
     in each other widget;
  3. engine speed: helpers' Sequential.fit against scikit-learn's MLPClassifier (and PyTorch on
     the CPU when it is installed) on the 8x8 digits, same architecture, optimizer, batch size,
     epochs, the engines taking turns round after round;
  4. import and start-up: `import helpers` and building the first stepper;
  5. memory: the peak resident memory of each notebook's kernel;
  6. in the browser (bench/browser.py, when Playwright and a Chromium are available): Run All
     per notebook as a ratio to a bare notebook, each widget's action-to-picture time and the
     stepper's pictures per second during Play, printed beside the Python-side figures.
Prints a table and writes bench/results/latest.md and latest.json with the machine's details.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TARGETS = {"notebook_s": 15.0, "course_s": 60.0, "step_ms": 50.0, "slider_ms": 50.0,
           "fit_ratio": 0.75}


def stats(values):
    values = list(values)
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "n": len(values)}


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


# ----- 1 and 5: notebooks ------------------------------------------------------------------------
PEAK_CELL = ("import resource, sys\n"
             "_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
             "print('PEAK_RSS_MB', _kb / (1024 * 1024 if sys.platform == 'darwin' else 1024))")


def run_notebook(path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PEAK_CELL))
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute(stderr=subprocess.DEVNULL)   # the kernel's own start-up chatter
    seconds = time.perf_counter() - start
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    peak = float(text.split("PEAK_RSS_MB")[1].split()[0])
    return seconds, peak


def bench_notebooks(repeats):
    rows = {}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        times, peaks = [], []
        for _ in range(repeats):
            seconds, peak = run_notebook(path)
            times.append(seconds)
            peaks.append(peak)
        rows[path.stem] = {"seconds": stats(times), "peak_rss_mb": max(peaks)}
        print(f"  {path.stem:<36} {rows[path.stem]['seconds']['median']:6.1f} s "
              f"(peak {max(peaks):.0f} MB)", flush=True)
    return rows


# ----- 2: interactivity --------------------------------------------------------------------------
def _widget_actions():
    """For every course widget: how to build it as its notebook does, and one learner action.

    Each entry returns (widget, [actions]); timing alternates between the actions so that every
    call really changes something (a slider moving back and forth, a button cycling).
    """
    import numpy as np

    from helpers import depth, networks, scoreboard
    from helpers import widgets as w

    def slider_between(slider, a=0.25, b=0.75):
        values = [slider.min + (slider.max - slider.min) * f for f in (a, b)]
        if isinstance(slider.value, (int, np.integer)):
            values = [int(round(v)) for v in values]
        return [lambda v=v: setattr(slider, "value", v) for v in values]

    def selection_between(slider):
        options = list(slider.options)
        return [lambda: setattr(slider, "index", 1),
                lambda: setattr(slider, "index", len(options) - 2)]

    def range_between(slider):
        lo, hi = slider.min, slider.max
        span = hi - lo
        return [lambda: setattr(slider, "value", (lo + 0.1 * span, lo + 0.5 * span)),
                lambda: setattr(slider, "value", (lo + 0.3 * span, lo + 0.9 * span))]

    def walkthrough():
        wt = w.BackpropWalkthrough()
        return wt, [wt.next_button.click, wt.back_button.click]

    def digit_inspector():
        _, _, X_test, y_test = scoreboard.digits_split()
        di = w.DigitInspector(networks.digits_network(), X_test, y_test)
        return di, slider_between(di.index_slider)

    def drawing_pad():
        pad = w.DrawingPad(networks.digits_network())
        return pad, [pad.buttons[3][4].click, pad.buttons[4][4].click]

    def layer_inspector():
        X_train, y_train, _, _ = depth.xor_split()
        model = depth.untangling_network(seed=0)
        run = depth.train_with_checkpoints(model, X_train, y_train, epochs=60, every=3)
        li = w.LayerInspector(model, X_train, y_train, run)
        return li, slider_between(li.checkpoint_slider)

    def colour_space():
        cs = w.ColourSpaceExplorer()
        return cs, range_between(cs.sliders[0])

    def simple(cls, attribute, how):
        def build():
            widget = cls()
            return widget, how(getattr(widget, attribute))
        return build

    return {
        "WidgetCheck: move 'slope'": simple(w.WidgetCheck, "slider", slider_between),
        "RuleBuilder: move a threshold": simple(w.RuleBuilder, "threshold_slider",
                                                slider_between),
        "ColourSpaceExplorer: move a channel range": colour_space,
        "CoordinateExplorer: move the angle": simple(w.CoordinateExplorer, "angle_slider",
                                                     slider_between),
        "ModelExplorer: move the knob": simple(w.ModelExplorer, "param_slider",
                                                                 selection_between),
        "LayerInspector: move the checkpoint": layer_inspector,
        "BackpropWalkthrough: Next stage / Back": walkthrough,
        "DigitInspector: pick another test image": digit_inspector,
        "DrawingPad: paint a pixel": drawing_pad,
        "TimelineExplorer: move the year": simple(w.TimelineExplorer, "year_slider",
                                                  slider_between),
    }


def bench_stepper(n_steps):
    from helpers.widgets import TrainingStepper

    stepper = TrainingStepper()
    stepper.step()                       # the first step pays for one-off set-up
    renders = stepper.view.renders
    times = []
    for _ in range(n_steps):
        start = time.perf_counter()
        stepper.step()
        times.append((time.perf_counter() - start) * 1000)
    assert stepper.view.renders - renders == n_steps, "step() did not redraw every time"
    return {"median": statistics.median(times), "p95": percentile(times, 95),
            "min": min(times), "max": max(times), "n": len(times)}


def bench_sliders(n_changes):
    results = {}
    for name, build in _widget_actions().items():
        widget, actions = build()
        actions[-1]()                         # warm up (first draws, caches)
        times = []
        for i in range(n_changes):
            start = time.perf_counter()
            actions[i % len(actions)]()
            times.append((time.perf_counter() - start) * 1000)
        results[name] = {"median": statistics.median(times), "p95": percentile(times, 95),
                         "n": n_changes}
    return results


# ----- 3: engine against scikit-learn and PyTorch -------------------------------------------------
def bench_engine(epochs, repeats):
    import numpy as np
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    import helpers
    from helpers import Adam, SoftmaxCrossEntropy, mlp

    X_train, y_train, X_test, y_test = helpers.datasets.digits(seed=0)
    out = {"setup": f"digits 64-64-10, ReLU, Adam(lr=0.001), batch 32, {epochs} epochs"}

    def ours():
        model = mlp([64, 64, 10], "relu", seed=0)
        model.compile(SoftmaxCrossEntropy(), Adam(0.001))
        start = time.perf_counter()
        model.fit(X_train, y_train, epochs=epochs, batch_size=32, seed=0, verbose=0)
        seconds = time.perf_counter() - start
        return seconds, float(np.mean(model.predict(X_test).argmax(1) == y_test))

    def ours_steps_only():
        # The same training as fit(), without fit's end-of-epoch pass over the whole training
        # set (which fills history['loss']); MLPClassifier keeps no such history.
        model = mlp([64, 64, 10], "relu", seed=0)
        model.compile(SoftmaxCrossEntropy(), Adam(0.001))
        rng = np.random.default_rng(0)
        start = time.perf_counter()
        for _ in range(epochs):
            order = rng.permutation(len(X_train))
            for i in range(0, len(X_train), 32):
                idx = order[i:i + 32]
                model.train_step(X_train[idx], y_train[idx])
        seconds = time.perf_counter() - start
        return seconds, float(np.mean(model.predict(X_test).argmax(1) == y_test))

    def sklearn():
        import warnings

        model = MLPClassifier(hidden_layer_sizes=(64,), activation="relu", solver="adam",
                              learning_rate_init=0.001, batch_size=32, max_iter=epochs,
                              alpha=0.0, tol=0.0, n_iter_no_change=epochs + 1,
                              shuffle=True, random_state=0)
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(X_train, y_train)
        seconds = time.perf_counter() - start
        return seconds, float(model.score(X_test, y_test))

    def pytorch():
        import torch

        torch.manual_seed(0)
        torch.set_num_threads(1)          # the same single thread as the others
        net = torch.nn.Sequential(torch.nn.Linear(64, 64), torch.nn.ReLU(),
                                  torch.nn.Linear(64, 10)).double()
        opt = torch.optim.Adam(net.parameters(), lr=0.001)
        loss_fn = torch.nn.CrossEntropyLoss()
        Xt, yt = torch.tensor(X_train), torch.tensor(y_train)
        generator = torch.Generator().manual_seed(0)
        start = time.perf_counter()
        for _ in range(epochs):
            order = torch.randperm(len(Xt), generator=generator)
            for i in range(0, len(Xt), 32):
                idx = order[i:i + 32]
                opt.zero_grad()
                loss_fn(net(Xt[idx]), yt[idx]).backward()
                opt.step()
        seconds = time.perf_counter() - start
        with torch.no_grad():
            acc = float((net(torch.tensor(X_test)).argmax(1).numpy() == y_test).mean())
        return seconds, acc

    engines = {"helpers": ours, "helpers (train_step loop)": ours_steps_only,
               "scikit-learn": sklearn}
    try:
        import torch  # noqa: F401
        engines["pytorch"] = pytorch
    except ImportError:
        out["pytorch_note"] = "PyTorch is not installed; skipped (pip install torch to compare)."
    # The engines take turns, round after round, after one round that is not counted (the
    # first run of each pays for what it loads and caches). The machine's speed drifts during a
    # benchmark, so each of our runs is paired with a scikit-learn run made seconds apart,
    # rather than compared with runs made a minute later.
    for fn in engines.values():
        fn()
    runs = {name: [] for name in engines}
    for _ in range(repeats):
        for name, fn in engines.items():
            runs[name].append(fn())
    for name, these in runs.items():
        out[name] = {"seconds_per_epoch": stats(r[0] / epochs for r in these),
                     "test_accuracy": these[0][1]}
    base = out["scikit-learn"]["seconds_per_epoch"]["median"]
    for name in engines:
        out[name]["ratio_to_sklearn"] = out[name]["seconds_per_epoch"]["median"] / base
        out[name]["ratio_per_round"] = stats(ours[0] / theirs[0] for ours, theirs
                                             in zip(runs[name], runs["scikit-learn"]))
    return out


# ----- 4: start-up -------------------------------------------------------------------------------
def bench_startup(repeats):
    def timed(code):
        times = []
        for _ in range(repeats):
            result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                    check=True)
            times.append(float(result.stdout.strip().splitlines()[-1]))
        return stats(times)

    return {
        "import helpers (s)": timed("import time; t = time.perf_counter(); import helpers; "
                                    "print(time.perf_counter() - t)"),
        "first stepper (s)": timed("import time; t = time.perf_counter(); "
                                   "from helpers.widgets import TrainingStepper; "
                                   "TrainingStepper(); print(time.perf_counter() - t)"),
    }


# ----- machine and report ------------------------------------------------------------------------
def machine():
    import numpy as np

    info = {"python": platform.python_version(), "platform": platform.platform(),
            "cpu_count": os.cpu_count(), "numpy": np.__version__}
    try:
        config = np.show_config(mode="dicts")
        blas = config["Build Dependencies"]["blas"]
        info["blas"] = f"{blas.get('name')} {blas.get('version', '')}".strip()
    except Exception:  # older NumPy: no dict mode
        info["blas"] = "unknown"
    try:
        with open("/proc/cpuinfo") as fh:
            info["cpu"] = next(l.split(":", 1)[1].strip() for l in fh if l.startswith("model name"))
    except (OSError, StopIteration):
        info["cpu"] = platform.processor() or "unknown"
    return info


def met(value, target):
    return "met" if value <= target else "NOT met"


def report(results):
    lines = ["# Benchmark results", "",
             f"Machine: {results['machine']['cpu']} · {results['machine']['cpu_count']} cores · "
             f"Python {results['machine']['python']} · NumPy {results['machine']['numpy']} "
             f"({results['machine']['blas']}) · {results['machine']['platform']}", ""]
    nbs = results.get("notebooks")
    if nbs:
        total = sum(r["seconds"]["median"] for r in nbs.values())
        lines += ["## Course execution (fresh kernel each, seconds)", "",
                  "| notebook | median | min | max | peak memory (MB) | target < 15 s |",
                  "|---|---|---|---|---|---|"]
        for name, r in nbs.items():
            s = r["seconds"]
            lines.append(f"| {name} | {s['median']:.1f} | {s['min']:.1f} | {s['max']:.1f} | "
                         f"{r['peak_rss_mb']:.0f} | {met(s['median'], TARGETS['notebook_s'])} |")
        peak = max(r["peak_rss_mb"] for r in nbs.values())
        lines += [f"| **whole course** | **{total:.1f}** | | | **{peak:.0f}** (largest kernel) | "
                  f"{met(total, TARGETS['course_s'])} (< 60 s) |", ""]
    inter = results.get("interactivity")
    if inter:
        st = inter["stepper"]
        lines += ["## Interactivity (milliseconds, including the redraw)", "",
                  "| action | median | p95 | target < 50 ms median |", "|---|---|---|---|",
                  f"| TrainingStepper.step() | {st['median']:.1f} | {st['p95']:.1f} | "
                  f"{met(st['median'], TARGETS['step_ms'])} |"]
        for name, r in inter["sliders"].items():
            lines.append(f"| {name} | {r['median']:.1f} | {r['p95']:.1f} | "
                         f"{met(r['median'], TARGETS['slider_ms'])} |")
        lines.append("")
    eng = results.get("engine")
    if eng:
        rounds = eng["scikit-learn"]["seconds_per_epoch"]["n"]
        lines += [f"## Engine speed: {eng['setup']}", "",
                  f"The engines take turns, {rounds} round(s) after one that is not counted; "
                  "the last column divides each run by the scikit-learn run of its round.", "",
                  "| engine | s / epoch (median) | ratio to scikit-learn | test accuracy | "
                  "ratio, round by round (min–max) |", "|---|---|---|---|---|"]
        for name in ("helpers", "helpers (train_step loop)", "scikit-learn", "pytorch"):
            if name in eng:
                r = eng[name]
                per = r.get("ratio_per_round")
                spread = "" if per is None else f"{per['min']:.2f}–{per['max']:.2f}"
                lines.append(f"| {name} | {r['seconds_per_epoch']['median'] * 1000:.1f} ms | "
                             f"{r['ratio_to_sklearn']:.2f} | {r['test_accuracy']:.3f} | "
                             f"{spread} |")
        if "pytorch_note" in eng:
            lines.append(f"\n{eng['pytorch_note']}")
        sk = eng["scikit-learn"]["test_accuracy"]
        for name, what in (("helpers (train_step loop)", "training alone, like for like"),
                           ("helpers", "fit, which also scores the whole training set after "
                                       "each epoch for its history")):
            r = eng[name]
            ok = r["ratio_to_sklearn"] <= 1.0 and r["test_accuracy"] >= sk - 0.01
            lines.append(f"\nTarget (no slower than MLPClassifier at the same accuracy, "
                         f"within 0.01), {what}: {'met' if ok else 'NOT met'}")
        r = eng["helpers"]
        ok = r["ratio_to_sklearn"] <= TARGETS["fit_ratio"] and r["test_accuracy"] >= sk - 0.01
        lines.append(f"\nTarget (speed, issue 14: fit at most {TARGETS['fit_ratio']:g}x "
                     f"MLPClassifier's time at the same accuracy): {'met' if ok else 'NOT met'} "
                     f"({r['ratio_to_sklearn']:.3f}x)")
        lines.append("")
    start = results.get("startup")
    if start:
        lines += ["## Start-up (seconds, fresh process)", "", "| what | median | min | max |",
                  "|---|---|---|---|"]
        for name, s in start.items():
            lines.append(f"| {name} | {s['median']:.2f} | {s['min']:.2f} | {s['max']:.2f} |")
        lines.append("")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one repeat of everything")
    parser.add_argument("--only", choices=["notebooks", "interactivity", "engine", "startup",
                                           "browser"],
                        action="append", help="run only these parts (repeatable)")
    args = parser.parse_args(argv)
    parts = args.only or ["notebooks", "interactivity", "engine", "startup", "browser"]
    repeats = 1 if args.quick else 3
    sys.path.insert(0, str(ROOT))
    results = {"machine": machine(), "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    if "notebooks" in parts:
        print("course execution ...", flush=True)
        results["notebooks"] = bench_notebooks(repeats)
    if "interactivity" in parts:
        print("interactivity ...", flush=True)
        results["interactivity"] = {"stepper": bench_stepper(20 if args.quick else 60),
                                    "sliders": bench_sliders(10 if args.quick else 30)}
    if "engine" in parts:
        print("engine speed ...", flush=True)
        results["engine"] = bench_engine(epochs=10 if args.quick else 20,
                                         repeats=1 if args.quick else 7)
    if "startup" in parts:
        print("start-up ...", flush=True)
        results["startup"] = bench_startup(repeats=3 if args.quick else 5)
    if "browser" in parts:
        import browser   # bench/browser.py, beside this file

        print("in the browser ...", flush=True)
        results["browser"] = browser.run(quick=args.quick)
        if "skipped" in results["browser"]:
            print(f"  skipped: {results['browser']['skipped']}", flush=True)
    text = report(results)
    if "browser" in results:
        text += "\n" + browser.report(results["browser"], results)
    print()
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.md").write_text(text + "\n")
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwritten: {RESULTS / 'latest.md'} and latest.json")


if __name__ == "__main__":
    main()
