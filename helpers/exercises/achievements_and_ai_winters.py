"""Checkers for notebook 08, achievements and AI winters.

1. :func:`check_error_reduction` — the relative drop of the ImageNet error from 2011 to 2012.
2. :func:`check_first_year_below_human` — the first year a winner beat the human estimate.
3. :func:`check_event_order` — put six milestones (the cards in :data:`CARDS`) in order.
4. :func:`check_reflection` — three short texts in the learner's own words. This checker only
   looks for what it *can* see (that each answer says something, and which themes it names); it
   says plainly that it cannot judge whether the ideas are right.
"""
import re

from .. import history
from .feedback import correct, not_yet, NO_ANSWER, is_number as _number

__all__ = ["check_error_reduction", "check_first_year_below_human", "check_event_order",
           "check_reflection"]


def _result(year):
    return next(r for r in history.IMAGENET_RESULTS if r.year == year)


# ----- 1. relative error reduction ------------------------------------------------------------
def check_error_reduction(answer):
    """``answer``: by what fraction the winning error fell from 2011 to 2012 (e.g. 0.5 for half)."""
    if answer is None:
        return not_yet(NO_ANSWER, "take the drop (2011 error minus 2012 error) and divide it "
                                  "by the 2011 error.")
    if not _number(answer):
        return not_yet(f"the answer should be a number (a fraction such as 0.25), got "
                       f"{answer!r}.", "compute it with the values from the table.")
    before, after = _result(2011).top5_error, _result(2012).top5_error
    target = (before - after) / before
    value = float(answer)
    if abs(value - target) <= 0.005:
        return correct(f"the error fell from {before:.1f} % to {after:.1f} %, a drop of "
                       f"{before - after:.1f} points, which is {target:.3f} (about "
                       f"{target:.0%}) of the 2011 error: more than a third of the remaining "
                       f"mistakes disappeared in one year.")
    if abs(value - 100 * target) <= 0.5:
        return correct(f"{value:.1f} % is right (as a fraction, {target:.3f}): more than a "
                       f"third of the remaining mistakes disappeared in one year.")
    if abs(value - (before - after)) <= 0.05:
        return not_yet(f"{value:g} is the drop in percentage points ({before:.1f} - "
                       f"{after:.1f}), not the relative drop.",
                       "divide the drop by the 2011 error, the value you started from.")
    if abs(value - (before - after) / after) <= 0.005:
        return not_yet(f"{value:.3f} divides the drop by the 2012 error.",
                       "a relative reduction compares with where you started: divide by the "
                       "2011 error.")
    if abs(value - after / before) <= 0.005:
        return not_yet(f"{value:.3f} is the share of the error that remained, not the share "
                       f"that disappeared.", "subtract it from 1.")
    if abs(value - before / after) <= 0.005:
        return not_yet(f"{value:.3f} is how many times larger the 2011 error was.",
                       "compute (2011 error - 2012 error) / 2011 error.")
    return not_yet(f"{value:g} is not the relative reduction.",
                   "compute (2011 error - 2012 error) / 2011 error with the table's values.")


# ----- 2. first year below the human estimate ------------------------------------------------
def check_first_year_below_human(answer):
    """``answer``: the first year whose winning error is below the estimated human error."""
    if answer is None:
        return not_yet(NO_ANSWER, "compare each year's winning error with "
                                  "history.HUMAN_TOP5_ESTIMATE.")
    if not _number(answer) or float(answer) != int(answer):
        return not_yet(f"the answer should be a year such as 2013, got {answer!r}.",
                       "give the year as a whole number.")
    year = int(answer)
    human = history.HUMAN_TOP5_ESTIMATE
    results = {r.year: r.top5_error for r in history.IMAGENET_RESULTS}
    target = min(y for y, e in results.items() if e < human)
    if year == target:
        return correct(f"in {year} the winner's error ({results[year]:.1f} %) was below the "
                       f"estimated {human:.1f} % for a trained person. Remember what that "
                       f"estimate is: one expert annotator on 1,500 images, on this one task.")
    if year not in results:
        return not_yet(f"there is no ImageNet result for {year} in the table (it covers "
                       f"{min(results)}-{max(results)}).", "look at the years in the table.")
    if results[year] >= human:
        return not_yet(f"in {year} the winning error was {results[year]:.1f} %, still above "
                       f"the human estimate of {human:.1f} %.",
                       "look for the first year whose error is below the dashed line.")
    return not_yet(f"in {year} the error was below the estimate, but it was not the first "
                   f"such year.", "check the years before it.")


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
CARD_TEXT = {letter: e.title for letter, e in _CARD_EVENTS.items()}


