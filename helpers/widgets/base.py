"""What every course widget shares: a figure shown as an image that updates in place.

A widget subclasses :class:`CourseWidget`, builds its controls and a :class:`FigureView`, puts
them in ``self.ui`` and implements ``summary()``. Its controls call ordinary methods, which change
the state and call ``self.view.refresh()`` after updating the figure's artists.

Displaying the widget in a notebook stores three things: the live widget (for JupyterLab), a PNG
of its current state (for GitHub, nbviewer and other static viewers) and ``summary()`` as plain
text, which is what nbval compares, so it must be stable.
"""
import asyncio
import base64
import html
import io
import time

import ipywidgets as W
import numpy as np
from PIL import Image

from ..i18n import _, get_language
from ..plots.fonts import font_family_for
from ..plots.training_session import EVERYTHING, NOTHING, stitch_images, stitch_pictures
from ..plots._fast_text import FastTextCanvas
from ..plots.png import compact_png, quick_png

__all__ = ["CourseWidget", "FigureView", "PanelViews", "fit_width", "choices",
           "monospace_family"]


def monospace_family():
    """The font family of a figure's fixed-width text (tables, rule lists): "monospace", with a
    Hangul font behind it when the package speaks Korean (the fixed-width font has none)."""
    if get_language() == "en":
        return "monospace"
    return ["DejaVu Sans Mono", *font_family_for(get_language())[1:]]


def _text_px(text):
    """A rough width of ``text`` at the widgets' default font: 14 px per Hangul character and
    7 px per other character."""
    return sum(14 if "\uac00" <= ch <= "\ud7a3" else 7 for ch in str(text))


def fit_width(width, *labels, extra=0, default=80):
    """A CSS width for a control: ``width`` (such as ``"90px"``; None or "" for ipywidgets' own
    width, ``default`` px: 80 for a description, 148 for a button), widened when a translated
    label needs more room.

    The English labels were sized by hand and keep their widths. A label with Hangul is wider
    (about 14 px a character): it gets its rough width plus ``extra`` px (an icon, a margin).
    """
    if not any(_text_px(label) != 7 * len(str(label)) for label in labels):
        return width                                   # no Hangul: the hand-made size
    current = int(str(width).rstrip("px")) if width else default
    needed = max(_text_px(label) for label in labels) + extra
    return width if current >= needed else f"{needed}px"


def choices(values):
    """Dropdown options as ``(label, value)`` pairs: each value shown in the current language.

    The values stay what the code compares and stores; only the labels are translated (each
    value must be marked with ``N_`` where it is defined)."""
    return [(_(value) if value else value, value) for value in values]


