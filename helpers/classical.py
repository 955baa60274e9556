"""Classical machine learning, from scratch in NumPy: what came before deep learning.

Four learners, each short enough to read in one sitting, with the shapes and names of
scikit-learn's estimators so that the learner meets them again there:

- :class:`Perceptron`          Rosenblatt's 1958 rule: nudge a line towards each mistake.
- :class:`LogisticRegression`  a line with probabilities, trained by gradient descent with a
                               loss and an optimizer from this package (the same machinery the
                               networks of notebooks 05-07 use).
- :class:`KNearestNeighbors`   vote among the k closest training points.
- :class:`DecisionTree`        a tree of "feature <= threshold" questions, split by Gini impurity.

The conventions (scikit-learn's): hyper-parameters go into the constructor and are stored
unchanged; ``fit(X, y)`` learns and returns the model itself; what was learned ends with an
underscore (``coef_``, ``classes_``); ``predict``, ``predict_proba`` where the model has
probabilities, and ``score`` (accuracy). A model that uses randomness takes a ``seed``.

:class:`WithFeatures` puts hand-made features (x², xy, ...) in front of any of them, and
:func:`fit_sklearn` fits scikit-learn's version of a model with the same hyper-parameters, so the
two can be compared on the same data.
"""
import copy
import inspect

import numpy as np

from . import optimizers as optimizers_module
from . import scoreboard
from .layers import sigmoid
from .losses import BinaryCrossEntropy, SoftmaxCrossEntropy, softmax
from .models import DivergenceError
from .representations import polynomial_features, to_polar
from .validation import as_2d, as_labels, positive_int, positive_number

__all__ = ["Perceptron", "LogisticRegression", "KNearestNeighbors", "DecisionTree",
           "WithFeatures", "FEATURE_MAPS", "NotFittedError", "fit_sklearn", "sklearn_C",
           "gini", "MODELS"]


class NotFittedError(ValueError):
    """Raised when a model is used before ``fit`` (scikit-learn has an error of the same name)."""


# ----- what every model shares ----------------------------------------------------------------
class Classifier:
    """Base class: input checks, ``classes_``, ``score``, ``get_params`` and a readable repr."""

    def get_params(self):
        """The constructor's arguments as given, by name (as in scikit-learn)."""
        names = inspect.signature(type(self).__init__).parameters
        return {name: getattr(self, name) for name in names if name != "self"}

    def set_params(self, **params):
        """Change hyper-parameters (checked as in the constructor); returns the model."""
        current = self.get_params()
        for name in params:
            if name not in current:
                raise ValueError(f"{type(self).__name__} has no hyper-parameter {name!r}; "
                                 f"it has {sorted(current)}.")
        self.__init__(**{**current, **params})
        return self

    def __repr__(self):
        defaults = {name: p.default for name, p in
                    inspect.signature(type(self).__init__).parameters.items()}
        changed = [f"{k}={v!r}" for k, v in self.get_params().items()
                   if not (isinstance(v, (int, float, str, type(None))) and v == defaults[k])]
        return f"{type(self).__name__}({', '.join(changed)})"

    # ----- checks -------------------------------------------------------------------------
    def _start_fit(self, X, y):
        """Check the training data; set ``classes_`` and ``n_features_in_``.

        Returns X as floats and y as positions in ``classes_`` (0, 1, ...), which is what the
        models work with inside; ``predict`` turns positions back into the original labels.
        """
        X = as_2d(X, "X")
        y = as_labels(y, n_samples=len(X))
        self.classes_ = np.unique(y)
        if len(self.classes_) < 2:
            raise ValueError(f"y contains only the class {self.classes_[0]}; a classifier needs "
                             f"examples of at least two different classes.")
        self.n_features_in_ = X.shape[1]
        return X, np.searchsorted(self.classes_, y)

    def _check_fitted(self):
        if not hasattr(self, "classes_"):
            raise NotFittedError(f"this {type(self).__name__} has not been trained yet; call "
                                 f".fit(X_train, y_train) before using it to predict.")

    def _check_X(self, X):
        self._check_fitted()
        return as_2d(X, "X", n_features=self.n_features_in_,
                     what=f"this {type(self).__name__} (trained on {self.n_features_in_} "
                          f"features)")

    # ----- using --------------------------------------------------------------------------
    def predict(self, X):
        """The predicted class of every row of X."""
        best = self.predict_proba(X).argmax(axis=1)
        return self.classes_[best]

    def score(self, X, y):
        """Accuracy: the fraction of rows of X whose predicted class equals y."""
        X = self._check_X(X)
        y = as_labels(y, n_samples=len(X))
        return float(np.mean(self.predict(X) == y))


