"""FigureView's partial redraws must give exactly the picture a full redraw gives."""
import io

import numpy as np
import pytest
from PIL import Image

from helpers.plots import new_figure
from helpers.widgets.base import FigureView


def pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)))


def two_panel_figure():
    fig, (a, b) = new_figure(1, 2)
    a.set(title="still title", xlabel="x", ylabel="y", xlim=(0, 1), ylim=(0, 1))
    b.set(title="other", xlim=(0, 1), ylim=(0, 1))
    (slow,) = a.plot([0.1, 0.9], [0.1, 0.9], color="tab:blue")
    (fast,) = b.plot([0.1, 0.9], [0.9, 0.1], color="tab:red")
    return fig, slow, fast


def full_redraw_png(fig):
    reference = FigureView(fig)
    return pixels(reference.png())


@pytest.mark.parametrize("moving", ["flat", "groups", "callable"])
def test_partial_redraw_equals_full_redraw(moving):
    fig, slow, fast = two_panel_figure()
    spec = {"flat": [slow, fast], "groups": [[slow], [fast]],
            "callable": lambda: [[slow], [fast]]}[moving]
    view = FigureView(fig, moving=spec)
    fast.set_ydata([0.2, 0.9])
    view.refresh(from_group=1)
    slow.set_ydata([0.5, 0.1])
    view.refresh()
    fast.set_ydata([0.7, 0.3])
    view.refresh(from_group=1)
    assert np.array_equal(pixels(view.png()), full_redraw_png(fig))


def test_invalidate_picks_up_still_parts():
    fig, slow, fast = two_panel_figure()
    view = FigureView(fig, moving=[fast])
    fig.axes[0].set_title("a new title")
    view.invalidate()
    view.refresh()
    assert np.array_equal(pixels(view.png()), full_redraw_png(fig))


def test_hidden_moving_artists_stay_hidden():
    fig, slow, fast = two_panel_figure()
    fast.set_visible(False)
    view = FigureView(fig, moving=[fast])
    view.refresh()
    assert not fast.get_visible()
    assert np.array_equal(pixels(view.png()), full_redraw_png(fig))


def test_jpeg_live_frames_and_png_static_picture():
    fig, slow, fast = two_panel_figure()
    view = FigureView(fig, moving=[fast], live_format="jpeg")
    assert view.image.format == "jpeg" and view.image.value[:2] == b"\xff\xd8"
    assert view.png()[:4] == b"\x89PNG"
    renders = view.renders
    view.refresh()
    assert view.renders == renders + 1
    with pytest.raises(ValueError, match="live_format"):
        FigureView(fig, live_format="gif")


def test_static_picture_is_sharper_and_leaves_live_redraws_exact():
    fig, slow, fast = two_panel_figure()
    view = FigureView(fig, moving=[[slow], [fast]])
    live = pixels(view.png())
    static = Image.open(io.BytesIO(view.compact_png()))
    assert static.size == (int(live.shape[1] * 1.5), int(live.shape[0] * 1.5))
    fast.set_ydata([0.3, 0.6])
    view.refresh(from_group=1)
    assert np.array_equal(pixels(view.png()), full_redraw_png(fig))


def test_moving_axes_titles_keep_their_place_after_invalidate():
    fig, slow, fast = two_panel_figure()
    axes = fig.axes
    view = FigureView(fig, moving=[fast, axes[1].title])
    axes[1].set_title("a longer title that changes")
    view.refresh()
    partial = pixels(view.png())
    view.invalidate()
    assert np.array_equal(pixels(view.png()), partial)
    assert np.array_equal(partial, full_redraw_png(fig))
