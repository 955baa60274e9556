"""A figure's pixels drawn by matplotlib's own Agg canvas and by the course's canvas, to compare
them pixel for pixel."""
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg

from helpers.plots._fast_text import FastTextCanvas


def plain_pixels(fig):
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


def fast_pixels(fig):
    canvas = FastTextCanvas(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()
