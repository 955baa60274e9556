"""helpers.digits against scikit-learn and hand computations."""
import warnings

import numpy as np
import pytest
from sklearn.decomposition import PCA as SkPCA
from sklearn.metrics import confusion_matrix as sk_confusion_matrix
from sklearn.metrics import silhouette_score
from sklearn.neighbors import NearestCentroid

from helpers import digits, networks, scoreboard
from helpers.estimator import NotFittedError
from helpers.models import mlp


def assert_equal_up_to_sign(a, b):
    assert a.shape == b.shape
    for j in range(b.shape[1]):
        sign = np.sign(a[:, j] @ b[:, j])
        # two SVD routines agree to about 1e-7 (scikit-learn < 1.4 picks another one)
        np.testing.assert_allclose(a[:, j], sign * b[:, j], atol=1e-6)


@pytest.fixture(scope="module")
def split():
    return scoreboard.digits_split()


@pytest.fixture(scope="module")
def model():
    return networks.digits_network()


# ----- PCA -------------------------------------------------------------------------------------
@pytest.mark.parametrize("n_components", [1, 2, 5])
def test_pca_matches_sklearn_up_to_sign_on_random_data(n_components):
    X = np.random.default_rng(3).normal(size=(60, 7)) @ np.diag([5, 4, 3, 2, 1, 0.5, 0.1])
    ours = digits.PCA(n_components).fit(X)
    theirs = SkPCA(n_components).fit(X)
    assert_equal_up_to_sign(ours.transform(X), theirs.transform(X))
    assert_equal_up_to_sign(ours.components_.T, theirs.components_.T)
    np.testing.assert_allclose(ours.explained_variance_ratio_, theirs.explained_variance_ratio_)
    np.testing.assert_allclose(ours.mean_, theirs.mean_)


def test_pca_matches_sklearn_on_digit_pixels_and_new_data(split):
    X_train, _, X_test, _ = split
    ours = digits.PCA(2).fit(X_train)
    theirs = SkPCA(2).fit(X_train)
    assert_equal_up_to_sign(ours.transform(X_test), theirs.transform(X_test))
    assert_equal_up_to_sign(digits.PCA(2).fit_transform(X_test), SkPCA(2).fit_transform(X_test))


def test_pca_by_hand_on_points_along_a_line():
    # points on the line y = 2x: one direction carries all the spread
    t = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
    X = np.column_stack([t, 2 * t]) + [1.0, 3.0]
    pca = digits.PCA(1).fit(X)
    direction = pca.components_[0] * np.sign(pca.components_[0, 0])
    np.testing.assert_allclose(direction, [1 / np.sqrt(5), 2 / np.sqrt(5)])
    np.testing.assert_allclose(np.abs(pca.transform(X)[:, 0]), np.abs(t) * np.sqrt(5))
    np.testing.assert_allclose(pca.explained_variance_ratio_, [1.0])


def test_pca_rejects_bad_input():
    with pytest.raises(ValueError, match="n_components"):
        digits.PCA(5).fit(np.ones((3, 4)))
    with pytest.raises(NotFittedError, match="fit"):
        digits.PCA(2).transform(np.ones((3, 4)))
    with pytest.raises(ValueError, match="column"):
        digits.PCA(1).fit(np.eye(3)).transform(np.ones((2, 5)))
    with pytest.raises(TypeError):
        digits.PCA(1.5).fit(np.eye(3))


# ----- mistakes --------------------------------------------------------------------------------
def test_confusion_matrix_matches_sklearn():
    rng = np.random.default_rng(0)
    y_true, y_pred = rng.integers(0, 10, 300), rng.integers(0, 10, 300)
    np.testing.assert_array_equal(digits.confusion_matrix(y_true, y_pred),
                                  sk_confusion_matrix(y_true, y_pred, labels=range(10)))


def test_confusion_matrix_by_hand_and_errors():
    cm = digits.confusion_matrix([0, 0, 1, 2], [0, 1, 1, 1], n_classes=4)
    np.testing.assert_array_equal(cm, [[1, 1, 0, 0], [0, 1, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0]])
    with pytest.raises(ValueError, match="n_classes"):
        digits.confusion_matrix([0, 5], [0, 1], n_classes=3)
    with pytest.raises(ValueError, match="labels"):
        digits.confusion_matrix([0, 1, 1], [0, 1])


