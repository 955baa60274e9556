"""The course's learners inside scikit-learn's own tools, and scikit-learn's estimator checks.

scikit-learn's developer guide asks a compatible estimator to pass
``sklearn.utils.estimator_checks``; every check runs here except those listed in OUT_OF_SCOPE,
each with the reason. The rest of the file tries what a learner with scikit-learn habits does:
clone, cross_val_score, GridSearchCV, Pipeline with StandardScaler, labels of every kind.
"""
import warnings

import numpy as np
import pytest
from sklearn.base import clone, is_classifier
from sklearn.model_selection import GridSearchCV, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils.estimator_checks import parametrize_with_checks

from helpers import datasets
from helpers.classical import (DecisionTree, KNearestNeighbors, LogisticRegression,
                               NotFittedError, Perceptron, WithFeatures)
from helpers.digits import PCA
from helpers.estimator import NotFittedError as SharedNotFittedError
from helpers.search import CoordinateSearch, Memorizer, RuleSearch

#: Checks deliberately not run, and why. Everything else scikit-learn yields must pass.
OUT_OF_SCOPE = {
    # Our NotFittedError is a ValueError and an AttributeError, exactly like scikit-learn's, so
    # code written for scikit-learn catches it; but it is not scikit-learn's class: subclassing
    # that would import scikit-learn (about half a second) in notebooks 02 and 03, which never
    # use it. test_every_method_refuses_before_fit below checks the same thing with our class.
    "check_estimators_unfitted": "our own NotFittedError (ValueError + AttributeError)",
    # A column of labels, shape (n, 1), is accepted without a warning, as everywhere else in the
    # course (helpers.validation.as_labels); scikit-learn warns with its own warning class.
    "check_supervised_y_2d": "a column of labels is accepted silently",
}
#: Checks that do not apply to one estimator, and why.
OUT_OF_SCOPE_FOR = {
    # WithFeatures trains the model object it is given, as a Pipeline trains its steps, so that
    # `.model.coef_` shows what was learned (notebook 04 reads it).
    ("WithFeatures", "check_estimators_overwrite_params"): "trains its model in place",
    # WithFeatures needs a model, as Pipeline needs steps (older scikit-learn asks for defaults).
    ("WithFeatures", "check_parameters_default_constructible"): "needs a model",
}
# Never yielded for these estimators, so not listed above: sparse input (the course's models
# work on ordinary arrays and say so: "pass X.toarray()"), sample weights (no fit takes
# sample_weight), pandas column names (pandas is not a course dependency), multi-output y.

ESTIMATORS = [Perceptron(), LogisticRegression(), KNearestNeighbors(k=3), DecisionTree(),
              WithFeatures(LogisticRegression(), "x, y"), RuleSearch(), Memorizer(), PCA(1)]


def _check_name(check):
    check = getattr(check, "func", check)
    while hasattr(check, "__wrapped__"):
        check = check.__wrapped__
    return getattr(check, "func", check).__name__


with warnings.catch_warnings():      # "does not inherit from BaseEstimator": we chose not to
    warnings.filterwarnings("ignore", message=".*does not inherit from")
    _every_check = parametrize_with_checks(ESTIMATORS)


@_every_check
def test_sklearn_estimator_checks(estimator, check):
    name = _check_name(check)
    reason = OUT_OF_SCOPE.get(name) or OUT_OF_SCOPE_FOR.get((type(estimator).__name__, name))
    if reason:
        pytest.skip(f"out of scope: {reason}")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*does not inherit from")
        check(estimator)


# ----- what the out-of-scope checks would have checked, in our terms ------------------------------
@pytest.mark.parametrize("estimator", ESTIMATORS + [CoordinateSearch()], ids=repr)
def test_every_method_refuses_before_fit(estimator):
    X = np.zeros((3, 2))
    assert issubclass(NotFittedError, (ValueError)) and issubclass(NotFittedError, AttributeError)
    assert NotFittedError is SharedNotFittedError
    for method in ("predict", "predict_proba", "decision_function", "transform", "score"):
        if hasattr(estimator, method):
            args = (X, [0, 1, 0]) if method == "score" else (X,)
            with pytest.raises(NotFittedError, match=r"\.fit\("):
                getattr(estimator, method)(*args)


def test_a_column_of_labels_is_the_same_as_a_flat_one():
    X, y = datasets.gaussians(60, 3, seed=0)
    flat = LogisticRegression(l2=0.01).fit(X, y)
    column = LogisticRegression(l2=0.01).fit(X, y[:, None])
    np.testing.assert_array_equal(flat.coef_, column.coef_)


