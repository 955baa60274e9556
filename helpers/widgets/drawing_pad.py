"""An 8×8 drawing pad: paint a digit square by square and watch the network's guess change.

The pad is a grid of 64 buttons. Clicking a square paints it with the chosen brush (by default
each click cycles it through blank → grey → black → blank). After every change the network reads
the 64 values, exactly as it reads a test image, and the bar chart shows its class probabilities.
"""
import numbers

import ipywidgets as W
import numpy as np
from matplotlib.colors import to_hex

from ..i18n import N_, _
from ..plots.core import new_figure
from ..plots.digits import draw_digit
from ..validation import as_2d, as_labels
from .base import CourseWidget, FigureView, choices, fit_width

__all__ = ["DrawingPad"]

#: Brushes: name → value painted (``None`` cycles through ``levels``).
BRUSHES = {N_("cycle"): None, N_("ink"): 1.0, N_("grey"): 0.5, N_("erase"): 0.0}


class DrawingPad(CourseWidget):
    """Draw on 8×8 squares (values 0 = blank to 1 = full ink) and get ``model``'s prediction.

    ``X_examples`` / ``y_examples`` (optional) are the test images the "load a test digit" button
    steps through. Methods: ``set_pixel(row, col, value)``, ``paint(row, col)`` (what a click
    does), ``set_image(pixels)``, ``clear()``, ``load_digit(i)``, ``predict()``.
    """

    def __init__(self, model, X_examples=None, y_examples=None, levels=(0.0, 0.5, 1.0),
                 cell_px=30):
        self.model = model
        self.levels = tuple(float(v) for v in levels)
        if self.levels[0] != 0.0 or any(not 0 <= v <= 1 for v in self.levels):
            raise ValueError(_("levels must start at 0 (blank) and lie in [0, 1], e.g. (0, 0.5, "
                               "1)."))
        self.X_examples = self.y_examples = None
        if X_examples is not None:
            self.X_examples = as_2d(X_examples, "X_examples", n_features=64,
                                    what=N_("the drawing pad (8×8 digits)"))
            if y_examples is not None:
                self.y_examples = as_labels(y_examples, n_samples=len(self.X_examples),
                                            name="y_examples")
        self.image = np.zeros((8, 8))
        self.next_example = 0
        self.source = _("blank pad")

        size = f"{cell_px}px"
        # one layout shared by the 64 squares: each widget object is a model the browser builds
        square = W.Layout(width=size, height=size, padding="0", margin="0",
                          border="1px solid #cccccc")
        self.buttons = [[W.Button(description="", layout=square,
                                  tooltip=_("row {row}, column {col}").format(row=r, col=c))
                         for c in range(8)] for r in range(8)]
        for r in range(8):
            for c in range(8):
                self.buttons[r][c].on_click(self._cell_handler(r, c))
        self.grid = W.GridBox([b for row in self.buttons for b in row],
                              layout=W.Layout(grid_template_columns=f"repeat(8, {size})",
                                              grid_gap="0px", width="max-content"))
        self.brush = W.ToggleButtons(options=choices(BRUSHES), value="cycle",
                                     description=_("brush"), style={"button_width": "60px"})
        self.clear_button = W.Button(description=_("clear"), icon="eraser")
        load = _("load a test digit")
        self.load_button = W.Button(description=load, icon="upload",
                                    disabled=self.X_examples is None,
                                    layout=W.Layout(width=fit_width(None, load, extra=40,
                                                                    default=148)))
        self.clear_button.on_click(lambda _: self._safely(self.clear))
        self.load_button.on_click(lambda _: self._safely(self.load_next))
        self.status = W.HTML()
        self.status.add_class("course-status")   # the browser tests read this text

        fig, (ax_img, ax) = new_figure(1, 2, width=3.0, height=3.0,
                                       gridspec_kw={"width_ratios": [1, 1.6]})
        self.picture = draw_digit(ax_img, self.image, _("what the network sees"))
        ax_img.set_xlabel(_("8×8 squares"))
        self.bars = ax.bar(np.arange(10), np.zeros(10), color="#aaaaaa")
        ax.set_ylim(0, 1.05)
        ax.set_xticks(np.arange(10))
        ax.set_xlabel(_("class"))
        ax.set_ylabel(_("probability"))
        self.title = ax.set_title(" ")
        moving = [self.picture, *ax_img.spines.values(), *self.bars, self.title]
        self.view = FigureView(fig, dpi=80, moving=moving)
        self._update()
        self.ui = W.VBox([self.brush,
                          W.HBox([self.grid, self.view.image],
                                 layout=W.Layout(align_items="center", grid_gap="16px")),
                          W.HBox([self.clear_button, self.load_button]), self.status])

    # ----- drawing ------------------------------------------------------------------------------
    def set_pixel(self, row, col, value):
        """Set one square (row and column 0–7) to ``value`` in [0, 1] and predict again."""
        row, col = self._check_cell(row, col)
        if isinstance(value, bool) or not isinstance(value, numbers.Real) \
                or not 0.0 <= float(value) <= 1.0:
            raise ValueError(_("value must be a number between 0 (blank) and 1 (full ink), "
                               "got {value!r}.").format(value=value))
        self.image[row, col] = float(value)
        self.source = _("your drawing")
        self._update()
        return self.predict()

    def get_pixel(self, row, col):
        row, col = self._check_cell(row, col)
        return float(self.image[row, col])

    def paint(self, row, col):
        """What clicking a square does: apply the brush (cycle: blank → grey → black → blank)."""
        row, col = self._check_cell(row, col)
        value = BRUSHES[self.brush.value]
        if value is None:
            current = self.image[row, col]
            higher = [v for v in self.levels if v > current + 1e-9]
            value = higher[0] if higher else self.levels[0]
        return self.set_pixel(row, col, value)

    def set_image(self, pixels, source=N_("your drawing")):
        """Replace the whole drawing with 64 values in [0, 1] (an 8×8 array or a flat row)."""
        arr = np.asarray(pixels, dtype=float)
        if arr.size != 64:
            raise ValueError(_("a drawing has 64 values (8×8), got {n}; pass an 8×8 array or a "
                               "row of 64 pixels.").format(n=arr.size))
        if not np.all(np.isfinite(arr)) or arr.min() < 0 or arr.max() > 1:
            raise ValueError(_("pixel values must lie between 0 (blank) and 1 (full ink)."))
        self.image = arr.reshape(8, 8).copy()
        self.source = _(source) if source else source     # what the status line says
        self._update()
        return self.predict()

    def clear(self):
        """Blank every square."""
        return self.set_image(np.zeros((8, 8)), source=N_("blank pad"))

    def load_digit(self, i):
        """Copy test image ``i`` onto the pad."""
        if self.X_examples is None:
            raise ValueError(_("this pad has no test images; create it with "
                               "DrawingPad(model, X_test, y_test)."))
        if isinstance(i, bool) or not isinstance(i, (int, np.integer)) \
                or not 0 <= i < len(self.X_examples):
            raise ValueError(_("i must be a whole number from 0 to {last}, got {i!r}.").format(
                last=len(self.X_examples) - 1, i=i))
        i = int(i)
        if self.y_examples is not None:
            source = _("test image {i} (a {label})").format(i=i, label=self.y_examples[i])
        else:
            source = _("test image {i}").format(i=i)
        self.next_example = (i + 1) % len(self.X_examples)
        return self.set_image(self.X_examples[i], source=source)

    def load_next(self):
        """What the "load a test digit" button does: load the next test image in order."""
        return self.load_digit(self.next_example)

    # ----- reading ------------------------------------------------------------------------------
    @property
    def pixels(self):
        """A copy of the drawing as an 8×8 array."""
        return self.image.copy()

    def probabilities(self):
        return self.model.predict_proba(self.image.reshape(1, 64))[0]

    def predict(self):
        """The network's answer for the drawing: (class, its probability)."""
        p = self.probabilities()
        k = int(p.argmax())
        return k, float(p[k])

    def summary(self):
        k, p = self.predict()
        return _("DrawingPad: {inked} of 64 squares inked ({source}); prediction {k} "
                 "(p={p:.2f})").format(inked=int((self.image > 0).sum()), source=self.source,
                                       k=k, p=p)

    # ----- internals ----------------------------------------------------------------------------
    @staticmethod
    def _check_cell(row, col):
        for name, v in (("row", row), ("col", col)):
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or not 0 <= v <= 7:
                raise ValueError(_("{name} must be a whole number from 0 to 7, got "
                                   "{value!r}.").format(name=name, value=v))
        return int(row), int(col)

    def _update(self):
        for r in range(8):
            for c in range(8):
                shade = 1.0 - self.image[r, c]
                self.buttons[r][c].style.button_color = to_hex((shade, shade, shade))
        self.picture.set_data(self.image)
        p = self.probabilities()
        k = int(p.argmax())
        for j, (bar, v) in enumerate(zip(self.bars, p)):
            bar.set_height(v)
            bar.set_color("#1f77b4" if j == k else "#aaaaaa")
        self.title.set_text(_("The network reads {k} (probability {p:.2f})").format(k=k,
                                                                                   p=p[k]))
        inked = int((self.image > 0).sum())
        self.status.value = _("Prediction <b>{k}</b> with probability {p:.2f} · {inked} of 64 "
                              "squares inked · showing: {source}").format(
            k=k, p=p[k], inked=inked, source=self.source)
        self.view.refresh()

    def _cell_handler(self, row, col):
        return lambda _: self._safely(self.paint, row, col)

