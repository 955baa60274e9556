"""The digit inspector: pick a test image and watch it pass through every layer of a network.

This is the book's figure of a digit going through a network (Chollet, *Deep Learning with
Python*, chapter 1) made live. One panel per representation: the 8×8 input, the output of every
layer as a small heat map, the final scores and the class probabilities. A slider picks the test
image; two buttons jump to the previous or next image the network gets wrong.
"""

import ipywidgets as W
import numpy as np

from ..digits import layer_names, mistakes
from ..i18n import N_, _
from ..plots.digits import LayerPanels
from ..validation import as_2d, as_labels
from .base import CourseWidget, FigureView, fit_width

__all__ = ["DigitInspector"]


def _limits(reps):
    """A colour range per representation that fits nearly every image (99th percentile)."""
    limits = []
    for k, rep in enumerate(reps):
        if k == 0:
            limits.append(1.0)
        elif k == len(reps) - 1:
            limits.append(float(np.abs(rep).max()) * 1.05 or 1.0)
        else:
            limits.append(float(np.percentile(np.abs(rep), 99)) or 1.0)
    return limits


class DigitInspector(CourseWidget):
    """Inspect how ``model`` sees the images ``X`` (rows of 64 pixels) with true labels ``y``.

    Methods: ``select(i)`` shows image i; ``next_mistake()`` / ``previous_mistake()`` jump between
    the images the network gets wrong; ``shown()`` returns what each panel currently displays.
    """

    def __init__(self, model, X, y, index=0):
        self.model = model
        self.X = as_2d(X, "X", n_features=64, what=N_("the inspector (8×8 digits)"))
        self.y = as_labels(y, n_samples=len(self.X), name="y")
        self.reps = model.representations(self.X)          # every layer, every image, once
        self.proba = model.predict_proba(self.X)
        self.predicted = self.proba.argmax(axis=1)
        self.mistake_indices = mistakes(self.proba, self.y)
        self.names = layer_names(model)
        self.panels = LayerPanels(self.names, [r.shape[1] for r in self.reps], _limits(self.reps))
        self.index = None

        n = len(self.X)
        self.index_slider = W.IntSlider(value=0, min=0, max=n - 1, description=_("test image"),
                                        continuous_update=True,
                                        style={"description_width": fit_width(
                                            "", _("test image"), extra=8)},
                                        layout=W.Layout(width="420px"))
        previous, later = _("◀ previous mistake"), _("next mistake ▶")
        buttons = W.Layout(width=fit_width("150px", previous, later, extra=24))
        self.previous_mistake_button = W.Button(description=previous, layout=buttons)
        self.next_mistake_button = W.Button(description=later, layout=buttons)
        self.status = W.HTML()
        self.status.add_class("course-status")   # the browser tests read this text
        self.index_slider.observe(self._on_slider, names="value")
        self.previous_mistake_button.on_click(lambda _: self._safely(self.previous_mistake))
        self.next_mistake_button.on_click(lambda _: self._safely(self.next_mistake))
        # ~60 tick labels and titles stay still: draw them once, then only what moves
        self.view = FigureView(self.panels.fig, dpi=LayerPanels.DPI,
                               moving=self.panels.moving_artists())
        self.select(index)
        self.ui = W.VBox([W.HBox([self.index_slider, self.previous_mistake_button,
                                  self.next_mistake_button]), self.status, self.view.image])

    # ----- actions ------------------------------------------------------------------------------
    def select(self, index):
        """Show test image ``index`` in every panel."""
        if isinstance(index, bool) or not isinstance(index, (int, np.integer)):
            raise TypeError(_("index must be a whole number, got {index!r}.").format(
                index=index))
        if not 0 <= index < len(self.X):
            raise ValueError(_("index must be between 0 and {last}, got {index}.").format(
                last=len(self.X) - 1, index=index))
        self.index = int(index)
        if self.index_slider.value != self.index:
            self.index_slider.value = self.index           # its observer calls select again
            return
        i = self.index
        true, predicted, p = int(self.y[i]), int(self.predicted[i]), self.proba[i]
        if true == predicted:
            title = _("Test image {i}: true class {true}, the network says {predicted} "
                      "({p:.0%}), right")
        else:
            title = _("Test image {i}: true class {true}, the network says {predicted} "
                      "({p:.0%}), WRONG")
        self.panels.update([rep[i] for rep in self.reps], p, true,
                           title.format(i=i, true=true, predicted=predicted, p=p[predicted]))
        colour = "#1a7f37" if true == predicted else "#b42318"
        self.status.value = _("<b>test image {i}</b>: true class {true}, predicted "
                              "<b style='color:{colour}'>{predicted}</b> with probability "
                              "{p:.2f} · the network gets {wrong} of {n} test images "
                              "wrong").format(
            i=i, true=true, colour=colour, predicted=predicted, p=p[predicted],
            wrong=len(self.mistake_indices), n=len(self.X))
        self.view.refresh()

    def next_mistake(self):
        """Jump to the next image the network gets wrong (wrapping around to the first)."""
        return self._jump(+1)

    def previous_mistake(self):
        """Jump to the previous image the network gets wrong (wrapping around to the last)."""
        return self._jump(-1)

    def _jump(self, direction):
        wrong = self.mistake_indices
        if len(wrong) == 0:
            self.status.value = _("The network gets every one of these images right: no "
                                  "mistakes.")
            return self.index
        if direction > 0:
            later = wrong[wrong > self.index]
            target = later[0] if len(later) else wrong[0]
        else:
            earlier = wrong[wrong < self.index]
            target = earlier[-1] if len(earlier) else wrong[-1]
        self.select(int(target))
        return self.index

    # ----- reading the state ----------------------------------------------------------------------
    def shown(self):
        """What each panel displays now, as flat arrays: each representation, then probabilities."""
        values = []
        for k, artist in enumerate(self.panels.artists):
            if k == len(self.panels.artists) - 1:
                values.append(np.array([bar.get_height() for bar in artist]))
            else:
                values.append(np.asarray(artist.get_array(), dtype=float).ravel())
        values.append(np.array([bar.get_height() for bar in self.panels.prob_bars]))
        return values

    def summary(self):
        i = self.index
        p = self.proba[i, self.predicted[i]]
        return _("DigitInspector: test image {i} of {n}, true {true}, predicted {predicted} "
                 "(p={p:.2f}), {mistakes} mistakes").format(
            i=i, n=len(self.X), true=int(self.y[i]), predicted=int(self.predicted[i]), p=p,
            mistakes=len(self.mistake_indices))

    # ----- handlers (never raise into ipywidgets) -------------------------------------------------
    def _on_slider(self, change):
        self._safely(self.select, int(change["new"]))

