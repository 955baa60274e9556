"""Symbolic AI on numbers: a rule list a person writes to classify points and digits.

Before machine learning, the main road to AI was to ask an expert how they decide and to write
their knowledge down as explicit rules a computer follows (Chollet, *Deep Learning with Python*,
ch. 1, calls this *symbolic AI*). A :class:`RuleList` is such a program for numbers: ordered
if-then rules and a default, read top to bottom; the first rule whose conditions all hold
decides. Rules read as text, for example ``"if x > 0.3 and y < 1.2 then black"``.

The module also holds the rules a person wrote for the running example and the 8×8 digits, and
registers their scoreboard rows. Rules over named facts (an expert system) are in
``helpers.expert_system``.
"""
import re
from dataclasses import dataclass

import numpy as np

from . import scoreboard
from .i18n import N_, _, ngettext
from .validation import as_2d, as_labels

__all__ = ["Condition", "Rule", "RuleList", "parse_rule", "OPERATORS", "PIXEL_NAMES",
           "DIGIT_NAMES", "RUNNING_EXAMPLE_RULES", "DIGIT_RULES", "running_example_rules",
           "digit_rules"]

#: The comparisons a condition may use.
OPERATORS = {">": np.greater, "<": np.less, ">=": np.greater_equal, "<=": np.less_equal}

#: Names of the 64 pixels of an 8×8 digit, row by row: ``pixel[row,column]``, counted from 0.
PIXEL_NAMES = tuple(f"pixel[{r},{c}]" for r in range(8) for c in range(8))
#: Class names of the digits.
DIGIT_NAMES = tuple(str(d) for d in range(10))


def _number_text(value):
    """A threshold as short text: 0.30000000000000004 -> '0.3', 2.0 -> '2'."""
    return f"{round(float(value), 3):g}"


def _names(names, what):
    if isinstance(names, str) or not all(isinstance(n, str) and n for n in names):
        raise TypeError(_("{what} must be a list of non-empty strings, e.g. ['x', 'y'].")
                        .format(what=what))
    names = tuple(names)
    if len(set(names)) != len(names):
        raise ValueError(_("{what} contains a name twice: {names}; names must differ.")
                         .format(what=what, names=list(names)))
    return names


@dataclass(frozen=True)
class Condition:
    """One test on one feature, such as ``x > 0.3``."""

    feature: str
    op: str
    threshold: float

    def __post_init__(self):
        if self.op not in OPERATORS:
            raise ValueError(_("unknown comparison {op!r}; use one of {operators}.")
                             .format(op=self.op, operators=", ".join(OPERATORS)))
        if isinstance(self.threshold, bool) or not isinstance(self.threshold, (int, float,
                                                                                np.number)):
            raise TypeError(_("the threshold of {feature} must be a number, got "
                              "{threshold!r}.").format(feature=self.feature,
                                                       threshold=self.threshold))
        if not np.isfinite(self.threshold):
            raise ValueError(_("the threshold of {feature} must be a finite number, got "
                               "{threshold}.").format(feature=self.feature,
                                                      threshold=self.threshold))
        object.__setattr__(self, "threshold", float(self.threshold))

    def holds(self, column):
        """True where the values in ``column`` pass the test."""
        return OPERATORS[self.op](column, self.threshold)

    def text(self):
        return f"{self.feature} {self.op} {_number_text(self.threshold)}"


