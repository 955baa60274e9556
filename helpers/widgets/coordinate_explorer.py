"""The coordinate-change explorer of notebook 03: rotate and shift the points by hand and watch
how often the fixed rule "x > 0 → black" is right.

The example (white and black points that a change of coordinates makes separable by x > 0) is
from François Chollet, *Deep Learning with Python*, chapter 1.
"""
import ipywidgets as W
import numpy as np

from .. import scoreboard
from ..i18n import N_, _
from ..plots.core import new_figure
from ..plots.search import draw_before_after, update_boundary
from ..search import change_coordinates, x_rule_accuracy
from ..validation import as_2d, as_labels
from .base import CourseWidget, FigureView, fit_width

__all__ = ["CoordinateExplorer"]


class CoordinateExplorer(CourseWidget):
    """Angle and shift sliders; the points before (left) and after (right) the change.

    ``X, y`` default to the training part of the running example's fixed split. Methods:
    ``set_transform(angle, dx, dy)``, ``update()``; state: ``angle``, ``dx``, ``dy``,
    ``X_new`` and ``accuracy``.
    """

    def __init__(self, X=None, y=None, angle=0.0, dx=0.0, dy=0.0):
        if X is None:
            X, y, _X_test, _y_test = scoreboard.running_example_split()
        self.X = as_2d(X, "X", n_features=2, what=N_("the explorer (points in the plane)"))
        self.y = as_labels(y, n_samples=len(self.X))
        names = (_("angle (°)"), _("shift x"), _("shift y"))
        style = {"description_width": fit_width("70px", *names, extra=8)}
        layout = W.Layout(width="330px")
        self.angle_slider = W.FloatSlider(value=angle, min=-180, max=180, step=1,
                                          description=names[0], style=style, layout=layout)
        self.dx_slider = W.FloatSlider(value=dx, min=-3, max=3, step=0.05, description=names[1],
                                       style=style, layout=layout)
        self.dy_slider = W.FloatSlider(value=dy, min=-3, max=3, step=0.05, description=names[2],
                                       style=style, layout=layout)
        self.status = W.HTML()
        self.status.add_class("course-status")   # the browser tests read this text
        fig, axes = new_figure(1, 2, width=3.9, height=3.7)
        self._right = axes[1]
        self.artists = draw_before_after(axes, self.X, self.y, self.X, angle=0.0,
                                         shift=(0.0, 0.0))
        self._holding = False
        self.view = None
        self.update(refresh=False)
        # only the moved points, the boundary and the right title change: the rest is drawn
        # once and kept as a background
        self.view = FigureView(fig, moving=[self.artists["boundary"], *self.artists["after"],
                                            self._right.title])
        for slider in (self.angle_slider, self.dx_slider, self.dy_slider):
            slider.observe(self._on_change, names="value")
        self.ui = W.VBox([W.HBox([self.angle_slider, self.dx_slider, self.dy_slider]),
                          self.status, self.view.image])

    @property
    def angle(self):
        return float(self.angle_slider.value)

    @property
    def dx(self):
        return float(self.dx_slider.value)

    @property
    def dy(self):
        return float(self.dy_slider.value)

    def _on_change(self, change):
        if not self._holding:
            self._safely(self.update)

    def set_transform(self, angle=None, dx=None, dy=None):
        """Move the sliders (the ones given) and redraw once."""
        self._holding = True
        try:
            if angle is not None:
                self.angle_slider.value = float(angle)
            if dx is not None:
                self.dx_slider.value = float(dx)
            if dy is not None:
                self.dy_slider.value = float(dy)
        finally:
            self._holding = False
        self.update()

    def update(self, refresh=True):
        """Transform the points, move the artists, and write the accuracy."""
        try:
            self.X_new = change_coordinates(self.X, self.angle, self.dx, self.dy)
        except ValueError as exc:     # cannot happen with the sliders, but never raise here
            self.status.value = _("<b>Problem:</b> {problem}").format(problem=exc)
            return
        self.accuracy = x_rule_accuracy(self.X_new, self.y)
        for scatter, label in zip(self.artists["after"], np.unique(self.y)):
            scatter.set_offsets(self.X_new[self.y == label])
        update_boundary(self.artists["boundary"], self.X, self.angle, (self.dx, self.dy))
        self._right.set_title(_("new coordinates: x > 0 → black is {accuracy:.1%} right")
                              .format(accuracy=self.accuracy), fontsize=10)
        right = int(round(self.accuracy * len(self.y)))
        self.status.value = _('Accuracy of the rule "x > 0 → black": <b>{accuracy:.3f}</b> '
                              "({right} of {n} points right)").format(
            accuracy=self.accuracy, right=right, n=len(self.y))
        if refresh and self.view is not None:
            self.view.refresh()

    def summary(self):
        return _("CoordinateExplorer: rotate {angle:.0f}°, shift ({dx:.2f}, {dy:.2f}) → "
                 "accuracy of x > 0 → black: {accuracy:.3f}").format(
            angle=self.angle, dx=self.dx, dy=self.dy, accuracy=self.accuracy)
