"""Figures of learning as search (:mod:`helpers.search`): the paradigm flip, the search over
threshold rules and train versus test (notebook 02), then the search over changes of coordinates
(notebook 03): points before and after a change, the landscape the search walks, snapshots."""
import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch

from ..i18n import N_, _
from ..search import accuracy_landscape, x_rule_accuracy
from .core import (MAX_WIDTH_IN, REGION_COLORS, TEXT_PT, class_name, draw_decision_regions,
                   draw_points, new_figure, translated)

__all__ = ["plot_paradigm_flip", "plot_rule_search", "draw_rule", "plot_rule",
           "plot_train_test", "plot_rule_vs_memorizer", "draw_before_after", "update_boundary",
           "plot_before_after", "plot_search_landscape", "plot_search_snapshots"]

_LABELS = (N_("white"), N_("black"))

_BOX = {"rules": "#fde2b5", "data": "#cfe3f5", "answers": "#d5efd0", "program": "#eeeeee"}


def _box(ax, x, y, text, colour, width=0.22, height=0.16):
    ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                boxstyle="round,pad=0.01,rounding_size=0.03", fc=colour,
                                ec="#444444", lw=1.2))
    ax.text(x, y, _(text), ha="center", va="center", fontsize=TEXT_PT + 1)


def _arrow(ax, start, end):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=16, lw=1.6,
                                 color="#444444"))


def plot_paradigm_flip():
    """Classical programming (rules + data → answers) beside machine learning (data + answers →
    rules), and the learned rules then used on new data. After François Chollet, *Deep Learning
    with Python*, chapter 1."""
    fig, axes = new_figure(1, 2, width=MAX_WIDTH_IN / 2, height=2.5)
    panels = [(N_("Classical programming"), [(N_("Rules"), "rules"), (N_("Data"), "data")],
               N_("A program"), (N_("Answers"), "answers")),
              (N_("Machine learning"), [(N_("Data"), "data"), (N_("Answers"), "answers")],
               N_("Training\n(a search)"), (N_("Rules"), "rules"))]
    for ax, (title, inputs, middle, output) in zip(axes, panels):
        ax.set_xlim(0, 1)
        ax.set_ylim(0.1, 0.92)
        ax.set_axis_off()
        ax.set_title(_(title), fontsize=TEXT_PT + 3, fontweight="bold")
        for (text, kind), y in zip(inputs, (0.78, 0.48)):
            _box(ax, 0.14, y, text, _BOX[kind])
            _arrow(ax, (0.26, y), (0.38, 0.63))
        _box(ax, 0.5, 0.63, middle, _BOX["program"], width=0.24, height=0.2)
        _arrow(ax, (0.62, 0.63), (0.74, 0.63))
        _box(ax, 0.86, 0.63, output[0], _BOX[output[1]])
    ax = axes[1]
    ax.text(0.5, 0.2, _("then: learned rules + new data → answers"), ha="center", va="center",
            fontsize=TEXT_PT, style="italic", color="#333333")
    axes[0].text(0.5, 0.2, _("a person writes the rules by hand"), ha="center", va="center",
                 fontsize=TEXT_PT, style="italic", color="#333333")
    return fig


def rule_text(rule, otherwise=False):
    """A ThresholdRule as a legend shows it, class names translated: "x > 0.123 → black", and
    with ``otherwise=True`` "x > 0.123 → black (otherwise white)" (as its repr)."""
    name = ("x", "y")[rule.feature] if rule.feature < 2 else \
        _("feature {k}").format(k=rule.feature)
    text = f"{name} > {rule.threshold:.3f} → {_(_LABELS[rule.above])}"
    if otherwise:
        text += " (" + _("otherwise {name}").format(name=_(_LABELS[1 - rule.above])) + ")"
    return text


