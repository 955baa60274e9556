"""Hand-made features in front of a classical model: x², xy, polar coordinates, ...

:data:`FEATURE_MAPS` names the features notebook 04 and the model explorer offer, and
:class:`WithFeatures` shows a model those features of each point instead of the point itself,
standardized on the training set: the course's small version of scikit-learn's
``Pipeline([("features", ...), ("scale", StandardScaler()), ("model", ...)])``.
"""
import numpy as np

from .estimator import Classifier, as_features
from .representations import polynomial_features, to_polar
from .i18n import N_, _
from .validation import as_2d

__all__ = ["FEATURE_MAPS", "WithFeatures"]

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
    itself is trained, as a scikit-learn ``Pipeline`` trains its steps, so ``.model.coef_`` is
    what it learned; ``model__l2=0.1`` reaches its hyper-parameters (``set_params``,
    ``GridSearchCV``).
    """

    def __init__(self, model, features="x, y", standardize=True):
        self.model, self.features, self.standardize = model, features, standardize

    @property
    def feature_function(self):
        """The function that makes the features from X."""
        if isinstance(self.features, str):
            if self.features not in FEATURE_MAPS:
                raise ValueError(_("unknown features {features!r}; choose one of {names} or "
                                   "pass a function of X.")
                                 .format(features=self.features, names=list(FEATURE_MAPS)))
            return FEATURE_MAPS[self.features]
        if not callable(self.features):
            raise TypeError(_("features must be a name from FEATURE_MAPS or a function that "
                              "takes X (n_samples, n_features) and returns the new columns."))
        return self.features

    def _make_features(self, X):
        F = np.asarray(self.feature_function(X), dtype=np.float64)
        if F.ndim == 1:
            F = F[:, None]
        F = as_features(F, N_("the features"))
        if len(F) != len(X):
            raise ValueError(_("the feature function returned {rows} rows for {n} points; it "
                               "must return one row per point (stack columns with "
                               "np.column_stack).").format(rows=len(F), n=len(X)))
        return F

    def fit(self, X, y):
        if not isinstance(self.model, Classifier):
            raise TypeError(_("model must be one of the course's models (Perceptron, "
                              "LogisticRegression, ...), got {model}; for scikit-learn's models "
                              "use sklearn.pipeline.make_pipeline.")
                            .format(model=type(self.model).__name__))
        self.feature_function                              # checks the features early
        X, _positions = self._start_fit(X, y)
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

    def fit_transform(self, X, y):
        """Train on X, y and return the features the model saw."""
        return self.fit(X, y).transform(X)

    def predict(self, X):
        return self.model.predict(self.transform(X))

    # These two exist only when the inner model has them (the perceptron has no probabilities):
    # reading the property raises AttributeError otherwise, so hasattr() says False.
    @property
    def predict_proba(self):
        """The inner model's probabilities for every row of X."""
        model_predict_proba = self.model.predict_proba
        return lambda X: model_predict_proba(self.transform(X))

    @property
    def decision_function(self):
        """The inner model's scores for every row of X."""
        model_decision_function = self.model.decision_function
        return lambda X: model_decision_function(self.transform(X))
