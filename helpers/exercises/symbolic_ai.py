"""Checkers for the exercises of notebook 01 (symbolic AI).

Each checker takes the learner's answer and returns :class:`Feedback`: what is right, or what is
wrong and a hint towards fixing it. Rules are read with the course's reading rules: letter case
and spaces do not matter (``"If X > 1 Then Black"``, ``"pixel[4, 4]"``), and a list of lines
is the same answer as one text with a line per rule.
"""
import re

import numpy as np

from .. import scoreboard
from ..expert_system import ANIMAL_RULES, KnowledgeBase
from ..rule_lists import DIGIT_NAMES, PIXEL_NAMES, RuleList, running_example_rules
from .feedback import (AnswerError, NO_ANSWER as _NO_ANSWER, checker, correct, not_yet,
                       read_words, short)

__all__ = ["check_running_example_rules", "check_zero_or_one", "check_trace",
           "RUNNING_EXAMPLE_GOAL", "RUNNING_EXAMPLE_MAX_RULES", "ZERO_ONE_GOAL",
           "ZERO_ONE_MAX_RULES", "TRACE_FACTS"]

RUNNING_EXAMPLE_GOAL = 0.85
RUNNING_EXAMPLE_MAX_RULES = 4
ZERO_ONE_GOAL = 0.95
ZERO_ONE_MAX_RULES = 2
#: The facts of exercise 3: what the system is told about an animal.
TRACE_FACTS = ("has_feathers", "lays_eggs", "long_wings")


def _clean_line(line):
    """One rule line in the form RuleList reads: lower case, single spaces, "pixel[4,4]"."""
    line = line.lower().replace("−", "-").replace("≥", ">=").replace("≤", "<=")
    line = re.sub(r"\[\s*(\d+)\s*,\s*(\d+)\s*\]", r"[\1,\2]", line)       # pixel[4, 4]
    line = re.sub(r"^(otherwise|else|default)\s*:?\s*", r"\1 ", line.strip())
    return re.sub(r"\s+", " ", line).strip().rstrip(".").strip()


def _lines(answer):
    """The answer's rule lines: text is split at line breaks, at ';' and before ', if' /
    ', otherwise' (commas inside pixel[4,4] are kept)."""
    if isinstance(answer, str):
        if len(answer) > 5000:
            raise AnswerError(f"your answer is {len(answer)} characters long; these rules need "
                              f"a few lines.", "Write only the rules.")
        parts = re.split(r"\n|;|,(?=\s*(?:if|otherwise|else)\b)", answer, flags=re.I)
    else:
        parts = list(answer)
        if len(parts) > 100:
            raise AnswerError(f"your list has {len(parts)} items; these rules need a few.",
                              "Write one rule per item.")
    return [_clean_line(p) for p in parts]


def _read_rules(answer, feature_names, label_names, example):
    """Turn the answer into a RuleList, or return a Feedback saying why that failed."""
    if isinstance(answer, RuleList):
        if answer.feature_names != tuple(feature_names) or \
                answer.label_names != tuple(label_names):
            return not_yet("your RuleList uses other feature or label names than this task.",
                           f"Build it with feature names {feature_names[0]}, ... and labels "
                           f"{', '.join(label_names)}, or simply answer with text.")
        return answer
    if isinstance(answer, (list, tuple)) and not all(isinstance(a, str) for a in answer):
        return not_yet("your list holds something other than text.",
                       f"Give the rules as strings, one per rule, e.g. [{example!r}].")
    if not isinstance(answer, (str, list, tuple)):
        return not_yet(f"the answer should be rules written as text, but it is of type "
                       f"{type(answer).__name__}.",
                       f"Write one rule per line in a string, e.g. {example!r}, or a list of "
                       f"such strings.")
    lines = [line for line in _lines(answer) if line]
    if not lines:
        return not_yet("your answer holds no rules.", f"Write rules such as {example!r}.")
    try:
        return RuleList.from_text(lines, feature_names, label_names)
    except (ValueError, TypeError) as exc:
        return not_yet(f"I could not read your rules: {exc}",
                       f"Every rule looks like {example!r}; an optional last line "
                       f"'otherwise LABEL' sets the default.")


def _silent_rule(rules, X):
    """A sentence about the first rule that decides no point, or None."""
    decided = rules.deciding_rule(X)
    for number, rule in enumerate(rules.rules):
        if np.any(decided == number):
            continue
        covers = np.ones(len(X), dtype=bool)
        for c in rule.conditions:
            covers &= c.holds(X[:, rules.feature_names.index(c.feature)])
        text = rule.text(rules.label_names)
        if not covers.any():
            return (f"the rule '{text}' never fires: no training example meets its "
                    f"condition(s), so it changes nothing.")
        return (f"the rule '{text}' never decides anything: every example it covers is "
                f"already taken by a rule above it.")
    return None