class FigureView:
    """A matplotlib Figure shown in an ``ipywidgets.Image`` that is re-rendered on refresh().

    For speed, the layout is computed once on the first draw and then frozen (axes keep their
    places; their contents, limits and texts still update), and PNGs are written with light
    compression (:func:`quick_png`): a full redraw costs about 10-30 ms instead of 60.

    Widgets with many still parts (tick labels, titles, legends) can go faster with ``moving``:
    the artists that change, in groups ordered from the group that changes least often to the
    one that changes most often (a flat list is one group), or a function returning them for
    widgets that create artists as they go. Everything else is drawn once and kept as a
    background picture; each refresh pastes it and draws only the moving artists on top
    (matplotlib's "blitting"). ``refresh(from_group=k)`` promises that groups before k did not
    change, so their saved picture is reused too. The result is the same picture as a full
    redraw, except that moving artists are drawn on top of still ones (keep them off the axis
    spines). After changing anything that is not moving (axis limits, a title, a legend), call
    :meth:`invalidate`.

    The live picture is sent as a data URL (the image widget's ``url`` format), not as raw
    bytes: the page turns raw bytes into a blob URL, which Chromium loads asynchronously, and a
    frame that arrives before the previous one has loaded cancels it. During the stepper's Play
    (about 15 frames a second per panel on the 2-core machine) the page showed about 5 of them
    a second with raw bytes, and about 12 with data URLs, which the page decodes at once.
    :attr:`frame` is the picture as bytes.

    ``live_format="jpeg"`` sends the live image as a JPEG (quality 95, no colour subsampling):
    it looks the same and encodes in about 1 ms instead of 10-25 ms for a large figure. The
    picture stored in a notebook (``png()``) is always a PNG.

    Inside a running kernel, refresh() does not draw at once: it asks the kernel's event loop
    to draw as soon as the current message has been handled. Several refreshes asked for while
    handling one message (a widget that refreshes twice, a cell that moves a slider in a loop)
    become one picture, and while a burst of slider events arrives faster than pictures can be
    drawn, at most one picture per ``min_interval`` seconds is drawn (the last state always
    is). Without a running event loop (scripts, tests) refresh() draws at once. A picture
    identical to the one already shown is not sent again, and a picture already on the canvas
    is not drawn again: a notebook that displays a widget draws the picture it stores, and the
    first live picture, asked for before, is that one (the displayed widgets' first live
    pictures: 1-4 ms instead of 6-22 ms). ``renders`` counts pictures made for the
    page, ``frames_sent`` those sent to the browser.
    """

    #: The shortest time between two pictures drawn for a burst of refreshes (seconds).
    min_interval = 0.03

    def __init__(self, fig, dpi=80, moving=(), live_format="png"):
        if live_format not in ("png", "jpeg"):
            raise ValueError(f"live_format must be 'png' or 'jpeg', got {live_format!r}.")
        self.fig = fig
        self.moving = moving
        self.live_format = live_format
        fig.set_dpi(dpi)
        self.canvas = FastTextCanvas(fig)         # Agg, remembering the text it drew
        self._backgrounds = None                # [k]: the figure with groups before k drawn
        self._laid_out = False                  # True once the layout is fixed
        width = int(round(fig.get_figwidth() * dpi))
        # shown at its own size: stretching a picture to the page's width would blur it
        self.image = W.Image(format="url", layout=W.Layout(width=f"{width}px",
                                                           max_width="100%"))
        self.renders = 0
        self.frames_sent = 0
        self._when_drawn = []                   # called once the waiting picture is sent
        self._sent_pixels = None                # the picture the browser shows now
        self._pending = None                    # from_group of a refresh waiting to be drawn
        self._last_render = -1.0                # when the last picture was begun (perf_counter)
        self._requests = 0                      # refresh() calls so far
        self._canvas_answers = None             # how many of them the canvas's picture shows
        # The first draw (now, or once the current message is handled) lays the figure out with
        # its layout engine, keeps that layout and is also the moving artists' background.
        self.refresh()

    def groups(self):
        """The moving artists as a list of groups (lists of artists)."""
        moving = list(self.moving() if callable(self.moving) else self.moving)
        if moving and not isinstance(moving[0], (list, tuple)):
            moving = [moving]
        return [list(group) for group in moving]

    def invalidate(self):
        """Forget the saved backgrounds: the next refresh draws everything."""
        self._backgrounds = None

    def _draw(self, from_group=0):
        """Draw the figure on the canvas (as cheaply as allowed) and return its RGBA pixels."""
        pixels = self._draw_on_canvas(from_group)
        self._canvas_answers = self._requests    # the canvas shows the figure as it is now
        return pixels

    def _draw_on_canvas(self, from_group):
        groups = self.groups()
        if not groups:
            self._full_draw()
            return np.asarray(self.canvas.buffer_rgba())
        if self._backgrounds is None or len(self._backgrounds) != len(groups):
            # Animated artists are left out of a full draw (matplotlib's blitting convention).
            # Hiding them with set_visible(False) instead would also move axes titles, whose
            # automatic placement looks at what is visible.
            moving = [a for group in groups for a in group if not a.get_animated()]
            for artist in moving:
                artist.set_animated(True)
            try:
                self._full_draw()
                self._backgrounds = [self.canvas.copy_from_bbox(self.fig.bbox)]
            finally:
                for artist in moving:
                    artist.set_animated(False)
            self._backgrounds += [None] * (len(groups) - 1)
            from_group = 0
        start = max(k for k in range(min(from_group, len(groups) - 1) + 1)
                    if self._backgrounds[k] is not None)
        self.canvas.restore_region(self._backgrounds[start])
        for k in range(start, len(groups)):
            if k > start:
                self._backgrounds[k] = self.canvas.copy_from_bbox(self.fig.bbox)
            for artist in groups[k]:
                if artist.get_visible():
                    self.fig.draw_artist(artist)
        return np.asarray(self.canvas.buffer_rgba())

    def _full_draw(self):
        """Draw the whole figure. The first draw lays it out with the figure's layout engine;
        the engine is then switched off, so axes keep their places from then on."""
        self.canvas.draw()
        if not self._laid_out:
            self.fig.set_layout_engine("none")
            self._laid_out = True

    @staticmethod
    def _encode(pixels, fmt):
        if fmt == "png":
            return quick_png(pixels)    # figures are opaque: RGB is a quarter smaller
        buffer = io.BytesIO()
        Image.fromarray(pixels).convert("RGB").save(buffer, format="jpeg", quality=95,
                                                    subsampling=0)
        return buffer.getvalue()

    def png(self):
        """The figure as PNG bytes, drawn now."""
        return self._encode(self._draw(), "png")

    @property
    def width_px(self):
        """The live picture's width on the page, in pixels."""
        return int(round(self.fig.get_figwidth() * self.fig.dpi))

    @property
    def frame(self):
        """The live picture the page shows now: PNG or JPEG bytes (b"" before the first)."""
        value = bytes(self.image.value)       # the widget keeps it as a memoryview
        return base64.b64decode(value.split(b",", 1)[1]) if value else b""

    def stored_image(self):
        """The picture the page shows, as an RGB image: what a notebook stores for viewers
        without a kernel (GitHub, nbviewer, JupyterLab before Run All). It is the live picture,
        pixel for pixel (not a JPEG frame), taken from the canvas instead of drawn again."""
        return Image.fromarray(self._draw()).convert("RGB")

    def compact_png(self):
        """The static picture a notebook stores: :meth:`stored_image` in 256 colours (see
        :func:`compact_png`)."""
        return compact_png(self.stored_image())

    def refresh(self, from_group=0, after=None, pause=0.0):
        """Draw the figure again and send the new picture to the browser (see the class
        docstring for when that happens inside a kernel).

        With ``after`` (another FigureView, inside a running event loop), this picture is drawn
        ``pause`` seconds after that one has been sent; it counts as waiting (:attr:`busy`)
        from now on. Without an event loop both are drawn at once, ``after`` first."""
        self._requests += 1
        if self._pending is not None:                  # a picture is already on its way
            self._pending = min(self._pending, from_group)
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:                           # no event loop: draw now
            self._render(from_group)
            return
        self._pending = from_group
        if after is not None:
            after.when_drawn(lambda: loop.call_later(pause, self._flush))
            return
        wait = self._last_render + self.min_interval - time.perf_counter()
        if wait > 0:
            loop.call_later(wait, self._flush)
        else:
            loop.call_soon(self._flush)

    def _flush(self):
        from_group, self._pending = self._pending, None
        try:
            if from_group is not None:
                self._render(from_group)
        finally:
            waiting, self._when_drawn = self._when_drawn, []
            for callback in waiting:
                callback()

    def when_drawn(self, callback):
        """Call ``callback`` (no arguments) once the picture asked for has been drawn and sent;
        at once if no picture is waiting, e.g. outside a kernel, where refresh() draws at once
        (used by choice_pictures.py and words_after_picture.py)."""
        if self.busy:
            self._when_drawn.append(callback)
        else:
            callback()

    def _render(self, from_group):
        # The interval counts from the start of one picture to the start of the next: a widget
        # that asks for a picture every 33 ms (the stepper's Play) gets one every 33 ms.
        self._last_render = time.perf_counter()
        if self._canvas_answers == self._requests:
            # Nothing was asked for since the canvas was last drawn: it already shows the
            # figure as it is. This is the widget's first live picture after a notebook has
            # displayed it: the picture stored in the notebook was drawn then.
            pixels = np.asarray(self.canvas.buffer_rgba())
        else:
            pixels = self._draw(from_group)
        self.renders += 1
        if self._sent_pixels is not None and np.array_equal(pixels, self._sent_pixels):
            return                                     # the browser already shows this
        self._sent_pixels = pixels.copy()
        self.image.value = self._data_url(pixels)
        self.frames_sent += 1

    def _data_url(self, pixels):
        return (f"data:image/{self.live_format};base64,".encode("ascii")
                + base64.b64encode(self._encode(pixels, self.live_format)))

    @property
    def busy(self):
        """True while a refresh waits to be drawn."""
        return self._pending is not None

    def show_in(self, image):
        """From now on, refreshes go to ``image`` (an ``ipywidgets.Image``), e.g. one of several
        pictures kept in the page (see choice_pictures.py)."""
        if image is not self.image:
            self.image = image
            self._sent_pixels = None          # what that image shows is not known here

    def picture_url(self):
        """The figure drawn now, as the data URL the page would be sent (nothing is sent)."""
        pixels = self._draw()
        self._canvas_answers = None      # a picture for another image: not the shown one's
        if self._backgrounds:            # saved with this picture's moving artists: forget
            self._backgrounds[1:] = [None] * (len(self._backgrounds) - 1)
        self.renders += 1
        return self._data_url(pixels)

    def draw_into(self, image):
        """Draw the figure now and send it to ``image``, which need not be the one shown."""
        image.value = self.picture_url()
        self.frames_sent += 1


