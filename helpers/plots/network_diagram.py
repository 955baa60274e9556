"""The training stepper's network diagram: every unit's output over the plane, and the weights.

The network is drawn as columns of small square maps, one column per layer (the inputs x and y,
each hidden layer, the output classes), joined by lines for the weights. Each square shows what
one unit outputs at every point of the plane shown beside it in the decision regions: orange
where it is negative, blue where it is positive. All squares are one image and all lines one
collection, so a redraw costs a few artists. Used through :class:`NetworkDiagram`, which follows
the panel convention of :mod:`helpers.plots.training_session`.
"""
import numpy as np
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.patches import Rectangle

from ..i18n import _
from .training_session import EVERYTHING, MOVING, NOTHING, TEXT, TITLE, SharpImage, _Panel

__all__ = ["NetworkDiagram"]

MAX_LAYERS_SHOWN, MAX_UNITS_SHOWN = 6, 8
TILE = 32                   # a unit's map: every other point of the session's 64 x 64 grid
WEIGHT_RGBA = [(0.85, 0.51, 0.17, 0.8), (0.25, 0.5, 0.75, 0.8)]   # negative, positive
UNIT_CMAP = LinearSegmentedColormap.from_list("unit", ["#d9822b", "#ffffff", "#3f7fbf"]
                                              ).with_extremes(bad="#ffffff")


