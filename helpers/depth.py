"""What "deep" means: successive layers, each a new representation of the data.

Three tools for notebook 05:

- :func:`train_with_checkpoints` trains a model and keeps a copy of its weights every few epochs,
  so the course can replay training ("what did layer 2 look like at epoch 10?").
- :func:`grid_lines` and :func:`transform_lines` push a grid of straight lines through a model
  layer by layer (with ``Sequential.representations``), which shows how each layer bends, stretches
  and folds the plane.
- :func:`count_mlp_params`, :func:`shapes_for_budget` and :func:`compare_shapes` put networks of
  different shapes (one wide hidden layer, several narrow ones) on the same parameter budget and
  train them the same way, to compare depth with width fairly.
"""
import functools
import numbers

import numpy as np

from . import datasets
from .layers import Dense
from .losses import SoftmaxCrossEntropy
from .i18n import N_, _, pad, text_width
from .models import Callback, Sequential, mlp
from .optimizers import Adam
from .stacked_training import fit_side_by_side
from .training import side_by_side
from .validation import positive_int, positive_number

__all__ = ["TrainingRun", "train_with_checkpoints", "grid_lines", "transform_lines",
           "stage_names", "decision_line", "count_mlp_params", "widest_for_budget",
           "shapes_for_budget", "tight_spiral_split", "compare_shapes", "ShapeResult",
           "ShapeComparison", "xor_split", "circles_split", "untangling_network", "shape_of"]


# ----- training with checkpoints -------------------------------------------------------------
class TrainingRun:
    """Weights saved during training: ``epochs[i]``, ``weights[i]``, ``accuracy[i]``, ``loss[i]``.

    Checkpoint 0 is the untrained network (epoch 0); the last is the trained one. ``accuracy`` and
    ``loss`` are measured on the training data; ``val_accuracy`` on ``validation_data`` (if given).
    """

    def __init__(self):
        self.epochs, self.weights, self.accuracy, self.loss = [], [], [], []
        self.val_accuracy = None

    def __len__(self):
        return len(self.epochs)

    def _index(self, i):
        if isinstance(i, bool) or not isinstance(i, numbers.Integral):
            raise TypeError(_("a checkpoint number must be a whole number, got {i!r}.")
                            .format(i=i))
        if not -len(self) <= i < len(self):
            raise ValueError(_("checkpoint {i} does not exist; this run has {n} checkpoints, "
                               "numbered 0 to {last}.").format(i=i, n=len(self),
                                                               last=len(self) - 1))
        return int(i) % len(self)

    def load(self, model, i):
        """Put checkpoint ``i``'s weights into ``model`` (a model of the same shape); returns it."""
        model.set_weights(self.weights[self._index(i)])
        return model

    def __repr__(self):
        if not len(self):
            return "TrainingRun(" + _("no checkpoints") + ")"
        return "TrainingRun(" + _("{n} checkpoints, epochs {first}-{last}, training accuracy "
                                  "{start:.3f} -> {end:.3f}").format(
            n=len(self), first=self.epochs[0], last=self.epochs[-1], start=self.accuracy[0],
            end=self.accuracy[-1]) + ")"


def _check_model(model):
    if not isinstance(model, Sequential):
        raise TypeError(_("model must be a helpers Sequential model (e.g. "
                          "helpers.mlp([2, 2, 1])), got {type}.")
                        .format(type=type(model).__name__))
    if not model.layers:
        raise ValueError(_("this model has no layers; build one with helpers.mlp([...])."))
    return model


class _Checkpoints(Callback):
    """Saves the weights into a TrainingRun before training and every ``every`` epochs."""

    def __init__(self, run, X, y, epochs, every, validation_data):
        self.run, self.X, self.y = run, X, y
        self.epochs, self.every, self.validation_data = epochs, every, validation_data

    def on_train_begin(self, logs=None):       # checkpoint 0: the untrained network
        logs = self.model.evaluate(self.X, self.y, return_dict=True)
        if self.validation_data is not None:
            val = self.model.evaluate(*self.validation_data, return_dict=True)
            logs["val_accuracy"] = val["accuracy"]
        self.save(0, logs)

    def on_epoch_end(self, epoch, logs=None):   # fit's logs hold this epoch's numbers
        done = epoch + 1
        if done % self.every == 0 or done == self.epochs:
            self.save(done, logs)

    def save(self, epoch, logs):
        self.run.epochs.append(epoch)
        self.run.weights.append(self.model.get_weights())
        self.run.accuracy.append(float(logs["accuracy"]))
        self.run.loss.append(float(logs["loss"]))
        if self.validation_data is not None:
            self.run.val_accuracy.append(float(logs["val_accuracy"]))


