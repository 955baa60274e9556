"""The timeline explorer, driven headless: move the year slider, press the buttons."""
import numpy as np
import pytest

from helpers import ai_history as history
from helpers.widgets.timeline import LAST_YEAR, TimelineExplorer


@pytest.fixture
def widget():
    return TimelineExplorer()


def test_starts_at_the_first_event(widget):
    assert widget.year == 1956 and widget.event.year == 1956
    assert widget.year_slider.value == 1956
    assert widget.summary() == "TimelineExplorer: 1956, latest milestone 1956 Dartmouth workshop"
    assert "Dartmouth" in widget.status.value
    assert "course-status" in widget.status._dom_classes     # what the browser tests read


def test_moving_the_slider_changes_text_and_marker(widget):
    renders, png = widget.view.renders, widget.view.frame
    widget.year_slider.value = 1975
    assert widget.year == 1975 and widget.event.year == 1973
    assert "Lighthill" in widget.expected_html.value + widget.happened_html.value
    assert "Lighthill" in widget.source_html.value
    assert "first AI winter" in widget.status.value and "2 years later" in widget.status.value
    # mood(1975) by hand: between (1974, 0.30) and (1979, 0.25), one fifth of the way
    assert widget.marker_position() == pytest.approx((1975, 0.30 - 0.01))
    assert list(widget.year_line.get_xdata()) == [1975, 1975]
    # mood(1973) by hand: between (1969, 0.72) and (1974, 0.30), four fifths of the way
    assert widget.highlighted_event_position() == pytest.approx((1973, 0.72 - 0.8 * 0.42))
    assert widget.view.renders == renders + 1 and widget.view.frame != png
    assert widget.title.get_text().startswith("1975")
    assert widget.summary() == ("TimelineExplorer: 1975, latest milestone 1973 Lighthill report: "
                                "the first winter")


def test_every_event_year_shows_that_event(widget):
    for event in history.EVENTS:
        widget.year_slider.value = event.year
        assert widget.event is event
        assert widget.marker_position()[0] == event.year
        assert widget.highlighted_event_position()[0] == event.year
        assert event.happened[:40] in widget.happened_html.value.replace("&#x27;", "'")


def test_buttons_jump_between_events(widget):
    widget.next_button.click()
    assert widget.year == 1958
    widget.set_year(1975)
    widget.next_button.click()
    assert widget.year == 1980 and widget.year_slider.value == 1980
    widget.previous_button.click()
    assert widget.year == 1973
    widget.set_year(2021)
    widget.previous_button.click()     # the event shown is 2020, so the one before: 2012
    assert widget.year == 2012


def test_buttons_stop_at_the_ends(widget):
    widget.previous_event()
    assert widget.year == 1956 and "first event" in widget.status.value
    widget.set_year(LAST_YEAR)
    renders = widget.view.renders
    assert widget.next_event() == LAST_YEAR
    assert "last event" in widget.status.value and widget.view.renders == renders


def test_slider_clamps_and_bad_input_is_reported(widget):
    widget.year_slider.value = 3000
    assert widget.year == LAST_YEAR
    with pytest.raises(ValueError, match="between 1956"):
        widget.set_year(1900)
    with pytest.raises(TypeError, match="whole number"):
        widget.set_year("1970")
    widget._safely(widget.set_year, 1900)
    assert "Problem" in widget.status.value and widget.year == LAST_YEAR


def test_setting_the_same_year_does_not_redraw(widget):
    widget.set_year(1990)
    renders = widget.view.renders
    widget.set_year(1990)
    widget.year_slider.value = 1990
    assert widget.view.renders == renders


def test_display_bundle_has_summary_and_a_static_picture(widget):
    bundle, _ = widget._repr_mimebundle_()
    assert bundle["text/plain"] == widget.summary()
    assert bundle["image/png"][:8] == b"\x89PNG\r\n\x1a\n"


def test_saved_figure_still_shows_the_moving_artists(widget):
    widget.set_year(1969)
    from helpers.plots.core import figure_to_png
    assert len(figure_to_png(widget.view.fig)) > 1000
    assert np.isfinite(widget.marker_position()).all()


def test_buttons_that_can_do_nothing_are_disabled(widget):
    assert widget.previous_button.disabled and not widget.next_button.disabled
    widget.set_year(LAST_YEAR)
    assert widget.next_button.disabled and not widget.previous_button.disabled
    widget.set_year(1980)
    assert not widget.next_button.disabled and not widget.previous_button.disabled
