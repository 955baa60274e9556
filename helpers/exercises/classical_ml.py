"""Exercise checkers for notebook 04, classical machine learning.

Numbers are read with the course's reading rules (:mod:`helpers.exercises.feedback`): as text or
fractions ("1/3"), lists, tuples or "1.5, 0, 1" alike, and right when they match to 2 decimals.
Exercise 4 (scikit-learn's ``C``) is optional, in the notebook's "going further" section.
"""

import numpy as np

from .. import datasets
from ..classical import LogisticRegression, WithFeatures, sklearn_C
from ..i18n import _
from .feedback import (NO_ANSWER as _NO_ANSWER, TOLERANCE_NOTE, checker, close, correct,
                       not_yet, read_number, read_numbers)

__all__ = ["check_perceptron_update", "check_split_impurity", "check_circle_features",
           "check_sklearn_C", "PERCEPTRON_START", "SPLIT_COUNTS"]


#: Exercise 1: the perceptron's weights and bias, the point it sees, and the point's class.
PERCEPTRON_START = {"w": (0.5, -1.0), "b": 0.0, "lr": 1.0, "x": (1.0, 1.0), "label": 1}

#: Exercise 2: class counts (white, black) in the two groups a candidate split makes.
SPLIT_COUNTS = {"left": (5, 1), "right": (1, 1)}


def _gini(counts):
    counts = np.asarray(counts, dtype=float)
    return 1.0 - float(np.sum((counts / counts.sum()) ** 2))


@checker
def check_perceptron_update(answer):
    """Exercise 1: the weights and bias (w1, w2, b) after the perceptron sees one point.
    ``((w1, w2), b)`` and ``"1.5, 0, 1"`` are read like ``(w1, w2, b)``."""
    if answer is None:
        return not_yet(_(_NO_ANSWER), _("Start with the score w · x + b of the point."))
    values = np.array(read_numbers(answer, 3, "the answer", "(w1, w2, b)"))
    w, b = np.array(PERCEPTRON_START["w"]), PERCEPTRON_START["b"]
    x, lr = np.array(PERCEPTRON_START["x"]), PERCEPTRON_START["lr"]
    score = float(w @ x + b)
    right = np.append(w + lr * x, b + lr)

    def same(a, b):
        return all(close(u, v) for u, v in zip(a, b))

    if same(values, right):
        return correct(_("the score was {score:g}, so a black point sat on the white side; the "
                         "rule adds the point to w and 1 to b, which turns the line towards "
                         "it.").format(score=score))
    if same(values, np.append(w, b)):
        return not_yet(_("that is the starting line: the perceptron did change something."),
                       _("The score w · x + b is {score:g}. Is that the right sign for a black "
                         "(class 1) point?").format(score=score))
    if same(values, np.append(w - lr * x, b - lr)):
        return not_yet(_("you moved the line away from the point."),
                       _("For a missed point of class 1 the rule *adds* lr · x to w and lr to "
                         "b."))
    if same(values[:2], right[:2]):
        return not_yet(_("the weights are right, the bias is not."),
                       _("The bias moves too: b changes by +lr for a missed class-1 point."))
    if close(values[2], right[2]):
        return not_yet(_("the bias is right, the weights are not."),
                       _("Each weight changes by lr times the matching coordinate of the "
                         "point."))
    return not_yet(_("not the values the rule gives."),
                   _("Compute the score w · x + b. If it is <= 0 for a class-1 point, add lr · x "
                     "to w and lr to b."))


