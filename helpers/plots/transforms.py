"""Figures of notebook 03: colour channels and masks, points before and after a change of
coordinates, and the search over coordinate changes step by step."""
import numpy as np
from matplotlib.patches import Patch

from .core import REGION_COLORS, new_figure, plot_points

__all__ = ["MISTAKE_COLORS", "selection_image", "mistakes_image", "plot_colour_channels",
           "plot_masks", "draw_before_after", "plot_before_after", "plot_search_landscape",
           "plot_search_snapshots", "mistakes_legend", "update_boundary"]

#: Colours of the mistakes picture: correctly left out, caught, missed, wrongly selected.
MISTAKE_COLORS = {"left out, right": "#f2f2f2", "caught": "#2ca02c", "missed": "#ff7f0e",
                  "wrongly selected": "#9467bd"}
_LABELS = ("white", "black")


def selection_image(rgb, mask):
    """The selected pixels in their own colours, everything else pale grey."""
    out = np.full(rgb.shape, 0.93)
    out[mask] = rgb[mask]
    return out


def mistakes_image(mask, target):
    """One colour per kind of pixel: caught (green), missed (orange), wrongly selected (purple)."""
    from matplotlib.colors import to_rgb

    out = np.empty(mask.shape + (3,))
    c = {k: to_rgb(v) for k, v in MISTAKE_COLORS.items()}
    out[...] = c["left out, right"]
    out[mask & target] = c["caught"]
    out[~mask & target] = c["missed"]
    out[mask & ~target] = c["wrongly selected"]
    return out


def mistakes_legend(ax):
    handles = [Patch(color=v, label=k) for k, v in MISTAKE_COLORS.items() if k != "left out, right"]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncols=3,
              fontsize=7, frameon=False, handlelength=1.0, columnspacing=0.8)


def plot_colour_channels(picture):
    """The picture, and each of its six channels (R, G, B and H, S, V) as a grey image."""
    fig, axes = new_figure(2, 4, width=2.6, height=2.3)
    rows = [("RGB", picture.rgb, ("red", "green", "blue")),
            ("HSV", picture.hsv, ("hue", "saturation", "value"))]
    for r, (space, pixels, names) in enumerate(rows):
        axes[r, 0].imshow(picture.rgb, interpolation="nearest")
        axes[r, 0].set_title("the picture" if r == 0 else "the same picture")
        for k, name in enumerate(names):
            im = axes[r, k + 1].imshow(pixels[..., k], cmap="gray", vmin=0, vmax=1,
                                       interpolation="nearest")
            axes[r, k + 1].set_title(f"{space}: {name}")
        for ax in axes[r]:
            ax.set_xticks([])
            ax.set_yticks([])
    fig.colorbar(im, ax=axes[:, -1], shrink=0.8, label="channel value (0 black … 1 white)")
    fig.suptitle("One picture, two representations: each channel as a grey image")
    return fig


def plot_masks(picture, selections, target, title):
    """For each selection (name → mask): the selected pixels, the mistakes and the overlap."""
    from ..images import mask_scores

    n = len(selections)
    fig, axes = new_figure(2, n + 1, width=2.9, height=2.6)
    axes[0, 0].imshow(picture.rgb, interpolation="nearest")
    axes[0, 0].set_title("the picture")
    axes[1, 0].imshow(selection_image(picture.rgb, target), interpolation="nearest")
    axes[1, 0].set_title("the right answer")
    for k, (name, mask) in enumerate(selections.items(), start=1):
        scores = mask_scores(mask, target)
        axes[0, k].imshow(selection_image(picture.rgb, mask), interpolation="nearest")
        axes[0, k].set_title(name, fontsize=9)
        axes[1, k].imshow(mistakes_image(mask, target), interpolation="nearest")
        axes[1, k].set_title(f"overlap {scores['overlap']:.2f}", fontsize=9)
        mistakes_legend(axes[1, k])
    for ax in axes.ravel():
        ax.set_xticks([])
        ax.set_yticks([])
    fig.suptitle(title)
    return fig


def draw_before_after(axes, X, y, X_new, labels=_LABELS, angle=None, shift=None):
    """Draw points in the original coordinates (left) and the new ones (right), with the rule
    "x > 0 → black" on the right. Returns the artists a widget updates: ``after`` (one scatter
    per class), ``boundary`` (the line x_new = 0 drawn in the original coordinates), ``shade``."""
    left, right = axes
    plot_points(left, X, y, labels=labels)
    lo, hi = X.min(axis=0) - 0.6, X.max(axis=0) + 0.6
    left.set_xlim(lo[0], hi[0])
    left.set_ylim(lo[1], hi[1])
    left.set_xlabel("x")
    left.set_ylabel("y")
    left.set_title("original coordinates")
    (boundary,) = left.plot([], [], color="#d62728", lw=2, ls="--",
                            label="where new x = 0", zorder=4)
    left.legend(loc="upper right", fontsize=8, framealpha=0.85)
    shade = right.axvspan(0, 6, color=REGION_COLORS[1], alpha=0.45, zorder=0, lw=0,
                          label="rule says black")
    right.axvline(0, color="#d62728", lw=2, ls="--", zorder=2)
    after = plot_points(right, X_new, y, labels=labels, legend=False)
    right.set_xlim(-4, 4)
    right.set_ylim(-4, 4)
    right.set_aspect("equal")
    left.set_aspect("equal")
    right.set_xlabel("new x")
    right.set_ylabel("new y")
    right.legend(loc="upper left", fontsize=8, framealpha=0.85)
    for ax in axes:   # fixed ticks: nothing to recompute when a widget redraws
        limits = ax.get_xlim(), ax.get_ylim()
        ax.set_xticks(np.arange(np.ceil(limits[0][0]), limits[0][1] + 1e-9, 2.0))
        ax.set_yticks(np.arange(np.ceil(limits[1][0]), limits[1][1] + 1e-9, 2.0))
        ax.set_xlim(*limits[0])
        ax.set_ylim(*limits[1])
    if angle is not None:
        update_boundary(boundary, X, angle, shift)
    return {"after": after, "boundary": boundary, "shade": shade}