# ----- scikit-learn's tools ---------------------------------------------------------------------
def running():
    X, y = datasets.two_class_points(240, noise=0.35, seed=0)
    return X, y


MODELS = [Perceptron(), LogisticRegression(l2=1e-3), KNearestNeighbors(k=5),
          DecisionTree(max_depth=3), WithFeatures(LogisticRegression(l2=1e-3), "x², y²"),
          RuleSearch(), CoordinateSearch(n_steps=50)]


@pytest.mark.parametrize("model", MODELS, ids=repr)
def test_clone_gives_an_untrained_twin(model):
    X, y = running()
    model = clone(model).fit(X, y)
    twin = clone(model)
    assert type(twin) is type(model) and twin.get_params().keys() == model.get_params().keys()
    assert repr(twin) == repr(clone(model)) and not hasattr(twin, "classes_")
    assert is_classifier(twin)


@pytest.mark.parametrize("model", MODELS, ids=repr)
def test_cross_val_score_equals_a_hand_made_cross_validation(model):
    from sklearn.model_selection import StratifiedKFold

    X, y = running()
    scores = cross_val_score(model, X, y, cv=4)
    by_hand = [clone(model).fit(X[train], y[train]).score(X[test], y[test])
               for train, test in StratifiedKFold(4).split(X, y)]
    np.testing.assert_allclose(scores, by_hand)
    assert scores.mean() > 0.75


@pytest.mark.parametrize("model, grid", [
    (Perceptron(), {"max_iter": [1, 20]}),
    (LogisticRegression(), {"l2": [1e-3, 1.0]}),
    (KNearestNeighbors(), {"k": [1, 15]}),
    (DecisionTree(), {"max_depth": [1, 4]}),
    (WithFeatures(LogisticRegression(), "x, y"), {"features": ["x, y", "x², y²"],
                                                   "model__l2": [1e-3, 1e-1]}),
    (RuleSearch(), {"measure": ["accuracy", "errors"]}),
], ids=lambda v: repr(v) if not isinstance(v, dict) else "grid")
def test_grid_search_tries_every_setting_and_refits_the_best(model, grid):
    X, y = datasets.circles(200, 0.1, seed=0)
    search = GridSearchCV(model, grid, cv=3).fit(X, y)
    n_settings = int(np.prod([len(v) for v in grid.values()]))
    assert len(search.cv_results_["params"]) == n_settings
    assert type(search.best_estimator_) is type(model)
    best = clone(model).set_params(**search.best_params_).fit(X, y)
    np.testing.assert_array_equal(search.predict(X), best.predict(X))
    if "features" in grid:
        assert search.best_params_["features"] == "x², y²"      # circles need the squares


@pytest.mark.parametrize("model", MODELS[:5] + [RuleSearch()], ids=repr)
def test_pipeline_with_standard_scaler(model):
    X, y = running()
    X = X * [1000.0, 0.001] + [5000.0, 0.0]          # very different column sizes
    pipe = Pipeline([("scale", StandardScaler()), ("model", clone(model))]).fit(X, y)
    scaler = StandardScaler().fit(X)
    alone = clone(model).fit(scaler.transform(X), y)
    np.testing.assert_array_equal(pipe.predict(X), alone.predict(scaler.transform(X)))
    assert pipe.score(X, y) == alone.score(scaler.transform(X), y)
    assert hasattr(pipe, "predict_proba") == hasattr(model, "predict_proba")
    assert pipe.classes_.tolist() == [0, 1]


def test_pca_in_a_pipeline_before_a_classifier():
    X_train, y_train, X_test, y_test = datasets.digits(seed=0)
    pipe = Pipeline([("pca", PCA(20)), ("model", KNearestNeighbors(5))]).fit(X_train, y_train)
    assert pipe.score(X_test, y_test) > 0.9
    assert pipe.named_steps["pca"].components_.shape == (20, 64)


# ----- labels of every kind -----------------------------------------------------------------------
LABELLINGS = {
    "strings": lambda y: np.where(y == 1, "yes", "no"),
    "minus one and one": lambda y: np.where(y == 1, 1, -1),
    "non-contiguous integers": lambda y: np.where(y == 1, 7, 3),
    "integers in an object array": lambda y: y.astype(object),
    "whole numbers as floats": lambda y: y.astype(float) + 10.0,
    "booleans": lambda y: y == 1,
}


