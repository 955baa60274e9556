"""helpers.classical against scikit-learn, hand computations and finite differences."""
import time
import warnings

import numpy as np
import pytest
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression as SkLogisticRegression
from sklearn.linear_model import Perceptron as SkPerceptron
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler
from sklearn.tree import DecisionTreeClassifier, export_text

from helpers import classical, datasets, scoreboard
from helpers.classical import (DecisionTree, KNearestNeighbors, LogisticRegression,
                               NotFittedError, Perceptron, WithFeatures)
from helpers.losses import BinaryCrossEntropy, SoftmaxCrossEntropy
from helpers.models import DivergenceError
from helpers.optimizers import SGD, Adam
from tests.reference import central_difference, relative_error


def running():
    return scoreboard.running_example_split()


def three_blobs():
    X, y = datasets.gaussians(300, 3, 0.8, seed=1)
    return datasets.train_test_split(X, y, seed=1)


def small_digits():
    X_train, y_train, X_test, y_test = scoreboard.digits_split()
    return X_train[:400], y_train[:400], X_test[:200], y_test[:200]


# ----- perceptron -----------------------------------------------------------------------------
def test_perceptron_separates_separable_data():
    X, y = datasets.two_class_points(200, noise=0.0, seed=3)
    model = Perceptron(seed=0).fit(X, y)
    assert model.converged_ and model.mistakes_[-1] == 0 and model.mistakes_[0] > 0
    assert model.score(X, y) == 1.0
    # every point strictly on its own side of the line
    assert np.all(np.where(y == 1, 1, -1) * model.decision_function(X) > 0)


def test_perceptron_rule_by_hand():
    # point 1 (class 1) has score 0 -> mistake: w = (1, 0), b = 1;
    # point 2 (class 0) has score 1 -> mistake: w = (1, -1), b = 0; next epoch: no mistakes.
    X, y = np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([1, 0])
    model = Perceptron(shuffle=False).fit(X, y)
    assert model.coef_.tolist() == [[1.0, -1.0]] and model.intercept_.tolist() == [0.0]
    assert model.mistakes_ == [2, 0] and model.n_iter_ == 2


@pytest.mark.parametrize("epochs", [1, 3, 10])
def test_perceptron_weights_equal_sklearn_epoch_by_epoch(epochs):
    X_train, y_train, _, _ = running()
    ours = Perceptron(max_epochs=epochs, shuffle=False).fit(X_train, y_train)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        theirs = SkPerceptron(max_iter=epochs, tol=None, shuffle=False).fit(X_train, y_train)
    np.testing.assert_allclose(ours.coef_, theirs.coef_, atol=1e-10)
    np.testing.assert_allclose(ours.intercept_, theirs.intercept_, atol=1e-10)


def test_perceptron_refuses_three_classes_and_probabilities():
    X, y = datasets.gaussians(60, 3, seed=0)
    with pytest.raises(ValueError, match="two classes.*LogisticRegression"):
        Perceptron().fit(X, y)
    model = Perceptron().fit(*datasets.two_class_points(40, seed=0))
    with pytest.raises(AttributeError, match="no probabilities"):
        model.predict_proba(np.zeros((1, 2)))


def test_perceptron_seed_controls_the_visiting_order():
    X_train, y_train, _, _ = running()
    a = Perceptron(max_epochs=5, seed=1).fit(X_train, y_train).coef_
    b = Perceptron(max_epochs=5, seed=1).fit(X_train, y_train).coef_
    c = Perceptron(max_epochs=5, seed=2).fit(X_train, y_train).coef_
    assert np.array_equal(a, b) and not np.array_equal(a, c)


# ----- logistic regression ----------------------------------------------------------------------
@pytest.mark.parametrize("l2", [0.1, 0.01, 0.001])
def test_binary_logistic_regression_matches_sklearn(l2):
    X_train, y_train, X_test, _ = running()
    ours = LogisticRegression(l2=l2, tol=1e-8, max_iter=20_000).fit(X_train, y_train)
    theirs = SkLogisticRegression(C=1 / (l2 * len(X_train)), tol=1e-12, max_iter=10_000)
    theirs.fit(X_train, y_train)
    assert ours.converged_
    assert ours.coef_.shape == theirs.coef_.shape == (1, 2)
    np.testing.assert_allclose(ours.predict_proba(X_test), theirs.predict_proba(X_test),
                               atol=1e-5)
    np.testing.assert_allclose(ours.coef_, theirs.coef_, atol=1e-4)
    assert np.array_equal(ours.predict(X_test), theirs.predict(X_test))


