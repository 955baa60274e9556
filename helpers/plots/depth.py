"""Figures of depth (:mod:`helpers.depth`, notebook 05): the plane as each layer of a network
sees it.

A *stage* is one representation: the input, or the output of one layer. :class:`StagePanel` draws
a stage (a grid of lines, the points, and the straight line where the decision flips when there is
one) and can later move everything in place, which the layer inspector widget uses.
"""
import copy

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .. import depth
from ..i18n import _
from .core import (MAX_WIDTH_IN, REGION_COLORS, TEXT_PT, class_name, draw_decision_regions,
                   draw_points, new_figure, points_legend_handles, translated)

__all__ = ["StagePanel", "stage_limits", "plot_layer_strip", "plot_stage_over_training",
           "plot_shape_comparison", "GRID_COLORS", "grid_legend_handles"]

#: Colours of the grid's vertical and horizontal lines (blue and vermillion, colour-blind safe).
GRID_COLORS = ("#0072b2", "#d55e00")
BOUNDARY_COLOR = "#009e73"


def stage_limits(points, pad=0.15):
    """Square axis limits ``(lo, hi)`` for x and y around ``points`` (shape (n, 2))."""
    points = np.asarray(points, dtype=float)
    lo, hi = points.min(axis=0), points.max(axis=0)
    centre = (lo + hi) / 2
    half = max(float((hi - lo).max()) / 2 * (1 + pad), 1e-3)
    return (centre[0] - half, centre[0] + half), (centre[1] - half, centre[1] + half)


def _axis_labels(name):
    if name == "input":
        return "x", "y"
    if name.startswith("output"):
        return _("score of class 0"), _("score of class 1")
    return _("unit 1"), _("unit 2")


def stage_title(name):
    """A stage's name as a figure shows it: ``depth.stage_names`` gives "input", "tanh 1", ...,
    "output (Dense 3)" in English (they are also keys); layer names are code and stay."""
    if name == "input":
        return _("input")
    if name.startswith("output (") and name.endswith(")"):
        return _("output ({layer})").format(layer=name[len("output ("):-1])
    return name


def _boundary_xy(boundary, xlim, ylim):
    """Two end points of the line w·p + c = 0 across the given limits (empty if none)."""
    if boundary is None:
        return [], []
    (w0, w1), c = boundary
    if max(abs(w0), abs(w1)) < 1e-12:
        return [], []
    if abs(w1) >= abs(w0):
        xs = np.array(xlim)
        return xs, -(c + w0 * xs) / w1
    ys = np.array(ylim)
    return -(c + w1 * ys) / w0, ys


def grid_legend_handles(boundary=True):
    """Legend entries for the grid's two line colours (and the decision line)."""
    handles = [Line2D([], [], color=GRID_COLORS[0], lw=1.2,
                      label=_("grid lines that were vertical")),
               Line2D([], [], color=GRID_COLORS[1], lw=1.2,
                      label=_("grid lines that were horizontal"))]
    if boundary:
        handles.append(Line2D([], [], color=BOUNDARY_COLOR, lw=2.2, ls="--",
                              label=_("where the decision flips")))
    return handles


class StagePanel:
    """One stage on one Axes: grid lines, points by class, and the decision line if straight.

    ``lines`` has shape (n_lines, n_points, 2): the first half were vertical in the input, the
    second half horizontal. ``boundary`` is ``(w, c)`` from ``depth.decision_line`` or None.
    """

    def __init__(self, ax, lines, points, y, name="input", boundary=None, labels=None,
                 legend=False, title=None):
        self.ax = ax
        self.y = np.asarray(y)
        self.classes = np.unique(self.y)
        lines = np.asarray(lines, dtype=float)
        half = len(lines) // 2
        self.vertical = LineCollection(list(lines[:half]), colors=GRID_COLORS[0], linewidths=0.8,
                                       alpha=0.75, zorder=2)
        self.horizontal = LineCollection(list(lines[half:]), colors=GRID_COLORS[1],
                                         linewidths=0.8, alpha=0.75, zorder=2)
        ax.add_collection(self.vertical)
        ax.add_collection(self.horizontal)
        self.points = draw_points(ax, points, self.y, labels=labels, size=18, legend=False)
        (self.boundary,) = ax.plot([], [], color=BOUNDARY_COLOR, lw=2.2, ls="--", zorder=4)
        ax.set_box_aspect(1)
        if legend:
            ax.legend(handles=self.points + grid_legend_handles(), loc="upper left",
                      bbox_to_anchor=(1.02, 1.0), fontsize=TEXT_PT, frameon=False)
        self.update(lines, points, name=name, boundary=boundary, title=title)

    def update(self, lines, points, name=None, boundary=None, title=None):
        """Move the grid, the points and the decision line in place (no new artists)."""
        lines = np.asarray(lines, dtype=float)
        points = np.asarray(points, dtype=float)
        half = len(lines) // 2
        self.vertical.set_segments(list(lines[:half]))
        self.horizontal.set_segments(list(lines[half:]))
        for artist, k in zip(self.points, self.classes):
            artist.set_offsets(points[self.y == k])
        xlim, ylim = stage_limits(points)
        self.ax.set_xlim(xlim)
        self.ax.set_ylim(ylim)
        self.boundary.set_data(*_boundary_xy(boundary, xlim, ylim))
        if name is not None:
            xlabel, ylabel = _axis_labels(name)
            self.ax.set_xlabel(xlabel)
            self.ax.set_ylabel(ylabel)
        if title is not None or name is not None:
            self.ax.set_title(title if title is not None else stage_title(name),
                              fontsize=TEXT_PT + 1)

    def point_positions(self):
        """The points as drawn now, class by class (for tests)."""
        return [np.asarray(a.get_offsets()) for a in self.points]


