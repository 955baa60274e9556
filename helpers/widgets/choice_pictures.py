"""Pictures for every position of a slider, kept in the page, so the slider switches them there.

A widget whose slider has a few positions (the model explorer's knob: 6 to 8 values; the layer
inspector's checkpoints: about 20) can keep a picture for each position in the page. Once all of
them are drawn, the page itself switches pictures when the learner moves the slider (an
``ipywidgets.jslink`` between the slider's position and a ``Stack`` of images): the picture
changes within a few milliseconds instead of after a round trip to the kernel and back (about
100 ms on the 2-core machine). Buttons that step through positions (the backprop walk-through)
gain too: showing a kept picture takes a message of a few bytes instead of a drawn picture.

How it goes:
  * The kernel draws the position shown (``show``), as any widget does, into that position's
    image of the stack.
  * After the learner has used a control, the kernel draws the other positions one at a time,
    nearest first, one per turn of its event loop, so messages from the page go first
    (``prepare_later``; ``prepare_all`` draws them at once, for scripts and tests).
  * When every position is drawn for the current settings, the kernel links the slider to the
    stack in the page. Anything that makes the pictures out of date (``key`` changes: another
    data set, model, ...) removes the link first, so the page never shows an old picture for a
    new setting; until the pictures are drawn again, the slider goes through the kernel.

Drawing in the background takes the kernel's time: while it draws one position (about 60 ms for
the layer inspector), a move of the learner waits. With ``in_copy=True`` the other positions
are drawn instead in a copy of the kernel (a fork: it starts with the widget as it is), on the
machine's other core, and sent back through a pipe; the kernel only puts them into the page.
The copy is made once the picture of the learner's move has been drawn, and only on a machine
with at least two cores (on one, the kernel draws them, as ``training.side_by_side`` does).
Only for widgets whose ``pose`` uses nothing but NumPy and matplotlib: scikit-learn's OpenMP
threads do not survive a fork. Where fork is missing (Windows, macOS) the kernel draws them.

The widget supplies ``pose(index)``: set the figure's artists for that position and return the
key of what it shows (None if it cannot be drawn: nothing is then kept). Each image's key says
what it shows; nothing is stored in the page before the learner uses a control, so a saved
notebook keeps a single picture.
"""
import asyncio
import multiprocessing
import os
import sys
import time

import ipywidgets as W

from ..training import can_fork, usable_cores

__all__ = ["ChoicePictures"]


