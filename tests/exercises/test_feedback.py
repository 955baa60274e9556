"""The shared answer-reading rules and the Feedback kinds every checker uses."""
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from helpers.exercises import feedback as fb
from helpers.exercises.feedback import AnswerError


# ----- Feedback ----------------------------------------------------------------------------------
def test_three_kinds_render_distinctly_as_text_and_html():
    good, bad = fb.correct("fine."), fb.not_yet("no.", "try this.")
    neutral = fb.compare("not marked.", "one possible answer")
    assert good and not bad and not neutral
    assert (good.kind, bad.kind, neutral.kind) == ("correct", "not yet", "compare")
    assert repr(good) == "✓ Correct: fine."
    assert repr(bad) == "✗ Not yet: no. Hint: try this."
    assert repr(neutral).startswith("◆ Compare with the worked answer: not marked.")
    assert "one possible answer" in repr(neutral)
    colours = [f._repr_html_().split("solid ")[1][:7] for f in (good, bad, neutral)]
    assert len(set(colours)) == 3
    assert "<pre" in neutral._repr_html_() and "Hint" not in neutral._repr_html_()
    assert "&lt;b&gt;" in fb.not_yet("<b>").\
        _repr_html_()                                   # learner text is escaped


def test_no_answer_text_is_stable():
    # the notebooks are committed with answer = None: their stored outputs show this text
    assert fb.NO_ANSWER == "no answer yet: replace None with your answer and run the cell again."


def test_checker_turns_reading_errors_and_surprises_into_not_yet():
    @fb.checker
    def check(answer):
        if answer == "boom":
            raise KeyError("surprise")
        return fb.correct(f"{fb.read_number(answer):g}")
    assert check("1/4") and check("1/4").message == "0.25"
    unreadable = check("abc")
    assert not unreadable and "should be a number" in unreadable.message and unreadable.hint
    surprise = check("boom")
    assert not surprise and "could not be checked (KeyError" in surprise.message


# ----- numbers -----------------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [0.25, "0.25", " 0.25 ", "1/4", " 1 / 4 ", Fraction(1, 4),
                                    Decimal("0.25"), np.float32(0.25), [0.25], np.array([0.25]),
                                    "25%", "2.5e-1", ".25"])
def test_numbers_in_any_form(answer):
    assert fb.read_number(answer) == pytest.approx(0.25)


def test_unicode_minus_and_integers():
    assert fb.read_number("−1.1") == -1.1            # the minus sign of word processors
    assert fb.read_number(np.int64(3)) == 3.0


@pytest.mark.parametrize("answer, words", [
    (True, "got True"), ("", "empty text"), ("abc", "got the text 'abc'"),
    (float("nan"), "not a usable number"), ("inf", "should be a number"),
    (np.inf, "not a usable number"), ("1/0", "divides by zero"), ([1, 2], "got a list"),
    (None, "got a NoneType"), ({"a": 1}, "got a dict"), (1 + 2j, "got a complex"),
    ("x" * 500, "should be a number"),
])
def test_junk_numbers_raise_answer_errors_with_hints(answer, words):
    with pytest.raises(AnswerError) as error:
        fb.read_number(answer)
    assert words in error.value.message and error.value.hint
    assert len(error.value.message) < 200


def test_one_tolerance_two_decimals():
    assert fb.TOLERANCE == 0.005 and fb.TOLERANCE_NOTE == "2 decimals are enough"
    assert fb.close(0.33, 1 / 3) and fb.close(0.334, 1 / 3) and fb.close(0.3333, 1 / 3)
    assert not fb.close(0.34, 1 / 3) and not fb.close(0.32, 1 / 3)
    assert fb.close(1.05, 0.8 - 0.1 * -2.5)           # float error never matters


@pytest.mark.parametrize("answer, share, note", [
    (0.44, 0.44, ""), ("0.44", 0.44, ""), (44, 0.44, "looks like a percentage"),
    ("44 %", 0.44, ""), ("44%", 0.44, ""), (1, 1.0, ""), (100, 1.0, "looks like a percentage"),
    (Fraction(11, 25), 0.44, ""),
])
def test_shares_and_percentages(answer, share, note):
    value, said = fb.read_share(answer)
    assert value == pytest.approx(share)
    assert (note in said) if note else said == ""


@pytest.mark.parametrize("answer", [-0.1, 101, "150 %"])
def test_shares_outside_0_to_100_percent(answer):
    with pytest.raises(AnswerError, match="between 0 and 1"):
        fb.read_share(answer)


# ----- lists, texts and words --------------------------------------------------------------------
@pytest.mark.parametrize("answer", [[0.6, 1.0], (0.6, 1.0), "0.6, 1.0", "[0.6, 1]", "(0.6,1)",
                                    "0.6 1.0", np.array([0.6, 1.0]), ("0.6", "1"), [[0.6], 1.0]])
def test_lists_tuples_and_comma_separated_text_are_the_same(answer):
    assert fb.read_numbers(answer) == [0.6, 1.0]


def test_read_numbers_counts_and_limits():
    assert fb.read_numbers(((1.5, 0.0), 1.0), 3) == [1.5, 0.0, 1.0]
    with pytest.raises(AnswerError, match="3 numbers \\(w1, w2, b\\); got 2"):
        fb.read_numbers((1, 2), 3, names="(w1, w2, b)")
    with pytest.raises(AnswerError, match="more than 1000 items"):
        fb.read_numbers([1] * 10**6)
    with pytest.raises(AnswerError, match="characters long"):
        fb.read_items("1," * 10**5)
    with pytest.raises(AnswerError, match="item 2 of the answer is nan"):
        fb.read_numbers([1, float("nan")])
    assert fb.read_items(iter(range(3))) == [0, 1, 2]
    assert fb.read_items(5) == [5]


def test_text_ignores_case_and_spacing():
    assert fb.read_text("  Pixel[4, 4]  <  0.3 ") == fb.read_text("pixel[4,4] < 0.3")
    assert fb.read_text("Otherwise   White") == "otherwise white"
    with pytest.raises(AnswerError, match="should be text"):
        fb.read_text(3)
    with pytest.raises(AnswerError, match="characters long"):
        fb.read_text("a" * 10**5)


@pytest.mark.parametrize("answer", [["R3", "R12"], ("r3", " R12 "), "R3, R12", "r3 r12",
                                    "R3 -> R12", "[R3, R12]", "R3 → R12"])
def test_words_in_any_form(answer):
    assert fb.read_words(answer) == ["r3", "r12"]


def test_short_keeps_messages_short():
    assert fb.short("abc") == "'abc'"
    assert len(fb.short(list(range(10**5)))) <= 60