def train_with_checkpoints(model, X, y, epochs, every=1, batch_size=32, seed=0,
                           validation_data=None):
    """Train ``model`` (already compiled) and save its weights every ``every`` epochs.

    This is ``model.fit(X, y, epochs, batch_size, seed=seed)`` with a callback that keeps a
    copy of the weights, so the final weights are the ones ``fit`` reaches. Returns a
    :class:`TrainingRun` whose first checkpoint is the untrained network and whose last is the
    trained one.
    """
    _check_model(model)
    if model.loss is None or model.optimizer is None or not model.metrics:
        raise ValueError(_("compile the model first, asking for accuracy: "
                           "model.compile(loss=..., optimizer=..., metrics=['accuracy'])."))
    epochs = positive_int(epochs, "epochs")
    every = positive_int(every, "every")
    if every > epochs:
        raise ValueError(_("every={every} is more than epochs={epochs}; save a checkpoint at "
                           "least once during training (every <= epochs).")
                         .format(every=every, epochs=epochs))
    if validation_data is not None and len(validation_data) != 2:
        raise ValueError(_("validation_data must be a pair (X_val, y_val)."))
    run = TrainingRun()
    if validation_data is not None:
        run.val_accuracy = []
    checkpoints = _Checkpoints(run, X, y, epochs, every, validation_data)
    model.fit(X, y, epochs=epochs, batch_size=batch_size, seed=seed,
              validation_data=validation_data, verbose=0, callbacks=[checkpoints])
    return run


# ----- a grid of lines through the layers ----------------------------------------------------
def grid_lines(lo=-1.5, hi=1.5, n_lines=9, n_points=60):
    """Straight lines covering the square [lo, hi]²: ``n_lines`` vertical then ``n_lines``
    horizontal ones, each sampled at ``n_points`` points. Shape (2 * n_lines, n_points, 2)."""
    lo, hi = float(lo), float(hi)
    if not (np.isfinite(lo) and np.isfinite(hi)) or lo >= hi:
        raise ValueError(_("the grid needs lo < hi (two finite numbers), got lo={lo}, "
                           "hi={hi}.").format(lo=lo, hi=hi))
    n_lines = positive_int(n_lines, "n_lines", minimum=2)
    n_points = positive_int(n_points, "n_points", minimum=2)
    ticks = np.linspace(lo, hi, n_lines)
    along = np.linspace(lo, hi, n_points)
    vertical = np.stack([np.column_stack([np.full(n_points, t), along]) for t in ticks])
    horizontal = np.stack([np.column_stack([along, np.full(n_points, t)]) for t in ticks])
    return np.concatenate([vertical, horizontal])


def transform_lines(model, lines):
    """Every line after every layer: a list of len(model.layers) + 1 arrays shaped like
    ``lines`` (n_lines, n_points, width), the first being the lines themselves."""
    _check_model(model)
    lines = np.asarray(lines, dtype=np.float64)
    if lines.ndim != 3:
        raise ValueError(_("lines must have shape (n_lines, n_points, 2), got shape {shape}; "
                           "make them with helpers.depth.grid_lines().")
                         .format(shape=lines.shape))
    n_lines, n_points, _coordinates = lines.shape
    reps = model.representations(lines.reshape(n_lines * n_points, -1))
    return [r.reshape(n_lines, n_points, -1) for r in reps]


def stage_names(model):
    """A name for every representation: 'input', then one per layer ('Dense 1', 'tanh 1', ...),
    the last called 'output (Dense k)'."""
    _check_model(model)
    names, counts = ["input"], {}
    for layer in model.layers:
        kind = "Dense" if isinstance(layer, Dense) else type(layer).__name__.lower()
        counts[kind] = counts.get(kind, 0) + 1
        names.append(f"{kind} {counts[kind]}")
    names[-1] = f"output ({names[-1]})"
    return names


def decision_line(model, stage):
    """The straight line ``w · p + c = 0`` where the network's decision flips, in the
    coordinates of representation ``stage``, as ``(w, c)``; None where it is not a straight line.

    It is straight only once nothing but Dense layers (affine maps) is left, i.e. in the input of
    the last Dense layer and in the output. The model must end with 2 outputs (one per class).
    """
    _check_model(model)
    n = len(model.layers)
    stage = positive_int(stage, "stage", minimum=0)
    if stage > n:
        raise ValueError(_("stage {stage} does not exist; this model has stages 0 to {n}.")
                         .format(stage=stage, n=n))
    last = model.layers[-1]
    if not isinstance(last, Dense) or last.n_out != 2:
        raise ValueError(_("decision_line needs a model whose last layer is Dense(..., 2), "
                           "one score per class."))
    if stage < n and not all(isinstance(layer, Dense) for layer in model.layers[stage:]):
        return None
    width = model.layers[stage].n_in if stage < n else 2
    A, c = np.eye(width), np.zeros(width)          # compose the affine maps still to come
    for layer in model.layers[stage:]:
        A, c = A @ layer.params["W"], c @ layer.params["W"] + layer.params["b"]
    return A[:, 1] - A[:, 0], float(c[1] - c[0])   # score of class 1 minus score of class 0


