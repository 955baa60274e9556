"""The training stepper: train a small network one mini-batch at a time and watch it learn.

In the spirit of TensorFlow Playground, but inside Jupyter and built on the course's own NumPy
engine (:mod:`helpers.models`). Pick a data set, a network (hidden layers, activation), a loss, an
optimizer and its learning rate, then press **Step** (one mini-batch), **Epoch** (one pass over
the training points) or **Play**. The figure shows, live:

* the decision regions under the training (circles) and test (triangles) points; the colour
  fades to white where the network is unsure, so the boundary shows as a pale band;
* the train and test loss and accuracy, one point per step;
* the size (norm) of each layer's gradient on the last mini-batch, on a log scale;
* every hidden unit's output over the whole plane, as a small heatmap.

Every button calls an ordinary method (``step()``, ``step_epoch()``, ``play()``, ``pause()``,
``reset()``, ``load_csv()``), so the widget can be driven and tested without a browser. The whole
experiment is a dict (``config()``); ``TrainingStepper.from_config(cfg)`` rebuilds it, and the
same config always gives the same numbers.
"""
import asyncio
import html
import math
import time

import ipywidgets as W
import numpy as np
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.patches import Rectangle

from .. import datasets, losses, models, optimizers
from ..layers import ACTIVATIONS, Dense
from ..plots.core import CLASS_COLORS, REGION_COLORS, grid_for
from .base import CourseWidget, FigureView

__all__ = ["TrainingStepper", "STEPPER_DEFAULTS"]

#: The data sets offered, in the order the dropdown shows them.
DATASET_NAMES = ["running example", "circles", "xor", "moons", "spiral", "spiral (3 classes)",
                 "gaussians"]
#: The dropdown entry for points loaded from a CSV file.
CSV_NAME = "your CSV"
OPTIMIZER_NAMES = {"sgd": "SGD", "momentum": "SGD + momentum 0.9", "rmsprop": "RMSprop",
                   "adam": "Adam"}
LOSS_NAMES = {"cross-entropy": "softmax cross-entropy", "mse": "mean squared error (one-hot)"}

#: What ``TrainingStepper()`` starts with: circles (no straight line separates them), two small
#: tanh layers and Adam, which learns them in about 20 epochs.
STEPPER_DEFAULTS = {
    "dataset": "circles",
    "n_points": 200,
    "noise": 0.1,
    "test_fraction": 0.25,
    "seed": 0,
    "hidden": [4, 4],
    "activation": "tanh",
    "loss": "cross-entropy",
    "optimizer": "adam",
    "lr": 0.03,
    "batch_size": 10,
    "max_epochs": 500,
    "target_loss": 0.0,
    "data": None,
}

LR_MIN, LR_MAX = 1e-4, 10.0
MAX_POINTS = 5000
MAX_HIDDEN_LAYERS, MAX_UNITS = 6, 64
MAX_LAYERS_SHOWN, MAX_UNITS_SHOWN = MAX_HIDDEN_LAYERS, 8
GRID = 64                       # the plane is evaluated on a GRID × GRID lattice
TILE = GRID // 2                # hidden-unit maps use every other grid point
#: Region tints by class: the course's REGION_COLORS, except that class 2 gets a green that
#: stands apart from class 0's sand colour.
STEPPER_REGION_COLORS = REGION_COLORS[:2] + ["#c6e2b5"] + REGION_COLORS[3:]
WEIGHT_RGBA = [(0.85, 0.51, 0.17, 0.8), (0.25, 0.5, 0.75, 0.8)]   # negative, positive
UNIT_CMAP = LinearSegmentedColormap.from_list("unit", ["#d9822b", "#ffffff", "#3f7fbf"]
                                              ).with_extremes(bad="#ffffff")
TRAIN_COLOR, TEST_COLOR = "#1f4e79", "#d9822b"


HELP_HTML = """
<div style="max-width: 900px; line-height: 1.4">
<p><b>The buttons.</b> <i>Step</i> shows the network one mini-batch (a handful of training
points, as many as the batch size), measures how wrong it is on them (the loss), works out which
way each weight should move to make that loss smaller (backpropagation) and moves every weight a
little that way (the optimizer; how far is the learning rate). <i>Epoch</i> keeps stepping until
every training point has been used once. <i>Play</i> keeps going until you press <i>Pause</i>,
the stop condition is reached or training diverges. <i>Reset</i> goes back to the starting
weights: the same seed always gives the same start, so the same settings give the same
numbers.</p>
<p><b>Decision regions</b> (left): the class the network would give each spot of the plane.
The colour is strong where the network is sure and fades to white where it hesitates, so the
boundary shows as a pale band. Circles are training points (the network learns from them),
triangles are test points (kept aside to check that what it learnt also works on new
points).</p>
<p><b>Loss and accuracy</b> (middle): measured on all training points and all test points after
every step. When the training loss keeps falling while the test loss rises, the network is
learning the training points by heart (overfitting).</p>
<p><b>Gradient size</b>: how strongly the last mini-batch pushed on each layer's weights (the
length of its gradient, on a log scale). Very small bars in the first layers mean those layers
hardly learn (vanishing gradients, common with many sigmoid layers).</p>
<p><b>Hidden units</b> (right): each small square is one unit's output over the same plane as
the decision regions: orange where it is negative, blue where it is positive. The first layer can
only draw straight lines; later layers combine them into curves.</p>
<p><b>If training diverges</b> (the loss explodes or stops being a number), the learning rate was
too large: press Reset and choose a smaller one. Your own points: a CSV file with columns x, y,
label (whole numbers 0, 1, ...), e.g. <code>0.5,1.2,0</code>.</p>
</div>
"""


# ----- checking a configuration ---------------------------------------------------------------
def parse_hidden(value):
    """``"8, 8"`` or ``[8, 8]`` -> ``[8, 8]``; ``""`` -> ``[]`` (no hidden layer)."""
    if isinstance(value, str):
        parts = [p for p in value.replace(";", ",").replace(" ", ",").split(",") if p.strip()]
        try:
            sizes = [int(p) for p in parts]
        except ValueError:
            raise ValueError(f"hidden layers {value!r}: write whole numbers separated by commas, "
                             f"e.g. '8, 8' for two layers of 8 units.") from None
    else:
        try:
            sizes = [int(s) for s in value]
        except (TypeError, ValueError):
            raise TypeError(f"hidden must be a list of unit counts such as [8, 8] or the text "
                            f"'8, 8', got {value!r}.") from None
        if any(int(s) != s for s in value):
            raise ValueError(f"hidden layers {value!r}: unit counts must be whole numbers.")
    if len(sizes) > MAX_HIDDEN_LAYERS:
        raise ValueError(f"{len(sizes)} hidden layers is more than this widget shows; use at "
                         f"most {MAX_HIDDEN_LAYERS}.")
    for s in sizes:
        if not 1 <= s <= MAX_UNITS:
            raise ValueError(f"a hidden layer of {s} units: use between 1 and {MAX_UNITS} units "
                             f"per layer.")
    return sizes