@checker
def check_split_impurity(answer):
    """Exercise 2: the size-weighted Gini impurity of the split in SPLIT_COUNTS ("1/3" and 0.33
    are read alike: 2 decimals are enough)."""
    if answer is None:
        return not_yet(_(_NO_ANSWER), _("Gini impurity of a group is 1 minus the sum of squared "
                                        "class shares."))
    value = read_number(answer)
    left, right = SPLIT_COUNTS["left"], SPLIT_COUNTS["right"]
    n_left, n_right = sum(left), sum(right)
    g_left, g_right = _gini(left), _gini(right)
    weighted = (n_left * g_left + n_right * g_right) / (n_left + n_right)
    parent = _gini(np.add(left, right))
    if close(value, weighted):
        return correct(_("{weighted:.3f}: lower than the {parent:.3f} of the unsplit group, so "
                         "this question makes the groups purer and a tree could ask it.").format(
                           weighted=weighted, parent=parent))
    if close(value, (g_left + g_right) / 2):
        return not_yet(_("that is the plain average of the two sides."),
                       _("Weight each side by its share of the points: the left group has "
                         "{n_left} of the {n} points.").format(n_left=n_left,
                                                               n=n_left + n_right))
    if close(value, parent):
        return not_yet(_("that is the impurity before the split."),
                       _("Compute each side's impurity separately, then combine them."))
    if close(value, g_left) or close(value, g_right):
        return not_yet(_("that is the impurity of one side only."),
                       _("Combine both sides, each weighted by its number of points."))
    return not_yet(_("{value:.3f} is not the weighted impurity ({note}).").format(
                       value=value, note=_(TOLERANCE_NOTE)),
                   _("For each side: 1 - (share of white)² - (share of black)²; then "
                     "(n_left · gini_left + n_right · gini_right) / n."))


@checker
def check_circle_features(answer):
    """Exercise 3: at most three hand-made features that let a straight line solve circles."""
    if answer is None:
        return not_yet(_(_NO_ANSWER), _("Write a function: def features(X): return ..."))
    if not callable(answer):
        return not_yet(_("the answer should be a function that takes X and returns new "
                         "columns."), _("For example: answer = lambda X: X ** 2"))
    X, y = datasets.circles(400, noise=0.1, seed=7)
    X_train, y_train, X_test, y_test = datasets.train_test_split(X, y, seed=7)
    model = WithFeatures(LogisticRegression(l2=1e-3), answer)
    try:
        model.fit(X_train, y_train)
    except Exception as exc:              # the learner's function failed: say how
        return not_yet(_("training with your features failed: {error}").format(error=exc),
                       _("Use X[:, 0] for x and X[:, 1] for y, and return an array with one "
                         "row per point."))
    if not np.all(np.isfinite(model.mean_)):
        return not_yet(_("your features contain nan or inf values."),
                       _("Check for divisions by zero or logarithms of 0 in your function."))
    n_features = model.mean_.shape[0]
    if n_features > 3:
        return not_yet(_("your function makes {n} features; use at most 3.").format(
                           n=n_features),
                       _("The point is to find a *small* set that captures the rings' shape."))
    accuracy = model.score(X_test, y_test)
    if accuracy >= 0.95:
        return correct(_("test accuracy {accuracy:.3f} with {n} feature(s). A line in your "
                         "features is a circle in the plane.").format(accuracy=accuracy,
                                                                      n=n_features))
    return not_yet(_("test accuracy {accuracy:.3f}; it needs at least 0.95.").format(
                       accuracy=accuracy),
                   _("What number is small for every point of the inner ring and large for the "
                     "outer ring? Think of the distance to the centre, or x² + y²."))


@checker
def check_sklearn_C(answer):
    """Exercise 4 (optional, "going further"): scikit-learn's C for l2 = 0.01 on 300 training
    points. "1/3", 0.33 and 1 / (0.01 * 300) are all read as the same answer."""
    if answer is None:
        return not_yet(_(_NO_ANSWER), _("Compare the two objectives: mean loss plus a penalty, "
                                        "and C times the summed loss plus a penalty."))
    value = read_number(answer)
    l2, n = 0.01, 300
    right = sklearn_C(l2, n)
    if close(value, right):
        return correct(_("C = 1 / (l2 · n) = {right:.4f}: scikit-learn adds up the loss over "
                         "the points where we average it, so its C also absorbs n.").format(
                           right=right))
    if close(value, 1 / l2) or close(value, 2 / l2):
        return not_yet(_("that would be right if scikit-learn averaged the loss."),
                       _("scikit-learn *sums* the loss over the 300 points; divide by n as "
                         "well."))
    if close(value, l2 * n):
        return not_yet(_("C is an *inverse* penalty: a larger C means a weaker penalty."),
                       _("Take 1 over that number."))
    return not_yet(_("{value:g} is not the matching C ({note}).").format(
                       value=value, note=_(TOLERANCE_NOTE)),
                   _("Divide scikit-learn's objective by C · n and compare it with ours, "
                     "mean loss + l2/2 · |w|²."))
