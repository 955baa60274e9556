"""The layer inspector: watch a network bend the plane, layer by layer and epoch by epoch.

Two sliders: ``checkpoint_slider`` picks a moment of training (a checkpoint of a
``depth.TrainingRun``), ``layer_slider`` picks a stage (the input, or the output of one layer).
The figure shows, left to right: the input plane coloured by what the network decides at that
checkpoint, the chosen stage (the grid of lines and the points after the layers so far), and the
accuracy during training with a marker at the chosen checkpoint.

After the learner has moved a slider, the pictures of every checkpoint (at the stage shown) are
drawn in the background and kept in the page, which then switches them itself while the
checkpoint slider moves (see choice_pictures.py).
"""
import copy
import html

import ipywidgets as W
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.ticker import MaxNLocator

from .. import depth
from ..i18n import N_, _, get_language
from ..plots.core import TEXT_PT, DecisionMap, new_figure
from ..plots.depth import (GRID_COLORS, StagePanel, _check_drawable, _default_lines,
                           grid_legend_handles)
from ..validation import as_2d, as_labels
from .base import CourseWidget, FigureView, fit_width
from .choice_pictures import ChoicePictures

__all__ = ["LayerInspector", "STAGE_EXPLANATIONS"]

#: What each kind of layer does to the plane, shown under the sliders.
STAGE_EXPLANATIONS = {
    "input": N_("the points as they come in, with a grid of straight lines laid over them."),
    "Dense": N_("an affine map, x @ W + b: it turns, stretches, shears and shifts the plane. "
                "Straight lines stay straight and parallel lines stay parallel."),
    "tanh": N_("squashes each coordinate into (-1, 1): straight lines bend, and far-away "
               "points are pushed against the edges of the square."),
    "relu": N_("sets every negative coordinate to 0: the plane is folded onto the axes."),
    "sigmoid": N_("squashes each coordinate into (0, 1): straight lines bend."),
}


def _kind(name):
    if name == "input":
        return "input"
    return name.replace("output (", "").split(" ")[0]


def stage_label(name):
    """A stage name from ``depth.stage_names`` as the learner reads it: 'input' and 'output (…)'
    in the current language, layer names ('Dense 1', 'tanh 1') as they are."""
    if name == "input":
        return _("input")
    if name.startswith("output (") and name.endswith(")"):
        return _("output ({layer})").format(layer=name[len("output ("):-1])
    return name


