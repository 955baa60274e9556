"""Classical machine learning, from scratch in NumPy: what came before deep learning.

Four learners, each short enough to read in one sitting, with the shapes and names of
scikit-learn's estimators so that the learner meets them again there:

- :class:`Perceptron`          Rosenblatt's 1958 rule: nudge a line towards each mistake.
- :class:`LogisticRegression`  a line with probabilities, trained by gradient descent with a
                               loss and an optimizer from this package (the same machinery the
                               networks of notebooks 05-07 use).
- :class:`KNearestNeighbors`   vote among the k closest training points.
- :class:`DecisionTree`        a tree of "feature <= threshold" questions, split by Gini impurity.

The first two live here; the other two in ``helpers.neighbours_and_trees`` and hand-made
features (:class:`WithFeatures`) in ``helpers.with_features``; all are imported from here.

They follow scikit-learn's conventions (see ``helpers.estimator``): hyper-parameters go into the
constructor and are stored unchanged (``fit`` checks them); ``fit(X, y)`` learns and returns the
model itself; what was learned ends with an underscore (``coef_``, ``classes_``); ``predict``,
``predict_proba`` where the model has probabilities, and ``score`` (accuracy). Labels can be
any values (0/1, -1/+1, strings). A model that uses randomness takes a ``seed``. So they work
inside scikit-learn's own tools: ``clone``, ``cross_val_score``, ``GridSearchCV``, ``Pipeline``.

:func:`fit_sklearn` fits scikit-learn's version of a model with the same hyper-parameters, so
the two can be compared on the same data.
"""
import copy

import numpy as np

from . import optimizers as optimizers_module
from . import scoreboard
from .estimator import Classifier, NotFittedError, as_class_labels, as_features
from .layers import sigmoid
from .losses import BinaryCrossEntropy, SoftmaxCrossEntropy, softmax
from .neighbours_and_trees import DecisionTree, KNearestNeighbors, gini
from .training import DivergenceError, DivergenceWatch, minibatches
from .i18n import N_, _
from .validation import positive_int, positive_number
from .with_features import FEATURE_MAPS, WithFeatures

__all__ = ["Perceptron", "LogisticRegression", "KNearestNeighbors", "DecisionTree",
           "WithFeatures", "FEATURE_MAPS", "NotFittedError", "DivergenceError", "fit_sklearn",
           "sklearn_C", "gini", "MODELS"]