def _letters(answer):
    if isinstance(answer, str):
        return [c for c in answer.upper() if c.isalpha()]
    if isinstance(answer, (list, tuple)) and all(isinstance(a, str) for a in answer):
        return [a.strip().upper() for a in answer]
    return None


def check_event_order(answer):
    """``answer``: the letters of :data:`CARDS` from earliest to latest, e.g. "ABCDEF"."""
    if answer is None:
        return not_yet(NO_ANSWER, "write the six letters from the earliest event to the latest, "
                                  "for example \"ABCDEF\".")
    letters = _letters(answer)
    if letters is None:
        return not_yet(f"give the letters as a string such as \"ABCDEF\" or a list such as "
                       f"[\"A\", \"B\", ...], got {answer!r}.", "use the card letters.")
    unknown = sorted(set(letters) - set(CARDS))
    if unknown:
        return not_yet(f"{', '.join(unknown)} is not a card; the cards are A to F.",
                       "use each of the letters A, B, C, D, E, F once.")
    missing = sorted(set(CARDS) - set(letters))
    if missing or len(letters) != len(CARDS):
        return not_yet(f"use every card exactly once (missing: {', '.join(missing) or 'none'}; "
                       f"you gave {len(letters)} letters).", "six letters, A to F, each once.")
    target = sorted(CARDS, key=CARDS.get)
    if letters == target:
        return correct("in order: " + " → ".join(f"{CARDS[c]} {CARD_TEXT[c]}" for c in target)
                       + ". Notice the gap between backprop (1986) and AlexNet (2012).")
    in_place = sum(a == b for a, b in zip(letters, target))
    for earlier, later in zip(letters, letters[1:]):
        if CARDS[earlier] > CARDS[later]:
            break
    return not_yet(f"{in_place} of 6 cards are in the right place. You put {earlier} "
                   f"({CARD_TEXT[earlier]}) before {later} ({CARD_TEXT[later]}), but it "
                   f"happened later.", "use the timeline figure or the widget above to date "
                   "each card.")


# ----- 4. reflection in your own words ---------------------------------------------------------
#: Word stems the reflection checker looks for, by theme.
THEMES = {
    "data": ("data", "dataset", "imagenet", "label", "example", "internet", "image"),
    "compute": ("compute", "computing", "gpu", "hardware", "processor", "chip", "faster",
                "computer", "tpu", "power", "cheap"),
    "algorithms": ("algorithm", "backprop", "relu", "initiali", "dropout", "optimi", "adam",
                   "architecture", "convolution", "residual", "method", "technique",
                   "normali", "layer", "gradient"),
}
_MIN_WORDS = 8


def _themes(text):
    words = re.findall(r"[a-z]+", text.lower())
    return [theme for theme, stems in THEMES.items()
            if any(w.startswith(stem) for w in words for stem in stems)]


def _text_problem(name, text):
    if text is None:
        return f"{name} is still None: write a few sentences there"
    if not isinstance(text, str):
        return f"{name} should be text in quotes, got {type(text).__name__}"
    n = len(re.findall(r"\w+", text))
    if n < _MIN_WORDS:
        return (f"{name} has {n} word{'s' if n != 1 else ''}; write at least {_MIN_WORDS} (a "
                f"sentence or two)")
    return None


def check_reflection(why_failed, different_now, might_not_be):
    """Three texts: why early predictions failed, what is different now, what might not be.

    Passes when each is at least a sentence and ``different_now`` names at least two of the
    themes data, compute and algorithms. It cannot judge the ideas themselves, and says so.
    """
    if why_failed is None and different_now is None and might_not_be is None:
        return not_yet(NO_ANSWER.replace("your answer", "your own sentences (in quotes)"),
                       "answer the three questions in your own words; there is no single "
                       "right answer.")
    problems = [p for p in (_text_problem("why_failed", why_failed),
                            _text_problem("different_now", different_now),
                            _text_problem("might_not_be", might_not_be)) if p]
    if problems:
        return not_yet("; ".join(problems) + ".",
                       "each answer needs a sentence or two in your own words.")
    found = _themes(different_now)
    missing = [t for t in THEMES if t not in found]
    honest = ("This checker only looks for those themes and for length; it cannot tell "
              "whether your reasoning is right. Compare with the worked answer and, better, "
              "discuss it with someone.")
    if len(found) < 2:
        named = f"only {found[0]}" if found else "none of data, compute or algorithms"
        return not_yet(f"different_now mentions {named}.",
                       f"say something about {' or '.join(missing)} too: what changed there "
                       f"between the 1980s and the 2010s? {honest}")
    return correct(f"different_now talks about {' and '.join(found)}"
                   + (f" (you could also think about {missing[0]})" if missing else "")
                   + f", and all three answers say something. {honest}")
