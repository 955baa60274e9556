"""Checkers for notebook 08, achievements and AI winters.

1. :func:`check_error_reduction` — the relative drop of the ImageNet error from 2011 to 2012.
2. :func:`check_first_year_below_human` — the first year a winner beat the human estimate.
3. :func:`check_event_order` — put six milestones (the cards in :data:`CARDS`) in order.
4. :func:`check_reflection` — three short texts in the learner's own words. No program can
   judge them fairly (a keyword count would tick empty words and miss sound answers in other
   words), so it gives neither a pass nor a fail: it shows one possible answer to compare with.

Answers are read with the course's reading rules: shares as 0.36, "36 %" or 36; years as 2015
or "2015"; letters as "BDFAEC", "b, d, f, a, e, c" or a list; numbers right to 2 decimals.
Reflections may be written in Korean: three Korean words (어절) count as a sentence.
"""
import re

from .. import ai_history as history
from ..i18n import N_, T_, _
from .feedback import (AnswerError, NO_ANSWER, TOLERANCE_NOTE, checker, close, compare,
                       correct, not_yet, read_number, read_share, short)

__all__ = ["check_error_reduction", "check_first_year_below_human", "check_event_order",
           "check_reflection", "WORKED_REFLECTION"]


def _result(year):
    return next(r for r in history.IMAGENET_RESULTS if r.year == year)


# ----- 1. relative error reduction ------------------------------------------------------------
@checker
def check_error_reduction(answer):
    """``answer``: by what fraction the winning error fell from 2011 to 2012 (e.g. 0.5 for half;
    a percentage such as 50 or "50 %" is understood too)."""
    if answer is None:
        return not_yet(_(NO_ANSWER), _("take the drop (2011 error minus 2012 error) and divide it "
                                       "by the 2011 error."))
    before, after = _result(2011).top5_error, _result(2012).top5_error
    target = (before - after) / before
    raw = read_number(answer)
    if close(raw, before - after, 0.05):             # checked before reading it as a percentage
        return not_yet(_("{raw:g} is the drop in percentage points ({before:.1f} - "
                         "{after:.1f}), not the relative drop.").format(
                           raw=raw, before=before, after=after),
                       _("Divide the drop by the 2011 error, the value you started from."))
    value, note = read_share(answer)
    if close(value, target):
        return correct(_("the error fell from {before:.1f} % to {after:.1f} %, a drop of "
                         "{drop:.1f} points, which is {target:.3f} (about {target:.0%}) of the "
                         "2011 error{note}: more than a third of the remaining mistakes "
                         "disappeared in one year.").format(before=before, after=after,
                                                            drop=before - after, target=target,
                                                            note=note))
    if close(value, (before - after) / after):
        return not_yet(_("{value:.3f} divides the drop by the 2012 error.").format(value=value),
                       _("A relative reduction compares with where you started: divide by the "
                         "2011 error."))
    if close(value, after / before):
        return not_yet(_("{value:.3f} is the share of the error that remained, not the share "
                         "that disappeared.").format(value=value), _("Subtract it from 1."))
    if close(raw, before / after):
        return not_yet(_("{raw:.3f} is how many times larger the 2011 error was.").format(raw=raw),
                       _("Compute (2011 error - 2012 error) / 2011 error."))
    return not_yet(_("{value:.3f} is not the relative reduction{note}.").format(
                       value=value, note=note),
                   _("Compute (2011 error - 2012 error) / 2011 error with the table's values "
                     "({note}).").format(note=_(TOLERANCE_NOTE)))