def _default_lines(X, n_lines=9):
    (lo, hi), _y_limits = stage_limits(np.vstack([X, -X]), pad=0.1)   # symmetric box around 0
    return depth.grid_lines(lo, hi, n_lines=n_lines)


def _check_drawable(reps):
    widths = [r.shape[-1] for r in reps]
    if any(w != 2 for w in widths):
        raise ValueError(_("every stage must have exactly 2 numbers per point to be drawn in the "
                           "plane, but the widths are {widths}; use a network such as "
                           "helpers.mlp([2, 2, 2, 2, 2], 'tanh').").format(widths=widths))


def plot_layer_strip(model, X, y, lines=None, stages=None, ncols=4, labels=None, title=None):
    """Every stage of ``model`` (or the chosen ``stages``) side by side: input → ... → output.

    Each panel shows the same points and the same grid of lines after the layers so far.
    """
    names = depth.stage_names(model)
    lines = _default_lines(X) if lines is None else np.asarray(lines, dtype=float)
    line_reps = depth.transform_lines(model, lines)
    point_reps = model.representations(X)
    _check_drawable(point_reps)
    stages = list(range(len(names))) if stages is None else list(stages)
    nrows = -(-len(stages) // ncols)
    fig, axes = new_figure(nrows, ncols, width=MAX_WIDTH_IN / ncols, height=2.6)
    axes = np.atleast_1d(axes).ravel()
    for ax, s in zip(axes, stages):
        StagePanel(ax, line_reps[s], point_reps[s], y, name=names[s],
                   boundary=depth.decision_line(model, s), labels=labels,
                   title=f"{s}: {stage_title(names[s])}")
    for ax in axes[len(stages):]:
        ax.set_visible(False)
    handles = points_legend_handles(np.unique(np.asarray(y)), labels) + grid_legend_handles()
    fig.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=TEXT_PT)
    fig.suptitle(translated(title) if title else
                 _("The same points and grid after each layer"), fontsize=12)
    return fig


def plot_stage_over_training(model, run, X, y, stage, checkpoints, lines=None, labels=None):
    """One stage at several checkpoints of a :class:`depth.TrainingRun`: watch training untangle
    the points. ``model`` is not changed (a copy is loaded with each checkpoint)."""
    twin = copy.deepcopy(model)
    names = depth.stage_names(twin)
    lines = _default_lines(X) if lines is None else np.asarray(lines, dtype=float)
    checkpoints = list(checkpoints)
    fig, axes = new_figure(1, len(checkpoints), width=min(2.8, MAX_WIDTH_IN / len(checkpoints)),
                           height=3.2)
    axes = np.atleast_1d(axes).ravel()
    for ax, i in zip(axes, checkpoints):
        run.load(twin, i)
        reps = twin.representations(X)
        _check_drawable(reps)
        StagePanel(ax, depth.transform_lines(twin, lines)[stage], reps[stage], y,
                   name=names[stage], boundary=depth.decision_line(twin, stage), labels=labels,
                   title=_("epoch {epoch}: accuracy {accuracy:.3f}").format(
                       epoch=run.epochs[i], accuracy=run.accuracy[i]))
    handles = points_legend_handles(np.unique(np.asarray(y)), labels) + grid_legend_handles()
    fig.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=TEXT_PT)
    fig.suptitle(_("Stage {stage} ({name}) during training").format(
        stage=stage, name=stage_title(names[stage])), fontsize=12)
    return fig


def plot_shape_comparison(comparison, X, y, labels=None, title=None):
    """Decision regions of each shape's first-seed network in a :class:`depth.ShapeComparison`,
    titled with its parameter count and test accuracy."""
    results = list(comparison)
    fig, axes = new_figure(1, len(results), width=min(2.9, MAX_WIDTH_IN / len(results)),
                           height=3.2)
    axes = np.atleast_1d(axes).ravel()
    for ax, r in zip(axes, results):
        draw_decision_regions(ax, r.model.predict_classes, X, y, labels=labels, resolution=100,
                              margin=0.15, point_size=14, legend=False)
        ax.set_title(_("{shape}\n{params} params · test {accuracy:.3f}").format(
            shape=r.name, params=r.params, accuracy=r.test_accuracies[0]), fontsize=TEXT_PT + 1)
        ax.set_box_aspect(1)
    classes = np.unique(np.asarray(y))
    regions = [Patch(facecolor=REGION_COLORS[int(k) % 6], edgecolor="#888888",
                     label=_("region where the network says {name}").format(
                         name=class_name(k, labels)))
               for k in classes]
    handles = points_legend_handles(np.unique(np.asarray(y)), labels) + regions
    fig.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=TEXT_PT)
    fig.suptitle(translated(title) if title else
                 _("Same budget, different shapes: decision regions (first seed)"), fontsize=12)
    return fig
