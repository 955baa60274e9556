"""Checkers for the exercises of notebook 01 (symbolic AI).

Each checker takes the learner's answer and returns :class:`Feedback`: what is right, or what is
wrong and a hint towards fixing it. Rules are read with the course's reading rules: letter case
and spaces do not matter (``"If X > 1 Then Black"``, ``"pixel[4, 4]"``), and a list of lines
is the same answer as one text with a line per rule. Rules may be written in Korean too, in either
language of the course: ``"만약 x > 1 이면 검은색"``, ``"x > 1 이고 y > 0 이면 검정"``,
``"그 밖에는 흰색"`` read like ``"if x > 1 then black"``, ... and ``"otherwise white"``.
"""
import re

import numpy as np

from .. import scoreboard
from ..i18n import N_, _
from ..expert_system import ANIMAL_RULES, KnowledgeBase
from ..rule_lists import DIGIT_NAMES, PIXEL_NAMES, RuleList, running_example_rules
from .feedback import (KOREAN_WORDS, AnswerError, NO_ANSWER as _NO_ANSWER, and_list, checker,
                       correct, not_yet, read_words, short)

__all__ = ["check_running_example_rules", "check_zero_or_one", "check_trace",
           "RUNNING_EXAMPLE_GOAL", "RUNNING_EXAMPLE_MAX_RULES", "ZERO_ONE_GOAL",
           "ZERO_ONE_MAX_RULES", "TRACE_FACTS"]

RUNNING_EXAMPLE_GOAL = 0.85
RUNNING_EXAMPLE_MAX_RULES = 4
ZERO_ONE_GOAL = 0.95
ZERO_ONE_MAX_RULES = 2
#: The facts of exercise 3: what the system is told about an animal.
TRACE_FACTS = ("has_feathers", "lays_eggs", "long_wings")

#: Example rules shown in messages (translated where shown; the Korean forms read the same).
_RUNNING_EXAMPLE = N_("if x > 1.5 then black")
_ZERO_ONE_EXAMPLE = N_("if pixel[2,3] > 0.5 then 1")
#: The running example's label names as a learner reads them.
_LABEL_WORDS = {"white": N_("white"), "black": N_("black")}

# ----- rules written in Korean ------------------------------------------------------------------
# Korean words for the parts of a rule, turned into the English words RuleList reads. A Korean
# particle may stick to the number before it ("x > 1.5이면"), so "then" and "and" are found after
# any character that is not Hangul. Nothing here matches a line without Hangul: English rules are
# read exactly as before.
_NOT_HANGUL_BEFORE, _NOT_HANGUL_AFTER = r"(?<![가-힣])", r"(?![가-힣])"
_KOREAN_RULE_WORDS = (
    (r"^\s*(그렇지\s*않으면|그\s*밖에는?|그\s*외에는?|나머지는?|아니면|기본값은?)\s*:?", "otherwise "),
    (_NOT_HANGUL_BEFORE + r"(만약에|만약|만일)" + _NOT_HANGUL_AFTER, " if "),
    (r"\s*(이라면|라면|이면|면)" + _NOT_HANGUL_AFTER, " then "),
    (r"\s*(이고|이며)" + _NOT_HANGUL_AFTER, " and "),
    (_NOT_HANGUL_BEFORE + r"(그리고)" + _NOT_HANGUL_AFTER, " and "),
)
_KOREAN_LABEL = re.compile(_NOT_HANGUL_BEFORE + "(" + "|".join(sorted(
    (w for w, e in KOREAN_WORDS.items() if e in ("white", "black")), key=len, reverse=True))
    + r")(?:으로|로|입니다|이다)?" + _NOT_HANGUL_AFTER)
_HANGUL = re.compile("[가-힣]")


