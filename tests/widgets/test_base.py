"""FigureView's partial redraws must give exactly the picture a full redraw gives."""
import asyncio
import io
import time

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
    assert view.image.format == "url"
    assert bytes(view.image.value).startswith(b"data:image/jpeg;base64,")
    assert view.frame[:2] == b"\xff\xd8"
    assert view.png()[:4] == b"\x89PNG"
    renders = view.renders
    view.refresh()
    assert view.renders == renders + 1
    with pytest.raises(ValueError, match="live_format"):
        FigureView(fig, live_format="gif")


def test_the_stored_picture_is_the_live_picture_and_leaves_live_redraws_exact():
    fig, slow, fast = two_panel_figure()
    view = FigureView(fig, moving=[[slow], [fast]], live_format="jpeg")
    image, stored = view.stored_image(), Image.open(io.BytesIO(view.compact_png()))
    # exactly what another view of the same figure draws (not the JPEG frame the page got) ...
    live = full_redraw_png(two_panel_figure()[0])[..., :3]
    assert np.array_equal(np.asarray(image), live)
    assert not np.array_equal(pixels(view.frame), live)
    # ... stored in 256 colours at most, at the live size
    assert stored.mode == "P" and stored.size == (live.shape[1], live.shape[0])
    difference = np.abs(np.asarray(stored.convert("RGB")).astype(int) - live)
    assert difference.mean() < 2 and np.percentile(difference, 99) <= 8
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


# ----- when pictures are drawn and sent -------------------------------------------------------
def test_without_an_event_loop_refresh_draws_and_sends_at_once():
    fig, slow, fast = two_panel_figure()
    view = FigureView(fig, moving=[fast])
    renders, sent = view.renders, view.frames_sent
    fast.set_ydata([0.4, 0.6])
    view.refresh()
    assert view.renders == renders + 1 and view.frames_sent == sent + 1
    assert np.array_equal(pixels(view.frame), full_redraw_png(fig))


def test_an_unchanged_picture_is_drawn_but_not_sent_again():
    fig, slow, fast = two_panel_figure()
    view = FigureView(fig, moving=[fast])
    value, sent = view.image.value, view.frames_sent
    view.refresh()
    assert view.frames_sent == sent and view.image.value is value
    fast.set_ydata([0.4, 0.6])
    view.refresh()
    assert view.frames_sent == sent + 1 and view.image.value != value


def test_refreshes_while_handling_one_message_become_one_picture():
    fig, slow, fast = two_panel_figure()

    async def handle_message():
        view = FigureView(fig, moving=[[slow], [fast]])    # its first picture waits too
        assert view.renders == 0
        for y in (0.1, 0.5, 0.8):                           # e.g. a cell moving a slider
            fast.set_ydata([y, 0.5])
            view.refresh(from_group=1)
        slow.set_ydata([0.9, 0.2])
        view.refresh()                                      # the earliest group wins
        assert view.renders == 0
        await asyncio.sleep(0)                              # the message has been handled
        return view

    view = asyncio.run(handle_message())
    assert view.renders == 1 and view.frames_sent == 1
    assert np.array_equal(pixels(view.frame), full_redraw_png(fig))


def test_a_burst_of_refreshes_draws_at_most_one_picture_per_interval():
    fig, slow, fast = two_panel_figure()

    async def burst():
        view = FigureView(fig, moving=[fast])
        view.min_interval = 0.2
        await asyncio.sleep(0)
        first, start = view.renders, time.perf_counter()
        for i in range(20):                                 # 20 slider events, 10 ms apart
            fast.set_ydata([i / 20, 0.5])
            view.refresh()
            await asyncio.sleep(0.01)
        during, seconds = view.renders - first, time.perf_counter() - start
        await asyncio.sleep(0.3)
        return view, first, during, seconds

    view, first, during, seconds = asyncio.run(burst())
    assert first == 1
    assert 1 <= during <= seconds / 0.2 + 1     # one picture per 0.2 s, not one per event
    assert during < 20
    assert np.array_equal(pixels(view.frame), full_redraw_png(fig))   # the last state


def test_live_png_frames_are_opaque_rgb():
    fig, slow, fast = two_panel_figure()
    view = FigureView(fig)
    assert Image.open(io.BytesIO(view.frame)).mode == "RGB"


def test_stored_picture_is_shown_at_the_live_size():
    from helpers.widgets import WidgetCheck
    widget = WidgetCheck()
    data, metadata = widget._repr_mimebundle_()
    stored = Image.open(io.BytesIO(data["image/png"]))
    width = metadata["image/png"]["width"]
    assert f"{width}px" == widget.view.image.layout.width    # the live picture's width
    assert stored.width == width           # the live picture itself


@pytest.mark.parametrize("make, act", [
    ("WidgetCheck", lambda w: setattr(w.slider, "value", -2.5)),       # crosses the legend
    ("WidgetCheck", lambda w: setattr(w.slider, "value", 3.0)),        # ends on the frame
    ("ColourSpaceExplorer", lambda w: setattr(w.sliders[0], "value", (0.3, 0.8))),
])
def test_widgets_that_redraw_only_what_moves_show_the_full_redraw(make, act):
    import helpers.widgets as widgets
    widget = getattr(widgets, make)()
    act(widget)
    live = pixels(widget.view.frame)
    widget.view.invalidate()
    widget.view.canvas.draw()                  # everything, moving artists included
    assert np.array_equal(live, np.asarray(widget.view.canvas.buffer_rgba())[..., :3])


