"""Checkers for notebook 02 (learning from data).

Numbers may be given as text or fractions, accuracies as shares (0.44) or percentages (44), and
a pair as a tuple, a list or "1.0, 0.44": the course's reading rules in
:mod:`helpers.exercises.feedback`. Accuracies are right when they match to 2 decimals. A dict of
the pair may use the keys "train"/"test" or the Korean "훈련"/"테스트".
"""
import numpy as np

from .. import scoreboard
from ..i18n import N_, _
from ..search import Memorizer, ThresholdRule, accuracy, candidate_rules
from .feedback import (AnswerError, NO_ANSWER, TOLERANCE_NOTE, checker, close, correct,
                       not_yet, read_items, read_number, read_share, short)

__all__ = ["tiny_data", "TINY_RULE"]

#: Exercise 1: eight points and the rule whose mistakes you count.
_TINY_X = np.array([[0.9, 0.2], [0.1, 1.3], [0.7, -0.4], [0.3, 0.8],
                    [1.4, 1.0], [-0.2, -0.6], [0.6, 1.1], [0.4, -1.0]])
_TINY_Y = np.array([1, 0, 0, 1, 1, 0, 1, 0])
TINY_RULE = ThresholdRule(0, 0.5, above=1)


def tiny_data():
    """Eight points (x, y) and their expected answers (0 white, 1 black), for exercise 1."""
    return _TINY_X.copy(), _TINY_Y.copy()


@checker
def check_error_count(answer):
    """``answer``: how many of the eight points the rule "x > 0.5 → black" gets wrong."""
    if answer is None:
        return not_yet(_(NO_ANSWER), _("Compare the rule's answer with the expected answer "
                                       "point by point and count the disagreements."))
    if isinstance(answer, str) and answer.strip().endswith("%"):
        return not_yet(_("{value} is a percentage, not a count.").format(value=answer.strip()),
                       _("Count the points the rule gets wrong (a whole number from 0 to 8)."))
    value = read_number(answer)
    errors = int(np.sum(TINY_RULE.predict(_TINY_X) != _TINY_Y))
    right = len(_TINY_Y) - errors
    if 0 < value < 1:
        return not_yet(_("{value:g} looks like a share, not a count.").format(value=value),
                       _("Count the points the rule gets wrong (a whole number from 0 to 8)."))
    if not value.is_integer() or not 0 <= value <= len(_TINY_Y):
        return not_yet(_("{value:g} is not a count of points: it should be a whole number from "
                         "0 to 8.").format(value=value),
                       _("Count the points where the rule and the answer differ."))
    if value == errors:
        return correct(_("the rule gets {errors} of the 8 points wrong, so its accuracy is "
                         "{right}/8 = {accuracy:.3f}. Counting mistakes and measuring accuracy "
                         "are the same measure seen from two sides.").format(
                           errors=errors, right=right, accuracy=right / 8))
    if value == right:
        return not_yet(_("{value:g} is the number of points the rule gets right.").format(
                           value=value),
                       _("The question asks for the mistakes: points where the rule's answer "
                         "and the expected answer differ."))
    return not_yet(_("{value:g} is not the number of mistakes.").format(value=value),
                   _("The rule says black exactly when x > 0.5; write its answer beside each "
                     "expected answer (0 white, 1 black) and count where they differ. "
                     "x = 0.5 itself would count as white, but no point sits there."))


def _best_y_accuracy():
    X_train, y_train = scoreboard.running_example_split()[:2]
    rules = candidate_rules(X_train[:, [1]])
    return max(accuracy(y_train, r.predict(X_train[:, [1]])) for r in rules)


def _threshold_rule(answer):
    """A ThresholdRule, also from (feature, threshold, above) as a tuple, list or text."""
    if isinstance(answer, ThresholdRule):
        return answer
    try:
        feature, threshold, above = _three_numbers(answer)
    except AnswerError:
        raise AnswerError(_("expected a ThresholdRule, got {value}.").format(value=short(answer)),
                          _("Build it with ThresholdRule(1, threshold, above=...).")) from None
    if not feature.is_integer() or feature < 0 or above not in (0, 1):
        raise AnswerError(_("{value} is not (feature, threshold, above) with a feature number "
                            "and above 0 or 1.").format(value=short(answer)),
                          _("Build it with ThresholdRule(1, threshold, above=...)."))
    return ThresholdRule(int(feature), threshold, int(above))


def _three_numbers(answer):
    items = read_items(answer)
    if len(items) != 3:
        raise AnswerError("not three numbers")
    return [read_number(v) for v in items]


