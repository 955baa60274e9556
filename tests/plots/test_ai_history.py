"""Figures of notebook 08: the bars and markers show exactly the tables' numbers."""
import matplotlib.colors as mcolors
import numpy as np
import pytest

from helpers import ai_history as history
from helpers.plots import ai_history as hplots
from helpers.plots.core import figure_to_png, new_figure


def test_imagenet_bars_show_the_published_errors():
    fig = hplots.plot_imagenet_errors()
    ax = fig.axes[0]
    bars = [p for p in ax.patches if np.isfinite(p.get_height())]
    assert [round(b.get_height(), 1) for b in bars] == [28.2, 25.8, 16.4, 11.7, 6.7, 3.6]
    centres = [b.get_x() + b.get_width() / 2 for b in bars]
    assert centres == pytest.approx([2010, 2011, 2012, 2013, 2014, 2015])
    deep = mcolors.to_rgba(hplots.DEEP_COLOR)
    features = mcolors.to_rgba(hplots.FEATURES_COLOR)
    assert [b.get_facecolor() == deep for b in bars] == [False, False, True, True, True, True]
    assert all(b.get_facecolor() == features for b in bars[:2])
    human = [l for l in ax.lines if l.get_linestyle() == "--" and len(l.get_ydata()) == 2]
    assert human and list(human[0].get_ydata()) == [5.1, 5.1]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("human" in t and "5.1" in t for t in labels)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert any("Russakovsky" in t.get_text() for t in fig.texts)
    assert figure_to_png(fig)[:4] == b"\x89PNG"


def test_timeline_markers_sit_at_the_events_on_the_mood_sketch():
    fig, ax = new_figure()
    artists = hplots.draw_hype_timeline(ax)
    offsets = artists["events"].get_offsets()
    years = [e.year for e in history.EVENTS]
    np.testing.assert_allclose(offsets[:, 0], years)
    np.testing.assert_allclose(offsets[:, 1], history.illustrative_mood(years))
    texts = [t.get_text() for t in artists["labels"]]
    assert all(t.startswith(str(y)) for t, y in zip(texts, years))
    assert len(artists["winters"]) == len(history.WINTERS)
    for span, (start, end, _, _) in zip(artists["winters"], history.WINTERS):
        assert span.get_x() == pytest.approx(start)
        assert span.get_x() + span.get_width() == pytest.approx(end)
    assert "not data" in artists["mood"].get_label()


def test_timeline_figure_says_the_band_is_an_illustration():
    fig = hplots.plot_hype_timeline()
    ax = fig.axes[0]
    assert "not data" in ax.get_title()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("not data" in t for t in labels)
    assert {f"event: {k}" for k in hplots.KIND_COLORS} <= set(labels)
    assert ax.get_xlabel() == "year"
    assert figure_to_png(fig)[:4] == b"\x89PNG"
