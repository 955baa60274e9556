"""Backpropagation one stage at a time, on a network small enough to follow every number.

The network has 2 inputs, 2 hidden neurons with tanh and 1 output, and sees one sample with a
squared-error loss. "Next stage" first runs the forward pass layer by layer (what each neuron
computes), then the backward pass (how the loss changes with each number, from the output back to
the first weights). Every gradient is shown next to an independent check: the finite-difference
estimate (nudge the number up and down by 1e-6, see how the loss moves) and the relative error
between the two.

Underneath it is the package's own code: ``helpers.layers.Dense`` and ``Tanh``,
``helpers.losses.MeanSquaredError`` and ``helpers.gradcheck.numerical_gradient``.
"""
import textwrap

import ipywidgets as W
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch, Patch

from ..gradcheck import numerical_gradient, rel_error
from ..i18n import N_, _, get_language
from ..layers import Dense, Tanh
from ..losses import MeanSquaredError
from ..plots.core import TEXT_PT, new_figure
from ..validation import as_2d
from .base import CourseWidget, FigureView, monospace_family
from .choice_pictures import ChoicePictures

__all__ = ["BackpropWalkthrough"]

#: Small, readable starting weights (rows of W are inputs, columns are neurons).
DEFAULT_W1 = [[0.5, -0.4], [0.3, 0.8]]
DEFAULT_B1 = [0.1, -0.2]
DEFAULT_W2 = [[1.2], [-0.7]]
DEFAULT_B2 = [0.05]

#: Relative error below which a gradient counts as confirmed by finite differences.
AGREE = 1e-6

_DONE, _TODO, _NOW = "#e8f1fa", "#ffffff", "#ffd9a8"
_GRAD = "#b3261e"


def _matrix(value, shape, name):
    arr = np.array(value, dtype=np.float64)
    if arr.shape != shape or not np.all(np.isfinite(arr)):
        raise ValueError(_("{name} must be finite numbers of shape {shape}, got shape "
                           "{got}; for example {name}={example}.").format(
                             name=name, shape=shape, got=arr.shape,
                             example=np.zeros(shape).tolist()))
    return arr


