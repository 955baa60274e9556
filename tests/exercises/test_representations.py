"""Checkers of notebook 03: worked solutions in several forms pass, typical mistakes get a hint
that is true for them, the search's own answer is not taken as the learner's, junk is turned
down."""
import pytest

from helpers import scoreboard
from helpers.exercises import representations as ex
from helpers.search import CoordinateSearch, change_coordinates, x_rule_accuracy

from ._junk import JUNK, assert_turns_down

CHECKS = [ex.check_red_box, ex.check_vivid_threshold, ex.check_coordinate_change,
          ex.check_search_test_accuracy]


@pytest.mark.parametrize("check", CHECKS)
def test_no_answer(check):
    feedback = check(None)
    assert repr(feedback).startswith("✗ Not yet: no answer yet") and feedback.hint


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("name", sorted(JUNK))
def test_junk(check, name):
    assert_turns_down(check, JUNK[name])


# ----- exercise 1 --------------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [
    {"R": (0.6, 1.0), "G": (0.0, 0.4), "B": (0.0, 0.4)},             # the worked solution
    {"r": [0.6, 1], "green": "0, 0.4", "B": ("0", "2/5")},
    [(0.6, 1.0), (0.0, 0.4), (0.0, 0.4)],
    {"R": (1.0, 0.6), "G": (0.4, 0.0), "B": (0.0, 0.4)},             # ranges in either order
])
def test_red_box_solution_and_forms(answer):
    assert ex.check_red_box(answer)


def test_red_box_hints():
    too_wide = ex.check_red_box({"R": (0.5, 1.0), "G": (0.0, 0.6), "B": (0.0, 0.4)})
    assert not too_wide and "orange" in too_wide.message and "Narrow" in too_wide.hint
    too_narrow = ex.check_red_box({"R": (0.8, 1.0), "G": (0.0, 0.4), "B": (0.0, 0.4)})
    assert not too_narrow and "miss" in too_narrow.message and "widen" in too_narrow.hint
    bytes_scale = ex.check_red_box({"R": (153, 255), "G": (0, 102), "B": (0, 102)})
    assert "0 to 255" in bytes_scale.message and "Divide by 255" in bytes_scale.hint
    assert "not a channel" in ex.check_red_box({"X": (0, 1)}).message
    assert not ex.check_red_box([0.6, 1.0])


# ----- exercise 2 --------------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [0.45, "0.45", "45 %", 45, "9/20"])
def test_vivid_threshold_solution_and_forms(answer):
    assert ex.check_vivid_threshold(answer)


def test_vivid_threshold_hints():
    assert "Lower" in ex.check_vivid_threshold(0.7).hint
    low = ex.check_vivid_threshold(0.1)
    assert "pink" in low.message and "Raise" in low.hint
    assert "between 0 and 1" in ex.check_vivid_threshold(300).message
    assert "between 0 and 1" in ex.check_vivid_threshold(-0.2).message


# ----- exercise 3 --------------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [(-40, -1.1, 0.0), "-40, -1.1, 0", "(−40, −1.1, 0)",
                                    (-40, -1.1), {"angle": -40, "dx": -1.1, "dy": 0},
                                    (-42, -1.0, 0.0), (-40, -1.1, 2.5), (320, -1.1, 0)])
def test_coordinate_change_solution_and_forms(answer):
    assert ex.check_coordinate_change(answer), answer


def test_coordinate_change_accepts_an_explorer_the_learner_moved():
    from helpers.widgets import CoordinateExplorer
    explorer = CoordinateExplorer()
    assert not ex.check_coordinate_change(explorer)            # it starts unsolved
    explorer.set_transform(-40, -1.1, 0.0)
    assert ex.check_coordinate_change(explorer)


def test_the_search_answer_is_not_the_learners_own():
    X_train, y_train, _, _ = scoreboard.running_example_split()
    search = CoordinateSearch(n_steps=200, seed=0).fit(X_train, y_train)   # as in the notebook
    printed = (round(search.angle_, 1), round(search.shift_[0], 2), 0.0)   # (-41.9, -0.99, 0)
    for answer in [(search.angle_, *search.shift_), printed]:
        feedback = ex.check_coordinate_change(answer)
        assert not feedback and "automatic search" in feedback.message
        assert "sliders" in feedback.hint


def test_coordinate_change_hints_are_true_for_the_answer():
    X_train, y_train, _, _ = scoreboard.running_example_split()
    backwards = ex.check_coordinate_change((140, 1.1, 0.0))
    acc = x_rule_accuracy(change_coordinates(X_train, 140, 1.1), y_train)
    flipped = x_rule_accuracy(change_coordinates(X_train, 140 - 180, -1.1), y_train)
    assert "180" in backwards.hint and f"{1 - acc:.3f}" in backwards.hint
    assert f"{flipped:.3f}" == f"{1 - acc:.3f}"                       # the promise holds
    wrong_angle = ex.check_coordinate_change((0, 0, 0))
    assert "no shift reaches 0.95" in wrong_angle.hint
    shift_left = ex.check_coordinate_change((-40, 0.0, 0.0))
    assert "angle is good" in shift_left.hint and "left (smaller)" in shift_left.hint
    assert x_rule_accuracy(change_coordinates(X_train, -40, -1.1), y_train) >= 0.95
    shift_right = ex.check_coordinate_change((-40, -3.0, 0.0))
    assert "right (larger)" in shift_right.hint
    assert "three numbers" in ex.check_coordinate_change((1, 2, 3, 4)).message


# ----- exercise 4 --------------------------------------------------------------------------------
def test_search_test_accuracy_solution_forms_and_hints():
    X_train, y_train, X_test, y_test = scoreboard.running_example_split()
    search = CoordinateSearch(n_steps=200, seed=0).fit(X_train, y_train)
    answer = x_rule_accuracy(search.transform(X_test), y_test)          # the worked solution
    for form in (answer, round(answer, 2), str(answer), 100 * answer, f"{100 * answer:.1f} %"):
        assert ex.check_search_test_accuracy(form), form
    training = ex.check_search_test_accuracy(search.train_accuracy_)
    assert "training points" in training.message
    other = ex.check_search_test_accuracy(0.5)
    assert "not the test accuracy" in other.message and "2 decimals are enough" in other.hint
