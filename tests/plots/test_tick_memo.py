"""Working out ticks once per draw must draw exactly what matplotlib draws, and for less work."""
import numpy as np
import pytest
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers.plots import new_figure
from helpers.plots._fast_text import FastTextCanvas, _shortcut_available
from helpers.plots._tick_memo import ticks_worked_out_once

from ._pixels import fast_pixels, plain_pixels


def busy_figure():
    """Constrained layout with what moves margins between its passes: long tick labels, a
    colour bar, a legend outside, a log axis, shared axes and a subfigure."""
    fig = Figure(figsize=(7.0, 3.2), layout="constrained")
    left, right = fig.subfigures(1, 2, width_ratios=[2, 1])
    axes = left.subplots(1, 2, sharey=True)
    image = axes[0].imshow(np.arange(30.0).reshape(5, 6) * 1e4, aspect="auto")
    left.colorbar(image, ax=axes[0])
    axes[1].plot(np.arange(1, 200), np.arange(1, 200) ** 1.5, label="a curve with a long name")
    axes[1].set_xscale("log")
    axes[1].legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    axes[1].set_title("title over\ntwo lines")
    ax = right.subplots()
    ax.bar(["first", "second", "third"], [3, 1, 2])
    ax.tick_params(axis="x", labelrotation=45)
    ax.set_ylabel("count (of things)")
    right.suptitle("right")
    return fig


def figures():
    fig, axes = new_figure(2, 3, width=1.8, height=1.6)
    for k, ax in enumerate(axes.ravel()):
        ax.plot(np.linspace(-10 ** k, 10 ** k, 50), np.sin(np.linspace(0, k + 1, 50)))
        ax.set_title(f"panel {k}")
    return [busy_figure(), fig]


pytestmark = pytest.mark.skipif(not _shortcut_available(),
                                reason="the memo is used only with matplotlib 3.11")


@pytest.mark.parametrize("index", [0, 1])
def test_a_figure_is_drawn_pixel_for_pixel_as_matplotlib_draws_it(index):
    assert np.array_equal(fast_pixels(figures()[index]), plain_pixels(figures()[index]))


def test_the_ticks_are_worked_out_far_fewer_times(monkeypatch):
    work = []
    original = Axis._update_ticks
    monkeypatch.setattr(Axis, "_update_ticks", lambda self: work.append(self) or original(self))
    FigureCanvasAgg(busy_figure()).draw()
    plain = len(work)
    work.clear()
    FastTextCanvas(busy_figure()).draw()
    assert len(work) * 3 <= plain, (len(work), plain)


def test_nothing_is_remembered_after_the_draw():
    """A change after one draw (new limits, new ticks) shows in the next, and no axis keeps the
    memo once the draw is over."""
    fig, ax = new_figure(width=3.0, height=2.4)
    ax.plot([0, 1], [0, 2])
    canvas = FastTextCanvas(fig)
    canvas.draw()
    fig.set_layout_engine("none")
    ax.set_xlim(0, 50)
    ax.set_yticks([0.5, 1.5])
    canvas.draw()
    assert all("_update_ticks" not in vars(axis) for axis in (ax.xaxis, ax.yaxis))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["0.5", "1.5"]
    assert np.array_equal(np.asarray(canvas.buffer_rgba()), plain_pixels(fig))


def test_an_answer_is_reused_only_while_the_view_and_size_stay_the_same():
    fig, ax = new_figure(width=3.0, height=2.4)
    ax.plot([0, 10], [0, 10])
    with ticks_worked_out_once(fig):
        first = [t.get_loc() for t in ax.xaxis._update_ticks()]
        again = [t.get_loc() for t in ax.xaxis._update_ticks()]
        ax.set_xlim(0, 1000)
        wider = [t.get_loc() for t in ax.xaxis._update_ticks()]
        ax.set_position([0.1, 0.1, 0.2, 0.8])          # a narrower axis: fewer ticks
        narrow = [t.get_loc() for t in ax.xaxis._update_ticks()]
    assert first == again
    assert max(wider) > max(first)
    assert len(narrow) < len(wider)
    assert narrow == [t.get_loc() for t in ax.xaxis._update_ticks()]      # matplotlib's own
