"""Looking inside a digit classifier: the engine behind notebook 07.

A trained network turns 64 pixels into 10 class scores in several steps. This module gives the
tools to look at those steps and to measure them:

- :func:`layer_names` names every representation ``model.representations(X)`` returns;
- :class:`PCA` (principal component analysis with NumPy's SVD) flattens any representation to 2-D
  so it can be drawn;
- :func:`confusion_matrix`, :func:`mistakes` and :func:`worst_mistakes` say where the network
  goes wrong;
- :func:`nearest_centroid_accuracy` and :func:`silhouette` put a number on how well the classes
  are pulled apart in a representation, and :func:`separation_by_layer` computes both for every
  layer.

Everything is plain NumPy; the tests compare each function with scikit-learn's version.
"""
import numpy as np

from .estimator import Estimator, as_features
from .i18n import N_, _, pad, text_width
from .layers import Dense
from .validation import as_2d, as_labels, positive_int

__all__ = ["PCA", "layer_names", "confusion_matrix", "mistakes", "worst_mistakes",
           "nearest_centroid_accuracy", "silhouette", "separation_by_layer", "SeparationTable"]


# ----- naming the representations ----------------------------------------------------------------
def layer_names(model):
    """One short name per array of ``model.representations(X)``: the input, then every layer.

    >>> layer_names(mlp([64, 96, 10]))
    ['input: 64 pixels', 'Dense(64, 96)', 'ReLU', 'Dense(96, 10): scores']
    """
    names = [f"input: {model.n_inputs} pixels"]
    last = len(model.layers) - 1
    for i, layer in enumerate(model.layers):
        name = repr(layer).replace("()", "")
        if i == last and isinstance(layer, Dense):
            name += ": scores"
        names.append(name)
    return names


# ----- PCA ----------------------------------------------------------------------------------------
class PCA(Estimator):
    """Principal component analysis: the directions along which the data spreads the most.

    Same names as scikit-learn's ``PCA``: ``fit(X)`` learns ``mean_``, ``components_`` (one
    direction per row) and ``explained_variance_ratio_``; ``transform(X)`` gives each row's
    coordinates along those directions. How: centre the data, take its singular value
    decomposition ``Xc = U S Vt``; the rows of ``Vt`` are the directions, sorted by how much of the
    spread (``S**2``) each one carries. A direction and its opposite are equally good, so results
    agree with other implementations up to the sign of each component. It follows the course's
    estimator conventions (``helpers.estimator``), so it also fits in a scikit-learn ``Pipeline``.
    """

    _estimator_type = "transformer"

    def __init__(self, n_components=2):
        self.n_components = n_components

    def fit(self, X, y=None):
        """Learn the directions from X (y is ignored; it is there for scikit-learn's tools)."""
        n_components = positive_int(self.n_components, "n_components")
        X = as_features(X)
        if n_components > min(X.shape):
            raise ValueError(_("n_components={n_components} is more than the data allows: at "
                               "most min(n_samples, n_features) = min{shape} = {most}; ask for "
                               "fewer components.").format(n_components=n_components,
                                                           shape=X.shape, most=min(X.shape)))
        self.n_features_in_ = X.shape[1]
        self.mean_ = X.mean(axis=0)
        _U, S, Vt = np.linalg.svd(X - self.mean_, full_matrices=False)
        variance = S ** 2
        self.components_ = Vt[:n_components]
        total = variance.sum()
        ratio = variance / total if total > 0 else np.zeros_like(variance)
        self.explained_variance_ratio_ = ratio[:n_components]
        return self

    def transform(self, X):
        """The coordinates of every row of X along the learned directions."""
        self._check_fitted("components_")
        X = as_features(X)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(_("X has {n} features, but PCA is expecting {expected} features "
                               "as input (the number of columns of the data it was fitted on).")
                             .format(n=X.shape[1], expected=self.n_features_in_))
        return (X - self.mean_) @ self.components_.T

    def fit_transform(self, X, y=None):
        """Fit on X, then give its coordinates along the learned directions."""
        return self.fit(X).transform(X)


