"""A computation graph of :class:`helpers.autograd.Value` nodes, drawn with matplotlib alone.

Each number is a box showing its name, its value (``data``) and its gradient (``grad``); the
operation that produced it is a circle just to its left, with arrows from the numbers it used.
The layout is layered: the output sits in the right-most column and every other number is placed
one column further left than the furthest-left number that uses it (its depth from the output),
so every arrow points to the right.
"""
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyBboxPatch, Patch

from ..autograd import Value, topological_order
from ..i18n import _
from .core import NOTEBOOK_DPI, OUTPUT_WIDTH_PX, TEXT_PT, new_figure, translated

__all__ = ["plot_computation_graph"]

_LEAF, _INNER, _OUTPUT = "#d6e9f8", "#fdf1c7", "#cdebd3"
_COLUMN, _ROW = 2.3, 1.25           # distances between columns and rows, in data units
_BOX_W, _BOX_H = 1.4, 0.95          # size of a number's box
_OP_GAP, _OP_R = 0.45, 0.24         # where an operation's circle sits, and its radius


def _layers(order):
    """Depth of every node from the output (longest path), as {id: depth}."""
    depth = {id(order[-1]): 0}
    for node in reversed(order):      # the output first, then each node after its users
        for parent in node.parents:
            depth[id(parent)] = max(depth.get(id(parent), 0), depth[id(node)] + 1)
    return depth


def _positions(order, depth):
    """(x, y) for every node: columns by depth, rows ordered by where their users sit."""
    users = {id(n): [] for n in order}
    for node in order:
        for parent in node.parents:
            users[id(parent)].append(node)
    index = {id(n): i for i, n in enumerate(order)}
    columns = {}
    for node in order:
        columns.setdefault(depth[id(node)], []).append(node)
    pos = {}
    for d in sorted(columns):
        nodes = columns[d]
        if d > 0:   # keep a node near the nodes that use it, to avoid crossing arrows
            nodes.sort(key=lambda n: (-np.mean([pos[id(u)][1] for u in users[id(n)]]),
                                      index[id(n)]))
        top = (len(nodes) - 1) * _ROW / 2
        for row, node in enumerate(nodes):
            pos[id(node)] = (-d * _COLUMN, top - row * _ROW)
    return pos


def plot_computation_graph(value, title=None, show_grad=True, max_nodes=40):
    """Draw every number ``value`` depends on, with its value, gradient and operation.

    Call ``value.backward()`` first to see the gradients (otherwise they are all 0; pass
    ``show_grad=False`` to hide them). Returns a ``matplotlib.figure.Figure`` no wider than
    JupyterLab's output area, so it is never shown shrunk.
    """
    if not isinstance(value, Value):
        raise TypeError(_("plot_computation_graph expects a helpers.autograd.Value, got {type}; "
                          "build the expression from Value objects.").format(
                              type=type(value).__name__))
    order = topological_order(value)
    if len(order) > max_nodes:
        raise ValueError(_("the graph has {n} numbers, more than max_nodes={max_nodes} can show "
                           "legibly; draw a smaller expression or raise max_nodes.").format(
                               n=len(order), max_nodes=max_nodes))
    depth = _layers(order)
    pos = _positions(order, depth)
    n_columns = max(depth.values()) + 1
    n_rows = max(list(depth.values()).count(d) for d in set(depth.values()))
    # about 1.2 inches a column, but never wider than the output area (the browser would shrink
    # the picture, and its text with it)
    width = min(OUTPUT_WIDTH_PX / NOTEBOOK_DPI, max(4.5, 1.2 * n_columns + 0.6))
    height = max(2.6, 0.75 * n_rows * width / (1.2 * n_columns + 0.6) + 1.4)
    fig, ax = new_figure(width=width, height=height)
    for node in order:
        x, y = pos[id(node)]
        colour = _OUTPUT if node is value else (_LEAF if not node.parents else _INNER)
        ax.add_patch(FancyBboxPatch((x - _BOX_W / 2, y - _BOX_H / 2), _BOX_W, _BOX_H,
                                    boxstyle="round,pad=0.03", facecolor=colour,
                                    edgecolor="#333333", linewidth=1.0, zorder=2))
        lines = [node.label] if node.label else []
        lines.append(f"data {node.data:.4g}")
        if show_grad:
            lines.append(f"grad {node.grad:.4g}")
        ax.text(x, y, "\n".join(lines), ha="center", va="center", fontsize=TEXT_PT - 1, zorder=3,
                linespacing=1.3)
        if node.parents:
            _draw_operation(ax, node, pos)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - _BOX_W / 2 - 0.2, max(xs) + _BOX_W / 2 + 0.2)
    bends = any(depth[id(p)] - depth[id(n)] > 1 for n in order for p in n.parents)
    ax.set_ylim(min(ys) - _BOX_H / 2 - 0.25, max(ys) + _BOX_H / 2 + (0.95 if bends else 0.25))
    ax.set_aspect("equal")
    ax.axis("off")
    handles = [Patch(facecolor=_LEAF, edgecolor="#333333", label=_("input")),
               Patch(facecolor=_INNER, edgecolor="#333333", label=_("intermediate")),
               Patch(facecolor=_OUTPUT, edgecolor="#333333", label=_("output")),
               Line2D([], [], marker="o", color="none", markerfacecolor="white",
                      markeredgecolor="#333333", markersize=11, label=_("operation"))]
    fig.legend(handles=handles, loc="outside lower center", ncol=4, fontsize=TEXT_PT,
               frameon=False)
    if title:
        title = translated(title)
    elif show_grad:
        title = _("Computation graph: every number's value (data) and gradient (grad)")
    else:
        title = _("Computation graph: every number's values (data)")
    fig.suptitle(title, fontsize=TEXT_PT + 2)
    return fig


def _draw_operation(ax, node, pos):
    """The circle holding ``node.op``, an arrow from it into the node, arrows into it."""
    x, y = pos[id(node)]
    cx = x - _BOX_W / 2 - _OP_GAP
    ax.add_patch(Circle((cx, y), _OP_R, facecolor="white", edgecolor="#333333", zorder=2))
    ax.text(cx, y, node.op, ha="center", va="center", zorder=3,
            fontsize=TEXT_PT - 1 if len(node.op) <= 3 else TEXT_PT - 1.5)
    ax.annotate("", xy=(x - _BOX_W / 2 - 0.04, y), xytext=(cx + _OP_R, y), zorder=1,
                arrowprops=dict(arrowstyle="->", color="#333333", lw=1.0,
                                shrinkA=0, shrinkB=0))
    seen = {}
    for parent in node.parents:
        repeat = seen.get(id(parent), 0)     # x * x: draw the second arrow as a curve
        seen[id(parent)] = repeat + 1
        px, py = pos[id(parent)]
        skips = round((x - px) / _COLUMN) - 1  # an arrow across a column bends over its boxes
        length = np.hypot(cx - _OP_R - px - _BOX_W / 2, y - py)
        rad = -0.35 * repeat - (1.7 / length if skips > 0 else 0.0)
        ax.annotate("", xy=(cx - _OP_R, y), xytext=(px + _BOX_W / 2 + 0.04, py), zorder=1,
                    arrowprops=dict(arrowstyle="->", color="#555555", lw=1.0,
                                    shrinkA=0, shrinkB=2, connectionstyle=f"arc3,rad={rad}"))
