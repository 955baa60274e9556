"""A drawing canvas that remembers the text it has drawn, so redrawing a figure costs less.

Most of the time a widget spends redrawing its picture goes into text: matplotlib lays out
every label again (which glyph goes where) and asks FreeType to draw every letter again, even
when the text did not change. :class:`FastTextCanvas` keeps both results:

* the layout of each string (its glyphs and their offsets), per font, size and resolution;
* the picture of each glyph (a small grey-level image), per font, size, angle and position
  within a pixel (a letter drawn a quarter pixel further right looks slightly different).

It also remembers what laying text out asks for: the size of each string, and the height of
each font (its ascent, descent and line gap, which matplotlib reads from the font's tables for
every text it measures). A figure with many tick labels measures each one several times.

Pasting a remembered glyph is done by Agg exactly as before, so the figure is the same, pixel
for pixel. The shortcut relies on how matplotlib 3.11 draws text; with any other version the
canvas draws as matplotlib's own Agg canvas does.
"""
import math

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.font_manager import fontManager, get_font

from ._text_memo import texts_laid_out_once
from ._tick_memo import ticks_worked_out_once

try:
    from matplotlib.ft2font import RenderMode
except ImportError:                      # an older matplotlib: no shortcut
    RenderMode = None

__all__ = []

#: Remembered layouts or glyphs beyond this many are forgotten (a few MB at most).
CACHE_SIZE = 20000


def _shortcut_available():
    """True with matplotlib 3.11 (the version whose text drawing this copies and whose pictures
    the tests compare pixel for pixel)."""
    version = tuple(int(part) for part in mpl.__version__.split(".")[:2] if part.isdigit())
    return (version == (3, 11) and RenderMode is not None
            and hasattr(RendererAgg, "_draw_text_glyphs_and_boxes")
            and hasattr(RendererAgg, "_prepare_font")
            and hasattr(fontManager, "_find_fonts_by_props"))


#: Worked out once: the matplotlib in use does not change while Python runs.
SHORTCUT = _shortcut_available()


class FastTextRenderer(RendererAgg):
    """An Agg renderer whose ``draw_text`` reuses layouts and glyph pictures."""

    layouts = {}     # shared by every renderer: the same text at the same size looks the same
    glyphs = {}
    sizes = {}       # (font files, size, dpi, text, hinting) -> (width, height, descent)
    heights = {}     # (font files, size, dpi) -> (ascent, descent, line gap)

    @staticmethod
    def _remember(cache, key, value):
        if len(cache) > CACHE_SIZE:
            cache.clear()
        cache[key] = value
        return value

    def get_text_width_height_descent(self, s, prop, ismath):
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)
        key = (tuple(fontManager._find_fonts_by_props(prop)), prop.get_size_in_points(),
               self.dpi, s, get_hinting_flag(), mpl.rcParams["text.hinting_factor"])
        found = self.sizes.get(key)
        if found is None:
            found = self._remember(self.sizes, key,
                                   super().get_text_width_height_descent(s, prop, ismath))
        return found

    def _get_font_height_metrics(self, prop):
        """A font's ascent, descent and line gap in pixels, as ``Text._get_layout`` computes
        them from the font's tables when a renderer does not offer this method."""
        files = tuple(fontManager._find_fonts_by_props(prop))
        size = prop.get_size_in_points()
        key = (files, size, self.dpi)
        found = self.heights.get(key)
        if found is None:
            found = (None, None, None)
            font = get_font(list(files))
            for table_name, gap, ascent, descent in [
                    ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                    ("hhea", "lineGap", "ascent", "descent")]:
                table = font.get_sfnt_table(table_name)
                if table is not None:
                    scale = 1 / font.get_sfnt_table("head")["unitsPerEm"] * size * self.dpi / 72
                    found = (table[ascent] * scale, -table[descent] * scale, table[gap] * scale)
                    break
            self._remember(self.heights, key, found)
        return found

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath or not gc.get_antialiased():
            return super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        flags = get_hinting_flag()
        size = prop.get_size_in_points()
        # the font files this text is drawn with (they change with the language's fonts)
        files = tuple(fontManager._find_fonts_by_props(prop))
        key = (files, size, self.dpi, s, features, language, flags,
               mpl.rcParams["text.hinting_factor"])
        items = self.layouts.get(key)
        if items is None:
            font = self._prepare_font(prop)
            items = [(item.ft_object, item.glyph_index, item.x, item.y)
                     for item in font._layout(s, flags=flags, features=features,
                                              language=language)]
            if len(self.layouts) > CACHE_SIZE:
                self.layouts.clear()
            self.layouts[key] = items
        self._draw_glyphs(gc, x, y, angle, size, items, flags)

    def _draw_glyphs(self, gc, x, y, angle, size, items, flags):
        """What ``_draw_text_glyphs_and_boxes`` does, with each glyph's picture remembered."""
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        matrix = None
        for font, glyph_index, dx, dy in items:          # dy is upwards
            # the glyph's position in 1/64 pixel, as FreeType takes it
            px = round(0x40 * (x + dx * cos - dy * sin))
            py = round(0x40 * (self.height - y + dx * sin + dy * cos))
            key = (font.fname, size, self.dpi, glyph_index, angle, px % 64, py % 64, flags,
                   mpl.rcParams["text.hinting_factor"])
            glyph = self.glyphs.get(key)
            if glyph is None:
                if matrix is None:
                    matrix = (0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int)
                font.set_size(size, self.dpi)
                font._set_transform(matrix, [px, py])
                bitmap = font._render_glyph(glyph_index, flags, RenderMode.NORMAL)
                # where it lands, relative to the whole pixel the position falls in
                glyph = (np.array(bitmap.buffer), bitmap.left - px // 64,
                         bitmap.top - py // 64)
                if len(self.glyphs) > CACHE_SIZE:
                    self.glyphs.clear()
                self.glyphs[key] = glyph
            buffer, left, top = glyph
            self._renderer.draw_text_image(buffer, left + px // 64,
                                           int(self.height) - (top + py // 64)
                                           + buffer.shape[0], 0, gc)


class FastTextCanvas(FigureCanvasAgg):
    """matplotlib's Agg canvas, drawing text with :class:`FastTextRenderer` when it can,
    working out each axis's ticks once per draw (:mod:`helpers.plots._tick_memo`) and laying
    out each text once (:mod:`helpers.plots._text_memo`)."""

    def draw(self):
        if not SHORTCUT:
            return super().draw()
        with ticks_worked_out_once(self.figure), texts_laid_out_once():
            return super().draw()

    def get_renderer(self):
        if not SHORTCUT:
            return super().get_renderer()
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key:
            self.renderer = FastTextRenderer(w, h, self.figure.dpi)
            self._lastKey = key
        return self.renderer
