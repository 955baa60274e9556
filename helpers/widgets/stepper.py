"""The training stepper: train a small network one mini-batch at a time and watch it learn.

In the spirit of TensorFlow Playground, but inside Jupyter and built on the course's own NumPy
engine. Pick a data set, a network (hidden layers, activation), a loss, an optimizer and its
learning rate, then press **Step** (one mini-batch), **Epoch** (one pass over the training points)
or **Play**. Four pictures follow the training live: the decision regions, the network (every
unit's output over the plane), the loss and accuracy curves, and each layer's gradient size.

This module holds the controls, their syncing, the play loop and the status line. The training
itself is a :class:`helpers.training_session.TrainingSession` (usable without widgets), and the
pictures are panels from :mod:`helpers.plots.training_session` and
:mod:`helpers.plots.network_diagram`, each shown as an image of its own so that only the pictures
that changed are sent to the browser. Every button calls an ordinary method (``step()``,
``step_epoch()``, ``play()``, ``pause()``, ``reset()``, ``load_csv()``), so the widget can be
driven and tested without a browser. ``config()`` and ``TrainingStepper.from_config(cfg)`` save
and rebuild the whole experiment.
"""
import asyncio
import html
import math
import time

import ipywidgets as W

from ..i18n import N_, _
from ..layers import ACTIVATIONS
from ..plots.network_diagram import NetworkDiagram
from ..plots.training_session import CurvesPanel, GradientPanel, RegionPanel
from ..training_session import TrainingSession
from ..training_settings import (CSV_NAME, DATA_KEYS, DATASET_NAMES, LOSS_NAMES, LR_MAX, LR_MIN,
                                 MODEL_KEYS, OPTIMIZER_NAMES, SESSION_DEFAULTS, check_config)
from .base import CourseWidget, PanelViews, choices, fit_width

__all__ = ["TrainingStepper", "STEPPER_DEFAULTS"]

#: What ``TrainingStepper()`` starts with (see :data:`helpers.training_settings.SESSION_DEFAULTS`).
STEPPER_DEFAULTS = SESSION_DEFAULTS

