"""Models: layers stacked in order, trained with a loss and an optimizer.

``Sequential`` mirrors the shape of Keras's model API (``compile``, ``fit``, ``evaluate``,
``predict``) so that moving to Keras later is a change of import, not of ideas. Underneath, one
training step is always the same four moves: forward through every layer, score with the loss,
backward through every layer in reverse order, and let the optimizer update the weights.
"""
import numpy as np

from . import losses as losses_module
from . import optimizers as optimizers_module
from .layers import Dense, Layer, activation
from .validation import as_2d, as_labels, positive_int


class DivergenceError(FloatingPointError):
    """Raised when the loss or the weights stop being finite numbers during training."""


class History:
    """What ``fit`` returns: ``history.history['loss']`` etc., one number per epoch."""

    def __init__(self):
        self.history = {}
        self.epoch = []

    def __repr__(self):
        keys = ", ".join(self.history)
        return f"History({len(self.epoch)} epochs: {keys})"


class Sequential:
    """A stack of layers applied one after another.

    >>> model = Sequential([Dense(2, 8, seed=0), ReLU(), Dense(8, 1, seed=1)])
    >>> model.compile(loss=BinaryCrossEntropy(from_logits=True), optimizer=Adam(0.01),
    ...               metrics=["accuracy"])
    """

    def __init__(self, layers=None):
        self.layers = []
        for layer in layers or []:
            self.add(layer)
        self.loss = None
        self.optimizer = None
        self.metrics = []

    # ----- building -------------------------------------------------------------------------
    def add(self, layer):
        if not isinstance(layer, Layer):
            raise TypeError(f"a Sequential model holds layers (Dense, ReLU, ...), got "
                            f"{type(layer).__name__}.")
        self.layers.append(layer)

    def compile(self, loss, optimizer="adam", metrics=None):
        """Choose the loss (the measure) and the optimizer (how weights are changed)."""
        self.loss = losses_module.get(loss)
        self.optimizer = optimizers_module.get(optimizer)
        self.metrics = list(metrics or [])
        for m in self.metrics:
            if m not in ("accuracy", "acc"):
                raise ValueError(f"unknown metric {m!r}; the course supports 'accuracy'.")
        return self

    @property
    def n_inputs(self):
        dense = [l for l in self.layers if isinstance(l, Dense)]
        return dense[0].n_in if dense else None

    def parameters(self):
        """Every weight array, in a fixed order (layer by layer, W before b)."""
        return [layer.params[k] for layer in self.layers for k in layer.params]

    def gradients(self):
        return [layer.grads[k] for layer in self.layers for k in layer.params]

    def count_params(self):
        return int(sum(p.size for p in self.parameters()))

    # ----- using ----------------------------------------------------------------------------
    def _check_X(self, X):
        if not self.layers:
            raise ValueError("this model has no layers; add some with Sequential([...]) or add().")
        return as_2d(X, "X", n_features=self.n_inputs, what="the model's first layer")

    def predict(self, X):
        """The last layer's output for every row of X."""
        out = self._check_X(X)
        for layer in self.layers:
            out = layer.forward(out)
        return out

    def __call__(self, X):
        return self.predict(X)

    def predict_proba(self, X):
        """Class probabilities: softmax or sigmoid of the output, as the loss interprets it."""
        out = self.predict(X)
        if isinstance(self.loss, losses_module.SoftmaxCrossEntropy):
            return losses_module.softmax(out)
        if isinstance(self.loss, losses_module.BinaryCrossEntropy) and self.loss.from_logits:
            p1 = losses_module.sigmoid(out)
        else:
            p1 = np.clip(out, 0.0, 1.0)
        if p1.shape[1] == 1:
            return np.column_stack([1.0 - p1[:, 0], p1[:, 0]])
        return p1

    def predict_classes(self, X):
        """The most probable class of every row of X."""
        return self.predict_proba(X).argmax(axis=1)

    def representations(self, X):
        """The input followed by the output of every layer: a list of len(layers) + 1 arrays."""
        out = self._check_X(X)
        reps = [out]
        for layer in self.layers:
            out = layer.forward(out)
            reps.append(out)
        return reps

    # ----- training -------------------------------------------------------------------------
    def _require_compiled(self):
        if self.loss is None or self.optimizer is None:
            raise RuntimeError("call model.compile(loss=..., optimizer=...) before training or "
                               "evaluating.")

    def _targets(self, y, n):
        """Check labels/targets against the loss and the number of outputs."""
        if isinstance(self.loss, losses_module.MeanSquaredError):
            y = np.asarray(y, dtype=np.float64)
            if len(y) != n:
                raise ValueError(f"y has {len(y)} rows but X has {n}; pass one target per row.")
            return y
        n_out = next(l.n_out for l in reversed(self.layers) if isinstance(l, Dense))
        classes = 2 if isinstance(self.loss, losses_module.BinaryCrossEntropy) else n_out
        return as_labels(y, n_samples=n, n_classes=classes)

    def _forward_backward(self, X, y):
        out = X
        for layer in self.layers:
            out = layer.forward(out)
        loss = self.loss.forward(out, y)
        grad = self.loss.backward()
        for layer in reversed(self.layers):
            grad = layer.backward(grad)
        return loss

    def train_step(self, X_batch, y_batch):
        """One forward pass, one backward pass, one update. Returns the batch's loss."""
        self._require_compiled()
        X = self._check_X(X_batch)
        y = self._targets(y_batch, len(X))
        return self._train_step(X, y)

    def _train_step(self, X, y):
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            try:
                loss = self._forward_backward(X, y)
            except ValueError as exc:
                if "NaN or infinite" in str(exc):
                    self._diverged("the network's output")
                raise
            if not np.isfinite(loss):
                self._diverged("the loss")
            self.optimizer.step(self.parameters(), self.gradients())
            if not all(np.all(np.isfinite(p)) for p in self.parameters()):
                self._diverged("the weights")
        return loss

    def _diverged(self, what):
        lr = getattr(self.optimizer, "lr", None)
        hint = f" (lr={lr:g})" if lr is not None else ""
        raise DivergenceError(
            f"training diverged: {what} became NaN or infinite. The learning rate{hint} is "
            f"most likely too large; rebuild the model (or press Reset) and try a smaller one, "
            f"for example ten times smaller.")

    def fit(self, X, y, epochs=1, batch_size=32, validation_data=None, shuffle=True, seed=None,
            verbose=1):
        """Train for ``epochs`` passes over the data in mini-batches; returns a History.

        ``verbose=1`` prints a line for up to about ten epochs (the first, the last and evenly
        spaced ones between), ``verbose=2`` a line for every epoch, ``verbose=0`` nothing.
        """
        self._require_compiled()
        X = self._check_X(X)
        y = self._targets(y, len(X))
        epochs = positive_int(epochs, "epochs")
        batch_size = positive_int(batch_size, "batch_size")
        if validation_data is not None:
            if len(validation_data) != 2:
                raise ValueError("validation_data must be a pair (X_val, y_val).")
            X_val = self._check_X(validation_data[0])
            y_val = self._targets(validation_data[1], len(X_val))
        rng = np.random.default_rng(seed)
        history = History()
        every = max(1, epochs // 10)
        for epoch in range(epochs):
            order = rng.permutation(len(X)) if shuffle else np.arange(len(X))
            for start in range(0, len(X), batch_size):
                idx = order[start:start + batch_size]
                self._train_step(X[idx], y[idx])
            logs = self._evaluate(X, y)
            if validation_data is not None:
                logs.update({"val_" + k: v for k, v in self._evaluate(X_val, y_val).items()})
            for k, v in logs.items():
                history.history.setdefault(k, []).append(v)
            history.epoch.append(epoch)
            last = epoch == epochs - 1
            if verbose == 2 or (verbose == 1 and (epoch % every == 0 or last)):
                parts = [f"{k}: {v:.3f}" for k, v in logs.items()]
                print(f"Epoch {epoch + 1}/{epochs} - " + " - ".join(parts))
        return history

    def _evaluate(self, X, y):
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            out = X
            for layer in self.layers:
                out = layer.forward(out)
            if not np.all(np.isfinite(out)):
                self._diverged("the network's output")
            logs = {"loss": self.loss.forward(out, y)}
            if not np.isfinite(logs["loss"]):
                self._diverged("the loss")
        if self.metrics:
            logs["accuracy"] = self._accuracy(out, y)
        return logs

    def _accuracy(self, out, y):
        if isinstance(self.loss, losses_module.MeanSquaredError):
            y = np.asarray(y)
            if out.shape[1] == 1:
                return float(np.mean(np.round(out[:, 0]) == y.reshape(-1)))
            return float(np.mean(out.argmax(1) == y.reshape(len(y), -1).argmax(1)))
        if out.shape[1] == 1:
            logits = isinstance(self.loss, losses_module.BinaryCrossEntropy) and self.loss.from_logits
            predicted = (out[:, 0] > (0.0 if logits else 0.5)).astype(int)
        else:
            predicted = out.argmax(axis=1)
        labels = y if y.ndim == 1 else y.argmax(axis=1)
        return float(np.mean(predicted == labels))

    def evaluate(self, X, y):
        """The loss (and accuracy, if asked for in compile) on X, y, without training."""
        self._require_compiled()
        X = self._check_X(X)
        return self._evaluate(X, self._targets(y, len(X)))

    # ----- weights --------------------------------------------------------------------------
    def get_weights(self):
        """Copies of every weight array (layer by layer, W before b)."""
        return [p.copy() for p in self.parameters()]

    def set_weights(self, weights):
        """Load arrays from get_weights(); shapes must match."""
        params = self.parameters()
        weights = list(weights)
        if len(weights) != len(params):
            raise ValueError(f"expected {len(params)} weight arrays, got {len(weights)}.")
        for i, (p, w) in enumerate(zip(params, weights)):
            w = np.asarray(w, dtype=np.float64)
            if w.shape != p.shape:
                raise ValueError(f"weight array {i} has shape {w.shape}, the model needs "
                                 f"{p.shape}.")
            p[...] = w   # in place, so the optimizer keeps pointing at the same arrays

    def summary(self):
        """A table of the layers, their output sizes and parameter counts (as text)."""
        lines = [f"{'layer':<16}{'output':>10}{'params':>10}"]
        width = self.n_inputs
        for layer in self.layers:
            width = getattr(layer, "n_out", width)
            n = sum(p.size for p in layer.params.values())
            lines.append(f"{repr(layer):<16}{width:>10}{n:>10}")
        lines.append(f"{'total':<16}{'':>10}{self.count_params():>10}")
        return "\n".join(lines)

    def __repr__(self):
        return "Sequential([" + ", ".join(repr(l) for l in self.layers) + "])"


def mlp(sizes, activation_name="relu", seed=0):
    """A multi-layer perceptron: Dense layers of the given sizes with an activation between.

    ``mlp([2, 8, 8, 1])`` is Dense(2, 8), ReLU, Dense(8, 8), ReLU, Dense(8, 1). The last layer
    has no activation: it outputs raw scores (logits) for a loss that expects them.
    """
    sizes = [positive_int(s, "layer size") for s in sizes]
    if len(sizes) < 2:
        raise ValueError("sizes needs at least an input and an output size, e.g. [2, 8, 1].")
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(Dense(n_in, n_out, seed=None if seed is None else seed + i))
        if i < len(sizes) - 2:
            layers.append(activation(activation_name))
    return Sequential(layers)