class CourseWidget:
    """Base class: ``ui`` (the ipywidgets container), ``view`` (a FigureView), ``summary()``."""

    ui = None
    view = None

    def summary(self):
        """One stable line describing the current state (shown as plain text)."""
        return type(self).__name__

    def _safely(self, method, *args):
        """Run what a control asked for; a problem becomes a sentence in the status line.

        ipywidgets swallows exceptions raised inside handlers (the learner would see nothing
        happen), so every control's handler goes through here.
        """
        try:
            return method(*args)
        except Exception as exc:   # shown to the learner instead of being swallowed
            self.show_problem(exc)
            return None

    def show_problem(self, exc):
        """Show an error in the widget's ``status`` (an ``ipywidgets.HTML``)."""
        self.status.value = _("<b>Problem:</b> {problem}").format(
            problem=html.escape(str(exc)))

    def __repr__(self):
        return self.summary()

    def _repr_mimebundle_(self, include=None, exclude=None):
        # Stable CSS classes let the browser tests find this widget on the page.
        self.ui.add_class("course-widget")
        self.ui.add_class(f"course-{type(self).__name__}")
        data = dict(self.ui._repr_mimebundle_() or {})
        data["text/plain"] = self.summary()
        if self.view is None:
            return data
        data["image/png"] = self.view.compact_png()
        # the live picture, shown at its own size (no wider than the page)
        return data, {"image/png": {"width": self.view.width_px}}


