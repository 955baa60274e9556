"""What every learner of the course shares: scikit-learn's estimator conventions, written out.

The learners of notebooks 02-04 and 07 (``search``, ``classical``, ``neighbours_and_trees``,
``with_features``, ``digits.PCA``) follow scikit-learn's rules for estimators, so that a learner
can hand them to scikit-learn's own tools (``clone``, ``cross_val_score``, ``GridSearchCV``,
``Pipeline``) and meets the same names again there:

- **The constructor only stores** its hyper-parameters, unchanged, under their own names. Nothing
  is checked there: ``fit`` checks them, so ``set_params`` and ``clone`` never fail half-way.
- ``fit(X, y)`` learns and returns the estimator itself. What was learned ends with an
  underscore (``coef_``, ``classes_``, ``n_features_in_``); before ``fit`` none of it exists and
  using the estimator raises :class:`NotFittedError`.
- A classifier keeps the labels it was given, whatever they are (0/1, -1/+1, 3 and 7, strings),
  in ``classes_``, and ``predict`` answers with them.
- Randomness is controlled by ``seed`` (the course's name everywhere: data sets, layers, ``fit``;
  scikit-learn calls it ``random_state``).
- ``max_iter`` is the most passes over the training data that training may take (it can stop
  earlier), as in scikit-learn. ``CoordinateSearch`` keeps ``n_steps``: it always takes exactly
  that many random steps, and the notebook draws every one of them.

:class:`Estimator` gives ``get_params``/``set_params``/``repr`` and the "tags" through which
scikit-learn asks what an estimator can do. It does not import scikit-learn (so that notebooks
which never use it start quickly); scikit-learn's parts are imported only when scikit-learn
itself asks. :class:`Classifier` adds the input checks, ``classes_``, ``predict`` and ``score``.
"""
import inspect

import numpy as np

from .i18n import _
from .validation import as_2d

__all__ = ["NotFittedError", "Estimator", "Classifier", "as_features", "as_class_labels",
           "fresh_copy"]


class NotFittedError(ValueError, AttributeError):
    """An estimator was used before ``fit``. A ValueError and an AttributeError, like
    scikit-learn's ``NotFittedError``, so code written for scikit-learn catches it too."""


# ----- checking what a learner passes in --------------------------------------------------------
def as_features(X, name="X"):
    """X as a float array (n_samples, n_features) with at least one sample and one feature."""
    if hasattr(X, "toarray") and hasattr(X, "nnz"):
        raise TypeError(_("{name} is a SciPy sparse matrix; the course's models work on "
                          "ordinary arrays: pass {name}.toarray().").format(name=_(name)))
    if X is not None:
        try:
            arr = np.asarray(X)
        except ValueError:
            raise ValueError(_("{name} has rows of different lengths; every row needs the "
                               "same number of features.").format(name=_(name))) from None
        if arr.dtype.kind == "c":
            raise ValueError(_("Complex data not supported: {name} holds complex numbers; "
                               "pass real numbers (for example {name}.real).")
                             .format(name=_(name)))
        if arr.ndim == 1:
            raise ValueError(_("Reshape your data: {name} must be 2-D (n_samples, n_features) "
                               "but got a 1-D array of shape {shape}; use {name}.reshape(-1, 1) "
                               "for a single feature or {name}.reshape(1, -1) for a single "
                               "sample.").format(name=_(name), shape=arr.shape))
        if arr.dtype.kind not in "biuf":
            try:
                X = arr.astype(np.float64)
            except (TypeError, ValueError) as problem:
                raise TypeError(_("{name} must hold numbers only ({problem}); convert it with "
                                  "np.asarray({name}, dtype=float) first or remove the "
                                  "non-numeric entries.").format(name=_(name), problem=problem)
                                ) from None
        else:
            X = arr
    arr = as_2d(X, name)
    if arr.shape[1] == 0:
        raise ValueError(_("{name} has 0 feature(s) (shape={shape}) while a minimum of 1 is "
                           "required: every row needs at least one number (check which columns "
                           "you selected).").format(name=_(name), shape=arr.shape))
    return arr