class LayerInspector(CourseWidget):
    """Inspect every layer of a 2-unit-wide network at every checkpoint of its training.

    ``model`` is copied (the widget loads checkpoints into its copy, never into yours); ``run``
    is the :class:`helpers.depth.TrainingRun` returned by ``depth.train_with_checkpoints``.
    """

    def __init__(self, model, X, y, run, labels=None, lines=None, stage=None, checkpoint=None,
                 dpi=80):
        if not isinstance(run, depth.TrainingRun) or not len(run):
            raise TypeError(_("run must be the TrainingRun returned by "
                              "helpers.depth.train_with_checkpoints(model, X, y, epochs, "
                              "every)."))
        self.model = copy.deepcopy(model)
        depth.stage_names(self.model)                       # checks it is a Sequential
        self.X = as_2d(X, "X", n_features=self.model.n_inputs, what=N_("the model"))
        self.y = as_labels(y, n_samples=len(self.X))
        self.run, self.labels = run, labels
        run.load(self.model, 0)                             # checks the shapes match
        _check_drawable(self.model.representations(self.X[:1]))
        self.names = depth.stage_names(self.model)
        self.lines = _default_lines(self.X) if lines is None else np.asarray(lines, float)
        self.checkpoint = len(run) - 1 if checkpoint is None else run._index(checkpoint)
        self.stage = len(self.names) - 1 if stage is None else self._stage_index(stage)
        self._build_figure()
        style = {"description_width": fit_width("", _("checkpoint"), _("stage"), extra=8)}
        self.checkpoint_slider = W.IntSlider(value=self.checkpoint, min=0, max=len(run) - 1,
                                             description=_("checkpoint"), continuous_update=True,
                                             style=style, layout=W.Layout(width="380px"))
        self.layer_slider = W.IntSlider(value=self.stage, min=0, max=len(self.names) - 1,
                                        description=_("stage"), continuous_update=True,
                                        style=style, layout=W.Layout(width="380px"))
        self.status = W.HTML()
        self.status.add_class("course-status")   # the browser tests read this text
        self.checkpoint_slider.observe(self._on_checkpoint, names="value")
        self.layer_slider.observe(self._on_stage, names="value")
        # drawn in a copy of the kernel (pose uses only NumPy), so moves never wait for them
        self.pictures = ChoicePictures(self.view, self.checkpoint_slider, len(run), self._pose,
                                       self.checkpoint, in_copy=True)
        self.ui = W.VBox([W.HBox([self.checkpoint_slider, self.layer_slider]), self.status,
                          self.pictures.stack])
        self._redraw()

    # ----- figure ---------------------------------------------------------------------------
    def _build_figure(self):
        fig, (self.ax_input, self.ax_stage, self.ax_curve) = new_figure(1, 3, width=3.4,
                                                                         height=4.1)
        # the input plane coloured by the network's decision, the points on top
        self.decisions = DecisionMap(self.ax_input, self.X, self.y, labels=self.labels,
                                     n_classes=2, resolution=70, margin=0.2, point_size=14,
                                     legend=False, region_legend=True)
        self.regions = self.decisions.image
        self._grid, self._grid_shape = self.decisions.grid, self.decisions.shape
        input_points = self.decisions.points
        half = len(self.lines) // 2
        colours = [GRID_COLORS[0]] * half + [GRID_COLORS[1]] * (len(self.lines) - half)
        input_grid = LineCollection(list(self.lines), colors=colours, linewidths=0.6, alpha=0.5,
                                    zorder=2)
        self.ax_input.add_collection(input_grid)
        # below the panels, where it hides no point
        fig.legend(handles=self.decisions.legend_handles() + grid_legend_handles(), ncols=4,
                   loc="outside lower center", fontsize=TEXT_PT, frameon=False)
        self.ax_input.set_box_aspect(1)
        self.panel = StagePanel(self.ax_stage, self.lines, self.X, self.y, labels=self.labels)
        epochs = np.array(self.run.epochs)
        self.ax_curve.plot(epochs, self.run.accuracy, color="#0072b2", lw=1.8,
                           label=_("training accuracy"))
        if self.run.val_accuracy is not None:
            self.ax_curve.plot(epochs, self.run.val_accuracy, color="#d55e00", lw=1.5, ls="--",
                               label=_("test accuracy"))
        self.marker = self.ax_curve.axvline(epochs[0], color="#444444", lw=1.2, ls=":",
                                            label=_("checkpoint shown"))
        (self.dot,) = self.ax_curve.plot([], [], "o", color="#0072b2", ms=7, zorder=5)
        self.ax_curve.set_ylim(0.3, 1.03)
        self.ax_curve.set_xlabel(_("epoch"))
        self.ax_curve.set_ylabel(_("accuracy"))
        self.ax_curve.set_title(_("accuracy during training"), fontsize=TEXT_PT + 1)
        self.ax_curve.legend(loc="lower right", fontsize=TEXT_PT)
        self.ax_curve.set_box_aspect(1)
        for ax in (self.ax_input, self.ax_stage, self.ax_curve):   # fewer tick labels to draw
            ax.xaxis.set_major_locator(MaxNLocator(5))
            ax.yaxis.set_major_locator(MaxNLocator(5))
        # titles like the real ones (set by _redraw), so the frozen layout leaves room for them
        last = len(self.names) - 1
        self.ax_input.set_title(_("input: decisions at epoch {epoch}").format(
            epoch=self.run.epochs[-1]), fontsize=TEXT_PT + 1)
        self.ax_stage.set_title(_("stage {s}: {name}, epoch {epoch}").format(
            s=last, name=stage_label(self.names[last]), epoch=self.run.epochs[-1]),
            fontsize=TEXT_PT + 1)
        # What the sliders change, in drawing order; everything else is drawn once. Group 0
        # changes with the checkpoint only, group 1 (the stage panel) with either slider.
        with_checkpoint = [self.regions, *self.ax_input.spines.values(), input_grid,
                           *input_points, self.ax_input.title,
                           self.marker, self.dot, self.ax_curve.get_legend()]
        self.view = FigureView(fig, moving=[with_checkpoint, [self.ax_stage]])

    def _redraw(self, checkpoint_changed=True):
        """Update every artist for the current checkpoint and stage, then refresh once."""
        key = self._pose(self.checkpoint)
        self.status.value = self._status_html()
        self.pictures.show(self.checkpoint, key, from_group=0 if checkpoint_changed else 1)

    def _pose(self, i):
        """Set every artist for checkpoint ``i`` at the current stage (the model's weights
        become checkpoint i's); returns what the picture depends on besides ``i``."""
        run, s = self.run, self.stage
        run.load(self.model, i)
        self.decisions.update(self.model.predict_classes)
        self.ax_input.set_title(_("input: decisions at epoch {epoch}").format(
            epoch=run.epochs[i]), fontsize=TEXT_PT + 1)
        line_reps = depth.transform_lines(self.model, self.lines)
        point_reps = self.model.representations(self.X)
        self.panel.update(line_reps[s], point_reps[s], name=self.names[s],
                          boundary=depth.decision_line(self.model, s),
                          title=_("stage {s}: {name}, epoch {epoch}").format(
                              s=s, name=stage_label(self.names[s]), epoch=run.epochs[i]))
        self.marker.set_xdata([run.epochs[i], run.epochs[i]])
        self.dot.set_data([run.epochs[i]], [run.accuracy[i]])
        return (s, get_language())

    # ----- what the controls call ---------------------------------------------------------
    def _stage_index(self, stage):
        if isinstance(stage, str):
            if stage not in self.names:
                raise ValueError(_("unknown stage {stage!r}; choose one of {names}.").format(
                    stage=stage, names=self.names))
            return self.names.index(stage)
        if isinstance(stage, bool) or not isinstance(stage, (int, np.integer)):
            raise TypeError(_("stage must be a stage number or name, got {stage!r}.").format(
                stage=stage))
        if not 0 <= stage < len(self.names):
            raise ValueError(_("stage {stage} does not exist; choose 0 (input) to {last} "
                               "(output).").format(stage=stage, last=len(self.names) - 1))
        return int(stage)

    def set_checkpoint(self, i):
        """Show checkpoint ``i`` (0 = before training, -1 = the last one)."""
        self.checkpoint = self.run._index(i)
        if self.checkpoint_slider.value != self.checkpoint:
            self.checkpoint_slider.value = self.checkpoint      # its observer redraws
        else:
            self._redraw()

    def set_stage(self, stage):
        """Show stage ``stage``: 0 is the input, k the output of layer k (or a stage name)."""
        self.stage = self._stage_index(stage)
        if self.layer_slider.value != self.stage:
            self.layer_slider.value = self.stage
        else:
            self._redraw(checkpoint_changed=False)

    set_layer = set_stage

    def _on_checkpoint(self, change):
        self._safely(self._apply_checkpoint, change["new"])
        self.pictures.prepare_later()     # the other checkpoints, while the learner looks

    def _on_stage(self, change):
        self._safely(self._apply_stage, change["new"])
        self.pictures.prepare_later()

    def _apply_checkpoint(self, i):
        self.checkpoint = self.run._index(i)
        self._redraw()

    def _apply_stage(self, s):
        self.stage = self._stage_index(s)
        self._redraw(checkpoint_changed=False)

    # ----- text -----------------------------------------------------------------------------
    def accuracy(self):
        """Training accuracy at the checkpoint shown."""
        return self.run.accuracy[self.checkpoint]

    def status_text(self):
        run, i, s = self.run, self.checkpoint, self.stage
        return _("Epoch {epoch} (checkpoint {i} of {last}), training accuracy {accuracy:.3f}. "
                 "Stage {s} of {stages}: {name}, {explanation}").format(
            epoch=run.epochs[i], i=i, last=len(run) - 1, accuracy=run.accuracy[i], s=s,
            stages=len(self.names) - 1, name=stage_label(self.names[s]),
            explanation=_(STAGE_EXPLANATIONS[_kind(self.names[s])]))

    def _status_html(self):
        return html.escape(self.status_text())

    def summary(self):
        run = self.run
        shape = "-".join(str(n) for n in depth.shape_of(self.model))
        return _("LayerInspector: {shape} network, {n} checkpoints (epochs {first}-{last}); "
                 "showing epoch {epoch} (training accuracy {accuracy:.3f}), stage {stage} "
                 "({name})").format(shape=shape, n=len(run), first=run.epochs[0],
                                    last=run.epochs[-1], epoch=run.epochs[self.checkpoint],
                                    accuracy=self.accuracy(), stage=self.stage,
                                    name=stage_label(self.names[self.stage]))
