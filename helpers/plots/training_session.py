"""The training stepper's live pictures, each a small figure of its own.

Each panel draws one part of a :class:`helpers.training_session.TrainingSession`: the decision
regions (:class:`RegionPanel`), the loss and accuracy curves (:class:`CurvesPanel`) and the size
of each layer's gradient (:class:`GradientPanel`); the network diagram is in
:mod:`helpers.plots.network_diagram`. A panel builds its artists once; ``update(session)`` only
changes their data and says how much must be redrawn:

* ``NOTHING``: the session did not change since the last update;
* ``MOVING``: only the artists listed by ``moving()`` changed (a fast redraw pastes them over a
  saved background);
* ``EVERYTHING``: something still changed too (an axis range, the points, a legend).

Sizes are chosen for the stepper's 80 dpi: every text is at least 9.5 pt, 10.6 pixels high, and
the panels fit side by side in JupyterLab's output area (two rows of at most 780 pixels).
"""
import io
import math

import numpy as np
from PIL import Image
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.colors import to_rgb
from matplotlib.lines import Line2D

from ..i18n import _
from .core import CLASS_COLORS, REGION_COLORS, course_figure, log_scale

__all__ = ["RegionPanel", "CurvesPanel", "GradientPanel", "SharpImage", "stitch_images",
           "stitch_pictures"]

NOTHING, MOVING, EVERYTHING = "nothing", "moving", "everything"
#: Font sizes in points: at 80 dpi, 9.5 pt is 10.6 pixels, the smallest text the stepper draws.
TEXT, TITLE = 9.5, 10.5
TRAIN_COLOR, TEST_COLOR = "#1f4e79", "#d9822b"


def nice_ceiling(value):
    """The smallest of 1, 1.5, 2, 3, 5, 7.5 times a power of ten that is >= value (> 0)."""
    power = 10.0 ** math.floor(math.log10(value))
    for m in (1.0, 1.5, 2.0, 3.0, 5.0, 7.5, 10.0):
        if m * power >= value * (1 - 1e-12):
            return m * power
    return 10.0 * power


class SharpImage(Artist):
    """A small RGBA picture stretched over a rectangle of an axes (``extent`` = x0, x1, y0, y1
    in data units; row 0 at the bottom, as imshow's origin="lower").

    Unlike ``imshow``, which resamples in general terms on every draw, this resizes the picture
    with Pillow to exactly the pixels the rectangle covers and pastes the result: the same
    bilinear picture in a fraction of the time, which helps Play show 25 pictures a second.
    """

    def __init__(self, ax, extent, zorder=1):
        super().__init__()
        self.ax, self.extent, self.rgba = ax, extent, None
        #: Artists that never change but lie on the picture (the data points): they are drawn
        #: once into a transparent layer that every redraw lays over the picture. Keep them
        #: invisible, so nothing else draws them.
        self.on_top, self._layer = [], (None, None)
        self.set_zorder(zorder)
        ax.add_artist(self)

    def set_on_top(self, artists):
        for artist in artists:
            artist.set_visible(False)
        self.on_top, self._layer = list(artists), (None, None)

    def _top_layer(self, renderer, box):
        """The on-top artists drawn alone on a transparent layer, cut to ``box`` (left, bottom,
        width, height in pixels), first row at the bottom; made once per size. Returned as
        (where, colour x alpha, 1 - alpha): ``where`` picks the pixels they cover, so each
        redraw blends only those (most of the picture has no point on it)."""
        key = (box, renderer.width, renderer.height)
        if self._layer[0] != key:
            alone = RendererAgg(renderer.width, renderer.height, renderer.dpi)
            for artist in self.on_top:
                artist.set_visible(True)
                artist.draw(alone)
                artist.set_visible(False)
            left, bottom, width, height = box
            top = renderer.height - bottom - height
            layer = np.asarray(alone.buffer_rgba())[top:top + height, left:left + width]
            layer = layer[::-1].astype(np.float32)
            where = np.nonzero(layer[..., 3])
            alpha = layer[where][:, 3:] / 255
            self._layer = (key, (where, layer[where][:, :3] * alpha, 1 - alpha))
        return self._layer[1]

    def set_data(self, rgba):
        """The picture: an (rows, columns, 4) array of bytes."""
        self.rgba = rgba
        self.stale = True

    def draw(self, renderer):
        if not self.get_visible() or self.rgba is None:
            return
        x0, x1, y0, y1 = self.extent
        (left, bottom), (right, top) = np.round(self.ax.transData.transform([(x0, y0),
                                                                             (x1, y1)]))
        width, height = int(right - left), int(top - bottom)
        if width < 1 or height < 1:
            return
        # Pillow's bilinear resize is matplotlib's 'bilinear' (within one level of 255) done
        # in optimised C; Agg pastes the array's first row at the bottom, as origin="lower".
        pixels = np.array(Image.fromarray(self.rgba).resize((width, height), Image.BILINEAR))
        if self.on_top:
            where, coloured, clear = self._top_layer(renderer,
                                                     (int(left), int(bottom), width, height))
            pixels[where + (slice(0, 3),)] = coloured + pixels[where][:, :3] * clear + 0.5
        gc = renderer.new_gc()
        gc.set_clip_rectangle(self.ax.bbox)
        renderer.draw_image(gc, left, bottom, pixels)
        gc.restore()
        self.stale = False


