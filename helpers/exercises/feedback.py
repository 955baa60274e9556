"""What every exercise checker returns, and the one set of rules for reading answers.

Checkers are forgiving about form and strict about substance. They all read answers with the
functions below, so an answer is understood the same way in every notebook:

- whitespace and letter case never matter: ``"pixel[4, 4]"`` reads like ``"pixel[4,4]"``,
  ``"Otherwise White"`` like ``"otherwise white"``;
- a number may be given as text or as a fraction: ``"0.33"``, ``"1/3"``, ``Fraction(1, 3)``;
- a list, a tuple and a comma-separated string of the same items are the same answer;
- a number is right when it matches to 2 decimals (:data:`TOLERANCE`), in every notebook;
- where a share is asked, ``44``, ``"44 %"`` and ``0.44`` all mean 0.44.

A reader that cannot make sense of an answer raises :class:`AnswerError` with a message and a
hint; the :func:`checker` decorator turns that into a "Not yet", so a checker never raises into
the notebook, whatever it is given.
"""
import decimal
import functools
import html
import itertools
import math
import numbers
import re

import numpy as np

from ..i18n import N_, _

__all__ = ["Feedback", "correct", "not_yet", "compare", "NO_ANSWER", "is_number",
           "AnswerError", "checker", "TOLERANCE", "TOLERANCE_NOTE", "close", "read_number",
           "read_share", "read_numbers", "read_items", "read_text", "read_words", "short",
           "and_list", "KOREAN_WORDS"]

#: What every checker says to an exercise cell still holding its placeholder.
NO_ANSWER = N_("no answer yet: replace None with your answer and run the cell again.")
#: A numeric answer is right when it is this close to the right value: 2 decimals are enough.
TOLERANCE = 0.005
TOLERANCE_NOTE = N_("2 decimals are enough")
#: Longer lists or texts than this are not answers to any exercise of the course.
MAX_ITEMS = 1000
MAX_TEXT = 5000

#: Shown where a learner's answer is read: the default name for "the answer" in messages.
ANSWER = N_("the answer")

_STYLE = {"correct": ("#1a7f37", N_("✓ Correct")), "not yet": ("#b35900", N_("✗ Not yet")),
          "compare": ("#0b5cad", N_("◆ Compare with the worked answer"))}


class Feedback:
    """The verdict on one answer: a ``kind``, a ``message`` and, when not passed, a ``hint``.

    ``kind`` is "correct", "not yet" or "compare" (for answers no program can judge, such as a
    reflection in your own words: neither pass nor fail, but the worked answer to compare with,
    in ``worked``). ``bool(feedback)`` is ``passed`` (True only for "correct"), so tests can
    ``assert check(...)``. In a notebook it shows as a coloured box; as text it reads
    "✓ Correct: ...", "✗ Not yet: ... Hint: ..." or "◆ Compare with the worked answer: ...".
    """

    def __init__(self, passed, message, hint=None, kind=None, worked=None):
        self.kind = kind or ("correct" if passed else "not yet")
        if self.kind not in _STYLE:
            raise ValueError(f"kind must be one of {list(_STYLE)}, got {kind!r}.")
        self.passed = self.kind == "correct"
        self.message = str(message)
        self.hint = hint
        self.worked = worked

    def __bool__(self):
        return self.passed

    def __repr__(self):
        title = _(_STYLE[self.kind][1])
        text = f"{title}: {self.message}"
        if self.hint and self.kind == "not yet":
            text += " " + _("Hint") + f": {self.hint}"
        if self.worked:
            text += f"\n{self.worked}"
        return text

    def _repr_html_(self):
        colour, title = _STYLE[self.kind]
        title = _(title)
        hint = ("<br><b>" + _("Hint") + f":</b> {html.escape(self.hint)}"
                if self.hint and self.kind == "not yet" else "")
        worked = (f'<pre style="white-space: pre-wrap; margin: 6px 0 2px 0;">'
                  f'{html.escape(self.worked)}</pre>' if self.worked else "")
        return (f'<div style="border-left: 4px solid {colour}; padding: 4px 10px;">'
                f'<b style="color: {colour}">{title}:</b> {html.escape(self.message)}{hint}'
                f'{worked}</div>')


