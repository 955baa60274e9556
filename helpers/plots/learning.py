"""Figures of notebook 02: the paradigm flip, a search over rules, train versus test."""
import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch

from .core import REGION_COLORS, new_figure, plot_decision_regions, plot_points

__all__ = ["plot_paradigm_flip", "plot_rule_search", "draw_rule", "plot_rule",
           "plot_train_test", "plot_rule_vs_memorizer"]

_BOX = {"rules": "#fde2b5", "data": "#cfe3f5", "answers": "#d5efd0", "program": "#eeeeee"}


def _box(ax, x, y, text, colour, width=0.22, height=0.16):
    ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                boxstyle="round,pad=0.01,rounding_size=0.03", fc=colour,
                                ec="#444444", lw=1.2))
    ax.text(x, y, text, ha="center", va="center", fontsize=11)


def _arrow(ax, start, end):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=16, lw=1.6,
                                 color="#444444"))


def plot_paradigm_flip():
    """Classical programming (rules + data → answers) beside machine learning (data + answers →
    rules), and the learned rules then used on new data. After François Chollet, *Deep Learning
    with Python*, chapter 1."""
    fig, axes = new_figure(1, 2, width=5.0, height=2.7)
    panels = [("Classical programming", [("Rules", "rules"), ("Data", "data")],
               "A program", ("Answers", "answers")),
              ("Machine learning", [("Data", "data"), ("Answers", "answers")],
               "Training\n(a search)", ("Rules", "rules"))]
    for ax, (title, inputs, middle, output) in zip(axes, panels):
        ax.set_xlim(0, 1)
        ax.set_ylim(0.1, 0.92)
        ax.set_axis_off()
        ax.set_title(title, fontsize=13, fontweight="bold")
        for (text, kind), y in zip(inputs, (0.78, 0.48)):
            _box(ax, 0.14, y, text, _BOX[kind])
            _arrow(ax, (0.26, y), (0.38, 0.63))
        _box(ax, 0.5, 0.63, middle, _BOX["program"], width=0.24, height=0.2)
        _arrow(ax, (0.62, 0.63), (0.74, 0.63))
        _box(ax, 0.86, 0.63, output[0], _BOX[output[1]])
    ax = axes[1]
    ax.text(0.5, 0.2, "then: learned rules + new data → answers", ha="center", va="center",
            fontsize=10, style="italic", color="#333333")
    axes[0].text(0.5, 0.2, "a person writes the rules by hand", ha="center", va="center",
                 fontsize=10,
                 style="italic", color="#333333")
    return fig


def plot_rule_search(search, title="Keep-the-best search over threshold rules"):
    """Each candidate's score in the order tried, and the best score so far."""
    fig, ax = new_figure(width=7.0, height=3.4)
    steps = np.arange(1, len(search.scores_) + 1)
    ax.scatter(steps, search.scores_, s=6, color="#7f7f7f", alpha=0.6, label="candidate's score")
    ax.plot(steps, search.best_so_far_, color="#d62728", lw=2, label="best so far")
    ax.scatter([search.best_index_ + 1], [search.train_score_], s=80, marker="*",
               color="#d62728", zorder=4, label=f"kept: {search.rule_}")
    measure = "accuracy on training data" if search.measure == "accuracy" else "errors"
    ax.set_xlabel("candidate number (in the order tried)")
    ax.set_ylabel(measure)
    ax.set_title(title)
    # below the axes: inside, it would hide candidates (the scores fill the whole plot)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, fontsize=8, frameon=False)
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
        ax.axvline(t, color="#d62728", lw=2, ls="--", zorder=2, label=repr(rule).split(" (")[0])
    else:
        span = (t, hi[1]) if rule.above == 1 else (lo[1], t)
        ax.axhspan(*span, color=black, alpha=alpha, zorder=0, lw=0)
        ax.axhline(t, color="#d62728", lw=2, ls="--", zorder=2, label=repr(rule).split(" (")[0])
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])


def plot_rule(X, y, rule, title, labels=("white", "black")):
    """The points and one threshold rule: the shaded side is where the rule answers black."""
    fig, ax = new_figure(width=4.6, height=4.0)
    draw_rule(ax, rule, X)
    plot_points(ax, X, y, labels=labels, legend=False)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize=8, framealpha=0.9)
    return fig


def plot_train_test(results, title="Training data versus new data"):
    """Grouped bars: ``results`` maps a learner's name to (training accuracy, test accuracy)."""
    fig, ax = new_figure(width=6.0, height=3.4)
    names = list(results)
    x = np.arange(len(names))
    train = [results[n][0] for n in names]
    test = [results[n][1] for n in names]
    bars1 = ax.bar(x - 0.18, train, 0.36, color="#4c72b0", label="training data (seen)")
    bars2 = ax.bar(x + 0.18, test, 0.36, color="#dd8452", label="test data (new)")
    for bar in [*bars1, *bars2]:
        ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height() + 0.02,
                f"{bar.get_height():.2f}", ha="center", fontsize=9)
    ax.axhline(0.5, color="#555555", ls=":", lw=1.2, label="coin flip (0.5)")
    ax.set_xticks(x, names)
    ax.set_ylim(0, 1.3)
    ax.set_ylabel("accuracy")
    ax.set_title(title)
    ax.legend(loc="upper center", ncols=3, fontsize=8)
    return fig


def plot_rule_vs_memorizer(rule_learner, memorizer, X_train, y_train, X_test, y_test,
                           labels=("white", "black")):
    """Where each learner answers black (dark background) over the plane, with the test points.

    The memoriser has no answer for a spot it never saw, so its map is a random speckle."""
    fig, axes = new_figure(1, 2, width=4.4, height=4.0)
    learners = [("best threshold rule", rule_learner), ("memoriser", memorizer)]
    both = np.vstack([X_train, X_test])
    for ax, (name, learner) in zip(axes, learners):
        plot_decision_regions(ax, learner.predict, both, np.concatenate([y_train, y_test]),
                              labels=labels, resolution=90, points=False)
        plot_points(ax, X_test, y_test, labels=labels)
        acc = learner.score(X_test, y_test)
        ax.set_title(f"{name}: test accuracy {acc:.2f}")
    handles = [Patch(color=REGION_COLORS[k], label=f"answers {labels[k]}") for k in (0, 1)]
    fig.legend(handles=handles, loc="outside lower center", ncols=2, fontsize=9)
    fig.suptitle("Where each learner answers black or white (points: the test data)")
    return fig
