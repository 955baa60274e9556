"""helpers.neighbours_and_trees (k nearest neighbours, decision tree) against scikit-learn."""
import numpy as np
import pytest
from sklearn.neighbors import KNeighborsClassifier
from sklearn.tree import DecisionTreeClassifier, export_text

from helpers import datasets, scoreboard
from helpers import neighbours_and_trees as nt
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


# ----- the fast _best_split and _nearest give exactly the results of the plain versions ---------
# The plain versions below are the package's earlier code, kept here as independent references.
def plain_impurities(X, y, n_classes):
    """The weighted impurity of every cut (inf between equal values) and the sorted values."""
    n = len(X)
    order = np.argsort(X, axis=0, kind="stable")
    values = np.take_along_axis(X, order, axis=0)
    onehot = np.eye(n_classes)[y]
    left = np.cumsum(onehot[order], axis=0)[:-1]
    right = onehot.sum(axis=0) - left
    n_left = np.arange(1, n)[:, None]
    weighted = (n_left * gini(left) + (n - n_left) * gini(right)) / n
    weighted[values[1:] <= values[:-1]] = np.inf
    return weighted, values


def plain_best_split(X, y, n_classes):
    """The earlier _best_split: one-hot class counts (rows, features, classes) and gini()."""
    weighted, values = plain_impurities(X, y, n_classes)
    if not np.isfinite(weighted).any():
        return None
    feature, position = np.unravel_index(np.argmin(weighted.T), weighted.T.shape)
    threshold = (values[position, feature] + values[position + 1, feature]) / 2.0
    return int(feature), float(threshold), float(weighted[position, feature])


def plain_kneighbors(X_train, X, k):
    """The earlier kneighbors: argpartition, then a stable sort of the k distances."""
    distances, indices = [], []
    for start in range(0, len(X), 2048):
        part = X[start:start + 2048]
        d2 = (np.sum(part ** 2, axis=1)[:, None] - 2 * part @ X_train.T
              + np.sum(X_train ** 2, axis=1)[None, :])
        d2 = np.maximum(d2, 0.0)
        idx = np.argpartition(d2, k - 1, axis=1)[:, :k]
        d_idx = np.take_along_axis(d2, idx, axis=1)
        by_distance = np.argsort(d_idx, axis=1, kind="stable")
        distances.append(np.sqrt(np.take_along_axis(d_idx, by_distance, axis=1)))
        indices.append(np.take_along_axis(idx, by_distance, axis=1))
    return np.concatenate(distances), np.concatenate(indices)


