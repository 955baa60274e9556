"""Checkers for the exercises of notebook 01 (symbolic AI).

Each checker takes the learner's answer and returns :class:`Feedback`: what is right, or what is
wrong and a hint towards fixing it.
"""
import numpy as np

from .. import scoreboard
from ..rules import ANIMAL_RULES, DIGIT_NAMES, PIXEL_NAMES, KnowledgeBase, RuleList
from .feedback import correct, not_yet, NO_ANSWER as _NO_ANSWER

__all__ = ["check_running_example_rules", "check_zero_or_one", "check_trace",
           "RUNNING_EXAMPLE_GOAL", "RUNNING_EXAMPLE_MAX_RULES", "ZERO_ONE_GOAL",
           "ZERO_ONE_MAX_RULES", "TRACE_FACTS"]

RUNNING_EXAMPLE_GOAL = 0.85
RUNNING_EXAMPLE_MAX_RULES = 4
ZERO_ONE_GOAL = 0.95
ZERO_ONE_MAX_RULES = 2
#: The facts of exercise 3: what the system is told about an animal.
TRACE_FACTS = ("has_feathers", "lays_eggs", "long_wings")


def _read_rules(answer, feature_names, label_names, example):
    """Turn the answer into a RuleList, or return a Feedback saying why that failed."""
    if isinstance(answer, RuleList):
        if answer.feature_names != tuple(feature_names) or \
                answer.label_names != tuple(label_names):
            return not_yet("your RuleList uses other feature or label names than this task.",
                           f"build it with feature names {feature_names[0]}, ... and labels "
                           f"{', '.join(label_names)}, or simply answer with text.")
        return answer
    if isinstance(answer, (list, tuple)) and not all(isinstance(a, str) for a in answer):
        return not_yet("your list holds something other than text.",
                       f"give the rules as strings, one per rule, e.g. [{example!r}].")
    if not isinstance(answer, (str, list, tuple)):
        return not_yet(f"the answer should be rules written as text, but it is of type "
                       f"{type(answer).__name__}.",
                       f"write one rule per line in a string, e.g. {example!r}, or a list of "
                       f"such strings.")
    try:
        return RuleList.from_text(answer, feature_names, label_names)
    except (ValueError, TypeError) as exc:
        return not_yet(f"I could not read your rules: {exc}",
                       f"every rule looks like {example!r}; an optional last line "
                       f"'otherwise LABEL' sets the default.")


def _where(X):
    centre = X.mean(axis=0)
    return f"around x = {centre[0]:.1f}, y = {centre[1]:.1f}"


def check_running_example_rules(answer):
    """Exercise 1: at most 4 rules reaching 0.85 accuracy on the running example's training set.

    ``answer``: the rules as text, one per line (``"if x > 1 and y > 0 then black"``), with an
    optional last line ``"otherwise white"``; or a :class:`~helpers.rules.RuleList`.
    """
    if answer is None:
        return not_yet(_NO_ANSWER, "start from 'if x > 0 then black' and use the rule builder "
                                   "above to find better thresholds.")
    rules = _read_rules(answer, ("x", "y"), ("white", "black"), "if x > 1.5 then black")
    if not isinstance(rules, RuleList):
        return rules
    if rules.n_rules == 0:
        return not_yet("your answer has no if-then rules, only a default, so every point gets "
                       "the same colour.", "add rules such as 'if x > 1.5 then black'.")
    if rules.n_rules > RUNNING_EXAMPLE_MAX_RULES:
        return not_yet(f"you wrote {rules.n_rules} rules; this exercise allows at most "
                       f"{RUNNING_EXAMPLE_MAX_RULES}.",
                       "merge rules or drop the ones that decide few points "
                       "(rules.report(X, y) shows how many points each rule decides).")
    X, y, X_test, y_test = scoreboard.running_example_split()
    accuracy = rules.score(X, y)
    if accuracy >= RUNNING_EXAMPLE_GOAL:
        return correct(f"your {rules.n_rules} rule(s) get {accuracy:.3f} of the training points "
                       f"right (and {rules.score(X_test, y_test):.3f} of the test points, which "
                       f"they never saw).")
    predicted = rules.predict(X)
    missed_black = (y == 1) & (predicted == 0)
    false_black = (y == 0) & (predicted == 1)
    if missed_black.sum() >= false_black.sum():
        hint = (f"most mistakes ({int(missed_black.sum())}) are black points your rules call "
                f"white, {_where(X[missed_black])}: add or loosen a rule so it catches them.")
    else:
        hint = (f"most mistakes ({int(false_black.sum())}) are white points your rules call "
                f"black, {_where(X[false_black])}: tighten a rule (a higher threshold or a "
                f"second condition) so it leaves them out.")
    if rules.default == 1:
        hint += " Also check your default: points no rule covers are called black."
    return not_yet(f"your rules get {accuracy:.3f} of the training points right; the goal is "
                   f"{RUNNING_EXAMPLE_GOAL:.2f}.", hint[0].upper() + hint[1:])