def as_class_labels(y, n_samples, name="y"):
    """Check a classifier's training labels: returns ``(classes, positions)``.

    Labels may be any values scikit-learn accepts as classes (integers, -1/+1, strings, whole
    numbers stored as floats, values in an object array); ``classes`` holds each distinct label
    once, sorted, and ``positions`` says where in ``classes`` the label of every row is.
    """
    if y is None:
        raise ValueError(_("this model requires y to be passed, but the target {name} is "
                           "None; pass one class label per row of X.").format(name=_(name)))
    arr = np.asarray(y)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]                     # a column of labels
    if arr.ndim != 1:
        raise ValueError(_("{name} must be 1-D (one class label per row) but has shape "
                           "{shape}; if it is one-hot encoded use {name}.argmax(axis=1).")
                         .format(name=_(name), shape=arr.shape))
    if len(arr) != n_samples:
        raise ValueError(_("{name} has {n} labels but X has {n_samples} rows; pass one "
                           "label per row of X.").format(name=_(name), n=len(arr),
                                                         n_samples=n_samples))
    if arr.dtype.kind == "c":
        raise ValueError(_("Complex data not supported: {name} holds complex numbers.")
                         .format(name=_(name)))
    if arr.dtype.kind in "fO":
        numbers = arr if arr.dtype.kind == "f" else np.array(
            [v for v in arr if isinstance(v, (float, np.floating))], dtype=np.float64)
        if not np.all(np.isfinite(numbers)):
            raise ValueError(_("{name} contains NaN or infinite values; every row needs a "
                               "real class label (remove those rows, or fill in their "
                               "labels).").format(name=_(name)))
        continuous = numbers[numbers != np.round(numbers)]
        if continuous.size:
            raise ValueError(_("Unknown label type: {name} holds continuous values such as "
                               "{value:g}, and a classifier needs class labels (0, 1, ... or "
                               "names); bin the values into classes first.")
                             .format(name=_(name), value=continuous[0]))
    try:
        classes, positions = np.unique(arr, return_inverse=True)
    except TypeError:
        raise TypeError(_("{name} mixes labels of different types (for example numbers and "
                          "strings); use one type for all labels.").format(name=_(name))) from None
    return classes, positions.reshape(-1)


def fresh_copy(estimator):
    """A new, untrained estimator with the same hyper-parameters (scikit-learn's ``clone``)."""
    params = {name: fresh_copy(value) if isinstance(value, Estimator) else value
              for name, value in estimator.get_params(deep=False).items()}
    return type(estimator)(**params)


# ----- the estimator protocol -------------------------------------------------------------------
class Estimator:
    """Base class: hyper-parameters by name, a readable repr, and scikit-learn's tags."""

    _estimator_type = None      # "classifier" or "transformer": how scikit-learn < 1.6 asks
    _binary_only = False        # True for learners of exactly two classes

    @classmethod
    def _param_names(cls):
        signature = inspect.signature(cls.__init__)
        return [name for name in signature.parameters if name != "self"]

    def get_params(self, deep=True):
        """The constructor's arguments by name, as given (and, with ``deep``, those of an
        estimator inside, as ``model__l2``)."""
        params = {}
        for name in self._param_names():
            value = getattr(self, name)
            params[name] = value
            if deep and isinstance(value, Estimator):
                params.update({f"{name}__{k}": v for k, v in value.get_params().items()})
        return params

    def set_params(self, **params):
        """Change hyper-parameters (``model__l2=0.1`` reaches into an inner model); returns the
        estimator. They are checked by the next ``fit``."""
        names = self._param_names()
        for key, value in params.items():
            name, _separator, inner = key.partition("__")
            if name not in names:
                raise ValueError(_("{estimator} has no hyper-parameter {name!r}; it has "
                                   "{names}.").format(estimator=type(self).__name__, name=name,
                                                      names=names))
            if inner:
                getattr(self, name).set_params(**{inner: value})
            else:
                setattr(self, name, value)
        return self

    def __repr__(self):
        defaults = {name: p.default for name, p in
                    inspect.signature(type(self).__init__).parameters.items()}
        changed = [f"{name}={value!r}" for name, value in self.get_params(deep=False).items()
                   if not _same(value, defaults[name])]
        return f"{type(self).__name__}({', '.join(changed)})"

    def _check_fitted(self, attribute="n_features_in_"):
        if not hasattr(self, attribute):
            raise NotFittedError(_("this {estimator} has not been trained yet; call "
                                   ".fit(X_train, y_train) before using it.")
                                 .format(estimator=type(self).__name__))

    # ----- scikit-learn's tags: what the estimator can do ------------------------------------
    def __sklearn_tags__(self):
        """Asked by scikit-learn >= 1.6 (imported here, when scikit-learn is already in use)."""
        from sklearn.utils import ClassifierTags, Tags, TargetTags, TransformerTags

        classifier = self._estimator_type == "classifier"
        return Tags(estimator_type=self._estimator_type,
                    target_tags=TargetTags(required=classifier),
                    transformer_tags=TransformerTags() if hasattr(self, "transform") else None,
                    regressor_tags=None,
                    classifier_tags=ClassifierTags(multi_class=not self._binary_only)
                    if classifier else None)

    def _more_tags(self):
        """The same tags for scikit-learn < 1.6."""
        return {"requires_y": self._estimator_type == "classifier",
                "binary_only": self._binary_only}


