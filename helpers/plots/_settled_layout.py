"""Constrained layout that measures an Axes a second time only when its ticks have changed.

matplotlib's constrained layout works in two passes. Each pass measures how far every Axes'
decorations (tick labels, axis labels, title, legend) reach beyond the Axes itself, and moves
and resizes the Axes so that they all fit. The second pass is there because the first one
resized the Axes, and a longer or shorter axis may get other ticks, with wider or narrower
labels. Measuring is most of the cost of laying out a figure.

When an Axes keeps the same ticks with the same labels after the first pass, and nothing but
its own decorations can reach beyond it, those decorations reach as far as before: they are
placed a fixed number of points from the Axes (titles and axis labels no longer than the Axes). So :class:`SettlingLayoutEngine` gives the
second pass the first pass's measurement of such an Axes (the same margins around its new box)
instead of measuring it again; the second pass finds the place the first one found, and the
figure is drawn there, with the ticks already worked out for it. An Axes whose ticks changed is
measured again, as matplotlib does, and so is an Axes with a legend, a text, an inset or
anything drawn unclipped: those sit at a fraction of the Axes' size or at data positions, and
move when it is resized.

What can still differ from matplotlib's layout: a tick label so near the end of an axis that it
sticks out past the end sticks out a little less when the axis grows (by the growth times the
tick's distance from the end as a fraction of the axis: a pixel or so at most), which the
layout's padding of 3 points absorbs. Over all the course's figures, no Axes moved by more than
a tenth of a pixel. Only with matplotlib 3.11 (see
:func:`helpers.plots._fast_text._shortcut_available`); otherwise, and for a figure with
subfigures, it is matplotlib's constrained layout.
"""
from contextlib import contextmanager

from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.transforms import Bbox

from ._fast_text import SHORTCUT

__all__ = []


def _shown_ticks(ax):
    """What decides how far an Axes' tick labels reach: each axis's ticks, their labels and the
    axis's offset text ("1e6"), as they would be drawn at the Axes' current size."""
    return tuple((tuple((tick.get_loc(), tick.label1.get_text(), tick.label2.get_text())
                        for tick in axis._update_ticks()),
                  axis.offsetText.get_text())
                 for axis in (ax.xaxis, ax.yaxis))


def _reaches_by_ticks_only(ax):
    """True when nothing but the Axes' own decorations (tick labels, axis labels, title) can
    reach beyond it: no legend, no text or annotation, no inset, nothing drawn unclipped.
    Those are placed in data or Axes coordinates and move when the Axes is resized."""
    fixed = {ax.xaxis, ax.yaxis, ax.title, ax._left_title, ax._right_title, ax.patch,
             *ax.spines.values()}
    return (ax.get_legend() is None and not ax.texts and not ax.child_axes
            and ax.get_axes_locator() is None
            and all(child in fixed or child.get_clip_on() or not child.get_in_layout()
                    for child in ax.get_children()))


def _inside_its_axes(ax, renderer):
    """True when the titles and the x label are no wider than the Axes and the y label no
    taller: centred on it, a wider one would stick out by more or less as the Axes changes."""
    box = ax.bbox
    texts = [(ax.title, "width"), (ax._left_title, "width"), (ax._right_title, "width"),
             (ax.xaxis.label, "width"), (ax.yaxis.label, "height")]
    return all(not text.get_visible() or not text.get_text()
               or getattr(text.get_window_extent(renderer), size) <= getattr(box, size)
               for text, size in texts)


def _measuring_once(ax):
    measure = type(ax).get_tightbbox.__get__(ax)
    first = None    # (its ticks and whether its titles fit then, its margins then)

    def get_tightbbox(renderer=None, *args, **kwargs):
        nonlocal first
        if args or not kwargs.get("for_layout_only") or kwargs.get("bbox_extra_artists"):
            return measure(renderer, *args, **kwargs)
        ax.apply_aspect()  # the Axes' box as measuring would find it
        box = ax.bbox
        now = _shown_ticks(ax), _inside_its_axes(ax, renderer)
        if first is not None and first[0] == now and now[1]:
            left, bottom, right, top = first[1]
            return Bbox.from_extents(box.x0 - left, box.y0 - bottom, box.x1 + right,
                                     box.y1 + top)
        reach = measure(renderer, *args, **kwargs)
        if reach is not None:
            first = now, (box.x0 - reach.x0, box.y0 - reach.y0, reach.x1 - box.x1,
                          reach.y1 - box.y1)
        return reach

    return get_tightbbox


@contextmanager
def _each_axes_measured_once(figure):
    axes = [ax for ax in figure.axes
            if "get_tightbbox" not in vars(ax) and _reaches_by_ticks_only(ax)]
    for ax in axes:
        ax.get_tightbbox = _measuring_once(ax)
    try:
        yield
    finally:
        for ax in axes:
            del ax.get_tightbbox


class SettlingLayoutEngine(ConstrainedLayoutEngine):
    """matplotlib's constrained layout (the same settings), measuring an Axes again in the
    second pass only when it must (see the module's description)."""

    def execute(self, fig):
        if not SHORTCUT or fig.subfigs:
            return super().execute(fig)
        with _each_axes_measured_once(fig):
            return super().execute(fig)
