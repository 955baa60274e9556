"""Every widget's status line stays one sentence however often its buttons are pressed, and no
button press lets an exception escape (the conftest guard fails a test that logs one)."""
import re

import ipywidgets as W
import pytest

from helpers import depth
from helpers.widgets import (BackpropWalkthrough, DigitInspector, DrawingPad, RuleBuilder,
                             TimelineExplorer, WidgetCheck)


def sentences(html_text):
    """How many sentences a status shows: ends of sentence (. ! ?) before a space or the end."""
    text = re.sub(r"<[^>]+>", "", html_text).strip()
    return len(re.findall(r"[.!?](?=\s|$)", text)) or (1 if text else 0)


def buttons(widget):
    """One button of each kind in the widget's interface (the drawing pad's 64 squares are one
    kind: they share a handler)."""
    found, todo = {}, [widget.ui]
    while todo:
        box = todo.pop()
        for child in getattr(box, "children", ()):
            if isinstance(child, W.Button):
                found.setdefault(child.description, child)
            else:
                todo.append(child)
    return list(found.values())


def status_texts(widget):
    return [w.value for w in (getattr(widget, "status", None),
                              getattr(widget, "accuracy_label", None),
                              getattr(widget, "label", None)) if w is not None]


@pytest.fixture(scope="module")
def builders(data):
    model, X, y = data
    return {"timeline": lambda: TimelineExplorer(year=1956),
            "backprop": lambda: BackpropWalkthrough(),
            "rules": lambda: RuleBuilder(),
            "digits": lambda: DigitInspector(model, X, y, index=6),
            "pad": lambda: DrawingPad(model, X, y),
            "check": lambda: WidgetCheck()}


@pytest.mark.parametrize("name", ["timeline", "backprop", "rules", "digits", "pad", "check"])
def test_twenty_presses_of_each_button_leave_one_sentence(builders, name):
    widget = builders[name]()
    pressed = buttons(widget)
    assert pressed, f"{name} has no buttons"
    for button in pressed:
        for _ in range(20):
            if not button.disabled:
                button.click()
            for text in status_texts(widget):
                assert sentences(text) <= 1, f"{button.description!r}: {text}"


def test_the_sentence_counter_counts():
    assert sentences("<b>1969</b>: latest milestone 1969 Perceptrons · the first event") == 1
    assert sentences("Accuracy 0.957 (287 of 300 right)") == 1
    assert sentences("One. Two.") == 2
