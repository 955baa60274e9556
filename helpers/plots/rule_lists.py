"""Figures of rule lists over numbers (:mod:`helpers.rule_lists`, notebook 01): the average digit
images one reads pixel rules from, the pixels each rule tests, and accuracy as rules are added."""
import numpy as np
from matplotlib.ticker import MaxNLocator

from ..i18n import _
from .core import TEXT_PT, new_figure, translated

__all__ = ["plot_digit_means", "plot_rule_pixels", "plot_rule_growth"]

_NEED_INK = "#1a9641"     # marker for "pixel > t": ink must be there
_NEED_BLANK = "#d7191c"   # marker for "pixel < t": the pixel must be (nearly) blank


def _image_axes(ax, image, title):
    ax.imshow(np.asarray(image).reshape(8, 8), cmap="gray_r", vmin=0, vmax=1)
    ax.set_xticks(range(8))
    ax.set_yticks(range(8))
    ax.tick_params(labelsize=TEXT_PT, length=0, pad=1)
    ax.set_title(title, fontsize=TEXT_PT + 1)


def plot_digit_means(X, y):
    """The average image of each digit 0-9, with row and column numbers to read pixels by."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    fig, axes = new_figure(2, 5, width=1.6, height=1.8)
    for digit, ax in enumerate(axes.ravel()):
        _image_axes(ax, X[y == digit].mean(axis=0), _("average {digit}").format(digit=digit))
    for ax in axes[:, 0]:
        ax.set_ylabel(_("row"), fontsize=TEXT_PT)
    for ax in axes[1]:
        ax.set_xlabel(_("column"), fontsize=TEXT_PT)
    fig.suptitle(_("The average training image of each digit (darker = more ink)"))
    return fig


def _pixel(feature):
    """'pixel[3,4]' -> (3, 4)."""
    row, col = feature[feature.index("[") + 1:-1].split(",")
    return int(row), int(col)


def plot_rule_pixels(rule_list, X, y, rules=None):
    """For each chosen rule, the average image of the digit it names, with the pixels it tests.

    A green triangle marks "this pixel must hold ink" (``>``), a red cross "this pixel must be
    blank" (``<``). ``rules`` is a list of rule numbers (default: all, at most 10).
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    numbers = list(range(min(rule_list.n_rules, 10))) if rules is None else list(rules)
    if not numbers:
        raise ValueError(_("there are no rules to draw; pass a rule list with at least one "
                           "rule."))
    bad = [n for n in numbers if not 0 <= n < rule_list.n_rules]
    if bad:
        raise ValueError(_("there is no rule number {number}; the list holds {n} rules.").format(
            number=bad[0], n=rule_list.n_rules))
    if not all(name.startswith("pixel[") for name in rule_list.feature_names):
        raise ValueError(_("plot_rule_pixels draws rules over the digit pixels; build the rule "
                           "list with feature_names=helpers.rule_lists.PIXEL_NAMES."))
    cols = min(len(numbers), 5)
    rows = int(np.ceil(len(numbers) / cols))
    fig, axes = new_figure(rows, cols, width=1.65, height=2.0)
    axes = np.atleast_1d(axes).ravel()
    for ax, number in zip(axes, numbers):
        rule = rule_list.rules[number]
        name = rule_list.label_names[rule.label]
        _image_axes(ax, X[y == rule.label].mean(axis=0),
                    _("rule {number}: then {name}").format(number=number, name=translated(name)))
        for c in rule.conditions:
            r, col = _pixel(c.feature)
            ink = c.op in (">", ">=")
            ax.plot(col, r, marker="^" if ink else "X", ms=9, ls="none",
                    color=_NEED_INK if ink else _NEED_BLANK, markeredgecolor="white",
                    markeredgewidth=0.8)
    for ax in axes[len(numbers):]:
        ax.axis("off")
    handles = [axes[0].plot([], [], marker="^", ls="none", color=_NEED_INK,
                            label=_("needs ink (pixel > t)"))[0],
               axes[0].plot([], [], marker="X", ls="none", color=_NEED_BLANK,
                            label=_("must be blank (pixel < t)"))[0]]
    fig.legend(handles=handles, loc="outside lower center", ncols=2, fontsize=TEXT_PT)
    fig.suptitle(_("Which pixels each rule tests, drawn on the average image of its digit"))
    return fig


def plot_rule_growth(n_rules, train_accuracy, test_accuracy, chance=None, title=None):
    """Accuracy (training and test) against the number of hand-written rules."""
    fig, ax = new_figure(width=5.2, height=3.4)
    ax.plot(n_rules, train_accuracy, "o-", ms=4, label=_("training images"))
    ax.plot(n_rules, test_accuracy, "s--", ms=4, label=_("test images"))
    if chance is not None:
        ax.axhline(chance, color="gray", lw=1, ls=":",
                   label=_("guessing ({chance:.2f})").format(chance=chance))
    ax.set_ylim(0, 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
    ax.set_xlabel(_("number of rules written"))
    ax.set_ylabel(_("accuracy"))
    ax.set_title(translated(title) if title else _("More rules, little more accuracy"))
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=TEXT_PT, frameon=False)
    return fig
