"""What every course widget shares: a figure shown as an image that updates in place.

A widget subclasses :class:`CourseWidget`, builds its controls and a :class:`FigureView`, puts
them in ``self.ui`` and implements ``summary()``. Its controls call ordinary methods, which change
the state and call ``self.view.refresh()`` after updating the figure's artists.

Displaying the widget in a notebook stores three things: the live widget (for JupyterLab), a PNG
of its current state (for GitHub, nbviewer and other static viewers) and ``summary()`` as plain
text, which is what nbval compares, so it must be stable.
"""
import io

import ipywidgets as W
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

__all__ = ["CourseWidget", "FigureView"]


class FigureView:
    """A matplotlib Figure shown in an ``ipywidgets.Image`` that is re-rendered on refresh().

    For speed, the layout is computed once on the first draw and then frozen (axes keep their
    places; their contents, limits and texts still update), and PNGs are written with light
    compression: a redraw costs about 10-30 ms instead of 60.
    """

    def __init__(self, fig, dpi=80):
        self.fig = fig
        fig.set_dpi(dpi)
        self.canvas = FigureCanvasAgg(fig)
        self.canvas.draw()                      # lay out once with the figure's layout engine
        fig.set_layout_engine("none")           # ... then keep that layout
        width = int(round(fig.get_figwidth() * dpi))
        # shown at its own size: stretching a PNG to the page's width would blur it
        self.image = W.Image(format="png", layout=W.Layout(width=f"{width}px",
                                                           max_width="100%"))
        self.renders = 0
        self.refresh()

    def png(self):
        """The figure as PNG bytes, drawn now."""
        self.canvas.draw()
        buffer = io.BytesIO()
        Image.fromarray(np.asarray(self.canvas.buffer_rgba())).save(buffer, format="png",
                                                                    compress_level=1)
        return buffer.getvalue()

    def refresh(self):
        """Draw the figure again and send the new picture to the browser."""
        self.image.value = self.png()
        self.renders += 1


class CourseWidget:
    """Base class: ``ui`` (the ipywidgets container), ``view`` (a FigureView), ``summary()``."""

    ui = None
    view = None

    def summary(self):
        """One stable line describing the current state (shown as plain text)."""
        return type(self).__name__

    def __repr__(self):
        return self.summary()

    def _repr_mimebundle_(self, include=None, exclude=None):
        # Stable CSS classes let the browser tests find this widget on the page.
        self.ui.add_class("course-widget")
        self.ui.add_class(f"course-{type(self).__name__}")
        data = dict(self.ui._repr_mimebundle_() or {})
        data["text/plain"] = self.summary()
        if self.view is not None:
            data["image/png"] = self.view.png()
        return data