def plot_rule_search(search, title=N_("Keep-the-best search over threshold rules")):
    """Each candidate's score in the order tried, and the best score so far."""
    fig, ax = new_figure(width=7.0, height=3.4)
    steps = np.arange(1, len(search.scores_) + 1)
    ax.scatter(steps, search.scores_, s=6, color="#7f7f7f", alpha=0.6,
               label=_("candidate's score"))
    ax.plot(steps, search.best_so_far_, color="#d62728", lw=2, label=_("best so far"))
    ax.scatter([search.best_index_ + 1], [search.train_score_], s=80, marker="*",
               color="#d62728", zorder=4,
               label=_("kept: {rule}").format(rule=rule_text(search.rule_, otherwise=True)))
    measure = _("accuracy on training data") if search.measure == "accuracy" else _("errors")
    ax.set_xlabel(_("candidate number (in the order tried)"))
    ax.set_ylabel(measure)
    ax.set_title(translated(title))
    # below the axes: inside, it would hide candidates (the scores fill the whole plot)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, fontsize=TEXT_PT,
              frameon=False)
    return fig


def draw_rule(ax, rule, X, alpha=0.35):
    """Shade the part of the plane where a ThresholdRule answers black and draw its threshold."""
    X = np.asarray(X, dtype=float)
    lo, hi = X.min(axis=0) - 0.5, X.max(axis=0) + 0.5
    t = rule.threshold
    black = REGION_COLORS[1]
    if rule.feature == 0:
        span = (t, hi[0]) if rule.above == 1 else (lo[0], t)
        ax.axvspan(*span, color=black, alpha=alpha, zorder=0, lw=0)
        ax.axvline(t, color="#d62728", lw=2, ls="--", zorder=2, label=rule_text(rule))
    else:
        span = (t, hi[1]) if rule.above == 1 else (lo[1], t)
        ax.axhspan(*span, color=black, alpha=alpha, zorder=0, lw=0)
        ax.axhline(t, color="#d62728", lw=2, ls="--", zorder=2, label=rule_text(rule))
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])


def plot_rule(X, y, rule, title, labels=_LABELS):
    """The points and one threshold rule: the shaded side is where the rule answers black."""
    fig, ax = new_figure(width=4.6, height=4.0)
    draw_rule(ax, rule, X)
    draw_points(ax, X, y, labels=labels, legend=False)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title(translated(title))
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=TEXT_PT, frameon=False)
    return fig


def plot_train_test(results, title=N_("Training data versus new data")):
    """Grouped bars: ``results`` maps a learner's name to (training accuracy, test accuracy)."""
    fig, ax = new_figure(width=6.0, height=3.4)
    names = list(results)
    x = np.arange(len(names))
    train = [results[n][0] for n in names]
    test = [results[n][1] for n in names]
    bars1 = ax.bar(x - 0.18, train, 0.36, color="#4c72b0", label=_("training data (seen)"))
    bars2 = ax.bar(x + 0.18, test, 0.36, color="#dd8452", label=_("test data (new)"))
    for bar in [*bars1, *bars2]:
        ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height() + 0.02,
                f"{bar.get_height():.2f}", ha="center", fontsize=TEXT_PT)
    ax.axhline(0.5, color="#555555", ls=":", lw=1.2, label=_("coin flip (0.5)"))
    ax.set_xticks(x, [translated(n) for n in names])
    ax.set_ylim(0, 1.3)
    ax.set_ylabel(_("accuracy"))
    ax.set_title(translated(title))
    ax.legend(loc="upper center", ncols=3, fontsize=TEXT_PT)
    return fig


