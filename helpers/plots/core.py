"""The building blocks every course figure uses: colours, figures, points and decision regions,
and the checks that keep every picture readable.

Conventions:

* functions named ``plot_*`` return a new ``matplotlib.figure.Figure``; functions named
  ``draw_*`` draw on an ``ax`` (or axes) they are given and return the artists they made;
  panels that widgets update are classes built once, with an ``update()``;
* class colours come from :data:`CLASS_COLORS` (the running example's two classes are drawn
  white and black, as in the book's figure), region tints from :data:`REGION_COLORS`;
* every axis gets a label, every figure a title and a legend where colours mean something, and
  the legend sits beside the data, never on it;
* text is at least :data:`MIN_TEXT_PX` pixels high as shown and no figure is wider than
  :data:`OUTPUT_WIDTH_PX`: :func:`figure_problems` checks both (``tests/plots/test_readability.py``
  runs it on every figure and widget).
"""
import io

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import LogFormatter
from PIL import Image

from ..i18n import N_, _
from . import fonts  # noqa: F401  (figures in Korean get a font with Hangul)
from ._fast_text import FastTextCanvas
from ._quick_ticks import quick_ticks
from ._settled_layout import SettlingLayoutEngine
from .png import quick_png

__all__ = ["OUTPUT_WIDTH_PX", "MIN_TEXT_PX", "NOTEBOOK_DPI", "MAX_WIDTH_IN", "TEXT_PT",
           "CLASS_COLORS", "REGION_COLORS", "new_figure", "draw_points", "points_legend_handles",
           "grid_for", "DecisionMap", "draw_decision_regions", "figure_to_png", "drawn_texts",
           "figure_problems", "legend_problems", "static_picture_dpi", "log_scale",
           "course_figure"]

#: The widest picture JupyterLab shows at full size, in CSS pixels; anything wider is shrunk to
#: fit, and its text with it. Measured in JupyterLab 4.6 in headless Chromium with the browser
#: tests' 1280 x 900 viewport and the default layout (file browser open, 250 px): an output
#: area (``.jp-OutputArea-output``) is 848 px wide, 840 px inside its padding; a static PNG is
#: shown at most 847 px wide and a widget's image at most 848 px. We keep to the 840.
OUTPUT_WIDTH_PX = 840
#: The smallest text a learner must read, in CSS pixels at 100 % zoom (the font size as drawn:
#: points x dots per inch / 72).
MIN_TEXT_PX = 10
#: Resolution (dots per inch) of a figure a notebook cell shows (see _show_figures_in_notebooks):
#: a figure at most 8.4 inches wide fits the output area, and 7.2 pt is 10 px.
NOTEBOOK_DPI = 100
#: The widest figure a cell can show unshrunk, in inches (8.4).
MAX_WIDTH_IN = OUTPUT_WIDTH_PX / NOTEBOOK_DPI
#: The smallest font size (points) the course draws: 9 pt is 10 px at a widget's 80 dpi and
#: 12.5 px in a notebook figure (100 dpi).
TEXT_PT = 9

#: Marker face colours by class label; class 0 white and class 1 black, like the book's figure.
CLASS_COLORS = ["#ffffff", "#000000", "#e69f00", "#56b4e9", "#009e73", "#cc79a7"]
#: Background tints for each class's region (light, so points stay visible).
#: Class 2 is green: a yellow tint would be hard to tell from class 0's sand on screen.
REGION_COLORS = ["#f3d9b1", "#9fb8d9", "#c6e2b5", "#b9def2", "#f7e1a0", "#ecc6dd"]


def course_figure(figsize, layout="constrained", **kwargs):
    """An empty Figure as the course makes them, without pyplot (so it is never shown twice):
    ``layout="constrained"`` lays it out with :mod:`helpers.plots._settled_layout`'s constrained
    layout (``None``: the axes stay where they are put), and its axes make their ticks quickly
    (:mod:`helpers.plots._quick_ticks`). Other keywords go to ``Figure``."""
    if layout == "constrained":
        layout = SettlingLayoutEngine()
    return quick_ticks(Figure(figsize=figsize, layout=layout, **kwargs))