def update_boundary(line, X, angle, shift):
    """Set ``line`` to the points of the original plane that land on new x = 0."""
    t = np.deg2rad(angle)
    c, s = np.cos(t), np.sin(t)
    # new x = c*x - s*y + dx = 0: a line through p0 with direction (s, c)
    p0 = -shift[0] * np.array([c, -s])
    r = np.linspace(-8, 8, 2)
    line.set_data(p0[0] + r * s, p0[1] + r * c)


def plot_before_after(X, y, X_new, title, angle=None, shift=None, labels=_LABELS):
    """Two panels: the points as given and after a change of coordinates."""
    fig, axes = new_figure(1, 2, width=4.2, height=4.0)
    draw_before_after(axes, X, y, X_new, labels, angle, shift)
    fig.suptitle(title)
    return fig


def plot_search_landscape(search, X, y, title="The search, step by step"):
    """Left: accuracy of "x > 0" for every (angle, shift), the proposals and the path taken.
    Right: the accuracy kept after each step."""
    from ..search import accuracy_landscape

    angles = np.arange(-180, 181, 3)
    shifts = np.linspace(-3, 3, 61)
    land = accuracy_landscape(X, y, angles, shifts)
    fig, (left, right) = new_figure(1, 2, width=4.6, height=3.9)
    im = left.imshow(land.T, origin="lower", aspect="auto", cmap="viridis", vmin=0, vmax=1,
                     extent=(angles[0], angles[-1], shifts[0], shifts[-1]))
    fig.colorbar(im, ax=left, label='accuracy of "x > 0 → black"', shrink=0.85)
    prop = search.proposals_
    inside = (np.abs(prop[:, 1]) <= 3)
    rejected = ~search.accepted_ & inside
    left.scatter(prop[rejected, 0], prop[rejected, 1], s=10, color="#bbbbbb", lw=0,
                 label="proposal rejected")
    left.plot(search.path_[:, 0], search.path_[:, 1], color="white", lw=1.2)
    kept = np.unique(search.path_, axis=0)
    left.scatter(kept[:, 0], kept[:, 1], s=14, color="white", edgecolors="k", lw=0.5,
                 label="kept", zorder=3)
    left.scatter(*search.path_[0], s=70, marker="s", color="#ff7f0e", label="start", zorder=4)
    left.scatter(search.angle_, search.shift_[0], s=140, marker="*", color="#d62728",
                 label="end", zorder=4)
    left.set_xlabel("angle (degrees)")
    left.set_ylabel("shift of x (dx)")
    left.set_title("where the search went")
    left.legend(loc="upper left", fontsize=7, framealpha=0.85)
    steps = np.arange(len(search.scores_))
    right.scatter(steps, search.scores_, s=8, color="#999999", label="proposal's accuracy")
    right.plot(steps, search.best_so_far_, color="#d62728", lw=2, label="kept accuracy")
    right.axhline(0.95, color="#2ca02c", ls=":", label="target 0.95")
    right.set_xlabel("step")
    right.set_ylabel("accuracy on training data")
    right.set_ylim(0, 1.02)
    right.set_title("accuracy along the way")
    right.legend(loc="lower right", fontsize=8)
    fig.suptitle(title)
    return fig


def plot_search_snapshots(search, X, y, steps, labels=_LABELS):
    """The training points in the coordinates the search held at each of ``steps``."""
    from ..search import x_rule_accuracy

    fig, axes = new_figure(1, len(steps), width=2.9, height=3.1)
    axes = np.atleast_1d(axes)
    for ax, step in zip(axes, steps):
        X_new = search.transform(X, step=step)
        angle, dx = search.path_[step]
        ax.axvspan(0, 6, color=REGION_COLORS[1], alpha=0.45, zorder=0, lw=0)
        ax.axvline(0, color="#d62728", lw=1.5, ls="--")
        plot_points(ax, X_new, y, labels=labels, size=10, legend=ax is axes[-1])
        ax.set_xlim(-4, 4)
        ax.set_ylim(-4, 4)
        ax.set_aspect("equal")
        ax.set_title(f"step {step}: {angle:.0f}°, dx {dx:.2f}\naccuracy "
                     f"{x_rule_accuracy(X_new, y):.3f}", fontsize=9)
        ax.set_xlabel("new x")
    axes[0].set_ylabel("new y")
    fig.suptitle('Snapshots of the search (shaded: where "x > 0 → black" answers black)')
    return fig
