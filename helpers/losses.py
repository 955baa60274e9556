"""Loss functions: one number that says how far the predictions are from the answers.

This is the *measure* of notebook 02, made differentiable so we can ask how it changes when each
prediction changes. ``forward(pred, target)`` returns the mean loss over the batch and keeps what
``backward()`` needs; ``backward()`` returns d loss / d pred, an array shaped like ``pred``.

A loss also knows what the network's outputs *mean* under it, so a model never has to ask which
loss it was given:

- ``prepare(y, n_samples, n_outputs)`` checks the targets once and puts them in the form the loss
  works with (``forward`` = ``prepare`` + ``compute``; a model prepares its targets once per
  ``fit`` and calls ``compute`` on every mini-batch);
- ``probabilities(out)`` turns outputs into class probabilities, ``classes(out)`` into predicted
  classes, ``labels(t)`` turns prepared targets into classes, and ``accuracy(out, t)`` compares
  the two.
"""
import numpy as np

from .i18n import _
from .layers import sigmoid
from .validation import as_labels


def softmax(logits):
    """Turn each row of scores into probabilities that sum to 1 (stable for large scores)."""
    z = np.asarray(logits, dtype=np.float64)
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def _predictions(pred):
    pred = np.asarray(pred, dtype=np.float64)
    if pred.ndim == 1:
        pred = pred[:, None]
    if pred.ndim != 2:
        raise ValueError(_("predictions must be 2-D (batch, outputs), got shape {shape}.")
                         .format(shape=pred.shape))
    if not np.all(np.isfinite(pred)):
        raise ValueError(_("the predictions contain NaN or infinite values; if this happened "
                           "during training, the learning rate is probably too large."))
    return pred