def _english_rule(line):
    """A rule written (partly) in Korean, in the English words RuleList reads:
    "만약 x > 1 이고 y > 0 이면 검은색" gives "if x > 1 and y > 0 then black", and
    "그 밖에는 흰색" gives "otherwise white". The "만약" (if) may be left out."""
    if not _HANGUL.search(line):
        return line
    line = _KOREAN_LABEL.sub(lambda m: f" {KOREAN_WORDS[m.group(1)]} ", line)
    for pattern, english in _KOREAN_RULE_WORDS:
        line = re.sub(pattern, english, line)
    line = re.sub(r"\s+", " ", line).strip()
    if re.search(r"\bthen\b", line) and not re.match(r"(if|otherwise|else|default)\b", line):
        line = "if " + line
    # the Korean course lists a rule's conditions with commas: "만약 x > 1, y > 0 이면 검은색"
    when = re.match(r"if (.*?) then ", line)
    if when:
        conditions = re.sub(r"\s*,(?![^\[]*\])\s*", " and ", when.group(1))
        line = "if " + conditions + line[when.end(1):]
    return line


def _clean_line(line):
    """One rule line in the form RuleList reads: lower case, single spaces, "pixel[4,4]"
    (Korean words turned into the English ones)."""
    line = _english_rule(line.lower().replace("−", "-").replace("≥", ">=").replace("≤", "<="))
    line = re.sub(r"\[\s*(\d+)\s*,\s*(\d+)\s*\]", r"[\1,\2]", line)       # pixel[4, 4]
    line = re.sub(r"^(otherwise|else|default)\s*:?\s*", r"\1 ", line.strip())
    return re.sub(r"\s+", " ", line).strip().rstrip(".").strip()


def _lines(answer):
    """The answer's rule lines: text is split at line breaks, at ';' and before ', if' /
    ', otherwise' (commas inside pixel[4,4] are kept)."""
    if isinstance(answer, str):
        if len(answer) > 5000:
            raise AnswerError(_("your answer is {n} characters long; these rules need "
                                "a few lines.").format(n=len(answer)), _("Write only the rules."))
        parts = re.split(r"\n|;|,(?=\s*(?:if|otherwise|else)\b)"
                         r"|,(?=\s*(?:만약|만일|그\s*밖에|그\s*외에|그렇지|나머지|아니면))",
                         answer, flags=re.I)
    else:
        parts = list(answer)
        if len(parts) > 100:
            raise AnswerError(_("your list has {n} items; these rules need a few.").format(
                                  n=len(parts)), _("Write one rule per item."))
    return [_clean_line(p) for p in parts]


def _label_word(name):
    """A label's name as the learner reads it ("white" is "흰색" in Korean; "0" stays "0")."""
    return _(_LABEL_WORDS[name]) if name in _LABEL_WORDS else name


def _rule_text(rule, label_names):
    """A rule as the learner reads it: "if x > 1 and y > 0 then black" in English."""
    return _("if {conditions} then {label}").format(
        conditions=and_list(c.text() for c in rule.conditions),
        label=_label_word(label_names[rule.label]))


def _read_rules(answer, feature_names, label_names, example):
    """Turn the answer into a RuleList, or return a Feedback saying why that failed."""
    example = _(example)
    if isinstance(answer, RuleList):
        if answer.feature_names != tuple(feature_names) or \
                answer.label_names != tuple(label_names):
            return not_yet(_("your RuleList uses other feature or label names than this task."),
                           _("Build it with feature names {first}, ... and labels {labels}, or "
                             "simply answer with text.").format(
                               first=feature_names[0],
                               labels=", ".join(_label_word(n) for n in label_names)))
        return answer
    if isinstance(answer, (list, tuple)) and not all(isinstance(a, str) for a in answer):
        return not_yet(_("your list holds something other than text."),
                       _("Give the rules as strings, one per rule, e.g. [{example!r}].").format(
                           example=example))
    if not isinstance(answer, (str, list, tuple)):
        return not_yet(_("the answer should be rules written as text, but it is of type "
                         "{type}.").format(type=type(answer).__name__),
                       _("Write one rule per line in a string, e.g. {example!r}, or a list of "
                         "such strings.").format(example=example))
    lines = [line for line in _lines(answer) if line]
    if not lines:
        return not_yet(_("your answer holds no rules."),
                       _("Write rules such as {example!r}.").format(example=example))
    try:
        return RuleList.from_text(lines, feature_names, label_names)
    except (ValueError, TypeError) as exc:
        return not_yet(_("I could not read your rules: {error}").format(error=exc),
                       _("Every rule looks like {example!r}; an optional last line "
                         "'otherwise LABEL' sets the default.").format(example=example))


