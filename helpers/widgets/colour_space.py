"""The colour-space explorer of notebook 03: select pixels with a box of thresholds, in RGB or
in HSV, and see which task each representation makes easy.

The RGB-versus-HSV example is from François Chollet, *Deep Learning with Python*, chapter 1.
"""
import ipywidgets as W

from ..i18n import N_, _
from ..images import SPACES, TASKS, colour_picture, mask_scores, select
from ..plots.core import new_figure
from ..plots.images import draw_mistakes_legend, mistakes_image, selection_image
from .base import CourseWidget, FigureView, choices, fit_width

__all__ = ["ColourSpaceExplorer"]

#: The names of the tasks (the keys of ``images.TASKS``), marked here for the task dropdown.
TASK_NAMES = (N_("red pixels"), N_("vivid pixels"))
#: Each space's channel names as one message, so that a translator sees them together (the
#: "value" of HSV is a brightness).
CHANNEL_NAMES = {"RGB": N_("red, green, blue"), "HSV": N_("hue, saturation, value")}


def channel_labels(space):
    """The slider labels of ``space``'s three channels, in the current language."""
    if space in CHANNEL_NAMES and tuple(CHANNEL_NAMES[space].split(", ")) == SPACES[space]:
        return _(CHANNEL_NAMES[space]).split(", ")
    return list(SPACES[space])


