"""Checkers of notebook 00: worked solutions in several forms pass, typical mistakes get a hint
that is true for them, junk is turned down."""
import pytest

from helpers.exercises import course_map as ex

from ._junk import JUNK, assert_turns_down

# The worked solutions of notebook 00, typed out independently of the checker's answer key.
FIELDS_SOLUTION = {
    "chess program whose moves come from rules its programmers wrote": "AI",
    "spam filter that learns how much each word counts from emails people labelled": "ML",
    "20-layer network that learns to read handwritten digits from examples": "DL",
    "expert system of 2,000 if-then rules a doctor dictated for diagnosing infections": "AI",
    "decision tree fitted to a bank's past loan decisions": "ML",
}
ROAD_MAP_SOLUTION = {"backpropagation": 6, "hand-written rules": 1,
                     "searching for a change of coordinates": 3, "the AI winters": 8}
CHESS = "chess program whose moves come from rules its programmers wrote"
TREE = "decision tree fitted to a bank's past loan decisions"


def test_the_answers_are_not_shown_to_the_learner():
    assert isinstance(ex.SYSTEMS, tuple) and set(ex.SYSTEMS) == set(FIELDS_SOLUTION)
    assert isinstance(ex.TOPICS, tuple) and set(ex.TOPICS) == set(ROAD_MAP_SOLUTION)


@pytest.mark.parametrize("check", [ex.check_fields, ex.check_road_map])
def test_no_answer(check):
    feedback = check(None)
    assert not feedback and feedback.message == ex.NO_ANSWER and feedback.hint


# ----- exercise 1 --------------------------------------------------------------------------------
def test_fields_worked_solution_and_other_forms():
    assert ex.check_fields(dict(FIELDS_SOLUTION))
    assert ex.check_fields({s.upper() + "  ": f.lower() for s, f in FIELDS_SOLUTION.items()})
    words = {"AI": "Artificial Intelligence", "ML": "machine learning", "DL": " Deep Learning"}
    assert ex.check_fields({s: words[f] for s, f in FIELDS_SOLUTION.items()})
    in_order = [FIELDS_SOLUTION[s] for s in ex.SYSTEMS]
    assert ex.check_fields(in_order)
    assert ex.check_fields(", ".join(in_order))


def test_fields_hints_fit_the_mix_up():
    chess_as_ml = ex.check_fields(dict(FIELDS_SOLUTION, **{CHESS: "ML"}))
    assert not chess_as_ml and "Nobody learned anything" in chess_as_ml.hint
    assert "4 of 5 are right" in chess_as_ml.message
    tree_as_dl = ex.check_fields(dict(FIELDS_SOLUTION, **{TREE: "DL"}))
    assert "not through many layers" in tree_as_dl.hint
    dl_as_ml = ex.check_fields({s: ("ML" if f == "DL" else f) for s, f in FIELDS_SOLUTION.items()})
    assert "narrower field" in dl_as_ml.hint
    tree_as_ai = ex.check_fields(dict(FIELDS_SOLUTION, **{TREE: "AI"}))
    assert "learned from data" in tree_as_ai.hint


def test_fields_other_wrong_forms():
    assert "not one of" in ex.check_fields({s: "NN" for s in ex.SYSTEMS}).message
    assert "have no answer" in ex.check_fields({}).message
    assert "list of 5 answers" in ex.check_fields(["AI", "ML"]).message


@pytest.mark.parametrize("name", sorted(JUNK))
def test_fields_junk(name):
    assert_turns_down(ex.check_fields, JUNK[name])


# ----- exercise 2 --------------------------------------------------------------------------------
def test_nesting_worked_solution_and_other_forms():
    assert ex.check_nesting(True, True, False)
    assert ex.check_nesting("yes", "Yes", "no")
    assert ex.check_nesting("True", " true", "False")
    assert ex.check_nesting(1, 1, 0)


def test_nesting_wrong_answers():
    assert "chess" in ex.check_nesting(True, True, True).hint
    assert "learn their rules" in ex.check_nesting(False, True, False).hint
    assert "ML ellipse" in ex.check_nesting(True, False, False).hint
    assert ex.check_nesting(None, True, False).message == ex.NO_ANSWER


@pytest.mark.parametrize("name", sorted(set(JUNK) - {"boolean"}))   # True is an answer here
def test_nesting_junk(name):
    assert_turns_down(ex.check_nesting, True, JUNK[name], False)


# ----- exercise 3 --------------------------------------------------------------------------------
def test_road_map_worked_solution_and_other_forms():
    assert ex.check_road_map(dict(ROAD_MAP_SOLUTION))
    assert ex.check_road_map(dict(ROAD_MAP_SOLUTION, backpropagation="06"))
    assert ex.check_road_map({"Backpropagation ": 6.0, "hand-written rules": "notebook 01",
                              "searching for a change of coordinates": "03_representations",
                              "the ai winters": 8})
    assert ex.check_road_map([ROAD_MAP_SOLUTION[t] for t in ex.TOPICS])


def test_road_map_wrong_answers():
    wrong = ex.check_road_map(dict(ROAD_MAP_SOLUTION, backpropagation=5))
    assert "notebook 05" in wrong.message and "road map" in wrong.hint
    assert "no notebook 12" in ex.check_road_map(dict(ROAD_MAP_SOLUTION,
                                                      backpropagation=12)).message
    assert "whole number" in ex.check_road_map(dict(ROAD_MAP_SOLUTION,
                                                    backpropagation=6.5)).message
    assert "one number for each topic" in ex.check_road_map({"backpropagation": 6}).message


@pytest.mark.parametrize("name", sorted(JUNK))
def test_road_map_junk(name):
    assert_turns_down(ex.check_road_map, JUNK[name])