def _silent_rule(rules, X):
    """A sentence about the first rule that decides no point, or None."""
    decided = rules.deciding_rule(X)
    for number, rule in enumerate(rules.rules):
        if np.any(decided == number):
            continue
        covers = np.ones(len(X), dtype=bool)
        for c in rule.conditions:
            covers &= c.holds(X[:, rules.feature_names.index(c.feature)])
        text = _rule_text(rule, rules.label_names)
        if not covers.any():
            return _("the rule '{rule}' never fires: no training example meets its "
                     "condition(s), so it changes nothing.").format(rule=text)
        return _("the rule '{rule}' never decides anything: every example it covers is "
                 "already taken by a rule above it.").format(rule=text)
    return None


def _copied_from_scoreboard(rules):
    """True when every rule of ``rules`` is one of the scoreboard's hand-written rules (shown
    in the notebook after exercise 1), so the answer is a copy rather than the learner's own."""
    shown = set(running_example_rules().rules)
    return all(rule in shown for rule in rules.rules)


def _where(X):
    centre = X.mean(axis=0)
    return _("around x = {x:.1f}, y = {y:.1f}").format(x=centre[0], y=centre[1])


@checker
def check_running_example_rules(answer):
    """Exercise 1: at most 4 rules reaching 0.85 accuracy on the running example's training set.

    ``answer``: the rules as text, one per line (``"if x > 1 and y > 0 then black"``), with an
    optional last line ``"otherwise white"``; or a list of such lines; or a
    :class:`~helpers.rule_lists.RuleList`. Korean rules are read too (``"만약 x > 1 이면
    검은색"``, ``"그 밖에는 흰색"``).
    """
    if answer is None:
        return not_yet(_(_NO_ANSWER), _("start from 'if x > 0 then black' and use the rule "
                                        "builder above to find better thresholds."))
    rules = _read_rules(answer, ("x", "y"), ("white", "black"), _RUNNING_EXAMPLE)
    if not isinstance(rules, RuleList):
        return rules
    if rules.n_rules == 0:
        return not_yet(_("your answer has no if-then rules, only a default, so every point gets "
                         "the same colour."),
                       _("Add rules such as {example!r}.").format(example=_(_RUNNING_EXAMPLE)))
    if rules.n_rules > RUNNING_EXAMPLE_MAX_RULES:
        return not_yet(_("you wrote {n} rules; this exercise allows at most {most}.").format(
                           n=rules.n_rules, most=RUNNING_EXAMPLE_MAX_RULES),
                       _("Merge rules or drop the ones that decide few points "
                         "(rules.report(X, y) shows how many points each rule decides)."))
    X, y, X_test, y_test = scoreboard.running_example_split()
    accuracy = rules.score(X, y)
    if accuracy >= RUNNING_EXAMPLE_GOAL and _copied_from_scoreboard(rules):
        return not_yet(_("these are the scoreboard's rules, printed further down in the "
                         "notebook; the exercise asks for rules of your own."),
                       _("Find your own thresholds with the rule builder above (three steps of "
                         "a staircase along the border are enough)."))
    if accuracy >= RUNNING_EXAMPLE_GOAL:
        return correct(_("your {n} rule(s) get {accuracy:.3f} of the training points right "
                         "(and {test:.3f} of the test points, which they never saw).").format(
                           n=rules.n_rules, accuracy=accuracy, test=rules.score(X_test, y_test)))
    predicted = rules.predict(X)
    missed_black = (y == 1) & (predicted == 0)
    false_black = (y == 0) & (predicted == 1)
    if missed_black.sum() >= false_black.sum():
        hint = _("Most mistakes ({n}) are black points your rules call white, {where}: add or "
                 "loosen a rule so it catches them.").format(n=int(missed_black.sum()),
                                                            where=_where(X[missed_black]))
    else:
        hint = _("Most mistakes ({n}) are white points your rules call black, {where}: tighten "
                 "a rule (a higher threshold or a second condition) so it leaves them "
                 "out.").format(n=int(false_black.sum()), where=_where(X[false_black]))
    by_default = rules.deciding_rule(X) == -1
    if rules.default == 1 and np.any(by_default & (y == 0)):
        hint += " " + _("Also check your default: the {n} white points no rule covers are "
                        "called black.").format(n=int(np.sum(by_default & (y == 0))))
    silent = _silent_rule(rules, X)
    if silent:
        hint = silent[0].upper() + silent[1:] + " " + hint
    return not_yet(_("your rules get {accuracy:.3f} of the training points right; the goal is "
                     "{goal:.2f}.").format(accuracy=accuracy, goal=RUNNING_EXAMPLE_GOAL), hint)