@pytest.mark.parametrize("labelling", LABELLINGS)
@pytest.mark.parametrize("make", [Perceptron, LogisticRegression, KNearestNeighbors,
                                  DecisionTree, RuleSearch, Memorizer, CoordinateSearch,
                                  lambda: WithFeatures(Perceptron(), "x, y")],
                         ids=lambda m: getattr(m, "__name__", "WithFeatures"))
def test_labels_are_kept_as_given(make, labelling):
    X, y = running()
    labels = LABELLINGS[labelling](y)
    model = make().fit(X, labels)
    expected = np.unique(labels)
    assert model.classes_.tolist() == expected.tolist()
    predicted = model.predict(X)
    assert set(predicted.tolist()) <= set(expected.tolist())
    # the same predictions as with 0/1 labels, translated
    plain = make().fit(X, y).predict(X)
    assert predicted.tolist() == expected[plain].tolist()
    assert model.score(X, labels) == make().fit(X, y).score(X, y)


def test_three_string_classes_and_probabilities_in_class_order():
    X, y = datasets.gaussians(150, 3, 0.8, seed=1)
    names = np.array(["cat", "dog", "bird"])[y]
    model = LogisticRegression(l2=1e-2).fit(X, names)
    assert model.classes_.tolist() == ["bird", "cat", "dog"]
    proba = model.predict_proba(X)
    assert proba.shape == (150, 3)
    assert model.predict(X).tolist() == model.classes_[proba.argmax(axis=1)].tolist()


def test_the_perceptron_has_no_predict_proba_at_all():
    model = Perceptron().fit(*running())
    assert not hasattr(model, "predict_proba") and not hasattr(Perceptron, "predict_proba")
    assert not hasattr(WithFeatures(Perceptron()), "predict_proba")
    assert hasattr(WithFeatures(LogisticRegression()), "predict_proba")


@pytest.mark.parametrize("make", [Perceptron, LogisticRegression, KNearestNeighbors,
                                  DecisionTree, RuleSearch, Memorizer, lambda: PCA(1)])
def test_input_problems_are_named(make):
    X, y = running()
    with pytest.raises(ValueError, match="0 feature"):
        make().fit(np.empty((5, 0)), [0, 1, 0, 1, 0])
    with pytest.raises(ValueError, match="NaN"):
        make().fit(np.where(np.arange(len(X))[:, None] == 3, np.nan, X), y)
    if make is not PCA and not isinstance(make(), PCA):
        with pytest.raises(ValueError, match="NaN or infinite"):
            make().fit(X, np.where(np.arange(len(y)) == 3, np.nan, y))
        with pytest.raises(ValueError, match="Unknown label type"):
            make().fit(X, X[:, 0])
        with pytest.raises(ValueError, match="y is None"):
            make().fit(X, None)
    with pytest.raises(TypeError, match="sparse"):
        from scipy.sparse import csr_matrix
        make().fit(csr_matrix(X), y)


# ----- the shared conventions --------------------------------------------------------------------
@pytest.mark.parametrize("estimator", ESTIMATORS + [CoordinateSearch()], ids=repr)
def test_constructors_store_and_fit_checks(estimator):
    params = estimator.get_params(deep=False)
    again = type(estimator)(**params)
    assert all(getattr(again, k) is v for k, v in params.items())
    assert not [k for k in vars(again) if k.endswith("_")]


@pytest.mark.parametrize("build, words", [
    (lambda: KNearestNeighbors(0), "at least 1"),
    (lambda: DecisionTree(max_depth=0), "at least 1"),
    (lambda: LogisticRegression(optimizer="newton"), "unknown optimizer"),
    (lambda: Perceptron(max_iter=0), "at least 1"),
    (lambda: RuleSearch(measure="fun"), "measure"),
    (lambda: CoordinateSearch(n_steps=0), "at least 1"),
    (lambda: PCA(0), "at least 1"),
    (lambda: WithFeatures(LogisticRegression(), "x³"), "unknown features"),
])
def test_bad_settings_are_stored_and_refused_by_fit(build, words):
    model = build()                     # no error here: scikit-learn's rule
    clone(model)
    with pytest.raises(ValueError, match=words):
        model.fit(*running())


def test_one_name_per_idea():
    import inspect

    for cls in (Perceptron, LogisticRegression):
        names = inspect.signature(cls).parameters
        assert "max_iter" in names and "max_epochs" not in names and "seed" in names
    for cls in (RuleSearch, Memorizer, CoordinateSearch, Perceptron, LogisticRegression):
        assert "random_state" not in inspect.signature(cls).parameters