# ----- the perceptron ---------------------------------------------------------------------------
class Perceptron(Classifier):
    """Rosenblatt's perceptron (1958): a line that moves towards every point it gets wrong.

    The model scores a point with ``w · x + b`` and says class 1 when the score is positive.
    Training visits the points one by one; after a mistake on a point of class 1 it adds the
    point to ``w`` (and 1 to ``b``), after a mistake on class 0 it subtracts them, each time
    scaled by ``lr``. It stops after an epoch without a mistake (which happens, in a finite
    number of steps, whenever a line can separate the classes) or after ``max_epochs``.

    Two classes only. ``seed`` fixes the order in which points are visited (if ``shuffle``).
    Learned: ``coef_`` (1, n_features), ``intercept_`` (1,), ``mistakes_`` (one count per
    epoch), ``n_iter_`` (epochs run), ``converged_``.
    """

    def __init__(self, lr=1.0, max_epochs=100, shuffle=True, seed=0):
        positive_number(lr, "lr")
        positive_int(max_epochs, "max_epochs")
        self.lr, self.max_epochs, self.shuffle, self.seed = lr, max_epochs, shuffle, seed

    def fit(self, X, y):
        X, y = self._start_fit(X, y)
        if len(self.classes_) != 2:
            raise ValueError(f"the perceptron separates two classes, but y has "
                             f"{len(self.classes_)}; use LogisticRegression, KNearestNeighbors "
                             f"or DecisionTree for more classes.")
        sign = np.where(y == 1, 1.0, -1.0)         # class 1 -> +1, class 0 -> -1
        w, b = np.zeros(X.shape[1]), 0.0
        rng = np.random.default_rng(self.seed)
        self.mistakes_ = []
        for _ in range(self.max_epochs):
            order = rng.permutation(len(X)) if self.shuffle else range(len(X))
            mistakes = 0
            for i in order:
                if sign[i] * (X[i] @ w + b) <= 0:  # wrong side of the line (or on it)
                    w += self.lr * sign[i] * X[i]  # the 1958 rule: move towards the point
                    b += self.lr * sign[i]
                    mistakes += 1
            self.mistakes_.append(mistakes)
            if mistakes == 0:
                break
        self.coef_, self.intercept_ = w[None, :], np.array([b])
        self.n_iter_ = len(self.mistakes_)
        self.converged_ = self.mistakes_[-1] == 0
        return self

    def decision_function(self, X):
        """The score ``w · x + b`` of every row (positive means class 1)."""
        X = self._check_X(X)
        return X @ self.coef_[0] + self.intercept_[0]

    def predict(self, X):
        positive = self.decision_function(X) > 0
        return self.classes_[positive.astype(int)]

    def predict_proba(self, X):
        raise AttributeError("the perceptron only says which side of its line a point is on; "
                             "it has no probabilities (use LogisticRegression for those).")