# ----- where the network goes wrong ---------------------------------------------------------------
def confusion_matrix(y_true, y_pred, n_classes=None):
    """Counts ``cm[t, p]``: how many images of true class t were predicted as class p.

    The diagonal holds the correct answers; everything off it is a mistake. ``n_classes``
    defaults to the largest label seen plus one.
    """
    y_true = as_labels(y_true, name="y_true")
    y_pred = as_labels(y_pred, n_samples=len(y_true), name="y_pred")
    if n_classes is None:
        n_classes = int(max(y_true.max(initial=0), y_pred.max(initial=0))) + 1
    n_classes = positive_int(n_classes, "n_classes")
    for name, labels in (("y_true", y_true), ("y_pred", y_pred)):
        if labels.size and labels.max() >= n_classes:
            raise ValueError(_("{name} contains label {label}, but n_classes={n_classes}; "
                               "raise n_classes or check the labels.")
                             .format(name=name, label=labels.max(), n_classes=n_classes))
    cm = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm


def _check_proba(proba, y_true):
    proba = as_2d(proba, "proba")
    y_true = as_labels(y_true, n_samples=len(proba), name="y_true", n_classes=proba.shape[1])
    return proba, y_true


def mistakes(proba, y_true):
    """Indices of the rows whose most probable class is not the true one, in their order."""
    proba, y_true = _check_proba(proba, y_true)
    return np.flatnonzero(proba.argmax(axis=1) != y_true)


def worst_mistakes(proba, y_true, k=8):
    """The ``k`` most confident mistakes: wrong rows sorted by the probability of the wrong answer.

    A mistake made with 99 % confidence is worse than a hesitant one; ties keep the data's order.
    """
    proba, y_true = _check_proba(proba, y_true)
    k = positive_int(k, "k")
    wrong = mistakes(proba, y_true)
    confidence = proba[wrong].max(axis=1)
    order = np.argsort(-confidence, kind="stable")
    return wrong[order][:k]