class ColourSpaceExplorer(CourseWidget):
    """Pick a task and a colour space; three range sliders select a box of channel values.

    The figure shows the picture, the selected pixels and the mistakes (caught, missed, wrongly
    selected). Methods: ``set_task(name)``, ``set_space(name)``, ``set_range(channel, low,
    high)``; state: ``task``, ``space``, ``ranges`` (per space), ``mask`` and ``scores``.
    """

    def __init__(self, picture=None, task="red pixels", space="RGB"):
        self.picture = colour_picture() if picture is None else picture
        self.ranges = {s: [(0.0, 1.0)] * 3 for s in SPACES}
        slider_width = fit_width("80px", *(label for space in SPACES
                                           for label in channel_labels(space)), extra=8)
        self.task_picker = W.Dropdown(options=choices(TASKS), value=task,
                                      description=_("task"),
                                      style={"description_width": "initial"},
                                      layout=W.Layout(width="230px"))
        self.space_picker = W.ToggleButtons(options=list(SPACES), value=space,
                                            description=_("space"),
                                            style={"button_width": "60px"})
        self.sliders = [W.FloatRangeSlider(value=(0.0, 1.0), min=0.0, max=1.0, step=0.01,
                                           readout_format=".2f", layout=W.Layout(width="330px"),
                                           style={"description_width": slider_width})
                        for _slider in range(3)]
        self.status = W.HTML()
        self.status.add_class("course-status")   # the browser tests read this text
        fig, axes = new_figure(1, 3, width=2.9, height=2.75)
        for ax in axes:
            ax.set_xticks([])
            ax.set_yticks([])
        axes[0].imshow(self.picture.rgb, interpolation="nearest")
        axes[0].set_title(_("the picture"))
        self._selected = axes[1].imshow(self.picture.rgb, interpolation="nearest")
        self._mistakes = axes[2].imshow(self.picture.rgb, interpolation="nearest")
        self._titles = (axes[1].set_title(""), axes[2].set_title(""))
        draw_mistakes_legend(axes[2], ncols=3)
        self._holding = False
        self.view = None
        self._show_space(space)
        self.update(refresh=False)
        # Only the two right-hand pictures and their titles change (with the frames drawn
        # over the pictures); the rest is drawn once and kept.
        moving = [self._selected, *axes[1].spines.values(), *self._titles[:1],
                  self._mistakes, *axes[2].spines.values(), *self._titles[1:]]
        self.view = FigureView(fig, moving=moving)
        self.task_picker.observe(lambda change: self._safely(self.set_task, change["new"]),
                                 names="value")
        self.space_picker.observe(lambda change: self._safely(self.set_space, change["new"]),
                                  names="value")
        for slider in self.sliders:
            slider.observe(self._on_slider, names="value")
        self.ui = W.VBox([W.HBox([self.task_picker, self.space_picker]),
                          W.HBox(self.sliders[:2]), W.HBox([self.sliders[2], self.status]),
                          self.view.image])

    # -- state -------------------------------------------------------------------------------
    @property
    def task(self):
        return self.task_picker.value

    @property
    def space(self):
        return self.space_picker.value

    def _show_space(self, space):
        """Label the sliders with ``space``'s channels and set them to its remembered ranges."""
        self._holding = True
        try:
            for slider, name, pair in zip(self.sliders, channel_labels(space),
                                          self.ranges[space]):
                slider.description = name
                slider.value = pair
        finally:
            self._holding = False

    def _on_slider(self, change):
        if self._holding:
            return
        self.ranges[self.space] = [tuple(float(v) for v in s.value) for s in self.sliders]
        self._safely(self.update)

    # -- actions (what the controls call) ----------------------------------------------------
    def set_task(self, name):
        if name not in TASKS:
            self._say_problem(_("unknown task {name!r}; pick one from the list.").format(
                name=name))
            return
        if self.task_picker.value != name:
            self.task_picker.value = name      # its observer calls set_task again
            return
        self.update()

    def set_space(self, name):
        if name not in SPACES:
            self._say_problem(_("unknown colour space {name!r}; use RGB or HSV.").format(
                name=name))
            return
        if self.space_picker.value != name:
            self.space_picker.value = name
            return
        self._show_space(name)
        self.update()

    def set_range(self, channel, low, high):
        """Set one channel's (low, high) range; ``channel`` is 0, 1, 2 or its name/letter."""
        names = SPACES[self.space]
        if isinstance(channel, str):
            matches = [k for k, n in enumerate(names)
                       if channel.lower() in (n, n[0])]
            if not matches:
                self._say_problem(_("{space} has no channel {channel!r}; use one of "
                                    "{names}.").format(space=self.space, channel=channel,
                                                       names=", ".join(names)))
                return
            channel = matches[0]
        if low > high:
            low, high = high, low
        self.sliders[channel].value = (float(low), float(high))   # the observer redraws

    def _say_problem(self, sentence):
        self.status.value = _("<b>Problem:</b> {problem}").format(problem=sentence)

    # -- drawing ----------------------------------------------------------------------------
    def update(self, refresh=True):
        """Recompute the selection and its scores, update both pictures and the status."""
        self.mask = select(self.picture, self.ranges[self.space], self.space)
        target = self.picture.targets[self.task]
        self.scores = s = mask_scores(self.mask, target)
        self._selected.set_data(selection_image(self.picture.rgb, self.mask))
        self._mistakes.set_data(mistakes_image(self.mask, target))
        task = _(self.task)
        self._titles[0].set_text(_("selected in {space}: {n} pixels").format(
            space=self.space, n=int(self.mask.sum())))
        self._titles[1].set_text(_("{task}: overlap {overlap:.2f}").format(
            task=task, overlap=s["overlap"]))
        self.status.value = _("overlap <b>{overlap:.3f}</b>: caught {caught} of {n} {task}, "
                              "{wrong} wrongly selected").format(
            overlap=s["overlap"], caught=s["caught"], n=s["n_target"], task=task,
            wrong=s["wrong"])
        if refresh and self.view is not None:
            self.view.refresh()

    def summary(self):
        bounds = ", ".join(f"{n[0].upper()} {lo:.2f}–{hi:.2f}"
                           for n, (lo, hi) in zip(SPACES[self.space], self.ranges[self.space]))
        return _("ColourSpaceExplorer: {task} in {space} ({bounds}) → overlap "
                 "{overlap:.3f}").format(task=_(self.task), space=self.space, bounds=bounds,
                                         overlap=self.scores["overlap"])
