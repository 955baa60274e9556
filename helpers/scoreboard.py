"""The course scoreboard: every approach, the same test data, one table.

Each part of the course adds rows: an approach, the task, its test accuracy and what a person had
to hand-craft for it. Nothing in the table is typed in: every accuracy is recomputed by the
function that registered the row (with fixed seeds, so the numbers are the same every run), which
is why notebook 07 can show rows from notebook 01 without copying them.

A module registers a row with the :func:`entry` decorator::

    @scoreboard.entry(notebook=1, task="running example", approach="hand-written rules",
                      handcrafted="every threshold")
    def hand_rules_accuracy():
        ...
        return test_accuracy
"""
import functools
import html
import importlib

from . import datasets

__all__ = ["entry", "rows", "show", "running_example_split", "spiral_split", "digits_split",
           "Scoreboard", "TASKS"]

#: The tasks the scoreboard tracks, in the order the table lists them.
TASKS = ("running example", "spiral", "digits")

#: Modules that register rows; each is imported before the table is built.
_CONTRIBUTORS = ("rule_lists", "search", "classical", "networks")

_ROWS = []


@functools.lru_cache(maxsize=None)
def running_example_split():
    """The fixed train/test split of the running example every row is scored on."""
    X, y = datasets.two_class_points(n=400, noise=0.35, seed=0)
    return datasets.train_test_split(X, y, test_fraction=0.25, seed=0)


@functools.lru_cache(maxsize=None)
def spiral_split():
    """The fixed train/test split of the two-arm spiral."""
    X, y = datasets.spiral(n=400, classes=2, noise=0.2, seed=0)
    return datasets.train_test_split(X, y, test_fraction=0.25, seed=0)


@functools.lru_cache(maxsize=None)
def digits_split():
    """The fixed train/test split of the 8×8 digits (the same as ``datasets.digits()``)."""
    return datasets.digits(seed=0, test_fraction=0.25)


SPLITS = {"running example": running_example_split, "spiral": spiral_split,
          "digits": digits_split}


class _Row:
    def __init__(self, notebook, task, approach, handcrafted, compute):
        self.notebook, self.task, self.approach = notebook, task, approach
        self.handcrafted, self.compute = handcrafted, compute

    @functools.cached_property
    def accuracy(self):
        return float(self.compute())


def entry(notebook, task, approach, handcrafted):
    """Register the decorated function (no arguments, returns test accuracy) as a row."""
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; the scoreboard tracks {TASKS}.")

    def register(compute):
        key = (notebook, task, approach)
        _ROWS[:] = [r for r in _ROWS if (r.notebook, r.task, r.approach) != key]
        _ROWS.append(_Row(notebook, task, approach, handcrafted, compute))
        return compute

    return register


def _load_contributors():
    for name in _CONTRIBUTORS:
        importlib.import_module(f"{__package__}.{name}")


def rows(task=None, upto=None):
    """The registered rows (optionally of one task, up to a notebook number), in course order."""
    _load_contributors()
    chosen = [r for r in _ROWS if (task is None or r.task == task)
              and (upto is None or r.notebook <= upto)]
    return sorted(chosen, key=lambda r: (TASKS.index(r.task), r.notebook))


class Scoreboard:
    """A table of rows; shows as HTML in a notebook and as aligned text elsewhere."""

    def __init__(self, rows):
        self.rows = list(rows)

    def records(self):
        return [{"notebook": f"{r.notebook:02d}", "task": r.task, "approach": r.approach,
                 "test accuracy": f"{r.accuracy:.3f}", "hand-crafted by a person": r.handcrafted}
                for r in self.rows]

    def __repr__(self):
        records = self.records()
        if not records:
            return "Scoreboard (no rows yet)"
        keys = list(records[0])
        widths = {k: max(len(k), *(len(rec[k]) for rec in records)) for k in keys}
        lines = ["  ".join(k.ljust(widths[k]) for k in keys)]
        lines += ["  ".join(rec[k].ljust(widths[k]) for k in keys) for rec in records]
        return "\n".join(line.rstrip() for line in lines)

    def _repr_html_(self):
        records = self.records()
        if not records:
            return "<p>Scoreboard (no rows yet)</p>"
        # text reads from the left, numbers line up on the right (JupyterLab right-aligns all)
        align = {k: "right" if k == "test accuracy" else "left" for k in records[0]}
        head = "".join(f'<th style="text-align:{align[k]}">{html.escape(k)}</th>'
                       for k in records[0])
        body = "".join("<tr>" + "".join(f'<td style="text-align:{align[k]}">{html.escape(v)}</td>'
                                        for k, v in rec.items()) + "</tr>" for rec in records)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def show(task=None, upto=None):
    """The scoreboard so far: ``show(upto=4)`` after notebook 04, ``show('digits')``, ..."""
    return Scoreboard(rows(task, upto))