def _number(value, name, low, high, integer=False):
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number, got {value!r}.")
    if integer and int(value) != value:
        raise ValueError(f"{name} must be a whole number, got {value!r}.")
    if not (np.isfinite(value) and low <= value <= high):
        raise ValueError(f"{name} must lie between {low:g} and {high:g}, got {value!r}.")
    return int(value) if integer else float(value)


def _choice(value, name, options):
    if value not in options:
        raise ValueError(f"unknown {name} {value!r}; choose one of {list(options)}.")
    return value


def check_config(cfg):
    """Return a complete, checked copy of a stepper configuration (missing keys get defaults)."""
    if not isinstance(cfg, dict):
        raise TypeError(f"a stepper configuration is a dict such as TrainingStepper().config(), "
                        f"got {type(cfg).__name__}.")
    unknown = sorted(set(cfg) - set(STEPPER_DEFAULTS))
    if unknown:
        raise ValueError(f"unknown setting(s) {unknown}; the stepper knows "
                         f"{sorted(STEPPER_DEFAULTS)}.")
    c = dict(STEPPER_DEFAULTS, **cfg)
    out = {
        "dataset": _choice(c["dataset"], "dataset", DATASET_NAMES + [CSV_NAME]),
        "n_points": _number(c["n_points"], "n_points", 20, 2000, integer=True),
        "noise": _number(c["noise"], "noise", 0.0, 1.0),
        "test_fraction": _number(c["test_fraction"], "test_fraction", 0.05, 0.9),
        "seed": _number(c["seed"], "seed", 0, 2**31 - 1, integer=True),
        "hidden": parse_hidden(c["hidden"]),
        "activation": _choice(c["activation"], "activation", list(ACTIVATIONS)),
        "loss": _choice(c["loss"], "loss", list(LOSS_NAMES)),
        "optimizer": _choice(c["optimizer"], "optimizer", list(OPTIMIZER_NAMES)),
        "lr": _number(c["lr"], "learning rate (lr)", LR_MIN, LR_MAX),
        "batch_size": _number(c["batch_size"], "batch_size", 1, 2000, integer=True),
        "max_epochs": _number(c["max_epochs"], "max_epochs (0 means no limit)", 0, 10**6,
                              integer=True),
        "target_loss": _number(c["target_loss"], "target_loss (0 means none)", 0.0, 100.0),
        "data": None,
    }
    if out["dataset"] == CSV_NAME:
        data = c["data"]
        if not isinstance(data, dict) or "X" not in data or "y" not in data:
            raise ValueError("the dataset 'your CSV' needs data={'X': [[x, y], ...], 'y': "
                             "[label, ...]}; load a file with load_csv(...) and use config().")
        X, y = _check_points(np.asarray(data["X"], dtype=float), data["y"])
        out["data"] = {"X": X.tolist(), "y": y.tolist()}
    return out


def _check_points(X, y):
    from ..validation import as_2d, as_labels
    X = as_2d(X, "the points", n_features=2, what="the stepper (x and y)")
    y = as_labels(y, n_samples=len(X), name="the labels")
    if len(np.unique(y)) < 2:
        raise ValueError(f"the points have only one class (label {y[0]}); a classifier needs at "
                         f"least two different labels.")
    if y.max() >= len(REGION_COLORS):
        raise ValueError(f"label {y.max()} is too large; the stepper draws up to "
                         f"{len(REGION_COLORS)} classes, labelled 0 to {len(REGION_COLORS) - 1}.")
    if len(X) > MAX_POINTS:
        raise ValueError(f"{len(X)} points is more than the stepper can redraw quickly; use at "
                         f"most {MAX_POINTS} (for example a random sample of your file).")
    if len(X) < 8:
        raise ValueError(f"only {len(X)} points; the stepper needs at least 8 to split them into "
                         f"training and test points.")
    return X, y


def _nice_ceiling(value):
    """The smallest of 1, 1.5, 2, 3, 5, 7.5 times a power of ten that is >= value (> 0)."""
    power = 10.0 ** math.floor(math.log10(value))
    for m in (1.0, 1.5, 2.0, 3.0, 5.0, 7.5, 10.0):
        if m * power >= value * (1 - 1e-12):
            return m * power
    return 10.0 * power


