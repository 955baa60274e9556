"""Every widget speaks Korean after ``set_language("ko")`` (issue 15).

Each widget is built in Korean, every button is pressed and every other control moved once; then
every text a learner can read on it is collected (descriptions, button labels, tooltips,
placeholders, option labels, Label and HTML values, accordion titles, the texts of its figure
that the widget writes itself, and ``summary()``, which notebooks print) and checked: a text with
words has Hangul, and no English prose is left (``tests/i18n_checks.english_left``). Code names,
numbers and symbols are allowed. English is checked to stay as it was at the end.
"""
import datetime
import html
import re

import ipywidgets as W
import numpy as np
import pytest

from helpers import depth
from helpers.widgets import (BackpropWalkthrough, ColourSpaceExplorer, CoordinateExplorer,
                             DigitInspector, DrawingPad, LayerInspector, ModelExplorer,
                             RuleBuilder, TimelineExplorer, TrainingStepper, WidgetCheck)
from helpers.widgets.base import fit_width
from tests.i18n_checks import english_left, has_hangul

#: A Hangul character missing from a figure's font would show as a box: fail instead.
pytestmark = pytest.mark.filterwarnings("error:Glyph:UserWarning")

#: Names that stay as they are in the Korean course (programs, data, people).
ALLOWED = ("scikit-learn", "Lisp", "Dartmouth", "Rosenblatt", "Minsky", "Papert", "Lighthill",
           "Deep Blue", "ImageNet", "AlexNet", "Hinton", "LeCun", "Bengio", "Rumelhart",
           "Williams", "AlphaGo", "Watson", "Jeopardy", "Kasparov", "Fifth Generation",
           "Dendral", "Mycin", "Sedol", "Kurzweil", "Simon")
#: Code names that stay in English (option labels, layer names, variables in formulas).
CODE_WORDS = {"relu", "tanh", "sigmoid", "RGB", "HSV", "SGD", "RMSprop", "Adam", "xor", "Dense",
              "ReLU", "Tanh", "Sigmoid", "target", "dL", "lr"}
#: Option labels that are code names or symbols and stay in English.
CODE_OPTIONS = CODE_WORDS | {"x", "y", "<", ">", "x, y", "x², y²", "x, y, x², xy, y²"}


def wordless(text):
    """True for a text with no word to translate: numbers, symbols, short names, code words,
    class names (CamelCase) and what is in brackets (code such as ``WidgetCheck(slope=1.0)``)."""
    words = re.findall(r"[A-Za-z]{3,}", re.sub(r"\([^()]*\)", " ", text))
    return all(word in CODE_WORDS or re.match(r"[A-Z][a-z]+[A-Z]", word) for word in words)


# ----- building and driving every widget ---------------------------------------------------------
@pytest.fixture(scope="module")
def xor_run():
    X, y, X_test, y_test = depth.xor_split()
    model = depth.untangling_network()
    run = depth.train_with_checkpoints(model, X, y, epochs=10, every=5,
                                       validation_data=(X_test, y_test))
    return model, run, X, y


def build(name, data, xor_run):
    """The widget ``name`` as a notebook builds it (in the language spoken now)."""
    model, X_test, y_test = data
    builders = {
        "WidgetCheck": lambda: WidgetCheck(),
        "TimelineExplorer": lambda: TimelineExplorer(year=1956),
        "RuleBuilder": lambda: RuleBuilder(),
        "CoordinateExplorer": lambda: CoordinateExplorer(),
        "ColourSpaceExplorer": lambda: ColourSpaceExplorer(),
        "ModelExplorer": lambda: ModelExplorer(n=120, resolution=30),
        "LayerInspector": lambda: LayerInspector(xor_run[0], xor_run[2], xor_run[3], xor_run[1]),
        "BackpropWalkthrough": lambda: BackpropWalkthrough(),
        "TrainingStepper": lambda: TrainingStepper(n_points=60, hidden=[3]),
        "DigitInspector": lambda: DigitInspector(model, X_test, y_test, index=6),
        "DrawingPad": lambda: DrawingPad(model, X_test, y_test),
    }
    return builders[name]()


WIDGETS = ["WidgetCheck", "TimelineExplorer", "RuleBuilder", "CoordinateExplorer",
           "ColourSpaceExplorer", "ModelExplorer", "LayerInspector", "BackpropWalkthrough",
           "TrainingStepper", "DigitInspector", "DrawingPad"]


def controls(widget):
    """Every ipywidget in the widget's interface (depth first)."""
    found, todo = [], [widget.ui]
    while todo:
        box = todo.pop()
        found.append(box)
        todo.extend(reversed(getattr(box, "children", ())))
    return found


