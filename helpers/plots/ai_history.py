"""Figures for notebook 08: ImageNet results since 2010 and the timeline of hype and winters.

The numbers come from :mod:`helpers.ai_history`; each figure prints its sources underneath. The
"enthusiasm" band of the timeline is a sketch (:func:`helpers.ai_history.illustrative_mood`),
and the
figure says so in its legend and in a note.
"""
import numpy as np

from .. import ai_history
from ..i18n import N_, _
from .core import MAX_WIDTH_IN, TEXT_PT, new_figure

__all__ = ["plot_imagenet_errors", "draw_hype_timeline", "plot_hype_timeline"]

#: Marker colours of the timeline's event kinds (colour-blind-safe palette).
KIND_COLORS = {"hype": "#e69f00", "winter": "#0072b2", "breakthrough": "#009e73"}
#: Bar colours: entries built on hand-made features vs deep networks.
FEATURES_COLOR = "#e69f00"
DEEP_COLOR = "#0072b2"

#: The legend entry of each kind of event.
_KIND_LEGEND = {"hype": N_("event: hype"), "winter": N_("event: winter"),
                "breakthrough": N_("event: breakthrough")}
#: Each winter's name on the timeline, in two lines, by its first year.
_WINTER_LABELS = {1974: N_("first\nAI winter"), 1987: N_("second\nAI winter")}

# Where each event's label sits (year, height), chosen by eye so that no two labels overlap.
_LABEL_POSITIONS = {1956: (1953, 0.30), 1958: (1951, 0.86), 1969: (1962, 0.98),
                    1973: (1958, 0.13), 1980: (1981, 0.10), 1986: (1981, 1.08),
                    1987: (1992, 0.72), 1989: (1994, 0.50), 2012: (2003, 0.86),
                    2020: (2013, 1.08)}


def plot_imagenet_errors(width=8.0, height=4.2):
    """Bars: the winning top-5 error of each ImageNet challenge, with the human estimate."""
    fig, ax = new_figure(width=width, height=height)
    results = ai_history.IMAGENET_RESULTS
    years = [r.year for r in results]
    errors = [r.top5_error for r in results]
    colors = [FEATURES_COLOR if r.year < 2012 else DEEP_COLOR for r in results]
    bars = ax.bar(years, errors, color=colors, edgecolor="#333333", width=0.7, zorder=2)
    for bar, r in zip(bars, results):
        top = max(r.top5_error, ai_history.HUMAN_TOP5_ESTIMATE)
        ax.text(bar.get_x() + bar.get_width() / 2, top + 0.6,
                f"{r.top5_error:.1f} %\n{r.team}", ha="center", va="bottom", fontsize=TEXT_PT)
    ax.axhline(ai_history.HUMAN_TOP5_ESTIMATE, color="#cc3311", linestyle="--", linewidth=1.5,
               zorder=3)
    ax.bar([np.nan], [np.nan], color=FEATURES_COLOR, edgecolor="#333333",
           label=_("hand-made features + classifier"))
    ax.bar([np.nan], [np.nan], color=DEEP_COLOR, edgecolor="#333333", label=_("deep network"))
    ax.plot([], [], color="#cc3311", linestyle="--",
            label=_("estimated human error ({human:.1f} %)").format(
                human=ai_history.HUMAN_TOP5_ESTIMATE))
    ax.set_xticks(years)
    ax.set_ylim(0, 35)
    ax.set_xlabel(_("year of the ImageNet challenge (ILSVRC)"))
    ax.set_ylabel(_("top-5 error of the winner (%)"))
    ax.set_title(_("ImageNet image classification: winning error by year (lower is better)"))
    ax.legend(loc="upper right", fontsize=TEXT_PT)
    ax.grid(axis="y", alpha=0.3, zorder=0)
    fig.text(0.01, 0.005, _("Sources: Russakovsky et al., IJCV 115(3), 2015 (2010-2014, human "
                            "estimate); He et al., CVPR 2016 (2015)."),
             fontsize=TEXT_PT - 1, color="#555555", ha="left", va="bottom")
    fig.get_layout_engine().set(rect=(0, 0.04, 1, 0.96))
    return fig


def draw_hype_timeline(ax):
    """Draw the mood band, the winters and the events on ``ax``; return the artists by name.

    The returned dict holds ``"mood"`` (the curve), ``"events"`` (one scatter of all events, in
    the order of :data:`helpers.ai_history.EVENTS`), ``"labels"`` (their texts) and ``"winters"``.
    """
    years = np.arange(1950, 2026)
    mood = ai_history.illustrative_mood(years)
    winters = []
    for start, end, name, _source in ai_history.WINTERS:
        winters.append(ax.axvspan(start, end, color="#bbccee", alpha=0.6, zorder=0, lw=0))
        ax.text((start + end) / 2, 1.33, _(_WINTER_LABELS.get(start, name)),
                ha="center", va="top", fontsize=TEXT_PT, color="#1f3d7a")
    ax.fill_between(years, 0, mood, color="#dddddd", alpha=0.7, zorder=1, lw=0)
    (line,) = ax.plot(years, mood, color="#777777", lw=1.5, zorder=2,
                      label=_("enthusiasm (an illustration, not data)"))
    ev_years = np.array([e.year for e in ai_history.EVENTS], dtype=float)
    ev_mood = ai_history.illustrative_mood(ev_years)
    colors = [KIND_COLORS[e.kind] for e in ai_history.EVENTS]
    events = ax.scatter(ev_years, ev_mood, s=45, c=colors, edgecolors="#222222", zorder=4)
    labels = []
    for e, x, y in zip(ai_history.EVENTS, ev_years, ev_mood):
        xytext = _LABEL_POSITIONS.get(e.year, (x + 1, y + 0.15))
        labels.append(ax.annotate(f"{e.year} {_(e.short)}", (x, y), xytext=xytext,
                                  fontsize=TEXT_PT, ha="left", va="center", zorder=5,
                                  arrowprops=dict(arrowstyle="-", color="#888888", lw=0.7)))
    for kind, colour in KIND_COLORS.items():
        ax.scatter([], [], s=45, c=colour, edgecolors="#222222", label=_(_KIND_LEGEND[kind]))
    ax.fill_between([], [], color="#bbccee", alpha=0.6, label=_("AI winter (approximate years)"))
    ax.set_xlim(1950, 2026)
    ax.set_ylim(0, 1.38)
    ax.set_yticks([])
    ax.set_xlabel(_("year"))
    ax.set_ylabel(_("enthusiasm (sketch)"))
    return {"mood": line, "events": events, "labels": labels, "winters": winters}


def plot_hype_timeline(width=MAX_WIDTH_IN, height=5.6):
    """The timeline of hype and winters as a static figure (see :func:`draw_hype_timeline`)."""
    fig, ax = new_figure(width=width, height=height)
    draw_hype_timeline(ax)
    ax.set_title(_("Hype and winters, 1950s to today (the grey band is a sketch, not data)"))
    # under the axes, so the timeline keeps the figure's whole width
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncols=3, fontsize=TEXT_PT,
              frameon=False)
    fig.text(0.01, 0.005, _("Events: see helpers.ai_history.EVENTS for a source on each. Winter "
                            "dates are conventional\napproximations (Russell & Norvig, AIMA, "
                            "section 1.3)."),
             fontsize=TEXT_PT - 1, color="#555555", ha="left", va="bottom")
    fig.get_layout_engine().set(rect=(0, 0.07, 1, 0.93))
    return fig