@pytest.mark.parametrize("data", [three_blobs, small_digits])
def test_multinomial_logistic_regression_matches_sklearn(data):
    X_train, y_train, X_test, _ = data()
    l2 = 0.01
    ours = LogisticRegression(l2=l2, tol=1e-7, max_iter=20_000).fit(X_train, y_train)
    theirs = SkLogisticRegression(C=1 / (l2 * len(X_train)), tol=1e-12, max_iter=10_000)
    theirs.fit(X_train, y_train)
    assert ours.converged_ and isinstance(ours.loss_, SoftmaxCrossEntropy)
    assert ours.coef_.shape == theirs.coef_.shape
    np.testing.assert_allclose(ours.predict_proba(X_test), theirs.predict_proba(X_test),
                               atol=1e-4)
    np.testing.assert_allclose(ours.predict_proba(X_test).sum(axis=1), 1.0)


def test_logistic_objective_no_worse_than_sklearn_solution():
    """Our final loss is the penalised objective, and it is as low as sklearn's optimum."""
    X_train, y_train, _, _ = running()
    l2 = 0.01
    ours = LogisticRegression(l2=l2, tol=1e-8, max_iter=20_000).fit(X_train, y_train)
    theirs = SkLogisticRegression(C=1 / (l2 * len(X_train)), tol=1e-12, max_iter=10_000)
    theirs.fit(X_train, y_train)
    p = theirs.predict_proba(X_train)[np.arange(len(y_train)), y_train]
    objective = -np.mean(np.log(p)) + 0.5 * l2 * np.sum(theirs.coef_ ** 2)
    assert ours.loss_curve_[-1] <= objective + 1e-9
    assert ours.loss_curve_[-1] == pytest.approx(objective, abs=1e-7)


@pytest.mark.parametrize("n_classes", [2, 3])
def test_logistic_gradients_match_finite_differences(n_classes):
    X, y = datasets.gaussians(40, n_classes, 1.0, seed=2)
    model = LogisticRegression(l2=0.3).fit(X, y)       # sets loss_
    rng = np.random.default_rng(0)
    outputs = 1 if n_classes == 2 else n_classes
    W, b = rng.normal(size=(2, outputs)), rng.normal(size=outputs)
    _, (gW, gb) = model._loss_and_gradients(X, y, W, b)
    nW = central_difference(lambda w: model._loss_and_gradients(X, y, w, b)[0], W)
    nb = central_difference(lambda c: model._loss_and_gradients(X, y, W, c)[0], b)
    assert relative_error(gW, nW) < 1e-7 and relative_error(gb, nb) < 1e-7


def test_logistic_uses_the_course_losses_and_optimizers():
    X_train, y_train, _, _ = running()
    given = SGD(lr=0.5, momentum=0.9)
    model = LogisticRegression(l2=0.01, optimizer=given).fit(X_train, y_train)
    assert isinstance(model.loss_, BinaryCrossEntropy) and model.loss_.from_logits
    assert isinstance(model.optimizer_, SGD) and model.optimizer_ is not given
    assert given.state is None and model.optimizer is given     # the argument is left alone
    assert isinstance(LogisticRegression().fit(X_train, y_train).optimizer_, Adam)
    assert model.converged_ and model.loss_curve_[-1] < model.loss_curve_[0]


def test_logistic_regression_keeps_original_labels():
    X, y = datasets.two_class_points(100, seed=0)
    labels = np.where(y == 1, 7, 3)
    ours = LogisticRegression(l2=0.01).fit(X, labels)
    theirs = SkLogisticRegression(C=1 / (0.01 * len(X))).fit(X, labels)
    assert ours.classes_.tolist() == [3, 7]
    assert np.array_equal(ours.predict(X), theirs.predict(X))
    assert ours.score(X, labels) == pytest.approx(theirs.score(X, labels))


def test_mini_batches_are_reproducible_with_a_seed():
    X_train, y_train, _, _ = running()
    fit = lambda seed: LogisticRegression(l2=0.01, batch_size=32, max_iter=20,
                                          seed=seed).fit(X_train, y_train).coef_
    assert np.array_equal(fit(0), fit(0)) and not np.array_equal(fit(0), fit(1))


