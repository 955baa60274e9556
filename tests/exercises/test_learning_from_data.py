"""Checkers of notebook 02: worked solutions in several forms pass, typical mistakes get a hint
that is true for them, junk is turned down."""
import numpy as np
import pytest

from helpers import scoreboard
from helpers.exercises import learning_from_data as ex
from helpers.search import Memorizer, ThresholdRule, accuracy

from ._junk import JUNK, assert_turns_down

CHECKS = [ex.check_error_count, ex.check_best_y_rule, ex.check_memorizer_scores]


@pytest.mark.parametrize("check", CHECKS)
def test_no_answer(check):
    feedback = check(None)
    assert repr(feedback).startswith("✗ Not yet: no answer yet") and feedback.hint


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("name", sorted(JUNK))
def test_junk(check, name):
    assert_turns_down(check, JUNK[name])


# ----- exercise 1 --------------------------------------------------------------------------------
def test_error_count_solution_and_forms():
    tiny_X, tiny_y = ex.tiny_data()
    # hand count: x > 0.5 says black for 0.9, 0.7, 1.4, 0.6; wrong at x = 0.7 and x = 0.3
    worked = int(np.sum(ex.TINY_RULE.predict(tiny_X) != tiny_y))
    assert worked == 2 and ex.check_error_count(worked)
    for answer in (2.0, "2", " 2 ", [2], np.int64(2)):
        assert ex.check_error_count(answer), answer


def test_error_count_mistakes():
    assert "gets right" in ex.check_error_count(6).message
    assert "looks like a share" in ex.check_error_count(0.25).message
    assert "is a percentage, not a count" in ex.check_error_count("25%").message
    assert "differ" in ex.check_error_count(3).hint
    assert "whole number" in ex.check_error_count(2.5).message


# ----- exercise 2 --------------------------------------------------------------------------------
def solution_best_y_rule():
    X_train, y_train, _, _ = scoreboard.running_example_split()
    best_score, answer = -1.0, None
    for t in np.unique(X_train[:, 1]):
        for above in (0, 1):
            rule = ThresholdRule(1, float(t), above)
            score = accuracy(y_train, rule.predict(X_train))
            if score > best_score:
                best_score, answer = score, rule
    return answer, best_score


def test_best_y_rule_solution_and_forms():
    answer, best = solution_best_y_rule()
    assert f"{best:.3f}" == "0.753"
    assert ex.check_best_y_rule(answer)
    assert ex.check_best_y_rule((1, answer.threshold, answer.above))
    assert ex.check_best_y_rule(f"1, {answer.threshold}, {answer.above}")


def test_best_y_rule_hints_fit_the_rule():
    answer, _ = solution_best_y_rule()
    assert "feature 0" in ex.check_best_y_rule(ThresholdRule(0, 0.77)).message
    flipped = ex.check_best_y_rule(ThresholdRule(1, answer.threshold, 1 - answer.above))
    assert f"other direction (above={answer.above})" in flipped.hint and "0.753" in flipped.hint
    # a rule that calls every point black: flipping it would not help, so it is not suggested
    everything_black = ex.check_best_y_rule(ThresholdRule(1, -10.0))
    assert "every threshold" in everything_black.hint
    assert "ThresholdRule" in ex.check_best_y_rule(0.6).message


# ----- exercise 3 --------------------------------------------------------------------------------
def memorizer_solution():
    X_train, y_train, X_test, y_test = scoreboard.running_example_split()
    memo = Memorizer(seed=0).fit(X_train, y_train)
    return memo.score(X_train, y_train), memo.score(X_test, y_test)


def test_memorizer_solution_and_forms():
    train, test = memorizer_solution()
    assert (train, round(test, 2)) == (1.0, 0.44)
    for answer in [(train, test), [1, 0.44], "1.0, 0.44", (100, 44), ("100 %", "44 %"),
                   {"training": 1.0, "test": 0.44}]:
        assert ex.check_memorizer_scores(answer), answer
    assert "looks like a percentage" in ex.check_memorizer_scores((100, 44)).message


def test_memorizer_mistakes():
    train, test = memorizer_solution()
    assert "swapped" in ex.check_memorizer_scores((test, train)).message
    assert "miracle" in ex.check_memorizer_scores((1.0, 1.0)).hint
    assert "training accuracy" in ex.check_memorizer_scores((0.8, test)).message
    assert "2 decimals are enough" in ex.check_memorizer_scores((1.0, 0.6)).hint
    assert "pair" in ex.check_memorizer_scores(0.5).message
