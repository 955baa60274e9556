"""Models: layers stacked in order, trained with a loss and an optimizer.

``Sequential`` mirrors the shape of Keras's model API (``compile``, ``fit``, ``evaluate``,
``predict``, callbacks) so that moving to Keras later is a change of import, not of ideas.
Underneath, one training step is always the same four moves: forward through every layer
(:meth:`Sequential.forward`), score with the loss, backward through every layer in reverse order
(:meth:`Sequential.backprop`), and let the optimizer update the weights
(:meth:`Sequential.train_step`). ``fit`` repeats the step over the mini-batches of
:func:`helpers.training.minibatches` and stops with a :class:`DivergenceError` as soon as its
:class:`~helpers.training.DivergenceWatch` sees the loss explode.

What the outputs mean (probabilities, predicted classes, accuracy) is the loss's business: see
:mod:`helpers.losses`.
"""
import numpy as np

from . import losses as losses_module
from . import optimizers as optimizers_module
from .layers import Dense, Layer, activation, random_generator, set_random_seed
from .training import DivergenceError, DivergenceWatch, minibatches
from .i18n import N_, _, pad, text_width
from .validation import as_2d, positive_int

__all__ = ["Sequential", "mlp", "History", "Callback", "DivergenceError", "set_random_seed"]

METRICS = {"accuracy": "accuracy", "acc": "accuracy"}


class History:
    """What ``fit`` returns: ``history.history['loss']`` etc., one number per epoch."""

    def __init__(self):
        self.history = {}
        self.epoch = []

    def add(self, epoch, logs):
        self.epoch.append(epoch)
        for k, v in logs.items():
            self.history.setdefault(k, []).append(v)

    def __repr__(self):
        keys = ", ".join(self.history)
        return f"History({len(self.epoch)} epochs: {keys})"


class Callback:
    """Something ``fit`` calls while it trains, as a Keras callback: override what you need.

    ``fit`` sets ``self.model`` to the model being trained, then calls ``on_train_begin()``,
    ``on_epoch_end(epoch, logs)`` after every epoch (``epoch`` counts from 0; ``logs`` holds that
    epoch's numbers, as in the History) and ``on_train_end(logs)``. A plain function
    ``f(epoch, logs)`` in ``callbacks=[...]`` is called after every epoch.
    """

    model = None

    def on_train_begin(self, logs=None):
        pass

    def on_epoch_end(self, epoch, logs=None):
        pass

    def on_train_end(self, logs=None):
        pass


class _EveryEpoch(Callback):
    """A plain function f(epoch, logs), called after every epoch."""

    def __init__(self, function):
        self.function = function

    def on_epoch_end(self, epoch, logs=None):
        self.function(epoch, logs)


def _callbacks(callbacks, model):
    if callbacks is None:
        return []
    if isinstance(callbacks, Callback) or callable(callbacks):
        callbacks = [callbacks]
    result = []
    for cb in callbacks:
        if not isinstance(cb, Callback):
            if not callable(cb):
                raise TypeError(_("callbacks must be Callback objects or functions f(epoch, "
                                  "logs), got {type}.").format(type=type(cb).__name__))
            cb = _EveryEpoch(cb)
        cb.model = model
        result.append(cb)
    return result


