"""Checkers of notebook 08: worked solutions pass, typical mistakes get the intended hint."""
import pytest

from helpers import ai_history as history
from helpers.exercises import achievements_and_ai_winters as ex

from ._junk import JUNK, assert_turns_down

CHECKERS_OF_ONE = [ex.check_error_reduction, ex.check_first_year_below_human,
                   ex.check_event_order]


@pytest.mark.parametrize("check", CHECKERS_OF_ONE)
def test_missing_answer_gets_a_friendly_not_yet(check):
    feedback = check(None)
    assert not feedback and "no answer yet" in feedback.message
    assert repr(feedback).startswith("✗ Not yet: no answer yet")


@pytest.mark.parametrize("check", CHECKERS_OF_ONE)
@pytest.mark.parametrize("name", sorted(JUNK))
def test_junk(check, name):
    assert_turns_down(check, JUNK[name])


@pytest.mark.parametrize("name", sorted(JUNK))
def test_reflection_junk(name):
    assert_turns_down(ex.check_reflection, WHY, JUNK[name], NOT)


def test_reflection_missing_answer():
    feedback = ex.check_reflection(None, None, None)
    assert not feedback and "no answer yet" in feedback.message


# ----- 1 ----------------------------------------------------------------------------------------
def test_error_reduction_worked_solution_and_hand_value():
    r = {row.year: row.top5_error for row in history.IMAGENET_RESULTS}
    assert ex.check_error_reduction((r[2011] - r[2012]) / r[2011])      # the worked solution
    assert ex.check_error_reduction(0.364)                              # 9.4 / 25.8 by hand
    assert ex.check_error_reduction(36.4)                               # as a percentage
    assert "looks like a percentage" in ex.check_error_reduction(36.4).message
    for form in ("0.364", "36%", "36.4 %", "94/258", 0.36):
        assert ex.check_error_reduction(form), form
    assert not ex.check_error_reduction(0.37)
    assert not ex.check_error_reduction(0.30)


@pytest.mark.parametrize("answer, words", [
    (9.4, "percentage points"),                  # the absolute drop
    (9.4 / 16.4, "divides the drop by the 2012"),
    (16.4 / 25.8, "remained"),
    (25.8 / 16.4, "times larger"),
    ("about a third", "should be a number"),
    (True, "should be a number"),
    (0.30, "2 decimals are enough"),
])
def test_error_reduction_typical_mistakes(answer, words):
    feedback = ex.check_error_reduction(answer)
    assert not feedback and words in repr(feedback)


# ----- 2 ----------------------------------------------------------------------------------------
def test_first_year_below_human_worked_solution():
    first = next(r.year for r in history.IMAGENET_RESULTS
                 if r.top5_error < history.HUMAN_TOP5_ESTIMATE)
    assert first == 2015
    assert ex.check_first_year_below_human(first)
    assert ex.check_first_year_below_human(2015.0)
    assert ex.check_first_year_below_human("2015")
    assert ex.check_first_year_below_human(" 2015 ")


@pytest.mark.parametrize("answer, words", [
    (2014, "still above"), (2012, "still above"), (2009, "no ImageNet result"),
    ("MMXV", "should be a year"), (2015.5, "should be a year"),
])
def test_first_year_typical_mistakes(answer, words):
    feedback = ex.check_first_year_below_human(answer)
    assert not feedback and words in feedback.message


# ----- 3 ----------------------------------------------------------------------------------------
def test_event_order_worked_solution_in_several_spellings():
    assert ex.check_event_order("BDFAEC")
    assert ex.check_event_order("b d f a e c")
    assert ex.check_event_order(["B", "D", "F", "A", "E", "C"])
    assert ex.check_event_order("B, D, F, A, E, C")
    assert ex.check_event_order(("b", "d", "f", "a", "e", "c"))
    # the cards' years, by hand: 1956, 1969, 1980, 1986, 1989, 2012
    assert [ex.CARDS[c] for c in "BDFAEC"] == [1956, 1969, 1980, 1986, 1989, 2012]


