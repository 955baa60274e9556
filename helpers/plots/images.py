"""Figures of notebook 03's colour task (:mod:`helpers.images`): the picture's channels in RGB
and HSV, the pixels a box of thresholds selects, and its mistakes."""
import numpy as np
from matplotlib.colors import to_rgb
from matplotlib.patches import Patch

from ..i18n import N_, _
from ..images import mask_scores
from .core import MAX_WIDTH_IN, TEXT_PT, new_figure, translated

__all__ = ["MISTAKE_COLORS", "selection_image", "mistakes_image", "mistakes_legend_handles",
           "draw_mistakes_legend",
           "plot_colour_channels", "plot_masks"]

#: Colours of the mistakes picture: correctly left out, caught, missed, wrongly selected
#: (the keys are English; a legend shows them translated).
MISTAKE_COLORS = {N_("left out, right"): "#f2f2f2", N_("caught"): "#2ca02c",
                  N_("missed"): "#ff7f0e", N_("wrongly selected"): "#9467bd"}


def selection_image(rgb, mask):
    """The selected pixels in their own colours, everything else pale grey."""
    out = np.full(rgb.shape, 0.93)
    out[mask] = rgb[mask]
    return out


def mistakes_image(mask, target):
    """One colour per kind of pixel: caught (green), missed (orange), wrongly selected (purple)."""
    out = np.empty(mask.shape + (3,))
    c = {k: to_rgb(v) for k, v in MISTAKE_COLORS.items()}
    out[...] = c["left out, right"]
    out[mask & target] = c["caught"]
    out[~mask & target] = c["missed"]
    out[mask & ~target] = c["wrongly selected"]
    return out


def mistakes_legend_handles():
    """Legend entries of the mistakes picture: caught, missed, wrongly selected."""
    return [Patch(color=v, label=_(k)) for k, v in MISTAKE_COLORS.items()
            if k != "left out, right"]


def draw_mistakes_legend(ax, ncols=1):
    """The legend of the mistakes picture, under ``ax``."""
    return ax.legend(handles=mistakes_legend_handles(), loc="upper center",
                     bbox_to_anchor=(0.5, -0.02), ncols=ncols, fontsize=TEXT_PT, frameon=False,
                     handlelength=1.0, columnspacing=0.8, borderaxespad=0.2)


def plot_colour_channels(picture):
    """The picture, and each of its six channels (R, G, B and H, S, V) as a grey image."""
    fig, axes = new_figure(2, 4, width=(MAX_WIDTH_IN - 0.8) / 4, height=2.0)
    rows = [("RGB", picture.rgb, (N_("red"), N_("green"), N_("blue"))),
            ("HSV", picture.hsv, (N_("hue"), N_("saturation"), N_("value")))]
    for r, (space, pixels, names) in enumerate(rows):
        axes[r, 0].imshow(picture.rgb, interpolation="nearest")
        axes[r, 0].set_title(_("the picture") if r == 0 else _("the same picture"))
        for k, name in enumerate(names):
            im = axes[r, k + 1].imshow(pixels[..., k], cmap="gray", vmin=0, vmax=1,
                                       interpolation="nearest")
            axes[r, k + 1].set_title(f"{space}: {_(name)}")
        for ax in axes[r]:
            ax.set_xticks([])
            ax.set_yticks([])
    fig.colorbar(im, ax=axes[:, -1], shrink=0.8, label=_("channel value (0 black … 1 white)"))
    fig.suptitle(_("One picture, two representations: each channel as a grey image"))
    return fig


def plot_masks(picture, selections, target, title):
    """For each selection (name → mask): the selected pixels, the mistakes and the overlap."""
    n = len(selections)
    fig, axes = new_figure(2, n + 1, width=min(2.9, MAX_WIDTH_IN / (n + 1)), height=2.3)
    axes[0, 0].imshow(picture.rgb, interpolation="nearest")
    axes[0, 0].set_title(_("the picture"))
    axes[1, 0].imshow(selection_image(picture.rgb, target), interpolation="nearest")
    axes[1, 0].set_title(_("the right answer"))
    for k, (name, mask) in enumerate(selections.items(), start=1):
        scores = mask_scores(mask, target)
        axes[0, k].imshow(selection_image(picture.rgb, mask), interpolation="nearest")
        name = translated(name)
        axes[0, k].set_title(name.replace(", ", ",\n", 1) if len(name) > 24 else name,
                             fontsize=TEXT_PT)
        axes[1, k].imshow(mistakes_image(mask, target), interpolation="nearest")
        axes[1, k].set_title(_("overlap {overlap:.2f}").format(overlap=scores["overlap"]),
                             fontsize=TEXT_PT)
    for ax in axes.ravel():
        ax.set_xticks([])
        ax.set_yticks([])
    fig.legend(handles=mistakes_legend_handles(), loc="outside lower center", ncols=3,
               fontsize=TEXT_PT, frameon=False, title=_("bottom row: the mistakes"),
               title_fontsize=TEXT_PT)
    fig.suptitle(translated(title))
    return fig
