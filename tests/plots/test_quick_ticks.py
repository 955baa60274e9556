"""Ticks copied from an axis's first tick must draw exactly what matplotlib's own ticks draw, be
independent of each other, and cost far less to make."""
import pickle

import numpy as np
import pytest
from matplotlib import axis as maxis
from matplotlib.figure import Figure

from helpers.plots import new_figure
from helpers.plots._fast_text import _shortcut_available
from helpers.plots._quick_ticks import XAxis, YAxis, quick_ticks

from ._pixels import fast_pixels, plain_pixels

pytestmark = pytest.mark.skipif(not _shortcut_available(),
                                reason="ticks are copied only with matplotlib 3.11")


def many_ticks(quick):
    """Six panels with what ticks can carry: log and minor ticks, grids, fixed ticks with
    labels, rotated labels, ticks on the other side, settings changed before and after ticks
    exist, a first tick changed by hand, a colour bar added later, labels in boxes."""
    fig = Figure(figsize=(8.0, 6.0), layout="constrained")
    if quick:
        quick_ticks(fig)
    a = fig.subplots(2, 3).ravel()
    a[0].plot(np.arange(1, 2000), np.arange(1, 2000) ** 0.5)
    a[0].set_xscale("log")
    a[0].grid(True, which="both")
    image = a[1].imshow(np.random.default_rng(0).random((8, 8)))
    a[1].set_xticks(range(8))
    a[1].set_yticks(range(8))
    a[1].tick_params(labelsize=7, length=0, pad=1, colors="red")
    fig.colorbar(image, ax=a[1])
    a[2].bar(["one", "two", "three"], [1, 3, 2])
    a[2].tick_params(axis="x", labelrotation=45)
    a[3].plot([0, 1e6], [0, 1])
    a[3].minorticks_on()
    a[3].tick_params(which="minor", length=6, color="blue")
    a[3].yaxis.tick_right()
    a[4].scatter([1, 2, 3], [3, 1, 2])
    a[4].tick_params(direction="inout", top=True, labeltop=True, grid_color="green",
                     grid_alpha=0.5)
    a[4].grid(True)
    a[4].xaxis.get_major_ticks()[0].label1.set_fontsize(14)
    a[5].plot([0, 1], [0, 1])
    a[5].set_ylim(0, 1)                                    # the first tick (0) shows
    a[5].yaxis.majorTicks[0].label1.set_bbox({"facecolor": "yellow"})    # before more exist
    a[5].set_xticks([0, 0.25, 0.5, 0.75, 1], ["a", "b", "c", "d", "e"], fontsize=12)
    return fig


@pytest.mark.parametrize("pixels", [fast_pixels, plain_pixels])
def test_a_figure_is_drawn_pixel_for_pixel_as_with_matplotlibs_ticks(pixels):
    assert np.array_equal(pixels(many_ticks(quick=True)), pixels(many_ticks(quick=False)))


def test_the_course_figures_and_axes_added_later_copy_their_ticks_and_others_do_not():
    fig, ax = new_figure()
    later = fig.add_axes([0.1, 0.1, 0.2, 0.2])
    for axes in (ax, later):
        assert type(axes.xaxis) is XAxis and type(axes.yaxis) is YAxis
        assert isinstance(axes.xaxis, maxis.XAxis)
    plain = Figure().subplots()
    assert type(plain.xaxis) is maxis.XAxis and type(plain.yaxis) is maxis.YAxis


def test_far_fewer_ticks_are_built_from_scratch(monkeypatch):
    built = []
    original = maxis.Tick.__init__
    monkeypatch.setattr(maxis.Tick, "__init__",
                        lambda self, *a, **k: built.append(self) or original(self, *a, **k))
    fast_pixels(many_ticks(quick=False))
    plain = len(built)
    built.clear()
    fast_pixels(many_ticks(quick=True))
    assert len(built) * 4 <= plain, (len(built), plain)


def test_copied_ticks_are_independent_of_each_other():
    fig = many_ticks(quick=True)
    fast_pixels(fig)
    ticks = fig.axes[0].xaxis.get_major_ticks()
    assert len(ticks) > 3
    for part in ("tick1line", "tick2line", "gridline", "label1", "label2"):
        assert len({id(getattr(t, part)) for t in ticks}) == len(ticks)
    assert len({id(t.label1.get_fontproperties()) for t in ticks}) == len(ticks)
    ticks[1].label1.set_fontsize(20)
    assert [t.label1.get_fontsize() for t in ticks[:3]] == [10.0, 20.0, 10.0]
    ticks[2].sticky_edges.x.append(1.0)
    assert ticks[1].sticky_edges.x == []
    heard = []
    ticks[1].add_callback(lambda artist: heard.append(artist))
    ticks[2].pchanged()
    ticks[3].gridline.pchanged()
    assert heard == []
    ticks[1].pchanged()
    assert heard == [ticks[1]]
    ticks[2].update_position(5.0)
    assert ticks[1].get_loc() != 5.0 and list(ticks[1].gridline.get_xdata()) != [5.0]


def test_a_figure_with_copied_ticks_can_be_pickled_and_draws_as_matplotlibs_own():
    # (a pickled figure forgets changes made to single ticks, with or without copied ticks)
    def drawn_pickled(quick):
        fig = many_ticks(quick)
        fast_pixels(fig)
        return pickle.loads(pickle.dumps(fig))
    again = drawn_pickled(quick=True)
    assert type(again.axes[0].xaxis) is XAxis
    assert np.array_equal(fast_pixels(again), fast_pixels(drawn_pickled(quick=False)))