def _copied_from_scoreboard(rules):
    """True when every rule of ``rules`` is one of the scoreboard's hand-written rules (shown
    in the notebook after exercise 1), so the answer is a copy rather than the learner's own."""
    shown = set(running_example_rules().rules)
    return all(rule in shown for rule in rules.rules)


def _where(X):
    centre = X.mean(axis=0)
    return f"around x = {centre[0]:.1f}, y = {centre[1]:.1f}"


@checker
def check_running_example_rules(answer):
    """Exercise 1: at most 4 rules reaching 0.85 accuracy on the running example's training set.

    ``answer``: the rules as text, one per line (``"if x > 1 and y > 0 then black"``), with an
    optional last line ``"otherwise white"``; or a list of such lines; or a
    :class:`~helpers.rule_lists.RuleList`.
    """
    if answer is None:
        return not_yet(_NO_ANSWER, "start from 'if x > 0 then black' and use the rule builder "
                                   "above to find better thresholds.")
    rules = _read_rules(answer, ("x", "y"), ("white", "black"), "if x > 1.5 then black")
    if not isinstance(rules, RuleList):
        return rules
    if rules.n_rules == 0:
        return not_yet("your answer has no if-then rules, only a default, so every point gets "
                       "the same colour.", "Add rules such as 'if x > 1.5 then black'.")
    if rules.n_rules > RUNNING_EXAMPLE_MAX_RULES:
        return not_yet(f"you wrote {rules.n_rules} rules; this exercise allows at most "
                       f"{RUNNING_EXAMPLE_MAX_RULES}.",
                       "Merge rules or drop the ones that decide few points "
                       "(rules.report(X, y) shows how many points each rule decides).")
    X, y, X_test, y_test = scoreboard.running_example_split()
    accuracy = rules.score(X, y)
    if accuracy >= RUNNING_EXAMPLE_GOAL and _copied_from_scoreboard(rules):
        return not_yet("these are the scoreboard's rules, printed further down in the notebook; "
                       "the exercise asks for rules of your own.",
                       "Find your own thresholds with the rule builder above (three steps of a "
                       "staircase along the border are enough).")
    if accuracy >= RUNNING_EXAMPLE_GOAL:
        return correct(f"your {rules.n_rules} rule(s) get {accuracy:.3f} of the training points "
                       f"right (and {rules.score(X_test, y_test):.3f} of the test points, which "
                       f"they never saw).")
    predicted = rules.predict(X)
    missed_black = (y == 1) & (predicted == 0)
    false_black = (y == 0) & (predicted == 1)
    if missed_black.sum() >= false_black.sum():
        hint = (f"Most mistakes ({int(missed_black.sum())}) are black points your rules call "
                f"white, {_where(X[missed_black])}: add or loosen a rule so it catches them.")
    else:
        hint = (f"Most mistakes ({int(false_black.sum())}) are white points your rules call "
                f"black, {_where(X[false_black])}: tighten a rule (a higher threshold or a "
                f"second condition) so it leaves them out.")
    by_default = rules.deciding_rule(X) == -1
    if rules.default == 1 and np.any(by_default & (y == 0)):
        hint += (f" Also check your default: the {int(np.sum(by_default & (y == 0)))} white "
                 f"points no rule covers are called black.")
    silent = _silent_rule(rules, X)
    if silent:
        hint = silent[0].upper() + silent[1:] + " " + hint
    return not_yet(f"your rules get {accuracy:.3f} of the training points right; the goal is "
                   f"{RUNNING_EXAMPLE_GOAL:.2f}.", hint)


def _zero_one_data():
    X, y, _, _ = scoreboard.digits_split()
    keep = y <= 1
    return X[keep], y[keep]