HELP_HTML = N_("""
<div style="max-width: 760px; line-height: 1.4">
<p><b>The buttons.</b> <i>Step</i> shows the network one mini-batch (a handful of training
points, as many as the batch size), measures how wrong it is on them (the loss), works out which
way each weight should move to make that loss smaller (backpropagation) and moves every weight a
little that way (the optimizer; how far is the learning rate). <i>Epoch</i> keeps stepping until
every training point has been used once. <i>Play</i> keeps going until you press <i>Pause</i>,
the stop condition is reached or training diverges. <i>Reset</i> goes back to the starting
weights: the same seed always gives the same start, so the same settings give the same
numbers.</p>
<p><b>Decision regions</b> (top left): the class the network would give each spot of the plane.
The colour is strong where the network is sure and fades to white where it hesitates, so the
boundary shows as a pale band. Circles are training points (the network learns from them),
triangles are test points (kept aside to check that what it learnt also works on new
points).</p>
<p><b>The network</b> (top right): each small square is one unit's output over the same plane as
the decision regions: orange where it is negative, blue where it is positive. The first layer can
only draw straight lines; later layers combine them into curves.</p>
<p><b>Loss and accuracy</b> (below): measured on all training points and all test points after
every step. When the training loss keeps falling while the test loss rises, the network is
learning the training points by heart (overfitting).</p>
<p><b>Gradient size</b>: how strongly the last mini-batch pushed on each layer's weights (the
length of its gradient, on a log scale). Very small bars in the first layers mean those layers
hardly learn (vanishing gradients, common with many sigmoid layers).</p>
<p><b>If training diverges</b> (the loss explodes or stops being a number), the learning rate was
too large: press Reset and choose a smaller one. Your own points: a CSV file with columns x, y,
label (whole numbers 0, 1, ...), e.g. <code>0.5,1.2,0</code>.</p>
</div>
""")


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

    #: How the four pictures sit on the page.
    PANEL_ROWS = [["regions", "network"], ["curves", "gradients"]]

    #: Play shows a new picture every ``frame_interval`` seconds (30 a second) when the machine
    #: keeps up. Between two pictures it trains ``speed_slider.value`` steps, or fewer when
    #: they take longer than ``frame_budget`` seconds, and always pauses ``frame_pause``
    #: seconds at least, so clicks get through.
    frame_interval = 1 / 30
    frame_budget = 0.25
    frame_pause = 0.005

    def __init__(self, dataset=STEPPER_DEFAULTS["dataset"],
                 n_points=STEPPER_DEFAULTS["n_points"], noise=STEPPER_DEFAULTS["noise"],
                 test_fraction=STEPPER_DEFAULTS["test_fraction"], seed=STEPPER_DEFAULTS["seed"],
                 hidden=STEPPER_DEFAULTS["hidden"], activation=STEPPER_DEFAULTS["activation"],
                 loss=STEPPER_DEFAULTS["loss"], optimizer=STEPPER_DEFAULTS["optimizer"],
                 lr=STEPPER_DEFAULTS["lr"], batch_size=STEPPER_DEFAULTS["batch_size"],
                 max_epochs=STEPPER_DEFAULTS["max_epochs"],
                 target_loss=STEPPER_DEFAULTS["target_loss"], data=None, *, dpi=80):
        self.session = TrainingSession(
            dataset=dataset, n_points=n_points, noise=noise, test_fraction=test_fraction,
            seed=seed, hidden=hidden, activation=activation, loss=loss, optimizer=optimizer,
            lr=lr, batch_size=batch_size, max_epochs=max_epochs, target_loss=target_loss,
            data=data)
        self.note, self.playing, self._task, self._syncing = "", False, None, False
        self._note_is_problem = False      # the note says what went wrong (shown in red)
        self.panels = {"regions": RegionPanel(dpi), "network": NetworkDiagram(dpi),
                       "curves": CurvesPanel(dpi), "gradients": GradientPanel(dpi)}
        self._update_panels()
        self.view = PanelViews(self.panels, self.PANEL_ROWS, dpi)
        self._make_controls(self.session.cfg)
        self.help = W.Accordion(children=[W.HTML(_(HELP_HTML))], selected_index=None)
        self.help.set_title(0, _("What am I looking at?"))
        self.ui = W.VBox([self._controls_box, self.buttons_box, self.status, self.view.box,
                          self.help])
        self._update_status()

    @classmethod
    def from_config(cls, cfg, **kwargs):
        """Rebuild the experiment described by ``cfg`` (a dict from :meth:`config`)."""
        return cls(**kwargs, **check_config(cfg))

    def config(self):
        """The whole setup as a plain dict (JSON-friendly): hand it to ``from_config``."""
        return self.session.config()

    # The session's state, read through the widget (for scripts, tests and exercises).
    model = property(lambda self: self.session.model)
    history = property(lambda self: self.session.history)
    epoch = property(lambda self: self.session.epoch)
    steps = property(lambda self: self.session.steps)
    diverged = property(lambda self: self.session.diverged)
    stop_reason = property(lambda self: self.session.stop_reason)
    grad_norms = property(lambda self: self.session.grad_norms)
    n_classes = property(lambda self: self.session.n_classes)
    steps_per_epoch = property(lambda self: self.session.steps_per_epoch)
    X_train = property(lambda self: self.session.X_train)
    y_train = property(lambda self: self.session.y_train)
    X_test = property(lambda self: self.session.X_test)
    y_test = property(lambda self: self.session.y_test)

    # ----- controls ---------------------------------------------------------------------------
    def _make_controls(self, cfg):
        labels = [_(text) for text in ("data set", "noise", "points", "test share", "seed",
                                       "hidden layers", "activation", "learning rate",
                                       "batch size", "max epochs", "target loss",
                                       "steps/picture")]
        wide = W.Layout(width="250px")
        # every description fits (Korean labels are wider; 8 px for the label's margin)
        style = {"description_width": fit_width("90px", *labels, extra=8)}
        narrow = {"description_width": fit_width("70px", _("loss"), _("optimizer"), extra=8)}

        def control(kind, key, description, layout=wide, style=style, **options):
            widget = kind(description=description, layout=layout, style=style, **options)
            widget.observe(lambda change: self._on_control(key, change["new"]), names="value")
            return widget

        slider = dict(continuous_update=False)
        self.dataset_dropdown = control(W.Dropdown, "dataset", _("data set"),
                                        options=choices(DATASET_NAMES + (
                                            [CSV_NAME] if cfg["dataset"] == CSV_NAME else [])),
                                        value=cfg["dataset"])
        self.noise_slider = control(W.FloatSlider, "noise", _("noise"), min=0.0, max=0.5,
                                    step=0.01, readout_format=".2f", value=cfg["noise"], **slider)
        self.points_slider = control(W.IntSlider, "n_points", _("points"), min=20, max=1000,
                                     step=10, value=cfg["n_points"], **slider)
        self.split_slider = control(W.FloatSlider, "test_fraction", _("test share"), min=0.1,
                                    max=0.5, step=0.01, readout_format=".2f",
                                    value=cfg["test_fraction"], **slider)
        self.seed_text = control(W.BoundedIntText, "seed", _("seed"), min=0, max=2**31 - 1,
                                 value=cfg["seed"])
        self.upload = W.FileUpload(accept=".csv,text/csv,text/plain", multiple=False,
                                   description=_("load CSV"), layout=wide)
        self.upload.observe(lambda change: self._safely(self._on_upload, change["new"]),
                            names="value")
        self.hidden_text = control(W.Text, "hidden", _("hidden layers"),
                                   placeholder=_("e.g. 8, 8"),
                                   value=", ".join(str(h) for h in cfg["hidden"]), **slider)
        self.activation_dropdown = control(W.Dropdown, "activation", _("activation"),
                                           options=list(ACTIVATIONS), value=cfg["activation"])
        # dropdowns show their whole label: the longest, "mean squared error (one-hot)", needs
        # about 220 px beside its description
        self.loss_dropdown = control(W.Dropdown, "loss", _("loss"), value=cfg["loss"],
                                     options=[(_(v), k) for k, v in LOSS_NAMES.items()],
                                     layout=W.Layout(width="300px"), style=narrow)
        self.optimizer_dropdown = control(W.Dropdown, "optimizer", _("optimizer"),
                                          value=cfg["optimizer"], style=narrow,
                                          options=[(_(v), k) for k, v in OPTIMIZER_NAMES.items()])
        self.lr_slider = control(W.FloatLogSlider, "lr", _("learning rate"), base=10,
                                 min=math.log10(LR_MIN), max=math.log10(LR_MAX), step=0.25,
                                 readout_format=".4g", value=cfg["lr"], **slider)
        self.batch_slider = control(W.IntSlider, "batch_size", _("batch size"), min=1, max=200,
                                    value=cfg["batch_size"], **slider)
        self.max_epochs_text = control(W.BoundedIntText, "max_epochs", _("max epochs"), min=0,
                                       max=10**6, value=cfg["max_epochs"])
        self.target_loss_text = control(W.BoundedFloatText, "target_loss", _("target loss"),
                                        min=0.0, max=100.0, step=0.01, value=cfg["target_loss"])
        self.speed_slider = W.IntSlider(value=5, min=1, max=100, description=_("steps/picture"),
                                        tooltip=_("how many steps Play takes between pictures"),
                                        layout=wide, style=style)
        data, network, training = _("data"), _("network"), _("training")
        self._controls_box = W.HBox(layout=W.Layout(flex_flow="row wrap"), children=[
            W.VBox([W.HTML(f"<b>{data}</b>"), self.dataset_dropdown, self.noise_slider,
                    self.points_slider, self.split_slider, self.seed_text, self.upload]),
            W.VBox([W.HTML(f"<b>{network}</b>"), self.hidden_text,
                    self.activation_dropdown, self.loss_dropdown]),
            W.VBox([W.HTML(f"<b>{training}</b>"), self.optimizer_dropdown, self.lr_slider,
                    self.batch_slider, self.max_epochs_text, self.target_loss_text,
                    self.speed_slider]),
        ])
        buttons = [("step", N_("Step"), N_("train on one mini-batch"), "step-forward",
                    self.step),
                   ("epoch", N_("Epoch"),
                    N_("train until the end of this pass over the training points"), "forward",
                    self.step_epoch),
                   ("play", N_("Play"), N_("train continuously"), "play", self.toggle_play),
                   ("reset", N_("Reset"), N_("back to the starting weights"), "undo",
                    self.reset)]
        for (name, text, tip, icon, action) in buttons:
            width = fit_width(None, _(text), extra=48, default=148)   # icon and padding
            button = W.Button(description=_(text), tooltip=_(tip), icon=icon,
                              layout=W.Layout(width=width))
            button.on_click(lambda _click, action=action: self._safely(action))
            setattr(self, f"{name}_button", button)
        self.play_button.button_style = "success"
        self.buttons_box = W.HBox([self.step_button, self.epoch_button, self.play_button,
                                   self.reset_button])
        self.status = W.HTML(value=_("epoch {n}").format(n=0), style={"font_size": "14px"})
        self.status.add_class("course-status")   # the browser tests read this text
        self._set_controls(cfg)

    def show_problem(self, exc):
        """What a failing control does (see CourseWidget._safely): stop, and say why."""
        self.pause()
        self.note = _("problem: {problem}").format(problem=exc)
        self._note_is_problem = True
        self._update_status()

    def _set_controls(self, cfg):
        """Show ``cfg`` in the controls without triggering their handlers."""
        self._syncing = True
        try:
            for control, key in ((self.noise_slider, "noise"), (self.points_slider, "n_points"),
                                 (self.split_slider, "test_fraction"), (self.seed_text, "seed"),
                                 (self.activation_dropdown, "activation"),
                                 (self.loss_dropdown, "loss"),
                                 (self.optimizer_dropdown, "optimizer"), (self.lr_slider, "lr"),
                                 (self.batch_slider, "batch_size"),
                                 (self.max_epochs_text, "max_epochs"),
                                 (self.target_loss_text, "target_loss")):
                control.value = cfg[key]     # a slider shows a value beyond its range at its end
            self.hidden_text.value = ", ".join(str(h) for h in cfg["hidden"])
            offered = [value for _label, value in self.dataset_dropdown.options]
            if cfg["dataset"] == CSV_NAME and CSV_NAME not in offered:
                self.dataset_dropdown.options = choices(DATASET_NAMES + [CSV_NAME])
            self.dataset_dropdown.value = cfg["dataset"]
            # your own points have no noise level or size to choose
            self.noise_slider.disabled = self.points_slider.disabled = \
                cfg["dataset"] == CSV_NAME
        finally:
            self._syncing = False

    def _on_control(self, key, value):
        if self._syncing:
            return
        old = self.session.cfg.get(key)
        if isinstance(old, float) and isinstance(value, float) and \
                abs(value - old) <= 1e-9 * max(1.0, abs(old)):
            return      # a browser rounding a slider's value is not a change
        self._safely(self.set, key, value)

    def set(self, key, value):
        """Change one setting, as its control does.

        The learning rate, optimizer, batch size and stop condition apply at once and training
        goes on; a change to the data or the network starts again from new weights.
        """
        cfg = self.session.set(key, value)
        if key in DATA_KEYS + MODEL_KEYS:
            self.pause()
        self._set_controls(cfg)
        self.note, self._note_is_problem = "", False
        self._render()

    # ----- training ---------------------------------------------------------------------------
    def _after_training(self, steps_done):
        if steps_done:
            self.note, self._note_is_problem = "", False
        if self.session.diverged or self.session.stop_reason:
            self.pause()

    def step(self):
        """Train on one mini-batch, then redraw. Returns the batch's loss (None if stopped)."""
        moved = self.session.step()
        self._after_training(moved)
        self._render()
        return self.session.batch_loss if moved else None

    def step_epoch(self):
        """Train until the current pass over the training points ends; returns the steps done."""
        done = self.session.step_epoch()
        self._after_training(done)
        self._render()
        return done

    def run(self, n_steps, render=True):
        """Train ``n_steps`` mini-batches at once (stops early at the stop condition or if
        training diverges); redraw once at the end. Returns the number of steps done."""
        done = self.session.run(n_steps)
        self._after_training(done)
        if render:
            self._render()
        return done

    def reset(self):
        """Back to the starting weights (the same for the same seed), step 0, empty curves."""
        self.pause()
        self.note, self._note_is_problem = "", False
        self.session.reset()
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

        Inside Jupyter this runs as a task on the kernel's event loop: it trains a few steps,
        redraws, then waits until the next picture is due, so a click on Pause is handled between
        two pictures. Without a running event loop (a plain script) nothing runs in the
        background: call :meth:`run` to train.
        """
        if self.playing:
            return
        if self.session.diverged or self.session.stop_reason:
            self._update_status()
            return
        self.playing = True
        self.play_button.description, self.play_button.icon = _("Pause"), "pause"
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
        self.play_button.description, self.play_button.icon = _("Play"), "play"
        self.play_button.button_style = "success"

    async def _play_loop(self):
        try:
            next_frame = time.perf_counter()
            while self.playing:
                start, done = time.perf_counter(), 0
                while (self.playing and done < self.speed_slider.value
                       and time.perf_counter() - start < self.frame_budget
                       and self.session.step()):
                    done += 1
                self._after_training(done)
                self._render()
                next_frame = max(next_frame + self.frame_interval, time.perf_counter())
                await asyncio.sleep(max(self.frame_pause, next_frame - time.perf_counter()))
        except Exception as exc:   # noqa: BLE001 - shown in the status, never raised
            self.show_problem(_("while playing: {problem}").format(problem=exc))

    # ----- your own points --------------------------------------------------------------------
    def load_csv(self, text_or_path):
        """Train on your own points: CSV text, bytes or a path with columns x, y, label.

        Returns True when the points were loaded; otherwise the status line says what is wrong
        with the file (and the current data set stays).
        """
        try:
            n = self.session.load_csv(text_or_path)
        except (ValueError, TypeError, OSError) as exc:
            self.note = _("CSV not loaded: {problem}").format(problem=exc)
            self._note_is_problem = True
            self._update_status()
            return False
        self.pause()
        self._set_controls(self.session.cfg)
        self.note = _("loaded {n} points ({classes} classes) from your CSV; the network sees "
                      "them standardised").format(n=n, classes=self.session.n_classes)
        self._note_is_problem = False
        self._render()
        return True

    def _on_upload(self, files):
        if files:
            item = files[0] if isinstance(files, (list, tuple)) else next(iter(files.values()))
            self.load_csv(bytes(item.get("content", b"")))

    # ----- pictures and text ------------------------------------------------------------------
    def _update_panels(self):
        """Bring every panel up to date; returns what changed in each."""
        regions = self.panels["regions"]
        return {"regions": regions.update(self.session),
                "network": self.panels["network"].update(self.session, regions.colors),
                "curves": self.panels["curves"].update(self.session),
                "gradients": self.panels["gradients"].update(self.session)}

    def _render(self):
        # one click: the decision regions first, the other panels just after (see PanelViews);
        # while playing, every frame sends all four at once
        self.view.refresh(self._update_panels(), first_alone=not self.playing)
        self._update_status()

    def status_text(self):
        """'epoch N · step M · train loss … · test loss … · test accuracy …' and any note."""
        return " · ".join(t for t in (self.session.status_text(), self.note) if t)

    def _update_status(self):
        self.status.value = html.escape(self.status_text(), quote=False)
        problem = self._note_is_problem and self.note
        colour = "#b00020" if self.session.diverged or problem \
            else "#8a5a00" if self.session.stop_reason else "#1a1a1a"
        if self.status.style.text_color != colour:
            self.status.style.text_color = colour

    def summary(self):
        """One line: the setup, then the status line."""
        return f"TrainingStepper({self.session.describe()}): " + self.status_text()