def plot_rule_vs_memorizer(rule_learner, memorizer, X_train, y_train, X_test, y_test,
                           labels=_LABELS):
    """Where each learner answers black (dark background) over the plane, with the test points.

    The memoriser has no answer for a spot it never saw, so its map is a random speckle."""
    fig, axes = new_figure(1, 2, width=MAX_WIDTH_IN / 2, height=4.0)
    learners = [(N_("best threshold rule"), rule_learner), (N_("memoriser"), memorizer)]
    both = np.vstack([X_train, X_test])
    for ax, (name, learner) in zip(axes, learners):
        draw_decision_regions(ax, learner.predict, both, np.concatenate([y_train, y_test]),
                              labels=labels, resolution=90, points=False, legend=False)
        points = draw_points(ax, X_test, y_test, labels=labels, legend=False)
        acc = learner.score(X_test, y_test)
        ax.set_title(_("{name}: test accuracy {accuracy:.2f}").format(name=_(name), accuracy=acc),
                     fontsize=TEXT_PT + 1)
    handles = points + [Patch(color=REGION_COLORS[k], label=_("answers {name}").format(
        name=class_name(k, labels))) for k in (0, 1)]
    fig.legend(handles=handles, loc="outside lower center", ncols=4, fontsize=TEXT_PT)
    fig.suptitle(_("Where each learner answers black or white (points: the test data)"))
    return fig


def draw_before_after(axes, X, y, X_new, labels=_LABELS, angle=None, shift=None):
    """Draw points in the original coordinates (left) and the new ones (right), with the rule
    "x > 0 → black" on the right. Returns the artists a widget updates: ``after`` (one scatter
    per class), ``boundary`` (the line x_new = 0 drawn in the original coordinates), ``shade``."""
    left, right = axes
    draw_points(left, X, y, labels=labels, legend=False)
    lo, hi = X.min(axis=0) - 0.6, X.max(axis=0) + 0.6
    left.set_xlim(lo[0], hi[0])
    left.set_ylim(lo[1], hi[1])
    left.set_xlabel("x")
    left.set_ylabel("y")
    left.set_title(_("original coordinates"))
    (boundary,) = left.plot([], [], color="#d62728", lw=2, ls="--",
                            label=_("where new x = 0"), zorder=4)
    shade = right.axvspan(0, 6, color=REGION_COLORS[1], alpha=0.45, zorder=0, lw=0,
                          label=_("rule says black"))
    right.axvline(0, color="#d62728", lw=2, ls="--", zorder=2)
    after = draw_points(right, X_new, y, labels=labels, legend=False)
    right.set_xlim(-4, 4)
    right.set_ylim(-4, 4)
    right.set_aspect("equal")
    left.set_aspect("equal")
    right.set_xlabel(_("new x"))
    right.set_ylabel(_("new y"))
    # one legend under both panels, where it hides no point
    left.figure.legend(handles=[*after, boundary, shade], loc="outside lower center", ncols=4,
                       fontsize=TEXT_PT, frameon=False)
    for ax in axes:   # fixed ticks: nothing to recompute when a widget redraws
        limits = ax.get_xlim(), ax.get_ylim()
        ax.set_xticks(np.arange(np.ceil(limits[0][0]), limits[0][1] + 1e-9, 2.0))
        ax.set_yticks(np.arange(np.ceil(limits[1][0]), limits[1][1] + 1e-9, 2.0))
        ax.set_xlim(*limits[0])
        ax.set_ylim(*limits[1])
    if angle is not None:
        update_boundary(boundary, X, angle, shift)
    return {"after": after, "boundary": boundary, "shade": shade}


def update_boundary(line, X, angle, shift):
    """Set ``line`` to the points of the original plane that land on new x = 0."""
    t = np.deg2rad(angle)
    c, s = np.cos(t), np.sin(t)
    # new x = c*x - s*y + dx = 0: a line through p0 with direction (s, c)
    p0 = -shift[0] * np.array([c, -s])
    r = np.linspace(-8, 8, 2)
    line.set_data(p0[0] + r * s, p0[1] + r * c)


def plot_before_after(X, y, X_new, title, angle=None, shift=None, labels=_LABELS):
    """Two panels: the points as given and after a change of coordinates."""
    fig, axes = new_figure(1, 2, width=MAX_WIDTH_IN / 2, height=4.0)
    draw_before_after(axes, X, y, X_new, labels, angle, shift)
    fig.suptitle(translated(title))
    return fig