@dataclass(frozen=True)
class Rule:
    """``if <all conditions hold> then <label>``; ``label`` is an integer class."""

    conditions: tuple
    label: int

    def __post_init__(self):
        conditions = tuple(self.conditions)
        if not conditions:
            raise ValueError(_("a rule needs at least one condition; for the points no rule "
                               "covers, set the rule list's default instead."))
        if not all(isinstance(c, Condition) for c in conditions):
            raise TypeError(_("a rule's conditions must be Condition objects, e.g. "
                              "Condition('x', '>', 0.3)."))
        object.__setattr__(self, "conditions", conditions)

    def text(self, label_names=None):
        """The rule in the words :func:`parse_rule` reads: "if x > 0.3 and y < 1 then black"
        (always English: this text is data; :meth:`shown` is what a learner reads)."""
        label = label_names[self.label] if label_names else str(self.label)
        return f"if {' and '.join(c.text() for c in self.conditions)} then {label}"

    def shown(self, label_names=None):
        """The rule as a learner reads it, in the language the package speaks (the same text
        as :meth:`text` in English)."""
        conditions = self.conditions[0].text()
        for condition in self.conditions[1:]:
            conditions = _("{first} and {second}").format(first=conditions,
                                                          second=condition.text())
        label = label_names[self.label] if label_names else str(self.label)
        return _("if {conditions} then {label}").format(conditions=conditions, label=_(label))


_RULE = re.compile(r"^\s*if\s+(?P<when>.+?)\s+then\s+(?P<label>\S+)\s*$", re.IGNORECASE)
_CONDITION = re.compile(r"^(?P<feature>[^\s<>=]+)\s*(?P<op><=|>=|<|>)\s*(?P<value>\S+)$")


def _label_index(text, label_names, rule=None):
    """The number of label ``text``; ``rule`` is the rule it was read from (None: the default)."""
    if text in label_names:
        return label_names.index(text)
    if rule is None:
        message = _("default: unknown label {label!r}; the labels are {labels}.")
    else:
        message = _("in {rule!r}: unknown label {label!r}; the labels are {labels}.")
    raise ValueError(message.format(rule=rule, label=text, labels=", ".join(label_names)))


def parse_rule(text, feature_names=("x", "y"), label_names=("white", "black")):
    """Read a rule written as text, e.g. ``"if x > 0.3 and y < 1.2 then black"``."""
    if not isinstance(text, str):
        raise TypeError(_("a rule must be written as text like 'if x > 0.3 then black', got "
                          "{type}.").format(type=type(text).__name__))
    match = _RULE.match(text)
    if match is None:
        raise ValueError(_("cannot read the rule {rule!r}: write it as 'if CONDITION and "
                           "CONDITION then LABEL', e.g. 'if {feature} > 0.3 then {label}'.")
                         .format(rule=text, feature=feature_names[0], label=label_names[-1]))
    conditions = []
    for part in re.split(r"\s+and\s+", match["when"].strip(), flags=re.IGNORECASE):
        found = _CONDITION.match(part.strip())
        if found is None:
            raise ValueError(_("cannot read the condition {part!r} in {rule!r}: write it as "
                               "NAME OPERATOR NUMBER, e.g. '{feature} > 0.3' (operators: "
                               "{operators}).").format(part=part, rule=text,
                                                       feature=feature_names[0],
                                                       operators=", ".join(OPERATORS)))
        feature = found["feature"]
        if feature not in feature_names:
            shown = ", ".join(feature_names) if len(feature_names) <= 8 else \
                f"{feature_names[0]} ... {feature_names[-1]}"
            raise ValueError(_("unknown feature {feature!r} in {rule!r}; the features are "
                               "{features}.").format(feature=feature, rule=text,
                                                     features=shown))
        try:
            value = float(found["value"])
        except ValueError:
            raise ValueError(_("the threshold {value!r} in {rule!r} is not a number; write "
                               "e.g. '{feature} {op} 0.5'.").format(
                value=found["value"], rule=text, feature=feature, op=found["op"])) from None
        conditions.append(Condition(feature, found["op"], value))
    label = _label_index(match["label"], tuple(label_names), rule=text)
    return Rule(tuple(conditions), label)


