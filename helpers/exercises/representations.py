"""Checkers for notebook 03 (representations).

Answers are read with the course's reading rules (:mod:`helpers.exercises.feedback`): numbers
as text or fractions, channel names in any case ("r", "Red"), a range as (low, high) in either
order, shares and thresholds as 0.45 or as a percentage (45). Korean names are read too, in either
language of the course: channels as "빨강", "초록", "파랑" and the explorer's values as "각도",
"x 이동", "y 이동".
"""
import functools
import numbers

import numpy as np

from .. import scoreboard
from ..i18n import N_, _
from ..images import FAMILIES, TASKS, colour_picture, mask_scores, select
from ..search import CoordinateSearch, change_coordinates, x_rule_accuracy
from .feedback import (AnswerError, NO_ANSWER, TOLERANCE_NOTE, checker, close, correct,
                       not_yet, read_numbers, read_share, short)

__all__ = []

_NAMES = list(FAMILIES)
#: The colour families' names, marked here for translation (they are shown in messages).
_FAMILY_WORDS = (N_("red"), N_("orange"), N_("yellow"), N_("green"), N_("blue"), N_("purple"),
                 N_("navy"), N_("pink"), N_("beige"), N_("pale blue"), N_("charcoal"),
                 N_("grey"))
_CHANNELS = {"r": "R", "red": "R", "g": "G", "green": "G", "b": "B", "blue": "B",
             "빨강": "R", "빨간색": "R", "빨간": "R", "적": "R", "적색": "R",
             "초록": "G", "초록색": "G", "녹색": "G", "녹": "G",
             "파랑": "B", "파란색": "B", "파란": "B", "청": "B", "청색": "B"}


@functools.lru_cache(maxsize=None)
def _picture():
    return colour_picture()


def _families(mask, picture):
    """'orange (120), grey (30)': which families the pixels of ``mask`` belong to, most first."""
    counts = np.bincount(picture.family[mask], minlength=len(_NAMES))
    order = np.argsort(-counts)
    return ", ".join(f"{_(_NAMES[k])} ({counts[k]})" for k in order[:3] if counts[k])


def _rgb_ranges(answer):
    """{"R": (low, high), ...} from a dict (keys "R", "red", ... in any case) or three pairs;
    each pair may be given in either order."""
    if isinstance(answer, dict):
        pairs = {}
        for key, value in answer.items():
            name = _CHANNELS.get(str(key).strip().lower())
            if name is None:
                raise AnswerError(_("{key} is not a channel of RGB.").format(key=short(key)),
                                  _('Use the keys "R", "G" and "B".'))
            pairs[name] = value
    else:
        items = answer if isinstance(answer, (list, tuple)) else None
        if items is None or len(items) != 3:
            raise AnswerError(_("the ranges should be a dict such as {{\"R\": (0.6, 1.0)}}, "
                                "got {value}.").format(value=short(answer)),
                              _('Use the form {"R": (0.0, 1.0), "G": (0.0, 1.0), '
                                '"B": (0.0, 1.0)}.'))
        pairs = dict(zip("RGB", items))
    ranges = {}
    for name, pair in pairs.items():
        low, high = sorted(read_numbers(pair, 2, _("the range for {name}").format(name=name),
                                        "(low, high)"))
        ranges[name] = (low, high)
    values = [v for pair in ranges.values() for v in pair]
    if max(values) > 1 and max(values) <= 255 and min(values) >= 0:
        raise AnswerError(_("your numbers look like values from 0 to 255; here every channel "
                            "runs from 0 to 1."), _("Divide by 255: 153 becomes 0.6."))
    if min(values) < 0 or max(values) > 1:
        raise AnswerError(_("every channel runs from 0 to 1; some of your numbers are outside."),
                          _("Use numbers between 0 and 1."))
    return ranges


@checker
def check_red_box(answer):
    """``answer``: RGB ranges, e.g. {"R": (low, high), "G": (...), "B": (...)}, that select the
    red pixels of the generated picture with an overlap of at least 0.95."""
    if answer is None:
        return not_yet(_(NO_ANSWER), _('Write answer = {"R": (low, high), "G": (low, high), '
                                       '"B": (low, high)} with numbers between 0 and 1.'))
    picture = _picture()
    mask = select(picture, _rgb_ranges(answer), "RGB")
    target = picture.targets["red pixels"]
    s = mask_scores(mask, target)
    if s["overlap"] >= 0.95:
        return correct(_("overlap {overlap:.3f}: you caught {caught} of {n} red pixels with "
                         "{wrong} wrong. Three thresholds in RGB are enough, because red means: "
                         "much red, little green, little blue.").format(
                           overlap=s["overlap"], caught=s["caught"], n=s["n_target"],
                           wrong=s["wrong"]))
    if s["missed"] > s["wrong"]:
        missed = picture.rgb[target & ~mask]
        return not_yet(_("overlap {overlap:.3f}: you miss {missed} of the {n} red "
                         "pixels.").format(overlap=s["overlap"], missed=s["missed"],
                                           n=s["n_target"]),
                       _("The missed red pixels have red between {low:.2f} and {high:.2f}, "
                         "green up to {green:.2f} and blue up to {blue:.2f}: widen the ranges to "
                         "include them.").format(low=missed[:, 0].min(), high=missed[:, 0].max(),
                                                 green=missed[:, 1].max(),
                                                 blue=missed[:, 2].max()))
    return not_yet(_("overlap {overlap:.3f}: {wrong} selected pixels are not red; most are "
                     "{families}.").format(overlap=s["overlap"], wrong=s["wrong"],
                                           families=_families(mask & ~target, picture)),
                   _("Narrow the ranges: red pixels have a high red channel but low green and "
                     "blue. Orange has more green than red does, pink more green and blue, "
                     "purple more blue."))