def _zero_one_data():
    X, y, _, _ = scoreboard.digits_split()
    keep = y <= 1
    return X[keep], y[keep]


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
                       f"or a 1.", "use only the labels 0 and 1 (and set the default with "
                                   "'otherwise 0' or 'otherwise 1').")
    if rules.n_rules == 0:
        return not_yet("your answer has no if-then rules, only a default, so every image gets "
                       "the same digit.", "add a rule such as 'if pixel[2,3] > 0.5 then 1'.")
    if rules.n_rules > ZERO_ONE_MAX_RULES:
        return not_yet(f"you wrote {rules.n_rules} rules; this exercise allows at most "
                       f"{ZERO_ONE_MAX_RULES}.", "one well-chosen pixel is enough.")
    X, y = _zero_one_data()
    accuracy = rules.score(X, y)
    if accuracy >= ZERO_ONE_GOAL:
        return correct(f"your rules tell 0 from 1 on {accuracy:.3f} of the {len(y)} training "
                       f"images. Two digits are easy; the trouble starts with all ten.")
    predicted = rules.predict(X)
    zeros_wrong = int(np.sum((y == 0) & (predicted != 0)))
    ones_wrong = int(np.sum((y == 1) & (predicted != 1)))
    if accuracy <= 0.5:
        hint = ("your rules get most images backwards: swap the labels, or flip > and < in "
                "your condition.")
    else:
        hint = ("the middle of a 0 is an empty hole, while a 1 puts its stroke right through "
                "the middle: look at the average images for the pixel where that is clearest "
                "(rows 3-4, columns 3-4) and try thresholds between 0.2 and 0.5.")
    return not_yet(f"your rules get {accuracy:.3f} right ({zeros_wrong} zeros and {ones_wrong} "
                   f"ones wrong); the goal is {ZERO_ONE_GOAL:.2f}.", hint)


def check_trace(answer):
    """Exercise 3: the rules that fire, in order, for the facts in :data:`TRACE_FACTS`.

    ``answer``: a list of rule names such as ``["R1", "R5"]``.
    """
    if answer is None:
        return not_yet(_NO_ANSWER, "start from the given facts, scan the rules from R1 and fire "
                                   "the first one whose conditions are all known and whose "
                                   "conclusion is new; repeat.")
    if isinstance(answer, str) or not isinstance(answer, (list, tuple)) or \
            not all(isinstance(a, str) for a in answer):
        return not_yet("the answer should be a list of rule names in firing order.",
                       "write it like ['R1', 'R5'] (a list of strings).")
    names = [a.strip().upper() for a in answer]
    kb = KnowledgeBase(ANIMAL_RULES)
    known = [r.name for r in kb.rules]
    unknown = [a for a in names if a not in known]
    if unknown:
        return not_yet(f"there is no rule named {unknown[0]!r}.",
                       f"the rules are called {known[0]} to {known[-1]}; see the printed "
                       f"knowledge base.")
    expected = kb.run(TRACE_FACTS).fired
    if names == expected:
        return correct(f"{', '.join(expected)} fire, in that order: has_feathers gives bird, "
                       f"bird gives flies, and then bird, flies and long_wings give albatross.")
    if len(set(names)) < len(names):
        return not_yet("a rule appears twice in your answer.",
                       "a rule fires only when its conclusion is new, so each rule fires at "
                       "most once.")
    if "R4" in names:
        return not_yet("R4 does not fire.",
                       "once flies is known, R4's conditions (flies and lays_eggs) hold, but its "
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
                       f"it needs {' and '.join(rule.conditions)}; check whether all of these "
                       f"are ever known.")
    if missing:
        return not_yet(f"{len(missing)} rule(s) that fire are missing from your answer.",
                       "keep going until no rule can add a new fact; the animal's name is the "
                       "last conclusion.")
    return not_yet("these are the right rules, but not in the order they fire.",
                   "after every firing, scan again from R1: the first rule that can add a new "
                   "fact fires next.")