class RuleList:
    """An ordered list of if-then rules with a default: a classifier a person writes.

    To classify a point, the rules are read top to bottom; the first rule whose conditions all
    hold gives the label. A point no rule covers gets ``default``. Rules can be given as text::

        rules = RuleList(["if x > 1.4 and y > 0 then black"], default="white")
        rules.add("if x > 2.2 then black")
        rules.score(X, y)            # accuracy, a number between 0 and 1
    """

    def __init__(self, rules=(), default=0, feature_names=("x", "y"),
                 label_names=("white", "black")):
        self.feature_names = _names(feature_names, "feature_names")
        self.label_names = _names(label_names, "label_names")
        if len(self.label_names) < 2:
            raise ValueError(_("label_names needs at least two classes."))
        self.rules = []
        self.default = self._label(default)
        if isinstance(rules, (str, Rule)):
            rules = [rules]
        for rule in rules:
            self.add(rule)

    # -- building ------------------------------------------------------------------------------
    def _label(self, label):
        if isinstance(label, str):
            return _label_index(label, self.label_names)
        if isinstance(label, (int, np.integer)) and not isinstance(label, bool) \
                and 0 <= label < len(self.label_names):
            return int(label)
        raise ValueError(_("a label must be one of {labels} (or its number 0..{last}), got "
                           "{label!r}.").format(labels=", ".join(self.label_names),
                                                last=len(self.label_names) - 1, label=label))

    def _rule(self, rule):
        if isinstance(rule, str):
            return parse_rule(rule, self.feature_names, self.label_names)
        if isinstance(rule, Rule):
            for c in rule.conditions:
                if c.feature not in self.feature_names:
                    features = ", ".join(self.feature_names[:8]) + (
                        " ..." if len(self.feature_names) > 8 else "")
                    raise ValueError(_("unknown feature {feature!r}; the features are "
                                       "{features}.").format(feature=c.feature,
                                                             features=features))
            return Rule(rule.conditions, self._label(rule.label))
        raise TypeError(_("a rule must be text like 'if x > 0.3 then black' or a Rule, got "
                          "{type}.").format(type=type(rule).__name__))

    def _index(self, index):
        if isinstance(index, bool) or not isinstance(index, (int, np.integer)):
            raise TypeError(_("a rule number must be a whole number, got {index!r}.")
                            .format(index=index))
        if not -len(self.rules) <= index < len(self.rules):
            raise IndexError(_("there is no rule number {index}; the list holds {n} rule(s), "
                               "numbered 0..{last}.").format(index=index, n=len(self.rules),
                                                             last=len(self.rules) - 1))
        return int(index) % len(self.rules)

    def add(self, rule):
        """Append a rule (text or :class:`Rule`) at the end; returns the list itself."""
        self.rules.append(self._rule(rule))
        return self

    def insert(self, index, rule):
        """Put a rule at position ``index`` (0 = checked first)."""
        self.rules.insert(index, self._rule(rule))
        return self

    def replace(self, index, rule):
        """Swap the rule at ``index`` for another."""
        self.rules[self._index(index)] = self._rule(rule)
        return self

    def remove(self, index=-1):
        """Delete the rule at ``index`` (the last one by default) and return it."""
        if not self.rules:
            raise IndexError(_("the rule list is empty; there is no rule to remove."))
        return self.rules.pop(self._index(index))

    def set_default(self, label):
        self.default = self._label(label)
        return self

    @classmethod
    def from_text(cls, text, feature_names=("x", "y"), label_names=("white", "black")):
        """Read one rule per line; a line ``otherwise LABEL`` sets the default."""
        if isinstance(text, str):
            lines = text.splitlines()
        else:
            lines = list(text)
        rules, default = [], None
        for line in lines:
            if not isinstance(line, str):
                raise TypeError(_("each line must be text, got {type}.")
                                .format(type=type(line).__name__))
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            words = line.split()
            if words[0].lower() in ("otherwise", "else", "default"):
                if len(words) != 2:
                    raise ValueError(_("cannot read {line!r}; write 'otherwise LABEL', e.g. "
                                       "'otherwise {label}'.").format(line=line,
                                                                      label=label_names[0]))
                default = words[1]
            else:
                rules.append(line)
        return cls(rules, default if default is not None else 0, feature_names, label_names)

    # -- using ---------------------------------------------------------------------------------
    @property
    def n_rules(self):
        """How many if-then rules the list holds (the default is not counted)."""
        return len(self.rules)

    def __len__(self):
        return len(self.rules)

    def _X(self, X):
        return as_2d(X, "X", n_features=len(self.feature_names), what=N_("this rule list"))

    def deciding_rule(self, X):
        """For each row of X, the number of the rule that decides it (-1: the default)."""
        X = self._X(X)
        decided = np.full(len(X), -1, dtype=np.int64)
        for number, rule in enumerate(self.rules):
            hit = decided == -1                      # only points no earlier rule took
            for c in rule.conditions:                # ... that meet every condition
                hit &= c.holds(X[:, self.feature_names.index(c.feature)])
            decided[hit] = number
        return decided

    def predict(self, X):
        """The label of every row of ``X`` (shape (n, number of features))."""
        decided = self.deciding_rule(X)
        labels = np.array([r.label for r in self.rules] + [self.default], dtype=np.int64)
        return labels[decided]   # index -1 picks the default at the end

    def score(self, X, y):
        """Accuracy: the fraction of rows of ``X`` whose predicted label equals ``y``."""
        X = self._X(X)
        y = as_labels(y, n_samples=len(X), n_classes=len(self.label_names))
        return float(np.mean(self.predict(X) == y))

    def report(self, X, y):
        """Per rule (and the default, last): how many rows it decides and how many it gets right.

        Returns a list of ``(text, decided, correct)``, the text as a learner reads it (see
        :meth:`lines`). A rule that decides nothing is shadowed: the rules above it have already
        taken every row it would match.
        """
        X = self._X(X)
        y = as_labels(y, n_samples=len(X), n_classes=len(self.label_names))
        decided = self.deciding_rule(X)
        texts = [r.shown(self.label_names) for r in self.rules]
        texts.append(self._otherwise())
        labels = [r.label for r in self.rules] + [self.default]
        out = []
        for number, (text, label) in enumerate(zip(texts, labels)):
            mask = decided == (number if number < len(self.rules) else -1)
            out.append((text, int(mask.sum()), int(np.sum(y[mask] == label))))
        return out

    def lines(self):
        """The rules as a learner reads them, one per line, numbered, ending with the default
        (in the language the package speaks; ``Rule.text`` gives the words RuleList reads)."""
        width = len(str(max(len(self.rules) - 1, 0)))
        out = [f"{i:>{width}}. {rule.shown(self.label_names)}"
               for i, rule in enumerate(self.rules)]
        return out + [self._otherwise()]

    def _otherwise(self):
        return _("otherwise {label}").format(label=_(self.label_names[self.default]))

    def copy(self):
        return RuleList(self.rules, self.default, self.feature_names, self.label_names)

    def __repr__(self):
        head = ngettext("RuleList with {n} rule:", "RuleList with {n} rules:",
                        self.n_rules).format(n=self.n_rules)
        return "\n".join([head] + ["  " + line for line in self.lines()])


