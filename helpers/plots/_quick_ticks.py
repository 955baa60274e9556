"""Make an axis's extra ticks by copying its first tick, not by building each from scratch.

An axis holds one :class:`~matplotlib.axis.Tick` per tick mark it shows, each made of five
artists (two tick lines, a grid line, two labels). When it needs more ticks than it has,
matplotlib builds each new one from scratch (looking up a dozen settings, making markers and
texts) and then copies the first tick's look onto it: about 0.4 ms a tick. The course's figures
make thousands of them: a row of ten 8 x 8 digit images with numbered rows and columns alone
needs 160.

A copy of the first tick is the same tick, made about fifteen times faster. The copy shares
what nothing changes in place (strings, numbers, transforms, marker styles) and gets its own of
everything that does: its callbacks, the lists of its sticky edges and its font (as
``Text.update_from`` does). The axis then moves the copy to its place and gives it its label,
as it does with a new tick. A box around a label is not passed on to new ticks by matplotlib;
so when the first tick's label has one, new ticks are made the matplotlib way.

:func:`quick_ticks` switches this on for every Axes of one figure, present and future (the
course's figure makers call it); nothing changes for figures made elsewhere. The figure is drawn
the same, pixel for pixel; only with matplotlib 3.11, whose ticks this copies (see
:func:`helpers.plots._fast_text._shortcut_available`).
"""
import copy

from matplotlib import axis as maxis
from matplotlib import cbook

from ._fast_text import SHORTCUT

__all__ = []

_PARTS = ("tick1line", "tick2line", "gridline", "label1", "label2")


def _copy_artist(artist):
    twin = copy.copy(artist)
    twin._callbacks = cbook.CallbackRegistry(signals=["pchanged"])
    twin._remove_method = None
    twin.stale_callback = None
    if artist._sticky_edges is not None:
        twin._sticky_edges = type(artist._sticky_edges)(list(artist._sticky_edges.x),
                                                        list(artist._sticky_edges.y))
    if hasattr(artist, "_fontproperties"):
        twin._fontproperties = artist._fontproperties.copy()
    return twin


def _copyable(tick):
    """True when no part of ``tick`` has a box drawn round it (matplotlib does not pass boxes on
    to new ticks, so such a tick is not copied)."""
    return all(getattr(tick, part).__dict__.get("_bbox_patch") is None for part in _PARTS)


def _copy_tick(tick):
    twin = _copy_artist(tick)
    for part in _PARTS:
        setattr(twin, part, _copy_artist(getattr(tick, part)))
    return twin


def _more_ticks(axis, ticks, numticks, major):
    """Grow ``ticks`` (the axis's major or minor list) to ``numticks`` ticks."""
    while len(ticks) < numticks:
        if _copyable(ticks[0]):
            ticks.append(_copy_tick(ticks[0]))
        else:                                        # as matplotlib does it
            tick = axis._get_tick(major=major)
            ticks.append(tick)
            axis._copy_tick_props(ticks[0], tick)
    return ticks[:numticks]


class _QuickTicks:
    """Mixed into matplotlib's XAxis and YAxis: new ticks are copies of the first."""

    def get_major_ticks(self, numticks=None):
        if numticks is None:
            numticks = len(self.get_majorticklocs())
        return _more_ticks(self, self.majorTicks, numticks, major=True)

    def get_minor_ticks(self, numticks=None):
        if numticks is None:
            numticks = len(self.get_minorticklocs())
        return _more_ticks(self, self.minorTicks, numticks, major=False)


class XAxis(_QuickTicks, maxis.XAxis):
    """matplotlib's x axis, making extra ticks by copying its first tick."""


class YAxis(_QuickTicks, maxis.YAxis):
    """matplotlib's y axis, making extra ticks by copying its first tick."""


_QUICK = {maxis.XAxis: XAxis, maxis.YAxis: YAxis}


def _upgrade(figure):
    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            quick = _QUICK.get(type(axis))
            if quick is not None:
                axis.__class__ = quick


def quick_ticks(figure):
    """From now on, every Axes of ``figure`` (those it has and those added later) makes its
    extra ticks by copying its first one. Returns the figure."""
    if SHORTCUT:
        _upgrade(figure)
        figure.add_axobserver(_upgrade)
    return figure