@checker
def check_zero_or_one(answer):
    """Exercise 2: at most 2 pixel rules telling 0 from 1 with accuracy 0.95 (training images).

    ``answer``: rules as text over ``pixel[row,column]`` with labels ``0`` and ``1``, e.g.
    ``"if pixel[2,3] > 0.5 then 1"``, with an optional last line ``"otherwise 0"``.
    """
    if answer is None:
        return not_yet(_NO_ANSWER, "compare the average 0 and the average 1 above: find a "
                                   "pixel that is blank in one and inked in the other.")
    rules = _read_rules(answer, PIXEL_NAMES, DIGIT_NAMES, "if pixel[2,3] > 0.5 then 1")
    if not isinstance(rules, RuleList):
        return rules
    used = sorted({r.label for r in rules.rules} | {rules.default})
    if any(label > 1 for label in used):
        other = [str(label) for label in used if label > 1]
        return not_yet(f"your rules can answer {', '.join(other)}, but every image here is a 0 "
                       f"or a 1.", "Use only the labels 0 and 1 (and set the default with "
                                   "'otherwise 0' or 'otherwise 1').")
    if rules.n_rules == 0:
        return not_yet("your answer has no if-then rules, only a default, so every image gets "
                       "the same digit.", "Add a rule such as 'if pixel[2,3] > 0.5 then 1'.")
    if rules.n_rules > ZERO_ONE_MAX_RULES:
        return not_yet(f"you wrote {rules.n_rules} rules; this exercise allows at most "
                       f"{ZERO_ONE_MAX_RULES}.", "One well-chosen pixel is enough.")
    X, y = _zero_one_data()
    accuracy = rules.score(X, y)
    if accuracy >= ZERO_ONE_GOAL:
        return correct(f"your rules tell 0 from 1 on {accuracy:.3f} of the {len(y)} training "
                       f"images. Two digits are easy; the trouble starts with all ten.")
    predicted = rules.predict(X)
    zeros_wrong = int(np.sum((y == 0) & (predicted != 0)))
    ones_wrong = int(np.sum((y == 1) & (predicted != 1)))
    message = (f"your rules get {accuracy:.3f} right ({zeros_wrong} zeros and {ones_wrong} "
               f"ones wrong); the goal is {ZERO_ONE_GOAL:.2f}.")
    swapped = float(np.mean((1 - predicted) == y))
    silent = _silent_rule(rules, X)
    if len(set(predicted.tolist())) == 1:
        hint = (f"Your rules call every image {predicted[0]}. "
                + (silent[0].upper() + silent[1:] if silent else
                   "Choose a pixel and threshold that split the zeros from the ones."))
    elif swapped >= ZERO_ONE_GOAL:
        hint = (f"Your rules have the labels swapped: with 0 and 1 exchanged they would get "
                f"{swapped:.3f} right. Swap the labels (or flip > and <).")
    elif silent:
        hint = silent[0].upper() + silent[1:]
    else:
        hint = ("The middle of a 0 is an empty hole, while a 1 puts its stroke right through "
                "the middle: in the average images, look for the pixel near the centre where "
                "that difference is clearest, and try thresholds between the two averages.")
    return not_yet(message, hint)


def _rule_names(answer):
    """Rule names in upper case from a list, tuple or text: "r3, R12" and [3, 12] give
    ["R3", "R12"]."""
    names = [w.upper() for w in read_words(answer, "the answer")]
    return [f"R{n}" if n.isdigit() else n for n in names]


@checker
def check_trace(answer):
    """Exercise 3: the rules that fire, in order, for the facts in :data:`TRACE_FACTS`.

    ``answer``: rule names in firing order: ``["R1", "R5"]``, ``("r1", "r5")`` or ``"R1, R5"``.
    """
    if answer is None:
        return not_yet(_NO_ANSWER, "start from the given facts, scan the rules from R1 and fire "
                                   "the first one whose conditions are all known and whose "
                                   "conclusion is new; repeat.")
    if not isinstance(answer, (str, list, tuple)):
        return not_yet(f"the answer should be a list of rule names in firing order, got "
                       f"{type(answer).__name__}.", "Write it like ['R1', 'R5'].")
    names = _rule_names(answer)
    if not names:
        return not_yet("your answer names no rules.", "Write it like ['R1', 'R5'].")
    kb = KnowledgeBase(ANIMAL_RULES)
    known = [r.name for r in kb.rules]
    unknown = [a for a in names if a not in known]
    if unknown:
        return not_yet(f"there is no rule named {short(unknown[0])}.",
                       f"The rules are called {known[0]} to {known[-1]}; see the printed "
                       f"knowledge base.")
    expected = kb.run(TRACE_FACTS).fired
    if names == expected:
        return correct(f"{', '.join(expected)} fire, in that order: has_feathers gives bird, "
                       f"bird gives flies, and then bird, flies and long_wings give albatross.")
    if len(set(names)) < len(names):
        return not_yet("a rule appears twice in your answer.",
                       "A rule fires only when its conclusion is new, so each rule fires at "
                       "most once.")
    if "R4" in names:
        return not_yet("R4 does not fire.",
                       "Once flies is known, R4's conditions (flies and lays_eggs) hold, but its "
                       "conclusion 'bird' is already known; a rule fires only if it adds a new "
                       "fact.")
    missing = [n for n in expected if n not in names]
    extra = [n for n in names if n not in expected]
    if "R12" in missing and "R14" in names:
        return not_yet("something has to conclude 'flies' before R14 can fire.",
                       "'flies' is not among the given facts; which rule concludes it?")
    if extra:
        rule = next(r for r in kb.rules if r.name == extra[0])
        return not_yet(f"{extra[0]} does not fire.",
                       f"It needs {' and '.join(rule.conditions)}; check whether all of these "
                       f"are ever known.")
    if missing:
        return not_yet(f"{len(missing)} rule(s) that fire are missing from your answer.",
                       "Keep going until no rule can add a new fact; the animal's name is the "
                       "last conclusion.")
    return not_yet("these are the right rules, but not in the order they fire.",
                   "After every firing, scan again from R1: the first rule that can add a new "
                   "fact fires next.")
