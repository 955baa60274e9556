"""Figures of the classical models (:mod:`helpers.classical`, notebook 04): what each model does to
the plane, and how its training went.

A trained model colours every spot of the plane with the class it would predict there (its
*decision regions*); the training and test points are drawn on top. Side-by-side panels compare
models, feature maps, or the course's model with scikit-learn's.
"""
import numpy as np

from ..i18n import N_, _
from .core import (MAX_WIDTH_IN, TEXT_PT, draw_decision_regions, log_scale, new_figure,
                   translated)

__all__ = ["draw_model", "plot_models", "plot_loss_curve", "plot_perceptron_mistakes"]


def _accuracy(model, X, y):
    return float(np.mean(np.asarray(model.predict(X)) == np.asarray(y)))


def draw_model(ax, model, X_train, y_train, X_test=None, y_test=None, title=None,
               resolution=120, labels=None, legend=True):
    """Decision regions of a trained ``model`` on ``ax`` with the training points (circles) and
    test points (triangles); the title gives the test accuracy when test data is given.
    Returns the :class:`~helpers.plots.core.DecisionMap` (``legend=False`` leaves the legend to
    the caller, who can use its ``legend_handles()``)."""
    regions = draw_decision_regions(ax, model.predict, X_train, y_train, labels=labels,
                                    X_test=X_test, y_test=y_test, resolution=resolution,
                                    legend=legend)
    text = "" if title is None else translated(title)
    if X_test is not None:
        text += "\n" + _("test accuracy {accuracy:.3f}").format(
            accuracy=_accuracy(model, X_test, y_test))
    ax.set_title(text.strip(), fontsize=TEXT_PT + 1)
    return regions


def plot_models(models, X_train, y_train, X_test=None, y_test=None, height=3.3,
                suptitle=None, labels=None):
    """One panel per trained model (a dict title -> model), side by side, with one legend
    underneath; returns the Figure (never wider than the notebook's output area)."""
    width = min(3.4, MAX_WIDTH_IN / len(models))
    fig, axes = new_figure(1, len(models), width=width, height=height)
    axes = np.atleast_1d(axes)
    for ax, (title, model) in zip(axes, models.items()):
        regions = draw_model(ax, model, X_train, y_train, X_test, y_test, title=title,
                             labels=labels, legend=False)
    fig.legend(handles=regions.legend_handles(), loc="outside lower center", ncols=4,
               fontsize=TEXT_PT, frameon=False)
    if suptitle:
        fig.suptitle(translated(suptitle), fontsize=TEXT_PT + 2)
    return fig


def plot_loss_curve(losses, title=N_("Training: the loss after each step"), label=None):
    """The loss after every step of gradient descent (one or several curves, a dict of them)."""
    curves = losses if isinstance(losses, dict) else {label or N_("loss"): losses}
    fig, ax = new_figure(width=5.0, height=3.0)
    for name, values in curves.items():
        ax.plot(np.arange(1, len(values) + 1), values, label=translated(name), lw=1.8)
    log_scale(ax.xaxis)
    ax.set_xlabel(_("step of gradient descent (log scale)"))
    ax.set_ylabel(_("loss (cross-entropy + penalty)"))
    ax.set_title(translated(title), fontsize=TEXT_PT + 1)
    ax.legend(fontsize=TEXT_PT)
    ax.grid(alpha=0.3)
    return fig


def plot_perceptron_mistakes(curves,
                             title=N_("Perceptron: mistakes in each pass over the data")):
    """Mistakes per epoch for one or more perceptrons (a dict label -> ``mistakes_``)."""
    fig, ax = new_figure(width=5.0, height=3.0)
    for name, mistakes in curves.items():
        ax.plot(np.arange(1, len(mistakes) + 1), mistakes, marker="o", ms=3, lw=1.5,
                label=translated(name))
    ax.set_xlabel(_("epoch (one pass over the training points)"))
    ax.set_ylabel(_("mistakes (updates) in the epoch"))
    ax.set_title(translated(title), fontsize=TEXT_PT + 1)
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=TEXT_PT, frameon=False)
    ax.grid(alpha=0.3)
    return fig
