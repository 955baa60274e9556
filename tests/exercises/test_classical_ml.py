"""Checkers of notebook 04: worked solutions pass, typical mistakes get the intended hint."""
import numpy as np
import pytest
from sklearn.linear_model import Perceptron as SkPerceptron

from helpers.exercises import classical_ml as ex

from ._junk import JUNK, assert_turns_down


@pytest.mark.parametrize("check", [ex.check_perceptron_update, ex.check_split_impurity,
                                   ex.check_circle_features, ex.check_sklearn_C])
def test_missing_answer_gets_a_friendly_not_yet(check):
    feedback = check(None)
    assert not feedback and repr(feedback).startswith("✗ Not yet: no answer yet")
    assert "Not yet" in feedback._repr_html_()


@pytest.mark.parametrize("check", [ex.check_perceptron_update, ex.check_split_impurity,
                                   ex.check_circle_features, ex.check_sklearn_C])
@pytest.mark.parametrize("name", sorted(JUNK))
def test_junk(check, name):
    assert_turns_down(check, JUNK[name])


def test_one_tolerance_for_the_same_number():
    # 1/3 is the answer of exercises 2 and 4: 0.33 is read the same way in both
    for answer in (0.33, "0.33", "1/3", 0.3333):
        assert ex.check_split_impurity(answer) and ex.check_sklearn_C(answer), answer
    assert not ex.check_split_impurity(0.34) and not ex.check_sklearn_C(0.34)


def test_optional_exercise_is_marked():
    doc = ex.check_sklearn_C.__doc__
    assert "optional" in doc and "going further" in doc


# ----- 1: perceptron update ---------------------------------------------------------------------
@pytest.mark.parametrize("answer", [(1.5, 0.0, 1.0), np.array([1.5, 0.0, 1.0]), [1.5, 0, 1],
                                    "1.5, 0, 1", ((1.5, 0.0), 1.0), ("3/2", "0", "1")])
def test_perceptron_solution_passes(answer):
    # worked solution: score = 0.5 - 1 + 0 = -0.5 <= 0 for class 1 -> add x to w and 1 to b
    assert ex.check_perceptron_update(answer)


def test_perceptron_solution_equals_sklearn_after_one_point():
    # independent reference: scikit-learn's perceptron, started from the exercise's weights
    start = ex.PERCEPTRON_START
    # (a second, zero-weight copy of the point only gives scikit-learn its second class)
    model = SkPerceptron(max_iter=1, tol=None, shuffle=False, eta0=start["lr"])
    model.fit([start["x"], start["x"]], [start["label"], 1 - start["label"]],
              coef_init=np.array([start["w"]]), intercept_init=np.array([start["b"]]),
              sample_weight=[1.0, 0.0])
    assert ex.check_perceptron_update((*model.coef_[0], model.intercept_[0]))


@pytest.mark.parametrize("answer, words", [
    ((0.5, -1.0, 0.0), "starting line"),
    ((-0.5, -2.0, -1.0), "away from the point"),
    ((1.5, 0.0, 0.0), "bias moves too"),
    ((0.5, -1.0, 1.0), "bias is right, the weights are not"),
    ((9, 9, 9), "score w · x + b"),
    ((1.5, 0.0), "3 numbers (w1, w2, b)"),
    ("w grows", "3 numbers"),
])
def test_perceptron_typical_mistakes(answer, words):
    feedback = ex.check_perceptron_update(answer)
    assert not feedback and words in repr(feedback)


# ----- 2: weighted Gini impurity ----------------------------------------------------------------
def test_split_solution_passes():
    gini_left = 1 - (5 / 6) ** 2 - (1 / 6) ** 2
    gini_right = 1 - 0.5 ** 2 - 0.5 ** 2
    assert ex.check_split_impurity((6 * gini_left + 2 * gini_right) / 8)
    assert ex.check_split_impurity(1 / 3)       # the same number, by hand
    from fractions import Fraction
    assert ex.check_split_impurity(Fraction(1, 3))
    assert ex.check_split_impurity(" 1 / 3 ")


@pytest.mark.parametrize("answer, words", [
    ((0.2778 + 0.5) / 2, "plain average"),
    (0.375, "before the split"),
    (0.5, "one side only"),
    (0.9, "not the weighted impurity"),
    ("a third", "should be a number"),
])
def test_split_typical_mistakes(answer, words):
    feedback = ex.check_split_impurity(answer)
    assert not feedback and words in repr(feedback)


# ----- 3: features for circles ------------------------------------------------------------------
@pytest.mark.parametrize("solution", [lambda X: X ** 2,
                                      lambda X: X[:, 0] ** 2 + X[:, 1] ** 2,
                                      lambda X: np.hypot(X[:, 0], X[:, 1])])
def test_circle_solutions_pass(solution):
    feedback = ex.check_circle_features(solution)
    assert feedback, repr(feedback)


@pytest.mark.parametrize("answer, words", [
    (lambda X: X, "needs at least 0.95"),
    (lambda X: X[:, 0] ** 2, "needs at least 0.95"),
    (lambda X: np.column_stack([X, X ** 2, X ** 3]), "at most 3"),
    (lambda X: X[:10], "failed"),
    (lambda X: X[:, 2], "failed"),
    ("x**2 + y**2", "should be a function"),
])
def test_circle_typical_mistakes(answer, words):
    feedback = ex.check_circle_features(answer)
    assert not feedback and words in repr(feedback)


# ----- 4: scikit-learn's C ----------------------------------------------------------------------
def test_sklearn_C_solution_passes_and_matches_sklearn():
    assert ex.check_sklearn_C(1 / (0.01 * 300))
    assert ex.check_sklearn_C("1/3") and ex.check_sklearn_C(0.333)
    # independent reference: scikit-learn with that C and our model with l2 = 0.01 agree
    from sklearn.linear_model import LogisticRegression as SkLogistic
    from helpers import datasets
    from helpers.classical import LogisticRegression
    X, y = datasets.circles(300, noise=0.1, seed=3)
    ours = LogisticRegression(l2=0.01).fit(X, y)
    theirs = SkLogistic(C=1 / 3, tol=1e-10, max_iter=10_000).fit(X, y)
    np.testing.assert_allclose(ours.predict_proba(X)[:, 1], theirs.predict_proba(X)[:, 1],
                               atol=2e-3)


@pytest.mark.parametrize("answer, words", [
    (100.0, "sums"),
    (3.0, "inverse"),
    (0.01, "not the matching C"),
    (None, "no answer yet"),
    ([1, 2], "should be a number"),
])
def test_sklearn_C_typical_mistakes(answer, words):
    feedback = ex.check_sklearn_C(answer)
    assert not feedback and words in repr(feedback)
