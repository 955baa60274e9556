"""The coordinate-change explorer of notebook 03: rotate and shift the points by hand and watch
how often the fixed rule "x > 0 → black" is right.

The example (white and black points that a change of coordinates makes separable by x > 0) is
from François Chollet, *Deep Learning with Python*, chapter 1.
"""
import ipywidgets as W
import numpy as np

from .. import scoreboard
from ..plots.core import new_figure
from ..plots.search import draw_before_after, update_boundary
from ..search import change_coordinates, x_rule_accuracy
from ..validation import as_2d, as_labels
from .base import CourseWidget, FigureView

__all__ = ["CoordinateExplorer"]


class CoordinateExplorer(CourseWidget):
    """Angle and shift sliders; the points before (left) and after (right) the change.

    ``X, y`` default to the training part of the running example's fixed split. Methods:
    ``set_transform(angle, dx, dy)``, ``update()``; state: ``angle``, ``dx``, ``dy``,
    ``X_new`` and ``accuracy``.
    """

    def __init__(self, X=None, y=None, angle=0.0, dx=0.0, dy=0.0):
        if X is None:
            X, y, _, _ = scoreboard.running_example_split()
        self.X = as_2d(X, "X", n_features=2, what="the explorer (points in the plane)")
        self.y = as_labels(y, n_samples=len(self.X))
        style = {"description_width": "70px"}
        layout = W.Layout(width="330px")
        self.angle_slider = W.FloatSlider(value=angle, min=-180, max=180, step=1,
                                          description="angle (°)", style=style, layout=layout)
        self.dx_slider = W.FloatSlider(value=dx, min=-3, max=3, step=0.05, description="shift x",
                                       style=style, layout=layout)
        self.dy_slider = W.FloatSlider(value=dy, min=-3, max=3, step=0.05, description="shift y",
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
            self.status.value = f"<b>Problem:</b> {exc}"
            return
        self.accuracy = x_rule_accuracy(self.X_new, self.y)
        for scatter, label in zip(self.artists["after"], np.unique(self.y)):
            scatter.set_offsets(self.X_new[self.y == label])
        update_boundary(self.artists["boundary"], self.X, self.angle, (self.dx, self.dy))
        self._right.set_title(f"new coordinates: x > 0 → black is {self.accuracy:.1%} right",
                             fontsize=10)
        right = int(round(self.accuracy * len(self.y)))
        self.status.value = (f'Accuracy of the rule "x > 0 → black": <b>{self.accuracy:.3f}</b> '
                             f"({right} of {len(self.y)} points right)")
        if refresh and self.view is not None:
            self.view.refresh()

    def summary(self):
        return (f"CoordinateExplorer: rotate {self.angle:.0f}°, shift ({self.dx:.2f}, "
                f"{self.dy:.2f}) → accuracy of x > 0 → black: {self.accuracy:.3f}")