@pytest.mark.parametrize("answer, words", [
    ("BDAFEC", "You put A"),                       # backprop before expert systems
    ("CEAFDB", "0 of 6"),                          # reversed
    ("BDFAE", "exactly once"),
    ("BDFAEZ", "Z is not a card"),
    ("BBFAEC", "missing: D"),
    (123, "as a string"),
])
def test_event_order_typical_mistakes(answer, words):
    feedback = ex.check_event_order(answer)
    assert not feedback and words in feedback.message


def test_event_order_hint_names_the_first_pair_out_of_order():
    feedback = ex.check_event_order("BDFAEC"[::-1])
    assert "C (AlexNet wins ImageNet) before E" in feedback.message


# ----- 4 ----------------------------------------------------------------------------------------
WHY = ("Early AI promised general intelligence but rules written by hand could not cope with "
       "perception, and computers were far too slow.")
NOW = ("Today there are huge labelled data sets like ImageNet, GPUs give far more compute, and "
       "better methods such as ReLU and good initialisation let deep networks train.")
NOT = ("Expectations can still run far ahead of what the systems do, and funding follows "
       "fashion, so disappointment could come again.")


def test_reflection_is_never_marked_right_or_wrong():
    feedback = ex.check_reflection(WHY, NOW, NOT)
    assert feedback.kind == "compare" and not feedback.passed
    assert "not marked" in feedback.message
    for text in ex.WORKED_REFLECTION.values():
        assert text in feedback.worked                  # the worked answer, shown to compare
    assert NOW in feedback.worked                       # beside the learner's own
    assert "◆ Compare with the worked answer" in repr(feedback)


def test_keywords_alone_earn_no_tick():
    stuffed = "data compute GPU algorithm backprop ImageNet ReLU dropout layer gradient"
    feedback = ex.check_reflection(stuffed, stuffed, stuffed)
    assert feedback.kind == "compare" and not feedback.passed


def test_sound_answers_in_other_words_are_not_failed():
    feedback = ex.check_reflection(
        WHY, "Graphics cards made training fast and cheap, the internet filled huge photo "
             "collections, and training tricks let very deep stacks learn.", NOT)
    assert feedback.kind == "compare" and not feedback.hint
    assert "data, hardware (compute) and better algorithms" in feedback.worked


@pytest.mark.parametrize("args, words", [
    ((WHY, NOW, None), "might_not_be is still None"),
    ((WHY, NOW, "hype"), "might_not_be has 1 word;"),
    ((WHY, NOW, "x" * 5000), "a sentence or two is enough"),
    (("too short", NOW, NOT), "why_failed has 2 words"),
    ((WHY, 42, NOT), "different_now should be text"),
])
def test_reflection_length_and_type_problems(args, words):
    feedback = ex.check_reflection(*args)
    assert not feedback and words in feedback.message


# ----- the notebook's worked solutions, run as written ----------------------------------------
def _notebook_solutions():
    import json
    import re
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "notebooks" / "08_achievements_and_ai_winters.ipynb"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    blocks = []
    for cell in cells:
        text = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and text.startswith("<details><summary>Solution"):
            blocks.append("\n".join(re.findall(r"```python\n(.*?)```", text, flags=re.S)))
    return blocks


def test_the_notebooks_worked_solutions_pass():
    blocks = _notebook_solutions()
    assert len(blocks) == 4
    checks = [lambda ns: ex.check_error_reduction(ns["answer"]),
              lambda ns: ex.check_first_year_below_human(ns["answer"]),
              lambda ns: ex.check_event_order(ns["answer"]),
              lambda ns: ex.check_reflection(ns["why_failed"], ns["different_now"],
                                             ns["might_not_be"])]
    for block, check in zip(blocks, checks):
        namespace = {"ai_history": history}
        exec(block, namespace)
        feedback = check(namespace)
        assert feedback or feedback.kind == "compare", block
