"""The building blocks every course figure uses: points by class and decision regions.

Conventions: class colours come from :data:`CLASS_COLORS` (the running example's two classes are
drawn white and black, as in the book's figure), every axis gets a label, and every figure a
title and a legend where colours mean something.
"""
import io

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

__all__ = ["CLASS_COLORS", "new_figure", "plot_points", "plot_decision_regions", "grid_for",
           "figure_to_png", "REGION_COLORS"]

#: Marker face colours by class label; class 0 white and class 1 black, like the book's figure.
CLASS_COLORS = ["#ffffff", "#000000", "#e69f00", "#56b4e9", "#009e73", "#cc79a7"]
#: Background tints for each class's region (light, so points stay visible).
REGION_COLORS = ["#f3d9b1", "#9fb8d9", "#f7e1a0", "#b9def2", "#a8dcc8", "#ecc6dd"]


def new_figure(nrows=1, ncols=1, width=4.0, height=3.6, **kwargs):
    """A Figure with a grid of axes, made without pyplot (so it is never shown twice).

    Returns ``(fig, axes)``; ``axes`` is a single Axes for a 1×1 grid, otherwise an array.
    """
    fig = Figure(figsize=(width * ncols, height * nrows), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=True, **kwargs)
    return fig, axes


def plot_points(ax, X, y, labels=None, size=22, alpha=1.0, marker="o", edge="#333333",
                legend=True):
    """Scatter points coloured by class; returns the list of artists, one per class."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    artists = []
    for k in np.unique(y):
        mask = y == k
        name = labels[int(k)] if labels is not None else f"class {int(k)}"
        artists.append(ax.scatter(X[mask, 0], X[mask, 1], s=size, c=CLASS_COLORS[int(k) % 6],
                                  edgecolors=edge, linewidths=0.7, alpha=alpha, marker=marker,
                                  label=name, zorder=3))
    if legend and len(artists):
        ax.legend(loc="upper right", fontsize=8, framealpha=0.8)
    return artists


def grid_for(X, resolution=120, margin=0.5):
    """A square grid covering the points plus a margin: returns (xx, yy, grid_points)."""
    X = np.asarray(X, dtype=float)
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    xs = np.linspace(lo[0], hi[0], resolution)
    ys = np.linspace(lo[1], hi[1], resolution)
    xx, yy = np.meshgrid(xs, ys)
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])


def plot_decision_regions(ax, predict, X, y, labels=None, resolution=120, margin=0.5,
                          n_classes=None, points=True):
    """Colour the plane by the class ``predict`` gives each spot, then draw the points.

    ``predict`` maps an (m, 2) array to m integer labels. Returns the image artist, so a widget
    can update it in place with ``image.set_data(...)``.
    """
    xx, yy, grid = grid_for(X, resolution, margin)
    y = np.asarray(y)
    if n_classes is None:
        n_classes = int(max(y.max(), 1)) + 1
    regions = np.asarray(predict(grid)).reshape(xx.shape)
    cmap = ListedColormap(REGION_COLORS[:n_classes])
    image = ax.imshow(regions, origin="lower", extent=(xx.min(), xx.max(), yy.min(), yy.max()),
                      cmap=cmap, vmin=-0.5, vmax=n_classes - 0.5, aspect="auto",
                      interpolation="nearest", zorder=1)
    if points:
        plot_points(ax, X, y, labels=labels)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    return image


def figure_to_png(fig, dpi=80):
    """Render a Figure to PNG bytes (for image widgets and static fallbacks)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def _show_figures_in_notebooks():
    """Let a cell that ends with a Figure display it as a PNG (pyplot is never imported, so
    IPython's inline backend has not registered a formatter for Figure objects)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    formatter = shell.display_formatter.formatters["image/png"]
    formatter.for_type(Figure, lambda fig: figure_to_png(fig, dpi=100))


_show_figures_in_notebooks()