# ----- 2. first year below the human estimate ------------------------------------------------
@checker
def check_first_year_below_human(answer):
    """``answer``: the first year whose winning error is below the estimated human error."""
    if answer is None:
        return not_yet(_(NO_ANSWER), _("compare each year's winning error with "
                                       "ai_history.HUMAN_TOP5_ESTIMATE."))
    try:
        year = read_number(answer)
    except AnswerError:
        year = None
    if year is None or not year.is_integer():
        return not_yet(_("the answer should be a year such as 2013, got {value}.").format(
                           value=short(answer)),
                       _("Give the year as a whole number."))
    year = int(year)
    human = history.HUMAN_TOP5_ESTIMATE
    results = {r.year: r.top5_error for r in history.IMAGENET_RESULTS}
    target = min(y for y, e in results.items() if e < human)
    if year == target:
        return correct(_("in {year} the winner's error ({error:.1f} %) was below the estimated "
                         "{human:.1f} % for a trained person. Remember what that estimate is: "
                         "one expert annotator on 1,500 images, on this one task.").format(
                           year=year, error=results[year], human=human))
    if year not in results:
        return not_yet(_("there is no ImageNet result for {year} in the table (it covers "
                         "{first}-{last}).").format(year=year, first=min(results),
                                                    last=max(results)),
                       _("look at the years in the table."))
    if results[year] >= human:
        return not_yet(_("in {year} the winning error was {error:.1f} %, still above the human "
                         "estimate of {human:.1f} %.").format(year=year, error=results[year],
                                                              human=human),
                       _("look for the first year whose error is below the dashed line."))
    return not_yet(_("in {year} the error was below the estimate, but it was not the first "
                     "such year.").format(year=year), _("check the years before it."))


# ----- 3. put the milestones in order --------------------------------------------------------
#: Six milestones on cards A-F, deliberately out of order.
CARDS = {
    "A": 1986,   # backprop popularised
    "B": 1956,   # Dartmouth workshop
    "C": 2012,   # AlexNet
    "D": 1969,   # Perceptrons
    "E": 1989,   # LeNet
    "F": 1980,   # expert systems
}
_CARD_EVENTS = {letter: next(e for e in history.EVENTS if e.year == year)
                for letter, year in CARDS.items()}
CARD_TEXT = {letter: T_(e.title) for letter, e in _CARD_EVENTS.items()}   # printed by notebook 08
_HANGUL = re.compile("[가-힣ㄱ-ㅎㅏ-ㅣ]")


def _card_title(letter):
    """A card's event title as the learner reads it (translated where the catalog has it)."""
    return _(CARD_TEXT[letter])


def _letters(answer):
    """Card letters in upper case from "BDFAEC", "b, d, f, ..." or ["B", "D", ...]; Korean
    words around them ("순서: BDFAEC") are ignored."""
    def is_letter(c):
        return c.isalpha() and not _HANGUL.match(c)
    if isinstance(answer, str) and len(answer) <= 200:
        return [c for c in answer.upper() if is_letter(c)]
    if isinstance(answer, (list, tuple)) and len(answer) <= 200 and \
            all(isinstance(a, str) for a in answer):
        return [c for a in answer for c in a.upper() if is_letter(c)]
    return None


@checker
def check_event_order(answer):
    """``answer``: the letters of :data:`CARDS` from earliest to latest, e.g. "ABCDEF"."""
    if answer is None:
        return not_yet(_(NO_ANSWER), _("write the six letters from the earliest event to the "
                                       'latest, for example "ABCDEF".'))
    letters = _letters(answer)
    if letters is None:
        return not_yet(_('give the letters as a string such as "ABCDEF" or a list such as '
                         '["A", "B", ...], got {value}.').format(value=short(answer)),
                       _("Use the card letters."))
    unknown = sorted(set(letters) - set(CARDS))
    if unknown:
        return not_yet(_("{letters} is not a card; the cards are A to F.").format(
                           letters=", ".join(unknown)),
                       _("use each of the letters A, B, C, D, E, F once."))
    missing = sorted(set(CARDS) - set(letters))
    if missing or len(letters) != len(CARDS):
        return not_yet(_("use every card exactly once (missing: {missing}; you gave {n} "
                         "letters).").format(missing=", ".join(missing) or _("none"),
                                             n=len(letters)),
                       _("six letters, A to F, each once."))
    target = sorted(CARDS, key=CARDS.get)
    if letters == target:
        return correct(_("in order: {events}. Notice the gap between backprop (1986) and AlexNet "
                         "(2012).").format(events=" → ".join(f"{CARDS[c]} {_card_title(c)}"
                                                            for c in target)))
    in_place = sum(a == b for a, b in zip(letters, target))
    for earlier, later in zip(letters, letters[1:]):
        if CARDS[earlier] > CARDS[later]:
            break
    return not_yet(_("{n} of 6 cards are in the right place. You put {earlier} ({earlier_title}) "
                     "before {later} ({later_title}), but it happened later.").format(
                       n=in_place, earlier=earlier, earlier_title=_card_title(earlier),
                       later=later, later_title=_card_title(later)),
                   _("use the timeline figure or the widget above to date each card."))