def test_mistakes_and_worst_mistakes_by_hand():
    proba = np.array([[0.9, 0.1, 0.0],     # right
                      [0.2, 0.7, 0.1],     # wrong (true 0), confidence 0.7
                      [0.05, 0.05, 0.9],   # wrong (true 1), confidence 0.9
                      [0.4, 0.6, 0.0],     # wrong (true 2), confidence 0.6
                      [0.0, 0.0, 1.0]])    # right
    y = [0, 0, 1, 2, 2]
    np.testing.assert_array_equal(digits.mistakes(proba, y), [1, 2, 3])
    np.testing.assert_array_equal(digits.worst_mistakes(proba, y, k=2), [2, 1])
    np.testing.assert_array_equal(digits.worst_mistakes(proba, y, k=10), [2, 1, 3])
    with pytest.raises(ValueError, match="out of range"):
        digits.mistakes(proba, [0, 0, 1, 2, 3])


def test_the_reference_network_makes_the_expected_mistakes(model, split):
    _, _, X_test, y_test = split
    proba = model.predict_proba(X_test)
    wrong = digits.mistakes(proba, y_test)
    assert len(wrong) == int(np.sum(proba.argmax(1) != y_test))
    assert 1 - len(wrong) / len(y_test) >= 0.97
    worst = digits.worst_mistakes(proba, y_test, k=5)
    confidences = proba[worst].max(axis=1)
    assert np.all(np.diff(confidences) <= 0)


# ----- separation ------------------------------------------------------------------------------
def test_nearest_centroid_matches_sklearn(split):
    X_train, y_train, X_test, y_test = split
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")      # sklearn warns about constant pixels; irrelevant
        expected = NearestCentroid().fit(X_train, y_train).score(X_test, y_test)
    assert digits.nearest_centroid_accuracy(X_train, y_train, X_test, y_test) == \
        pytest.approx(expected)


def test_nearest_centroid_by_hand():
    Z = np.array([[0.0], [2.0], [10.0], [12.0]])
    y = [0, 0, 1, 1]                                  # centroids 1 and 11
    assert digits.nearest_centroid_accuracy(Z, y) == 1.0
    assert digits.nearest_centroid_accuracy(Z, y, [[5.0], [7.0]], [1, 1]) == 0.5


@pytest.mark.parametrize("seed", [0, 1])
def test_silhouette_matches_sklearn(seed):
    rng = np.random.default_rng(seed)
    Z = rng.normal(size=(80, 5))
    y = rng.integers(0, 4, 80)
    Z[y == 2] += 3.0
    assert digits.silhouette(Z, y) == pytest.approx(silhouette_score(Z, y), abs=1e-9)


def test_silhouette_by_hand_and_singletons():
    # two points at 0 and 1 (class 0), one at 5 (class 1, alone):
    # point 0: a = 1, b = 5; point 1: a = 1, b = 4; the lone point counts 0
    Z = np.array([[0.0], [1.0], [5.0]])
    expected = np.mean([(5 - 1) / 5, (4 - 1) / 4, 0.0])
    assert digits.silhouette(Z, [0, 0, 1]) == pytest.approx(expected)
    assert digits.silhouette(Z, [0, 0, 1]) == pytest.approx(silhouette_score(Z, [0, 0, 1]))
    with pytest.raises(ValueError, match="at least 2 classes"):
        digits.silhouette(Z, [0, 0, 0])


def test_layer_names():
    assert digits.layer_names(mlp([64, 96, 10])) == \
        ["input: 64 pixels", "Dense(64, 96)", "ReLU", "Dense(96, 10): scores"]


def test_separation_by_layer_is_honest_and_grows(model, split):
    X_train, y_train, X_test, y_test = split
    table = digits.separation_by_layer(model, X_train, y_train, X_test, y_test)
    assert table.names == digits.layer_names(model)
    assert table.widths == [64, 96, 96, 48, 48, 10]
    train_reps, test_reps = model.representations(X_train), model.representations(X_test)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for k, (a, b) in enumerate(zip(train_reps, test_reps)):
            assert table.centroid_accuracy[k] == pytest.approx(
                NearestCentroid().fit(a, y_train).score(b, y_test))
            assert table.silhouettes[k] == pytest.approx(silhouette_score(b, y_test))
    # the claim the notebook makes: the last hidden layer separates the classes far better
    assert table.centroid_accuracy[4] > table.centroid_accuracy[0] + 0.05
    assert table.silhouettes[4] > 2 * table.silhouettes[0]
    text = repr(table)
    assert "nearest-centroid accuracy" in text and f"{table.silhouettes[0]:.3f}" in text
    assert "<table>" in table._repr_html_()
