"""helpers.neighbours_and_trees (k nearest neighbours, decision tree) against scikit-learn."""
import numpy as np
import pytest
from sklearn.neighbors import KNeighborsClassifier
from sklearn.tree import DecisionTreeClassifier, export_text

from helpers import datasets, scoreboard
from helpers.neighbours_and_trees import DecisionTree, KNearestNeighbors, gini
from helpers.classical import LogisticRegression


def running():
    return scoreboard.running_example_split()


def three_blobs():
    X, y = datasets.gaussians(300, 3, 0.8, seed=1)
    return datasets.train_test_split(X, y, seed=1)


# ----- k nearest neighbours ---------------------------------------------------------------------
@pytest.mark.parametrize("data", [running, scoreboard.spiral_split, three_blobs,
                                  scoreboard.digits_split])
@pytest.mark.parametrize("k", [1, 4, 5, 15])
def test_knn_predictions_equal_sklearn(data, k):
    X_train, y_train, X_test, _ = data()
    ours = KNearestNeighbors(k).fit(X_train, y_train)
    theirs = KNeighborsClassifier(n_neighbors=k).fit(X_train, y_train)
    # The only allowed difference: a test point whose k-th and (k+1)-th nearest training points
    # are equally far (to rounding), where either one may be counted; the digits have such ties.
    distances, _ = KNearestNeighbors(k + 1).fit(X_train, y_train).kneighbors(X_test)
    tie = np.isclose(distances[:, k - 1], distances[:, k], rtol=1e-9, atol=1e-12)
    same = np.all(np.isclose(ours.predict_proba(X_test), theirs.predict_proba(X_test)), axis=1)
    assert np.all(same | tie) and np.mean(same) > 0.99
    assert np.array_equal(ours.predict(X_test)[~tie], theirs.predict(X_test)[~tie])


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
    assert gini([6, 2]) == pytest.approx(1 - 0.75 ** 2 - 0.25 ** 2)
    assert gini([5, 5]) == pytest.approx(0.5)
    assert gini([4, 0]) == 0.0
    np.testing.assert_allclose(gini([[1, 1, 1], [3, 0, 0]]), [2 / 3, 0.0])


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
                               theirs.value[:, 0, :] / theirs.value[:, 0, :].sum(1, keepdims=True))
    # (scikit-learn >= 1.4 stores class shares in tree_.value, older versions class counts)


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