# ----- the first picture and the stored one ---------------------------------------------------
def test_a_new_view_lays_out_and_draws_its_figure_in_one_draw(monkeypatch):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from helpers.plots._fast_text import FastTextCanvas

    draws = []
    original = FastTextCanvas.draw
    monkeypatch.setattr(FastTextCanvas, "draw", lambda self: draws.append(1) or original(self))
    fig, slow, fast = two_panel_figure()
    view = FigureView(fig, moving=[fast])
    assert len(draws) == 1                        # layout, background and first picture
    # the same picture as matplotlib's own canvas gives a fresh copy, laid out by its engine
    twin, _, _ = two_panel_figure()
    twin.set_dpi(fig.dpi)
    plain = FigureCanvasAgg(twin)
    plain.draw()
    assert np.array_equal(pixels(view.frame), np.asarray(plain.buffer_rgba())[..., :3])
    assert [ax.get_position().bounds for ax in fig.axes] == \
        [ax.get_position().bounds for ax in twin.axes]


def test_the_stored_picture_is_what_savefig_draws():
    fig, slow, fast = two_panel_figure()
    view = FigureView(fig, moving=[fast])
    fast.set_ydata([0.3, 0.8])
    view.refresh()
    saved = io.BytesIO()
    fig.savefig(saved, format="png", dpi=fig.dpi)
    expected = np.asarray(Image.open(saved).convert("RGB"))
    assert np.array_equal(np.asarray(view.stored_image()), expected)
    # taking it leaves the live view as it was: same canvas, same size, exact redraws
    assert fig.canvas is view.canvas and view.image.value is not None
    fast.set_ydata([0.6, 0.1])
    view.refresh()
    assert np.array_equal(pixels(view.png()), full_redraw_png(fig))

# ----- the first live picture after the notebook has stored one --------------------------------
def count_drawing(monkeypatch, view):
    """Count the view's draws on its canvas (full draws and moving artists drawn alone)."""
    drawn = []
    original = FigureView._draw_on_canvas
    monkeypatch.setattr(FigureView, "_draw_on_canvas",
                        lambda self, from_group: (drawn.append(self) if self is view else None)
                        or original(self, from_group))
    return drawn


def twin_picture(slow_y, fast_y):
    """The picture of a fresh two-panel figure posed so, drawn in full (a view of its own: a
    second view of the same figure would take over its canvas)."""
    fig, slow, fast = two_panel_figure()
    slow.set_ydata(slow_y)
    fast.set_ydata(fast_y)
    return full_redraw_png(fig)


@pytest.mark.parametrize("moving", ["none", "groups"])
def test_the_first_live_picture_is_the_stored_one_not_drawn_again(monkeypatch, moving):
    fig, slow, fast = two_panel_figure()

    async def display_in_a_cell():
        view = FigureView(fig, moving=[[slow], [fast]] if moving == "groups" else ())
        fast.set_ydata([0.3, 0.7])
        view.refresh(from_group=1)          # the widget's own set-up asks for a picture too
        drawn = count_drawing(monkeypatch, view)
        stored = view.compact_png()          # the notebook displays the widget: one draw
        assert len(drawn) == 1 and view.frames_sent == 0
        await asyncio.sleep(0)               # the cell's message handled: the live picture
        return view, drawn, stored

    view, drawn, stored = asyncio.run(display_in_a_cell())
    assert len(drawn) == 1                   # sent without drawing again
    assert view.renders == 1 and view.frames_sent == 1
    assert np.array_equal(pixels(view.frame), twin_picture([0.1, 0.9], [0.3, 0.7]))
    assert Image.open(io.BytesIO(stored)).size == Image.open(io.BytesIO(view.frame)).size
    # anything asked for after the stored picture is drawn
    fast.set_ydata([0.6, 0.2])
    view.refresh(from_group=1)
    assert len(drawn) == 2
    assert np.array_equal(pixels(view.frame), twin_picture([0.1, 0.9], [0.6, 0.2]))


def test_a_refresh_after_the_stored_picture_still_draws(monkeypatch):
    fig, slow, fast = two_panel_figure()

    async def display_then_change():
        view = FigureView(fig, moving=[fast])
        drawn = count_drawing(monkeypatch, view)
        view.compact_png()
        fast.set_ydata([0.2, 0.9])           # the cell changes the widget after displaying it
        view.refresh()
        await asyncio.sleep(0)
        return view, drawn

    view, drawn = asyncio.run(display_then_change())
    assert len(drawn) == 2 and view.frames_sent == 1
    assert np.array_equal(pixels(view.frame), twin_picture([0.1, 0.9], [0.2, 0.9]))


def test_a_picture_drawn_for_another_image_is_not_reused(monkeypatch):
    fig, slow, fast = two_panel_figure()
    view = FigureView(fig, moving=[fast])
    fast.set_ydata([0.9, 0.9])               # posed for another image (as ChoicePictures does)
    url = view.picture_url()
    fast.set_ydata([0.1, 0.9])               # back to the shown pose
    drawn = count_drawing(monkeypatch, view)
    view._render(0)                          # a picture asked for before the pose changed
    assert len(drawn) == 1 and url != view.image.value
    assert np.array_equal(pixels(view.frame), twin_picture([0.1, 0.9], [0.1, 0.9]))
