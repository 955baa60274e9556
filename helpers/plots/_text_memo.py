"""Lay out each text once, not every time something measures it.

Before matplotlib can place or draw a text, ``Text._get_layout`` works out its box: how wide
and tall each line is in the font, where each line starts, how the box turns with the text's
angle and where it sits against its anchor (left, centre, baseline ...). Constrained layout
measures every tick label and title twice per pass to find the margins, and then the draw
measures them again. The answer depends only on the text and how it is set, not on where it
is: a tick label "0.5" at 9 points looks the same in every panel of every figure. So, while one
of the course's canvases draws, :func:`texts_laid_out_once` keeps each answer and gives it again
for the same text set the same way.

Everything the answer depends on is in the key: the string, the font (family, style, weight,
size, ...), the resolution, the angle, the alignments, the line spacing, and the font lists and
hinting settings of ``matplotlib.rcParams`` that choose and shape the glyphs. Texts that wrap
to the figure's width, TeX and math (``$...$``) are laid out as before, every time. A figure
is drawn the same, pixel for pixel; only with matplotlib 3.11, whose ``Text._get_layout`` this
relies on (see :func:`helpers.plots._fast_text._shortcut_available`).
"""
from contextlib import contextmanager

import matplotlib as mpl
from matplotlib.text import Text

__all__ = []

#: Remembered layouts beyond this many are forgotten.
CACHE_SIZE = 20000

#: The settings of matplotlib.rcParams that choose a text's font and shape its glyphs.
RC_SETTINGS = ("font.family", "font.serif", "font.sans-serif", "font.cursive", "font.fantasy",
               "font.monospace", "text.hinting", "text.hinting_factor", "text.kerning_factor")

_work_out = Text._get_layout
_layouts = {}
_settings = None          # the rcParams above, read once per draw (they do not change in one)


def _font(prop):
    """Everything about a FontProperties that decides its glyphs (not its hash: two different
    fonts may share one)."""
    return (tuple(prop.get_family()), prop.get_style(), prop.get_variant(), prop.get_weight(),
            prop.get_stretch(), prop.get_size_in_points(), prop.get_file(),
            prop.get_math_fontfamily())


def _remembered_layout(text, renderer):
    words = text.get_text()
    if text.get_wrap() or text.get_usetex() or "$" in words:
        return _work_out(text, renderer)
    key = (words, _font(text.get_fontproperties()), text.get_figure(root=True).dpi,
           renderer.dpi, type(renderer), text.get_rotation(), text.get_rotation_mode(),
           text.get_horizontalalignment(), text.get_verticalalignment(),
           text._get_multialignment(), text._linespacing, _settings)
    found = _layouts.get(key)
    if found is None:
        if len(_layouts) > CACHE_SIZE:
            _layouts.clear()
        found = _layouts[key] = _work_out(text, renderer)
    box, lines, corner = found
    return box.frozen(), list(lines), corner     # a copy of the box: callers may change theirs


@contextmanager
def texts_laid_out_once():
    """While the block runs (one draw), a text laid out before in the same way gets the
    remembered layout."""
    global _settings
    if Text._get_layout is _remembered_layout:      # already inside such a block
        yield
        return
    _settings = tuple(str(mpl.rcParams[name]) for name in RC_SETTINGS)
    before, Text._get_layout = Text._get_layout, _remembered_layout
    try:
        yield
    finally:
        Text._get_layout = before
