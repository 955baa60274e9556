"""Checkers for notebook 03 (representations)."""
import functools

import numpy as np

from .. import scoreboard
from ..images import FAMILIES, TASKS, colour_picture, mask_scores, select
from ..search import CoordinateSearch, change_coordinates, x_rule_accuracy
from .feedback import correct, not_yet, is_number as _number

__all__ = []

_NAMES = list(FAMILIES)


@functools.lru_cache(maxsize=None)
def _picture():
    return colour_picture()


def _families(mask, picture):
    """'orange (120), grey (30)': which families the pixels of ``mask`` belong to, most first."""
    counts = np.bincount(picture.family[mask], minlength=len(_NAMES))
    order = np.argsort(-counts)
    return ", ".join(f"{_NAMES[k]} ({counts[k]})" for k in order[:3] if counts[k])


def check_red_box(answer):
    """``answer``: RGB ranges, e.g. {"R": (low, high), "G": (...), "B": (...)}, that select the
    red pixels of the generated picture with an overlap of at least 0.95."""
    if answer is None:
        return not_yet("no answer yet.", 'Write answer = {"R": (low, high), "G": (low, high), '
                                         '"B": (low, high)} with numbers between 0 and 1.')
    picture = _picture()
    try:
        mask = select(picture, answer, "RGB")
    except (TypeError, ValueError) as exc:
        return not_yet(f"the ranges could not be used: {exc}",
                       'Use the form {"R": (0.0, 1.0), "G": (0.0, 1.0), "B": (0.0, 1.0)}.')
    target = picture.targets["red pixels"]
    s = mask_scores(mask, target)
    if s["overlap"] >= 0.95:
        return correct(f"overlap {s['overlap']:.3f}: you caught {s['caught']} of "
                       f"{s['n_target']} red pixels with {s['wrong']} wrong. Three thresholds "
                       f"in RGB are enough, because red means: much red, little green, little "
                       f"blue.")
    if s["missed"] > s["wrong"]:
        missed = picture.rgb[target & ~mask]
        return not_yet(f"overlap {s['overlap']:.3f}: you miss {s['missed']} of the "
                       f"{s['n_target']} red pixels.",
                       f"The missed red pixels have red between {missed[:, 0].min():.2f} and "
                       f"{missed[:, 0].max():.2f}, green up to {missed[:, 1].max():.2f} and blue "
                       f"up to {missed[:, 2].max():.2f}: widen the ranges to include them.")
    return not_yet(f"overlap {s['overlap']:.3f}: {s['wrong']} selected pixels are not red; most "
                   f"are {_families(mask & ~target, picture)}.",
                   "Narrow the ranges: red pixels have a high red channel but low green and "
                   "blue. Orange has more green than red does, pink more green and blue, purple "
                   "more blue.")


def check_vivid_threshold(answer):
    """``answer``: a saturation threshold s such that "saturation ≥ s" selects the vivid pixels
    with an overlap of at least 0.99."""
    if answer is None:
        return not_yet("no answer yet.", "Give one number between 0 and 1: pixels with "
                                         "saturation at or above it are selected.")
    if not _number(answer) or not 0 <= answer <= 1:
        return not_yet(f"expected a number between 0 and 1, got {answer!r}.",
                       "Saturation runs from 0 (grey) to 1 (pure colour).")
    picture = _picture()
    mask = select(picture, {"S": (float(answer), 1.0)}, "HSV")
    target = picture.targets["vivid pixels"]
    s = mask_scores(mask, target)
    if s["overlap"] >= 0.99:
        return correct(f"saturation ≥ {answer} selects the vivid pixels with overlap "
                       f"{s['overlap']:.3f}. In HSV one threshold does what no box of RGB "
                       f"thresholds can.")
    if s["missed"] >= s["wrong"]:
        lowest = min(FAMILIES[f][1][0] for f in TASKS["vivid pixels"])
        return not_yet(f"{s['missed']} vivid pixels have a saturation below {answer}.",
                       f"Lower the threshold: the least saturated vivid family starts at "
                       f"{lowest:.2f}.")
    return not_yet(f"{s['wrong']} dull pixels pass, mostly {_families(mask & ~target, picture)}.",
                   "Raise the threshold above the saturation of the washed-out colours (look at "
                   "the saturation channel picture: dull colours are dark there).")


def check_coordinate_change(answer):
    """``answer``: (angle, dx, dy) after which "x > 0 → black" is at least 95 % right on the
    running example's training split."""
    if answer is None:
        return not_yet("no answer yet.", "Move the explorer's sliders until its accuracy reads "
                                         "0.95 or more, then write answer = (angle, dx, dy).")
    try:
        angle, dx, dy = answer
    except (TypeError, ValueError):
        return not_yet("expected three numbers (angle, dx, dy).",
                       "For example answer = (30, 0.5, 0.0).")
    if not all(_number(v) for v in (angle, dx, dy)):
        return not_yet("angle, dx and dy should all be numbers.")
    X_train, y_train, _, _ = scoreboard.running_example_split()
    acc = x_rule_accuracy(change_coordinates(X_train, angle, dx, dy), y_train)
    if acc >= 0.95:
        return correct(f'after rotating by {angle}° and shifting by ({dx}, {dy}), "x > 0 → '
                       f'black" is right for {acc:.3f} of the training points. You did by hand '
                       f"what the search below does automatically.")
    if acc < 0.5:
        return not_yet(f"accuracy {acc:.3f}: the rule is wrong more often than right.",
                       "The black points are mostly on the left of x = 0: turn by about 180° "
                       "more, so they end up on the right.")
    return not_yet(f"accuracy {acc:.3f}, below 0.95.",
                   "First turn the angle until the gap between the two groups is vertical in "
                   "the right-hand view, then slide 'shift x' until the gap sits on x = 0.")


@functools.lru_cache(maxsize=None)
def _search_accuracies():
    X_train, y_train, X_test, y_test = scoreboard.running_example_split()
    search = CoordinateSearch(seed=0).fit(X_train, y_train)
    return search.train_accuracy_, search.score(X_test, y_test)


def check_search_test_accuracy(answer):
    """``answer``: the test accuracy of the change of coordinates CoordinateSearch(seed=0)
    finds on the training split."""
    if answer is None:
        return not_yet("no answer yet.", "Use coordinate_search.transform(X_test) and "
                                         "x_rule_accuracy, or coordinate_search.score(X_test, "
                                         "y_test).")
    if not _number(answer):
        return not_yet(f"expected a number, got {type(answer).__name__}.")
    train, test = _search_accuracies()
    if 1 < answer <= 100 and np.isclose(answer / 100, test, atol=0.005):
        return not_yet(f"{answer:g} looks like a percentage.",
                       "Give the accuracy as a share between 0 and 1, e.g. 0.9 for 90 %.")
    if np.isclose(answer, test, atol=0.005):
        return correct(f"{test:.3f} on points the search never saw (against {train:.3f} on the "
                       f"training points): the change of coordinates it found carries over to "
                       f"new data.")
    if np.isclose(answer, train, atol=0.005):
        return not_yet(f"{answer:.3f} is the accuracy on the training points.",
                       "Transform the test points X_test with the same search and score them "
                       "against y_test.")
    return not_yet(f"{answer:.3f} is not the test accuracy.",
                   "Fit CoordinateSearch(seed=0) on the training split, then call "
                   "coordinate_search.score(X_test, y_test).")