def _metrics(metrics):
    if metrics is None:
        return []
    if isinstance(metrics, str):
        raise TypeError(_("metrics must be a list, e.g. metrics=[{metrics!r}].")
                        .format(metrics=metrics))
    names = []
    for m in metrics:
        if m not in METRICS:
            raise ValueError(_("unknown metric {metric!r}; the course supports 'accuracy'.")
                             .format(metric=m))
        names.append(METRICS[m])
    return names


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
        #: the divergence rule (helpers.training); it starts again at every compile
        self.watch = DivergenceWatch(advice=N_("build and compile the model again and try a "
                                               "smaller one"))
        self._recent_loss = None   # running average of mini-batch losses, for the watch

    # ----- building -------------------------------------------------------------------------
    def add(self, layer):
        if not isinstance(layer, Layer):
            raise TypeError(_("a Sequential model holds layers (Dense, ReLU, ...), got "
                              "{type}.").format(type=type(layer).__name__))
        self.layers.append(layer)

    def compile(self, loss, optimizer="adam", metrics=None):
        """Choose the loss (the measure) and the optimizer (how weights are changed).

        Names work as in Keras ('sparse_categorical_crossentropy', 'adam', ...). If anything is
        wrong, the model stays as it was. Compiling restarts the divergence watch: the first
        loss after ``compile`` is the starting value that later losses are compared with.
        """
        if isinstance(loss, optimizers_module.Optimizer) or (
                isinstance(loss, str) and loss.lower() in optimizers_module.OPTIMIZERS):
            raise ValueError(_("{loss!r} is an optimizer, given where the loss goes: compile "
                               "here takes the loss first (Keras takes the optimizer first); "
                               "name both, as Keras code usually does: "
                               "compile(optimizer=..., loss=...).").format(loss=loss))
        loss = losses_module.get(loss)
        optimizer = optimizers_module.get(optimizer)
        metrics = _metrics(metrics)
        self.loss, self.optimizer, self.metrics = loss, optimizer, metrics
        self.watch.reset()
        self._recent_loss = None
        return self

    @property
    def n_inputs(self):
        dense = [layer for layer in self.layers if isinstance(layer, Dense)]
        return dense[0].n_in if dense else None

    @property
    def n_outputs(self):
        dense = [layer for layer in self.layers if isinstance(layer, Dense)]
        return dense[-1].n_out if dense else None

    def parameters(self):
        """Every weight array, in a fixed order (layer by layer, W before b)."""
        return [layer.params[k] for layer in self.layers for k in layer.params]

    def gradients(self):
        """d loss / d weight for every array of parameters(), from the last backward pass."""
        return [layer.grads[k] for layer in self.layers for k in layer.params]

    def count_params(self):
        return int(sum(p.size for p in self.parameters()))

    # ----- using ----------------------------------------------------------------------------
    def _check_X(self, X, name="X"):
        if not self.layers:
            raise ValueError(_("this model has no layers; add some with Sequential([...]) or "
                               "add()."))
        return as_2d(X, name, n_features=self.n_inputs, what=N_("the model's first layer"))

    def forward(self, X, every_layer=False):
        """Push ``X`` through every layer in order: the one forward pass behind predict, fit,
        evaluate and representations. ``X`` is used as given (``predict`` checks it first).

        Returns the last layer's output or, with ``every_layer=True``, the list
        ``[X, output of layer 1, ..., output of the last layer]``.
        """
        outputs = [X]
        for layer in self.layers:
            outputs.append(layer.forward(outputs[-1]))
        return outputs if every_layer else outputs[-1]

    def predict(self, X, batch_size=None, verbose=0):
        """The last layer's output for every row of X. (``batch_size`` and ``verbose`` are
        accepted so that Keras code runs; all rows are computed at once, nothing is printed.)"""
        return self.forward(self._check_X(X))

    def __call__(self, X):
        return self.predict(X)

    def predict_proba(self, X):
        """Class probabilities, one column per class, read from the output as the loss says."""
        self._require_compiled()
        return self.loss.probabilities(self.predict(X))

    def predict_classes(self, X):
        """The predicted class of every row of X, read from the output as the loss says."""
        self._require_compiled()
        return self.loss.classes(self.predict(X))

    def representations(self, X):
        """The input followed by the output of every layer: a list of len(layers) + 1 arrays."""
        return self.forward(self._check_X(X), every_layer=True)

    # ----- training -------------------------------------------------------------------------
    def _require_compiled(self):
        if self.loss is None or self.optimizer is None:
            raise RuntimeError(_("call model.compile(loss=..., optimizer=...) first: the loss "
                                 "says how to score and read the outputs."))

    def _check_data(self, X, y, names=("X", "y")):
        """X and y checked where they enter, and y prepared once by the loss."""
        self._require_compiled()
        X = self._check_X(X, names[0])
        n_outputs = self.n_outputs or X.shape[1]
        return X, self.loss.prepare(y, len(X), n_outputs, names[1])

    def _forward_backward(self, X, t):
        out = self.forward(X)
        loss = self.loss.compute(out, t)
        grad = self.loss.backward()
        for layer in reversed(self.layers):
            grad = layer.backward(grad)
        return loss

    def backprop(self, X, y):
        """One forward and one backward pass: returns the loss on X, y and leaves d loss / d
        weight in ``gradients()`` (in the order of ``parameters()``). The weights do not change;
        ``train_step`` is backprop followed by the optimizer's update."""
        X, t = self._check_data(X, y)
        with np.errstate(all="ignore"):
            return self._forward_backward(X, t)

    def _step(self, X, t):
        loss = self._forward_backward(X, t)
        # One mini-batch's loss jumps around (with batch_size=1, healthy training reaches 9
        # times the first one), so the watch follows their running average, which only a real
        # blow-up moves far. A diverged step stops before it changes any weight.
        recent = loss if self._recent_loss is None else 0.9 * self._recent_loss + 0.1 * loss
        self.watch.check(recent, self.optimizer.lr,
                         N_("the average loss of recent mini-batches"))
        self._recent_loss = recent
        self.optimizer.step(self.parameters(), self.gradients())
        return loss

    def train_step(self, X_batch, y_batch):
        """One forward pass, one backward pass, one update. Returns the batch's loss.

        Raises :class:`DivergenceError` when training diverged: the loss or the weights became
        NaN or infinite, or the running average of the batch losses grew to more than 10 times
        the starting value (the first loss after ``compile``; ``fit`` measures it on the whole
        training set). See :class:`helpers.training.DivergenceWatch`.
        """
        X, t = self._check_data(X_batch, y_batch)
        with np.errstate(all="ignore"):   # the watch reports a blow-up, not NumPy's warnings
            loss = self._step(X, t)
            self.watch.check_finite(self.parameters(), self.optimizer.lr)
        return loss

    def fit(self, X, y, epochs=1, batch_size=32, validation_data=None, shuffle=True, seed=None,
            verbose=1, callbacks=None):
        """Train for ``epochs`` passes over the data in mini-batches; returns a History.

        After every epoch the loss (and accuracy, if compiled with it) is measured on the whole
        training set, and on ``validation_data`` = (X_val, y_val) if given. ``seed`` fixes the
        order of the mini-batches (without it, the shared generator of ``set_random_seed`` is
        used). ``callbacks``: :class:`Callback` objects or functions ``f(epoch, logs)``.
        ``verbose=1`` prints a line for up to about ten epochs (the first, the last and evenly
        spaced ones between), ``verbose=2`` a line for every epoch, ``verbose=0`` nothing.
        Raises :class:`DivergenceError` when training diverges.
        """
        X, t = self._check_data(X, y)
        epochs = positive_int(epochs, "epochs")
        batch_size = positive_int(batch_size, "batch_size")
        validation = None
        if validation_data is not None:
            if len(validation_data) != 2:
                raise ValueError(_("validation_data must be a pair (X_val, y_val)."))
            validation = self._check_data(*validation_data, names=("X_val", "y_val"))
        callbacks = _callbacks(callbacks, self)
        rng = random_generator(seed)
        every = max(1, epochs // 10) if verbose in (1, "auto") else (1 if verbose == 2 else 0)
        history = History()
        if self.watch.start is None:   # first training since compile: start from the whole set
            with np.errstate(all="ignore"):
                start = self._scores(X, t)["loss"]
            self.watch.check(start, self.optimizer.lr, N_("the training loss"))
        for cb in callbacks:
            cb.on_train_begin()
        for epoch in range(epochs):
            with np.errstate(all="ignore"):   # the watch reports a blow-up, not NumPy's warnings
                for batch in minibatches(len(X), batch_size, rng, shuffle):
                    self._step(X[batch], t[batch])
                logs = self._scores(X, t)
                self.watch.check(logs["loss"], self.optimizer.lr, N_("the training loss"))
                if validation is not None:
                    logs.update({"val_" + k: v for k, v in self._scores(*validation).items()})
            history.add(epoch, logs)
            if every and (epoch % every == 0 or epoch == epochs - 1):
                parts = [f"{k}: {v:.3f}" for k, v in logs.items()]
                print(_("Epoch {epoch}/{epochs} - {scores}").format(
                    epoch=epoch + 1, epochs=epochs, scores=" - ".join(parts)))
            for cb in callbacks:
                cb.on_epoch_end(epoch, logs)
        for cb in callbacks:
            cb.on_train_end(logs)
        return history

    def _scores(self, X, t):
        """The loss (and accuracy) of the whole of X: one forward pass, no gradients."""
        out = self.forward(X)
        logs = {"loss": self.loss.compute(out, t)}
        if self.metrics:
            logs["accuracy"] = self.loss.accuracy(out, t)
        return logs

    def evaluate(self, X, y, batch_size=None, verbose=0, return_dict=False):
        """The loss on X, y without training, as Keras returns it: the loss alone, or
        ``[loss, accuracy]`` when compiled with ``metrics=['accuracy']``, so that
        ``loss, acc = model.evaluate(X, y)`` works; ``return_dict=True`` gives
        ``{'loss': ..., 'accuracy': ...}``. (``batch_size`` and ``verbose`` are accepted for
        Keras code; all rows are scored at once, nothing is printed.)"""
        X, t = self._check_data(X, y)
        with np.errstate(all="ignore"):
            logs = self._scores(X, t)
        if return_dict:
            return logs
        return logs["loss"] if len(logs) == 1 else list(logs.values())

    # ----- weights --------------------------------------------------------------------------
    def get_weights(self):
        """Copies of every weight array (layer by layer, W before b)."""
        return [p.copy() for p in self.parameters()]

    def set_weights(self, weights):
        """Load arrays from get_weights(); shapes must match."""
        params = self.parameters()
        weights = list(weights)
        if len(weights) != len(params):
            raise ValueError(_("expected {expected} weight arrays, got {got}.")
                             .format(expected=len(params), got=len(weights)))
        for i, (p, w) in enumerate(zip(params, weights)):
            w = np.asarray(w, dtype=np.float64)
            if w.shape != p.shape:
                raise ValueError(_("weight array {i} has shape {shape}, the model needs "
                                   "{needed}.").format(i=i, shape=w.shape, needed=p.shape))
            p[...] = w   # in place, so the optimizer keeps pointing at the same arrays

    def summary(self, print_fn=None):
        """Print a table of the layers, their output sizes and parameter counts, as Keras does
        (it returns None). ``print_fn`` receives the table line by line instead of ``print``:
        ``lines = []; model.summary(print_fn=lines.append)`` keeps the text."""
        print_fn = print if print_fn is None else print_fn
        # Translators: the column headers of model.summary(): keep each within 10 characters.
        lines = [pad(_("layer"), 16) + pad(_("output"), 10, right=True)
                 + pad(_("params"), 10, right=True)]
        width = self.n_inputs
        for layer in self.layers:
            width = getattr(layer, "n_out", width)
            n = sum(p.size for p in layer.params.values())
            lines.append(f"{repr(layer):<16}{width if width else '?':>10}{n:>10}")
        lines.append(pad(_("total"), 16) + f"{'':>10}{self.count_params():>10}")
        for line in lines:
            print_fn(line)

    def __repr__(self):
        return "Sequential([" + ", ".join(repr(l) for l in self.layers) + "])"


def mlp(sizes, activation_name="relu", seed=0):
    """A multi-layer perceptron: Dense layers of the given sizes with an activation between.

    ``mlp([2, 8, 8, 1])`` is Dense(2, 8), ReLU, Dense(8, 8), ReLU, Dense(8, 1). The last layer
    has no activation: it outputs raw scores (logits) for a loss that expects them. Layer i is
    seeded with ``seed + i``; ``seed=None`` draws from the shared generator (set_random_seed).
    """
    sizes = [positive_int(s, N_("layer size")) for s in sizes]
    if len(sizes) < 2:
        raise ValueError(_("sizes needs at least an input and an output size, e.g. "
                           "[2, 8, 1]."))
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(Dense(n_in, n_out, seed=None if seed is None else seed + i))
        if i < len(sizes) - 2:
            layers.append(activation(activation_name))
    return Sequential(layers)