@checker
def check_best_y_rule(answer):
    """``answer``: a ThresholdRule on feature 1 (y) that is as good as any y-rule on the
    running example's training split (``(1, threshold, above)`` is read as that rule)."""
    if answer is None:
        return not_yet(_(NO_ANSWER), _("Loop over candidate thresholds for y, score each rule "
                                       "on the training data, and keep the best one."))
    rule = _threshold_rule(answer)
    if rule.feature != 1:
        return not_yet(_("this rule looks at feature {feature}, not at y.").format(
                           feature=rule.feature),
                       _("The exercise allows only y, which is feature number 1 (x is 0)."))
    X_train, y_train = scoreboard.running_example_split()[:2]
    mine = accuracy(y_train, rule.predict(X_train))
    best = _best_y_accuracy()
    if mine + 1e-12 < best:
        flipped = ThresholdRule(1, rule.threshold, above=1 - rule.above)
        flipped_accuracy = accuracy(y_train, flipped.predict(X_train))
        if flipped_accuracy > mine:
            hint = _("With the other direction (above={above}) the same threshold gets "
                     "{accuracy:.3f}: try both directions for every threshold.").format(
                         above=flipped.above, accuracy=flipped_accuracy)
        else:
            hint = _("Try every threshold between neighbouring y values, in both directions, "
                     "and keep the one with the highest accuracy.")
        return not_yet(_("your rule's training accuracy is {mine:.3f}; the best rule on y alone "
                         "reaches {best:.3f}.").format(mine=mine, best=best), hint)
    return correct(_("{rule} reaches {mine:.3f} on the training data, as good as any rule on y. "
                     "That is less than the best rule on x: which feature to look at was part "
                     "of what the search found.").format(rule=rule, mine=mine))


def _memorizer_scores():
    X_train, y_train, X_test, y_test = scoreboard.running_example_split()
    m = Memorizer(seed=0).fit(X_train, y_train)
    return m.score(X_train, y_train), m.score(X_test, y_test)


def _pair(answer):
    """(training, test) from a pair, "1.0, 0.44" or a dict with keys like "train" and "test"
    (or the Korean "훈련" and "테스트")."""
    if isinstance(answer, dict):
        keys = {str(k).strip().lower()[:4]: v for k, v in answer.items()}
        for korean, english in (("훈련", "trai"), ("테스트", "test")):
            found = [v for k, v in answer.items() if str(k).strip().startswith(korean)]
            if found and english not in keys:
                keys[english] = found[0]
        if set(keys) >= {"trai", "test"}:
            return keys["trai"], keys["test"]
    items = read_items(answer)
    if len(items) != 2:
        raise AnswerError(_("expected a pair (training accuracy, test accuracy)."),
                          _("Write answer = (train_accuracy, test_accuracy)."))
    return items


@checker
def check_memorizer_scores(answer):
    """``answer``: (training accuracy, test accuracy) of Memorizer(seed=0) fitted on the
    running example's training split. Shares or percentages; 2 decimals are enough."""
    if answer is None:
        return not_yet(_(NO_ANSWER), _("Fit Memorizer(seed=0) on the training data, then use "
                                       ".score on the training data and on the test data."))
    raw_train, raw_test = _pair(answer)
    train, note_train = read_share(raw_train, N_("the training accuracy"))
    test, note_test = read_share(raw_test, N_("the test accuracy"))
    true_train, true_test = _memorizer_scores()
    if close(train, true_test) and close(test, true_train):
        return not_yet(_("the two numbers are swapped."),
                       _("Training accuracy first, test accuracy second."))
    if not close(train, true_train):
        return not_yet(_("{value:.3f} is not the memoriser's training accuracy{note}.").format(
                           value=train, note=note_train),
                       _("It has stored every training point with its answer: how many can it "
                         "get wrong when asked about them again?"))
    if not close(test, true_test):
        hint = (_("A perfect score on new points would be a miracle: the test points are not in "
                  "its table.") if test >= 0.99 else
                _("Use memoriser.score(X_test, y_test) with the memoriser fitted on the "
                  "training data and seed=0 ({note}).").format(note=_(TOLERANCE_NOTE)))
        return not_yet(_("{value:.3f} is not the memoriser's test accuracy{note}.").format(
                           value=test, note=note_test), hint)
    return correct(_("perfect on the data it has seen ({train:.3f}) and a coin flip on new data "
                     "({test:.3f}){note}. Remembering is not learning: a rule is only useful if "
                     "it works on data it has not seen.").format(
                       train=true_train, test=true_test, note=note_train or note_test))