def correct(message):
    return Feedback(True, message)


def not_yet(message, hint=None):
    return Feedback(False, message, hint)


def compare(message, worked):
    """Neither pass nor fail: ``message`` and a worked answer to compare with."""
    return Feedback(False, message, kind="compare", worked=worked)


class AnswerError(ValueError):
    """An answer that cannot be read: ``message`` says why, ``hint`` how to write it."""

    def __init__(self, message, hint=None):
        super().__init__(message)
        self.message, self.hint = message, hint


def checker(function):
    """Make ``function`` a checker that always returns Feedback: an :class:`AnswerError` becomes
    "Not yet" with its message and hint, and so does any other error (a safety net: junk such as
    an object of an unexpected type must never raise into the notebook)."""
    @functools.wraps(function)
    def check(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except AnswerError as error:
            return not_yet(error.message, error.hint)
        except Exception as error:  # noqa: BLE001 - the safety net described above
            return not_yet(_("this answer could not be checked ({error_type}: {error}).").format(
                               error_type=type(error).__name__, error=short(str(error), 120)),
                           _("Compare the form of your answer with the example in the exercise "
                             "cell."))
    return check


def short(value, width=60):
    """``repr(value)``, cut to ``width`` characters, for messages (a huge list stays short)."""
    text = value if isinstance(value, str) else repr(value)
    if isinstance(value, str) and len(text) <= width:
        return repr(text)
    return text if len(text) <= width else text[:width - 4] + " ..."


def and_list(items):
    """"a and b and c" in English, a list the current language reads ("a, b, c" in Korean)."""
    items = [str(item) for item in items]
    text = items[0] if items else ""
    for item in items[1:]:
        text = _("{first} and {second}").format(first=text, second=item)
    return text


#: Korean words a learner may answer with, and the English word each stands for. Checkers read
#: both languages whatever the course speaks (a Korean learner may also type English).
KOREAN_WORDS = {
    "흰색": "white", "하얀색": "white", "흰": "white", "하얀": "white", "하양": "white",
    "흰점": "white", "백색": "white", "검은색": "black", "검정색": "black", "까만색": "black",
    "검정": "black", "검은": "black", "까만": "black", "검은점": "black", "흑색": "black",
    "예": "yes", "네": "yes", "응": "yes", "맞다": "yes", "맞음": "yes", "맞아요": "yes",
    "맞습니다": "yes", "참": "true", "그렇다": "yes", "아니오": "no", "아니요": "no",
    "아니": "no", "아님": "no", "아니다": "no", "틀리다": "no", "틀림": "no", "거짓": "false",
}


def _kind(value):
    """A few words for what a value is: "text", "a dict", "True"."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return _("text")
    name = type(value).__name__
    if name[:1].lower() in "aeiou":
        return _("an {name}").format(name=name)
    return _("a {name}").format(name=name)


# ----- numbers -----------------------------------------------------------------------------------
def is_number(answer):
    """True for an ordinary number (int, float, NumPy scalar), False for True/False and text."""
    return isinstance(answer, numbers.Real) and not isinstance(answer, bool)


def close(value, target, tolerance=TOLERANCE):
    """True when ``value`` matches ``target`` to 2 decimals (the course's one tolerance)."""
    return abs(float(value) - float(target)) <= tolerance + 1e-9


_NUMBER_TEXT = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$")


def _number_from_text(text, what):
    """(value, was_percent) from text such as "0.33", "1/3", "-1.1", "44 %"; ``what`` is
    already translated."""
    cleaned = re.sub(r"[\s_]", "", text.replace("−", "-").replace("–", "-")).lower()
    percent = cleaned.endswith("%")
    cleaned = cleaned.rstrip("%")
    if not cleaned:
        raise AnswerError(_("{what} is empty text.").format(what=what),
                          _("Write a number, e.g. 0.5 (without quotes)."))
    parts = cleaned.split("/")
    if len(parts) > 2 or not all(_NUMBER_TEXT.match(p) for p in parts):
        raise AnswerError(_("{what} should be a number, got the text {text}.").format(
                              what=what, text=short(text)),
                          _("Write a number such as 0.25 or a fraction such as 1/4."))
    value = float(parts[0])
    if len(parts) == 2:
        if float(parts[1]) == 0:
            raise AnswerError(_("{what} divides by zero ({text}).").format(what=what,
                                                                           text=short(text)),
                              _("Check the fraction."))
        value /= float(parts[1])
    return value, percent


def _number(answer, what):
    what = _(what)
    if isinstance(answer, np.ndarray) and answer.size == 1:
        answer = answer.reshape(-1)[0]
    if isinstance(answer, (list, tuple)) and len(answer) == 1:
        answer = answer[0]
    if isinstance(answer, str) and len(answer) <= 100:
        return _number_from_text(answer, what)
    if isinstance(answer, decimal.Decimal):
        answer = float(answer)
    if not is_number(answer):
        if isinstance(answer, bool):
            message = _("{what} should be a number, got {kind}.").format(
                what=what, kind=_kind(answer))
        else:
            message = _("{what} should be a number, got {kind}: {value}.").format(
                what=what, kind=_kind(answer), value=short(answer))
        raise AnswerError(message, _("Write one number, e.g. 0.5."))
    value = float(answer)
    if not math.isfinite(value):
        raise AnswerError(_("{what} is {value}, not a usable number.").format(what=what,
                                                                              value=value),
                          _("A nan or inf usually comes from dividing by zero or from a failed "
                            "computation: compute it again step by step."))
    return value, False


def read_number(answer, what=ANSWER):
    """One finite number from a number, a fraction, a one-item list or text ("1/3", "0.33").
    Text ending in % is divided by 100."""
    value, percent = _number(answer, what)
    return value / 100 if percent else value


def read_share(answer, what=ANSWER):
    """A share between 0 and 1, and a note (or "") saying when it was read as a percentage:
    0.44, "44 %" and 44 all give 0.44."""
    value, percent = _number(answer, what)
    if percent:
        value /= 100
    elif 1 < value <= 100:
        return value / 100, " " + _("(that looks like a percentage: read {value:g} as "
                                    "{value:g} % = {share:g})").format(value=value,
                                                                        share=value / 100)
    if not 0 <= value <= 1:
        raise AnswerError(_("{what} is {value:g}, but a share lies between 0 and 1 (or 0 and "
                            "100 %).").format(what=_(what), value=value),
                          _("Give a share such as 0.44, or a percentage such as 44."))
    return value, ""


# ----- lists, texts and words --------------------------------------------------------------------
def read_items(answer, what=ANSWER, max_items=MAX_ITEMS):
    """The items of a list, tuple, set, 1-D array or comma-separated string ("0.6, 1.0";
    brackets around it are ignored; without commas, spaces separate). A single value is a list
    of one."""
    what = _(what)
    if isinstance(answer, str):
        text = answer.strip()
        if len(text) > MAX_TEXT:
            raise AnswerError(_("{what} is {n} characters long; no answer here is that "
                                "long.").format(what=what, n=len(text)),
                              _("Write only the answer."))
        text = text.strip("()[]{} ")
        separator = "[,;]" if re.search("[,;]", text) else r"\s+"
        return [t.strip() for t in re.split(separator, text) if t.strip()]
    if isinstance(answer, np.ndarray):
        if answer.ndim > 1 and answer.size > 1:
            raise AnswerError(_("{what} is an array of shape {shape}; a flat list is "
                                "expected.").format(what=what, shape=answer.shape),
                              _("Give the items as a list, e.g. [1, 2]."))
        answer = answer.reshape(-1).tolist()
    if isinstance(answer, dict):
        raise AnswerError(_("{what} is a dict; a list of items is expected.").format(what=what),
                          _("Write the items in a list, e.g. [1, 2]."))
    if isinstance(answer, (list, tuple, set, frozenset, range)) or hasattr(answer, "__next__"):
        items = list(itertools.islice(iter(answer), max_items + 1))
        if len(items) > max_items:
            raise AnswerError(_("{what} has more than {max_items} items; this exercise asks for "
                                "a few.").format(what=what, max_items=max_items),
                              _("Give only the items the exercise asks for."))
        return items
    return [answer]


def read_numbers(answer, n=None, what=ANSWER, names=None):
    """A list of finite numbers from a list, tuple, array or comma-separated string; nested
    pairs are flattened, so ``((1.5, 0.0), 1.0)`` reads like ``(1.5, 0.0, 1.0)``. ``n`` is the
    count expected; ``names`` (e.g. "(w1, w2, b)") say what they are in the message."""
    what = _(what)
    if isinstance(answer, np.ndarray) and answer.ndim > 1 and answer.size <= MAX_ITEMS:
        answer = answer.reshape(-1)
    flat = []
    for item in read_items(answer, what):
        if isinstance(item, (list, tuple, np.ndarray)) and not isinstance(item, str):
            flat += read_items(item, what)
        else:
            flat.append(item)
    if n is not None and len(flat) != n:
        example = f"({', '.join(['0.5'] * n)})"
        if names:
            message = _("{what} should be {n} numbers {names}; got {count} item(s).")
        else:
            message = _("{what} should be {n} numbers; got {count} item(s).")
        raise AnswerError(message.format(what=what, n=n, names=names, count=len(flat)),
                          _("Write the {n} numbers as a tuple, e.g. {example}.").format(
                              n=n, example=example))
    return [read_number(v, _("item {i} of {what}").format(i=i + 1, what=what)
                        if len(flat) > 1 else what)
            for i, v in enumerate(flat)]


def read_text(answer, what=ANSWER, max_chars=MAX_TEXT):
    """Text with letter case and spacing normalised: lower case, one space between words, no
    spaces inside brackets or around commas ("Pixel[4, 4]" → "pixel[4,4]")."""
    if not isinstance(answer, str):
        raise AnswerError(_("{what} should be text in quotes, got {kind}.").format(
                              what=_(what), kind=_kind(answer)),
                          _("Put your answer in quotes, e.g. \"...\"."))
    if len(answer) > max_chars:
        raise AnswerError(_("{what} is {n} characters long, more than any answer here "
                            "needs ({max_chars}).").format(what=_(what), n=len(answer),
                                                           max_chars=max_chars),
                          _("Write only the answer."))
    text = re.sub(r"[ \t]+", " ", answer.replace("−", "-").lower())
    text = re.sub(r"\s*([\[\](),])\s*", r"\1", text)
    return re.sub(r"([\[(,])\s+", r"\1", text).strip()


def read_words(answer, what=ANSWER):
    """Short names from a list or from text separated by commas, spaces or arrows, in lower
    case: "R3, r12 -> R14" and ["R3", "R12", "R14"] both give ["r3", "r12", "r14"]."""
    if isinstance(answer, str):
        text = read_text(answer, what)
        return [w for w in re.split(r"[\s,;]+|->|→|-", text.strip("()[]{}")) if w]
    words = []
    for item in read_items(answer, what):
        if isinstance(item, str):
            words.append(read_text(item, what).strip())
        elif is_number(item) and float(item).is_integer():
            words.append(str(int(item)))
        else:
            raise AnswerError(_("{what} holds {kind} ({value}), not a name.").format(
                                  what=_(what), kind=_kind(item), value=short(item)),
                              _("Write each item as text in quotes."))
    return words
