"""A training session: a small network learning 2-D points one mini-batch at a time.

This is everything the training stepper (:mod:`helpers.widgets.stepper`) does *except* drawing and
buttons: the points and their scaling, the model, ``step()`` / ``step_epoch()`` / ``run()``, the
stop conditions, divergence, the history of losses and accuracies, and the size of each layer's
gradient (the settings and their checks are in :mod:`helpers.training_settings`). It uses no widgets and no plotting, so a
plain script can use it::

    session = TrainingSession(dataset="xor", hidden=[8], lr=0.05)
    session.run(100)
    print(session.status_text())

The whole experiment is a dict (``config()``); the same config always gives the same numbers.
"""
import math

import numpy as np

from . import datasets, losses, models, optimizers
from .i18n import _
from .layers import Dense
from .training import DivergenceError, DivergenceWatch
from .training_settings import (CSV_NAME, DATA_KEYS, GRID, MODEL_KEYS, SESSION_DEFAULTS,
                                check_config, check_points)

__all__ = ["TrainingSession"]


# ----- the session ----------------------------------------------------------------------------
class TrainingSession:
    """One experiment: its settings, its points, its network and how far training has got.

    Settings are those of :data:`SESSION_DEFAULTS` (all optional). ``version`` goes up whenever
    something a picture shows changes (a step, a reset, new points or a new network), so a view
    can tell whether it must redraw.
    """

    def __init__(self, **settings):
        self.cfg = check_config(settings)
        self.last_csv = self.cfg["data"]        # kept when the learner switches to another set
        self.version = self.data_version = 0
        self._plane = (None, None, None)      # (version, representations, probabilities)
        self._make_data()
        self._make_model()

    def config(self):
        """The whole setup as a plain dict (JSON-friendly)."""
        cfg = dict(self.cfg, hidden=list(self.cfg["hidden"]))
        if cfg["data"] is not None:
            cfg["data"] = {"X": [list(r) for r in cfg["data"]["X"]], "y": list(cfg["data"]["y"])}
        return cfg

    def set(self, key, value):
        """Change one setting. The learning rate, optimizer, batch size and stop conditions apply
        at once and training goes on; a change to the data or the network starts again from new
        weights. Returns the checked configuration."""
        if key not in SESSION_DEFAULTS or key == "data":
            raise ValueError(_("unknown setting {key!r}; use one of {known}.").format(
                key=key, known=sorted(k for k in SESSION_DEFAULTS if k != "data")))
        new = dict(self.cfg, **{key: value})
        if key == "dataset" and value != CSV_NAME:
            new["data"] = None
        if key == "dataset" and value == CSV_NAME and self.cfg["data"] is None:
            if self.last_csv is None:
                raise ValueError(_("no CSV loaded yet: use the 'load CSV' button or "
                                   "load_csv(...)."))
            new["data"] = self.last_csv
        self.cfg = check_config(new)
        if key == "lr":
            self.model.optimizer.lr = self.cfg["lr"]
        elif key == "optimizer":
            self.model.optimizer = self._new_optimizer()
        elif key in DATA_KEYS + MODEL_KEYS:
            if key in DATA_KEYS:
                self._make_data()
            self._make_model()
        if not self.diverged:
            self.stop_reason = self._check_stop()
        return self.cfg

    def load_csv(self, source):
        """Train on your own points: CSV text, bytes or a path with columns x, y, label.

        Raises ValueError, TypeError or OSError (the session is unchanged) when the file cannot
        be used; returns the number of points otherwise.
        """
        X, y = check_points(*datasets.load_csv(source))
        self.cfg = check_config(dict(self.cfg, dataset=CSV_NAME,
                                     data={"X": X.tolist(), "y": y.tolist()}))
        self.last_csv = self.cfg["data"]
        self._make_data()
        self._make_model()
        return len(X)

    # ----- data and model ---------------------------------------------------------------------
    def _make_data(self):
        cfg = self.cfg
        if cfg["dataset"] == CSV_NAME:
            X, y = np.asarray(cfg["data"]["X"], dtype=float), np.asarray(cfg["data"]["y"])
            # Your own points may use any units: the network sees them standardised.
            self.mean, self.std = X.mean(axis=0), X.std(axis=0)
            self.std[self.std == 0] = 1.0
        else:
            X, y = datasets.make(cfg["dataset"], cfg["n_points"], cfg["noise"], cfg["seed"])
            self.mean, self.std = np.zeros(2), np.ones(2)
        self.n_classes = int(y.max()) + 1
        self.data_version += 1
        (self.X_train, self.y_train, self.X_test,
         self.y_test) = datasets.train_test_split(X, y, cfg["test_fraction"], cfg["seed"])
        every = np.vstack([self.X_train, self.X_test])
        self._X_eval = self.scale(every)
        #: The plane shown in the pictures: GRID x GRID points around the data (xx, yy as from
        #: np.meshgrid), and the same points as the network sees them.
        margin = 0.3 * float(np.ptp(X, axis=0).max()) / 2
        lo, hi = every.min(axis=0) - margin, every.max(axis=0) + margin
        self.xx, self.yy = np.meshgrid(np.linspace(lo[0], hi[0], GRID),
                                       np.linspace(lo[1], hi[1], GRID))
        self.grid = self.scale(np.column_stack([self.xx.ravel(), self.yy.ravel()]))

    def scale(self, X):
        """Points as the network sees them (your own points are standardised)."""
        return (X - self.mean) / self.std

    def _targets(self, y):
        return np.eye(self.n_classes)[y] if self.cfg["loss"] == "mse" else y

    def _new_optimizer(self):
        name, lr = self.cfg["optimizer"], self.cfg["lr"]
        return optimizers.SGD(lr, momentum=0.9) if name == "momentum" else optimizers.get(name, lr)

    def _new_loss(self):
        return losses.MeanSquaredError() if self.cfg["loss"] == "mse" else \
            losses.SoftmaxCrossEntropy()

    def _make_model(self):
        """Fresh weights (always the same for the same seed), optimizer, counters and history."""
        cfg = self.cfg
        self.model = models.mlp([2] + list(cfg["hidden"]) + [self.n_classes], cfg["activation"],
                                seed=cfg["seed"])
        self.model.compile(loss=self._new_loss(), optimizer=self._new_optimizer(),
                           metrics=["accuracy"])
        self._eval_loss = self._new_loss()
        self.initial_weights = self.model.get_weights()
        self._Xs_train = self.scale(self.X_train)
        self._T_train, self._T_test = self._targets(self.y_train), self._targets(self.y_test)
        self._rng = np.random.default_rng(cfg["seed"])
        self._order, self._cursor = np.arange(0), 0
        self.epoch = self.steps = 0
        self.batch_loss = None
        self.diverged, self.diverge_message, self.stop_reason = False, "", ""
        self.history = {"epoch": [], "loss": [], "val_loss": [], "accuracy": [],
                        "val_accuracy": []}
        self.grad_norms = np.zeros(len(cfg["hidden"]) + 1)
        # translated now: the watch words its message when training diverges
        self.watch = DivergenceWatch(advice=_("press Reset and try a smaller one"))
        self._record()
        self._watch_loss()
        # the model watches its own mini-batch losses too: same rule, same advice, started at
        # the loss on the whole training set (not at one noisy batch)
        self.model.watch.advice = self.watch.advice
        self.model.watch.reset()
        self.model.watch.check(self.history["loss"][-1], self.cfg["lr"])
        self.version += 1

    def reset(self):
        """Back to the starting weights (the same for the same seed), step 0, empty history."""
        self._make_model()

    @property
    def n_train(self):
        return len(self.X_train)

    @property
    def steps_per_epoch(self):
        """Mini-batches in one pass over the training points: ceil(n_train / batch size)."""
        return math.ceil(self.n_train / self.cfg["batch_size"])

    @property
    def trained(self):
        return self.steps > 0

    # ----- measuring --------------------------------------------------------------------------
    def _measure(self):
        """Loss and accuracy on the training and test points (one forward pass for both); NaN
        when the network's outputs are no longer finite numbers."""
        with np.errstate(all="ignore"):
            out = self.model.predict(self._X_eval)
            n = self.n_train
            result = []
            for part, T, y in ((out[:n], self._T_train, self.y_train),
                               (out[n:], self._T_test, self.y_test)):
                try:
                    result.append(float(self._eval_loss.forward(part, T)))
                except ValueError:          # the loss refuses outputs that are not finite
                    result.append(math.nan)
                result.append(float(np.mean(part.argmax(axis=1) == y)))
        return result

    def _record(self):
        train_loss, train_acc, test_loss, test_acc = self._measure()
        h = self.history
        h["epoch"].append(self.epoch + self._cursor / self.n_train if self._cursor < self.n_train
                          else float(self.epoch))
        h["loss"].append(train_loss)
        h["val_loss"].append(test_loss)
        h["accuracy"].append(train_acc)
        h["val_accuracy"].append(test_acc)

    def _watch_loss(self):
        """Let the divergence watch see the newest train loss (the first one is its start)."""
        try:
            self.watch.check(self.history["loss"][-1], self.cfg["lr"],
                             what=_("the train loss"))
        except DivergenceError as exc:
            self._diverge(str(exc))

    def _diverge(self, message):
        self.diverged, self.diverge_message = True, message

    def plane(self):
        """What the network makes of every point of the plane: the output of every layer on the
        grid (a list as ``model.representations``) and the class probabilities, or ``(None,
        None)`` when the outputs are no longer finite numbers. Computed once per version."""
        if self._plane[0] == self.version:
            return self._plane[1:]
        with np.errstate(all="ignore"):
            reps = self.model.representations(self.grid)
            out = reps[-1]
            if not np.all(np.isfinite(out)):
                reps = p = None
            elif self.cfg["loss"] == "mse":    # outputs meant as one-hot rows: clip, normalise
                p = np.clip(out, 0.0, 1.0) + 1e-12
                p /= p.sum(axis=1, keepdims=True)
            else:
                p = losses.softmax(out)
        self._plane = (self.version, reps, p)
        return reps, p

    # ----- training ---------------------------------------------------------------------------
    def _check_stop(self):
        cfg = self.cfg
        if cfg["max_epochs"] and self.epoch >= cfg["max_epochs"]:
            return _("stopped: reached the limit of {n} epochs (raise 'max epochs' or press "
                     "Reset)").format(n=cfg["max_epochs"])
        if cfg["target_loss"] and self.history["loss"][-1] <= cfg["target_loss"]:
            return _("stopped: train loss reached the target {target:.3f} (lower 'target loss' "
                     "to go on)").format(target=cfg["target_loss"])
        return ""

    def step(self):
        """Train on one mini-batch. Returns whether a step was taken (not when stopped or
        diverged); the batch's loss is ``batch_loss``."""
        if self.diverged or self.stop_reason:
            return False
        if self._cursor >= len(self._order):
            self._order, self._cursor = self._rng.permutation(self.n_train), 0
        idx = self._order[self._cursor:self._cursor + self.cfg["batch_size"]]
        try:
            self.batch_loss = float(self.model.train_step(self._Xs_train[idx],
                                                          self._T_train[idx]))
        except DivergenceError as exc:     # the engine's watch: the step is not counted
            self._diverge(str(exc))
            self.version += 1
            return False
        self._cursor += len(idx)
        self.steps += 1
        if self._cursor >= self.n_train:
            self.epoch += 1
        with np.errstate(all="ignore"):
            self.grad_norms = np.array([
                math.sqrt(float(np.sum(l.grads["W"] ** 2) + np.sum(l.grads["b"] ** 2)))
                for l in self.model.layers if isinstance(l, Dense)])
        self._record()
        self._watch_loss()
        if not self.diverged:
            self.stop_reason = self._check_stop()
        self.version += 1
        return True

    def step_epoch(self):
        """Train until the current pass over the training points ends; returns the steps done."""
        start_epoch, start = self.epoch, self.steps
        while self.epoch == start_epoch and self.step():
            pass
        return self.steps - start

    def run(self, n_steps):
        """Train up to ``n_steps`` mini-batches (fewer at a stop condition or divergence).
        Returns the number of steps done."""
        start = self.steps
        for _step in range(int(n_steps)):
            if not self.step():
                break
        return self.steps - start

    # ----- text -------------------------------------------------------------------------------
    def status_text(self):
        """'epoch N · step M · train loss … · test loss … · test accuracy …' and any stop or
        divergence message. Your own points say "not trained yet" before the first step."""
        h = self.history
        parts = [_("epoch {n}").format(n=self.epoch), _("step {n}").format(n=self.steps)]
        if self.cfg["dataset"] == CSV_NAME and not self.trained:
            parts.append(_("not trained yet"))
        elif np.isfinite(h["loss"][-1]) and np.isfinite(h["val_loss"][-1]):
            parts.append(_("train loss {train:.3f} · test loss {test:.3f} · test accuracy "
                           "{accuracy:.3f}").format(train=h["loss"][-1], test=h["val_loss"][-1],
                                                    accuracy=h["val_accuracy"][-1]))
        if self.diverged:
            parts.append(self.diverge_message)
        elif self.stop_reason:
            parts.append(self.stop_reason)
        return " · ".join(parts)

    def describe(self):
        """The setup in one line, e.g. 'circles, net 2-4-4-2 tanh, adam lr=0.03, batch 10'."""
        cfg = self.cfg
        arch = "-".join(str(s) for s in [2] + list(cfg["hidden"]) + [self.n_classes])
        return _("{dataset}, net {arch} {activation}, {optimizer} lr={lr:g}, batch "
                 "{batch}").format(dataset=_(cfg["dataset"]), arch=arch,
                                   activation=cfg["activation"], optimizer=cfg["optimizer"],
                                   lr=cfg["lr"], batch=cfg["batch_size"])
