"""helpers.estimator: the conventions every course learner shares, checked piece by piece."""
import numpy as np
import pytest

from helpers.estimator import (Classifier, Estimator, NotFittedError, as_class_labels,
                               as_features, fresh_copy)


class Mean(Classifier):
    """A tiny classifier for the tests: the class whose mean is nearest."""

    def __init__(self, shrink=0.0, inner=None):
        self.shrink, self.inner = shrink, inner

    def fit(self, X, y):
        X, y = self._start_fit(X, y)
        self.means_ = np.stack([X[y == k].mean(axis=0) for k in range(len(self.classes_))])
        return self

    def predict_proba(self, X):
        X = self._check_X(X)
        d = ((X[:, None, :] - self.means_[None]) ** 2).sum(axis=2)
        p = np.exp(-d)
        return p / p.sum(axis=1, keepdims=True)


def test_as_features_names_each_problem():
    assert as_features([[1, 2], [3, 4]]).dtype == np.float64
    with pytest.raises(ValueError, match="0 feature"):
        as_features(np.empty((4, 0)))
    with pytest.raises(ValueError, match="Reshape your data.*reshape\\(-1, 1\\)"):
        as_features([1.0, 2.0])
    with pytest.raises(ValueError, match="Complex data"):
        as_features(np.ones((2, 2)) * 1j)
    with pytest.raises(TypeError, match="numbers only.*could not convert"):
        as_features([["a", "b"]])
    with pytest.raises(ValueError, match="different lengths"):
        as_features([[1, 2], [3]])
    with pytest.raises(ValueError, match="NaN"):
        as_features([[np.nan, 1.0]])
    from scipy.sparse import csr_matrix
    with pytest.raises(TypeError, match="toarray"):
        as_features(csr_matrix(np.eye(2)))


@pytest.mark.parametrize("y, classes", [
    ([3, 7, 3], [3, 7]), (["b", "a", "b"], ["a", "b"]), ([-1, 1, 1], [-1, 1]),
    ([1.0, 2.0, 1.0], [1.0, 2.0]), (np.array([0, 5, 0], dtype=object), [0, 5]),
    ([[1], [0], [1]], [0, 1]), ([True, False, True], [False, True]),
])
def test_as_class_labels_keeps_any_labels(y, classes):
    found, positions = as_class_labels(y, 3)
    assert found.tolist() == classes
    assert found[positions].tolist() == np.asarray(y).reshape(-1).tolist()


@pytest.mark.parametrize("y, error, words", [
    (None, ValueError, "y is None"), ([0.5, 1.5, 2.0], ValueError, "Unknown label type"),
    ([0, np.nan, 1], ValueError, "NaN or infinite"), ([0, 1], ValueError, "one label per row"),
    ([[0, 1], [1, 0], [0, 1]], ValueError, "one-hot"),
    (np.array([1, "a", 2], dtype=object), TypeError, "different types"),
])
def test_as_class_labels_refuses_with_a_reason(y, error, words):
    with pytest.raises(error, match=words):
        as_class_labels(y, 3)


def test_params_nested_repr_and_fresh_copy():
    model = Mean(shrink=0.5, inner=Mean())
    assert model.get_params(deep=False) == {"shrink": 0.5, "inner": model.inner}
    assert model.get_params()["inner__shrink"] == 0.0
    assert model.set_params(inner__shrink=2.0, shrink=1.0) is model
    assert model.inner.shrink == 2.0 and repr(model) == "Mean(shrink=1.0, inner=Mean(shrink=2.0))"
    with pytest.raises(ValueError, match="no hyper-parameter 'alpha'"):
        model.set_params(alpha=1)
    X, y = np.array([[0.0], [1.0], [5.0], [6.0]]), ["a", "a", "b", "b"]
    model.fit(X, y)
    twin = fresh_copy(model)
    assert twin.get_params()["inner__shrink"] == 2.0 and twin.inner is not model.inner
    assert not hasattr(twin, "classes_")


def test_classifier_basics_and_not_fitted():
    X, y = np.array([[0.0], [1.0], [5.0], [6.0]]), np.array(["a", "a", "b", "b"])
    with pytest.raises(NotFittedError, match=r"\.fit\("):
        Mean().predict(X)
    assert issubclass(NotFittedError, ValueError) and issubclass(NotFittedError, AttributeError)
    model = Mean().fit(X, y)
    assert model.predict([[0.2], [5.5]]).tolist() == ["a", "b"]
    assert model.score(X, y) == 1.0 and model.n_features_in_ == 1
    with pytest.raises(ValueError, match="X has 2 features, but Mean is expecting 1"):
        model.predict(np.zeros((1, 2)))
    with pytest.raises(ValueError, match="only one class"):
        Mean().fit(X, ["a"] * 4)


def test_tags_for_every_scikit_learn_version():
    sklearn = pytest.importorskip("sklearn")
    tags = Mean()._more_tags()                       # scikit-learn < 1.6
    assert tags == {"requires_y": True, "binary_only": False}
    assert Estimator()._more_tags()["requires_y"] is False
    from sklearn.base import is_classifier
    assert is_classifier(Mean())
    if tuple(int(p) for p in sklearn.__version__.split(".")[:2]) >= (1, 6):
        new = Mean().__sklearn_tags__()
        assert new.estimator_type == "classifier" and new.classifier_tags.multi_class
        assert new.target_tags.required and new.transformer_tags is None


def test_importing_helpers_learners_does_not_import_sklearn():
    import subprocess
    import sys

    code = ("import sys, helpers.search, helpers.classical, helpers.digits; "
            "print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