# ----- logistic regression ----------------------------------------------------------------------
class LogisticRegression(Classifier):
    """A linear model with probabilities, trained by gradient descent.

    Each class gets a score ``x @ W + b``; the scores become probabilities (a sigmoid for two
    classes, a softmax for more). Training minimises

        mean cross-entropy  +  l2 / 2 * (sum of the squared weights)

    with a loss object from ``helpers.losses`` (``BinaryCrossEntropy(from_logits=True)`` or
    ``SoftmaxCrossEntropy``) and an optimizer from ``helpers.optimizers``: the same loss-plus-
    optimizer loop that trains the networks later. The bias ``b`` is not penalised.

    scikit-learn's ``LogisticRegression(C=...)`` minimises the same thing scaled by C * n, so
    ``C = 1 / (l2 * n_samples)`` gives the same model (see :func:`sklearn_C`); ``l2=0`` is
    ``C=np.inf``.

    ``optimizer`` is a name ('sgd', 'adam', 'rmsprop', used with learning rate ``lr``) or an
    optimizer object (a copy is used). Each iteration is one pass over the data: one step with
    the whole training set, or, with ``batch_size``, one step per mini-batch (shuffled with
    ``seed``). Training stops when every gradient entry is below ``tol`` or after ``max_iter``.
    Learned: ``coef_`` (1 or n_classes, n_features), ``intercept_``, ``loss_curve_``,
    ``n_iter_``, ``converged_``.
    """

    def __init__(self, l2=0.0, optimizer="adam", lr=0.05, max_iter=3000, tol=1e-5,
                 batch_size=None, seed=0):
        positive_number(l2, "l2", allow_zero=True)
        optimizers_module.get(optimizer, lr)       # fails early on an unknown name or bad lr
        positive_int(max_iter, "max_iter")
        positive_number(tol, "tol", allow_zero=True)
        if batch_size is not None:
            positive_int(batch_size, "batch_size")
        self.l2, self.optimizer, self.lr, self.max_iter = l2, optimizer, lr, max_iter
        self.tol, self.batch_size, self.seed = tol, batch_size, seed

    def _loss_and_gradients(self, X, y, W, b):
        """The penalised loss and its gradients with respect to W and b."""
        logits = X @ W + b
        loss = self.loss_.forward(logits, y) + 0.5 * self.l2 * np.sum(W ** 2)
        d_logits = self.loss_.backward()               # d loss / d logits, shape (n, outputs)
        return loss, [X.T @ d_logits + self.l2 * W, d_logits.sum(axis=0)]

    def fit(self, X, y):
        X, y = self._start_fit(X, y)
        binary = len(self.classes_) == 2
        self.loss_ = BinaryCrossEntropy(from_logits=True) if binary else SoftmaxCrossEntropy()
        self.optimizer_ = optimizers_module.get(copy.deepcopy(self.optimizer), self.lr)
        self.optimizer_.reset()
        outputs = 1 if binary else len(self.classes_)
        W, b = np.zeros((X.shape[1], outputs)), np.zeros(outputs)
        with np.errstate(over="ignore", invalid="ignore"):
            self._gradient_descent(X, y, W, b)
        self.coef_, self.intercept_ = W.T.copy(), b.copy()
        self.n_iter_ = len(self.loss_curve_)
        return self

    def _gradient_descent(self, X, y, W, b):
        """Step downhill on the loss until the slope is flat (or ``max_iter`` passes)."""
        rng = np.random.default_rng(self.seed)
        self.loss_curve_, self.converged_ = [], False
        for _ in range(self.max_iter):
            loss, grads = self._loss_and_gradients(X, y, W, b)
            if not np.isfinite(loss):
                raise DivergenceError(f"training diverged (the loss became {loss}); the "
                                      f"learning rate {self.optimizer_.lr:g} is too large, try "
                                      f"a smaller one such as {self.optimizer_.lr / 10:g}.")
            self.loss_curve_.append(loss)
            if max(np.abs(g).max() for g in grads) < self.tol:
                self.converged_ = True                      # the slope is flat: a minimum
                return
            if self.batch_size is None:
                self.optimizer_.step([W, b], grads)          # W and b change in place
                continue
            order = rng.permutation(len(X))
            for start in range(0, len(X), self.batch_size):
                rows = order[start:start + self.batch_size]
                self.optimizer_.step([W, b], self._loss_and_gradients(X[rows], y[rows], W, b)[1])

    def decision_function(self, X):
        """The raw scores (logits): one column per class, or one number each for two classes."""
        X = self._check_X(X)
        scores = X @ self.coef_.T + self.intercept_
        return scores[:, 0] if scores.shape[1] == 1 else scores

    def predict_proba(self, X):
        """One row per point, one column per class, each row summing to 1."""
        scores = self.decision_function(X)
        if scores.ndim == 1:
            p1 = sigmoid(scores)
            return np.column_stack([1.0 - p1, p1])
        return softmax(scores)