# ----- how far apart are the classes? -------------------------------------------------------------
def nearest_centroid_accuracy(Z_train, y_train, Z_test=None, y_test=None):
    """Accuracy of the simplest classifier there is, in a given representation.

    Average the training rows of each class (its *centroid*), then give every test row the class
    of the nearest centroid (straight-line distance). If the classes sit in separate clumps this
    works well; if they are tangled it does not. Without test data, the training rows are scored.
    """
    Z_train = as_2d(Z_train, "Z_train")
    y_train = as_labels(y_train, n_samples=len(Z_train), name="y_train")
    if Z_test is None:
        Z_test, y_test = Z_train, y_train
    Z_test = as_2d(Z_test, "Z_test", n_features=Z_train.shape[1], what="Z_train")
    y_test = as_labels(y_test, n_samples=len(Z_test), name="y_test")
    classes = np.unique(y_train)
    centroids = np.stack([Z_train[y_train == c].mean(axis=0) for c in classes])
    distances = ((Z_test[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    predicted = classes[distances.argmin(axis=1)]
    return float(np.mean(predicted == y_test))


def silhouette(Z, y):
    """The mean silhouette of the rows of Z grouped by class: from -1 (tangled) to 1 (apart).

    For each row: ``a`` = mean distance to the other rows of its class, ``b`` = mean distance to the
    rows of the nearest other class; its silhouette is ``(b - a) / max(a, b)`` (0 for a row that
    is alone in its class). Same definition as ``sklearn.metrics.silhouette_score``.
    """
    Z = as_2d(Z, "Z")
    y = as_labels(y, n_samples=len(Z), name="y")
    classes, inverse = np.unique(y, return_inverse=True)
    if not 2 <= len(classes) <= len(Z) - 1:
        raise ValueError(_("the silhouette needs at least 2 classes and fewer classes than "
                           "rows; got {classes} class(es) for {rows} rows.")
                         .format(classes=len(classes), rows=len(Z)))
    sq = (Z ** 2).sum(axis=1)
    distances = np.sqrt(np.maximum(sq[:, None] + sq[None, :] - 2.0 * Z @ Z.T, 0.0))
    np.fill_diagonal(distances, 0.0)
    onehot = np.eye(len(classes))[inverse]                      # (n, k)
    sums = distances @ onehot                                   # total distance to each class
    counts = onehot.sum(axis=0)
    own = counts[inverse]
    a = sums[np.arange(len(Z)), inverse] / np.maximum(own - 1, 1)
    means = sums / counts
    means[np.arange(len(Z)), inverse] = np.inf
    b = means.min(axis=1)
    s = (b - a) / np.maximum(a, b)
    s[own == 1] = 0.0
    return float(np.mean(np.nan_to_num(s)))


def shown_layer_name(name):
    """A name of :func:`layer_names` as a learner reads it: "input: 64 pixels" and "...: scores"
    are translated; layer names such as "Dense(64, 96)" are code and stay as they are."""
    if name.startswith("input: ") and name.endswith(" pixels"):
        return _("input: {n} pixels").format(n=name[len("input: "):-len(" pixels")])
    if name.endswith(": scores"):
        return _("{layer}: scores").format(layer=name[:-len(": scores")])
    return name


class SeparationTable:
    """How far apart the classes are in each representation; shows as a text or HTML table."""

    def __init__(self, names, widths, centroid_accuracy, silhouettes):
        self.names = list(names)
        self.widths = list(widths)
        self.centroid_accuracy = list(centroid_accuracy)
        self.silhouettes = list(silhouettes)

    #: the column headers (the keys of records()), translated where the table is shown
    headers = {"representation": N_("representation"), "numbers": N_("numbers"),
               "nearest-centroid accuracy": N_("nearest-centroid accuracy"),
               "silhouette": N_("silhouette")}

    def records(self):
        return [{"representation": n, "numbers": str(w), "nearest-centroid accuracy": f"{c:.3f}",
                 "silhouette": f"{s:.3f}"}
                for n, w, c, s in zip(self.names, self.widths, self.centroid_accuracy,
                                      self.silhouettes)]

    def _shown(self):
        """The header and the rows as a learner reads them (names and headers translated)."""
        header = [_(self.headers[k]) for k in self.records()[0]]
        rows = [[shown_layer_name(r["representation"])] + list(r.values())[1:]
                for r in self.records()]
        return header, rows

    def __repr__(self):
        header, rows = self._shown()
        widths = [max(text_width(line[j]) for line in [header] + rows)
                  for j in range(len(header))]
        lines = ["  ".join(pad(cell, w) for cell, w in zip(line, widths))
                 for line in [header] + rows]
        return "\n".join(line.rstrip() for line in lines)

    def _repr_html_(self):
        header, rows = self._shown()
        head = "".join(f"<th>{k}</th>" for k in header)
        body = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in r) + "</tr>" for r in rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def separation_by_layer(model, X_train, y_train, X_test, y_test):
    """Nearest-centroid accuracy and silhouette of the test images in every representation.

    Centroids come from the training images' representations; both numbers are measured on the
    test images, which the network never trained on.
    """
    y_train = as_labels(y_train, n_samples=len(as_2d(X_train, "X_train")), name="y_train")
    y_test = as_labels(y_test, n_samples=len(as_2d(X_test, "X_test")), name="y_test")
    train_reps = model.representations(X_train)
    test_reps = model.representations(X_test)
    return SeparationTable(
        layer_names(model), [r.shape[1] for r in test_reps],
        [nearest_centroid_accuracy(a, y_train, b, y_test) for a, b in zip(train_reps, test_reps)],
        [silhouette(b, y_test) for b in test_reps])
