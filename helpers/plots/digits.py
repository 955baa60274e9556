"""Figures of the 8×8 digits (:mod:`helpers.digits`, notebook 07): pictures, learning curves, the
layers, mistakes and projections.

The ink of a digit is drawn dark on a light background, as on paper. Hidden layers are drawn as
small heat maps (each number one square, blue below zero, white at zero, red above) with the same
colour range for every image, so two digits can be compared square by square.
"""
import re

import numpy as np
from matplotlib.colors import to_hex

from ..i18n import N_, _
from ..validation import as_2d, as_labels
from .core import (MAX_WIDTH_IN, OUTPUT_WIDTH_PX, TEXT_PT, course_figure, log_scale, new_figure,
                   translated)

__all__ = ["DIGIT_COLORS", "draw_digit", "plot_examples", "plot_learning_curves",
           "plot_confusion_matrix", "plot_mistakes", "plot_projections", "plot_separation",
           "layer_grid_shape", "LayerPanels"]

#: One colour per digit 0–9 (matplotlib's "tab10" palette, readable for most colour vision).
DIGIT_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]


def layer_title(name):
    """A name of ``helpers.digits.layer_names`` as a figure shows it: "input: 64 pixels" and
    "...: scores" are translated; layer names such as "Dense(64, 96)" are code and stay."""
    found = re.fullmatch(r"input: (\d+) pixels", name)
    if found:
        return _("input: {n} pixels").format(n=found.group(1))
    if name.endswith(": scores"):
        return _("{layer}: scores").format(layer=name[:-len(": scores")])
    return translated(name)


def draw_digit(ax, pixels, title=None):
    """Draw 64 pixel values in [0, 1] as an 8×8 picture (ink dark); returns the image artist."""
    pixels = np.asarray(pixels, dtype=float).reshape(8, 8)
    image = ax.imshow(pixels, cmap="gray_r", vmin=0.0, vmax=1.0, interpolation="nearest")
    ax.set_xticks([])
    ax.set_yticks([])
    if title is not None:
        ax.set_title(title, fontsize=TEXT_PT)
    return image


