"""The canvas that remembers text must draw exactly what matplotlib's own Agg canvas draws."""
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from helpers.plots import new_figure
from helpers.plots._fast_text import FastTextCanvas, FastTextRenderer, _shortcut_available

from ._pixels import plain_pixels


def texty_figure(title):
    fig, ax = new_figure(width=3.0, height=2.4)
    ax.plot([0, 1], [0, 2], label="a line")
    ax.set(title=title, xlabel="epoch", ylabel="loss (lower is better)")
    ax.text(0.2, 1.5, "rotated 30°", rotation=30)
    ax.text(0.5, 0.5, "$x^2$ math", fontsize=11)
    ax.legend()
    FigureCanvasAgg(fig).draw()             # lay out once, then keep it (as FigureView does)
    fig.set_layout_engine("none")
    return fig


@pytest.mark.parametrize("title, language", [("accuracy 0.875 (3 wrong)", "en"),
                                             ("정확도 0.875 (틀림 3개)", "ko")])
def test_drawn_text_is_pixel_identical_and_stays_so_when_remembered(title, language):
    from helpers import i18n

    i18n.set_language(language)        # Korean: Hangul drawn with the course's Hangul font
    fig = texty_figure(title)
    fast = FastTextCanvas(fig)
    for _ in range(2):                      # the second draw uses what the first remembered
        fast.draw()
        remembered = np.asarray(fast.buffer_rgba()).copy()
        assert np.array_equal(remembered, plain_pixels(fig))
        fig.set_canvas(fast)


def test_text_at_another_size_or_place_is_not_confused_with_the_remembered_one():
    fig = texty_figure("same words")
    canvas = FastTextCanvas(fig)
    canvas.draw()
    fig.axes[0].title.set_fontsize(14)
    fig.axes[0].texts[0].set_position((0.23, 1.37))      # a fraction of a pixel elsewhere
    canvas.draw()
    drawn = np.asarray(canvas.buffer_rgba()).copy()
    assert np.array_equal(drawn, plain_pixels(fig))


def test_the_shortcut_is_used_with_this_matplotlib():
    assert _shortcut_available()
    fig = texty_figure("a title nobody drew before 4817")
    FastTextCanvas(fig).draw()
    assert any("a title nobody drew before 4817" in key for key in FastTextRenderer.layouts)


def test_layout_with_remembered_sizes_places_everything_as_matplotlib_does():
    """A figure laid out by its layout engine (constrained layout: every tick label, title and
    multi-line label measured) comes out the same, cold and with everything remembered."""
    def figure():
        fig, axes = new_figure(2, 3, width=1.6, height=1.6)
        for k, ax in enumerate(axes.ravel()):
            ax.imshow(np.arange(16.0).reshape(4, 4) * (k + 1))
            ax.set_xticks(range(4))
            ax.set_title(f"panel {k}\nsecond line", fontsize=9 + k % 3)
        axes[1, 0].set_ylabel("rows 7391")
        fig.suptitle("constrained layout measured all of this")
        return fig

    expected = figure()
    plain = FigureCanvasAgg(expected)
    plain.draw()
    FastTextRenderer.sizes.clear()
    FastTextRenderer.heights.clear()
    for _ in range(2):                  # cold, then with the sizes of the first draw remembered
        fig = figure()
        fast = FastTextCanvas(fig)
        fast.draw()
        assert [ax.get_position().bounds for ax in fig.axes] == \
            [ax.get_position().bounds for ax in expected.axes]
        assert np.array_equal(np.asarray(fast.buffer_rgba()), np.asarray(plain.buffer_rgba()))
    assert any("rows 7391" in key for key in FastTextRenderer.sizes)
    assert FastTextRenderer.heights


def test_sizes_depend_on_the_resolution_and_the_font():
    renderer = FastTextRenderer(100, 100, 100)
    from matplotlib.font_manager import FontProperties
    small, big = FontProperties(size=8), FontProperties(size=16)
    w8 = renderer.get_text_width_height_descent("width 9431", small, False)[0]
    w16 = renderer.get_text_width_height_descent("width 9431", big, False)[0]
    w8_at_200 = FastTextRenderer(100, 100, 200).get_text_width_height_descent(
        "width 9431", small, False)[0]
    assert w16 > 1.8 * w8 and w8_at_200 > 1.8 * w8
    assert renderer._get_font_height_metrics(big)[0] > renderer._get_font_height_metrics(small)[0]
