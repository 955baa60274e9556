"""Figures for notebook 04: what each classical model does to the plane.

A trained model colours every spot of the plane with the class it would predict there (its
*decision regions*); the training and test points are drawn on top. Side-by-side panels compare
models, feature maps, or the course's model with scikit-learn's.
"""
import numpy as np
from matplotlib.lines import Line2D

from .core import CLASS_COLORS, new_figure, plot_decision_regions

__all__ = ["plot_model", "compare_models", "plot_loss_curve", "plot_perceptron_mistakes"]


def _accuracy(model, X, y):
    return float(np.mean(np.asarray(model.predict(X)) == np.asarray(y)))


def plot_model(ax, model, X_train, y_train, X_test=None, y_test=None, title=None,
               resolution=120, labels=None):
    """Decision regions of a trained ``model`` with the training points (circles) and test
    points (triangles); the title gives the test accuracy when test data is given."""
    X_all = X_train if X_test is None else np.vstack([X_train, X_test])
    n_classes = int(max(np.max(y_train), 1 if y_test is None else np.max(y_test))) + 1
    image = plot_decision_regions(ax, model.predict, X_all, y_train, resolution=resolution,
                                  n_classes=n_classes, points=False)
    _points(ax, X_train, y_train, "o")
    handles = [Line2D([], [], ls="", marker="o", mfc=CLASS_COLORS[k], mec="#333333",
                      label=(labels[k] if labels else f"class {k}")) for k in range(n_classes)]
    text = "" if title is None else title
    if X_test is not None:
        _points(ax, X_test, y_test, "^")
        handles.append(Line2D([], [], ls="", marker="^", mfc="#bbbbbb", mec="#333333",
                              label="test point"))
        text += f"\ntest accuracy {_accuracy(model, X_test, y_test):.3f}"
    ax.legend(handles=handles, loc="upper right", fontsize=7, framealpha=0.85)
    ax.set_title(text.strip(), fontsize=10)
    return image


def _points(ax, X, y, marker):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    colours = [CLASS_COLORS[int(k) % len(CLASS_COLORS)] for k in y]
    ax.scatter(X[:, 0], X[:, 1], c=colours, marker=marker, s=20 if marker == "o" else 30,
               edgecolors="#333333", linewidths=0.6, zorder=3)


def compare_models(models, X_train, y_train, X_test=None, y_test=None, width=3.4, height=3.3,
                   suptitle=None, labels=None):
    """One panel per trained model (a dict title -> model), side by side; returns the Figure."""
    fig, axes = new_figure(1, len(models), width=width, height=height)
    axes = np.atleast_1d(axes)
    for ax, (title, model) in zip(axes, models.items()):
        plot_model(ax, model, X_train, y_train, X_test, y_test, title=title, labels=labels)
    if suptitle:
        fig.suptitle(suptitle, fontsize=11)
    return fig


def plot_loss_curve(losses, title="Training: the loss after each step", label=None):
    """The loss after every step of gradient descent (one or several curves, a dict of them)."""
    curves = losses if isinstance(losses, dict) else {label or "loss": losses}
    fig, ax = new_figure(width=5.0, height=3.0)
    for name, values in curves.items():
        ax.plot(np.arange(1, len(values) + 1), values, label=name, lw=1.8)
    ax.set_xscale("log")
    ax.set_xlabel("step of gradient descent (log scale)")
    ax.set_ylabel("loss (cross-entropy + penalty)")
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    return fig


def plot_perceptron_mistakes(curves,
                             title="Perceptron: mistakes in each pass over the data"):
    """Mistakes per epoch for one or more perceptrons (a dict label -> ``mistakes_``)."""
    fig, ax = new_figure(width=5.0, height=3.0)
    for name, mistakes in curves.items():
        ax.plot(np.arange(1, len(mistakes) + 1), mistakes, marker="o", ms=3, lw=1.5, label=name)
    ax.set_xlabel("epoch (one pass over the training points)")
    ax.set_ylabel("mistakes (updates) in the epoch")
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    return fig
