"""Training several copies of one network at once, stacked in one set of arrays.

Comparing network shapes fairly (notebook 05) means training each shape several times, from
different random starting weights, and looking at all the results. One small network's training
step is a few dozen NumPy operations on tiny arrays, and most of its time goes into calling them,
not into arithmetic. Three copies of the same shape can share those calls: their weights are
stacked along a first axis (``W`` of shape (copies, n_in, n_out)), every copy gets its own
mini-batch (its own shuffle, from its own seed), and one ``matmul`` does the three copies' work.

Each copy ends exactly as ``model.fit(X, y, epochs, batch_size, seed=seed, verbose=0)`` leaves
it, number for number: the same weights, optimizer state and History (the tests compare them
with ``fit``). The arithmetic of each copy is the arithmetic of ``fit``: NumPy's ``matmul`` works
on each copy's slice as it does on one network, element-wise steps do not care about the extra
axis, the optimizer's own update rule is applied to the stacked weights, and the losses in the
History are computed by each model's own loss object. Only Dense layers and the loss's gradient
are written out again here, for stacks: ``x @ W + b`` and its backward pass, and softmax
cross-entropy's "probabilities minus answers".

Models it cannot stack (other layers or losses, different optimizers, different shapes, models
already trained) are trained one after another with ``fit``, so the result is the same either
way; it is only slower.
"""
import numpy as np

from .layers import Dense, ReLU, Sigmoid, Tanh, random_generator
from .losses import SoftmaxCrossEntropy
from .models import History
from .training import minibatches
from .i18n import N_
from .validation import positive_int

#: Layers without weights that work number by number, so on a stack as on one network.
ELEMENTWISE = (ReLU, Sigmoid, Tanh)

__all__ = ["fit_side_by_side", "can_stack"]


def can_stack(models):
    """True when ``models`` can be trained as one stack: the same layers (Dense and element-wise
    activations) with the same shapes, softmax cross-entropy, and fresh optimizers of one kind
    with the same settings."""
    models = list(models)
    if not models:
        return False
    first = models[0]
    kinds = [type(layer) for layer in first.layers]
    if not kinds or kinds[-1] is not Dense:
        return False
    for model in models:
        if [type(layer) for layer in model.layers] != kinds:
            return False
        if [p.shape for p in model.parameters()] != [p.shape for p in first.parameters()]:
            return False
        if not isinstance(model.loss, SoftmaxCrossEntropy):
            return False
        optimizer = model.optimizer
        if (type(optimizer) is not type(first.optimizer)
                or _settings(optimizer) != _settings(first.optimizer)
                or optimizer.state is not None or optimizer.iterations
                or model.watch.start is not None or model.metrics != first.metrics):
            return False
    return all(type(layer) is Dense or type(layer) in ELEMENTWISE for layer in first.layers)


def _settings(optimizer):
    """An optimizer's settings (learning rate, betas, momentum, ...), without its state."""
    return {k: v for k, v in vars(optimizer).items() if k not in ("state", "_sizes")}


def fit_side_by_side(models, X, y, epochs, batch_size=32, seeds=None):
    """Train each compiled model as ``model.fit(X, y, epochs=epochs, batch_size=batch_size,
    seed=seed, verbose=0)`` would (``seeds``: one per model), all at once when they can be
    stacked (:func:`can_stack`) and every model has its seed, one after another otherwise.
    Returns their Histories."""
    models = list(models)
    seeds = list(seeds) if seeds is not None else [None] * len(models)
    if len(seeds) != len(models):
        raise ValueError(f"give one seed per model: {len(models)} models, {len(seeds)} seeds.")
    # without a seed, fit draws its batches from the shared generator, model after model; a
    # stack would take them in another order
    if len(models) < 2 or None in seeds or not can_stack(models):
        return [model.fit(X, y, epochs=epochs, batch_size=batch_size, seed=seed, verbose=0)
                for model, seed in zip(models, seeds)]
    return _Stack(models).fit(X, y, epochs, batch_size, seeds)


