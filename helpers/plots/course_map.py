"""Figures of notebook 00: the three nested fields and the course's road map.

Named for the course map rather than an engine module: the road map draws the course itself
(the table of :mod:`helpers.notebooks`), and the nested fields draw no module at all.
"""
from matplotlib.patches import Ellipse, FancyBboxPatch

from ..i18n import N_, _
from ..notebooks import NOTEBOOKS
from .core import MAX_WIDTH_IN, TEXT_PT, new_figure

__all__ = ["plot_nested_fields", "plot_road_map"]

_PART_COLORS = {"Start": "#dddddd", "Rules and representations": "#f3d9b1",
                "Classical ML": "#b9def2",
                "Layers": "#a8dcc8", "Outlook": "#ecc6dd"}


def plot_nested_fields():
    """AI ⊃ machine learning ⊃ deep learning, as nested ellipses with an example in each."""
    fig, ax = new_figure(width=7.0, height=4.6)
    rings = [((0.0, 0.0), 10.0, 6.4, "#f3d9b1", N_("Artificial intelligence"),
              N_("automating intellectual tasks people do\n"
                 "e.g. a chess program with hand-written rules")),
             ((0.9, -0.5), 7.0, 4.3, "#b9def2", N_("Machine learning"),
              N_("rules learned from data and answers\n"
                 "e.g. a spam filter trained on labelled mail")),
             ((1.5, -1.0), 4.7, 2.2, "#a8dcc8", N_("Deep learning"),
              N_("many layers of learned representations\n"
                 "e.g. a network reading handwritten digits"))]
    for (cx, cy), w, h, colour, name, example in rings:
        ax.add_patch(Ellipse((cx, cy), w, h, facecolor=colour, edgecolor="#333333", lw=1.2))
        top = cy + h / 2
        ax.text(cx, top - 0.45, _(name), ha="center", va="center", fontsize=12, weight="bold")
        ax.text(cx, top - 1.05, _(example), ha="center", va="center", fontsize=TEXT_PT)
    ax.set(xlim=(-5.2, 5.2), ylim=(-3.4, 3.4), aspect="equal",
           title=_("Each field sits inside the one before it"))
    ax.axis("off")
    return fig


def _two_lines(title):
    """Break ``title`` at the space that makes its longer line shortest."""
    words = title.split(" ")
    if len(words) == 1:
        return title
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    return "\n".join(min(splits, key=lambda pair: max(map(len, pair))))


def plot_road_map(current=None):
    """The nine notebooks as a path, coloured by part; ``current`` highlights one notebook."""
    fig, ax = new_figure(width=MAX_WIDTH_IN, height=3.0)
    for i, (number, _stem, title, part) in enumerate(NOTEBOOKS):
        x = i * 1.0
        y = 0.0 if i % 2 == 0 else 0.55
        edge = "#d55e00" if number == current else "#333333"
        ax.add_patch(FancyBboxPatch((x - 0.45, y - 0.22), 0.9, 0.44,
                                    boxstyle="round,pad=0.02", facecolor=_PART_COLORS[part],
                                    edgecolor=edge, lw=2.5 if number == current else 1.0))
        ax.text(x, y + 0.06, f"{number:02d}", ha="center", va="center", fontsize=10,
                weight="bold")
        title = _(title)
        ax.text(x, y - 0.11, _two_lines(title) if len(title) > 12 else title,
                ha="center", va="center", fontsize=TEXT_PT - 1.5)
        if i:
            ax.annotate("", xy=(x - 0.45, y), xytext=(x - 0.55, 0.55 - y),
                        arrowprops=dict(arrowstyle="->", color="#555555"))
    handles = [FancyBboxPatch((0, 0), 1, 1, facecolor=c, edgecolor="#333333", label=_(p))
               for p, c in _PART_COLORS.items()]
    ax.legend(handles=handles, loc="upper center", ncol=5, fontsize=TEXT_PT, frameon=False,
              bbox_to_anchor=(0.5, 1.02))
    ax.set(xlim=(-0.6, len(NOTEBOOKS) - 0.4), ylim=(-0.45, 1.15),
           title=_("The road from hand-written rules to layered networks"))
    ax.axis("off")
    return fig
