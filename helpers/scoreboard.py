"""The course scoreboard: every approach, the same test data, one table.

Each part of the course adds rows: an approach, the task, its test accuracy and what a person had
to hand-craft for it. Nothing in the table is typed in: every accuracy is computed by the
function that registered the row (with fixed seeds, so the numbers are the same every run), which
is why notebook 07 can show rows from notebook 01 without copying them.

Recomputing every earlier notebook's row retrains their models (up to 6 s at the end of a
notebook), so the table shows the accuracies recorded in ``scores.json`` beside this module, and
computes only rows that have no recorded number (a row you register yourself).
``show(..., recompute=True)`` recomputes every row in front of you. The tests recompute every row
and fail when a recorded number differs; ``python3 tools/record_scores.py`` records them again
after a change to a model.

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
import json
from pathlib import Path

from . import datasets
from .i18n import N_, _, pad, text_width

__all__ = ["entry", "rows", "show", "running_example_split", "spiral_split", "digits_split",
           "Scoreboard", "TASKS", "COLUMNS"]

#: The tasks the scoreboard tracks, in the order the table lists them (keys: the table shows
#: them translated).
TASKS = (N_("running example"), N_("spiral"), N_("digits"))
#: The table's columns, in English (the keys of :meth:`Scoreboard.records`).
COLUMNS = (N_("notebook"), N_("task"), N_("approach"), N_("test accuracy"),
           N_("hand-crafted by a person"))

#: The texts of the rows the course's modules register (``approach`` and ``handcrafted``, word for
#: word), marked here so the table can show them translated even where a module does not mark
#: its own with ``N_()``. A new row's texts go here too (or are marked where it is registered).
ROW_TEXTS = (
    N_("hand-written rules"), N_("every rule and threshold (4 rules)"),
    N_("every pixel test (20 rules)"),
    N_("best single threshold rule (search)"),
    N_("the family of candidate rules (one feature > a threshold)"),
    N_("coordinate change found by search + x > 0"),
    N_("the family of coordinate changes (rotate, then shift) and the rule x > 0"),
    N_("perceptron (the 1958 rule) on x, y"), N_("logistic regression on x, y"),
    N_("nothing about these points; only that a straight line will do"),
    N_("logistic regression on x, y, x², xy, y²"),
    N_("the features x², xy, y² (they solve circles, not spirals)"),
    N_("k-nearest neighbours (k = 5)"),
    N_("that straight-line distance between points means similarity"),
    N_("logistic regression on the 64 pixels"), N_("nothing beyond scaling the pixels to [0, 1]"),
    N_("k-nearest neighbours (k = 5) on the 64 pixels"),
    N_("that pixel-by-pixel distance means similar digits"),
    N_("decision tree (depth 10) on the 64 pixels"), N_("nothing beyond the depth limit"),
    N_("layered network 2-8-8-2 (tanh)"), N_("layered network 2-32-32-32-2 (ReLU)"),
    N_("layered network 64-96-48-10 (ReLU)"),
    N_("nothing about the data; only the network's size"),
)

#: Modules that register rows; each is imported before the table is built.
_CONTRIBUTORS = ("rule_lists", "search", "classical", "networks")

_ROWS = []

#: The recorded accuracies: {"notebook | task | approach": accuracy}.
RECORDED_FILE = Path(__file__).with_name("scores.json")


@functools.lru_cache(maxsize=1)
def recorded():
    """The recorded accuracies, keyed by :func:`row_key`."""
    return json.loads(RECORDED_FILE.read_text(encoding="utf-8"))


def row_key(row):
    """A row's name in ``scores.json``: "notebook | task | approach" (English)."""
    return f"{row.notebook:02d} | {row.task} | {row.approach}"


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
        """The recorded accuracy of one of the package's own rows, otherwise computed (a row
        registered from a notebook is always computed, even under a recorded row's name)."""
        own = getattr(self.compute, "__module__", "").startswith(__package__ + ".")
        known = recorded().get(row_key(self)) if own else None
        return self.recomputed if known is None else known

    @functools.cached_property
    def recomputed(self):
        """The accuracy computed now by the row's function."""
        return float(self.compute())


def entry(notebook, task, approach, handcrafted):
    """Register the decorated function (no arguments, returns test accuracy) as a row.

    ``approach`` and ``handcrafted`` are English, marked with ``N_()`` where the row is
    registered; the table shows them translated.
    """
    if task not in TASKS:
        raise ValueError(_("unknown task {task!r}; the scoreboard tracks {tasks}.").format(
            task=task, tasks=TASKS))

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

    def __init__(self, rows, recompute=False):
        self.rows = list(rows)
        self.recompute = recompute

    def records(self):
        """The rows as dicts with the English column names and texts (data to compute with)."""
        return [dict(zip(COLUMNS, (f"{r.notebook:02d}", r.task, r.approach,
                                   f"{r.recomputed if self.recompute else r.accuracy:.3f}",
                                   r.handcrafted)))
                for r in self.rows]

    def shown(self):
        """The table as a learner reads it: a header row, then one row of texts per record,
        in the language the package speaks."""
        rows = [[_(column) for column in COLUMNS]]
        for rec in self.records():
            rows.append([rec["notebook"], _(rec["task"]), _(rec["approach"]),
                         rec["test accuracy"], _(rec["hand-crafted by a person"])])
        return rows

    def __repr__(self):
        if not self.rows:
            return _("Scoreboard (no rows yet)")
        rows = self.shown()
        widths = [max(text_width(row[i]) for row in rows) for i in range(len(COLUMNS))]
        return "\n".join("  ".join(pad(text, w) for text, w in zip(row, widths))
                         .rstrip() for row in rows)

    def _repr_html_(self):
        if not self.rows:
            return f"<p>{html.escape(_('Scoreboard (no rows yet)'))}</p>"
        # text reads from the left, numbers line up on the right (JupyterLab right-aligns all)
        align = ["right" if column == "test accuracy" else "left" for column in COLUMNS]
        header, *rows = self.shown()
        head = "".join(f'<th style="text-align:{a}">{html.escape(t)}</th>'
                       for a, t in zip(align, header))
        body = "".join("<tr>" + "".join(f'<td style="text-align:{a}">{html.escape(t)}</td>'
                                        for a, t in zip(align, row)) + "</tr>" for row in rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def show(task=None, upto=None, recompute=False):
    """The scoreboard so far: ``show(upto=4)`` after notebook 04, ``show('digits')``, ...

    ``recompute=True`` computes every accuracy now instead of showing the recorded ones (the
    same numbers; it retrains the models, which takes a few seconds)."""
    return Scoreboard(rows(task, upto), recompute=recompute)