class ChoicePictures:
    """One image per slider position in a ``Stack`` (``self.stack``, shown in the widget's UI in
    place of ``view.image``), drawn by ``view`` (a FigureView) after ``pose(index)``.

    ``slider`` is a ``SelectionSlider`` (its ``index`` is the position), an ``IntSlider``
    starting at 0 (its ``value`` is the position), or None for positions that buttons step
    through (the backprop walk-through's stages): the page is then never linked, but a kept
    picture is shown by a message of a few bytes, without drawing or sending a picture."""

    #: Seconds between drawing one position in the background and the next.
    pause = 0.01
    #: Seconds between two looks for pictures drawn in the copy.
    collect_every = 0.02
    #: A copy that sends nothing for this long is stopped; the kernel then draws them itself.
    copy_patience = 10.0

    def __init__(self, view, slider, positions, pose, index=0, key=None, in_copy=False):
        """``view.image`` (whose picture shows position ``index`` with ``key``) becomes that
        position's image."""
        self.view, self.slider, self.pose = view, slider, pose
        self.positions = positions
        self.attribute = "index" if hasattr(slider, "options") else "value"
        if slider is not None and self.attribute == "value" and slider.min != 0:
            raise ValueError(f"the slider must start at 0 to pick pictures; it starts at "
                             f"{slider.min}.")
        self.images = [W.Image(format="url", layout=view.image.layout)
                       for _ in range(positions)]
        self.images[index] = view.image
        self.stack = W.Stack(self.images, selected_index=index)
        self.keys = [None] * positions       # what each image shows (None: nothing valid)
        self.keys[index] = key
        self.index, self.key = index, key    # the position shown and what it should show
        self.link = None                     # the slider-to-stack link in the page, when made
        self._scheduled = False
        self.drawn_in_background = 0
        # a copy helps only with a second core to run on (the rule of training.side_by_side)
        self.in_copy = in_copy and can_fork() and usable_cores() >= 2
        self._copy = None                    # (process, pipe, key) while a copy draws
        self._heard = 0.0                    # when the copy last sent something (monotonic)

    @property
    def count(self):
        """How many positions the slider has now (at most the number of images)."""
        if self.slider is None:
            return self.positions
        if self.attribute == "index":
            return min(len(self.slider.options), len(self.images))
        return min(self.slider.max + 1, len(self.images))

    def show(self, index, key, from_group=0):
        """Show position ``index``, whose figure is posed now; ``key`` is what it shows (None:
        draw it but never keep it). Draws only if the page does not have that picture yet
        (``from_group`` as in FigureView.refresh)."""
        if key != self.key:
            self._unlink()                   # the other pictures are out of date
        self.index, self.key = index, key
        self.view.show_in(self.images[index])
        if key is None or self.keys[index] != key:
            self.keys[index] = key
            # the page switches once the picture is there (not to an empty or old one)
            self.view.refresh(from_group)
            self.view.when_drawn(self._select_shown)
        else:
            self._select_shown()

    def _select_shown(self):
        self.stack.selected_index = self.index

    def forget(self):
        """Every picture is out of date (call before changing the slider's options)."""
        self._unlink()
        self.key = None

    # ----- the other positions ---------------------------------------------------------------
    def missing(self):
        """Positions whose picture is not the current key's, nearest to the shown one first."""
        if self.key is None:
            return []
        return sorted((k for k in range(self.count) if self.keys[k] != self.key),
                      key=lambda k: (abs(k - self.index), k))

    def prepare_later(self):
        """Draw the missing positions in the background of a running kernel (no-op outside)."""
        if self._scheduled or self._copy is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._scheduled = True
        loop.call_later(self.pause, self._start_copy if self.in_copy else self._prepare_next)

    def _prepare_next(self):
        self._scheduled = False
        if self.view.busy:                   # the shown picture is still to be drawn: first that
            self.prepare_later()
            return
        try:
            more = self._prepare_one()
        except Exception:          # noqa: BLE001  nothing kept, nothing linked; the slider
            return                 # still works through the kernel, which says what is wrong
        if more:
            self.prepare_later()

    # ----- drawing in a copy of the kernel ------------------------------------------------------
    def _start_copy(self):
        self._scheduled = False
        if self.view.busy:                   # the shown picture is still to be drawn: first that,
            self.prepare_later()             # then copy the kernel (a fork meanwhile slowed the
            return                           # learner's next moves by tens of ms)
        missing = self.missing()
        if not missing:
            self._link()
            return
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=self._draw_in_copy, args=(missing, sender), daemon=True)
        try:
            process.start()
        except OSError:                      # no copy possible (memory, limits): draw here
            receiver.close()
            self.in_copy = False
            self.prepare_later()
            return
        finally:
            sender.close()
        self._copy = (process, receiver, self.key)
        self._heard = time.monotonic()
        asyncio.get_running_loop().call_later(self.collect_every, self._collect)

    def _draw_in_copy(self, missing, sender):
        """In the copy: draw each missing position and send it; nothing is printed (the copy's
        output would go nowhere useful). The copy runs at low priority: the browser, the
        Jupyter server and the kernel answering the learner come first."""
        sys.stdout = sys.stderr = open(os.devnull, "w")
        os.nice(15)
        for index in missing:
            url = None
            if self.pose(index) == self.key:
                url = self.view.picture_url()
            sender.send((index, url))
        sender.close()

    def _collect(self):
        """Put the pictures the copy has sent into the page; when it is done, link."""
        process, receiver, key = self._copy
        done = False
        try:
            while receiver.poll():
                index, url = receiver.recv()
                self._heard = time.monotonic()
                if url is not None and key == self.key and self.keys[index] != key:
                    self.images[index].value = url
                    self.keys[index] = key
                    self.drawn_in_background += 1
        except (EOFError, OSError):
            done = True
        stuck = time.monotonic() - self._heard > self.copy_patience
        if not done and key == self.key and not stuck:
            # more to come: the copy closes the pipe when it has sent every position
            asyncio.get_running_loop().call_later(self.collect_every, self._collect)
            return
        if process.is_alive():                # the settings changed: its pictures are old
            process.kill()
        process.join()
        receiver.close()
        self._copy = None
        if stuck:
            self.in_copy = False              # from now on the kernel draws them itself
        if key == self.key and not self.missing():
            self._link()
        elif key != self.key or stuck:
            self.prepare_later()              # the new settings' positions, or the rest

    def prepare_all(self):
        """Draw every missing position now, then link the slider to the pictures."""
        while self._prepare_one():
            pass

    def _prepare_one(self):
        """Draw the nearest missing position (the figure is posed back afterwards); link when
        none is missing. Returns True if there may be more to do."""
        missing = self.missing()
        if not missing:
            self._link()
            return False
        index, key = missing[0], self.key
        try:
            drawn_key = self.pose(index)
            if drawn_key == key:
                self.view.draw_into(self.images[index])
                self.keys[index] = key
                self.drawn_in_background += 1
        finally:
            self.pose(self.index)
        if drawn_key != key:                 # this position cannot be drawn: no link this time
            return False
        return True

    def _link(self):
        if self.link is None and self.key is not None and self.slider is not None:
            self.link = W.jslink((self.slider, self.attribute), (self.stack, "selected_index"))

    def _unlink(self):
        if self.link is not None:
            self.link.unlink()
            self.link.close()
            self.link = None
