"""Two learners that need no gradient descent: k nearest neighbours and a decision tree.

- :class:`KNearestNeighbors` votes among the k training points closest to a new point.
- :class:`DecisionTree` asks a tree of "feature <= threshold" questions, chosen greedily by
  Gini impurity (:func:`gini`).

Both follow the course's estimator conventions (``helpers.estimator``) and are imported with the
other classical models from ``helpers.classical``.
"""
import numpy as np

from .estimator import Classifier
from .i18n import _
from .validation import positive_int

__all__ = ["KNearestNeighbors", "DecisionTree", "gini"]


# ----- k nearest neighbours ---------------------------------------------------------------------
class KNearestNeighbors(Classifier):
    """Predict by a vote among the ``k`` training points closest to the new point.

    Training only stores the data; the work happens at prediction, where every new point is
    compared with every training point (straight-line, Euclidean distance). The probability of a
    class is its share of the k votes; a tied vote goes to the smallest class label, as in
    scikit-learn's ``KNeighborsClassifier``. Learned: ``X_``, ``y_`` (the stored training set).
    """

    def __init__(self, k=5):
        self.k = k

    def fit(self, X, y):
        positive_int(self.k, "k")
        X, y = self._start_fit(X, y)
        if self.k > len(X):
            raise ValueError(_("k={k} is larger than the training set ({n} points); choose "
                               "k <= {n} (small odd numbers such as 5 are typical).")
                             .format(k=self.k, n=len(X)))
        self.X_, self.y_ = X, y
        return self

    def kneighbors(self, X):
        """Distances to and indices of the k nearest training points, nearest first."""
        X = self._check_X(X)
        # in chunks of rows, to keep memory small
        parts = [self._nearest(X[start:start + 2048]) for start in range(0, len(X), 2048)]
        return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])

    def _nearest(self, X):
        # squared distances |a - b|² = |a|² - 2 a·b + |b|², for every pair at once
        d2 = (np.sum(X ** 2, axis=1)[:, None] - 2 * X @ self.X_.T
              + np.sum(self.X_ ** 2, axis=1)[None, :])
        d2 = np.maximum(d2, 0.0)
        if self.k > 20 or self.k >= d2.shape[1]:          # many neighbours: a partial sort
            return _k_smallest(d2, self.k)
        # Few neighbours: take the closest point, hide it, take the next closest, ... (np.argmin
        # is much faster than a partial sort). One extra step also finds the (k+1)-th point.
        hidden, rows = d2.copy(), np.arange(len(d2))
        idx = np.empty((len(d2), self.k + 1), dtype=np.intp)
        for j in range(self.k + 1):
            idx[:, j] = np.argmin(hidden, axis=1)
            hidden[rows, idx[:, j]] = np.inf
        d_idx = np.take_along_axis(d2, idx, axis=1)
        distances, idx = np.sqrt(d_idx[:, :-1]), idx[:, :-1]
        # Where two of these k+1 points are exactly equally far, a tie decides their order (or
        # which one counts): redo those rows with the partial sort, so that ties are always
        # broken the same way, whatever k is.
        tied = ~np.all(d_idx[:, 1:] > d_idx[:, :-1], axis=1)
        if tied.any():
            distances[tied], idx[tied] = _k_smallest(d2[tied], self.k)
        return distances, idx

    def predict_proba(self, X):
        _distances, neighbours = self.kneighbors(X)
        votes = self.y_[neighbours]                      # (n, k) class positions
        counts = np.stack([(votes == c).sum(axis=1) for c in range(len(self.classes_))], axis=1)
        return counts / self.k


def _k_smallest(d2, k):
    """Square roots and positions of the k smallest entries of each row, smallest first."""
    idx = np.argpartition(d2, k - 1, axis=1)[:, :k]                  # the k smallest, unsorted
    d_idx = np.take_along_axis(d2, idx, axis=1)
    by_distance = np.argsort(d_idx, axis=1, kind="stable")
    return (np.sqrt(np.take_along_axis(d_idx, by_distance, axis=1)),
            np.take_along_axis(idx, by_distance, axis=1))


