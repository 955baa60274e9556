"""A control's new picture is sent to the page before the words and controls around it
(words_after_picture.py), in a running event loop as in a kernel; the values change in the
kernel at once, and the learner's own control is answered at once. The rule builder uses it."""
import asyncio

import ipywidgets as W

from helpers.widgets import RuleBuilder, TrainingStepper
from helpers.widgets.words_after_picture import held_in, words_after_picture


def in_kernel(action):
    """Run ``action`` inside an event loop, as a control's message is handled in a kernel,
    and let the loop draw what it asked for."""
    async def run():
        action()
        await asyncio.sleep(0.1)
    asyncio.run(run())


def position(messages, widget):
    return next(i for i, (w, _kind) in enumerate(messages) if w is widget)


def test_rule_builder_sends_its_picture_before_its_labels_and_its_list(sent):
    w = RuleBuilder()
    sent.clear()
    in_kernel(lambda: setattr(w.threshold_slider, "value", 0.8))
    picture = position(sent, w.view.image)
    assert position(sent, w.accuracy_label) > picture and position(sent, w.status) > picture
    assert position(sent, w.rule_select) > picture         # the list shows the new threshold
    assert "0.8" in w.rule_select.options[0][0]
    assert not any(widget._holding_sync for widget in held_in(w.ui))   # nothing left held


def test_the_values_change_in_the_kernel_at_once():
    w = RuleBuilder()
    seen = []

    def move_and_read():
        w.threshold_slider.value = 0.8
        seen.append((w.status.value, w.rule_select.options[0][0]))
    in_kernel(move_and_read)
    assert seen == [(w.status.value, w.rule_select.options[0][0])] and "0.8" in seen[0][1]


def test_the_learners_own_control_is_answered_at_once(sent):
    """ipywidgets answers a change from the page with an echo; it is never held (the page
    trusts its own value until the echo comes)."""
    w = RuleBuilder()
    slider = w.threshold_slider
    sent.clear()
    in_kernel(lambda: slider._handle_msg({"content": {"data": {
        "method": "update", "state": {"value": 0.8}, "buffer_paths": []}}, "buffers": []}))
    assert w.rule_list.rules[0].conditions[0].threshold == 0.8
    assert sent[0] == (slider, "echo_update:value")
    assert position(sent, w.view.image) < position(sent, w.status)


def test_a_problem_is_still_shown(sent, monkeypatch):
    w = RuleBuilder()

    def broken(*_args):
        raise ValueError("no such threshold")
    monkeypatch.setattr(w, "set_threshold", broken)
    sent.clear()
    in_kernel(lambda: setattr(w.threshold_slider, "value", 0.8))
    assert "no such threshold" in w.status.value
    assert any(widget is w.status for widget, _kind in sent)    # no picture to wait for


def test_several_panels_send_their_words_after_the_last_one(sent):
    s = TrainingStepper()

    def step():
        with words_after_picture(s.ui, s.view):
            s.step()
    sent.clear()
    in_kernel(step)
    pictures = [i for i, (_widget, kind) in enumerate(sent) if kind == "picture"]
    assert len(pictures) >= 2
    assert position(sent, s.status) > max(pictures)


def test_outside_a_kernel_nothing_waits(sent):
    w = RuleBuilder()
    sent.clear()
    w.threshold_slider.value = 0.8            # no event loop: the picture is drawn at once
    assert any(widget is w.status for widget, _kind in sent)
    assert not any(widget._holding_sync for widget in held_in(w.ui))


def test_pictures_are_never_held():
    w = RuleBuilder()
    held = held_in(w.ui)
    assert w.status in held and w.rule_select in held and w.threshold_slider in held
    assert w.view.image not in held and not any(isinstance(x, W.Image) for x in held)