def test_logistic_regression_too_large_learning_rate_diverges_clearly():
    X_train, y_train, _, _ = running()
    with pytest.raises(DivergenceError, match="learning rate"):
        LogisticRegression(l2=1.0, optimizer="sgd", lr=1000.0).fit(X_train, y_train)


def test_unpenalised_logistic_regression_on_overlapping_classes():
    X_train, y_train, X_test, _ = running()
    ours = LogisticRegression(l2=0.0, tol=1e-8, max_iter=20_000).fit(X_train, y_train)
    theirs = SkLogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(X_train, y_train)
    np.testing.assert_allclose(ours.predict_proba(X_test), theirs.predict_proba(X_test),
                               atol=1e-4)


# ----- k nearest neighbours ---------------------------------------------------------------------
@pytest.mark.parametrize("data", [running, scoreboard.spiral_split, three_blobs,
                                  scoreboard.digits_split])
@pytest.mark.parametrize("k", [1, 4, 5, 15])
def test_knn_predictions_equal_sklearn(data, k):
    X_train, y_train, X_test, _ = data()
    ours = KNearestNeighbors(k).fit(X_train, y_train)
    theirs = KNeighborsClassifier(n_neighbors=k).fit(X_train, y_train)
    assert np.array_equal(ours.predict(X_test), theirs.predict(X_test))
    np.testing.assert_allclose(ours.predict_proba(X_test), theirs.predict_proba(X_test))


def test_knn_neighbours_and_distances_equal_sklearn():
    X_train, y_train, X_test, _ = running()
    ours = KNearestNeighbors(6).fit(X_train, y_train).kneighbors(X_test)
    theirs = KNeighborsClassifier(6).fit(X_train, y_train).kneighbors(X_test)
    np.testing.assert_allclose(ours[0], theirs[0], atol=1e-9)
    assert np.array_equal(ours[1], theirs[1])


def test_knn_vote_by_hand():
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [5.0, 5.0], [6.0, 5.0]])
    y = np.array([0, 0, 1, 1, 1])
    model = KNearestNeighbors(3).fit(X, y)
    # nearest three to (0.2, 0.2): (0,0), (1,0), (0,1) -> votes 0, 0, 1
    assert model.predict([[0.2, 0.2]]).tolist() == [0]
    np.testing.assert_allclose(model.predict_proba([[0.2, 0.2]]), [[2 / 3, 1 / 3]])
    assert model.predict([[5.5, 5.0]]).tolist() == [1]


def test_knn_k_larger_than_training_set():
    with pytest.raises(ValueError, match="larger than the training set"):
        KNearestNeighbors(10).fit(np.zeros((5, 2)) + np.arange(5)[:, None], [0, 1, 0, 1, 0])


# ----- decision tree ----------------------------------------------------------------------------
def test_gini_by_hand():
    assert classical.gini([6, 2]) == pytest.approx(1 - 0.75 ** 2 - 0.25 ** 2)
    assert classical.gini([5, 5]) == pytest.approx(0.5)
    assert classical.gini([4, 0]) == 0.0
    np.testing.assert_allclose(classical.gini([[1, 1, 1], [3, 0, 0]]), [2 / 3, 0.0])


@pytest.mark.parametrize("data", [running, scoreboard.spiral_split, three_blobs,
                                  scoreboard.digits_split])
@pytest.mark.parametrize("depth", [1, 2, 4, 8, None])
def test_tree_accuracy_in_line_with_sklearn(data, depth):
    X_train, y_train, X_test, y_test = data()
    ours = DecisionTree(max_depth=depth).fit(X_train, y_train)
    theirs = DecisionTreeClassifier(max_depth=depth, random_state=0).fit(X_train, y_train)
    assert abs(ours.score(X_train, y_train) - theirs.score(X_train, y_train)) <= 0.03
    assert abs(ours.score(X_test, y_test) - theirs.score(X_test, y_test)) <= 0.05
    if depth is not None:
        assert ours.depth_ <= depth


def test_tree_root_split_equals_sklearn():
    X_train, y_train, _, _ = scoreboard.digits_split()
    ours = DecisionTree(max_depth=1).fit(X_train, y_train)
    theirs = DecisionTreeClassifier(max_depth=1, random_state=0).fit(X_train, y_train).tree_
    assert ours.feature_[0] == theirs.feature[0]
    assert ours.threshold_[0] == pytest.approx(theirs.threshold[0])
    np.testing.assert_allclose(ours.impurity_, theirs.impurity)
    np.testing.assert_allclose(ours.value_ / ours.value_.sum(1, keepdims=True),
                               theirs.value[:, 0, :])