# ----- 4. reflection in your own words ---------------------------------------------------------
#: One possible answer to each question (the worked answer shown beside the learner's).
WORKED_REFLECTION = {
    "why_failed": N_("Early AI solved logic-like puzzles and assumed perception would be just "
                     "as easy; hand-written rules could not cope with images or speech, and "
                     "expert systems cost too much to maintain as their rule bases grew."),
    "different_now": N_("Networks now learn their rules from huge labelled data sets like "
                        "ImageNet, GPUs give enough compute to train them, and algorithmic "
                        "fixes such as ReLU, good initialisation and residual connections make "
                        "deep stacks trainable."),
    "might_not_be": N_("Expectations can again run far ahead of what the systems reliably do; "
                       "when the promises are not kept, money and interest may leave the field "
                       "again."),
}
#: What to look for when comparing, question by question (prompts, not a marking scheme).
_LOOK_FOR = {
    "why_failed": N_("did you name a reason the methods fell short (hand-written rules, "
                     "perception) and one about the promises made?"),
    "different_now": N_("chapter 1 names three forces: data, hardware (compute) and better "
                        "algorithms. Which did you cover, in whatever words?"),
    "might_not_be": N_("did you say what could repeat: hype ahead of results, and money "
                       "leaving when promises fail?"),
}
_MIN_WORDS = 5
#: Korean packs particles and endings into each word (어절), so fewer words make a sentence.
_MIN_WORDS_KOREAN = 3


def _text_problem(name, text):
    if text is None:
        return _("{name} is still None: write a sentence or two there").format(name=name)
    if not isinstance(text, str):
        return _("{name} should be text in quotes, got {type}").format(
            name=name, type=type(text).__name__)
    if len(text) > 3000:
        return _("{name} is {n} characters long; a sentence or two is enough").format(
            name=name, n=len(text))
    n = len(re.findall(r"\w+", text))
    minimum = _MIN_WORDS_KOREAN if _HANGUL.search(text) else _MIN_WORDS
    if n < minimum:
        message = (_("{name} has {n} word; write a sentence or two (at least {minimum} words)")
                   if n == 1 else
                   _("{name} has {n} words; write a sentence or two (at least {minimum} "
                     "words)"))
        return message.format(name=name, n=n, minimum=minimum)
    return None


@checker
def check_reflection(why_failed, different_now, might_not_be):
    """Three texts: why early predictions failed, what is different now, what might not be.

    No pass or fail: a checker that counts keywords would tick empty words and miss sound
    answers in other words (graphics cards are compute, training tricks are algorithms). Once
    each answer is a sentence or more, it shows the worked answer to compare with, question by
    question, with what to look for.
    """
    answers = {"why_failed": why_failed, "different_now": different_now,
               "might_not_be": might_not_be}
    if all(a is None for a in answers.values()):
        return not_yet(_("no answer yet: replace None with your own sentences (in quotes) and "
                         "run the cell again."),
                       _("answer the three questions in your own words; there is no single "
                         "right answer."))
    problems = [p for p in (_text_problem(k, v) for k, v in answers.items()) if p]
    if problems:
        return not_yet("; ".join(problems) + ".",
                       _("Each answer needs a sentence or two in your own words."))
    worked = "\n\n".join(
        _("{name}\n  yours:    {yours}\n  one possible answer: {worked}\n  look for: "
          "{look_for}").format(name=name, yours=" ".join(answers[name].split()),
                               worked=_(WORKED_REFLECTION[name]), look_for=_(_LOOK_FOR[name]))
        for name in answers)
    return compare(_("there is no single right answer, and no program can judge yours fairly, "
                     "so this is not marked. Compare your three answers with one possible "
                     "answer below, or better, discuss them with someone."), worked)