def _float_targets(y, n_samples, name):
    """Targets that are numbers (not class labels): a finite float array with one row per row
    of X. A NaN here is a problem of the data, never of the learning rate."""
    try:
        t = np.asarray(y, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(_("{name} must hold numbers only; convert it with np.asarray({name}, "
                          "dtype=float) first.").format(name=name)) from None
    if t.ndim == 0 or len(t) != n_samples:
        raise ValueError(_("{name} has {rows} rows but X has {n_samples}; pass one target "
                           "per row of X.").format(name=name, rows=t.size if t.ndim == 0
                                                   else len(t), n_samples=n_samples))
    if not np.all(np.isfinite(t)):
        raise ValueError(_("{name} contains {bad} NaN or infinite target value(s); remove or "
                           "replace those rows before training.")
                         .format(name=name, bad=int(np.sum(~np.isfinite(t)))))
    return t.reshape(n_samples, -1)


def _two_columns(p1):
    """Probabilities of class 1 in one column -> the columns (class 0, class 1)."""
    return np.column_stack([1.0 - p1[:, 0], p1[:, 0]])


class Loss:
    name = "loss"

    def __init__(self):
        self._cache = None

    def __call__(self, pred, target):
        return self.forward(pred, target)

    def forward(self, pred, target):
        """The mean loss of the batch, checking both arguments; keeps what backward() needs."""
        pred = _predictions(pred)
        return self.compute(pred, self.prepare(target, len(pred), pred.shape[1], "target"))

    def accuracy(self, out, t):
        """The fraction of rows whose predicted class is the target's class."""
        return float(np.mean(self.classes(out) == self.labels(t)))

    def _cached(self):
        if self._cache is None:
            raise RuntimeError(_("{loss}.backward() was called before forward().")
                               .format(loss=type(self).__name__))
        return self._cache

    def __repr__(self):
        return f"{type(self).__name__}()"


class MeanSquaredError(Loss):
    """The average of (prediction - target)² over every number in the batch.

    Targets are numbers, one per output (one-hot rows for classes). Read as a classifier, one
    output means "class 1 when above 0.5"; several outputs mean "the largest one wins".
    """

    name = "mse"

    def prepare(self, y, n_samples, n_outputs, name="y"):
        t = _float_targets(y, n_samples, name)
        if t.shape[1] != n_outputs:
            raise ValueError(_("{name} has {values} value(s) per row but the model has "
                               "{n_outputs} output(s); give one target per output (use "
                               "helpers.representations.one_hot for class labels).")
                             .format(name=name, values=t.shape[1], n_outputs=n_outputs))
        return t

    def compute(self, pred, t):
        diff = pred - t
        self._cache = diff
        return float(np.mean(diff ** 2))

    def backward(self):
        diff = self._cached()
        return 2.0 * diff / diff.size

    def probabilities(self, out):
        p = np.clip(out, 0.0, 1.0)
        return _two_columns(p) if p.shape[1] == 1 else p

    def classes(self, out):
        return (out[:, 0] > 0.5).astype(int) if out.shape[1] == 1 else out.argmax(axis=1)

    def labels(self, t):
        return self.classes(t)


class BinaryCrossEntropy(Loss):
    """Cross-entropy for two classes: ``-[t log p + (1 - t) log(1 - p)]`` averaged.

    The prediction is the probability of class 1 (one output per sample). With
    ``from_logits=True`` it is instead a raw score z with p = sigmoid(z), which is computed in a
    numerically stable way and is the better choice for training. Targets are labels 0 and 1.
    """

    name = "binary_crossentropy"
    eps = 1e-7  # probabilities are kept inside [eps, 1 - eps] so log never sees 0

    def __init__(self, from_logits=False):
        super().__init__()
        self.from_logits = bool(from_logits)

    def prepare(self, y, n_samples, n_outputs, name="y"):
        if n_outputs != 1:
            raise ValueError(_("binary cross-entropy needs one output per sample, got "
                               "{n_outputs}; for several classes use SoftmaxCrossEntropy (or "
                               "'sparse_categorical_crossentropy').").format(n_outputs=n_outputs))
        labels = as_labels(y, n_samples=n_samples, name=name, n_classes=2)
        return labels.astype(np.float64)[:, None]

    def compute(self, pred, t):
        if self.from_logits:
            z = pred
            e = np.exp(-np.abs(z))      # never overflows; shared by the two lines below
            self._cache = (np.where(z >= 0, 1.0, e) / (1.0 + e), t)    # = sigmoid(z), exactly
            # log(1 + exp(z)) - t z, written so that exp never overflows
            per_sample = np.maximum(z, 0) - z * t + np.log1p(e)
        else:
            if pred.min() < 0 or pred.max() > 1:
                raise ValueError(_("binary cross-entropy expects probabilities in [0, 1]; for "
                                   "raw scores use BinaryCrossEntropy(from_logits=True)."))
            p = np.clip(pred, self.eps, 1 - self.eps)
            self._cache = (p, t, (pred > self.eps) & (pred < 1 - self.eps))
            per_sample = -(t * np.log(p) + (1 - t) * np.log(1 - p))
        return float(np.mean(per_sample))

    def backward(self):
        cache = self._cached()
        n = len(cache[1])
        if self.from_logits:
            p, t = cache
            return (p - t) / n
        p, t, inside = cache
        return np.where(inside, (p - t) / (p * (1 - p)), 0.0) / n

    def probabilities(self, out):
        return _two_columns(sigmoid(out) if self.from_logits else np.clip(out, 0.0, 1.0))

    def classes(self, out):
        threshold = 0.0 if self.from_logits else 0.5    # sigmoid(0) = 0.5
        return (out[:, 0] > threshold).astype(int)

    def labels(self, t):
        return t[:, 0].astype(int)

    def __repr__(self):
        return f"BinaryCrossEntropy(from_logits={self.from_logits})"


class SoftmaxCrossEntropy(Loss):
    """Softmax followed by cross-entropy, for any number of classes.

    ``pred`` holds raw scores (logits), one column per class; ``target`` holds integer labels
    (or one-hot rows). The loss is the average of -log(probability given to the right class).
    """

    name = "softmax_crossentropy"

    def prepare(self, y, n_samples, n_outputs, name="y"):
        rows = np.asarray(y)
        if rows.ndim == 2 and rows.shape == (n_samples, n_outputs) and n_outputs > 1:
            return self._one_hot_rows(rows, name)
        return self._integer_labels(y, n_samples, n_outputs, name)

    @staticmethod
    def _integer_labels(y, n_samples, n_outputs, name):
        return as_labels(y, n_samples=n_samples, name=name, n_classes=n_outputs)

    @staticmethod
    def _one_hot_rows(rows, name):
        t = _float_targets(rows, len(rows), name)
        if t.min() < 0:
            raise ValueError(_("{name} has negative entries; one-hot rows hold 0s and a 1 (or "
                               "probabilities).").format(name=name))
        return t

    def compute(self, logits, t):
        shifted = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(shifted)
        total = probs.sum(axis=1, keepdims=True)
        probs /= total
        log_total = np.log(total)
        self._cache = (probs, t)
        if t.ndim == 1:   # integer labels: -log p(right class) = log(total) - shifted score
            return float(np.mean(log_total[:, 0] - shifted[np.arange(len(t)), t]))
        return float(np.mean(np.sum(t * (log_total - shifted), axis=1)))

    def backward(self):
        probs, t = self._cached()
        grad = probs.copy()                     # the famous "probabilities minus answers"
        if t.ndim == 1:
            grad[np.arange(len(t)), t] -= 1.0   # the answer is 1 in the right class's column
        else:
            grad -= t
        grad /= len(grad)
        return grad

    def probabilities(self, out):
        return softmax(out)

    def classes(self, out):
        return out.argmax(axis=1)

    def labels(self, t):
        return t if t.ndim == 1 else t.argmax(axis=1)


class SparseCategoricalCrossEntropy(SoftmaxCrossEntropy):
    """SoftmaxCrossEntropy that takes integer labels only, as Keras's
    'sparse_categorical_crossentropy' does (with ``from_logits=True``)."""

    name = "sparse_categorical_crossentropy"

    def prepare(self, y, n_samples, n_outputs, name="y"):
        if np.ndim(y) == 2 and np.shape(y)[1] == n_outputs > 1:
            raise ValueError(_("'sparse_categorical_crossentropy' takes one integer label per "
                               "row, but {name} has one-hot rows; use {name}.argmax(axis=1), or "
                               "the loss 'categorical_crossentropy' for one-hot rows.")
                             .format(name=name))
        return self._integer_labels(y, n_samples, n_outputs, name)


class CategoricalCrossEntropy(SoftmaxCrossEntropy):
    """SoftmaxCrossEntropy that takes one-hot rows only, as Keras's 'categorical_crossentropy'
    does (with ``from_logits=True``)."""

    name = "categorical_crossentropy"

    def prepare(self, y, n_samples, n_outputs, name="y"):
        rows = np.asarray(y)
        if rows.ndim != 2 or rows.shape[1] != n_outputs or n_outputs < 2:
            raise ValueError(_(
                "'categorical_crossentropy' takes one-hot rows ({n_samples}, {n_outputs}), "
                "but {name} has shape {shape}; for integer labels use the loss "
                "'sparse_categorical_crossentropy' (or one-hot encode them with "
                "helpers.representations.one_hot).").format(
                    n_samples=n_samples, n_outputs=n_outputs, name=name, shape=rows.shape))
        if len(rows) != n_samples:
            raise ValueError(_("{name} has {rows} rows but X has {n_samples}; pass one target "
                               "per row of X.").format(name=name, rows=len(rows),
                                                       n_samples=n_samples))
        return self._one_hot_rows(rows, name)


LOSSES = {
    "mse": MeanSquaredError,
    "mean_squared_error": MeanSquaredError,
    "binary_crossentropy": BinaryCrossEntropy,
    "sparse_categorical_crossentropy": SparseCategoricalCrossEntropy,
    "categorical_crossentropy": CategoricalCrossEntropy,
}


def get(loss):
    """A loss object from an object or a Keras-style name such as 'mse'.

    As in Keras, the cross-entropy names expect what the model's last layer gives: raw scores
    for the softmax losses (Keras's ``from_logits=True``); 'binary_crossentropy' expects
    probabilities (use ``BinaryCrossEntropy(from_logits=True)`` for raw scores).
    """
    if isinstance(loss, Loss):
        return loss
    if isinstance(loss, str) and loss in LOSSES:
        return LOSSES[loss]()
    raise ValueError(_("unknown loss {loss!r}; use a loss object or one of the names "
                       "{names}.").format(loss=loss, names=sorted(LOSSES)))
