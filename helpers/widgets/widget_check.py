"""A tiny widget for notebook 00: proves that sliders, buttons and live plots work."""
import ipywidgets as W
import numpy as np

from ..i18n import _
from ..plots.core import TEXT_PT, new_figure
from .base import CourseWidget, FigureView

__all__ = ["WidgetCheck"]


class WidgetCheck(CourseWidget):
    """Move the slider: the line's slope and the label follow. Click the button: it counts."""

    def __init__(self, slope=1.0):
        self.slider = W.FloatSlider(value=slope, min=-3.0, max=3.0, step=0.5,
                                    description=_("slope"), continuous_update=True)
        self.button = W.Button(description=_("Click me"), icon="hand-pointer-o")
        self.label = W.Label()
        self.label.add_class("course-status")   # the browser tests read this text
        self.clicks = 0
        fig, self.ax = new_figure(width=3.6, height=2.6)
        self.xs = np.linspace(-1, 1, 50)
        (self.line,) = self.ax.plot(self.xs, slope * self.xs, color="#0072b2",
                                    label=_("y = slope·x"))
        self.ax.set(xlim=(-1, 1), ylim=(-3.2, 3.2), xlabel="x", ylabel="y",
                    title=_("A plot that follows the slider"))
        legend = self.ax.legend(loc="upper left", fontsize=TEXT_PT)
        # Only the line moves: the ticks, labels and title are drawn once and kept (a full
        # redraw of their text costs ten times more). What lies on top of the line (the axis
        # frame, the legend) is redrawn after it, in the order a full redraw uses.
        self.view = FigureView(fig, moving=[self.line, *self.ax.spines.values(), legend])
        self.slider.observe(lambda change: self._safely(self.set_slope, change["new"]),
                            names="value")
        self.button.on_click(lambda _: self._safely(self.click))
        self.ui = W.VBox([W.HBox([self.slider, self.button]), self.label, self.view.image])
        self._update_label()

    def show_problem(self, exc):
        """A problem is shown in the label (this widget has no other status line)."""
        self.label.value = _("Problem: {problem}").format(problem=exc)

    def set_slope(self, slope):
        """What the slider calls: redraw the line with the new slope."""
        self.line.set_ydata(float(slope) * self.xs)
        self.view.refresh()
        self._update_label()

    def click(self):
        """What the button calls: count the click."""
        self.clicks += 1
        self._update_label()

    def _update_label(self):
        self.label.value = _("slope = {slope:.1f} · button clicked {clicks} time(s) · if these "
                             "change when you use the controls, widgets work").format(
            slope=self.slider.value, clicks=self.clicks)

    def summary(self):
        return f"WidgetCheck(slope={self.slider.value:.1f}, clicks={self.clicks})"