def sklearn_C(l2, n_samples):
    """scikit-learn's ``C`` for our ``l2`` on ``n_samples`` training rows: 1 / (l2 * n)."""
    l2 = positive_number(l2, "l2", allow_zero=True)
    n_samples = positive_int(n_samples, "n_samples")
    return np.inf if l2 == 0 else 1.0 / (l2 * n_samples)


# ----- k nearest neighbours ---------------------------------------------------------------------
class KNearestNeighbors(Classifier):
    """Predict by a vote among the ``k`` training points closest to the new point.

    Training only stores the data; the work happens at prediction, where every new point is
    compared with every training point (straight-line, Euclidean distance). The probability of a
    class is its share of the k votes; a tied vote goes to the smallest class label, as in
    scikit-learn's ``KNeighborsClassifier``. Learned: ``X_``, ``y_`` (the stored training set).
    """

    def __init__(self, k=5):
        positive_int(k, "k")
        self.k = k

    def fit(self, X, y):
        X, y = self._start_fit(X, y)
        if self.k > len(X):
            raise ValueError(f"k={self.k} is larger than the training set ({len(X)} points); "
                             f"choose k <= {len(X)} (small odd numbers such as 5 are typical).")
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
        idx = np.argpartition(d2, self.k - 1, axis=1)[:, :self.k]     # the k smallest, unsorted
        d_idx = np.take_along_axis(d2, idx, axis=1)
        by_distance = np.argsort(d_idx, axis=1, kind="stable")
        return (np.sqrt(np.take_along_axis(d_idx, by_distance, axis=1)),
                np.take_along_axis(idx, by_distance, axis=1))

    def predict_proba(self, X):
        _, neighbours = self.kneighbors(X)
        votes = self.y_[neighbours]                      # (n, k) class positions
        counts = np.stack([(votes == c).sum(axis=1) for c in range(len(self.classes_))], axis=1)
        return counts / self.k


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

    Every feature is sorted once; running class counts give the Gini impurity of the two sides
    for every possible cut at once. Cuts lie halfway between neighbouring distinct values.
    Returns None when all rows are identical.
    """
    n = len(X)
    order = np.argsort(X, axis=0, kind="stable")                 # (n, features)
    values = np.take_along_axis(X, order, axis=0)
    onehot = np.eye(n_classes)[y]
    left = np.cumsum(onehot[order], axis=0)[:-1]                  # counts left of each cut
    right = onehot.sum(axis=0) - left
    n_left = np.arange(1, n)[:, None]
    weighted = (n_left * gini(left) + (n - n_left) * gini(right)) / n
    weighted[values[1:] <= values[:-1]] = np.inf                  # cannot cut between equals
    if not np.isfinite(weighted).any():
        return None
    feature, position = np.unravel_index(np.argmin(weighted.T), weighted.T.shape)
    threshold = (values[position, feature] + values[position + 1, feature]) / 2.0
    return int(feature), float(threshold), float(weighted[position, feature])


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
        if max_depth is not None:
            positive_int(max_depth, "max_depth")
        positive_int(min_samples_split, "min_samples_split", minimum=2)
        self.max_depth, self.min_samples_split = max_depth, min_samples_split

    def fit(self, X, y):
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
        self._check_fitted()
        if feature_names is None:
            feature_names = [f"feature_{j}" for j in range(self.n_features_in_)]
        if len(feature_names) != self.n_features_in_:
            raise ValueError(f"feature_names has {len(feature_names)} names but the tree uses "
                             f"{self.n_features_in_} features; give one name per feature.")
        lines, stack = [], [("node", 0, 0)]
        while stack:
            kind, item, depth = stack.pop()
            if kind == "text":
                lines.append(item)
                continue
            node, bar = item, "|   " * depth + "|--- "
            if self.children_left_[node] == -1:
                label = self.classes_[int(np.argmax(self.value_[node]))]
                lines.append(f"{bar}class: {label}")
                continue
            name, t = feature_names[self.feature_[node]], self.threshold_[node]
            lines.append(f"{bar}{name} <= {t:.{decimals}f}")
            # the right branch comes after the whole left branch, so it waits on the stack
            stack.append(("node", self.children_right_[node], depth + 1))
            stack.append(("text", f"{bar}{name} >  {t:.{decimals}f}", depth))
            stack.append(("node", self.children_left_[node], depth + 1))
        return "\n".join(lines) + "\n"


# ----- hand-made features -----------------------------------------------------------------------
#: Hand-made features of points (x, y), by the names the notebook and the widget show.
FEATURE_MAPS = {
    "x, y": lambda X: as_2d(X, "X"),
    "x², y²": lambda X: as_2d(X, "X") ** 2,
    "x, y, x², xy, y²": lambda X: polynomial_features(X, 2),
    "all products up to degree 3": lambda X: polynomial_features(X, 3),
    "polar: r, θ": to_polar,
}


class WithFeatures(Classifier):
    """A model that is shown hand-made features of each point instead of the point itself.

    ``features`` is a name from :data:`FEATURE_MAPS` or a function from X (n, d) to new
    columns (n, m). With ``standardize`` each new column is shifted and scaled to mean 0 and
    standard deviation 1 using the training set's numbers (``mean_``, ``scale_``), which helps
    gradient descent when columns have very different sizes (x versus x³). The ``model`` object
    itself is trained (as in a scikit-learn ``Pipeline``).
    """

    def __init__(self, model, features="x, y", standardize=True):
        if not isinstance(model, Classifier):
            raise TypeError(f"model must be one of the course's models (Perceptron, "
                            f"LogisticRegression, ...), got {type(model).__name__}.")
        if isinstance(features, str):
            if features not in FEATURE_MAPS:
                raise ValueError(f"unknown features {features!r}; choose one of "
                                 f"{list(FEATURE_MAPS)} or pass a function of X.")
        elif not callable(features):
            raise TypeError("features must be a name from FEATURE_MAPS or a function that "
                            "takes X (n_samples, n_features) and returns the new columns.")
        self.model, self.features, self.standardize = model, features, standardize

    @property
    def feature_function(self):
        return FEATURE_MAPS[self.features] if isinstance(self.features, str) else self.features

    def _make_features(self, X):
        F = np.asarray(self.feature_function(X), dtype=np.float64)
        if F.ndim == 1:
            F = F[:, None]
        F = as_2d(F, "the features")
        if len(F) != len(X):
            raise ValueError(f"the feature function returned {len(F)} rows for {len(X)} points; "
                             f"it must return one row per point (stack columns with "
                             f"np.column_stack).")
        return F

    def fit(self, X, y):
        X, _ = self._start_fit(X, y)
        F = self._make_features(X)
        self.mean_ = F.mean(axis=0) if self.standardize else np.zeros(F.shape[1])
        std = F.std(axis=0) if self.standardize else np.ones(F.shape[1])
        self.scale_ = np.where(std > 0, std, 1.0)
        self.model.fit((F - self.mean_) / self.scale_, y)
        return self

    def transform(self, X):
        """The (standardized) features the model sees for every row of X."""
        X = self._check_X(X)
        return (self._make_features(X) - self.mean_) / self.scale_

    def predict(self, X):
        return self.model.predict(self.transform(X))

    def predict_proba(self, X):
        return self.model.predict_proba(self.transform(X))


#: The four learners by the names the notebook and the widget show.
MODELS = {"perceptron": Perceptron, "logistic regression": LogisticRegression,
          "k-nearest neighbours": KNearestNeighbors, "decision tree": DecisionTree}


# ----- scikit-learn's versions ------------------------------------------------------------------
def fit_sklearn(model, X, y):
    """Fit scikit-learn's version of ``model`` (same hyper-parameters) on X, y and return it.

    Perceptron -> ``sklearn.linear_model.Perceptron`` (eta0 = lr, no stopping tolerance);
    LogisticRegression -> ``sklearn.linear_model.LogisticRegression`` with C = 1 / (l2 * n);
    KNearestNeighbors -> ``KNeighborsClassifier``; DecisionTree -> ``DecisionTreeClassifier``;
    WithFeatures -> a ``Pipeline`` of the same features, ``StandardScaler`` and the model.
    scikit-learn's warnings that training stopped before convergence are silenced: the course's
    models report the same thing in ``converged_``.
    """
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression as SkLogisticRegression
    from sklearn.linear_model import Perceptron as SkPerceptron
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler
    from sklearn.tree import DecisionTreeClassifier

    X = as_2d(X, "X")
    y = as_labels(y, n_samples=len(X))
    if isinstance(model, WithFeatures):
        steps = [FunctionTransformer(model.feature_function)]
        steps += [StandardScaler()] if model.standardize else []
        inner = _sklearn_estimator(model.model, len(X), SkPerceptron, SkLogisticRegression,
                                   KNeighborsClassifier, DecisionTreeClassifier)
        estimator = make_pipeline(*steps, inner)
    else:
        estimator = _sklearn_estimator(model, len(X), SkPerceptron, SkLogisticRegression,
                                       KNeighborsClassifier, DecisionTreeClassifier)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return estimator.fit(X, y)


def _sklearn_estimator(model, n, SkPerceptron, SkLogisticRegression, KNeighborsClassifier,
                       DecisionTreeClassifier):
    if isinstance(model, Perceptron):
        return SkPerceptron(eta0=model.lr, max_iter=model.max_epochs, tol=None,
                            shuffle=model.shuffle, random_state=model.seed)
    if isinstance(model, LogisticRegression):
        return SkLogisticRegression(C=sklearn_C(model.l2, n), max_iter=10_000, tol=1e-8)
    if isinstance(model, KNearestNeighbors):
        return KNeighborsClassifier(n_neighbors=model.k, algorithm="brute")
    if isinstance(model, DecisionTree):
        return DecisionTreeClassifier(max_depth=model.max_depth,
                                      min_samples_split=model.min_samples_split, random_state=0)
    raise TypeError(f"no scikit-learn counterpart for {type(model).__name__}; pass one of "
                    f"{[m.__name__ for m in MODELS.values()]} or WithFeatures.")


# ----- scoreboard rows --------------------------------------------------------------------------
def _test_accuracy(model, split):
    X_train, y_train, X_test, y_test = split()
    return model.fit(X_train, y_train).score(X_test, y_test)


@scoreboard.entry(4, "running example", "perceptron (the 1958 rule) on x, y",
                  "nothing about these points; only that a straight line will do")
def _running_example_perceptron():
    return _test_accuracy(Perceptron(), scoreboard.running_example_split)


@scoreboard.entry(4, "running example", "logistic regression on x, y",
                  "nothing about these points; only that a straight line will do")
def _running_example_logistic():
    return _test_accuracy(LogisticRegression(l2=1e-3), scoreboard.running_example_split)


@scoreboard.entry(4, "spiral", "logistic regression on x, y, x², xy, y²",
                  "the features x², xy, y² (they solve circles, not spirals)")
def _spiral_logistic():
    model = WithFeatures(LogisticRegression(l2=1e-3), "x, y, x², xy, y²")
    return _test_accuracy(model, scoreboard.spiral_split)


@scoreboard.entry(4, "spiral", "k-nearest neighbours (k = 5)",
                  "that straight-line distance between points means similarity")
def _spiral_knn():
    return _test_accuracy(KNearestNeighbors(k=5), scoreboard.spiral_split)


@scoreboard.entry(4, "digits", "logistic regression on the 64 pixels",
                  "nothing beyond scaling the pixels to [0, 1]")
def _digits_logistic():
    return _test_accuracy(LogisticRegression(l2=1e-3, tol=1e-4), scoreboard.digits_split)


@scoreboard.entry(4, "digits", "k-nearest neighbours (k = 5) on the 64 pixels",
                  "that pixel-by-pixel distance means similar digits")
def _digits_knn():
    return _test_accuracy(KNearestNeighbors(k=5), scoreboard.digits_split)


@scoreboard.entry(4, "digits", "decision tree (depth 10) on the 64 pixels",
                  "nothing beyond the depth limit")
def _digits_tree():
    return _test_accuracy(DecisionTree(max_depth=10), scoreboard.digits_split)
