"""Laying out each text once per setting must draw exactly what matplotlib draws, for less work."""
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from helpers.plots import _text_memo, new_figure
from helpers.plots._fast_text import FastTextCanvas, _shortcut_available
from helpers.plots._text_memo import texts_laid_out_once

from ._pixels import fast_pixels, plain_pixels

pytestmark = pytest.mark.skipif(not _shortcut_available(),
                                reason="the memo is used only with matplotlib 3.11")


def many_texts_figure():
    """The same words set in many ways: sizes, angles, alignments, line spacing, several lines,
    math, wrapping, a legend and tick labels repeated in every panel."""
    fig, axes = new_figure(2, 2, width=2.6, height=2.0)
    for k, ax in enumerate(axes.ravel()):
        ax.plot([0, 1], [0, 1], label="same words")
        ax.set_title("same words" if k % 2 else "same words\non two lines",
                     fontsize=9 + k, loc=["left", "center", "right", "center"][k])
        ax.text(0.5, 0.5, "same words", rotation=15 * k, ha=["left", "center", "right",
                                                                "center"][k],
                va=["top", "center", "bottom", "baseline"][k], rotation_mode=
                ["default", "anchor", "default", "anchor"][k], fontsize=8 + k)
    axes[0, 0].text(0.1, 0.2, "same words\nsame words", linespacing=2.0)
    axes[0, 1].text(0.1, 0.2, "$x^2$ same words")
    axes[1, 0].text(0.0, 0.1, "same words " * 6, wrap=True, in_layout=False)
    axes[1, 1].legend()
    axes[1, 1].set_xlabel("same words", fontweight="bold")
    axes[1, 1].set_ylabel("same words", fontstyle="italic")
    return fig


def test_a_figure_is_drawn_pixel_for_pixel_as_matplotlib_draws_it():
    assert np.array_equal(fast_pixels(many_texts_figure()), plain_pixels(many_texts_figure()))


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_second_figure_drawn_from_remembered_layouts_is_the_same(language):
    from helpers import i18n

    i18n.set_language(language)        # another font list: Hangul needs the course's font
    try:
        fast_pixels(many_texts_figure())                    # fills the memo
        assert np.array_equal(fast_pixels(many_texts_figure()), plain_pixels(many_texts_figure()))
    finally:
        i18n.set_language("en")


VARIANTS = [{}, {"rotation": 30}, {"rotation_mode": "anchor", "rotation": 30},
            {"ha": "right"}, {"va": "top"}, {"multialignment": "right"}, {"linespacing": 2.5},
            {"fontsize": 13}, {"fontweight": "bold"}, {"fontstyle": "italic"},
            {"family": "monospace"}]


def test_each_setting_of_the_same_words_gets_its_own_layout():
    """Texts with the same words that differ in one setting each, measured one after the other
    inside the block, measure as matplotlib measures them: none is given another's layout."""
    fig, ax = new_figure(width=3.0, height=2.4)
    texts = [ax.text(0.5, 0.5, "same words\nand more", **options) for options in VARIANTS]
    renderer = FastTextCanvas(fig).get_renderer()

    def layouts():
        """Each text's box and where each of its lines goes."""
        return [(box.bounds, lines, corner) for box, lines, corner in
                (t._get_layout(renderer) for t in texts)]

    expected = layouts()
    assert len({repr(layout) for layout in expected}) == len(VARIANTS)   # all different
    with texts_laid_out_once():
        measured, again = layouts(), layouts()
    assert measured == expected and again == expected


def test_other_fonts_in_the_settings_give_another_layout():
    """matplotlib.rcParams' font lists choose the font of a generic family ('sans-serif'):
    the same text after they change is measured in the new font."""
    import matplotlib as mpl

    fig, ax = new_figure(width=3.0, height=2.4)
    text = ax.text(0.5, 0.5, "same words", family="sans-serif")
    widths = []
    for fonts in (["DejaVu Sans"], ["DejaVu Sans Mono"]):
        with mpl.rc_context({"font.sans-serif": fonts}):
            # a new renderer: matplotlib's own measurements, kept per renderer, do not look
            # at the font lists
            renderer = FastTextCanvas(fig).get_renderer()
            expected = text.get_window_extent(renderer).width
            with texts_laid_out_once():
                widths.append(text.get_window_extent(renderer).width)
            assert widths[-1] == expected
    assert widths[0] != widths[1]


def test_a_caller_that_changes_its_box_does_not_change_the_remembered_one():
    fig, ax = new_figure(width=3.0, height=2.4)
    text = ax.text(0.5, 0.5, "same words")
    renderer = FastTextCanvas(fig).get_renderer()
    with texts_laid_out_once():
        box = text._get_layout(renderer)[0]
        expected = box.bounds
        box.x0 -= 100
        assert text._get_layout(renderer)[0].bounds == expected


def test_each_text_is_laid_out_once_and_the_memo_ends_with_the_draw(monkeypatch):
    work = []
    original = _text_memo._work_out
    monkeypatch.setattr(_text_memo, "_work_out", lambda text, renderer:
                        work.append(text.get_text()) or original(text, renderer))
    _text_memo._layouts.clear()
    fig, axes = new_figure(2, 3, width=1.8, height=1.6)
    for ax in axes.ravel():
        ax.plot([0, 1], [0, 1])                 # the same tick labels in all six panels
    before = Text._get_layout
    FastTextCanvas(fig).draw()
    assert Text._get_layout is before                   # the memo is gone after the draw
    # once under the x axis and once beside the y axis (aligned differently), for six panels
    assert work.count("0.0") == 2, work
    plain = []
    monkeypatch.setattr(Text, "_get_layout", lambda text, renderer:
                        plain.append(text.get_text()) or original(text, renderer))
    FigureCanvasAgg(fig).draw()
    assert plain.count("0.0") >= 12 * 2          # every panel, both axes, measured again


def test_wrapped_and_math_texts_are_worked_out_every_time(monkeypatch):
    work = []
    original = _text_memo._work_out
    monkeypatch.setattr(_text_memo, "_work_out", lambda text, renderer:
                        work.append(text.get_text()) or original(text, renderer))
    fig, ax = new_figure(width=3.0, height=2.4)
    wrapped = ax.text(0.0, 0.5, "words that wrap " * 5, wrap=True)
    math = ax.text(0.0, 0.2, "$y = x^2$")
    renderer = FastTextCanvas(fig).get_renderer()
    with texts_laid_out_once():
        for _ in range(3):
            wrapped.get_window_extent(renderer)
            math.get_window_extent(renderer)
    assert work.count(wrapped.get_text()) == 3 and work.count(math.get_text()) == 3