@checker
def check_vivid_threshold(answer):
    """``answer``: a saturation threshold s such that "saturation ≥ s" selects the vivid pixels
    with an overlap of at least 0.99 (0.45 and 45 % are the same threshold)."""
    if answer is None:
        return not_yet(_(NO_ANSWER), _("Give one number between 0 and 1: pixels with "
                                       "saturation at or above it are selected."))
    try:
        threshold, note = read_share(answer, N_("the threshold"))
    except AnswerError as error:
        raise AnswerError(error.message, _("Saturation runs from 0 (grey) to 1 (pure colour): "
                                           "give one number between 0 and 1.")) from None
    picture = _picture()
    mask = select(picture, {"S": (threshold, 1.0)}, "HSV")
    target = picture.targets["vivid pixels"]
    s = mask_scores(mask, target)
    if s["overlap"] >= 0.99:
        return correct(_("saturation ≥ {threshold:g}{note} selects the vivid pixels with "
                         "overlap {overlap:.3f}. In HSV one threshold does what no box of RGB "
                         "thresholds can.").format(threshold=threshold, note=note,
                                                   overlap=s["overlap"]))
    if s["missed"] >= s["wrong"]:
        lowest = min(FAMILIES[f][1][0] for f in TASKS["vivid pixels"])
        return not_yet(_("{missed} vivid pixels have a saturation below "
                         "{threshold:g}{note}.").format(missed=s["missed"], threshold=threshold,
                                                        note=note),
                       _("Lower the threshold: the least saturated vivid family starts at "
                         "{lowest:.2f}.").format(lowest=lowest))
    return not_yet(_("{wrong} dull pixels pass{note}, mostly {families}.").format(
                       wrong=s["wrong"], note=note,
                       families=_families(mask & ~target, picture)),
                   _("Raise the threshold above the saturation of the washed-out colours (look "
                     "at the saturation channel picture: dull colours are dark there)."))


# ----- exercise 3: a change of coordinates found by hand -----------------------------------------
def _angle_and_shifts(answer):
    """(angle, dx, dy) from a tuple, list or text of 3 numbers (or 2: dy = 0), a dict with keys
    angle, dx, dy (or the sliders' Korean names "각도", "x 이동", "y 이동"), or an explorer
    widget (anything with ``angle``, ``dx`` and ``dy``)."""
    if all(isinstance(getattr(answer, k, None), numbers.Real) for k in ("angle", "dx", "dy")):
        return float(answer.angle), float(answer.dx), float(answer.dy)
    if isinstance(answer, dict):
        keys = {str(k).strip().lower().replace(" ", "").replace("_", ""): v
                for k, v in answer.items()}
        aliases = {"angle": ("angle", "각도"), "dx": ("dx", "shiftx", "x이동"),
                   "dy": ("dy", "shifty", "y이동")}
        answer = [next((keys[a] for a in aliases["angle"] if a in keys), None),
                  next((keys[a] for a in aliases["dx"] if a in keys), None),
                  next((keys[a] for a in aliases["dy"] if a in keys), 0.0)]
        if answer[0] is None or answer[1] is None:
            raise AnswerError(_("the dict needs the keys 'angle' and 'dx' (and 'dy')."),
                              _("Or simply write answer = (angle, dx, dy)."))
    values = read_numbers(answer, None)
    if len(values) == 2:
        values.append(0.0)
    if len(values) != 3:
        raise AnswerError(_("expected three numbers (angle, dx, dy), got {n}.").format(
                              n=len(values)),
                          _("For example answer = (30, 0.5, 0.0)."))
    return tuple(values)


@functools.lru_cache(maxsize=None)
def _search():
    X_train, y_train = scoreboard.running_example_split()[:2]
    return CoordinateSearch(seed=0).fit(X_train, y_train)


def _is_the_search_answer(angle, dx):
    """True for the search's own (angle, dx), as printed in section 3 or read from it: no
    slider lands within 0.005 of its shift (the slider moves in steps of 0.05)."""
    search = _search()
    turn = (angle - search.angle_ + 180) % 360 - 180
    return abs(turn) <= 0.5 and abs(dx - search.shift_[0]) <= 0.005


