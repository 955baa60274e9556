"""The settling layout must place every Axes where matplotlib's constrained layout places it,
measuring less: an Axes whose ticks keep their labels, with nothing but its own decorations
around it, is measured once; any other Axes as often as matplotlib measures it."""
import pickle

import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine

from helpers.plots import new_figure
from helpers.plots._fast_text import _shortcut_available
from helpers.plots._settled_layout import SettlingLayoutEngine

from ._pixels import fast_pixels, plain_pixels

pytestmark = pytest.mark.skipif(not _shortcut_available(),
                                reason="the shortcut is used only with matplotlib 3.11")


def image_grid(engine):
    """Ten small images with numbered rows and columns, titles, a suptitle and a legend under
    them: the kind of figure the shortcut is for."""
    fig = Figure(figsize=(8.0, 3.6), layout=engine)
    for k, ax in enumerate(fig.subplots(2, 5).ravel()):
        ax.imshow(np.arange(64.0).reshape(8, 8) * (k + 1), cmap="gray_r")
        ax.set_xticks(range(8))
        ax.set_yticks(range(8))
        ax.set_title(f"image {k}")
        ax.plot([1, 5], [2, 6], "^", label="a marker" if k == 0 else None)
    fig.suptitle("ten images")
    fig.legend(loc="outside lower center")
    return fig


def moving_decorations(engine):
    """Decorations that move when an Axes is resized, one in each panel: a legend beside it, a
    note in data coordinates outside it, a title wider than it. Fixed ticks, so that only the
    decorations can tell these panels apart from those of the image grid."""
    fig = Figure(figsize=(7.5, 2.6), layout=engine)
    axes = fig.subplots(1, 3)
    for ax in axes:
        ax.plot([0, 1], [0, 1], label="a long legend label")
        ax.set_xticks([0, 0.5, 1])
        ax.set_yticks([0, 0.5, 1])
    axes[0].legend(loc="upper left", bbox_to_anchor=(1.02, 1.0))
    axes[1].text(1.1, 0.5, "a note outside", clip_on=False)
    axes[2].set_title("a title much wider than its panel")
    return fig


def changing_ticks(engine):
    """An axis that gets other ticks once the layout has shrunk it (a very wide y label)."""
    fig = Figure(figsize=(3.0, 2.4), layout=engine)
    ax = fig.subplots()
    ax.plot([0, 1], [0, 1])
    ax.set_ylabel("y\nwith\nmany\nlines", fontsize=30, rotation=0, labelpad=30)
    return fig


def constrained():
    return ConstrainedLayoutEngine()


def positions(fig):
    fast_pixels(fig)
    return np.array([ax.get_position().bounds for ax in fig.axes])


def measured(monkeypatch, fig):
    calls = []
    original = Axes.get_tightbbox
    monkeypatch.setattr(Axes, "get_tightbbox",
                        lambda self, *a, **k: calls.append(self) or original(self, *a, **k))
    fast_pixels(fig)
    monkeypatch.undo()
    return calls


@pytest.mark.parametrize("make", [image_grid, moving_decorations, changing_ticks])
@pytest.mark.parametrize("pixels", [fast_pixels, plain_pixels])
def test_every_axes_is_where_constrained_layout_puts_it(make, pixels):
    assert np.array_equal(pixels(make(SettlingLayoutEngine())), pixels(make(constrained())))
    assert np.allclose(positions(make(SettlingLayoutEngine())), positions(make(constrained())),
                       rtol=0, atol=1e-9)


def test_an_axes_with_only_its_own_decorations_is_measured_once(monkeypatch):
    settled = measured(monkeypatch, image_grid(SettlingLayoutEngine()))
    plain = measured(monkeypatch, image_grid(constrained()))
    assert len(plain) == 20 and len(settled) == 10          # two passes, ten Axes


def test_an_axes_with_moving_decorations_or_changed_ticks_is_measured_as_matplotlib_does(
        monkeypatch):
    for make in (moving_decorations, changing_ticks):
        assert (len(measured(monkeypatch, make(SettlingLayoutEngine())))
                == len(measured(monkeypatch, make(constrained()))) > 0)


def test_it_is_constrained_layout_with_its_settings_and_leaves_nothing_behind():
    fig, axes = new_figure(1, 2)
    engine = fig.get_layout_engine()
    assert isinstance(engine, SettlingLayoutEngine)
    assert isinstance(engine, ConstrainedLayoutEngine)
    engine.set(rect=(0, 0.1, 1, 0.9))
    assert engine.get()["rect"] == (0, 0.1, 1, 0.9)
    axes[0].plot([0, 1], [0, 1], label="line")
    fig.legend(loc="outside lower center")                  # needs a constrained layout engine
    fast_pixels(fig)
    assert all("get_tightbbox" not in vars(ax) for ax in fig.axes)
    again = pickle.loads(pickle.dumps(fig))
    assert isinstance(again.get_layout_engine(), SettlingLayoutEngine)
    assert np.array_equal(fast_pixels(again), fast_pixels(fig))