def test_tree_rules_read_like_sklearn_export_text():
    X, y = datasets.two_class_points(60, 0.3, seed=0)
    ours = DecisionTree(max_depth=2).fit(X, y)
    theirs = DecisionTreeClassifier(max_depth=2, random_state=0).fit(X, y)
    assert ours.export_text(["x", "y"]) == export_text(theirs, feature_names=["x", "y"])
    assert ours.export_text() == export_text(theirs)
    with pytest.raises(ValueError, match="one name per feature"):
        ours.export_text(["x"])


def test_full_tree_fits_distinct_training_points():
    X_train, y_train, _, _ = scoreboard.spiral_split()
    model = DecisionTree().fit(X_train, y_train)
    assert model.score(X_train, y_train) == 1.0
    assert model.n_leaves_ == np.sum(model.children_left_ == -1) >= 2
    assert np.all(model.impurity_[model.children_left_ == -1] == 0.0)


def test_tree_solves_xor_where_a_line_cannot():
    X, y = datasets.xor(300, 0.05, seed=0)
    X_train, y_train, X_test, y_test = datasets.train_test_split(X, y, seed=0)
    assert DecisionTree(max_depth=4).fit(X_train, y_train).score(X_test, y_test) >= 0.95
    assert LogisticRegression().fit(X_train, y_train).score(X_test, y_test) <= 0.7


def test_tree_with_identical_points_stops():
    X = np.zeros((6, 2))
    model = DecisionTree().fit(X, [0, 1, 0, 1, 0, 1])
    assert model.n_leaves_ == 1 and model.predict(X).tolist() == [0] * 6


# ----- hand-made features -----------------------------------------------------------------------
def test_squares_let_a_line_solve_circles():
    X, y = datasets.circles(300, 0.1, seed=0)
    X_train, y_train, X_test, y_test = datasets.train_test_split(X, y, seed=0)
    raw = WithFeatures(LogisticRegression(l2=1e-3), "x, y").fit(X_train, y_train)
    squares = WithFeatures(LogisticRegression(l2=1e-3), "x², y²").fit(X_train, y_train)
    assert raw.score(X_test, y_test) < 0.7 and squares.score(X_test, y_test) > 0.95


def test_with_features_matches_sklearn_pipeline():
    X_train, y_train, X_test, _ = scoreboard.spiral_split()
    l2 = 0.01
    ours = WithFeatures(LogisticRegression(l2=l2, tol=1e-8, max_iter=20_000),
                        "x, y, x², xy, y²").fit(X_train, y_train)
    theirs = make_pipeline(PolynomialFeatures(2, include_bias=False), StandardScaler(),
                           SkLogisticRegression(C=1 / (l2 * len(X_train)), tol=1e-12,
                                                max_iter=10_000)).fit(X_train, y_train)
    np.testing.assert_allclose(ours.predict_proba(X_test), theirs.predict_proba(X_test),
                               atol=1e-5)
    np.testing.assert_allclose(ours.transform(X_test), theirs[:2].transform(X_test))


def test_with_features_checks_its_feature_function():
    X, y = datasets.circles(40, seed=0)
    with pytest.raises(ValueError, match="one row per point"):
        WithFeatures(KNearestNeighbors(3), lambda X: X[:5]).fit(X, y)
    with pytest.raises(ValueError, match="unknown features"):
        WithFeatures(KNearestNeighbors(3), "x³")
    with pytest.raises(TypeError, match="course's models"):
        WithFeatures(KNeighborsClassifier(3), "x, y")
    model = WithFeatures(KNearestNeighbors(3), lambda X: X[:, 0] ** 2 + X[:, 1] ** 2).fit(X, y)
    assert model.transform(X).shape == (40, 1)


# ----- scikit-learn counterparts ----------------------------------------------------------------
def test_sklearn_C_conversion():
    assert classical.sklearn_C(0.01, 300) == pytest.approx(1 / 3)
    assert classical.sklearn_C(0.0, 300) == np.inf


@pytest.mark.parametrize("model", [Perceptron(shuffle=False), LogisticRegression(l2=0.01),
                                   KNearestNeighbors(7), DecisionTree(max_depth=3),
                                   WithFeatures(LogisticRegression(l2=0.01), "x², y²")])
