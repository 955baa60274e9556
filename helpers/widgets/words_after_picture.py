"""A control's new picture goes to the page before the words and controls around it.

When the learner moves a control, the widget changes its texts (a status line, an accuracy
label), often other controls too (the rule builder's list of rules shows the new threshold),
and asks for a new picture, which the kernel draws once the control's message has been handled.
Each change is a message of its own, sent at once; on a 2-core machine the page then lays out
the new text while the kernel draws, and the two slow each other down.

``words_after_picture(ui, view)`` holds the messages of every widget in ``ui`` except its
pictures while a control is handled, and sends them once the picture has gone out. The values
change in the kernel at once; only their messages to the page wait, for the few milliseconds
the picture takes.

The rule builder uses it: each move of a threshold also rewrites its list of rules and two
labels, and in the browser bench its picture came about 20-30 ms sooner with them held (81-100
ms against 108-135 ms, runs minutes apart on the 2-core machine). The other widgets do not use
it: with it, the digit inspector's, the drawing pad's and the stepper's pictures arrived as
soon as before but finished loading 30-40 ms later (the held messages came right behind the
picture), and where a click changes the control itself (the drawing pad's squares) the learner
should see that at once.

A held value cannot undo a newer one of the learner's: ipywidgets (8 and later) answers each
change from the page with an "echo", which is never held, and the page ignores the kernel's
values for what it has changed itself until that echo has arrived.
"""
import asyncio
import contextlib

import ipywidgets as W

__all__ = ["words_after_picture", "held_in"]


def held_in(ui):
    """Every widget inside ``ui`` (a container of widgets, itself included) that is not a
    picture, depth first."""
    found, todo = [], [ui]
    while todo:
        widget = todo.pop()
        if not isinstance(widget, W.Image):
            found.append(widget)
        todo.extend(reversed(getattr(widget, "children", ())))
    return found


@contextlib.contextmanager
def words_after_picture(ui, view):
    """Hold the messages of ``ui``'s widgets inside the ``with`` block and send them once
    ``view`` (a FigureView or PanelViews) has sent the picture asked for meanwhile; at once if
    none was asked for. Outside a running kernel (scripts, tests) nothing is held."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        yield
        return
    if ui is None or view is None:
        yield
        return
    holds = []
    for widget in held_in(ui):
        if not widget._holding_sync:        # already held by an outer block: that one sends
            hold = widget.hold_sync()
            hold.__enter__()
            holds.append(hold)

    def send():
        for hold in holds:
            hold.__exit__(None, None, None)

    try:
        yield
    finally:
        view.when_drawn(send)
