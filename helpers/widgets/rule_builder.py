"""The rule builder: write if-then rules for points by hand and watch the accuracy.

This is symbolic AI in miniature: a person looks at the data and writes rules such as
"if x > 1.4 and y > 0 then black". The list on the left holds the rules, checked top to bottom;
the controls edit the selected rule (up to two conditions, each a feature, a comparison and a
threshold on a slider). The plot colours the plane by what the rules say, rings the points they
get wrong and dashes the selected rule's thresholds.
"""
import ipywidgets as W
import numpy as np
from matplotlib.lines import Line2D

from .. import scoreboard
from ..i18n import N_, _, ngettext
from ..plots.core import TEXT_PT, DecisionMap, new_figure
from ..rule_lists import Condition, Rule, RuleList
from ..validation import as_2d, as_labels
from .base import CourseWidget, FigureView, choices, monospace_family
from .words_after_picture import words_after_picture

__all__ = ["RuleBuilder"]

NONE = N_("(none)")
WRONG_COLOR = "#d62728"
LINE_COLOR = "#0072b2"


class RuleBuilder(CourseWidget):
    """Build a short rule list for 2-D points with sliders, dropdowns and buttons.

    ``RuleBuilder()`` uses the running example's training points. Everything the controls do is
    an ordinary method: :meth:`add_rule`, :meth:`remove_rule`, :meth:`select_rule`,
    :meth:`set_threshold`, :meth:`set_feature`, :meth:`set_op`, :meth:`set_label`,
    :meth:`set_default` and :meth:`reset`.
    """

    MAX_RULES = 8

    def __init__(self, X=None, y=None, rules=("if x > 0 then black",), default=N_("white"),
                 label_names=(N_("white"), N_("black")), feature_names=("x", "y"),
                 resolution=90):
        if X is None and y is None:
            X, y, _X_test, _y_test = scoreboard.running_example_split()
        self.X = as_2d(X, "X", n_features=2, what=N_("the rule builder"))
        self.y = as_labels(y, n_samples=len(self.X), n_classes=len(label_names))
        self._start = (list(rules), default)
        self.rule_list = RuleList(rules, default, feature_names, label_names)
        if self.rule_list.n_rules > self.MAX_RULES:
            raise ValueError(_("the rule builder holds at most {most} rules; got {n}.").format(
                most=self.MAX_RULES, n=self.rule_list.n_rules))
        self.feature_names = self.rule_list.feature_names
        self.label_names = self.rule_list.label_names
        self.selected = 0 if self.rule_list.n_rules else None
        self._syncing = False
        lo, hi = np.floor(self.X.min(axis=0).min()) - 1, np.ceil(self.X.max(axis=0).max()) + 1
        self._range = (float(lo), float(hi))
        self._build_figure(resolution)
        self._build_controls()
        self._sync_controls()
        self._update_plot()

    # -- state ---------------------------------------------------------------------------------
    @property
    def predictions(self):
        return self.rule_list.predict(self.X)

    @property
    def misclassified(self):
        """Boolean mask of the points the rules get wrong."""
        return self.predictions != self.y

    @property
    def accuracy(self):
        return float(np.mean(~self.misclassified))

    def summary(self):
        n = self.rule_list.n_rules
        return ngettext("RuleBuilder: {n} rule, accuracy {accuracy:.3f} on {points} points",
                        "RuleBuilder: {n} rules, accuracy {accuracy:.3f} on {points} points",
                        n).format(n=n, accuracy=self.accuracy, points=len(self.y))

    # -- methods the controls call -------------------------------------------------------------
    def select_rule(self, index):
        """Make rule number ``index`` the one the controls edit."""
        self.selected = self.rule_list._index(index)
        self._changed(_("Editing rule {n}.").format(n=self.selected))

    def add_rule(self, rule=None):
        """Append a rule (text or Rule; by default one that calls everything right of the
        middle the other class) and select it."""
        if self.rule_list.n_rules >= self.MAX_RULES:
            raise ValueError(_("the list already holds {most} rules, the most this builder "
                               "allows; remove one first.").format(most=self.MAX_RULES))
        if rule is None:
            other = 1 if self.rule_list.default == 0 else 0
            middle = float(np.round(np.median(self.X[:, 0]), 1))
            rule = Rule((Condition(self.feature_names[0], ">", middle),), other)
        self.rule_list.add(rule)
        self.selected = self.rule_list.n_rules - 1
        self._changed(_("Added rule {n}; rules are checked top to bottom.").format(
            n=self.selected))

    def remove_rule(self, index=None):
        """Remove rule ``index`` (the selected one by default)."""
        if self.selected is None and index is None:
            raise ValueError(_("there is no rule to remove; press Add rule first."))
        index = self.selected if index is None else self.rule_list._index(index)
        removed = self.rule_list.remove(index)
        n = self.rule_list.n_rules
        self.selected = None if n == 0 else min(index, n - 1)
        self._changed(_("Removed '{rule}'.").format(rule=self._rule_text(removed)))

    def set_threshold(self, value, condition=0):
        """Set the threshold of condition 0 or 1 of the selected rule."""
        cond = self._condition(condition)
        self._replace_condition(condition, Condition(cond.feature, cond.op, float(value)))

    def set_op(self, op, condition=0):
        """Set the comparison ('>' or '<', also '>=' and '<=') of a condition."""
        cond = self._condition(condition)
        self._replace_condition(condition, Condition(cond.feature, op, cond.threshold))

    def set_feature(self, feature, condition=0):
        """Test another feature in a condition; for condition 1, None or '(none)' drops it."""
        rule = self._rule()
        if condition == 1 and feature in (None, NONE):
            if len(rule.conditions) > 1:
                self._set_rule(Rule(rule.conditions[:1], rule.label),
                               _("Dropped the second condition."))
            return
        if feature not in self.feature_names:
            raise ValueError(_("unknown feature {feature!r}; choose one of {names}.").format(
                feature=feature, names=", ".join(self.feature_names)))
        if condition == 1 and len(rule.conditions) == 1:
            start = float(np.round(np.median(self.X[:, self.feature_names.index(feature)]), 1))
            self._set_rule(Rule(rule.conditions + (Condition(feature, ">", start),), rule.label),
                           _("Added a second condition: both must hold."))
            return
        cond = self._condition(condition)
        self._replace_condition(condition, Condition(feature, cond.op, cond.threshold))

    def set_label(self, label):
        """Set the class the selected rule gives."""
        rule = self._rule()
        self._set_rule(Rule(rule.conditions, self.rule_list._label(label)),
                       _("Rule {n} now says {label}.").format(n=self.selected,
                                                              label=self._name(label)))

    def set_default(self, label):
        """Set the class of the points that no rule covers."""
        self.rule_list.set_default(label)
        self._changed(_("Points no rule covers are now {label}.").format(
            label=self._name(label)))

    def reset(self):
        """Back to the starting rules."""
        rules, default = self._start
        self.rule_list = RuleList(rules, default, self.feature_names, self.label_names)
        self.selected = 0 if self.rule_list.n_rules else None
        self._changed(_("Reset to the starting rules."))

    # -- helpers -------------------------------------------------------------------------------
    def _name(self, label):
        """A label (its name or number) as the learner reads it, in the current language."""
        return _(label if isinstance(label, str) else self.label_names[label])

    def _rule_text(self, rule):
        """A rule as the widget shows it: 'if x > 0.5 and y < 1 then black' in English (as
        ``Rule.text``), in the learner's language otherwise."""
        conditions = rule.conditions[0].text()
        for condition in rule.conditions[1:]:
            conditions = _("{first} and {second}").format(first=conditions,
                                                          second=condition.text())
        return _("if {conditions} then {label}").format(conditions=conditions,
                                                        label=self._name(rule.label))

    def _rule_lines(self):
        """The rules as the widget shows them, numbered, ending with the default (in English
        the same lines as ``RuleList.lines``)."""
        rules = self.rule_list.rules
        width = len(str(max(len(rules) - 1, 0)))
        lines = [f"{i:>{width}}. {self._rule_text(rule)}" for i, rule in enumerate(rules)]
        return lines + [_("otherwise {label}").format(label=self._name(self.rule_list.default))]

    def _rule(self):
        if self.selected is None:
            raise ValueError(_("no rule is selected; press Add rule first."))
        return self.rule_list.rules[self.selected]

    def _condition(self, condition):
        rule = self._rule()
        if condition not in (0, 1):
            raise ValueError(_("condition must be 0 (first) or 1 (second), got "
                               "{condition!r}.").format(condition=condition))
        if condition >= len(rule.conditions):
            raise ValueError(_("rule {n} has no second condition; pick a feature for it "
                               "first.").format(n=self.selected))
        return rule.conditions[condition]

    def _replace_condition(self, condition, new):
        rule = self._rule()
        conditions = list(rule.conditions)
        conditions[condition] = new
        new_rule = Rule(tuple(conditions), rule.label)
        self._set_rule(new_rule, _("Rule {n}: {rule}").format(n=self.selected,
                                                             rule=self._rule_text(new_rule)))

    def _set_rule(self, rule, message):
        self.rule_list.replace(self.selected, rule)
        self._changed(message)

    def _changed(self, message):
        self._sync_controls()
        self._update_plot()
        self.status.value = message

    # -- figure --------------------------------------------------------------------------------
    def _build_figure(self, resolution):
        # 760 px wide at 80 dpi: the rule list gets room for about 50 characters a line
        fig, (ax, panel) = new_figure(1, 2, width=4.75, height=3.9,
                                      gridspec_kw={"width_ratios": [1, 1]})
        self.fig, self.ax, self.panel = fig, ax, panel
        self.regions = DecisionMap(ax, self.X, self.y, self.rule_list.predict,
                                   labels=[_(name) for name in self.label_names],
                                   n_classes=len(self.label_names), resolution=resolution,
                                   margin=0.5, legend=False, region_legend=_("rules say {}"))
        self.image, self._grid = self.regions.image, self.regions.grid
        # rings round the misclassified points: markers of a line without a line, which
        # matplotlib draws several times faster than a scatter (about 0.4 ms instead of 2.8)
        self.wrong = ax.plot([], [], ls="none", marker="o", markersize=np.sqrt(95),
                             markerfacecolor="none", markeredgecolor=WRONG_COLOR,
                             markeredgewidth=1.6, zorder=4, label=_("misclassified"))[0]
        self.lines = [ax.plot([], [], ls="--", lw=1.8, color=LINE_COLOR, zorder=2)[0]
                      for _line in range(2)]
        self._limits = (ax.get_xlim(), ax.get_ylim())
        ax.set_title(_("What the rules say"))
        panel.axis("off")
        self.rule_text = panel.text(0.0, 1.0, "", va="top", ha="left", family=monospace_family(),
                                    fontsize=TEXT_PT, transform=panel.transAxes)
        handles = self.regions.legend_handles()
        handles.append(Line2D([], [], marker="o", ls="none", markersize=9, markerfacecolor="none",
                              markeredgecolor=WRONG_COLOR, markeredgewidth=1.6,
                              label=_("misclassified")))
        handles.append(Line2D([], [], ls="--", color=LINE_COLOR,
                              label=_("selected rule's cuts")))
        panel.legend(handles=handles, loc="lower left", ncols=2, fontsize=TEXT_PT,
                     frameon=False, borderaxespad=0.0)
        # What a change redraws, in drawing order; the legend, ticks and labels are drawn once
        # and kept as a background (about four times faster than a full redraw).
        self.view = FigureView(fig, moving=[self.image, *self.lines, *self.regions.points,
                                            self.wrong, *ax.spines.values(), ax.title,
                                            self.rule_text])

    def _update_plot(self):
        rules = self.rule_list
        self.regions.update(rules.predict)
        wrong = self.misclassified
        self.wrong.set_data(self.X[wrong, 0], self.X[wrong, 1])
        (x0, x1), (y0, y1) = self._limits
        conditions = rules.rules[self.selected].conditions if self.selected is not None else ()
        for k, line in enumerate(self.lines):
            if k < len(conditions):
                c = conditions[k]
                if c.feature == self.feature_names[0]:
                    line.set_data([c.threshold, c.threshold], [y0, y1])
                else:
                    line.set_data([x0, x1], [c.threshold, c.threshold])
            else:
                line.set_data([], [])
        self.ax.set_title(_("Your rules: accuracy {accuracy:.3f} ({wrong} wrong)").format(
            accuracy=self.accuracy, wrong=int(wrong.sum())))
        lines = self._rule_lines()
        text = []
        for i, line in enumerate(lines[:-1]):
            text.append(("→ " if i == self.selected else "  ") + line)
        text.append("  " + lines[-1])
        joiner = _("{first} and {second}").format(first="", second="")
        self.rule_text.set_text(_("Rules, top to bottom (→ editing):") + "\n" + "\n".join(
            _wrap(t, joiner) for t in text))
        self.accuracy_label.value = ngettext(
            "accuracy {accuracy:.3f}: {right} of {n} points right, {rules} rule",
            "accuracy {accuracy:.3f}: {right} of {n} points right, {rules} rules",
            rules.n_rules).format(accuracy=self.accuracy, right=int((~wrong).sum()),
                                  n=len(self.y), rules=rules.n_rules)
        self.view.refresh()

    # -- controls ------------------------------------------------------------------------------
    def _build_controls(self):
        lo, hi = self._range
        self.rule_select = W.Select(options=[], rows=6, layout=W.Layout(width="330px"))
        self.feature_dropdowns, self.op_dropdowns, self.threshold_sliders = [], [], []
        rows = []
        for k in range(2):
            options = list(self.feature_names) if k == 0 else [NONE, *self.feature_names]
            # "initial": each description takes the room it needs, so no label is cut short
            feature = W.Dropdown(options=choices(options),
                                 description=_("if") if k == 0 else _("and"),
                                 style={"description_width": "initial"},
                                 layout=W.Layout(width="150px"))
            op = W.Dropdown(options=[">", "<"], layout=W.Layout(width="60px"))
            slider = W.FloatSlider(min=lo, max=hi, step=0.1, readout_format=".1f",
                                   continuous_update=True, layout=W.Layout(width="260px"))
            feature.observe(self._handler(lambda v, k=k: self.set_feature(v, k)), "value")
            op.observe(self._handler(lambda v, k=k: self.set_op(v, k)), "value")
            slider.observe(self._handler(lambda v, k=k: self.set_threshold(v, k)), "value")
            self.feature_dropdowns.append(feature)
            self.op_dropdowns.append(op)
            self.threshold_sliders.append(slider)
            rows.append(W.HBox([feature, op, slider]))
        self.threshold_slider = self.threshold_sliders[0]
        self.label_dropdown = W.Dropdown(options=choices(self.label_names),
                                         description=_("then"),
                                         style={"description_width": "initial"},
                                         layout=W.Layout(width="150px"))
        self.default_dropdown = W.Dropdown(options=choices(self.label_names),
                                           description=_("otherwise"),
                                           style={"description_width": "initial"},
                                           layout=W.Layout(width="180px"))
        self.add_button = W.Button(description=_("Add rule"), icon="plus")
        self.remove_button = W.Button(description=_("Remove rule"), icon="minus")
        self.reset_button = W.Button(description=_("Reset"), icon="undo")
        self.accuracy_label = W.Label()
        self.accuracy_label.add_class("course-status")   # the browser tests read this text
        self.status = W.Label(_("Select a rule, then move its sliders."))
        self.rule_select.observe(self._handler(lambda v: v is not None and self.select_rule(v)),
                                 "index")
        self.label_dropdown.observe(self._handler(self.set_label), "value")
        self.default_dropdown.observe(self._handler(self.set_default), "value")
        self.add_button.on_click(self._handler(lambda _: self.add_rule(), button=True))
        self.remove_button.on_click(self._handler(lambda _: self.remove_rule(), button=True))
        self.reset_button.on_click(self._handler(lambda _: self.reset(), button=True))
        editor = W.VBox([*rows, self.label_dropdown,
                         W.HBox([self.add_button, self.remove_button, self.reset_button]),
                         self.default_dropdown])
        self.ui = W.VBox([W.HBox([self.rule_select, editor]), self.accuracy_label, self.status,
                          self.view.image])

    def _handler(self, action, button=False):
        """Wrap a method for a control: skip while syncing; show errors in the status line."""
        def handle(change):
            if self._syncing:
                return
            with words_after_picture(self.ui, self.view):   # the new picture first, then words
                try:
                    action(change if button else change["new"])
                except Exception as exc:   # shown to the learner instead of being swallowed
                    self.status.value = _("Not possible: {problem}").format(problem=exc)
        return handle

    def _sync_controls(self):
        """Show the selected rule in the controls without firing their handlers."""
        self._syncing = True
        try:
            rules = self.rule_list
            self.rule_select.options = [(line, i)
                                        for i, line in enumerate(self._rule_lines()[:-1])]
            self.rule_select.index = self.selected
            self.default_dropdown.value = self.label_names[rules.default]
            rule = rules.rules[self.selected] if self.selected is not None else None
            for k in range(2):
                has = rule is not None and k < len(rule.conditions)
                feature, op, slider = (self.feature_dropdowns[k], self.op_dropdowns[k],
                                       self.threshold_sliders[k])
                if has:
                    c = rule.conditions[k]
                    feature.value = c.feature
                    if c.op not in op.options:
                        op.options = list(dict.fromkeys([">", "<", c.op]))
                    op.value = c.op
                    slider.value = c.threshold
                elif k == 1:
                    feature.value = NONE
                feature.disabled = rule is None
                op.disabled = slider.disabled = not has
            self.label_dropdown.disabled = rule is None
            if rule is not None:
                self.label_dropdown.value = self.label_names[rule.label]
            self.add_button.disabled = rules.n_rules >= self.MAX_RULES
            self.remove_button.disabled = rule is None
        finally:
            self._syncing = False


def _columns(text):
    """How many monospace columns ``text`` takes (a Hangul character takes two)."""
    return sum(2 if "\uac00" <= ch <= "\ud7a3" else 1 for ch in text)


def _wrap(line, joiner=" and ", width=48):
    """Break a long rule line after an 'and' (``joiner``, as it reads in the current language)
    so it fits in the side panel."""
    if _columns(line) <= width:
        return line
    fits = len(line)
    while fits and _columns(line[:fits]) > width:
        fits -= 1
    cut = line.rfind(joiner, 0, fits)
    if cut <= 0:
        return line
    end = cut + len(joiner.rstrip())
    return line[:end] + "\n      " + line[end + 1:]