class _Panel:
    """What the panels share: a figure, the session version last drawn, axis ranges that
    change only when they must."""

    def __init__(self, width, height, dpi):
        self.fig = course_figure((width, height), layout=None, dpi=dpi)
        self.drawn_version = None
        self.limits = {}

    def set_limit(self, key, setter, value):
        """Change an axis range only when it must change; returns whether it changed."""
        if self.limits.get(key) == value:
            return False
        self.limits[key] = value
        setter(*value)
        return True


class RegionPanel(_Panel):
    """The decision regions under the training (circles) and test (triangles) points; the colour
    fades to white where the network is unsure, so the boundary shows as a pale band."""

    def __init__(self, dpi=80):
        super().__init__(4.2, 4.3, dpi)
        ax = self.ax = self.fig.add_axes([0.14, 0.25, 0.82, 0.66])
        self.image = SharpImage(ax, (0, 1, 0, 1))
        ax.set_xlabel("x", fontsize=TEXT, labelpad=1)
        ax.set_ylabel("y", fontsize=TEXT, labelpad=1)
        ax.tick_params(labelsize=TEXT, pad=2)
        # The epoch and step are in the status line above the pictures: a text that changed
        # with every picture would cost more to draw than the regions themselves.
        ax.set_title(_("decision regions (circles: train, triangles: test)"), fontsize=TITLE)
        self.alarm = ax.text(0.5, 0.5, _("diverged\npress Reset"), transform=ax.transAxes,
                             ha="center", va="center", fontsize=16, color="#b00020", zorder=5,
                             bbox=dict(facecolor="white", alpha=0.85, edgecolor="#b00020"),
                             visible=False)
        self.point_sets, self.legend, self.data_version = [], None, None
        self.colors = None          # the region colour of each class as RGB rows in [0, 1]

    def moving(self):
        return [self.image, self.alarm]

    def _rebuild(self, session):
        """New points (and maybe classes): new scatter sets, colours, legend and extent."""
        xx, yy = session.xx, session.yy
        extent = (xx.min(), xx.max(), yy.min(), yy.max())
        self.image.extent = extent
        self.ax.set_xlim(extent[:2])
        self.ax.set_ylim(extent[2:])
        for artist in self.point_sets:
            artist.remove()
        self.point_sets = []
        k_all = session.n_classes
        for X, y, marker, size in ((session.X_train, session.y_train, "o", 20),
                                   (session.X_test, session.y_test, "^", 26)):
            for k in range(k_all):      # one scatter per class and part (a fast path in Agg)
                self.point_sets.append(self.ax.scatter(
                    X[y == k, 0], X[y == k, 1], s=size, marker=marker,
                    c=CLASS_COLORS[k % len(CLASS_COLORS)], edgecolors="#333333",
                    linewidths=0.7, zorder=3))
        self.image.set_on_top(self.point_sets)     # drawn once, laid over every new picture
        self.colors = np.array([to_rgb(c) for c in REGION_COLORS[:k_all]])
        if self.legend is not None:
            self.legend.remove()
        handles = [Line2D([], [], ls="", marker="s", ms=8, mfc=REGION_COLORS[k],
                          mec=CLASS_COLORS[k] if k > 1 else "#333333",
                          label=_("class {k}").format(k=k)) for k in range(k_all)]
        handles += [Line2D([], [], ls="", marker=m, ms=6, mfc="#bbbbbb", mec="#333333",
                           label=name) for m, name in (("o", _("train")), ("^", _("test")))]
        self.legend = self.ax.legend(handles=handles, loc="upper center",
                                     bbox_to_anchor=(0.45, -0.1), ncol=4, fontsize=TEXT,
                                     frameon=False, handletextpad=0.2, columnspacing=0.8,
                                     labelspacing=0.3)
        self.data_version = session.data_version

    def update(self, session):
        """Show the session's current regions; returns NOTHING, MOVING or EVERYTHING."""
        if self.drawn_version == session.version:
            return NOTHING
        changed = MOVING
        if self.data_version != session.data_version:
            self._rebuild(session)
            changed = EVERYTHING
        _, p = session.plane()
        if p is not None:
            k = session.n_classes
            top = p.argmax(axis=1)
            confidence = np.clip((p.max(axis=1) - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0)
            rgb = 1.0 - np.sqrt(confidence)[:, None] * (1.0 - self.colors[top])
            rgba = np.full((rgb.shape[0], 4), 255, dtype=np.uint8)
            rgba[:, :3] = 255 * rgb
            self.image.set_data(rgba.reshape(*session.xx.shape, 4))
        self.alarm.set_visible(session.diverged)
        self.drawn_version = session.version
        return changed


class CurvesPanel(_Panel):
    """Loss (left) and accuracy (right) on all training and all test points after every step,
    against the epoch. Axis ranges grow in nice jumps, so most steps only redraw the curves."""

    def __init__(self, dpi=80):
        super().__init__(6.5, 2.75, dpi)
        self.loss_ax = self.fig.add_axes([0.09, 0.24, 0.37, 0.56])
        self.acc_ax = self.fig.add_axes([0.59, 0.24, 0.37, 0.56])
        self.loss_lines = [self.loss_ax.plot([], [], color=TRAIN_COLOR, lw=1.5,
                                             label=_("train"))[0],
                           self.loss_ax.plot([], [], color=TEST_COLOR, lw=1.5, ls="--",
                                             label=_("test"))[0]]
        self.acc_lines = [self.acc_ax.plot([], [], color=TRAIN_COLOR, lw=1.5)[0],
                          self.acc_ax.plot([], [], color=TEST_COLOR, lw=1.5, ls="--")[0]]
        self.loss_ax.set_title(_("loss (lower is better)"), fontsize=TITLE, loc="left")
        self.acc_ax.set_title(_("accuracy (share right)"), fontsize=TITLE, loc="left")
        self.fig.legend(handles=self.loss_lines, loc="upper center", ncol=2, fontsize=TEXT,
                        frameon=False, borderaxespad=0.2, handlelength=2.2)
        self.acc_ax.set_ylim(0, 1.05)
        for ax in (self.loss_ax, self.acc_ax):
            ax.set_xlabel(_("epoch"), fontsize=TEXT, labelpad=1)
            ax.tick_params(labelsize=TEXT, pad=2)
            ax.grid(alpha=0.3)

    def moving(self):
        return self.loss_lines + self.acc_lines

    def update(self, session):
        """Show the session's history; returns NOTHING, MOVING or EVERYTHING."""
        if self.drawn_version == session.version:
            return NOTHING
        h = session.history
        x = np.asarray(h["epoch"])
        stride = max(1, len(x) // 1000)          # at most about 1000 points per curve
        for line, key in zip(self.loss_lines + self.acc_lines,
                             ("loss", "val_loss", "accuracy", "val_accuracy")):
            line.set_data(x[::stride], np.asarray(h[key])[::stride])
        if len(x) == 1:                          # a fresh start: ranges start again too
            self.limits = {}
        right = nice_ceiling(max(1.0, float(x[-1])))
        changed = self.set_limit("loss_x", self.loss_ax.set_xlim, (0.0, right))
        changed |= self.set_limit("acc_x", self.acc_ax.set_xlim, (0.0, right))
        values = np.asarray(h["loss"] + h["val_loss"])
        values = values[np.isfinite(values)]
        top = nice_ceiling(max(float(values.max()) if values.size else 1.0, 1e-3) * 1.05)
        top = max(top, self.limits.get("loss_y", (0, 0))[1])
        changed |= self.set_limit("loss_y", self.loss_ax.set_ylim, (0.0, top))
        self.drawn_version = session.version
        return EVERYTHING if changed else MOVING


class GradientPanel(_Panel):
    """The size (norm) of each layer's gradient on the last mini-batch, on a log scale."""

    def __init__(self, dpi=80):
        super().__init__(3.25, 2.75, dpi)
        ax = self.ax = self.fig.add_axes([0.24, 0.24, 0.72, 0.56])
        ax.set_title(_("gradient size (last step)"), fontsize=TITLE, loc="left", x=-0.18)
        log_scale(ax.yaxis)
        ax.set_ylabel(_("norm"), fontsize=TEXT, labelpad=1)
        ax.set_xlabel(_("layer"), fontsize=TEXT, labelpad=1)
        ax.tick_params(labelsize=TEXT, pad=2)
        ax.grid(alpha=0.3)
        self.bars, self.n_layers = [], None

    def moving(self):
        return self.bars

    def _rebuild(self, n):
        for artist in self.bars:
            artist.remove()
        positions = np.arange(n)
        self.bars = list(self.ax.bar(positions, np.ones(n), bottom=1e-6, color=TRAIN_COLOR,
                                     width=0.6))
        self.ax.set_xticks(positions, [str(k + 1) for k in range(n - 1)] + [_("out")])
        self.ax.set_xlim(-0.6, n - 0.4)
        self.n_layers, self.limits = n, {}

    def update(self, session):
        """Show the session's last gradient sizes; returns NOTHING, MOVING or EVERYTHING."""
        if self.drawn_version == session.version:
            return NOTHING
        changed = False
        norms = np.where(np.isfinite(session.grad_norms), session.grad_norms, 0.0)
        if self.n_layers != len(norms) or session.steps == 0:
            self._rebuild(len(norms))
            changed = True
        shown = norms[norms > 0]
        lo, hi = self.limits.get("y", (np.inf, 0.0))
        if shown.size:
            lo = min(lo, 10.0 ** (math.floor(math.log10(shown.min())) - 1))
            hi = max(hi, 10.0 ** (math.ceil(math.log10(shown.max())) + 1))
        elif not np.isfinite(lo):
            lo, hi = 1e-4, 1.0
        changed |= self.set_limit("y", self.ax.set_ylim, (lo, hi))
        for bar, v in zip(self.bars, norms):
            bar.set_y(lo)
            bar.set_height(max(v, lo) - lo)
        self.drawn_version = session.version
        return EVERYTHING if changed else MOVING


def stitch_images(rows):
    """One RGB image made of images laid out in ``rows`` (a list of lists of PIL images), each
    row left-aligned on a white background, as the panels sit on the page."""
    width = max(sum(im.width for im in row) for row in rows)
    height = sum(max(im.height for im in row) for row in rows)
    sheet = Image.new("RGB", (width, height), "white")
    y = 0
    for row in rows:
        x = 0
        for im in row:
            sheet.paste(im, (x, y))
            x += im.width
        y += max(im.height for im in row)
    return sheet


def stitch_pictures(rows):
    """One PNG made of pictures (PNG or JPEG bytes) laid out in ``rows`` as by
    :func:`stitch_images`."""
    sheet = stitch_images([[Image.open(io.BytesIO(p)).convert("RGB") for p in row]
                           for row in rows])
    buffer = io.BytesIO()
    sheet.save(buffer, format="png")
    return buffer.getvalue()