def random_problems(count, seed):
    """Small classification problems full of ties: few distinct feature values, repeated rows
    and repeated columns, 2 to 10 classes, 2 to 300 rows."""
    rng = np.random.default_rng(seed)
    for _ in range(count):
        n = int(rng.integers(2, 25)) if rng.random() < 0.4 else int(rng.integers(2, 301))
        n_features, n_classes = int(rng.integers(1, 7)), int(rng.integers(2, 11))
        if rng.random() < 0.8:
            X = rng.integers(0, rng.integers(2, 7), size=(n, n_features)).astype(float)
        else:
            X = np.round(rng.normal(size=(n, n_features)), int(rng.integers(0, 3)))
        if rng.random() < 0.3:                                         # repeated rows
            X[rng.integers(0, n, n // 3)] = X[rng.integers(0, n, n // 3)]
        if rng.random() < 0.3 and n_features > 1:                      # a repeated column
            X[:, -1] = X[:, 0]
        if rng.random() < 0.5:                                         # classes follow X a bit
            y = (X[:, 0] * 3 + rng.integers(0, 2, n)).astype(int) % n_classes
        else:
            y = rng.integers(0, n_classes, n)
        yield X, y, n_classes


def assert_same_split(X, y, n_classes):
    ours, plain = nt._best_split(X, y, n_classes), plain_best_split(X, y, n_classes)
    assert (ours is None) == (plain is None)
    if plain is not None:
        assert ours[:2] == plain[:2], (ours, plain)
        assert abs(ours[2] - plain[2]) <= 1e-12


def assert_same_tree(a, b):
    for name in ["feature_", "threshold_", "children_left_", "children_right_", "value_",
                 "impurity_"]:
        assert np.array_equal(getattr(a, name), getattr(b, name), equal_nan=True), name
    assert (a.depth_, a.n_leaves_) == (b.depth_, b.n_leaves_)


def test_best_split_equals_plain_version_on_random_problems():
    ties = 0
    for X, y, n_classes in random_problems(600, seed=0):
        assert_same_split(X, y, n_classes)
        # the same on a column subset, as at an inner node with classes missing
        assert_same_split(X[: max(2, len(X) // 3)], y[: max(2, len(X) // 3)], n_classes)
        weighted, _ = plain_impurities(X, y, n_classes)
        ties += np.sum(weighted <= weighted.min() + 1e-12) > 1     # several equally good cuts
    assert ties > 100                                  # the problems really contain many ties


def test_best_split_equals_plain_version_on_tiny_problems():
    # In tiny problems, exactly equally good cuts often get impurities that differ in the last
    # digit (gini() rounds differently); the plain version then takes the lower one.
    rng = np.random.default_rng(4)
    rounded_ties = 0
    for _ in range(3000):
        n, n_features, n_classes = (int(rng.integers(3, 13)), int(rng.integers(1, 3)),
                                    int(rng.integers(2, 5)))
        X = rng.integers(0, 4, size=(n, n_features)).astype(float)
        y = rng.integers(0, n_classes, n)
        assert_same_split(X, y, n_classes)
        weighted, _ = plain_impurities(X, y, n_classes)
        near = np.sum(weighted <= weighted.min() + 1e-12)
        rounded_ties += near > np.sum(weighted == weighted.min())
    assert rounded_ties >= 5


def test_best_split_breaks_a_rounded_tie_like_the_plain_version():
    # Cutting at 0.5 or at 1.5 is exactly equally good ((2·0 + 5·0.56) / 7 both times), but
    # gini() rounds 0.2² + 0.2² + 0.6² and 0.2² + 0.6² + 0.2² differently, so the plain
    # version picks 1.5. The fast version must pick the same.
    X = np.array([[0.0], [0.0], [1.0], [1.0], [3.0], [1.0], [2.0]])
    y = np.array([1, 1, 1, 0, 2, 2, 2])
    assert plain_best_split(X, y, 3)[:2] == (0, 1.5)
    assert nt._best_split(X, y, 3)[:2] == (0, 1.5)


def fit_plain(monkeypatch, X, y, **params):
    with monkeypatch.context() as patch:
        patch.setattr(nt, "_best_split", plain_best_split)
        return DecisionTree(**params).fit(X, y)


def test_trees_equal_plain_version_on_random_problems(monkeypatch):
    rng = np.random.default_rng(1)
    for X, y, _ in random_problems(300, seed=2):
        if len(np.unique(y)) < 2:
            continue
        params = dict(max_depth=[None, 1, 2, 4][rng.integers(4)],
                      min_samples_split=int(rng.integers(2, 6)))
        assert_same_tree(DecisionTree(**params).fit(X, y), fit_plain(monkeypatch, X, y, **params))


@pytest.mark.parametrize("data", [running, scoreboard.spiral_split, scoreboard.digits_split])
@pytest.mark.parametrize("depth", [3, 10, None])
def test_trees_equal_plain_version_on_course_data(monkeypatch, data, depth):
    X_train, y_train, _, _ = data()
    assert_same_tree(DecisionTree(max_depth=depth).fit(X_train, y_train),
                     fit_plain(monkeypatch, X_train, y_train, max_depth=depth))


def assert_same_neighbours(X_train, y_train, X, k):
    ours = KNearestNeighbors(k).fit(X_train, y_train).kneighbors(X)
    plain = plain_kneighbors(np.asarray(X_train, dtype=float), np.asarray(X, dtype=float), k)
    assert np.array_equal(ours[0], plain[0], equal_nan=True)
    assert np.array_equal(ours[1], plain[1])


def test_neighbours_equal_plain_version_with_many_ties():
    rng = np.random.default_rng(3)
    for trial in range(200):
        n = int(rng.integers(2, 301))
        X_train = rng.integers(0, rng.integers(2, 8), size=(n, int(rng.integers(1, 4))))
        X_train[rng.integers(0, n, n // 4)] = X_train[rng.integers(0, n, n // 4)]
        y_train = rng.integers(0, 3, n)
        y_train[:2] = [0, 1]
        n_queries = 2500 if trial % 20 == 0 else int(rng.integers(1, 300))   # > one chunk
        X = rng.integers(-1, 8, size=(n_queries, X_train.shape[1])) / rng.choice([1, 2])
        for k in {1, 2, 3, 5, 20, 21, 51, n - 1, n} & set(range(1, n + 1)):
            assert_same_neighbours(X_train, y_train, X, k)
    # huge coordinates: squared distances overflow to inf (and inf - inf to nan)
    X_train, X = rng.normal(size=(30, 2)), rng.normal(size=(50, 2))
    X_train[:5] *= 1e160
    X[:10] *= 1e160
    with np.errstate(all="ignore"):
        for k in [1, 3, 5, 29, 30]:
            assert_same_neighbours(X_train, np.arange(30) % 2, X, k)


@pytest.mark.parametrize("k", [1, 2, 4, 5, 15, 20, 21, 51])
def test_neighbours_equal_plain_version_on_course_data(k):
    for data in [running, scoreboard.spiral_split, scoreboard.digits_split]:   # digits: ties
        X_train, y_train, X_test, _ = data()
        assert_same_neighbours(X_train, y_train, X_test, k)
    X_train, y_train, _, _ = running()
    grid = np.linspace(X_train.min(axis=0) - 0.5, X_train.max(axis=0) + 0.5, 120)
    grid = np.stack(np.meshgrid(grid[:, 0], grid[:, 1]), axis=-1).reshape(-1, 2)
    assert_same_neighbours(X_train, y_train, grid, k)