def new_figure(nrows=1, ncols=1, width=4.0, height=3.6, **kwargs):
    """A Figure with a grid of axes (a :func:`course_figure` laid out by constrained layout).

    Returns ``(fig, axes)``; ``axes`` is a single Axes for a 1×1 grid, otherwise an array.
    """
    fig = course_figure((width * ncols, height * nrows))
    axes = fig.subplots(nrows, ncols, squeeze=True, **kwargs)
    return fig, axes


class _PlainLogLabels(LogFormatter):
    """matplotlib's labels for a log scale (the same ticks labelled), as plain numbers."""

    def _num_to_string(self, x, vmin, vmax):
        return f"{x:g}"


def log_scale(axis):
    """Put ``axis`` (``ax.xaxis`` or ``ax.yaxis``) on a log scale labelled with plain numbers:
    0.01, 1, 100 rather than 10⁻², 10⁰, 10² (easier to read, and plain text, which matplotlib
    lays out far faster than the math it sets powers in)."""
    getattr(axis.axes, f"set_{axis.axis_name}scale")("log")
    axis.set_major_formatter(_PlainLogLabels())
    axis.set_minor_formatter(_PlainLogLabels(labelOnlyBase=False))


def translated(text):
    """``text`` in the language the package speaks when the catalog knows it (titles and labels
    a notebook passes are marked in ``helpers/plots/notebook_words.py``); anything else as is."""
    return _(text) if isinstance(text, str) and text else text


def class_name(k, labels=None):
    """The name a legend gives class ``k``: ``labels[k]`` (translated when the catalog knows
    it), or "class k"."""
    if labels is None:
        return _("class {k}").format(k=int(k))
    return translated(labels[int(k)])


def points_legend_handles(classes, labels=None, size=6, marker="o"):
    """Legend entries for points of the given ``classes``, matching :func:`draw_points`."""
    handles = []
    for k in classes:
        name = class_name(k, labels)
        handles.append(Line2D([], [], ls="", marker=marker, markersize=size,
                              markerfacecolor=CLASS_COLORS[int(k) % len(CLASS_COLORS)],
                              markeredgecolor="#333333", label=name))
    return handles


def _legend_beside(ax, handles, title=None):
    """A legend to the right of ``ax``, outside it, where it hides no data."""
    return ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0),
                     fontsize=TEXT_PT, title=title, title_fontsize=TEXT_PT, frameon=False,
                     borderaxespad=0.0)