# ----- decision tree ----------------------------------------------------------------------------
def gini(counts):
    """Gini impurity of a group with these class counts: 1 - sum of squared class shares.

    0 for a pure group; 0.5 for an even mix of two classes. Works on the last axis.
    """
    counts = np.asarray(counts, dtype=np.float64)
    total = counts.sum(axis=-1, keepdims=True)
    shares = counts / np.where(total > 0, total, 1.0)
    return 1.0 - np.sum(shares ** 2, axis=-1)


def _best_split(X, y, n_classes):
    """The (feature, threshold, weighted impurity) of the best "x[feature] <= threshold" cut.

    Every feature is sorted once; running sums of squared class counts (whole numbers) give the
    Gini impurity of the two sides for every possible cut at once. Cuts lie halfway between
    neighbouring distinct values; among cuts with the same impurity (as computed with
    :func:`gini`) the first feature, then the smallest threshold wins. Returns None when all
    rows are identical.
    """
    n = len(X)
    order = np.argsort(X, axis=0, kind="stable")                 # (n, features)
    values = np.take_along_axis(X, order, axis=0)
    labels = y[order].astype(np.min_scalar_type(n_classes))     # small integers sort fastest
    totals = np.bincount(y, minlength=n_classes)                 # class sizes T_c
    # The size-weighted Gini impurity of a cut is (n - L / n_left - R / n_right) / n, where
    # L = sum over classes of (count of the class left of the cut)², R the same on the right.
    # A row joining the left side raises its class's count l there by 1, so L grows by 2 l + 1,
    # l being the number of rows of its class that come before it in the sorted order.
    by_class = np.argsort(labels, axis=0, kind="stable")   # rows grouped by class, order kept
    place = np.empty_like(by_class)
    place[by_class, np.arange(X.shape[1])] = np.arange(n)[:, None]    # each row's place there
    same_before = place - (np.cumsum(totals) - totals)[labels]    # minus where its class starts
    L = np.cumsum(2 * same_before + 1, axis=0)[:-1]
    # R = sum (T_c - l_c)² = sum T_c² - 2 sum T_c l_c + L, all whole numbers
    R = totals @ totals - 2 * np.cumsum(totals[labels], axis=0)[:-1] + L
    n_left = np.arange(1, n)[:, None]
    weighted = (n - L / n_left - R / (n - n_left)) / n
    weighted[values[1:] <= values[:-1]] = np.inf                  # cannot cut between equals
    if not np.isfinite(weighted).any():
        return None
    # the best few cuts (with a wide margin for rounding), first feature first
    features, positions = np.nonzero(weighted.T <= weighted.min() + 1e-9)
    impurity = weighted[positions, features]
    if len(features) > 1:
        # Rounding can make equally good cuts differ in the last digit. So recompute these
        # with gini() of the class counts, exactly as a direct method would, and take the
        # first lowest: ties then always go the same way.
        columns, column = np.unique(features, return_inverse=True)
        left = np.cumsum(np.eye(n_classes)[labels[:, columns]], axis=0)[positions, column]
        n_left = positions + 1
        impurity = (n_left * gini(left) + (n - n_left) * gini(totals - left)) / n
    best = np.argmin(impurity)
    feature, position = features[best], positions[best]
    threshold = (values[position, feature] + values[position + 1, feature]) / 2.0
    return int(feature), float(threshold), float(impurity[best])


