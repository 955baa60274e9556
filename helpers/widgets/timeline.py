"""The timeline explorer: move through the years and read what people expected at the time.

The figure is the timeline of :mod:`helpers.plots.ai_history` (events, the two winters and a
sketched "enthusiasm" band, which is an illustration, not data). A year slider moves a marker
along it; the panels below show the latest milestone up to that year, what people then expected
(paraphrased) and what happened next, with its source. Two buttons jump to the previous or next
event; a button that can do nothing there is disabled.
"""
import html

import ipywidgets as W
import numpy as np


from .. import ai_history
from ..i18n import _, ngettext
from ..plots.core import TEXT_PT, new_figure
from ..plots.ai_history import draw_hype_timeline
from .base import CourseWidget, FigureView, fit_width

__all__ = ["TimelineExplorer"]

FIRST_YEAR = ai_history.EVENTS[0].year
LAST_YEAR = 2025


class TimelineExplorer(CourseWidget):
    """Explore :data:`helpers.ai_history.EVENTS` year by year.

    Methods: ``set_year(year)``, ``next_event()``, ``previous_event()``; ``event`` is the event
    shown, ``marker_position()`` where the year marker sits on the figure.
    """

    def __init__(self, year=FIRST_YEAR):
        self.year = None
        self.event = None
        fig, ax = new_figure(width=10.0, height=3.9)
        self.ax = ax
        self.artists = draw_hype_timeline(ax)
        # a placeholder as long as the real titles, so the layout leaves room for them
        self.title = ax.set_title(self._title_text(1956, 1987, _("Lisp machines collapse")))
        self.year_line = ax.axvline(FIRST_YEAR, color="#cc3311", lw=1.5, zorder=6,
                                    label=_("selected year"))
        (self.marker,) = ax.plot([FIRST_YEAR], [ai_history.illustrative_mood(FIRST_YEAR)], "o",
                                 ms=14, mfc="none", mec="#cc3311", mew=2.5, zorder=7)
        self.highlight = ax.scatter([FIRST_YEAR], [ai_history.illustrative_mood(FIRST_YEAR)],
                                    s=160, facecolors="none", edgecolors="#222222",
                                    linewidths=2.0, zorder=8, label=_("milestone shown below"))
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=TEXT_PT, frameon=False)

        self.year_slider = W.IntSlider(value=FIRST_YEAR, min=FIRST_YEAR, max=LAST_YEAR,
                                       description=_("year"), continuous_update=True,
                                       layout=W.Layout(width="480px"))
        previous, later = _("◀ previous event"), _("next event ▶")
        buttons = W.Layout(width=fit_width("140px", previous, later, extra=24))
        self.previous_button = W.Button(description=previous, layout=buttons)
        self.next_button = W.Button(description=later, layout=buttons)
        self.status = W.HTML()
        self.status.add_class("course-status")   # the browser tests read this text
        self.expected_html = W.HTML(layout=W.Layout(width="48%"))
        self.happened_html = W.HTML(layout=W.Layout(width="48%"))
        self.source_html = W.HTML()
        self.year_slider.observe(self._on_slider, names="value")
        self.previous_button.on_click(lambda _: self._safely(self.previous_event))
        self.next_button.on_click(lambda _: self._safely(self.next_event))
        # a dozen still texts: draw them once, then only the moving parts (~70 ms -> ~7 ms)
        self.view = FigureView(fig, dpi=80, moving=[self.title, self.year_line, self.marker,
                                                    self.highlight])
        self.set_year(year)
        self.ui = W.VBox([W.HBox([self.year_slider, self.previous_button, self.next_button]),
                          self.status, self.view.image,
                          W.HBox([self.expected_html, self.happened_html],
                                 layout=W.Layout(justify_content="space-between")),
                          self.source_html])

    # ----- actions ------------------------------------------------------------------------------
    def set_year(self, year):
        """Move to ``year`` (between the first event and LAST_YEAR) and show its milestone."""
        if isinstance(year, bool) or not isinstance(year, (int, np.integer)):
            raise TypeError(_("year must be a whole number such as 1969, got {year!r}.").format(
                year=year))
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError(_("year must be between {first} and {last}, got {year}.").format(
                first=FIRST_YEAR, last=LAST_YEAR, year=year))
        year = int(year)
        if year == self.year:
            return
        self.year = year
        if self.year_slider.value != year:
            self.year_slider.value = year          # its observer calls set_year, which returns
        self.event = ai_history.event_at(year)
        self._update_figure()
        self._update_text()
        self._update_buttons()
        self.view.refresh()

    def next_event(self):
        """Jump to the first event after the current year (stays on the last one; the button
        is disabled there)."""
        later = [e.year for e in ai_history.EVENTS if e.year > self.year]
        if later:
            self.set_year(later[0])
        return self.year

    def previous_event(self):
        """Jump to the event before the one shown, or to the first year from the first event
        (the button is disabled at the first year)."""
        earlier = [e.year for e in ai_history.EVENTS if e.year < self.event.year]
        self.set_year(earlier[-1] if earlier else FIRST_YEAR)
        return self.year

    def _update_buttons(self):
        """A button that can do nothing is disabled."""
        self.next_button.disabled = not any(e.year > self.year for e in ai_history.EVENTS)
        self.previous_button.disabled = self.year == FIRST_YEAR

    # ----- drawing ------------------------------------------------------------------------------
    def _update_figure(self):
        mood = float(ai_history.illustrative_mood(self.year))
        self.year_line.set_xdata([self.year, self.year])
        self.marker.set_data([self.year], [mood])
        self.highlight.set_offsets([[self.event.year,
                                     float(ai_history.illustrative_mood(self.event.year))]])
        self.title.set_text(self._title_text(self.year, self.event.year, _(self.event.short)))

    @staticmethod
    def _title_text(year, event_year, short):
        return _("{year} · latest milestone: {event_year} {event}").format(
            year=year, event_year=event_year, event=short)

    def _update_text(self):
        e = self.event
        winter = ai_history.winter_at(self.year)
        where = (_(" · inside the <b>{winter}</b> (about {start}-{end})").format(
            winter=_(winter[2]), start=winter[0], end=winter[1]) if winter else "")
        gap = self.year - e.year
        since = "" if gap == 0 else ngettext(" ({n} year later)", " ({n} years later)",
                                             gap).format(n=gap)
        last = ""
        if self.year == FIRST_YEAR:
            last = _(" · the first event")
        elif not any(ev.year > self.year for ev in ai_history.EVENTS):
            last = _(" · the last event so far")
        self.status.value = _("<b>{year}</b>: latest milestone <b>{event_year} {title}</b>"
                              "{since}{where}{last}").format(
            year=self.year, event_year=e.year, title=html.escape(_(e.title)), since=since,
            where=where, last=last)
        self.expected_html.value = _("<b>What people expected around {year}</b><br>"
                                     "{expected}").format(year=e.year,
                                                          expected=html.escape(_(e.expected)))
        self.happened_html.value = _("<b>What happened next</b><br>{happened}").format(
            happened=html.escape(_(e.happened)))
        self.source_html.value = _("<small>Source: {source}. The expectations are paraphrased, "
                                   "not quoted.</small>").format(source=html.escape(e.source))

    # ----- reading the state ----------------------------------------------------------------------
    def marker_position(self):
        """Where the year marker is drawn: (year, height on the sketched mood band)."""
        x, y = self.marker.get_data()
        return float(np.asarray(x)[0]), float(np.asarray(y)[0])

    def highlighted_event_position(self):
        """Where the ring around the milestone shown below is drawn: (year, height)."""
        x, y = self.highlight.get_offsets()[0]
        return float(x), float(y)

    def summary(self):
        return _("TimelineExplorer: {year}, latest milestone {event_year} {title}").format(
            year=self.year, event_year=self.event.year, title=_(self.event.title))

    # ----- handlers (never raise into ipywidgets) -------------------------------------------------
    def _on_slider(self, change):
        self._safely(self.set_year, int(change["new"]))