def test_fit_sklearn_builds_the_matching_estimator(model):
    X_train, y_train, X_test, y_test = running()
    theirs = classical.fit_sklearn(model, X_train, y_train)
    params = theirs.get_params()
    if isinstance(model, LogisticRegression):
        assert params["C"] == pytest.approx(1 / (0.01 * len(X_train)))
    if isinstance(model, KNearestNeighbors):
        assert params["n_neighbors"] == 7
        ours = model.fit(X_train, y_train)
        assert np.array_equal(ours.predict(X_test), theirs.predict(X_test))
    if isinstance(model, DecisionTree):
        assert params["max_depth"] == 3
    ours = model.fit(X_train, y_train).score(X_test, y_test)
    assert abs(ours - theirs.score(X_test, y_test)) <= 0.05


# ----- conventions and clear errors -------------------------------------------------------------
ALL_MODELS = [Perceptron, LogisticRegression, KNearestNeighbors, DecisionTree,
              lambda: WithFeatures(LogisticRegression(), "x², y²")]


@pytest.mark.parametrize("make", ALL_MODELS)
def test_estimator_conventions(make):
    X_train, y_train, X_test, y_test = running()
    model = make()
    assert model.fit(X_train, y_train) is model
    assert model.n_features_in_ == 2 and model.classes_.tolist() == [0, 1]
    assert model.predict(X_test).shape == (len(X_test),)
    assert 0.8 <= model.score(X_test, y_test) <= 1.0
    assert type(model).__name__ in repr(model)


@pytest.mark.parametrize("make", ALL_MODELS)
def test_clear_errors(make):
    X_train, y_train, _, _ = running()
    with pytest.raises(NotFittedError, match=r"\.fit\(X_train, y_train\)"):
        make().predict(X_train)
    model = make().fit(X_train, y_train)
    with pytest.raises(ValueError, match="expects 2"):
        model.predict(np.zeros((3, 5)))
    with pytest.raises(ValueError, match="reshape"):
        model.predict(np.zeros(2))
    with pytest.raises(ValueError, match="NaN"):
        make().fit(np.full((4, 2), np.nan), [0, 1, 0, 1])
    with pytest.raises(ValueError, match="one label per row"):
        make().fit(X_train, y_train[:-1])
    with pytest.raises(ValueError, match="at least two different classes"):
        make().fit(X_train, np.zeros(len(X_train), dtype=int))
    with pytest.raises(TypeError, match="integer class labels"):
        make().fit(X_train[:2], ["cat", "dog"])


@pytest.mark.parametrize("build, error, words", [
    (lambda: KNearestNeighbors(0), ValueError, "at least 1"),
    (lambda: KNearestNeighbors(2.5), TypeError, "whole number"),
    (lambda: DecisionTree(max_depth=0), ValueError, "at least 1"),
    (lambda: DecisionTree(min_samples_split=1), ValueError, "at least 2"),
    (lambda: LogisticRegression(l2=-1), ValueError, ">= 0"),
    (lambda: LogisticRegression(lr=0), ValueError, "> 0"),
    (lambda: LogisticRegression(optimizer="newton"), ValueError, "unknown optimizer"),
    (lambda: Perceptron(max_epochs=0), ValueError, "at least 1"),
])
def test_bad_hyper_parameters(build, error, words):
    with pytest.raises(error, match=words):
        build()


def test_get_and_set_params():
    model = KNearestNeighbors(3)
    assert model.get_params() == {"k": 3}
    assert model.set_params(k=7).k == 7 and repr(model) == "KNearestNeighbors(k=7)"
    with pytest.raises(ValueError, match="no hyper-parameter 'n_neighbors'"):
        model.set_params(n_neighbors=3)
    assert repr(LogisticRegression(l2=0.01)) == "LogisticRegression(l2=0.01)"


# ----- scoreboard -------------------------------------------------------------------------------
def test_scoreboard_rows_and_their_cost():
    mine = [r for r in scoreboard.rows(upto=4) if r.notebook == 4]
    assert {r.task for r in mine} == {"running example", "spiral", "digits"}
    start = time.perf_counter()
    accuracy = {(r.task, r.approach): r.compute() for r in mine}
    assert time.perf_counter() - start < 3.0
    assert all(0.0 <= a <= 1.0 for a in accuracy.values())
    assert accuracy[("spiral", "logistic regression on x, y, x², xy, y²")] < 0.8
    assert accuracy[("digits", "logistic regression on the 64 pixels")] > 0.9
    assert accuracy[("running example", "logistic regression on x, y")] > 0.9