# ----- the perceptron ---------------------------------------------------------------------------
class Perceptron(Classifier):
    """Rosenblatt's perceptron (1958): a line that moves towards every point it gets wrong.

    The model scores a point with ``w · x + b`` and says the second class (``classes_[1]``) when
    the score is positive. Training visits the points one by one; after a mistake on a point of
    the second class it adds the point to ``w`` (and 1 to ``b``), after a mistake on the first
    class it subtracts them, each time scaled by ``lr``. It stops after an epoch without a
    mistake (which happens, in a finite number of steps, whenever a line can separate the
    classes) or after ``max_iter`` epochs.

    Two classes only, with any labels (0/1, -1/+1, ...). ``seed`` fixes the order in which points
    are visited (if ``shuffle``). It has no probabilities, so no ``predict_proba``. Learned:
    ``coef_`` (1, n_features), ``intercept_`` (1,), ``mistakes_`` (one count per epoch),
    ``n_iter_`` (epochs run), ``converged_``.
    """

    _binary_only = True

    def __init__(self, lr=1.0, max_iter=100, shuffle=True, seed=0):
        self.lr, self.max_iter, self.shuffle, self.seed = lr, max_iter, shuffle, seed

    def fit(self, X, y):
        positive_number(self.lr, "lr")
        positive_int(self.max_iter, "max_iter")
        X, y = self._start_fit(X, y)
        sign = np.where(y == 1, 1.0, -1.0)         # second class -> +1, first class -> -1
        w, b = np.zeros(X.shape[1]), 0.0
        rng = np.random.default_rng(self.seed)
        self.mistakes_ = []
        for _iteration in range(self.max_iter):
            order = rng.permutation(len(X)) if self.shuffle else range(len(X))
            mistakes = 0
            for i in order:
                if sign[i] * (X[i].dot(w) + b) <= 0:  # wrong side of the line (or on it)
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
        """The score ``w · x + b`` of every row (positive means the second class)."""
        X = self._check_X(X)
        return X @ self.coef_[0] + self.intercept_[0]

    def predict(self, X):
        positive = self.decision_function(X) > 0
        return self.classes_[positive.astype(int)]


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
    ``seed``). Training stops when every gradient entry is below ``tol`` or after ``max_iter``;
    a loss that explodes raises ``DivergenceError`` (the rule of ``helpers.training``). With
    ``warm_start`` a second ``fit`` starts from the weights of the first, as in scikit-learn.
    Learned: ``coef_`` (1 or n_classes, n_features), ``intercept_``, ``loss_curve_``,
    ``n_iter_``, ``converged_``.
    """

    def __init__(self, l2=0.0, optimizer="adam", lr=0.05, max_iter=3000, tol=1e-5,
                 batch_size=None, seed=0, warm_start=False):
        self.l2, self.optimizer, self.lr, self.max_iter = l2, optimizer, lr, max_iter
        self.tol, self.batch_size, self.seed, self.warm_start = tol, batch_size, seed, warm_start

    def _loss_and_gradients(self, X, t, W, b):
        """The penalised loss and its gradients with respect to W and b (``t``: the targets
        as the loss prepared them, checked once before training)."""
        logits = X @ W + b
        loss = self.loss_.compute(logits, t) + 0.5 * self.l2 * np.sum(W ** 2)
        d_logits = self.loss_.backward()               # d loss / d logits, shape (n, outputs)
        return loss, [X.T @ d_logits + self.l2 * W, d_logits.sum(axis=0)]

    def fit(self, X, y):
        positive_number(self.l2, "l2", allow_zero=True)
        positive_int(self.max_iter, "max_iter")
        positive_number(self.tol, "tol", allow_zero=True)
        if self.batch_size is not None:
            positive_int(self.batch_size, "batch_size")
        optimizer = optimizers_module.get(copy.deepcopy(self.optimizer), self.lr)
        X, y = self._start_fit(X, y)
        binary = len(self.classes_) == 2
        self.loss_ = BinaryCrossEntropy(from_logits=True) if binary else SoftmaxCrossEntropy()
        self.optimizer_ = optimizer
        self.optimizer_.reset()
        outputs = 1 if binary else len(self.classes_)
        W, b = np.zeros((X.shape[1], outputs)), np.zeros(outputs)
        if self.warm_start and getattr(self, "coef_", np.empty(0)).shape == W.T.shape:
            W, b = self.coef_.T.copy(), self.intercept_.copy()    # go on from the last fit
        with np.errstate(over="ignore", invalid="ignore"):
            self._gradient_descent(X, y, W, b)
        self.coef_, self.intercept_ = W.T.copy(), b.copy()
        self.n_iter_ = len(self.loss_curve_)
        return self

    def _gradient_descent(self, X, y, W, b):
        """Step downhill on the loss until the slope is flat (or ``max_iter`` passes)."""
        rng = np.random.default_rng(self.seed)
        t = self.loss_.prepare(y, len(X), W.shape[1], "y")
        watch = DivergenceWatch(advice=N_("create the model with a smaller lr"))
        self.loss_curve_, self.converged_ = [], False
        for _iteration in range(self.max_iter):
            loss, grads = self._loss_and_gradients(X, t, W, b)
            watch.check(loss, lr=self.optimizer_.lr)        # exploding or NaN: stop, and say so
            self.loss_curve_.append(loss)
            if max(np.abs(g).max() for g in grads) < self.tol:
                self.converged_ = True                      # the slope is flat: a minimum
                return
            if self.batch_size is None:
                self.optimizer_.step([W, b], grads)          # W and b change in place
                continue
            for rows in minibatches(len(X), self.batch_size, rng):
                self.optimizer_.step([W, b], self._loss_and_gradients(X[rows], t[rows], W, b)[1])

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

    X = as_features(X)
    as_class_labels(y, len(X))                     # the same checks as the course's models
    y = np.asarray(y)
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
        return SkPerceptron(eta0=model.lr, max_iter=model.max_iter, tol=None,
                            shuffle=model.shuffle, random_state=model.seed)
    if isinstance(model, LogisticRegression):
        return SkLogisticRegression(C=sklearn_C(model.l2, n), max_iter=10_000, tol=1e-8)
    if isinstance(model, KNearestNeighbors):
        return KNeighborsClassifier(n_neighbors=model.k, algorithm="brute")
    if isinstance(model, DecisionTree):
        return DecisionTreeClassifier(max_depth=model.max_depth,
                                      min_samples_split=model.min_samples_split, random_state=0)
    raise TypeError(_("no scikit-learn counterpart for {model}; pass one of {names} or "
                      "WithFeatures.").format(model=type(model).__name__,
                                              names=[m.__name__ for m in MODELS.values()]))


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