# ----- depth versus width ----------------------------------------------------------------------
def _sizes(sizes):
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__"):
        raise TypeError(_("sizes must be a list of layer sizes such as [2, 8, 8, 2], got "
                          "{sizes!r}.").format(sizes=sizes))
    sizes = [positive_int(s, N_("layer size")) for s in sizes]
    if len(sizes) < 2:
        raise ValueError(_("sizes needs at least an input and an output size, e.g. "
                           "[2, 8, 2]."))
    return sizes


def count_mlp_params(sizes):
    """Weights and biases of ``mlp(sizes)``: each Dense(n_in, n_out) has n_in·n_out + n_out."""
    sizes = _sizes(sizes)
    return sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))


def widest_for_budget(n_hidden, budget, n_in=2, n_out=2):
    """The largest width w such that ``n_hidden`` hidden layers of w units stay within budget."""
    n_hidden = positive_int(n_hidden, "n_hidden")
    budget = positive_int(budget, "budget")
    if count_mlp_params([n_in] + [1] * n_hidden + [n_out]) > budget:
        raise ValueError(_("a budget of {budget} parameters cannot pay for {n_hidden} hidden "
                           "layer(s) even one unit wide; raise the budget or use fewer "
                           "layers.").format(budget=budget, n_hidden=n_hidden))
    width = 1
    while count_mlp_params([n_in] + [width + 1] * n_hidden + [n_out]) <= budget:
        width += 1
    return width


def shapes_for_budget(budget, depths=(1, 2, 3, 4), n_in=2, n_out=2):
    """One shape per number of hidden layers, each as wide as the budget allows."""
    return [[n_in] + [widest_for_budget(d, budget, n_in, n_out)] * d + [n_out] for d in depths]


@functools.lru_cache(maxsize=None)
def tight_spiral_split():
    """A harder spiral than the scoreboard's: two turns instead of one (same size and noise)."""
    X, y = datasets.spiral(n=400, classes=2, noise=0.2, turns=2.0, seed=0)
    return datasets.train_test_split(X, y, test_fraction=0.25, seed=0)


@functools.lru_cache(maxsize=None)
def xor_split():
    """The xor points of notebook 05: four quadrants, no straight line separates the classes."""
    X, y = datasets.xor(n=200, noise=0.05, seed=0)
    return datasets.train_test_split(X, y, test_fraction=0.25, seed=0)


@functools.lru_cache(maxsize=None)
def circles_split():
    """Two rings, the inner one class 1: a set whose classes enclose one another."""
    X, y = datasets.circles(n=200, noise=0.05, seed=0)
    return datasets.train_test_split(X, y, test_fraction=0.25, seed=0)


def shape_of(model):
    """The layer sizes of a model's Dense layers, e.g. [2, 8, 8, 2] (what mlp() was given)."""
    _check_model(model)
    dense = [layer for layer in model.layers if isinstance(layer, Dense)]
    if not dense:
        raise ValueError(_("this model has no Dense layer, so it has no shape to report."))
    return [dense[0].n_in] + [layer.n_out for layer in dense]


def untangling_network(seed=0):
    """The untrained, compiled 2-2-2-2-2 tanh network notebook 05 trains on :func:`xor_split`."""
    model = mlp([2, 2, 2, 2, 2], "tanh", seed=seed)
    model.compile(SoftmaxCrossEntropy(), Adam(0.03), metrics=["accuracy"])
    return model


class ShapeResult:
    """One shape trained with several seeds: ``sizes``, ``params``, per-seed accuracies, and
    ``model`` (the network trained with the first seed)."""

    def __init__(self, sizes, params, train_accuracies, test_accuracies, model):
        self.sizes, self.params, self.model = sizes, params, model
        self.train_accuracies, self.test_accuracies = train_accuracies, test_accuracies

    @property
    def name(self):
        return "-".join(str(s) for s in self.sizes)

    @property
    def n_hidden(self):
        return len(self.sizes) - 2

    @property
    def mean_test_accuracy(self):
        return float(np.mean(self.test_accuracies))

    def __repr__(self):
        return "ShapeResult(" + _("{name}: {params} params, mean test accuracy "
                                  "{accuracy:.3f}").format(
            name=self.name, params=self.params, accuracy=self.mean_test_accuracy) + ")"