def press_and_move_everything(widget):
    """Press each button once (the drawing pad's 64 squares: one of them) and move every other
    control to another value; what the learner sees after each is collected."""
    seen = []
    squares = {id(b) for row in getattr(widget, "buttons", []) if isinstance(row, list)
               for b in row[1:]}
    for control in controls(widget):
        if isinstance(control, W.Button):
            if id(control) in squares or control.disabled:
                continue
            control.click()
        elif isinstance(control, (W.Dropdown, W.ToggleButtons, W.SelectionSlider, W.Select)):
            values = list(control._options_values)
            others = [v for v in values if v != control.value]
            if others and not control.disabled:
                control.value = others[-1]
        elif isinstance(control, (W.IntSlider, W.FloatSlider, W.FloatLogSlider)):
            if not control.disabled:
                control.value = control.min if control.value != control.min else control.max
        elif isinstance(control, W.FloatRangeSlider):
            control.value = (0.2, 0.8)
        elif isinstance(control, W.Text):
            control.value = "5"
        else:
            continue
        seen += visible_texts(widget)
    if isinstance(widget, TrainingStepper):         # Play, then Pause (no event loop here)
        widget.play_button.click()
        seen.append(widget.play_button.description)
        widget.play_button.click()
    return seen


# ----- what a learner reads -----------------------------------------------------------------------
def visible_texts(widget):
    """Every text of the widget's interface, its figure texts and its summary."""
    texts = []
    for control in controls(widget):
        for attribute in ("description", "tooltip", "placeholder"):
            texts.append(getattr(control, attribute, None))
        if isinstance(control, (W.Label, W.HTML)):
            texts.append(control.value)
        if hasattr(control, "_options_labels"):
            texts += [label for label in control._options_labels if label not in CODE_OPTIONS]
        if isinstance(control, W.Accordion):
            texts += list(control.titles)
    texts += figure_texts(widget)
    texts.append(widget.summary())
    return [t for t in texts if t]


def figure_texts(widget):
    """The titles, labels and legend entries of the widget's own figure(s)."""
    view = widget.view
    figures = [v.fig for v in view.views.values()] if hasattr(view, "views") else [view.fig]
    texts = []
    for fig in figures:
        texts += [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))
                  if t.get_visible()]
    return texts


def plain(text):
    """A text as read: HTML tags, entities and the sources' titles (cited in English) removed."""
    text = re.sub(r"<small>.*?</small>", lambda m: m.group(0).split(":")[0], str(text), flags=re.S)
    text = re.sub(r"\$[^$]*\$", " ", text)              # mathtext tick labels such as 10^-5
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def untranslated(texts):
    """The texts that read as English: words without Hangul, or English prose left over."""
    problems = []
    for text in dict.fromkeys(plain(t) for t in texts):
        if wordless(text):
            continue
        if not has_hangul(text) or english_left(text, allowed=ALLOWED):
            problems.append(text)
    return problems


def test_the_checks_can_fail():
    assert untranslated(["epoch 3 · step 2", "Play"]) == ["epoch 3 · step 2", "Play"]
    assert untranslated(["에포크 3 · 스텝 2", "relu", "0.50", "(1, 2)"]) == []
    assert untranslated(["정확도 0.9 · the network is right"]) == ["정확도 0.9 · the network is right"]


@pytest.mark.parametrize("name", WIDGETS)
def test_every_widget_speaks_korean_before_and_after_using_every_control(korean, name, data,
                                                                        xor_run):
    widget = build(name, data, xor_run)
    first = visible_texts(widget)
    assert any(has_hangul(t) for t in first)
    later = press_and_move_everything(widget)
    assert untranslated(first + later) == []


@pytest.mark.parametrize("name", WIDGETS)
def test_every_label_fits_its_description_width(korean, name, data, xor_run):
    """At about 14 px per Hangul character and 7 px per other one, with 8 px to spare."""
    widget = build(name, data, xor_run)
    for control in controls(widget):
        description = getattr(control, "description", "")
        width = getattr(getattr(control, "style", None), "description_width", None)
        if description and not isinstance(control, W.Button) and width is not None:
            room = 80 if width == "" else None if width == "initial" else int(width[:-2])
            needed = sum(14 if has_hangul(c) else 7 for c in description)
            assert room is None or needed + 8 <= room, (description, width)
        if isinstance(control, W.Button) and control.layout.width and description:
            needed = sum(14 if has_hangul(c) else 7 for c in description)
            assert needed <= int(control.layout.width[:-2]), (description, control.layout.width)