def plot_search_landscape(search, X, y, title=N_("The search, step by step")):
    """Left: accuracy of "x > 0" for every (angle, shift), the proposals and the path taken.
    Right: the accuracy kept after each step."""
    angles = np.arange(-180, 181, 3)
    shifts = np.linspace(-3, 3, 61)
    land = accuracy_landscape(X, y, angles, shifts)
    fig, (left, right) = new_figure(1, 2, width=MAX_WIDTH_IN / 2, height=3.9)
    im = left.imshow(land.T, origin="lower", aspect="auto", cmap="viridis", vmin=0, vmax=1,
                     extent=(angles[0], angles[-1], shifts[0], shifts[-1]))
    fig.colorbar(im, ax=left, label=_('accuracy of "x > 0 → black"'), shrink=0.85)
    prop = search.proposals_
    inside = (np.abs(prop[:, 1]) <= 3)
    rejected = ~search.accepted_ & inside
    left.scatter(prop[rejected, 0], prop[rejected, 1], s=10, color="#bbbbbb", lw=0,
                 label=_("proposal rejected"))
    left.plot(search.path_[:, 0], search.path_[:, 1], color="white", lw=1.2)
    kept = np.unique(search.path_, axis=0)
    left.scatter(kept[:, 0], kept[:, 1], s=14, color="white", edgecolors="k", lw=0.5,
                 label=_("kept"), zorder=3)
    left.scatter(*search.path_[0], s=70, marker="s", color="#ff7f0e", label=_("start"),
                 zorder=4)
    left.scatter(search.angle_, search.shift_[0], s=140, marker="*", color="#d62728",
                 label=_("end"), zorder=4)
    left.set_xlabel(_("angle (degrees)"))
    left.set_ylabel(_("shift of x (dx)"))
    left.set_title(_("where the search went"))

    steps = np.arange(len(search.scores_))
    right.scatter(steps, search.scores_, s=8, color="#999999", label=_("proposal's accuracy"))
    right.plot(steps, search.best_so_far_, color="#d62728", lw=2, label=_("kept accuracy"))
    right.axhline(0.95, color="#2ca02c", ls=":", label=_("target 0.95"))
    right.set_xlabel(_("step"))
    right.set_ylabel(_("accuracy on training data"))
    right.set_ylim(0, 1.02)
    right.set_title(_("accuracy along the way"))
    handles = left.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
    fig.legend(handles=handles, loc="outside lower center", ncols=4, fontsize=TEXT_PT,
               frameon=False)
    fig.suptitle(translated(title))
    return fig


def plot_search_snapshots(search, X, y, steps, labels=_LABELS):
    """The training points in the coordinates the search held at each of ``steps``."""
    fig, axes = new_figure(1, len(steps), width=min(2.9, MAX_WIDTH_IN / len(steps)), height=3.1)
    axes = np.atleast_1d(axes)
    for ax, step in zip(axes, steps):
        X_new = search.transform(X, step=step)
        angle, dx = search.path_[step]
        ax.axvspan(0, 6, color=REGION_COLORS[1], alpha=0.45, zorder=0, lw=0)
        ax.axvline(0, color="#d62728", lw=1.5, ls="--")
        points = draw_points(ax, X_new, y, labels=labels, size=10, legend=False)
        ax.set_xlim(-4, 4)
        ax.set_ylim(-4, 4)
        ax.set_aspect("equal")
        ax.set_title(_("step {step}: {angle:.0f}°, dx {dx:.2f}\naccuracy {accuracy:.3f}").format(
            step=step, angle=angle, dx=dx, accuracy=x_rule_accuracy(X_new, y)), fontsize=TEXT_PT)
        ax.set_xlabel(_("new x"))
    axes[0].set_ylabel(_("new y"))
    shade = Patch(color=REGION_COLORS[1], alpha=0.45, label=_('"x > 0 → black" answers black'))
    fig.legend(handles=[*points, shade], loc="outside lower center", ncols=3, fontsize=TEXT_PT,
               frameon=False)
    fig.suptitle(_('Snapshots of the search (shaded: where "x > 0 → black" answers black)'))
    return fig
