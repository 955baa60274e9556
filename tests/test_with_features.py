"""helpers.with_features: hand-made features in front of a model, against scikit-learn."""
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression as SkLogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

from helpers import datasets, scoreboard
from helpers.classical import KNearestNeighbors, LogisticRegression, Perceptron
from helpers.with_features import WithFeatures


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
        WithFeatures(KNearestNeighbors(3), "x³").fit(X, y)
    with pytest.raises(TypeError, match="course's models"):
        WithFeatures(KNeighborsClassifier(3), "x, y").fit(X, y)
    model = WithFeatures(KNearestNeighbors(3), lambda X: X[:, 0] ** 2 + X[:, 1] ** 2).fit(X, y)
    assert model.transform(X).shape == (40, 1)


def test_nested_hyper_parameters_reach_the_model():
    model = WithFeatures(LogisticRegression(l2=0.1), "x², y²")
    assert model.get_params()["model__l2"] == 0.1
    model.set_params(model__l2=0.5, features="x, y")
    assert model.model.l2 == 0.5 and model.features == "x, y"
    with pytest.raises(ValueError, match="no hyper-parameter 'C'"):
        model.set_params(model__C=1.0)


def test_probabilities_only_when_the_model_has_them():
    X, y = datasets.circles(60, seed=0)
    assert not hasattr(WithFeatures(Perceptron()).fit(X, y), "predict_proba")
    model = WithFeatures(LogisticRegression(l2=0.01), "x², y²").fit(X, y)
    np.testing.assert_allclose(model.predict_proba(X),
                               model.model.predict_proba(model.transform(X)))
    np.testing.assert_allclose(model.decision_function(X),
                               model.model.decision_function(model.transform(X)))