class DecisionTree(Classifier):
    """A tree of yes/no questions "is feature j <= t?", learned greedily (CART, Gini impurity).

    Starting with all training points, the tree picks the question that makes the two groups it
    creates as pure as possible (the lowest size-weighted Gini impurity), then asks the same of
    each group, until a group is pure, has fewer than ``min_samples_split`` points, or the
    tree is ``max_depth`` questions deep (``None``: no limit). A new point follows the answers
    to a leaf and gets the leaf's majority class; its probabilities are the leaf's class shares.

    Learned, one entry per node (node 0 is the root): ``feature_``, ``threshold_`` (-1 and nan
    at leaves), ``children_left_``, ``children_right_`` (-1 at leaves), ``value_`` (class
    counts), ``impurity_``; and ``depth_``, ``n_leaves_``. :meth:`export_text` prints the
    learned rules.
    """

    def __init__(self, max_depth=None, min_samples_split=2):
        self.max_depth, self.min_samples_split = max_depth, min_samples_split

    def fit(self, X, y):
        if self.max_depth is not None:
            positive_int(self.max_depth, "max_depth")
        positive_int(self.min_samples_split, "min_samples_split", minimum=2)
        X, y = self._start_fit(X, y)
        k = len(self.classes_)
        feature, threshold, left, right, value, impurity, depths = [], [], [], [], [], [], []
        stack = [(np.arange(len(X)), 0, None, None)]   # (rows, depth, parent, side); no recursion
        while stack:
            rows, depth, parent, side = stack.pop()
            node = len(feature)
            if parent is not None:
                (left if side == "left" else right)[parent] = node
            counts = np.bincount(y[rows], minlength=k).astype(np.float64)
            feature.append(-1), threshold.append(np.nan), left.append(-1), right.append(-1)
            value.append(counts), impurity.append(float(gini(counts))), depths.append(depth)
            if (impurity[node] == 0.0 or len(rows) < self.min_samples_split
                    or (self.max_depth is not None and depth >= self.max_depth)):
                continue                                                  # a leaf
            split = _best_split(X[rows], y[rows], k)
            if split is None:
                continue
            feature[node], threshold[node] = split[0], split[1]
            goes_left = X[rows, split[0]] <= split[1]
            stack.append((rows[~goes_left], depth + 1, node, "right"))
            stack.append((rows[goes_left], depth + 1, node, "left"))     # popped first
        self.feature_, self.threshold_ = np.array(feature), np.array(threshold)
        self.children_left_, self.children_right_ = np.array(left), np.array(right)
        self.value_, self.impurity_ = np.array(value), np.array(impurity)
        self.depth_ = int(max(depths))
        self.n_leaves_ = int(np.sum(self.children_left_ == -1))
        return self

    def apply(self, X):
        """The leaf each row of X ends in (all rows walk down the tree together)."""
        X = self._check_X(X)
        node = np.zeros(len(X), dtype=np.int64)
        while True:
            inner = self.children_left_[node] != -1
            if not inner.any():
                return node
            rows = np.flatnonzero(inner)
            go_left = X[rows, self.feature_[node[rows]]] <= self.threshold_[node[rows]]
            node[rows] = np.where(go_left, self.children_left_[node[rows]],
                                  self.children_right_[node[rows]])

    def predict_proba(self, X):
        leaves = self.apply(X)
        counts = self.value_[leaves]
        return counts / counts.sum(axis=1, keepdims=True)

    def export_text(self, feature_names=None, decimals=2):
        """The learned rules as indented text, in the format of ``sklearn.tree.export_text``."""
        self._check_fitted("classes_")
        if feature_names is None:
            feature_names = [f"feature_{j}" for j in range(self.n_features_in_)]
        if len(feature_names) != self.n_features_in_:
            raise ValueError(_("feature_names has {names} names but the tree uses {n} "
                               "features; give one name per feature.")
                             .format(names=len(feature_names), n=self.n_features_in_))
        lines, stack = [], [("node", 0, 0)]
        while stack:
            kind, item, depth = stack.pop()
            if kind == "text":
                lines.append(item)
                continue
            node, bar = item, "|   " * depth + "|--- "
            if self.children_left_[node] == -1:
                label = self.classes_[int(np.argmax(self.value_[node]))]
                lines.append(bar + _("class: {label}").format(label=label))
                continue
            name, t = feature_names[self.feature_[node]], self.threshold_[node]
            lines.append(f"{bar}{name} <= {t:.{decimals}f}")
            # the right branch comes after the whole left branch, so it waits on the stack
            stack.append(("node", self.children_right_[node], depth + 1))
            stack.append(("text", f"{bar}{name} >  {t:.{decimals}f}", depth))
            stack.append(("node", self.children_left_[node], depth + 1))
        return "\n".join(lines) + "\n"