class _Stack:
    """The models' weights, stacked: one row per copy holding all its weights, in the order of
    ``Sequential.parameters()`` (the long vector ``Optimizer.step`` updates), and views of it:
    ``W[k]`` of shape (copies, n_in, n_out) and ``b[k]`` (copies, 1, n_out) for the k-th Dense
    layer."""

    def __init__(self, models):
        self.models = models
        self.layers = models[0].layers
        self.activations = {i: type(layer)() for i, layer in enumerate(self.layers)
                            if type(layer) is not Dense}
        self.weights = np.stack([np.concatenate([p.ravel() for p in m.parameters()])
                                 for m in models])
        self.W, self.b, start = [], [], 0
        for layer in self.layers:
            if type(layer) is Dense:
                n_in, n_out = layer.params["W"].shape
                self.W.append(self.weights[:, start:start + n_in * n_out]
                              .reshape(len(models), n_in, n_out))
                start += n_in * n_out
                self.b.append(self.weights[:, start:start + n_out].reshape(len(models), 1, n_out))
                start += n_out
        self._index = {}

    # ----- one step for every copy ---------------------------------------------------------
    def forward(self, X):
        """Every copy's output for its own rows X[c] (or for the same rows X, 2-D)."""
        self.inputs, out, k = [], X, 0
        for i, layer in enumerate(self.layers):
            if i in self.activations:
                out = self.activations[i].forward(out)
            else:
                self.inputs.append(out)
                out = out @ self.W[k] + self.b[k]            # as Dense.forward, per copy
                k += 1
        return out

    def backward(self, grad):
        """Gradients of every copy's weights, as Dense.backward and the activations give."""
        grads_W, grads_b = [None] * len(self.W), [None] * len(self.W)
        k = len(self.W)
        for i in reversed(range(len(self.layers))):
            if i in self.activations:
                grad = self.activations[i].backward(grad)
                continue
            k -= 1
            grads_W[k] = self.inputs[k].transpose(0, 2, 1) @ grad      # x.T @ grad, per copy
            grads_b[k] = grad.sum(axis=1)                               # grad.sum(axis=0)
            grad = grad @ self.W[k].transpose(0, 2, 1)                  # grad @ W.T
        copies = len(self.models)
        return np.concatenate([a.reshape(copies, -1) for pair in zip(grads_W, grads_b)
                               for a in pair], axis=1)

    def gradients(self, X_batches, t_batches):
        """Every copy's mini-batch loss and its weights' gradients (one row per copy)."""
        logits = self.forward(X_batches)
        # softmax cross-entropy and its gradient, as SoftmaxCrossEntropy.compute and backward
        shifted = logits - logits.max(axis=-1, keepdims=True)
        probs = np.exp(shifted)
        total = probs.sum(axis=-1, keepdims=True)
        probs /= total
        n = t_batches.shape[1]
        if n not in self._index:
            self._index[n] = (np.arange(len(self.models))[:, None], np.arange(n)[None, :])
        copy, row = self._index[n]
        losses = np.log(total)[..., 0] - shifted[copy, row, t_batches]
        grad = probs.copy()
        grad[copy, row, t_batches] -= 1.0         # the answer is 1 in the right class's column
        grad /= n
        return ((losses.sum(axis=1) / n).tolist(),     # each copy's np.mean
                self.backward(grad).astype(np.float64, copy=False))

    def update(self, gradient, rule, state):
        """The optimizer's own rule (as Optimizer.step applies it), on every copy at once."""
        rule.iterations += 1
        rule._update(self.weights, gradient, state)      # in place: W and b are views of it

    # ----- the whole training ----------------------------------------------------------------
    def fit(self, X, y, epochs, batch_size, seeds):
        models = self.models
        first = models[0]
        X, t = first._check_data(X, y)
        for model in models[1:]:
            model._check_data(X, y)
        epochs = positive_int(epochs, "epochs")
        batch_size = positive_int(batch_size, "batch_size")
        generators = [random_generator(seed) for seed in seeds]
        histories = [History() for _ in models]
        rule, state = first.optimizer, {}
        # as in fit: a copy whose loss explodes stops the training (all copies, here) with a
        # DivergenceError before the step that saw it changes any weight
        try:
            with np.errstate(all="ignore"):
                self._watch_scores(X, t, N_("the training loss"))
                for epoch in range(epochs):
                    batches = [minibatches(len(X), batch_size, g) for g in generators]
                    for rows in zip(*batches):
                        rows = np.stack(rows)
                        losses, gradient = self.gradients(X[rows], t[rows])
                        for model, loss in zip(models, losses):
                            recent = (loss if model._recent_loss is None
                                      else 0.9 * model._recent_loss + 0.1 * loss)
                            model.watch.check(recent, rule.lr,
                                              N_("the average loss of recent mini-batches"))
                            model._recent_loss = recent
                        self.update(gradient, rule, state)
                    scores = self._watch_scores(X, t, N_("the training loss"))
                    for history, logs in zip(histories, scores):
                        history.add(epoch, logs)
        finally:
            self._hand_back(rule, state)
        return histories

    def _watch_scores(self, X, t, what):
        """Each model's loss (and accuracy) on all of X, computed by its own loss object from
        its copy's output and checked by its own divergence watch."""
        out = self.forward(X)
        scores = []
        for c, model in enumerate(self.models):
            logs = {"loss": model.loss.compute(np.ascontiguousarray(out[c]), t)}
            if model.metrics:
                logs["accuracy"] = model.loss.accuracy(out[c], t)
            model.watch.check(logs["loss"], model.optimizer.lr, what)
            scores.append(logs)
        return scores

    def _hand_back(self, rule, state):
        """Each model gets its copy's weights and optimizer state, as fit would leave them."""
        steps = rule.iterations
        for c, model in enumerate(self.models):
            start = 0
            for p in model.parameters():
                p[...] = self.weights[c, start:start + p.size].reshape(p.shape)
                start += p.size
            optimizer = model.optimizer
            optimizer.state = {key: value[c].copy() for key, value in state.items()}
            optimizer._sizes = [p.size for p in model.parameters()]
            optimizer.iterations = steps