class NetworkDiagram(_Panel):
    """Columns of unit maps joined by weight lines (blue positive, orange negative, thicker =
    larger). ``unit_tiles`` lists ``(layer, unit, rows, cols)`` of every hidden unit's square in
    the mosaic; ``output_tiles`` the ``(rows, cols)`` of each class's square."""

    def __init__(self, dpi=80):
        super().__init__(5.5, 4.3, dpi)
        self.fig.text(0.5, 0.955, _("the network: every unit's output over the plane"),
                      ha="center", va="top", fontsize=TITLE)
        self.fig.text(0.5, 0.015,
                      _("squares: orange < 0 < blue (each scaled to its largest value)\n"
                        "lines: weights (blue positive, orange negative, thicker = larger)"),
                      ha="center", va="bottom", fontsize=TEXT, color="#444444")
        self.ax = None
        self.shape = None           # (hidden sizes, classes, data version) last drawn
        self.unit_tiles, self.output_tiles, self.input_tiles = [], [], []
        self.image = self.weight_lines = self.frames = None

    def moving(self):
        return [a for a in (self.image, self.weight_lines, self.frames) if a is not None]

    def _rebuild(self, session):
        """Lay out the squares for the session's network and its plane."""
        if self.ax is not None:
            self.ax.remove()
        hidden = list(session.cfg["hidden"])[:MAX_LAYERS_SHOWN]
        sizes = [2] + [min(h, MAX_UNITS_SHOWN) for h in hidden] + [session.n_classes]
        cols, rows = len(sizes), max(sizes)
        gap, col_gap = TILE // 8, (3 * TILE) // 4
        width_px = cols * (TILE + col_gap) - col_gap
        height_px = rows * (TILE + gap) - gap
        # the room between the title and the footnote, in figure fractions
        x0, x1, y0, y1 = 0.02, 0.98, 0.15, 0.8
        fw, fh = self.fig.get_size_inches()
        inch = min((x1 - x0) * fw / width_px, (y1 - y0) * fh / height_px, 1.2 / TILE)
        width, height = width_px * inch / fw, height_px * inch / fh
        ax = self.ax = self.fig.add_axes([x0 + ((x1 - x0) - width) / 2,
                                          y0 + ((y1 - y0) - height) / 2, width, height])
        ax.set_axis_off()
        self.mosaic = np.full((height_px, width_px), np.nan)
        self.mosaic_rgba = np.zeros((height_px, width_px, 4), dtype=np.uint8)
        self.image = SharpImage(ax, (0, width_px, 0, height_px))
        self.image.set_data(self.mosaic_rgba)
        frames, places = [], []
        for c, n in enumerate(sizes):
            offset = ((rows - n) * (TILE + gap)) // 2
            x = c * (TILE + col_gap)
            column = []
            for i in range(n):
                y = height_px - offset - i * (TILE + gap) - TILE
                column.append((slice(y, y + TILE), slice(x, x + TILE)))
                frames.append(Rectangle((x, y), TILE, TILE))
            places.append(column)
            if c == 0:
                label = _("input\nx, y")
            elif c == cols - 1:
                label = _("output\nclasses")
            else:
                units = hidden[c - 1]
                if units <= n:
                    shown = _("{units} units").format(units=units)
                elif cols <= 5:
                    shown = _("{n} of {units}").format(n=n, units=units)
                else:
                    shown = f"{n}/{units}"
                # many columns: "layer 1", then "2", "3", ... so the labels do not touch
                label = (_("layer {number}\n{shown}").format(number=c, shown=shown)
                         if c == 1 or cols <= 5 else f"{c}\n{shown}")
            ax.text(x + TILE / 2, height_px + gap, label, ha="center", va="bottom",
                    fontsize=TEXT, linespacing=1.0, clip_on=False)
        self.input_tiles, self.output_tiles = places[0], places[-1]
        self.unit_tiles = [(c - 1, i, r, k) for c in range(1, cols - 1)
                           for i, (r, k) in enumerate(places[c])]
        # Input maps never change: x and y themselves (as the network sees them), in [-1, 1].
        for feature, (r, k) in enumerate(self.input_tiles):
            values = session.grid[:, feature].reshape(session.xx.shape)[::2, ::2]
            self.mosaic[r, k] = values / np.abs(values).max()
        segments, self.weight_index = [], []
        for c in range(cols - 1):
            for a, (ra, ka) in enumerate(places[c]):
                for b, (rb, kb) in enumerate(places[c + 1]):
                    segments.append([(ka.stop, (ra.start + ra.stop) / 2),
                                     (kb.start, (rb.start + rb.stop) / 2)])
                    self.weight_index.append((c, a, b))
        self.weight_lines = ax.add_collection(LineCollection(segments, linewidths=0.5,
                                                             alpha=0.8))
        self.frames = ax.add_collection(PatchCollection(
            frames, facecolor="none", edgecolor="#999999", linewidth=0.6))
        ax.set_xlim(0, width_px)
        ax.set_ylim(0, height_px)
        self.shape = (tuple(session.cfg["hidden"]), session.n_classes, session.data_version)

    def unit_map(self, layer, unit):
        """The picture shown for one hidden unit: its output over the grid, divided by its
        largest absolute value (so it lies in [-1, 1]); a TILE x TILE array over the plane."""
        for j, i, rows, cols in self.unit_tiles:
            if (j, i) == (layer, unit):
                return self.mosaic[rows, cols].copy()
        raise ValueError(_("no map is shown for unit {unit} of hidden layer {layer} (both count "
                           "from 0; at most {units} units of {layers} layers are shown).").format(
                               unit=unit, layer=layer, units=MAX_UNITS_SHOWN,
                               layers=MAX_LAYERS_SHOWN))

    def update(self, session, class_rgb):
        """Show the session's network; ``class_rgb`` holds each class's region colour (RGB rows
        in [0, 1]) for the output squares. Returns NOTHING, MOVING or EVERYTHING."""
        if self.drawn_version == session.version:
            return NOTHING
        changed = MOVING
        if self.shape != (tuple(session.cfg["hidden"]), session.n_classes,
                          session.data_version):
            self._rebuild(session)
            changed = EVERYTHING
        reps, p = session.plane()
        if reps is not None:
            size = session.xx.shape
            for j, i, rows, cols in self.unit_tiles:
                # the output of hidden layer j is reps[2j + 2]: after its Dense and activation
                a = reps[2 * j + 2][:, i].reshape(size)[::2, ::2]
                m = float(np.max(np.abs(a))) if a.size else 0.0
                self.mosaic[rows, cols] = a / m if m > 0 else a
            rgba = UNIT_CMAP((self.mosaic + 1) / 2, bytes=True)
            for k, (rows, cols) in enumerate(self.output_tiles):
                # each class's map goes from white (probability 0) to its region colour (1)
                pk = p[:, k].reshape(size)[::2, ::2, None]
                rgba[rows, cols, :3] = 255 * (1.0 - pk * (1.0 - class_rgb[k]))
            self.mosaic_rgba[...] = rgba
            self.image.set_data(self.mosaic_rgba)
            self._update_weight_lines(session.model)
        self.drawn_version = session.version
        return changed

    def _update_weight_lines(self, model):
        """Colour each weight's line by its sign (blue +, orange -) and its width by its size."""
        dense = [layer for layer in model.layers if "W" in layer.params]
        weights = np.array([dense[c].params["W"][a, b] for c, a, b in self.weight_index])
        weights = np.nan_to_num(weights, nan=0.0, posinf=0.0, neginf=0.0)
        self.weight_lines.set_linewidths(np.clip(1.5 * np.abs(weights), 0.15, 4.0))
        self.weight_lines.set_color(np.where(weights[:, None] >= 0, WEIGHT_RGBA[1],
                                             WEIGHT_RGBA[0]))