def _zero_one_data():
    X, y = scoreboard.digits_split()[:2]
    keep = y <= 1
    return X[keep], y[keep]


@checker
def check_zero_or_one(answer):
    """Exercise 2: at most 2 pixel rules telling 0 from 1 with accuracy 0.95 (training images).

    ``answer``: rules as text over ``pixel[row,column]`` with labels ``0`` and ``1``, e.g.
    ``"if pixel[2,3] > 0.5 then 1"``, with an optional last line ``"otherwise 0"``.
    """
    if answer is None:
        return not_yet(_(_NO_ANSWER), _("compare the average 0 and the average 1 above: find a "
                                        "pixel that is blank in one and inked in the other."))
    rules = _read_rules(answer, PIXEL_NAMES, DIGIT_NAMES, _ZERO_ONE_EXAMPLE)
    if not isinstance(rules, RuleList):
        return rules
    used = sorted({r.label for r in rules.rules} | {rules.default})
    if any(label > 1 for label in used):
        other = [str(label) for label in used if label > 1]
        return not_yet(_("your rules can answer {labels}, but every image here is a 0 or a "
                         "1.").format(labels=", ".join(other)),
                       _("Use only the labels 0 and 1 (and set the default with 'otherwise 0' "
                         "or 'otherwise 1')."))
    if rules.n_rules == 0:
        return not_yet(_("your answer has no if-then rules, only a default, so every image gets "
                         "the same digit."),
                       _("Add a rule such as {example!r}.").format(example=_(_ZERO_ONE_EXAMPLE)))
    if rules.n_rules > ZERO_ONE_MAX_RULES:
        return not_yet(_("you wrote {n} rules; this exercise allows at most {most}.").format(
                           n=rules.n_rules, most=ZERO_ONE_MAX_RULES),
                       _("One well-chosen pixel is enough."))
    X, y = _zero_one_data()
    accuracy = rules.score(X, y)
    if accuracy >= ZERO_ONE_GOAL:
        return correct(_("your rules tell 0 from 1 on {accuracy:.3f} of the {n} training "
                         "images. Two digits are easy; the trouble starts with all ten.").format(
                           accuracy=accuracy, n=len(y)))
    predicted = rules.predict(X)
    zeros_wrong = int(np.sum((y == 0) & (predicted != 0)))
    ones_wrong = int(np.sum((y == 1) & (predicted != 1)))
    message = _("your rules get {accuracy:.3f} right ({zeros} zeros and {ones} ones wrong); the "
                "goal is {goal:.2f}.").format(accuracy=accuracy, zeros=zeros_wrong,
                                              ones=ones_wrong, goal=ZERO_ONE_GOAL)
    swapped = float(np.mean((1 - predicted) == y))
    silent = _silent_rule(rules, X)
    if len(set(predicted.tolist())) == 1:
        hint = (_("Your rules call every image {digit}.").format(digit=predicted[0]) + " "
                + (silent[0].upper() + silent[1:] if silent else
                   _("Choose a pixel and threshold that split the zeros from the ones.")))
    elif swapped >= ZERO_ONE_GOAL:
        hint = _("Your rules have the labels swapped: with 0 and 1 exchanged they would get "
                 "{swapped:.3f} right. Swap the labels (or flip > and <).").format(
                     swapped=swapped)
    elif silent:
        hint = silent[0].upper() + silent[1:]
    else:
        hint = _("The middle of a 0 is an empty hole, while a 1 puts its stroke right through "
                 "the middle: in the average images, look for the pixel near the centre where "
                 "that difference is clearest, and try thresholds between the two averages.")
    return not_yet(message, hint)