def plot_examples(X, y, indices, ncols=8, title=N_("Some of the images, with their labels")):
    """A grid of digits, each titled with its label."""
    X = as_2d(X, "X", n_features=64, what="an 8×8 digit")
    y = as_labels(y, n_samples=len(X), name="y")
    indices = [int(i) for i in np.asarray(indices).ravel()]
    if not indices:
        raise ValueError(_("indices is empty; pass the positions of the images to draw."))
    ncols = min(ncols, len(indices))
    nrows = -(-len(indices) // ncols)
    fig, axes = new_figure(nrows, ncols, width=min(1.15, MAX_WIDTH_IN / ncols), height=1.35)
    axes = np.atleast_1d(axes).ravel()
    for ax, i in zip(axes, indices):
        draw_digit(ax, X[i], _("label {label}").format(label=y[i]))
    for ax in axes[len(indices):]:
        ax.set_visible(False)
    fig.suptitle(translated(title))
    return fig


def plot_learning_curves(history, title=N_("Learning curves")):
    """Loss and accuracy per epoch, training data vs validation data, side by side."""
    h = getattr(history, "history", history)
    if "loss" not in h:
        raise ValueError(_("history has no 'loss'; pass what model.fit(...) returned."))
    fig, (ax_loss, ax_acc) = new_figure(1, 2, width=4.2, height=3.2)
    epochs = np.arange(1, len(h["loss"]) + 1)
    for ax, key, name in ((ax_loss, "loss", N_("loss (lower is better)")),
                          (ax_acc, "accuracy", N_("accuracy (higher is better)"))):
        if key not in h:
            ax.set_visible(False)
            continue
        ax.plot(epochs, h[key], color="#1f77b4", lw=2, label=_("training images"))
        if "val_" + key in h:
            ax.plot(epochs, h["val_" + key], color="#d62728", lw=2, ls="--",
                    label=_("validation images (held out)"))
        ax.set_xlabel(_("epoch (one pass over the training images)"))
        ax.set_ylabel(_(name))
        ax.grid(alpha=0.3)
        ax.legend(fontsize=TEXT_PT)
    log_scale(ax_loss.yaxis)
    ax_loss.set_title(_("Loss"))
    ax_acc.set_title(_("Accuracy"))
    fig.suptitle(translated(title))
    return fig


def plot_confusion_matrix(cm, title=N_("Confusion matrix (test images)")):
    """The counts ``cm[true, predicted]`` as a grid with the numbers written in."""
    cm = np.asarray(cm)
    if cm.ndim != 2 or cm.shape[0] != cm.shape[1]:
        raise ValueError(_("a confusion matrix is square (classes × classes); got shape "
                           "{shape}. Make one with helpers.digits.confusion_matrix.").format(
                               shape=cm.shape))
    k = len(cm)
    fig, ax = new_figure(width=5.0, height=4.4)
    off = cm.astype(float).copy()
    np.fill_diagonal(off, np.nan)
    ax.imshow(np.diag(np.diag(cm)).astype(float), cmap="Greens", vmin=0, vmax=cm.max() * 1.6)
    ax.imshow(off, cmap="Reds", vmin=0, vmax=max(1, np.nanmax(off) if k > 1 else 1) * 1.4)
    for t in range(k):
        for p in range(k):
            if cm[t, p]:
                ax.text(p, t, str(cm[t, p]), ha="center", va="center", fontsize=TEXT_PT,
                        color="black", fontweight="bold" if t != p else "normal")
    ax.set_xticks(range(k))
    ax.set_yticks(range(k))
    ax.set_xlabel(_("predicted class"))
    ax.set_ylabel(_("true class"))
    ax.set_title(translated(title) + "\n" + _("(diagonal: correct, green; off it: mistakes, red)"),
                 fontsize=TEXT_PT + 1)
    return fig


def plot_mistakes(X, y_true, proba, indices, ncols=4, title=N_("The network's worst mistakes")):
    """A gallery: each chosen image with its true label, the prediction and all 10 probabilities."""
    X = as_2d(X, "X", n_features=64, what="an 8×8 digit")
    proba = as_2d(proba, "proba")
    y_true = as_labels(y_true, n_samples=len(X), name="y_true")
    indices = [int(i) for i in np.asarray(indices).ravel()]
    if not indices:
        fig, ax = new_figure(width=4, height=1.2)
        ax.axis("off")
        ax.text(0.5, 0.5, _("no mistakes to show"), ha="center", va="center")
        ax.set_title(translated(title))
        return fig
    ncols = min(ncols, len(indices))
    nrows = -(-len(indices) // ncols)
    fig = course_figure((min(2.3, MAX_WIDTH_IN / ncols) * ncols, 3.0 * nrows))
    grid = fig.add_gridspec(2 * nrows, ncols, height_ratios=[1.5, 1.0] * nrows)
    classes = np.arange(proba.shape[1])
    for n, i in enumerate(indices):
        r, c = divmod(n, ncols)
        ax_img = fig.add_subplot(grid[2 * r, c])
        predicted = int(proba[i].argmax())
        draw_digit(ax_img, X[i], _("test image {index}\ntrue {true}, predicted {predicted}").format(
            index=i, true=y_true[i], predicted=predicted))
        ax_bar = fig.add_subplot(grid[2 * r + 1, c])
        colours = ["#bbbbbb"] * len(classes)
        colours[predicted] = "#d62728"
        colours[y_true[i]] = "#2ca02c"
        ax_bar.bar(classes, proba[i], color=colours)
        ax_bar.set_ylim(0, 1)
        ax_bar.set_xticks(classes)
        ax_bar.tick_params(labelsize=TEXT_PT - 1)
        ax_bar.set_xlabel(_("class"), fontsize=TEXT_PT)
        ax_bar.set_ylabel(_("probability"), fontsize=TEXT_PT)
    fig.suptitle(translated(title) + " " + _("(bars: red = predicted, green = true class)"))
    return fig


def plot_projections(projections, y, titles,
                     title=N_("Test images in 2-D (PCA), coloured by class")):
    """Side-by-side scatter plots of 2-D projections, points coloured by their class."""
    y = as_labels(y, name="y")
    fig, axes = new_figure(1, len(projections),
                           width=min(3.8, (MAX_WIDTH_IN - 0.6) / len(projections)), height=3.3)
    axes = np.atleast_1d(axes)
    for ax, Z, name in zip(axes, projections, titles):
        Z = as_2d(Z, "projection", n_features=2, what="a 2-D scatter plot")
        for k in np.unique(y):
            mask = y == k
            ax.scatter(Z[mask, 0], Z[mask, 1], s=9, color=DIGIT_COLORS[int(k) % 10], alpha=0.75,
                       label=str(int(k)))
            cx, cy = np.median(Z[mask], axis=0)
            ax.text(cx, cy, str(int(k)), fontsize=13, fontweight="bold", ha="center",
                    va="center", color="black",
                    bbox=dict(boxstyle="circle,pad=0.15", fc=DIGIT_COLORS[int(k) % 10],
                              ec="none", alpha=0.6))
        ax.set_title(translated(name), fontsize=TEXT_PT)
        ax.set_xlabel(_("1st principal component"))
        ax.set_ylabel(_("2nd principal component"))
        ax.set_xticks([])
        ax.set_yticks([])
    axes[-1].legend(title=_("class"), fontsize=TEXT_PT, title_fontsize=TEXT_PT, loc="center left",
                    bbox_to_anchor=(1.0, 0.5), markerscale=2)
    fig.suptitle(translated(title))
    return fig


def plot_separation(table, title=N_("How far apart are the classes, layer by layer?")):
    """Both separation numbers of a :class:`helpers.digits.SeparationTable` against the layer."""
    fig, ax = new_figure(width=7.5, height=3.4)
    steps = np.arange(len(table.names))
    ax.plot(steps, table.centroid_accuracy, "o-", color="#1f77b4", lw=2,
            label=_("nearest-centroid accuracy"))
    ax.plot(steps, table.silhouettes, "s--", color="#ff7f0e", lw=2, label=_("silhouette"))
    for values, colour in ((table.centroid_accuracy, "#1f77b4"), (table.silhouettes, "#ff7f0e")):
        for x, v in zip(steps, values):
            ax.annotate(f"{v:.2f}", (x, v), textcoords="offset points", xytext=(0, 7),
                        ha="center", fontsize=TEXT_PT, color=colour)
    ax.set_xticks(steps)
    ax.set_xticklabels([layer_title(n).replace(": ", "\n") for n in table.names],
                       fontsize=TEXT_PT)
    ax.set_xlabel(_("representation (from the pixels on the left to the scores on the right)"))
    ax.set_ylabel(_("score (higher = classes further apart)"))
    ax.set_ylim(0, 1.05)
    ax.set_xlim(-0.6, len(steps) - 0.4)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=TEXT_PT, frameon=False)
    ax.set_title(translated(title))
    return fig


def layer_grid_shape(width):
    """The most square (rows, columns) grid that holds ``width`` numbers exactly (96 → 8×12)."""
    rows = int(np.sqrt(width))
    while width % rows:
        rows -= 1
    return rows, width // rows


class LayerPanels:
    """The seed's digit figure: one panel per representation, then the class probabilities.

    ``LayerPanels(names, widths, limits)`` draws empty panels once; ``update(reps, proba, label)``
    fills them for one image by changing the artists' data (fast enough for a widget). The input
    is an 8×8 picture, hidden layers are heat maps, the last layer's scores and the probabilities
    are bar charts. ``limits[k]`` fixes the colour range (or the bar range) of panel ``k``.
    """

    #: The resolution a widget shows the panels at; they are sized to fit the output area there.
    DPI = 80

    def __init__(self, names, widths, limits, panel_width=None, height=3.3):
        self.names, self.widths, self.limits = list(names), list(widths), list(limits)
        n = len(self.names) + 1
        if panel_width is None:       # the whole row fits JupyterLab's output area at 80 dpi
            panel_width = (OUTPUT_WIDTH_PX - 8) / self.DPI / n
        self.fig, axes = new_figure(1, n, width=panel_width, height=height)
        self.axes = list(axes)
        self.artists = []
        last = len(self.names) - 1
        for k, (ax, name, width, lim) in enumerate(zip(self.axes, self.names, self.widths,
                                                       self.limits)):
            if k == 0 and width == 64:
                image = draw_digit(ax, np.zeros(64))
                self.artists.append(image)
                self._colour_bar(image, ax, _("ink (0 to 1)"), [0, 1])
            elif k == last:
                bars = ax.bar(np.arange(width), np.zeros(width), color="#888888")
                ax.set_ylim(-lim, lim)
                self.zero_line = ax.axhline(0, color="black", lw=0.6)
                self._bar_axes(ax, width, _("score"))
                self.artists.append(bars)
            else:
                shape = layer_grid_shape(width)
                image = ax.imshow(np.zeros(shape), cmap="RdBu_r", vmin=-lim, vmax=lim,
                                  interpolation="nearest")
                self.artists.append(image)
                ax.set_xticks([])
                ax.set_yticks([])
                self._colour_bar(image, ax, _("{n} numbers ({rows}×{cols})").format(
                    n=width, rows=shape[0], cols=shape[1]), [-lim, 0, lim])
            ax.set_title(f"{k}. {layer_title(name)}".replace(": ", "\n"), fontsize=TEXT_PT)
        ax = self.axes[-1]
        self.prob_bars = ax.bar(np.arange(self.widths[-1]), np.zeros(self.widths[-1]),
                                color="#888888")
        ax.set_ylim(0, 1.05)
        self._bar_axes(ax, self.widths[-1], _("probability"))
        ax.set_title(_("probabilities\n(softmax of\nthe scores)"), fontsize=TEXT_PT)
        self.suptitle = self.fig.suptitle(" ", fontsize=TEXT_PT + 2)

    def _colour_bar(self, image, ax, label, ticks):
        """A colour bar under a picture panel, so its colours can be read as numbers."""
        bar = self.fig.colorbar(image, ax=ax, orientation="horizontal", fraction=0.08,
                                pad=0.04, aspect=12)
        bar.set_ticks(ticks, labels=[f"{t:.2g}" for t in ticks])
        bar.ax.tick_params(labelsize=TEXT_PT, length=2, pad=1)
        bar.set_label(label, fontsize=TEXT_PT, labelpad=1)

    @staticmethod
    def _bar_axes(ax, width, ylabel):
        """Class numbers under a bar chart; every other one when they would crowd."""
        ax.set_xticks(np.arange(0, width, 1 if width <= 10 else 2))
        ax.tick_params(labelsize=TEXT_PT, pad=1)
        ax.set_xlabel(_("class"), fontsize=TEXT_PT, labelpad=1)
        ax.set_ylabel(ylabel, fontsize=TEXT_PT, labelpad=1)

    def moving_artists(self):
        """Every artist ``update`` changes (images, bars, the title), for a blitting view."""
        moving = [self.suptitle]
        for ax, artist in zip(self.axes, self.artists + [self.prob_bars]):
            if hasattr(artist, "patches"):                  # a bar chart: every bar
                moving.extend(artist)
            else:                                           # an image, then its frame on top
                moving.extend([artist, *ax.spines.values()])
        moving.append(self.zero_line)
        return moving

    def update(self, reps, proba, true_label=None, title=""):
        """Show one image: ``reps`` (one 1-D array per panel) and its class probabilities."""
        predicted = int(np.argmax(proba))
        last = len(self.names) - 1
        for k, (artist, rep) in enumerate(zip(self.artists, reps)):
            rep = np.asarray(rep, dtype=float).ravel()
            if k == last:
                for j, (bar, v) in enumerate(zip(artist, rep)):
                    bar.set_height(v)
                    bar.set_color(self._colour(j, predicted, true_label))
            elif k == 0 and self.widths[0] == 64:
                artist.set_data(rep.reshape(8, 8))
            else:
                artist.set_data(rep.reshape(layer_grid_shape(len(rep))))
        for j, (bar, p) in enumerate(zip(self.prob_bars, np.asarray(proba, dtype=float))):
            bar.set_height(p)
            bar.set_color(self._colour(j, predicted, true_label))
        self.suptitle.set_text(title)

    @staticmethod
    def _colour(j, predicted, true_label):
        if j == predicted:
            return "#2ca02c" if true_label is None or predicted == true_label else "#d62728"
        if true_label is not None and j == true_label:
            return "#2ca02c"
        return to_hex("#aaaaaa")