def _same(value, default):
    """Whether a hyper-parameter still has its default value (for the repr)."""
    simple = (bool, int, float, str, type(None))
    return isinstance(value, simple) and isinstance(default, simple) and value == default \
        and type(value) is type(default)


# ----- classifiers --------------------------------------------------------------------------------
class Classifier(Estimator):
    """Base class of the course's classifiers: input checks, ``classes_``, ``predict``,
    ``score``. A subclass implements ``fit`` (starting with :meth:`_start_fit`) and
    ``predict_proba`` (or its own ``predict``)."""

    _estimator_type = "classifier"

    def _start_fit(self, X, y):
        """Check the training data; set ``classes_`` and ``n_features_in_``.

        Returns X as floats and y as positions in ``classes_`` (0, 1, ...), which is what the
        models work with inside; ``predict`` turns positions back into the original labels.
        """
        X = as_features(X)
        classes, positions = as_class_labels(y, len(X))
        if len(classes) < 2:
            raise ValueError(_("y contains only one class ({label!r}); a classifier needs "
                               "examples of at least two different classes.")
                             .format(label=classes[0]))
        if self._binary_only and len(classes) > 2:
            raise ValueError(_("Only binary classification is supported: {estimator} "
                               "separates two classes, but y has {n}; use LogisticRegression, "
                               "KNearestNeighbors or DecisionTree for more classes.")
                             .format(estimator=type(self).__name__, n=len(classes)))
        self.classes_, self.n_features_in_ = classes, X.shape[1]
        return X, positions

    def _check_X(self, X):
        """X for a trained model: numbers, 2-D, as many columns as in training."""
        self._check_fitted("classes_")
        X = as_features(X)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(_("X has {n} features, but {estimator} is expecting {expected} "
                               "features as input (it was trained on {expected} columns and "
                               "expects {expected} again); pass data with the training data's "
                               "columns.").format(n=X.shape[1], estimator=type(self).__name__,
                                                  expected=self.n_features_in_))
        return X

    def predict(self, X):
        """The predicted class of every row of X (the most probable one)."""
        best = self.predict_proba(X).argmax(axis=1)
        return self.classes_[best]

    def score(self, X, y):
        """Accuracy: the fraction of rows of X whose predicted class equals y."""
        predicted = self.predict(X)
        y = np.asarray(y)
        y = y[:, 0] if y.ndim == 2 and y.shape[1] == 1 else y
        if y.shape != predicted.shape:
            raise ValueError(_("y has shape {shape} but X has {n} rows; pass one label per row "
                               "of X.").format(shape=y.shape, n=len(predicted)))
        return float(np.mean(predicted == y))