def draw_points(ax, X, y, labels=None, size=22, alpha=1.0, marker="o", edge="#333333",
                legend=True):
    """Scatter points coloured by class on ``ax``; returns the list of artists, one per class.

    ``legend=True`` puts a legend beside the axes (outside it, so it never hides a point).
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    artists = []
    for k in np.unique(y):
        mask = y == k
        name = class_name(k, labels)
        artists.append(ax.scatter(X[mask, 0], X[mask, 1], s=size,
                                  c=CLASS_COLORS[int(k) % len(CLASS_COLORS)], edgecolors=edge,
                                  linewidths=0.7, alpha=alpha, marker=marker, label=name,
                                  zorder=3))
    if legend and artists:
        _legend_beside(ax, artists)
    return artists


def grid_for(X, resolution=120, margin=0.5):
    """A square grid covering the points plus a margin: returns (xx, yy, grid_points)."""
    X = np.asarray(X, dtype=float)
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    xs = np.linspace(lo[0], hi[0], resolution)
    ys = np.linspace(lo[1], hi[1], resolution)
    xx, yy = np.meshgrid(xs, ys)
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])


class DecisionMap:
    """Decision regions on ``ax``: the plane coloured by the class a model predicts at each spot,
    the training points (circles) and test points (triangles) on top, and a legend beside the
    axes. Every figure and widget that shows regions uses it.

    Built once; :meth:`update` recolours the plane for a new ``predict`` (a function mapping an
    (m, 2) array to m integer labels), which is all a widget needs to call after a change.
    ``legend`` is True (beside the axes), False, or ``"handles"`` (no legend: the caller puts
    :meth:`legend_handles` into one shared figure legend). ``region_legend=True`` adds one entry
    per region colour ("region: white"); a text such as ``"rules say {}"`` words them.
    """

    def __init__(self, ax, X, y, predict=None, labels=None, X_test=None, y_test=None,
                 n_classes=None, resolution=120, margin=0.5, point_size=22, legend=True,
                 region_legend=False, points=True):
        self.ax = ax
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        everything = X if X_test is None else np.vstack([X, np.asarray(X_test, dtype=float)])
        every_label = y if y_test is None else np.concatenate([y, np.asarray(y_test)])
        if n_classes is None:
            n_classes = int(max(every_label.max(), 1)) + 1
        self.n_classes, self.labels = n_classes, labels
        self.region_legend, self.with_test = region_legend, X_test is not None
        xx, yy, self.grid = grid_for(everything, resolution, margin)
        self.shape = xx.shape
        self.image = ax.imshow(np.zeros(self.shape), origin="lower",
                               extent=(xx.min(), xx.max(), yy.min(), yy.max()),
                               cmap=ListedColormap(REGION_COLORS[:n_classes]), vmin=-0.5,
                               vmax=n_classes - 0.5, aspect="auto", interpolation="nearest",
                               zorder=1)
        # each class's colour as RGBA bytes: the image is given colours, not class numbers
        # (the same pixels, drawn in less than half the time: matplotlib skips its colour
        # mapping at the screen's resolution)
        self.colours = self.image.cmap(self.image.norm(np.arange(n_classes)), bytes=True)
        self.classes = None
        self.points, self.test_points = [], []
        if points:
            self.points = draw_points(ax, X, y, labels=labels, size=point_size, legend=False)
            if X_test is not None:
                self.test_points = draw_points(ax, X_test, y_test, labels=labels,
                                               size=point_size * 1.4, marker="^", legend=False)
        ax.set_xlim(xx.min(), xx.max())
        ax.set_ylim(yy.min(), yy.max())
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        self.legend = _legend_beside(ax, self.legend_handles()) if legend is True else None
        if predict is not None:
            self.update(predict)

    def update(self, predict):
        """Colour the plane by ``predict``'s class at every spot of the grid (kept, as a grid
        of class numbers, in ``classes``)."""
        self.classes = np.asarray(predict(self.grid)).reshape(self.shape)
        # as the colour map would: a class number outside 0 .. n_classes - 1 gets the nearest
        # colour, a missing one (NaN) none
        known = np.isfinite(self.classes)
        index = np.clip(np.rint(np.where(known, self.classes, 0)), 0, self.n_classes - 1)
        rgba = self.colours[index.astype(int)]
        rgba[~known] = 0
        self.image.set_data(rgba)
        return self.image

    def legend_handles(self):
        """The legend entries: one per class of points, test points, and (if asked) regions."""
        classes = range(self.n_classes)
        handles = points_legend_handles(classes, self.labels)
        if self.with_test:
            handles.append(Line2D([], [], ls="", marker="^", markersize=7,
                                  markerfacecolor="#bbbbbb", markeredgecolor="#333333",
                                  label=_("test point")))
        if self.region_legend:
            text = translated(self.region_legend if isinstance(self.region_legend, str) else
                              N_("region: {}"))
            for k in classes:
                handles.append(Patch(facecolor=REGION_COLORS[k], edgecolor="#888888",
                                     label=text.format(class_name(k, self.labels))))
        return handles


def draw_decision_regions(ax, predict, X, y, **options):
    """Draw a :class:`DecisionMap` of ``predict`` on ``ax`` and return it (options as there)."""
    return DecisionMap(ax, X, y, predict=predict, **options)


def figure_to_png(fig, dpi=80):
    """Render a Figure to PNG bytes (for image widgets and static fallbacks).

    The same picture as ``fig.savefig(..., format="png", dpi=dpi)`` in about half the time:
    savefig draws a figure with a layout engine twice (once to lay it out, once to paint), a
    canvas draw lays out and paints in one pass. An opaque picture (every figure the course
    draws) is written by :func:`quick_png`, about four times faster than Pillow's PNG writer and
    no bigger; one with see-through pixels keeps them, written by Pillow."""
    canvas = fig.canvas if isinstance(fig.canvas, FastTextCanvas) else FastTextCanvas(fig)
    shown_dpi = fig.dpi
    fig.dpi = dpi
    try:
        canvas.draw()
        pixels = np.asarray(canvas.buffer_rgba())
        if pixels[..., 3].min() == 255:
            return quick_png(pixels)
        buffer = io.BytesIO()
        Image.fromarray(pixels).save(buffer, format="png")
    finally:
        fig.dpi = shown_dpi
    return buffer.getvalue()


# ----- checks that a picture is readable --------------------------------------------------------
def drawn_texts(fig):
    """Every text the figure draws, as ``(text, font size in points)``, in drawing order.

    The figure is drawn once and the renderer's text calls are recorded, so only what really
    shows counts (visible, non-empty, inside the figure: tick labels outside an axis's range are
    never drawn) and nothing is missed (legends, tables, annotations, colour bars).
    """
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    seen = []
    original = renderer.draw_text

    def record(gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if s.strip():
            seen.append((s, prop.get_size_in_points()))
        return original(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)

    renderer.draw_text = record
    try:
        fig.draw(renderer)
    finally:
        del renderer.draw_text
    return seen


def static_picture_dpi(fig, width_px=OUTPUT_WIDTH_PX):
    """The resolution at which a widget's stored picture is seen: the stored picture is the live
    one (the figure's own dpi), shrunk by the browser only if it is wider than the output area."""
    return min(fig.dpi, width_px / fig.get_figwidth())


def legend_problems(fig):
    """Sentences naming each legend inside an axes that covers its data (points, line
    vertices, bars or an image). Call after the figure has been drawn."""
    problems = []
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is None or not legend.get_visible():
            continue
        box = legend.get_window_extent()
        if not box.overlaps(ax.get_window_extent()):
            continue
        where = f"the legend of the axes titled {ax.get_title()!r}"
        inside = box.padded(-1)

        def covers(points):
            points = np.asarray(points, dtype=float).reshape(-1, 2)
            points = points[np.isfinite(points).all(axis=1)]
            return bool(len(points)) and bool(
                ((points[:, 0] > inside.x0) & (points[:, 0] < inside.x1)
                 & (points[:, 1] > inside.y0) & (points[:, 1] < inside.y1)).any())

        hidden = []
        for collection in ax.collections:
            if isinstance(collection, PathCollection) and collection.get_visible():
                offsets = collection.get_offsets()
                if len(offsets) and covers(collection.get_offset_transform().transform(offsets)):
                    hidden.append("points")
        for line in ax.lines:
            if line.get_visible() and len(line.get_xydata()) and \
                    covers(line.get_transform().transform(line.get_xydata())):
                hidden.append(f"the line {line.get_label()!r}")
        for image in ax.images:
            if image.get_visible() and image.get_window_extent().overlaps(inside):
                hidden.append("the image")
        for container in ax.containers:
            for patch in getattr(container, "patches", []) or []:
                if patch.get_visible() and patch.get_height() and \
                        patch.get_window_extent().overlaps(inside):
                    hidden.append("bars")
                    break
        if hidden:
            problems.append(f"{where} covers {', '.join(dict.fromkeys(hidden))}")
    return problems


def figure_problems(fig, dpi=None, min_px=MIN_TEXT_PX, max_width_px=OUTPUT_WIDTH_PX,
                    check_width=True):
    """What makes ``fig`` hard to read when shown at ``dpi`` pixels per inch (default: the
    figure's own dpi, as a widget shows it; :data:`NOTEBOOK_DPI` for a figure a cell shows).

    Returns a list of sentences (empty when all is well): the figure is wider than the output
    area (the browser would shrink it), a text is smaller than ``min_px`` pixels, or a legend
    covers data.
    """
    dpi = fig.dpi if dpi is None else dpi
    problems = []
    width = fig.get_figwidth() * dpi
    if check_width and width > max_width_px + 0.5:
        problems.append(f"the figure is {width:.0f} px wide, more than the {max_width_px} px of "
                        f"JupyterLab's output area (it would be shrunk)")
    for text, points in drawn_texts(fig):
        px = points * dpi / 72
        if px < min_px - 1e-9:
            short = text if len(text) <= 40 else text[:37] + "..."
            problems.append(f"text {short!r} is {px:.1f} px high ({points:g} pt), below "
                            f"{min_px} px")
    problems += legend_problems(fig)
    return problems


def _show_figures_in_notebooks():
    """Let a cell that ends with a Figure display it as a PNG (pyplot is never imported, so
    IPython's inline backend has not registered a formatter for Figure objects)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    formatter = shell.display_formatter.formatters["image/png"]
    formatter.for_type(Figure, lambda fig: figure_to_png(fig, dpi=NOTEBOOK_DPI))


_show_figures_in_notebooks()