class ShapeComparison:
    """The results of :func:`compare_shapes`; prints as a table."""

    def __init__(self, results, seeds, epochs):
        self.results, self.seeds, self.epochs = list(results), tuple(seeds), epochs

    def __iter__(self):
        return iter(self.results)

    def __len__(self):
        return len(self.results)

    def __getitem__(self, i):
        return self.results[i]

    def best(self):
        return max(self.results, key=lambda r: r.mean_test_accuracy)

    def __repr__(self):
        # Translators: the column headers of the table printed by compare_shapes().
        shape, hidden, params, mean = _("shape"), _("hidden"), _("params"), _("mean")
        seed_names = [_("seed {seed}").format(seed=s) for s in self.seeds]
        # column widths in English: 6 for hidden and params, 8 for each seed and the mean
        name_w = max(text_width(shape), *(len(r.name) for r in self.results))
        hidden_w, params_w = max(6, text_width(hidden)), max(6, text_width(params))
        seed_w = max([8] + [text_width(name) + 1 for name in seed_names])
        mean_w = max(8, text_width(mean) + 1)
        lines = [_("test accuracy after {epochs} epochs, one column per seed")
                 .format(epochs=self.epochs),
                 pad(shape, name_w) + "  " + pad(hidden, hidden_w, right=True) + "  "
                 + pad(params, params_w, right=True)
                 + "".join(pad(name, seed_w, right=True) for name in seed_names)
                 + pad(mean, mean_w, right=True)]
        for r in self.results:
            accs = "".join(f"{a:>{seed_w}.3f}" for a in r.test_accuracies)
            lines.append(f"{r.name:<{name_w}}  {r.n_hidden:>{hidden_w}}  {r.params:>{params_w}}"
                         f"{accs}{r.mean_test_accuracy:>{mean_w}.3f}")
        return "\n".join(lines)


def compare_shapes(shapes, split, activation="relu", epochs=150, lr=0.01, batch_size=32,
                   seeds=(0, 1, 2)):
    """Train every shape in ``shapes`` on ``split`` = (X_train, y_train, X_test, y_test) with
    each seed (the seed sets the starting weights and the batch order) and report test accuracy.
    Every shape gets the same data, epochs, optimizer and learning rate."""
    shapes = [_sizes(s) for s in shapes]
    if not shapes:
        raise ValueError(_("pass at least one shape, e.g. [[2, 60, 2], [2, 14, 14, 2]]."))
    if len(split) != 4:
        raise ValueError(_("split must be (X_train, y_train, X_test, y_test), as returned by "
                           "helpers.datasets.train_test_split."))
    X_train, y_train, X_test, y_test = split
    seeds = [positive_int(s, "seed", minimum=0) for s in seeds]
    if not seeds:
        raise ValueError(_("pass at least one seed, e.g. seeds=(0,)."))
    epochs = positive_int(epochs, "epochs")
    lr = positive_number(lr, "lr")
    # the seeds of one shape are trained together (helpers.stacked_training), and the shapes
    # on all the machine's cores at once
    trained = side_by_side(_train_shape, [(sizes, activation, seeds, split, epochs, lr,
                                           batch_size) for sizes in shapes])
    results = []
    for sizes, runs in zip(shapes, trained):
        first = runs[0][0]
        results.append(ShapeResult(sizes, first.count_params(), [r[1] for r in runs],
                                   [r[2] for r in runs], first))
    return ShapeComparison(results, seeds, epochs)


def _train_shape(sizes, activation, seeds, split, epochs, lr, batch_size):
    """One shape of :func:`compare_shapes`, one network per seed, each trained as
    ``model.fit(X_train, y_train, epochs, batch_size, seed=seed)`` trains it: a list of
    (model, training accuracy, test accuracy)."""
    X_train, y_train, X_test, y_test = split
    models = []
    for seed in seeds:
        model = mlp(sizes, activation, seed=seed)
        model.compile(SoftmaxCrossEntropy(), Adam(lr), metrics=["accuracy"])
        models.append(model)
    histories = fit_side_by_side(models, X_train, y_train, epochs, batch_size, seeds)
    return [(model, float(history.history["accuracy"][-1]),
             model.evaluate(X_test, y_test, return_dict=True)["accuracy"])
            for model, history in zip(models, histories)]
