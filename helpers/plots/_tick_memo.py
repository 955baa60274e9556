"""Work out each axis's ticks once per draw, not a dozen times.

While a figure with a layout engine is drawn, matplotlib asks every axis for its ticks again and
again: constrained layout measures each Axes twice per pass (its tick labels decide the margins),
the title is placed above the top tick labels, and then the axis is drawn. Each time the axis
asks its locator where the ticks go, formats every label and checks which ticks fall inside the
view. A three-panel figure asks 105 times for 18 different answers.

During one draw nothing a learner can change changes, so :func:`ticks_worked_out_once` lets an
axis reuse its last answer while the draw lasts, as long as nothing the ticks depend on has
changed since: the view limits, the Axes' place and size in pixels (a locator picks fewer ticks
on a shorter axis), and the locator and formatter themselves. Only the last answer is kept:
the tick objects are shared between answers and hold the last one. A figure is drawn the same,
pixel for pixel; only with matplotlib 3.11, whose ``Axis._update_ticks`` this relies on (see
:func:`helpers.plots._fast_text._shortcut_available`).
"""
from contextlib import contextmanager

from matplotlib.axis import Axis

__all__ = []


def _every_axis(figure):
    """Every x and y axis of the figure, its subfigures included."""
    for ax in figure.axes:
        yield from ax._axis_map.values()
    for sub in getattr(figure, "subfigs", ()):
        yield from _every_axis(sub)


def _remembering(axis):
    work_out = Axis._update_ticks.__get__(axis)
    last_key, last_ticks = None, None    # the last answer (the ticks hold that answer now)

    def update_ticks():
        nonlocal last_key, last_ticks
        key = (tuple(axis.get_view_interval()), tuple(axis.axes.bbox.bounds),
               id(axis.major.locator), id(axis.major.formatter),
               id(axis.minor.locator), id(axis.minor.formatter))
        if key != last_key:
            last_key, last_ticks = key, work_out()
        return list(last_ticks)

    return update_ticks


@contextmanager
def ticks_worked_out_once(figure):
    """While the block runs (one draw of ``figure``), an axis asked for its ticks again, with
    the same view and size, gives its last answer instead of working it out again."""
    axes = {id(axis): axis for axis in _every_axis(figure)        # an Axes may be listed twice
            if "_update_ticks" not in vars(axis)}.values()
    for axis in axes:
        axis._update_ticks = _remembering(axis)
    try:
        yield
    finally:
        for axis in axes:
            del axis._update_ticks