class BackpropWalkthrough(CourseWidget):
    """Walk through the forward and backward pass of a 2-2-1 tanh network, one stage per click.

    ``next()``, ``previous()`` and ``reset()`` move between the stages; ``stage`` is the current
    one (0-based) and ``rows()`` the numbers it shows. ``gradients`` holds backprop's result for
    every quantity, ``numerical`` the finite-difference estimates, ``errors`` their relative
    errors.
    """

    def __init__(self, x=(0.8, -0.6), target=1.0, W1=None, b1=None, W2=None, b2=None):
        self.x = as_2d([list(np.ravel(x))] if np.ndim(x) == 1 else x, "x", n_features=2,
                       what=N_("this 2-input network"))
        if len(self.x) != 1:
            raise ValueError(_("the walk-through follows one sample, got {n}; pass "
                               "x=(x1, x2).").format(n=len(self.x)))
        self.target = _matrix([[target]], (1, 1), "target")
        self.dense1, self.tanh, self.dense2 = Dense(2, 2), Tanh(), Dense(2, 1)
        self.dense1.params["W"][...] = _matrix(DEFAULT_W1 if W1 is None else W1, (2, 2), "W1")
        self.dense1.params["b"][...] = _matrix(DEFAULT_B1 if b1 is None else b1, (2,), "b1")
        self.dense2.params["W"][...] = _matrix(DEFAULT_W2 if W2 is None else W2, (2, 1), "W2")
        self.dense2.params["b"][...] = _matrix(DEFAULT_B2 if b2 is None else b2, (1,), "b2")
        self.loss_fn = MeanSquaredError()
        self._compute()
        self.stages = self._stages()
        self.stage = 0
        self._build_figure()
        self._build_controls()
        self._show()

    # ----- the numbers -----------------------------------------------------------------------
    def _compute(self):
        """Forward and backward with the package's layers, then finite differences."""
        d1, act, d2, loss = self.dense1, self.tanh, self.dense2, self.loss_fn
        self.z = d1.forward(self.x)
        self.h = act.forward(self.z)
        self.y_hat = d2.forward(self.h)
        self.loss = loss.forward(self.y_hat, self.target)
        g = {"y_hat": loss.backward()}
        g["h"] = d2.backward(g["y_hat"])
        g["W2"], g["b2"] = d2.grads["W"].copy(), d2.grads["b"].copy()
        g["z"] = act.backward(g["h"])
        g["x"] = d1.backward(g["z"])
        g["W1"], g["b1"] = d1.grads["W"].copy(), d1.grads["b"].copy()
        self.gradients = g

        check = MeanSquaredError()     # a separate loss object, so the caches above stay intact

        def from_y(y):
            return check.forward(y, self.target)

        def from_h(h):
            return from_y(d2.forward(h))

        def from_z(z):
            return from_h(np.tanh(z))

        def from_x(x):
            return from_z(d1.forward(x))

        def whole(_ignored):
            return from_x(self.x)

        n = {"y_hat": numerical_gradient(from_y, self.y_hat.copy()),
             "h": numerical_gradient(from_h, self.h.copy()),
             "z": numerical_gradient(from_z, self.z.copy()),
             "x": numerical_gradient(from_x, self.x.copy())}
        for name, layer in (("W1", d1), ("b1", d1), ("W2", d2), ("b2", d2)):
            n[name] = numerical_gradient(whole, layer.params[name[0]])
        self.numerical = n
        self.errors = {k: np.vectorize(lambda a, b: rel_error(a, b))(g[k], n[k]) for k in g}

    def worst_error(self):
        """The largest relative error between backprop and finite differences, over all."""
        return float(max(e.max() for e in self.errors.values()))

    def _stages(self):
        x, z, h, y = self.x[0], self.z[0], self.h[0], self.y_hat[0, 0]
        W1, b1 = self.dense1.params["W"], self.dense1.params["b"]
        W2, b2 = self.dense2.params["W"], self.dense2.params["b"]
        t = self.target[0, 0]
        given = _("given")
        fwd = [
            (_("forward: the input"),
             _("One sample goes in; the network should output the target."),
             [("x1", x[0], given), ("x2", x[1], given), ("target", t, given)], ["x"]),
            (_("forward: hidden sums z = x W1 + b1"),
             _("Each hidden neuron adds up the inputs, each times its weight, plus a bias."),
             [(f"z{j + 1}", z[j], f"{x[0]:.2f}·{W1[0, j]:.2f} + {x[1]:.2f}·{W1[1, j]:.2f} "
               f"+ {b1[j]:.2f}") for j in range(2)], ["z"]),
            (_("forward: hidden outputs h = tanh(z)"),
             _("Each sum is squashed into (-1, 1) by tanh."),
             [(f"h{j + 1}", h[j], f"tanh({z[j]:.3f})") for j in range(2)], ["h"]),
            (_("forward: output y = h W2 + b2"),
             _("The output neuron adds up the hidden outputs."),
             [("y", y, f"{h[0]:.3f}·{W2[0, 0]:.2f} + {h[1]:.3f}·{W2[1, 0]:.2f} "
               f"+ {b2[0]:.2f}")], ["y"]),
            (_("forward: loss L = (y - target)²"),
             _("The loss measures how far the output is."),
             [("L", self.loss, f"({y:.3f} - {t:.2f})²")], ["L"]),
        ]
        back = [
            (_("backward: dL/dy = 2 (y - target)"),
             _("How the loss moves when the output moves: the start of the backward pass."),
             [("y", "y_hat", (0, 0))], ["y"]),
            (_("backward: output layer"),
             _("dL/dW2 = h · dL/dy, dL/db2 = dL/dy, dL/dh = W2 · dL/dy (Dense.backward)."),
             [("W2[1]", "W2", (0, 0)), ("W2[2]", "W2", (1, 0)), ("b2", "b2", (0,)),
              ("h1", "h", (0, 0)), ("h2", "h", (0, 1))], ["h", "W2"]),
            (_("backward: through tanh"), _("dL/dz = dL/dh · (1 - h²) (Tanh.backward)."),
             [("z1", "z", (0, 0)), ("z2", "z", (0, 1))], ["z"]),
            (_("backward: first layer"),
             _("dL/dW1 = x · dL/dz, dL/db1 = dL/dz, dL/dx = W1 · dL/dz (Dense.backward)."),
             [(f"W1[{i + 1},{j + 1}]", "W1", (i, j)) for i in range(2) for j in range(2)]
             + [("b1[1]", "b1", (0,)), ("b1[2]", "b1", (1,)), ("x1", "x", (0, 0)),
                ("x2", "x", (0, 1))], ["x", "W1"]),
        ]
        stages = [dict(title=a, text=b, forward=rows, focus=f) for a, b, rows, f in fwd]
        for title, text, refs, focus in back:
            rows = [(f"dL/d{name}", float(self.gradients[k][i]), float(self.numerical[k][i]),
                     float(self.errors[k][i])) for name, k, i in refs]
            stages.append(dict(title=title, text=text, backward=rows, focus=focus))
        return stages

    # ----- moving between stages ---------------------------------------------------------------
    def next(self):
        """Go to the next stage (stays on the last one)."""
        self.stage = min(self.stage + 1, len(self.stages) - 1)
        self._show()

    def previous(self):
        """Go back one stage (stays on the first one)."""
        self.stage = max(self.stage - 1, 0)
        self._show()

    def reset(self):
        """Back to the first stage: only the input is known."""
        self.stage = 0
        self._show()

    def rows(self, stage=None):
        """The numbers a stage shows (default: the current one; -1: the last): (name, value,
        how) on a forward stage, (name, backprop, finite difference, relative error) on a
        backward one. Reading another stage does not move the widget."""
        if stage is None:
            stage = self.stage
        if isinstance(stage, bool) or not isinstance(stage, int):
            raise TypeError(_("stage must be a whole number, got {stage!r}.").format(
                stage=stage))
        if not -len(self.stages) <= stage < len(self.stages):
            raise ValueError(_("stage must be between 0 and {last} (or -1 for the last), got "
                               "{stage}.").format(last=len(self.stages) - 1, stage=stage))
        s = self.stages[stage]
        return list(s.get("forward") or s.get("backward"))

    def summary(self):
        s = self.stages[self.stage]
        return _("BackpropWalkthrough: stage {n} of {total}, {title}").format(
            n=self.stage + 1, total=len(self.stages), title=s["title"])

    # ----- drawing ------------------------------------------------------------------------------
    _NODES = {"x1": (0.0, 1.25), "x2": (0.0, -1.25), "h1": (4.0, 1.25), "h2": (4.0, -1.25),
              "y": (7.4, 0.0), "L": (10.2, 0.0)}
    _BOX_W, _BOX_H = 1.9, 1.55

    def _build_figure(self):
        # the network above, the stage's explanation and numbers below: 832 px wide at 80 dpi,
        # so JupyterLab never shrinks it, and every text is at least 9 pt (10 px)
        fig, (net, table) = new_figure(2, 1, width=10.4, height=2.75,
                                       gridspec_kw={"height_ratios": [1.3, 1]})
        self.fig = fig
        W1, W2 = self.dense1.params["W"], self.dense2.params["W"]
        edges = [("x1", "h1", W1[0, 0]), ("x1", "h2", W1[0, 1]), ("x2", "h1", W1[1, 0]),
                 ("x2", "h2", W1[1, 1]), ("h1", "y", W2[0, 0]), ("h2", "y", W2[1, 0])]
        for a, b, w in edges:
            (xa, ya), (xb, yb) = self._NODES[a], self._NODES[b]
            net.plot([xa, xb], [ya, yb], color="#4c72b0" if w > 0 else "#dd8452",
                     lw=1 + 2 * min(abs(w), 1.5), zorder=1)
            f = 0.5 if ya == yb else (0.36 if a.startswith("x") else 0.5)
            net.text(xa + f * (xb - xa), ya + f * (yb - ya), f"w {w:.2f}", fontsize=TEXT_PT,
                     ha="center", va="center", zorder=4,
                     bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="#999999", lw=0.5))
        net.plot([7.4, 10.2], [0.0, 0.0], color="#888888", lw=1, ls="--", zorder=1)
        self.boxes, self.value_texts, self.grad_texts = {}, {}, {}
        bw, bh = self._BOX_W, self._BOX_H
        for name, (x, y) in self._NODES.items():
            self.boxes[name] = FancyBboxPatch((x - bw / 2, y - bh / 2), bw, bh,
                                              boxstyle="round,pad=0.04", fc=_TODO, ec="#333333",
                                              zorder=2)
            net.add_patch(self.boxes[name])
            self.value_texts[name] = net.text(x, y + 0.35, "", ha="center", va="center",
                                              fontsize=TEXT_PT, zorder=3)
            self.grad_texts[name] = net.text(x, y - 0.38, "", ha="center", va="center",
                                             fontsize=TEXT_PT, color=_GRAD, zorder=3)
        b1, b2 = self.dense1.params["b"], self.dense2.params["b"]
        for j, name in enumerate(("h1", "h2")):
            x, y = self._NODES[name]
            net.text(x, y + 1.0 if y > 0 else y - 1.0, _("bias {value:.2f}").format(value=b1[j]),
                     fontsize=TEXT_PT, ha="center", va="center")
        net.text(7.4, 1.0, _("bias {value:.2f}").format(value=b2[0]), fontsize=TEXT_PT,
                 ha="center", va="center")
        net.text(10.2, 1.0, _("target {value:.2f}").format(value=self.target[0, 0]),
                 fontsize=TEXT_PT, ha="center", va="center")
        for x, label in ((0.0, _("inputs")), (4.0, _("hidden (tanh)")), (7.4, _("output")),
                         (10.2, _("loss"))):
            net.text(x, -2.65, label, ha="center", va="center", fontsize=TEXT_PT, style="italic")
        net.set_xlim(-1.05, 11.25)
        net.set_ylim(-2.85, 2.4)
        net.axis("off")
        net.set_title(_("Network: values (black), gradients dL/d· (red)"), fontsize=TEXT_PT + 1)
        key = [Patch(fc=_NOW, ec="#333333", label=_("computed at this stage")),
               Patch(fc=_DONE, ec="#333333", label=_("computed earlier")),
               Patch(fc=_TODO, ec="#333333", label=_("not computed yet")),
               Line2D([], [], color="#4c72b0", lw=2, label=_("positive weight")),
               Line2D([], [], color="#dd8452", lw=2, label=_("negative weight"))]
        net.legend(handles=key, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=TEXT_PT,
                   frameon=False, borderaxespad=0.0)
        table.axis("off")
        self.table_title = table.text(0.0, 1.0, "", fontsize=TEXT_PT + 1, va="top", ha="left",
                                      weight="bold", transform=table.transAxes)
        self.explain_text = table.text(0.0, 0.8, "", fontsize=TEXT_PT + 1, va="top", ha="left",
                                       transform=table.transAxes, linespacing=1.3)
        self.table_text = table.text(0.5, 0.8, "", fontsize=TEXT_PT + 1,
                                     family=monospace_family(),
                                     va="top", ha="left", transform=table.transAxes)
        # Boxes and texts change with the stage; lines, labels and the key are drawn once.
        self.view = FigureView(fig, moving=[*self.boxes.values(), *self.value_texts.values(),
                                            *self.grad_texts.values(), self.table_title,
                                            self.explain_text, self.table_text])
        # every stage's picture is kept in the page once drawn: Next and Back then only tell
        # the page which one to show
        self.pictures = ChoicePictures(self.view, None, len(self.stages), self._pose)

    def _build_controls(self):
        self.back_button = W.Button(description=_("Back"), icon="step-backward")
        self.next_button = W.Button(description=_("Next stage"), icon="step-forward",
                                    button_style="primary")
        self.reset_button = W.Button(description=_("Reset"), icon="undo")
        for button, name in ((self.back_button, "previous"), (self.next_button, "next"),
                             (self.reset_button, "reset")):
            button.on_click(lambda _, name=name: self._clicked(getattr(self, name)))
        self.status = W.HTML()
        self.status.add_class("course-status")   # the browser tests read this text
        self.ui = W.VBox([W.HBox([self.back_button, self.next_button, self.reset_button]),
                          self.status, self.pictures.stack])

    def _clicked(self, method):
        self._safely(method)
        self.pictures.prepare_later()     # the other stages, while the learner reads

    def _node_values(self):
        """What each box shows at the current stage (only what has been computed so far)."""
        k = self.stage
        x, z, h, y = self.x[0], self.z[0], self.h[0], self.y_hat[0, 0]
        values = {"x1": f"x1 = {x[0]:.3f}", "x2": f"x2 = {x[1]:.3f}", "h1": "h1 = ?",
                  "h2": "h2 = ?", "y": "y = ?", "L": "L = ?"}
        for j in range(2):
            if k >= 1:
                values[f"h{j + 1}"] = f"z{j + 1} = {z[j]:.3f}"
            if k >= 2:
                values[f"h{j + 1}"] += f"\nh{j + 1} = {h[j]:.3f}"
        if k >= 3:
            values["y"] = f"y = {y:.3f}"
        if k >= 4:
            values["L"] = f"L = {self.loss:.4f}"
        g = self.gradients
        grads = dict.fromkeys(self._NODES, "")
        if k >= 5:
            grads["y"] = f"dL/dy = {g['y_hat'][0, 0]:.3f}"
            grads["L"] = "dL/dL = 1"
        for j in range(2):
            if k >= 6:
                grads[f"h{j + 1}"] = f"dL/dh{j + 1} = {g['h'][0, j]:.3f}"
            if k >= 7:
                grads[f"h{j + 1}"] += f"\ndL/dz{j + 1} = {g['z'][0, j]:.3f}"
            if k >= 8:
                grads[f"x{j + 1}"] = f"dL/dx{j + 1} = {g['x'][0, j]:.3f}"
        return values, grads

    def _table(self):
        s = self.stages[self.stage]
        if "forward" in s:
            lines = [_("{pad}value   computed as").format(pad=" " * 10)]
            lines += [f"{n:<7}{v:>8.4f}   {how}" for n, v, how in s["forward"]]
        else:
            backprop, finite, error = _("backprop"), _("finite d."), _("rel.err")
            lines = [f"{'':12}{backprop:>9} {finite:>9} {error:>7}"]
            lines += [f"{n:<12}{a:>9.5f} {f:>9.5f} {e:>7.0e}" for n, a, f, e in s["backward"]]
            ok = all(e < AGREE for *_rest, e in s["backward"])
            lines += ["", _("agree with finite differences: yes") if ok
                      else _("agree with finite differences: NO")]
        return "\n".join(lines)

    def _show(self):
        s = self.stages[self.stage]
        key = self._pose(self.stage)
        self.back_button.disabled = self.stage == 0
        self.next_button.disabled = self.stage == len(self.stages) - 1
        # one sentence; the stage's explanation is in the picture
        self.status.value = _("Stage {n} of {total}: {title}.").format(
            n=self.stage + 1, total=len(self.stages), title=s["title"])
        self.pictures.show(self.stage, key)

    def _pose(self, stage):
        """Set the boxes and texts of the figure for ``stage``; returns what else the picture
        depends on (the language)."""
        shown, self.stage = self.stage, stage     # _node_values and _table read self.stage
        try:
            self._pose_stage()
        finally:
            self.stage = shown
        return get_language()

    def _pose_stage(self):
        s = self.stages[self.stage]
        values, grads = self._node_values()
        focus = {"x": ["x1", "x2"], "z": ["h1", "h2"], "h": ["h1", "h2"], "y": ["y"],
                 "L": ["L"], "W1": [], "W2": []}
        now = {n for f in s["focus"] for n in focus[f]}
        for name, box in self.boxes.items():
            known = values[name].endswith("?") is False
            box.set_facecolor(_NOW if name in now else (_DONE if known else _TODO))
            self.value_texts[name].set_text(values[name])
            self.grad_texts[name].set_text(grads[name])
        self.table_title.set_text(_("Stage {n} of {total}: {title}").format(
            n=self.stage + 1, total=len(self.stages), title=s["title"]))
        # a Hangul character is about twice as wide as a Latin letter
        width = 30 if any("\uac00" <= ch <= "\ud7a3" for ch in s["text"]) else 55
        self.explain_text.set_text(textwrap.fill(s["text"], width))
        self.table_text.set_text(self._table())
