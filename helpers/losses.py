"""Loss functions: one number that says how far the predictions are from the answers.

This is the *measure* of notebook 02, made differentiable so we can ask how it changes when each
prediction changes. ``forward(pred, target)`` returns the mean loss over the batch and keeps what
``backward()`` needs; ``backward()`` returns d loss / d pred, an array shaped like ``pred``.
"""
import numpy as np

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
        raise ValueError(f"predictions must be 2-D (batch, outputs), got shape {pred.shape}.")
    if not np.all(np.isfinite(pred)):
        raise ValueError("the predictions contain NaN or infinite values; if this happened "
                         "during training, the learning rate is probably too large.")
    return pred


class Loss:
    name = "loss"

    def __init__(self):
        self._cache = None

    def __call__(self, pred, target):
        return self.forward(pred, target)

    def _cached(self):
        if self._cache is None:
            raise RuntimeError(f"{type(self).__name__}.backward() was called before forward().")
        return self._cache

    def __repr__(self):
        return f"{type(self).__name__}()"


class MeanSquaredError(Loss):
    """The average of (prediction - target)² over every number in the batch."""

    name = "mse"

    def forward(self, pred, target):
        pred = _predictions(pred)
        target = np.asarray(target, dtype=np.float64).reshape(len(target), -1)
        if target.shape != pred.shape:
            raise ValueError(f"targets have shape {target.shape} but predictions {pred.shape}; "
                             f"give one target per output (use one_hot for class labels).")
        diff = pred - target
        self._cache = diff
        return float(np.mean(diff ** 2))

    def backward(self):
        diff = self._cached()
        return 2.0 * diff / diff.size


class BinaryCrossEntropy(Loss):
    """Cross-entropy for two classes: ``-[t log p + (1 - t) log(1 - p)]`` averaged.

    The prediction is the probability of class 1 (one output per sample). With
    ``from_logits=True`` it is instead a raw score z with p = sigmoid(z), which is computed in a
    numerically stable way and is the better choice for training.
    """

    name = "binary_crossentropy"
    eps = 1e-7  # probabilities are kept inside [eps, 1 - eps] so log never sees 0

    def __init__(self, from_logits=False):
        super().__init__()
        self.from_logits = bool(from_logits)

    def forward(self, pred, target):
        pred = _predictions(pred)
        if pred.shape[1] != 1:
            raise ValueError(f"binary cross-entropy needs one output per sample, got "
                             f"{pred.shape[1]}; for several classes use SoftmaxCrossEntropy.")
        t = as_labels(target, n_samples=len(pred), name="target", n_classes=2)
        t = t.astype(np.float64)[:, None]
        if self.from_logits:
            z = pred
            self._cache = (sigmoid(z), t)
            # log(1 + exp(z)) - t z, written so that exp never overflows
            per_sample = np.maximum(z, 0) - z * t + np.log1p(np.exp(-np.abs(z)))
        else:
            if pred.min() < 0 or pred.max() > 1:
                raise ValueError("binary cross-entropy expects probabilities in [0, 1]; for "
                                 "raw scores use BinaryCrossEntropy(from_logits=True).")
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


class SoftmaxCrossEntropy(Loss):
    """Softmax followed by cross-entropy, for any number of classes.

    ``pred`` holds raw scores (logits), one column per class; ``target`` holds integer labels
    (or one-hot rows). The loss is the average of -log(probability given to the right class).
    """

    name = "sparse_categorical_crossentropy"

    def forward(self, pred, target):
        logits = _predictions(pred)
        k = logits.shape[1]
        target_arr = np.asarray(target)
        if target_arr.ndim == 2 and target_arr.shape == logits.shape and k > 1:
            t = target_arr.astype(np.float64)  # one-hot or probability rows
        else:
            labels = as_labels(target, n_samples=len(logits), name="target", n_classes=k)
            t = np.zeros_like(logits)
            t[np.arange(len(labels)), labels] = 1.0
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self._cache = (np.exp(log_probs), t)
        return float(-np.mean(np.sum(t * log_probs, axis=1)))

    def backward(self):
        probs, t = self._cached()
        return (probs - t) / len(probs)   # the famous "probabilities minus answers"


LOSSES = {
    "mse": MeanSquaredError,
    "mean_squared_error": MeanSquaredError,
    "binary_crossentropy": BinaryCrossEntropy,
    "sparse_categorical_crossentropy": SoftmaxCrossEntropy,
    "categorical_crossentropy": SoftmaxCrossEntropy,
}


def get(loss):
    """A loss object from an object or a Keras-style name such as 'mse'."""
    if isinstance(loss, Loss):
        return loss
    if isinstance(loss, str) and loss in LOSSES:
        return LOSSES[loss]()
    raise ValueError(f"unknown loss {loss!r}; use a loss object or one of the names "
                     f"{sorted(LOSSES)}.")
