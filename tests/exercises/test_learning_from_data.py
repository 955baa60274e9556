import numpy as np

from helpers import scoreboard
from helpers.exercises import learning_from_data as ex
from helpers.search import Memorizer, ThresholdRule, accuracy


def test_error_count_solution_and_hints():
    tiny_X, tiny_y = ex.tiny_data()
    # hand count: x > 0.5 says black for 0.9, 0.7, 1.4, 0.6; wrong at x = 0.7 and x = 0.3
    assert ex.check_error_count(2)
    assert ex.check_error_count(int(np.sum(ex.TINY_RULE.predict(tiny_X) != tiny_y)))
    assert "no answer yet" in repr(ex.check_error_count(None))
    assert "right" in ex.check_error_count(6).message
    assert "share" in ex.check_error_count(0.25).message
    assert "differ" in ex.check_error_count(3).hint
    assert "whole number" in ex.check_error_count("2").message


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


def test_best_y_rule_solution_and_hints():
    answer, best = solution_best_y_rule()
    assert ex.check_best_y_rule(answer)
    assert f"{best:.3f}" == "0.753"
    assert "no answer yet" in repr(ex.check_best_y_rule(None))
    assert "feature 0" in ex.check_best_y_rule(ThresholdRule(0, 0.77)).message
    flipped = ThresholdRule(1, answer.threshold, above=1 - answer.above)
    assert "other direction" in ex.check_best_y_rule(flipped).hint
    assert "every threshold" in ex.check_best_y_rule(ThresholdRule(1, -1.0)).hint
    assert "ThresholdRule" in ex.check_best_y_rule(0.6).message


def test_memorizer_solution_and_hints():
    X_train, y_train, X_test, y_test = scoreboard.running_example_split()
    memo = Memorizer(seed=0).fit(X_train, y_train)
    answer = (memo.score(X_train, y_train), memo.score(X_test, y_test))
    assert ex.check_memorizer_scores(answer)
    assert "swapped" in ex.check_memorizer_scores(answer[::-1]).message
    assert "miracle" in ex.check_memorizer_scores((1.0, 1.0)).hint
    assert "training accuracy" in ex.check_memorizer_scores((0.8, answer[1])).message
    assert "pair" in ex.check_memorizer_scores(0.5).message
    assert "no answer yet" in repr(ex.check_memorizer_scores(None))