def _best_over_shifts(X, y, angle):
    """The best accuracy of "x > 0 → black" over every shift x, at this angle, and the range of
    shifts reaching 0.95 (or None)."""
    x_new = change_coordinates(X, angle)[:, 0]
    order = np.argsort(x_new)
    xs, ys = x_new[order], y[order]
    # cutting after the first k points: those are white, the rest black
    white_right = np.concatenate([[0], np.cumsum(ys == 0)])
    black_right = np.concatenate([[0], np.cumsum(ys == 1)])[-1] - \
        np.concatenate([[0], np.cumsum(ys == 1)])
    accuracies = (white_right + black_right) / len(ys)
    good = np.flatnonzero(accuracies >= 0.95)
    cuts = np.concatenate([[xs[0] - 1], (xs[:-1] + xs[1:]) / 2, [xs[-1] + 1]])
    shifts = -cuts[good] if len(good) else None
    return float(accuracies.max()), shifts


@checker
def check_coordinate_change(answer):
    """``answer``: (angle, dx, dy) after which "x > 0 → black" is at least 95 % right on the
    running example's training split, found by the learner. The change the automatic search
    of section 3 found (its printed angle and shift) is not accepted: the exercise asks for
    your own, and any other change that reaches 0.95 is."""
    if answer is None:
        return not_yet(_(NO_ANSWER), _("Move the explorer's sliders until its accuracy reads "
                                       "0.95 or more, then write answer = (angle, dx, dy)."))
    angle, dx, dy = _angle_and_shifts(answer)
    X_train, y_train = scoreboard.running_example_split()[:2]
    acc = x_rule_accuracy(change_coordinates(X_train, angle, dx, dy), y_train)
    if _is_the_search_answer(angle, dx):
        return not_yet(_("these are the values the automatic search of section 3 found "
                         "(accuracy {accuracy:.3f}). Good reading, but this exercise asks you to "
                         "find a change yourself.").format(accuracy=acc),
                       _("Use the explorer's sliders: turn the angle until the gap between the "
                         "groups is vertical, then slide shift x. Many angles and shifts of your "
                         "own reach 0.95."))
    if acc >= 0.95:
        return correct(_('after rotating by {angle:g}° and shifting by ({dx:g}, {dy:g}), '
                         '"x > 0 → black" is right for {accuracy:.3f} of the training points. '
                         'You did by hand what the search below does automatically.').format(
                           angle=angle, dx=dx, dy=dy, accuracy=acc))
    if acc < 0.5:
        return not_yet(_("accuracy {accuracy:.3f}: the rule is wrong more often than "
                         "right.").format(accuracy=acc),
                       _("The black points end up on the left of x = 0. Adding (or subtracting) "
                         "180° to the angle and changing the sign of shift x swaps the two "
                         "sides, which would give {other:.3f}.").format(other=1 - acc))
    best, shifts = _best_over_shifts(X_train, y_train, angle)
    if shifts is None:
        return not_yet(_("accuracy {accuracy:.3f}, below 0.95.").format(accuracy=acc),
                       _("At {angle:g}° no shift reaches 0.95 (the best is {best:.3f}): change "
                         "the angle first, until the gap between the two groups is vertical in "
                         "the right-hand view, then slide 'shift x'.").format(angle=angle,
                                                                             best=best))
    nearest = shifts[np.argmin(np.abs(shifts - dx))]
    if nearest > dx:
        hint = _("Your angle is good: at {angle:g}° some shift reaches {best:.3f}. Keep it and "
                 "move 'shift x' to the right (larger) until the gap sits on x = 0.")
    else:
        hint = _("Your angle is good: at {angle:g}° some shift reaches {best:.3f}. Keep it and "
                 "move 'shift x' to the left (smaller) until the gap sits on x = 0.")
    return not_yet(_("accuracy {accuracy:.3f}, below 0.95.").format(accuracy=acc),
                   hint.format(angle=angle, best=best))


# ----- exercise 4 ---------------------------------------------------------------------------------
@checker
def check_search_test_accuracy(answer):
    """``answer``: the test accuracy of the change of coordinates CoordinateSearch(seed=0)
    finds on the training split (a share such as 0.95, or a percentage such as 95)."""
    if answer is None:
        return not_yet(_(NO_ANSWER), _("Use coordinate_search.transform(X_test) and "
                                       "x_rule_accuracy, or coordinate_search.score(X_test, "
                                       "y_test)."))
    value, note = read_share(answer)
    X_train, y_train, X_test, y_test = scoreboard.running_example_split()
    train, test = _search().train_accuracy_, _search().score(X_test, y_test)
    if close(value, test):
        return correct(_("{test:.3f} on points the search never saw{note} (against {train:.3f} "
                         "on the training points): the change of coordinates it found carries "
                         "over to new data.").format(test=test, note=note, train=train))
    if close(value, train):
        return not_yet(_("{value:.3f} is the accuracy on the training points{note}.").format(
                           value=value, note=note),
                       _("Transform the test points X_test with the same search and score them "
                         "against y_test."))
    return not_yet(_("{value:.3f} is not the test accuracy{note}.").format(value=value,
                                                                          note=note),
                   _("Fit CoordinateSearch(seed=0) on the training split, then call "
                     "coordinate_search.score(X_test, y_test) ({note}).").format(
                       note=_(TOLERANCE_NOTE)))