# ----- particular moments ------------------------------------------------------------------------
def test_play_and_pause_labels_are_korean(korean):
    s = TrainingStepper(n_points=60, hidden=[3])
    assert s.play_button.description == "재생"
    s.play()
    assert s.play_button.description == "일시 정지"
    s.pause()
    assert [b.description for b in (s.step_button, s.epoch_button, s.play_button,
                                    s.reset_button)] == ["한 스텝", "에포크", "재생", "처음으로"]


@pytest.mark.parametrize("text, words", [
    ("x,y,label\n" + "\n".join(f"{k},{k % 3},0" for k in range(20)), "클래스가 하나뿐"),
    ("x,y,label\n" + "\n".join(f"{k},{k % 3},{k % 9}" for k in range(20)), "너무 큽니다"),
    ("x,y,label\n0,0,0\n1,1,1\n2,2,0", "적어도 8개"),
])
def test_a_bad_csv_is_refused_in_korean_in_the_status_line(korean, text, words):
    s = TrainingStepper(n_points=60, hidden=[3])
    assert s.load_csv(text) is False
    status = plain(s.status.value)
    assert "CSV를 불러오지 못했습니다" in status and words in status
    assert untranslated([status]) == [] and s.status.style.text_color == "#b00020"


def test_stop_conditions_and_bad_settings_speak_korean(korean):
    s = TrainingStepper(n_points=60, hidden=[3], max_epochs=1)
    s.step_epoch()
    assert s.stop_reason.startswith("멈춤: 에포크 한도 1")
    s.hidden_text.value = "8, x"             # a learner's typo in the hidden-layers box
    assert "문제: 은닉층 '8, x'" in plain(s.status.value)
    content = b"x,y,label\n1,2,0\n"
    when = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    s.upload.value = ({"name": "p.csv", "type": "text/csv", "size": len(content),
                       "content": memoryview(content), "last_modified": when},)
    assert "CSV를 불러오지 못했습니다" in plain(s.status.value)
    with pytest.raises(ValueError, match="알 수 없는 설정 'colour'"):
        s.set("colour", 3)
    assert untranslated([s.status.value]) == []
    wild = TrainingStepper(n_points=60, hidden=[3], optimizer="sgd", lr=10.0)
    wild.step_epoch()
    assert wild.diverged and "처음으로 버튼을 누르고" in wild.status.value
    assert untranslated([wild.status.value]) == []


def test_rule_texts_are_korean_and_english_rule_texts_unchanged(korean):
    w = RuleBuilder(rules=("if x > 0 and y < 1 then black",))
    assert w.rule_select.options[0][0].startswith("0. 만약 x > 0")
    assert w._rule_lines()[-1] == "그 밖에는 흰색"
    w.remove_button.click()
    assert w.status.value == "'만약 x > 0, y < 1 이면 검은색' 규칙을 삭제했습니다."
    assert w.remove_button.disabled
    with pytest.raises(ValueError, match="삭제할 규칙이 없습니다"):
        w.remove_rule()
    w.add_button.click()
    assert untranslated([w.status.value, w.accuracy_label.value]) == []


def test_english_is_unchanged():
    s = TrainingStepper(n_points=60, hidden=[3])
    assert [b.description for b in (s.step_button, s.epoch_button, s.play_button,
                                    s.reset_button)] == ["Step", "Epoch", "Play", "Reset"]
    assert s.status.value.startswith("epoch 0 · step 0 · train loss ")
    assert s.dataset_dropdown.options[0] == ("running example", "running example")
    assert s.load_csv("x,y,label\n0,0,0\n1,1,1\n2,2,0") is False
    assert s.status.value.endswith("CSV not loaded: only 3 points; the stepper needs at least 8 "
                                   "to split them into training and test points.")
    w = RuleBuilder(rules=("if x > 0 and y < 1 then black",))
    rule = w.rule_list.rules[0]
    assert w._rule_lines()[:-1] == w.rule_list.lines()[:-1] == ["0. " + rule.text(w.label_names)]
    assert w._rule_lines()[-1] == w.rule_list.lines()[-1] == "otherwise white"
    assert fit_width("90px", "steps/picture") == "90px" and fit_width(None, "Reset") is None
    assert fit_width("70px", "옵티마이저", extra=8) == "78px"
    assert WidgetCheck().label.value.startswith("slope = 1.0 · button clicked 0 time(s)")


@pytest.mark.parametrize("name", WIDGETS)
def test_korean_figures_stay_readable(korean, name, data, xor_run):
    """No text under 10 px, no figure wider than the output area, no legend over the data."""
    from helpers.plots.core import figure_problems
    widget = build(name, data, xor_run)
    view = widget.view
    for view in view.views.values() if hasattr(view, "views") else [view]:
        view.png()
        assert figure_problems(view.fig) == []