def _rule_names(answer):
    """Rule names in upper case from a list, tuple or text: "r3, R12" and [3, 12] give
    ["R3", "R12"]; the Korean "규칙 3" (rule 3) gives "R3" too."""
    if isinstance(answer, str):
        answer = re.sub(r"규칙\s*", "R", answer)
    elif isinstance(answer, (list, tuple)):
        answer = [re.sub(r"규칙\s*", "R", a) if isinstance(a, str) else a for a in answer]
    names = [w.upper() for w in read_words(answer)]
    return [f"R{n}" if n.isdigit() else n for n in names]


@checker
def check_trace(answer):
    """Exercise 3: the rules that fire, in order, for the facts in :data:`TRACE_FACTS`.

    ``answer``: rule names in firing order: ``["R1", "R5"]``, ``("r1", "r5")`` or ``"R1, R5"``.
    """
    if answer is None:
        return not_yet(_(_NO_ANSWER), _("start from the given facts, scan the rules from R1 and "
                                        "fire the first one whose conditions are all known and "
                                        "whose conclusion is new; repeat."))
    if not isinstance(answer, (str, list, tuple)):
        return not_yet(_("the answer should be a list of rule names in firing order, got "
                         "{type}.").format(type=type(answer).__name__),
                       _("Write it like ['R1', 'R5']."))
    names = _rule_names(answer)
    if not names:
        return not_yet(_("your answer names no rules."), _("Write it like ['R1', 'R5']."))
    kb = KnowledgeBase(ANIMAL_RULES)
    known = [r.name for r in kb.rules]
    unknown = [a for a in names if a not in known]
    if unknown:
        return not_yet(_("there is no rule named {name}.").format(name=short(unknown[0])),
                       _("The rules are called {first} to {last}; see the printed knowledge "
                         "base.").format(first=known[0], last=known[-1]))
    expected = kb.run(TRACE_FACTS).fired
    if names == expected:
        return correct(_("{rules} fire, in that order: has_feathers gives bird, bird gives "
                         "flies, and then bird, flies and long_wings give albatross.").format(
                           rules=", ".join(expected)))
    if len(set(names)) < len(names):
        return not_yet(_("a rule appears twice in your answer."),
                       _("A rule fires only when its conclusion is new, so each rule fires at "
                         "most once."))
    if "R4" in names:
        return not_yet(_("R4 does not fire."),
                       _("Once flies is known, R4's conditions (flies and lays_eggs) hold, but "
                         "its conclusion 'bird' is already known; a rule fires only if it adds "
                         "a new fact."))
    missing = [n for n in expected if n not in names]
    extra = [n for n in names if n not in expected]
    if "R12" in missing and "R14" in names:
        return not_yet(_("something has to conclude 'flies' before R14 can fire."),
                       _("'flies' is not among the given facts; which rule concludes it?"))
    if extra:
        rule = next(r for r in kb.rules if r.name == extra[0])
        return not_yet(_("{rule} does not fire.").format(rule=extra[0]),
                       _("It needs {conditions}; check whether all of these are ever "
                         "known.").format(conditions=and_list(rule.conditions)))
    if missing:
        return not_yet(_("{n} rule(s) that fire are missing from your answer.").format(
                           n=len(missing)),
                       _("Keep going until no rule can add a new fact; the animal's name is the "
                         "last conclusion."))
    return not_yet(_("these are the right rules, but not in the order they fire."),
                   _("After every firing, scan again from R1: the first rule that can add a new "
                     "fact fires next."))