# ---------------------------------------------------------------------------------------------
# Rules a person wrote for the scoreboard
# ---------------------------------------------------------------------------------------------

#: Hand-written rules for the running example. The classes are split by a slanted line, and
#: rules can only cut along x or y, so the rules build a staircase along that line.
RUNNING_EXAMPLE_RULES = (
    "if x > 2.2 then black",
    "if x > 1.4 and y > 0 then black",
    "if x > 0.6 and y > 1 then black",
    "if x > -0.2 and y > 2 then black",
    "otherwise white",
)


def running_example_rules():
    """The hand-written rule list for the running example (4 rules, default white)."""
    return RuleList.from_text(RUNNING_EXAMPLE_RULES)


#: Hand-written pixel rules for the 8×8 digits, in the order a person added them while looking
#: at the average image of each digit (notebook 01 shows how accuracy grows with each one).
#: ``pixel[r,c]`` is the ink at row r, column c (0 = top/left), from 0 (white) to 1 (black).
DIGIT_RULES = (
    "if pixel[4,3] < 0.2 and pixel[4,2] > 0.3 and pixel[4,5] > 0.3 then 0",
    "if pixel[2,2] > 0.5 and pixel[5,2] > 0.5 and pixel[2,4] < 0.2 then 6",
    "if pixel[7,6] > 0.3 and pixel[6,2] > 0.4 and pixel[3,2] < 0.2 then 2",
    "if pixel[4,1] > 0.4 and pixel[3,1] > 0.2 and pixel[0,2] < 0.1 then 4",
    "if pixel[0,6] > 0.2 and pixel[6,5] < 0.1 then 7",
    "if pixel[3,2] < 0.2 and pixel[5,5] > 0.5 and pixel[6,2] < 0.5 then 3",
    "if pixel[2,2] > 0.6 and pixel[2,5] < 0.1 then 5",
    "if pixel[5,2] < 0.1 and pixel[5,5] > 0.5 and pixel[3,2] > 0.5 then 9",
    "if pixel[4,2] > 0.6 and pixel[4,1] > 0.3 and pixel[6,4] > 0.5 then 4",
    "if pixel[4,3] > 0.6 and pixel[2,5] > 0.5 then 8",
    "if pixel[0,4] > 0.6 and pixel[1,5] > 0.5 and pixel[5,3] > 0.5 and pixel[6,3] > 0.5 then 7",
    "if pixel[4,1] > 0.5 and pixel[4,5] > 0.6 then 4",
    "if pixel[0,5] > 0.5 and pixel[4,3] > 0.5 and pixel[6,4] < 0.2 then 7",
    "if pixel[6,1] > 0.3 and pixel[7,5] > 0.5 then 2",
    "if pixel[1,2] > 0.5 and pixel[1,5] > 0.5 and pixel[3,2] < 0.2 then 3",
    "if pixel[0,2] > 0.5 and pixel[2,2] > 0.5 and pixel[4,5] > 0.3 then 5",
    "if pixel[3,2] > 0.5 and pixel[3,5] > 0.5 and pixel[5,5] > 0.5 then 9",
    "if pixel[5,2] > 0.5 and pixel[3,3] > 0.5 and pixel[6,5] > 0.5 then 8",
    "if pixel[2,2] > 0.5 and pixel[2,5] > 0.5 and pixel[4,3] < 0.3 then 0",
    "if pixel[5,1] > 0.2 and pixel[6,5] > 0.5 and pixel[4,3] > 0.5 then 6",
    "otherwise 1",
)


def digit_rules(n_rules=None):
    """The first ``n_rules`` hand-written digit rules (all of them by default)."""
    total = len(DIGIT_RULES) - 1          # the last line is the default
    if n_rules is None:
        n_rules = total
    if isinstance(n_rules, bool) or not isinstance(n_rules, (int, np.integer)) \
            or not 0 <= n_rules <= total:
        raise ValueError(_("n_rules must be a whole number from 0 to {total}, got "
                           "{n_rules!r}.").format(total=total, n_rules=n_rules))
    lines = DIGIT_RULES[:n_rules] + DIGIT_RULES[-1:]   # keep the default line
    return RuleList.from_text(lines, PIXEL_NAMES, DIGIT_NAMES)


@scoreboard.entry(1, "running example", "hand-written rules",
                  "every rule and threshold (4 rules)")
def _running_example_row():
    _X_train, _y_train, X_test, y_test = scoreboard.running_example_split()
    return running_example_rules().score(X_test, y_test)


@scoreboard.entry(1, "digits", "hand-written rules",
                  f"every pixel test ({len(DIGIT_RULES) - 1} rules)")
def _digits_row():
    _X_train, _y_train, X_test, y_test = scoreboard.digits_split()
    return digit_rules().score(X_test, y_test)
