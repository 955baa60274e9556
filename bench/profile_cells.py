"""Where a notebook's time goes: each cell's time, and the hot functions of the slow cells.

    .venv/bin/python bench/profile_cells.py notebooks/05_layers_of_representations.ipynb

Executes a COPY of the notebook in a fresh kernel (nbclient; the file is never changed) and
prints each cell's time (from the kernel's own execute_input and execute_reply timestamps).
Then executes it once more with a profiler (cProfile) switched on inside the kernel around
each cell slower than --slow seconds (profiling slows a cell down, so only the first run's
times are reported) and prints, for each, its modules by own time ("tottime")
and the package's functions with the most time including what they call ("cumtime").
"""
import argparse
import json
import pstats
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

# Runs in the kernel first: a profiler around each of the cells numbered in {cells}, written
# to {dir}/cell-N.prof (N counts the notebook's code cells from 0).
SETUP = """
import cProfile as _cp
_prof = {{"n": -1, "p": None}}
def _bench_pre(*args):
    _prof["n"] += 1
    if _prof["n"] in {cells}:
        _prof["p"] = _cp.Profile(); _prof["p"].enable()
def _bench_post(*args):
    if _prof["p"] is not None:
        _prof["p"].disable(); _prof["p"].dump_stats(r"{dir}/cell-%d.prof" % _prof["n"])
        _prof["p"] = None
get_ipython().events.register("pre_run_cell", _bench_pre)
get_ipython().events.register("post_run_cell", _bench_post)
"""


def when(cell, key):
    return datetime.fromisoformat(cell.metadata["execution"][key].replace("Z", "+00:00"))


def module_of(filename):
    """A short module name for a file: helpers/widgets/stepper.py, matplotlib, numpy, ..."""
    path = Path(filename)
    parts = path.parts
    if "helpers" in parts:
        return "/".join(parts[parts.index("helpers"):])
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].split(".")[0]
    if filename.startswith("<"):
        return "notebook cell" if "ipython-input" in filename or "/tmp/" in filename else filename
    return path.name


def by_module(stats):
    """Own time (tottime) summed per module: where the CPU actually is."""
    own = defaultdict(float)
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():
        own[module_of(filename)] += tottime
    return sorted(own.items(), key=lambda kv: -kv[1])


def helpers_cumulative(stats, top):
    """The package's functions with the largest time including what they call."""
    rows = [(cum, f"{module_of(f)}:{line} {name}")
            for (f, line, name), (_, _, _, cum, _) in stats.stats.items() if "helpers" in f]
    return sorted(rows, reverse=True)[:top]


def execute(path, setup=None):
    """Execute a copy of the notebook (with ``setup`` as a first cell); returns the copy's code
    cells (without the setup cell) and the seconds it took, kernel start included."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    if setup:
        nb.cells.insert(0, nbformat.v4.new_code_cell(setup))
    client = NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=True,
                            resources={"metadata": {"path": str(Path(path).parent)}})
    start = time.perf_counter()
    client.execute(stderr=subprocess.DEVNULL)
    code = [c for c in nb.cells if c.cell_type == "code"]
    return (code[1:] if setup else code), time.perf_counter() - start


def profile(path, slow=0.3, top=12):
    code, total = execute(path)
    print(f"{path}: {total:.1f} s with kernel start")
    rows = []
    for n, cell in enumerate(code):
        seconds = (when(cell, "shell.execute_reply") - when(cell, "iopub.execute_input")
                   ).total_seconds()
        rows.append((seconds, n, cell.source.splitlines()[0][:70] if cell.source else ""))
    print(f"  cells: {sum(r[0] for r in rows):.2f} s in {len(rows)} cells")
    for seconds, n, first in sorted(rows, reverse=True)[:8]:
        print(f"  cell {n:>2}: {seconds:6.2f} s  {first}")
    report = {"total_s": total, "cells": [{"cell": n, "seconds": s, "first_line": f}
                                          for s, n, f in rows]}
    slow_cells = sorted((r for r in rows if r[0] >= slow), reverse=True)
    if not slow_cells:
        return report
    workdir = Path(tempfile.mkdtemp(prefix="profile-cells-"))
    execute(path, SETUP.format(dir=workdir, cells={n for _, n, _ in slow_cells}))
    for seconds, n, first in slow_cells:
        stats = pstats.Stats(str(workdir / f"cell-{n}.prof"))
        print(f"\n  --- cell {n} ({seconds:.2f} s): {first}")
        print("  own time by module:", ", ".join(f"{m} {t:.2f}" for m, t in
                                                 by_module(stats)[:8]))
        print("  helpers functions (time including callees):")
        for cum, name in helpers_cumulative(stats, top):
            print(f"    {cum:6.2f} s  {name}")
    return report


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--slow", type=float, default=0.3, help="profile cells slower than this")
    parser.add_argument("--json", help="also write the cell times to this file")
    args = parser.parse_args(argv)
    reports = {nb: profile(nb, args.slow) for nb in args.notebooks}
    if args.json:
        Path(args.json).write_text(json.dumps(reports, indent=2))


if __name__ == "__main__":
    sys.exit(main())
