"""Checkers for notebook 02 (learning from data)."""

import numpy as np

from .. import scoreboard
from ..search import Memorizer, ThresholdRule, accuracy, candidate_rules
from .feedback import correct, not_yet, is_number as _number

__all__ = ["tiny_data", "TINY_RULE"]

#: Exercise 1: eight points and the rule whose mistakes you count.
_TINY_X = np.array([[0.9, 0.2], [0.1, 1.3], [0.7, -0.4], [0.3, 0.8],
                    [1.4, 1.0], [-0.2, -0.6], [0.6, 1.1], [0.4, -1.0]])
_TINY_Y = np.array([1, 0, 0, 1, 1, 0, 1, 0])
TINY_RULE = ThresholdRule(0, 0.5, above=1)


def tiny_data():
    """Eight points (x, y) and their expected answers (0 white, 1 black), for exercise 1."""
    return _TINY_X.copy(), _TINY_Y.copy()


def check_error_count(answer):
    """``answer``: how many of the eight points the rule "x > 0.5 → black" gets wrong."""
    if answer is None:
        return not_yet("no answer yet.", "Compare the rule's answer with the expected answer "
                                         "point by point and count the disagreements.")
    if not _number(answer):
        return not_yet(f"expected a whole number, got {type(answer).__name__}.",
                       "Write the count as a number, e.g. answer = 3.")
    errors = int(np.sum(TINY_RULE.predict(_TINY_X) != _TINY_Y))
    right = len(_TINY_Y) - errors
    if 0 < answer < 1:
        return not_yet(f"{answer} looks like a share, not a count.",
                       "Count the points the rule gets wrong (a whole number from 0 to 8).")
    if answer == errors:
        return correct(f"the rule gets {errors} of the 8 points wrong, so its accuracy is "
                       f"{right}/8 = {right / 8:.3f}. Counting mistakes and measuring accuracy "
                       f"are the same measure seen from two sides.")
    if answer == right:
        return not_yet(f"{answer} is the number of points the rule gets right.",
                       "The question asks for the mistakes: points where the rule's answer and "
                       "the expected answer differ.")
    return not_yet(f"{answer} is not the number of mistakes.",
                   "The rule says black exactly when x > 0.5; write its answer beside each "
                   "expected answer (0 white, 1 black) and count where they differ. "
                   "x = 0.5 itself would count as white, but no point sits there.")


def _best_y_accuracy():
    X_train, y_train, _, _ = scoreboard.running_example_split()
    rules = candidate_rules(X_train[:, [1]])
    return max(accuracy(y_train, r.predict(X_train[:, [1]])) for r in rules)


def check_best_y_rule(answer):
    """``answer``: a ThresholdRule on feature 1 (y) that is as good as any y-rule on the
    running example's training split."""
    if answer is None:
        return not_yet("no answer yet.", "Loop over candidate thresholds for y, score each rule "
                                         "on the training data, and keep the best one.")
    if not isinstance(answer, ThresholdRule):
        return not_yet(f"expected a ThresholdRule, got {type(answer).__name__}.",
                       "Build it with ThresholdRule(1, threshold, above=...).")
    if answer.feature != 1:
        return not_yet(f"this rule looks at feature {answer.feature}, not at y.",
                       "The exercise allows only y, which is feature number 1 (x is 0).")
    X_train, y_train, _, _ = scoreboard.running_example_split()
    mine = accuracy(y_train, answer.predict(X_train))
    best = _best_y_accuracy()
    if mine + 1e-12 < best:
        hint = ("Your rule is right less often than a coin flip: try the other direction "
                "(above=0 or 1)." if mine < 0.5 else
                "Try every threshold between neighbouring y values, in both directions, and keep "
                "the one with the highest accuracy.")
        return not_yet(f"your rule's training accuracy is {mine:.3f}; the best rule on y alone "
                       f"reaches {best:.3f}.", hint)
    return correct(f"{answer} reaches {mine:.3f} on the training data, as good as any rule "
                   f"on y. That is less than the best rule on x: which feature to look at "
                   f"was part of what the search found.")


def _memorizer_scores():
    X_train, y_train, X_test, y_test = scoreboard.running_example_split()
    m = Memorizer(seed=0).fit(X_train, y_train)
    return m.score(X_train, y_train), m.score(X_test, y_test)


def check_memorizer_scores(answer):
    """``answer``: (training accuracy, test accuracy) of Memorizer(seed=0) fitted on the
    running example's training split."""
    if answer is None:
        return not_yet("no answer yet.", "Fit Memorizer(seed=0) on the training data, then use "
                                         ".score on the training data and on the test data.")
    try:
        train, test = answer
    except (TypeError, ValueError):
        return not_yet("expected a pair (training accuracy, test accuracy).",
                       "Write answer = (train_accuracy, test_accuracy).")
    if not (_number(train) and _number(test)):
        return not_yet("both accuracies should be numbers between 0 and 1.")
    true_train, true_test = _memorizer_scores()
    if np.isclose(train, true_test, atol=0.005) and np.isclose(test, true_train, atol=0.005):
        return not_yet("the two numbers are swapped.",
                       "Training accuracy first, test accuracy second.")
    if not np.isclose(train, true_train, atol=0.005):
        return not_yet(f"{train:.3f} is not the memoriser's training accuracy.",
                       "It has stored every training point with its answer: how many can it get "
                       "wrong when asked about them again?")
    if not np.isclose(test, true_test, atol=0.005):
        hint = ("A perfect score on new points would be a miracle: the test points are not in "
                "its table." if test >= 0.99 else
                "Use memoriser.score(X_test, y_test) with the memoriser fitted on the training "
                "data and seed=0.")
        return not_yet(f"{test:.3f} is not the memoriser's test accuracy.", hint)
    return correct(f"perfect on the data it has seen ({true_train:.3f}) and a coin flip on new "
                   f"data ({true_test:.3f}). Remembering is not learning: a rule is only useful "
                   f"if it works on data it has not seen.")
