"""helpers.classical against scikit-learn, hand computations and finite differences."""
import time
import warnings

import numpy as np
import pytest
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression as SkLogisticRegression
from sklearn.linear_model import Perceptron as SkPerceptron

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
    ours = Perceptron(max_iter=epochs, shuffle=False).fit(X_train, y_train)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        theirs = SkPerceptron(max_iter=epochs, tol=None, shuffle=False).fit(X_train, y_train)
    np.testing.assert_allclose(ours.coef_, theirs.coef_, atol=1e-10)
    np.testing.assert_allclose(ours.intercept_, theirs.intercept_, atol=1e-10)


def test_perceptron_refuses_three_classes_and_has_no_probabilities():
    X, y = datasets.gaussians(60, 3, seed=0)
    with pytest.raises(ValueError, match="two classes.*LogisticRegression"):
        Perceptron().fit(X, y)
    model = Perceptron().fit(*datasets.two_class_points(40, seed=0))
    assert not hasattr(model, "predict_proba")          # as in scikit-learn: no such method


def test_perceptron_seed_controls_the_visiting_order():
    X_train, y_train, _, _ = running()
    a = Perceptron(max_iter=5, seed=1).fit(X_train, y_train).coef_
    b = Perceptron(max_iter=5, seed=1).fit(X_train, y_train).coef_
    c = Perceptron(max_iter=5, seed=2).fit(X_train, y_train).coef_
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
    t = model.loss_.prepare(y, len(X), outputs)        # the targets as training uses them
    _, (gW, gb) = model._loss_and_gradients(X, t, W, b)
    nW = central_difference(lambda w: model._loss_and_gradients(X, t, w, b)[0], W)
    nb = central_difference(lambda c: model._loss_and_gradients(X, t, W, c)[0], b)
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
    with pytest.raises(TypeError, match="different types"):
        make().fit(X_train[:2], np.array(["cat", 1], dtype=object))
    with pytest.raises(ValueError, match="NaN or infinite"):
        make().fit(X_train, np.where(y_train == 1, np.inf, 0.0))


@pytest.mark.parametrize("build, error, words", [
    (lambda: KNearestNeighbors(0), ValueError, "at least 1"),
    (lambda: KNearestNeighbors(2.5), TypeError, "whole number"),
    (lambda: DecisionTree(max_depth=0), ValueError, "at least 1"),
    (lambda: DecisionTree(min_samples_split=1), ValueError, "at least 2"),
    (lambda: LogisticRegression(l2=-1), ValueError, ">= 0"),
    (lambda: LogisticRegression(lr=0), ValueError, "> 0"),
    (lambda: LogisticRegression(optimizer="newton"), ValueError, "unknown optimizer"),
    (lambda: Perceptron(max_iter=0), ValueError, "at least 1"),
])
def test_bad_hyper_parameters(build, error, words):
    model = build()                     # stored unchanged, as in scikit-learn; fit checks them
    with pytest.raises(error, match=words):
        model.fit(*datasets.two_class_points(20, seed=0))


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


# ----- divergence, the shared rule (helpers.training) -------------------------------------------
@pytest.mark.parametrize("optimizer", ["sgd", "adam", "rmsprop", SGD(lr=1000.0, momentum=0.9)],
                         ids=repr)
def test_digits_with_lr_1000_raise_divergence_error(optimizer):
    X_train, y_train, _, _ = scoreboard.digits_split()
    model = LogisticRegression(l2=1e-3, optimizer=optimizer, lr=1000.0)
    with pytest.raises(DivergenceError, match=r"training diverged.*lr=1000.*smaller") as error:
        model.fit(X_train, y_train)
    assert "NaN" not in str(error.value) or "became NaN" in str(error.value)
    assert len(model.loss_curve_) < 5               # stopped at once, not after 3000 steps


def test_an_exploding_loss_that_stays_finite_is_divergence():
    # the loss rises far above its start without ever becoming NaN or infinite
    X_train, y_train, _, _ = scoreboard.digits_split()
    model = LogisticRegression(optimizer="sgd", lr=30.0, max_iter=50)
    with pytest.raises(DivergenceError, match="jumped to") as error:
        model.fit(X_train, y_train)
    assert np.all(np.isfinite(model.loss_curve_))
    assert max(model.loss_curve_) <= 10 * model.loss_curve_[0]   # the last recorded was fine
    assert "lr=30" in str(error.value)


def test_mini_batch_training_uses_the_shared_batches():
    from helpers.training import minibatches

    X_train, y_train, _, _ = running()
    model = LogisticRegression(l2=0.01, optimizer="sgd", lr=0.1, batch_size=32, max_iter=3,
                               tol=0.0, seed=4).fit(X_train, y_train)
    # the same training written out with helpers.training.minibatches
    W, b = np.zeros((2, 1)), np.zeros(1)
    rng, opt = np.random.default_rng(4), SGD(lr=0.1)
    t = model.loss_.prepare(y_train, len(X_train), 1)
    for _ in range(3):
        for rows in minibatches(len(X_train), 32, rng):
            opt.step([W, b], model._loss_and_gradients(X_train[rows], t[rows], W, b)[1])
    np.testing.assert_allclose(model.coef_, W.T)
    np.testing.assert_allclose(model.intercept_, b)


def test_nan_in_the_targets_is_an_input_error_not_divergence():
    X_train, y_train, _, _ = running()
    y = y_train.astype(float)
    y[5] = np.nan
    with pytest.raises(ValueError, match="y contains NaN") as error:
        LogisticRegression(lr=1000.0).fit(X_train, y)
    assert not isinstance(error.value, DivergenceError)
    X = X_train.copy()
    X[3, 1] = np.inf
    with pytest.raises(ValueError, match="NaN or infinite"):
        LogisticRegression().fit(X, y_train)


def test_warm_start_goes_on_from_the_last_weights():
    X_train, y_train, _, _ = running()
    cold = LogisticRegression(l2=1e-4).fit(X_train, y_train)
    model = LogisticRegression(l2=1e-2, warm_start=True).fit(X_train, y_train)
    model.set_params(l2=1e-4).fit(X_train, y_train)
    assert model.converged_ and model.n_iter_ < cold.n_iter_
    np.testing.assert_allclose(model.predict_proba(X_train), cold.predict_proba(X_train),
                               atol=1e-3)
    # without warm_start every fit starts from zero
    again = LogisticRegression(l2=1e-4).fit(X_train, y_train).fit(X_train, y_train)
    assert again.n_iter_ == cold.n_iter_


def test_perceptron_with_minus_one_and_one_equals_sklearn():
    X_train, y_train, _, _ = running()
    signs = np.where(y_train == 1, 1, -1)
    ours = Perceptron(max_iter=5, shuffle=False).fit(X_train, signs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        theirs = SkPerceptron(max_iter=5, tol=None, shuffle=False).fit(X_train, signs)
    assert ours.classes_.tolist() == theirs.classes_.tolist() == [-1, 1]
    np.testing.assert_allclose(ours.coef_, theirs.coef_)
    assert np.array_equal(ours.predict(X_train), theirs.predict(X_train))


def test_old_names_still_import_from_classical():
    from helpers import neighbours_and_trees, with_features
    assert classical.KNearestNeighbors is neighbours_and_trees.KNearestNeighbors
    assert classical.DecisionTree is neighbours_and_trees.DecisionTree
    assert classical.gini is neighbours_and_trees.gini
    assert classical.WithFeatures is with_features.WithFeatures
    assert classical.FEATURE_MAPS is with_features.FEATURE_MAPS
    assert set(classical.__all__) <= set(dir(classical))