class PanelViews:
    """Several panels, each with its own FigureView and so its own image on the page, laid out
    in ``rows`` of panel names. A refresh re-sends only the panels that changed (the training
    stepper's four pictures). ``renders`` counts refreshes."""

    #: After a single action (``refresh(first_alone=True)``), the other panels are drawn this
    #: many seconds after the first panel's picture has been sent.
    stagger = 0.04

    def __init__(self, panels, rows, dpi):
        self.ROWS = [list(row) for row in rows]
        self.views = {name: FigureView(panel.fig, dpi=dpi, moving=panel.moving,
                                       live_format="jpeg") for name, panel in panels.items()}
        self.box = W.VBox([W.HBox([self.views[n].image for n in row],
                                  layout=W.Layout(flex_flow="row wrap")) for row in self.ROWS])
        self.renders = 1

    def refresh(self, changes, first_alone=False):
        """Redraw and send each panel whose change (from its ``update``) is not NOTHING.

        With ``first_alone`` (one click, such as the stepper's Step), the changed panel that
        comes first on the page is drawn and sent on its own; the others are drawn and sent
        :attr:`stagger` seconds after it has gone, while the page shows it. Measured in
        notebook 06 on the 2-core machine (median of 15 Steps, two runs each): the first
        picture loaded 77-86 ms after the click instead of 108-112 ms, the last of the four
        133-140 ms instead of 124-128 ms. Drawing the others at once and only holding their
        messages back for 40 ms gained little for the first (106-110 ms): the kernel's drawing
        took the CPU the page needed. A pause of 15 ms was too short in that notebook.
        """
        changed = []
        for name, change in changes.items():
            if change == EVERYTHING:
                self.views[name].invalidate()
            if change != NOTHING:
                changed.append(name)
        self.renders += 1
        if not changed:
            return
        on_page = [name for row in self.ROWS for name in row]
        changed.sort(key=on_page.index)
        if not first_alone:
            for name in changed:
                self.views[name].refresh()
            return
        first = self.views[changed[0]]
        first.refresh()
        for name in changed[1:]:             # waiting from now, drawn once the first has gone
            self.views[name].refresh(after=first, pause=self.stagger)

    def invalidate(self):
        for view in self.views.values():
            view.invalidate()

    def when_drawn(self, callback):
        """Call ``callback`` once every panel waiting for a picture has sent it."""
        waiting = [view for view in self.views.values() if view.busy]
        if not waiting:
            callback()
            return
        left = len(waiting)

        def one_sent():
            nonlocal left
            left -= 1
            if left == 0:
                callback()
        for view in waiting:
            view.when_drawn(one_sent)

    @property
    def width_px(self):
        """The widest row of pictures, in pixels as shown on the page."""
        return max(sum(self.views[n].width_px for n in row) for row in self.ROWS)

    def _stitched(self, picture):
        return stitch_pictures([[picture(self.views[n]) for n in row] for row in self.ROWS])

    def png(self):
        """All panels as one PNG, laid out as on the page."""
        return self._stitched(FigureView.png)

    def compact_png(self):
        """The static picture a notebook stores: all panels as the page shows them, in few
        colours."""
        return compact_png(stitch_images([[self.views[n].stored_image() for n in row]
                                          for row in self.ROWS]))