# ----- the widget -----------------------------------------------------------------------------
class TrainingStepper(CourseWidget):
    """Train a small network step by step and watch every part of it change.

    Parameters are those of :data:`STEPPER_DEFAULTS` (all optional): ``dataset``, ``n_points``,
    ``noise``, ``test_fraction``, ``seed``, ``hidden`` (e.g. ``[8, 8]`` or ``"8, 8"``),
    ``activation`` ('relu', 'tanh', 'sigmoid'), ``loss`` ('cross-entropy', 'mse'), ``optimizer``
    ('sgd', 'momentum', 'rmsprop', 'adam'), ``lr``, ``batch_size``, ``max_epochs`` (0: no limit),
    ``target_loss`` (0: none) and ``data`` (the points of 'your CSV').

    >>> s = TrainingStepper(dataset="xor", hidden=[8], lr=0.05)
    >>> s.step_epoch(); s.summary()
    """

    #: Play trains ``speed_slider.value`` steps per picture but stops computing after
    #: ``frame_budget`` seconds, then waits ``frame_pause`` seconds so clicks get through.
    frame_budget = 0.25
    frame_pause = 0.02
    #: Training counts as diverged when the train loss becomes NaN or infinite, or grows to more
    #: than this many times its value before the first step.
    divergence_factor = 10.0

    def __init__(self, dataset=STEPPER_DEFAULTS["dataset"],
                 n_points=STEPPER_DEFAULTS["n_points"], noise=STEPPER_DEFAULTS["noise"],
                 test_fraction=STEPPER_DEFAULTS["test_fraction"], seed=STEPPER_DEFAULTS["seed"],
                 hidden=STEPPER_DEFAULTS["hidden"], activation=STEPPER_DEFAULTS["activation"],
                 loss=STEPPER_DEFAULTS["loss"], optimizer=STEPPER_DEFAULTS["optimizer"],
                 lr=STEPPER_DEFAULTS["lr"], batch_size=STEPPER_DEFAULTS["batch_size"],
                 max_epochs=STEPPER_DEFAULTS["max_epochs"],
                 target_loss=STEPPER_DEFAULTS["target_loss"], data=None, *, dpi=80):
        cfg = check_config(dict(
            dataset=dataset, n_points=n_points, noise=noise, test_fraction=test_fraction,
            seed=seed, hidden=hidden, activation=activation, loss=loss, optimizer=optimizer,
            lr=lr, batch_size=batch_size, max_epochs=max_epochs, target_loss=target_loss,
            data=data))
        self._cfg = cfg
        self._last_csv = cfg["data"]
        self._syncing = False
        self.playing = False
        self._task = None
        self.note = ""
        self._make_controls(cfg)
        self._make_data()
        self._make_model()
        self._make_figure()
        self._update_artists()
        self.view = FigureView(self.fig, dpi=dpi, moving=self._dynamic_artists,
                               live_format="jpeg")
        self.view.image.layout = W.Layout(max_width="100%", height="auto")   # shrink to fit
        self.help = W.Accordion(children=[W.HTML(HELP_HTML)], selected_index=None)
        self.help.set_title(0, "What am I looking at?")
        self.ui = W.VBox([self._controls_box, self.buttons_box, self.status, self.view.image,
                          self.help])
        self._update_status()

    @classmethod
    def from_config(cls, cfg, **kwargs):
        """Rebuild the experiment described by ``cfg`` (a dict from :meth:`config`)."""
        return cls(**kwargs, **check_config(cfg))

    def config(self):
        """The whole setup as a plain dict (JSON-friendly): hand it to ``from_config``."""
        cfg = dict(self._cfg)
        cfg["hidden"] = list(cfg["hidden"])
        if cfg["data"] is not None:
            cfg["data"] = {"X": [list(r) for r in cfg["data"]["X"]], "y": list(cfg["data"]["y"])}
        return cfg

    # ----- controls ---------------------------------------------------------------------------
    def _make_controls(self, cfg):
        wide = W.Layout(width="260px")
        style = {"description_width": "90px"}
        datasets_shown = DATASET_NAMES + ([CSV_NAME] if cfg["dataset"] == CSV_NAME else [])
        self.dataset_dropdown = W.Dropdown(options=datasets_shown, value=cfg["dataset"],
                                           description="data set", layout=wide, style=style)
        self.noise_slider = W.FloatSlider(value=cfg["noise"], min=0.0, max=0.5, step=0.01,
                                          description="noise", layout=wide, style=style,
                                          readout_format=".2f", continuous_update=False)
        self.points_slider = W.IntSlider(value=cfg["n_points"], min=20, max=1000, step=10,
                                         description="points", layout=wide, style=style,
                                         continuous_update=False)
        self.split_slider = W.FloatSlider(value=cfg["test_fraction"], min=0.1, max=0.5,
                                          step=0.01, description="test share", layout=wide,
                                          style=style, readout_format=".2f",
                                          continuous_update=False)
        self.seed_text = W.BoundedIntText(value=cfg["seed"], min=0, max=2**31 - 1,
                                          description="seed", layout=wide, style=style)
        self.upload = W.FileUpload(accept=".csv,text/csv,text/plain", multiple=False,
                                   description="load CSV", layout=W.Layout(width="260px"))
        self.hidden_text = W.Text(value=", ".join(str(h) for h in cfg["hidden"]),
                                  description="hidden layers", placeholder="e.g. 8, 8",
                                  continuous_update=False, layout=wide, style=style)
        self.activation_dropdown = W.Dropdown(options=list(ACTIVATIONS), value=cfg["activation"],
                                              description="activation", layout=wide, style=style)
        self.loss_dropdown = W.Dropdown(options=[(v, k) for k, v in LOSS_NAMES.items()],
                                        value=cfg["loss"], description="loss", layout=wide,
                                        style=style)
        self.optimizer_dropdown = W.Dropdown(options=[(v, k) for k, v in OPTIMIZER_NAMES.items()],
                                             value=cfg["optimizer"], description="optimizer",
                                             layout=wide, style=style)
        self.lr_slider = W.FloatLogSlider(value=cfg["lr"], base=10, min=math.log10(LR_MIN),
                                          max=math.log10(LR_MAX), step=0.25,
                                          description="learning rate", readout_format=".4g",
                                          continuous_update=False, layout=wide, style=style)
        self.batch_slider = W.IntSlider(value=min(cfg["batch_size"], 200), min=1, max=200,
                                        description="batch size", continuous_update=False,
                                        layout=wide, style=style)
        self.max_epochs_text = W.BoundedIntText(value=cfg["max_epochs"], min=0, max=10**6,
                                                description="max epochs", layout=wide,
                                                style=style)
        self.speed_slider = W.IntSlider(value=5, min=1, max=100, description="steps/picture",
                                        tooltip="how many steps Play takes between pictures",
                                        layout=wide, style=style)
        self.target_loss_text = W.BoundedFloatText(value=cfg["target_loss"], min=0.0, max=100.0,
                                                   step=0.01, description="target loss",
                                                   layout=wide, style=style)
        self._controls_box = W.HBox(layout=W.Layout(flex_flow="row wrap"), children=[
            W.VBox([W.HTML("<b>data</b>"), self.dataset_dropdown, self.noise_slider,
                    self.points_slider, self.split_slider, self.seed_text, self.upload]),
            W.VBox([W.HTML("<b>network</b>"), self.hidden_text, self.activation_dropdown,
                    self.loss_dropdown]),
            W.VBox([W.HTML("<b>training</b>"), self.optimizer_dropdown, self.lr_slider,
                    self.batch_slider, self.max_epochs_text, self.target_loss_text,
                    self.speed_slider]),
        ])
        self.step_button = W.Button(description="Step", tooltip="train on one mini-batch",
                                    icon="step-forward")
        self.epoch_button = W.Button(description="Epoch", tooltip="train until the end of this "
                                     "pass over the training points", icon="forward")
        self.play_button = W.Button(description="Play", tooltip="train continuously",
                                    icon="play", button_style="success")
        self.reset_button = W.Button(description="Reset", tooltip="back to the starting weights",
                                     icon="undo")
        self.status = W.HTML(value="epoch 0", style={"font_size": "14px"})
        self.status.add_class("course-status")   # the browser tests read this text
        self.buttons_box = W.HBox([self.step_button, self.epoch_button, self.play_button,
                                   self.reset_button])
        self.step_button.on_click(lambda _: self._safely(self.step))
        self.epoch_button.on_click(lambda _: self._safely(self.step_epoch))
        self.play_button.on_click(lambda _: self._safely(self.toggle_play))
        self.reset_button.on_click(lambda _: self._safely(self.reset))
        controls = {
            self.dataset_dropdown: "dataset", self.noise_slider: "noise",
            self.points_slider: "n_points", self.split_slider: "test_fraction",
            self.seed_text: "seed", self.hidden_text: "hidden",
            self.activation_dropdown: "activation", self.loss_dropdown: "loss",
            self.optimizer_dropdown: "optimizer", self.lr_slider: "lr",
            self.batch_slider: "batch_size", self.max_epochs_text: "max_epochs",
            self.target_loss_text: "target_loss",
        }
        for control, key in controls.items():
            control.observe(lambda change, key=key: self._on_control(key, change["new"]),
                            names="value")
        self.upload.observe(lambda change: self._safely(self._on_upload, change["new"]),
                            names="value")

    def show_problem(self, exc):
        """What a failing control does (see CourseWidget._safely): stop, and say why."""
        self.pause()
        self.note = f"problem: {exc}"
        self._update_status()

    def _set_controls(self, cfg):
        """Show ``cfg`` in the controls without triggering their handlers."""
        self._syncing = True
        try:
            self.noise_slider.value = cfg["noise"]
            self.points_slider.value = cfg["n_points"]
            self.split_slider.value = cfg["test_fraction"]
            self.seed_text.value = cfg["seed"]
            self.hidden_text.value = ", ".join(str(h) for h in cfg["hidden"])
            self.activation_dropdown.value = cfg["activation"]
            self.loss_dropdown.value = cfg["loss"]
            self.optimizer_dropdown.value = cfg["optimizer"]
            self.lr_slider.value = cfg["lr"]
            self.batch_slider.value = min(cfg["batch_size"], self.batch_slider.max)
            self.max_epochs_text.value = cfg["max_epochs"]
            self.target_loss_text.value = cfg["target_loss"]
            if cfg["dataset"] == CSV_NAME and CSV_NAME not in self.dataset_dropdown.options:
                self.dataset_dropdown.options = DATASET_NAMES + [CSV_NAME]
            self.dataset_dropdown.value = cfg["dataset"]
            # your own points have no noise level or size to choose
            self.noise_slider.disabled = self.points_slider.disabled = \
                cfg["dataset"] == CSV_NAME
        finally:
            self._syncing = False

    def _on_control(self, key, value):
        if self._syncing:
            return
        old = self._cfg.get(key)
        if isinstance(old, float) and isinstance(value, float) and \
                abs(value - old) <= 1e-9 * max(1.0, abs(old)):
            return      # a browser rounding a slider's value is not a change
        self._safely(self.set, key, value)

    def set(self, key, value):
        """Change one setting, as its control does.

        The learning rate, optimizer, batch size and stop condition apply at once and training
        goes on; a change to the data or the network starts again from new weights.
        """
        if key not in STEPPER_DEFAULTS or key == "data":
            raise ValueError(f"unknown setting {key!r}; use one of "
                             f"{sorted(k for k in STEPPER_DEFAULTS if k != 'data')}.")
        new = dict(self._cfg)
        new[key] = value
        if key == "dataset" and value != CSV_NAME:
            new["data"] = None
        if key == "dataset" and value == CSV_NAME and self._cfg["data"] is None:
            if self._last_csv is None:
                raise ValueError("no CSV loaded yet: use the 'load CSV' button or "
                                 "load_csv(...).")
            new["data"] = self._last_csv
        new = check_config(new)
        old, self._cfg = self._cfg, new
        self._set_controls(new)
        self.note = ""
        if key == "lr":
            self.model.optimizer.lr = new["lr"]
        elif key == "optimizer":
            self.model.optimizer = self._new_optimizer()
        elif key in ("batch_size", "max_epochs", "target_loss"):
            pass
        else:
            self.pause()
            if key in ("dataset", "n_points", "noise", "test_fraction", "seed"):
                self._make_data()
            self._make_model()
            self._rebuild_figure(layers_changed=old["hidden"] != new["hidden"])
        if not self.diverged:
            self.stop_reason = self._check_stop()
        self._render()

    # ----- data and model ---------------------------------------------------------------------
    def _make_data(self):
        cfg = self._cfg
        if cfg["dataset"] == CSV_NAME:
            X, y = np.asarray(cfg["data"]["X"], dtype=float), np.asarray(cfg["data"]["y"])
            # Your own points may use any units: the network sees them standardised.
            self._mu, self._sd = X.mean(axis=0), X.std(axis=0)
            self._sd[self._sd == 0] = 1.0
        else:
            X, y = datasets.make(cfg["dataset"], cfg["n_points"], cfg["noise"], cfg["seed"])
            self._mu, self._sd = np.zeros(2), np.ones(2)
        self.n_classes = int(y.max()) + 1
        (self.X_train, self.y_train, self.X_test,
         self.y_test) = datasets.train_test_split(X, y, cfg["test_fraction"], cfg["seed"])
        self._X_eval = self._scale(np.vstack([self.X_train, self.X_test]))
        self._xx, self._yy, grid = grid_for(np.vstack([self.X_train, self.X_test]), GRID,
                                            margin=0.3 * float(np.ptp(X, axis=0).max()) / 2)
        self._grid = self._scale(grid)

    def _scale(self, X):
        return (X - self._mu) / self._sd

    def _targets(self, y):
        if self._cfg["loss"] == "mse":
            return np.eye(self.n_classes)[y]
        return y

    def _new_optimizer(self):
        name, lr = self._cfg["optimizer"], self._cfg["lr"]
        if name == "momentum":
            return optimizers.SGD(lr, momentum=0.9)
        return optimizers.get(name, lr)

    def _new_loss(self):
        return losses.MeanSquaredError() if self._cfg["loss"] == "mse" else \
            losses.SoftmaxCrossEntropy()

    def _make_model(self):
        """Fresh weights (always the same for the same seed), optimizer, counters and history."""
        cfg = self._cfg
        sizes = [2] + list(cfg["hidden"]) + [self.n_classes]
        self.model = models.mlp(sizes, cfg["activation"], seed=cfg["seed"])
        self.model.compile(loss=self._new_loss(), optimizer=self._new_optimizer(),
                           metrics=["accuracy"])
        self._eval_loss = self._new_loss()
        self.initial_weights = self.model.get_weights()
        self._Xs_train = self._scale(self.X_train)
        self._T_train = self._targets(self.y_train)
        self._T_test = self._targets(self.y_test)
        self._rng = np.random.default_rng(cfg["seed"])
        self._order = np.arange(0)
        self._cursor = 0
        self.epoch = 0
        self.steps = 0
        self.batch_loss = None
        self.diverged = False
        self.diverge_message = ""
        self.stop_reason = ""
        self.history = {"epoch": [], "loss": [], "val_loss": [], "accuracy": [],
                        "val_accuracy": []}
        self.grad_norms = np.zeros(len(cfg["hidden"]) + 1)
        self._record()

    @property
    def n_train(self):
        return len(self.X_train)

    @property
    def steps_per_epoch(self):
        """Mini-batches in one pass over the training points: ceil(n_train / batch size)."""
        return math.ceil(self.n_train / self._cfg["batch_size"])

    def _measure(self):
        """Loss and accuracy on the training and test points (one forward pass for both)."""
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            out = self.model.predict(self._X_eval)
        n = self.n_train
        result = []
        for part, T, y in ((out[:n], self._T_train, self.y_train),
                           (out[n:], self._T_test, self.y_test)):
            result.append(self._eval_loss.forward(part, T))
            result.append(float(np.mean(part.argmax(axis=1) == y)))
        return result

    def _record(self):
        with np.errstate(all="ignore"):
            train_loss, train_acc, test_loss, test_acc = self._measure()
        h = self.history
        h["epoch"].append(self.epoch + self._cursor / self.n_train if self._cursor < self.n_train
                          else float(self.epoch))
        h["loss"].append(train_loss)
        h["val_loss"].append(test_loss)
        h["accuracy"].append(train_acc)
        h["val_accuracy"].append(test_acc)

    # ----- training ---------------------------------------------------------------------------
    def _check_stop(self):
        cfg = self._cfg
        if cfg["max_epochs"] and self.epoch >= cfg["max_epochs"]:
            return (f"stopped: reached the limit of {cfg['max_epochs']} epochs (raise 'max "
                    f"epochs' or press Reset)")
        if cfg["target_loss"] and self.history["loss"][-1] <= cfg["target_loss"]:
            return (f"stopped: train loss reached the target {cfg['target_loss']:.3f} (lower "
                    f"'target loss' to go on)")
        return ""

    def _advance(self):
        """One mini-batch step without redrawing. Returns whether a step was taken (not when
        stopped or diverged)."""
        if self.diverged or self.stop_reason:
            self._update_status()
            return False
        if self._cursor >= len(self._order):
            self._order = self._rng.permutation(self.n_train)
            self._cursor = 0
        idx = self._order[self._cursor:self._cursor + self._cfg["batch_size"]]
        try:
            self.batch_loss = float(self.model.train_step(self._Xs_train[idx],
                                                          self._T_train[idx]))
        except models.DivergenceError as exc:     # NaN or infinity: the step is not counted
            self._diverge(str(exc))
            return False
        self._cursor += len(idx)
        self.steps += 1
        if self._cursor >= self.n_train:
            self.epoch += 1
        with np.errstate(over="ignore", invalid="ignore"):
            self.grad_norms = np.array([
                math.sqrt(float(np.sum(l.grads["W"] ** 2) + np.sum(l.grads["b"] ** 2)))
                for l in self.model.layers if isinstance(l, Dense)])
        try:
            self._record()
        except ValueError as exc:       # the weights are finite but the outputs overflow
            self._diverge(f"training diverged: {exc}")
            return True
        loss, start = self.history["loss"][-1], self.history["loss"][0]
        lr = f"lr={self._cfg['lr']:g}"
        if not np.isfinite(loss):
            self._diverge(f"training diverged: the train loss became infinite. The learning rate "
                          f"({lr}) is most likely too large; press Reset and try a smaller one, "
                          f"for example ten times smaller.")
            return True
        if loss > self.divergence_factor * start:
            self._diverge(
                f"training diverged: the train loss jumped to {loss:.3g}, more than "
                f"{self.divergence_factor:g} times its starting value {start:.3f}. The learning "
                f"rate ({lr}) is most likely too large; press Reset and try a smaller one, for "
                f"example ten times smaller.")
            return True
        self.note = ""
        self.stop_reason = self._check_stop()
        return True

    def _diverge(self, message):
        """Stop training and keep the reason for the status line (Reset starts again)."""
        self.diverged = True
        self.diverge_message = message.replace("rebuild the model (or press Reset)",
                                               "press Reset")
        self.pause()

    def step(self):
        """Train on one mini-batch, then redraw. Returns the batch's loss (None if stopped)."""
        moved = self._advance()
        self._render()
        return self.batch_loss if moved else None

    def step_epoch(self):
        """Train until the current pass over the training points ends; returns the steps done."""
        start_epoch, start = self.epoch, self.steps
        while self.epoch == start_epoch and self._advance():
            pass
        self._render()
        return self.steps - start

    def run(self, n_steps, render=True):
        """Train ``n_steps`` mini-batches at once (stops early at the stop condition or if
        training diverges); redraw once at the end. Returns the number of steps done."""
        n_steps = int(n_steps)
        start = self.steps
        for _ in range(n_steps):
            if not self._advance():
                break
        if render:
            self._render()
        return self.steps - start

    def reset(self):
        """Back to the starting weights (the same for the same seed), step 0, empty curves."""
        self.pause()
        self.note = ""
        self._make_model()
        self._render()

    # ----- play / pause -----------------------------------------------------------------------
    def toggle_play(self):
        """What the Play/Pause button does."""
        if self.playing:
            self.pause()
        else:
            self.play()

    def play(self):
        """Train continuously until paused, stopped or diverged.

        Inside Jupyter this runs as a task on the kernel's event loop: it trains for a few
        milliseconds, redraws, then waits a moment, so a click on Pause is handled between two
        pictures. Without a running event loop (a plain script) nothing runs in the background:
        call :meth:`run` to train.
        """
        if self.playing:
            return
        if self.diverged or self.stop_reason:
            self._update_status()
            return
        self.playing = True
        self.play_button.description, self.play_button.icon = "Pause", "pause"
        self.play_button.button_style = "warning"
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is not None:
            self._task = loop.create_task(self._play_loop())

    def pause(self):
        """Stop playing (the current picture stays)."""
        self.playing = False
        if hasattr(self, "play_button"):
            self.play_button.description, self.play_button.icon = "Play", "play"
            self.play_button.button_style = "success"

    async def _play_loop(self):
        try:
            while self.playing:
                start, done = time.perf_counter(), 0
                while self.playing and self._advance():
                    done += 1
                    if (done >= self.speed_slider.value
                            or time.perf_counter() - start > self.frame_budget):
                        break
                if self.diverged or self.stop_reason:
                    self.pause()
                self._render()
                await asyncio.sleep(self.frame_pause)
        except Exception as exc:   # noqa: BLE001 - shown in the status, never raised
            self.pause()
            self.note = f"problem while playing: {exc}"
            self._update_status()

    # ----- CSV --------------------------------------------------------------------------------
    def load_csv(self, text_or_path):
        """Train on your own points: CSV text, bytes or a path with columns x, y, label.

        Returns True when the points were loaded; otherwise the status line says what is wrong
        with the file (and the current data set stays).
        """
        try:
            X, y = datasets.load_csv(text_or_path)
            X, y = _check_points(X, y)
        except (ValueError, TypeError) as exc:
            self.note = f"CSV not loaded: {exc}"
            self._update_status()
            return False
        self.pause()
        cfg = dict(self._cfg, dataset=CSV_NAME, data={"X": X.tolist(), "y": y.tolist()})
        self._cfg = check_config(cfg)
        self._last_csv = self._cfg["data"]
        self._set_controls(self._cfg)
        self._make_data()
        self._make_model()
        self._rebuild_figure(layers_changed=False)
        self._render()
        self.note = (f"loaded {len(X)} points ({self.n_classes} classes) from your CSV; the "
                     f"network sees them standardised")
        self._update_status()
        return True

    def _on_upload(self, files):
        if not files:
            return
        item = files[0] if isinstance(files, (list, tuple)) else next(iter(files.values()))
        content = item.get("content", b"")
        text = bytes(content).decode("utf-8", errors="replace")
        if "," not in text:
            self.note = ("CSV not loaded: the file has no commas; it needs rows of x, y, label "
                         "separated by commas.")
            self._update_status()
            return
        self.load_csv(text)

    # ----- figure -----------------------------------------------------------------------------
    def _make_figure(self):
        self.fig = Figure(figsize=(12.0, 5.0))
        fig = self.fig
        ax = self.region_ax = fig.add_axes([0.055, 0.2, 0.29, 0.7])
        self.region_image = ax.imshow(np.ones((GRID, GRID, 4), np.uint8), origin="lower",
                                      aspect="auto", interpolation="bilinear", zorder=1)
        self.point_sets = []      # one scatter per class and part (a fast path in Agg)
        ax.set_xlabel("x", labelpad=1)
        ax.set_ylabel("y", labelpad=1)
        self.region_title = ax.text(0.5, 1.02, "decision regions", transform=ax.transAxes,
                                    ha="center", va="bottom", fontsize=10)
        self.alarm = ax.text(0.5, 0.5, "diverged\npress Reset", transform=ax.transAxes,
                             ha="center", va="center", fontsize=16, color="#b00020", zorder=5,
                             bbox=dict(facecolor="white", alpha=0.85, edgecolor="#b00020"),
                             visible=False)
        self.legend = None

        self.loss_ax = fig.add_axes([0.42, 0.68, 0.24, 0.22])
        self.acc_ax = fig.add_axes([0.42, 0.4, 0.24, 0.19])
        self.grad_ax = fig.add_axes([0.42, 0.08, 0.24, 0.19])
        self.loss_lines = [self.loss_ax.plot([], [], color=TRAIN_COLOR, lw=1.5, label="train")[0],
                           self.loss_ax.plot([], [], color=TEST_COLOR, lw=1.5, ls="--",
                                             label="test")[0]]
        self.acc_lines = [self.acc_ax.plot([], [], color=TRAIN_COLOR, lw=1.5)[0],
                          self.acc_ax.plot([], [], color=TEST_COLOR, lw=1.5, ls="--")[0]]
        self.loss_ax.set_title("loss (lower is better)", fontsize=10, loc="left")
        self.loss_ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, fontsize=8,
                            frameon=False, borderaxespad=0.1, handlelength=1.8)
        self.acc_ax.set_title("accuracy (share classified right)", fontsize=10, loc="left")
        self.acc_ax.set_xlabel("epoch", fontsize=8, labelpad=1)
        self.acc_ax.set_ylim(0, 1.05)
        self.grad_ax.set_title("gradient size per layer (last step)", fontsize=10, loc="left")
        self.grad_ax.set_yscale("log")
        self.grad_ax.set_ylabel("norm", fontsize=8, labelpad=1)
        for a in (self.loss_ax, self.acc_ax, self.grad_ax):
            a.tick_params(labelsize=7, pad=2)
            a.grid(alpha=0.3)
        fig.text(0.8425, 0.95, "the network: every unit's output over the plane",
                 ha="center", fontsize=10)
        fig.text(0.8425, 0.015, "squares: orange < 0 < blue (each scaled to its largest value)"
                 "\nlines: weights (blue positive, orange negative, thicker = larger)",
                 ha="center", fontsize=7, color="#555555")
        self.unit_ax, self.unit_image, self.unit_frames, self.unit_tiles = None, None, None, []
        self.weight_lines = None
        self.grad_bars, self.grad_texts = [], []
        self._rebuild_figure(layers_changed=True)

    def _dynamic_artists(self):
        """What changes from step to step; everything else is drawn once and reused."""
        return ([self.region_image] + self.point_sets + [self.alarm,
                 self.region_title] + self.loss_lines + self.acc_lines + self.grad_bars
                + self.grad_texts
                + [a for a in (self.unit_image, self.weight_lines, self.unit_frames) if a])

    def _rebuild_figure(self, layers_changed):
        """Adapt the figure to the data set (classes, extent) and the network (units, layers)."""
        extent = (self._xx.min(), self._xx.max(), self._yy.min(), self._yy.max())
        self.region_image.set_extent(extent)
        self.region_ax.set_xlim(extent[:2])
        self.region_ax.set_ylim(extent[2:])
        for artist in self.point_sets:
            artist.remove()
        self.point_sets = []
        for X, y, marker, size in ((self.X_train, self.y_train, "o", 20),
                                   (self.X_test, self.y_test, "^", 26)):
            for k in range(self.n_classes):
                self.point_sets.append(self.region_ax.scatter(
                    X[y == k, 0], X[y == k, 1], s=size, marker=marker,
                    c=CLASS_COLORS[k % len(CLASS_COLORS)], edgecolors="#333333",
                    linewidths=0.7, zorder=3))
        self._region_rgb = np.array([to_rgb(c) for c in STEPPER_REGION_COLORS[:self.n_classes]])
        if self.legend is not None:
            self.legend.remove()
        handles = [Line2D([], [], ls="", marker="s", ms=8, mfc=STEPPER_REGION_COLORS[k],
                          mec=CLASS_COLORS[k] if k > 1 else "#333333",
                          label=f"class {k}") for k in range(self.n_classes)]
        handles += [Line2D([], [], ls="", marker="o", ms=6, mfc="#bbbbbb", mec="#333333",
                           label="train"),
                    Line2D([], [], ls="", marker="^", ms=6, mfc="#bbbbbb", mec="#333333",
                           label="test")]
        self.legend = self.region_ax.legend(handles=handles, loc="upper center",
                                            bbox_to_anchor=(0.5, -0.09), ncol=len(handles),
                                            fontsize=8, frameon=False, handletextpad=0.2,
                                            columnspacing=0.8)
        self._make_unit_axes()
        if layers_changed:
            self._make_grad_bars()
        self._limits = {}
        if getattr(self, "view", None) is not None:
            self.view.invalidate()

    def _make_unit_axes(self):
        """The network as a diagram: a column of small maps per layer (the inputs x and y, each
        hidden layer, the output classes) joined by lines for the weights. All maps are one
        image and all lines one collection, so a redraw costs two artists."""
        if self.unit_ax is not None:
            self.unit_ax.remove()
            self.unit_ax = None
        self.unit_tiles, self.unit_image, self.unit_frames, self.weight_lines = [], None, None, None
        hidden = self._cfg["hidden"][:MAX_LAYERS_SHOWN]
        sizes = [2] + [min(h, MAX_UNITS_SHOWN) for h in hidden] + [self.n_classes]
        cols, rows = len(sizes), max(sizes)
        gap, col_gap = TILE // 8, (3 * TILE) // 4
        width_px = cols * (TILE + col_gap) - col_gap
        height_px = rows * (TILE + gap) - gap
        x0, x1, y0, y1 = 0.695, 0.99, 0.1, 0.86
        fw, fh = self.fig.get_size_inches()
        inch = min((x1 - x0) * fw / width_px, (y1 - y0) * fh / height_px, 1.2 / TILE)
        width, height = width_px * inch / fw, height_px * inch / fh
        ax = self.unit_ax = self.fig.add_axes([x0 + ((x1 - x0) - width) / 2,
                                               y0 + ((y1 - y0) - height) / 2, width, height])
        ax.set_axis_off()
        self._mosaic = np.full((height_px, width_px), np.nan)
        self._mosaic_rgba = np.zeros((height_px, width_px, 4), dtype=np.uint8)
        self.unit_image = ax.imshow(self._mosaic_rgba, origin="lower",
                                    extent=(0, width_px, 0, height_px), aspect="auto",
                                    interpolation="bilinear")
        frames, places = [], []
        for c, n in enumerate(sizes):
            offset = ((rows - n) * (TILE + gap)) // 2
            x = c * (TILE + col_gap)
            column = []
            for i in range(n):
                y = height_px - offset - i * (TILE + gap) - TILE
                column.append((slice(y, y + TILE), slice(x, x + TILE)))
                frames.append(Rectangle((x, y), TILE, TILE))
            places.append(column)
            if c == 0:
                label = "input\nx, y"
            elif c == cols - 1:
                label = "output\nclasses"
            else:
                units = hidden[c - 1]
                label = f"layer {c}\n" + (f"{n} of {units}" if units > n else f"{units} units")
            ax.text(x + TILE / 2, height_px + gap, label, ha="center", va="bottom", fontsize=7,
                    linespacing=1.0)
        self._input_tiles, self._output_tiles = places[0], places[-1]
        self.unit_tiles = [(c - 1, i, r, k) for c in range(1, cols - 1)
                           for i, (r, k) in enumerate(places[c])]
        # Input maps never change: x and y themselves, scaled to [-1, 1].
        for feature, (r, k) in enumerate(self._input_tiles):
            values = self._grid[:, feature].reshape(GRID, GRID)[::2, ::2]
            self._mosaic[r, k] = values / np.abs(values).max()
        segments, self._weight_index = [], []
        for c in range(cols - 1):
            for a, (ra, ka) in enumerate(places[c]):
                for b, (rb, kb) in enumerate(places[c + 1]):
                    segments.append([(ka.stop, (ra.start + ra.stop) / 2),
                                     (kb.start, (rb.start + rb.stop) / 2)])
                    self._weight_index.append((c, a, b))
        self.weight_lines = ax.add_collection(LineCollection(segments, linewidths=0.5,
                                                             alpha=0.8))
        self.unit_frames = ax.add_collection(PatchCollection(
            frames, facecolor="none", edgecolor="#999999", linewidth=0.6))
        ax.set_xlim(0, width_px)
        ax.set_ylim(0, height_px)

    def unit_map(self, layer, unit):
        """The picture shown for one hidden unit: its output over the grid, divided by its
        largest absolute value (so it lies in [-1, 1]); a TILE × TILE array over the plane."""
        for j, i, rows, cols in self.unit_tiles:
            if (j, i) == (layer, unit):
                return self._mosaic[rows, cols].copy()
        raise ValueError(f"no map is shown for unit {unit} of hidden layer {layer} (both count "
                         f"from 0; at most {MAX_UNITS_SHOWN} units of {MAX_LAYERS_SHOWN} layers "
                         f"are shown).")

    def _make_grad_bars(self):
        for artist in self.grad_bars + self.grad_texts:
            artist.remove()
        n = len(self._cfg["hidden"]) + 1
        positions = np.arange(n)
        self.grad_bars = list(self.grad_ax.bar(positions, np.ones(n), bottom=1e-6,
                                               color=TRAIN_COLOR, width=0.6))
        self.grad_texts = [self.grad_ax.text(p, 1.0, "", ha="center", va="bottom", fontsize=7,
                                             clip_on=True)
                           for p in positions]
        self.grad_ax.set_xticks(positions,
                                [f"layer {k + 1}" for k in range(n - 1)] + ["output"],
                                fontsize=7)
        self.grad_ax.set_xlim(-0.6, n - 0.4)

    def _update_weight_lines(self):
        """Colour each weight's line by its sign (blue +, orange -) and its width by its size."""
        dense = [l for l in self.model.layers if isinstance(l, Dense)]
        weights = np.array([dense[c].params["W"][a, b] for c, a, b in self._weight_index])
        weights = np.nan_to_num(weights, nan=0.0, posinf=0.0, neginf=0.0)
        self.weight_lines.set_linewidths(np.clip(1.5 * np.abs(weights), 0.15, 4.0))
        self.weight_lines.set_color(np.where(weights[:, None] >= 0, WEIGHT_RGBA[1],
                                             WEIGHT_RGBA[0]))

    def _set_limit(self, key, setter, value):
        """Change an axis range only when it must change (a change forces a full redraw)."""
        if self._limits.get(key) != value:
            self._limits[key] = value
            setter(*value)
            if getattr(self, "view", None) is not None:
                self.view.invalidate()

    def _update_artists(self):
        """Put the current state into the figure (no new artists: only their data changes)."""
        with np.errstate(all="ignore"):
            self._update_artists_quietly()

    def _update_artists_quietly(self):
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            try:
                reps = self.model.representations(self._grid)
            except ValueError:           # the network's outputs are no longer finite numbers
                reps = None
        if reps is not None:
            out = reps[-1]
            if self._cfg["loss"] == "mse":
                p = np.clip(out, 0.0, 1.0) + 1e-12
                p /= p.sum(axis=1, keepdims=True)
            else:
                p = losses.softmax(out)
            k = self.n_classes
            top = p.argmax(axis=1)
            confidence = np.clip((p.max(axis=1) - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0)
            rgb = 1.0 - np.sqrt(confidence)[:, None] * (1.0 - self._region_rgb[top])
            rgba = np.full((GRID * GRID, 4), 255, dtype=np.uint8)
            rgba[:, :3] = 255 * rgb
            self.region_image.set_data(rgba.reshape(GRID, GRID, 4))
            for j, i, rows, cols in self.unit_tiles:
                a = reps[2 * j + 2][:, i].reshape(GRID, GRID)[::2, ::2]
                m = float(np.max(np.abs(a))) if a.size else 0.0
                self._mosaic[rows, cols] = a / m if m > 0 else a
            rgba = UNIT_CMAP((self._mosaic + 1) / 2, bytes=True)
            for k, (rows, cols) in enumerate(self._output_tiles):
                # each class's map goes from white (probability 0) to its region colour (1)
                pk = p[:, k].reshape(GRID, GRID)[::2, ::2, None]
                rgba[rows, cols, :3] = 255 * (1.0 - pk * (1.0 - self._region_rgb[k]))
            self._mosaic_rgba[...] = rgba
            self.unit_image.set_data(self._mosaic_rgba)
            self._update_weight_lines()
        self.alarm.set_visible(self.diverged)
        self.region_title.set_text(f"decision regions · epoch {self.epoch} · step {self.steps}")
        h = self.history
        x = np.asarray(h["epoch"])
        stride = max(1, len(x) // 1000)          # at most about 1000 points per curve
        xs = x[::stride]
        for line, key in zip(self.loss_lines, ("loss", "val_loss")):
            line.set_data(xs, np.asarray(h[key])[::stride])
        for line, key in zip(self.acc_lines, ("accuracy", "val_accuracy")):
            line.set_data(xs, np.asarray(h[key])[::stride])
        # Axis ranges grow in nice jumps, so most steps only redraw the curves.
        right = _nice_ceiling(max(1.0, float(x[-1])))
        self._set_limit("loss_x", self.loss_ax.set_xlim, (0.0, right))
        self._set_limit("acc_x", self.acc_ax.set_xlim, (0.0, right))
        values = np.asarray(h["loss"] + h["val_loss"])
        values = values[np.isfinite(values)]
        top = _nice_ceiling(max(float(values.max()) if values.size else 1.0, 1e-3) * 1.05)
        top = max(top, self._limits.get("loss_y", (0, 0))[1])
        self._set_limit("loss_y", self.loss_ax.set_ylim, (0.0, top))
        norms = np.where(np.isfinite(self.grad_norms), self.grad_norms, 0.0)
        shown = norms[norms > 0]
        lo, hi = self._limits.get("grad_y", (np.inf, 0.0))
        if shown.size:
            lo = min(lo, 10.0 ** (math.floor(math.log10(shown.min())) - 1))
            hi = max(hi, 10.0 ** (math.ceil(math.log10(shown.max())) + 1))
        elif not np.isfinite(lo):
            lo, hi = 1e-4, 1.0
        self._set_limit("grad_y", self.grad_ax.set_ylim, (lo, hi))
        for bar, text, v in zip(self.grad_bars, self.grad_texts, norms):
            bar.set_y(lo)
            bar.set_height(max(v, lo) - lo)
            text.set_position((bar.get_x() + bar.get_width() / 2, max(v, lo)))
            text.set_text(f"{v:.2g}" if self.steps else "")

    def _render(self):
        self._update_artists()
        self.view.refresh()
        self._update_status()

    # ----- text -------------------------------------------------------------------------------
    def status_text(self):
        """'epoch N · step M · train loss … · test loss … · test accuracy …' and any note."""
        h = self.history
        parts = [f"epoch {self.epoch}", f"step {self.steps}"]
        if np.isfinite(h["loss"][-1]) and np.isfinite(h["val_loss"][-1]):
            parts += [f"train loss {h['loss'][-1]:.3f}", f"test loss {h['val_loss'][-1]:.3f}",
                      f"test accuracy {h['val_accuracy'][-1]:.3f}"]
        if self.diverged:
            parts.append(self.diverge_message)
        elif self.stop_reason:
            parts.append(self.stop_reason)
        if self.note:
            parts.append(self.note)
        return " · ".join(parts)

    def _update_status(self):
        self.status.value = html.escape(self.status_text(), quote=False)
        colour = "#b00020" if self.diverged or self.note.startswith(("problem", "CSV not")) \
            else "#8a5a00" if self.stop_reason else "#1a1a1a"
        if self.status.style.text_color != colour:
            self.status.style.text_color = colour

    def summary(self):
        """One line: the setup, then the status line."""
        cfg = self._cfg
        arch = "-".join(str(s) for s in [2] + list(cfg["hidden"]) + [self.n_classes])
        return (f"TrainingStepper({cfg['dataset']}, net {arch} {cfg['activation']}, "
                f"{cfg['optimizer']} lr={cfg['lr']:g}, batch {cfg['batch_size']}): "
                + self.status_text())
