"""Exercise checkers for notebook 06, *How training works*.

1. :func:`check_chain_rule` — the three partial derivatives of f = (a·b + c)², by hand.
2. :func:`check_used_twice` — the derivative of a number used in two places.
3. :func:`check_sgd_step` — one gradient-descent update, by hand.
4. :func:`check_divergent_rates` — which learning rates make gradient descent blow up on
   L(w) = 2 (w - 3)².
"""
import numbers

import numpy as np

from .feedback import correct, not_yet, NO_ANSWER as _NO_ANSWER

__all__ = ["CHAIN_POINT", "check_chain_rule", "USED_TWICE_X", "check_used_twice", "SGD_TASK",
           "check_sgd_step", "CANDIDATE_RATES", "check_divergent_rates"]


def _is_number(x):
    return isinstance(x, numbers.Real) and not isinstance(x, bool) and np.isfinite(x)


def _same(x, y, tol=1e-6):
    return abs(float(x) - float(y)) <= tol * max(1.0, abs(float(y)))


# ----- 1. the chain rule by hand -----------------------------------------------------------------
#: Where to evaluate f(a, b, c) = (a·b + c)².
CHAIN_POINT = {"a": 1.5, "b": -2.0, "c": 0.5}


def check_chain_rule(answer):
    """``answer`` = (df/da, df/db, df/dc) for f = (a·b + c)² at :data:`CHAIN_POINT`."""
    if answer is None:
        return not_yet(_NO_ANSWER, "Call u = a·b + c. Then f = u², df/du = 2u, and "
                       "df/da = df/du · du/da.")
    if (not isinstance(answer, (tuple, list)) or len(answer) != 3
            or not all(_is_number(v) for v in answer)):
        return not_yet("the answer should be three numbers (df/da, df/db, df/dc), for example "
                       "(1.0, 2.0, 3.0).", "Give a tuple of three numbers.")
    a, b, c = CHAIN_POINT["a"], CHAIN_POINT["b"], CHAIN_POINT["c"]
    u = a * b + c
    right = (2 * u * b, 2 * u * a, 2 * u)
    if all(_same(x, r) for x, r in zip(answer, right)):
        return correct(f"df/da = 2u·b = {right[0]:g}, df/db = 2u·a = {right[1]:g}, "
                       f"df/dc = 2u = {right[2]:g} with u = a·b + c = {u:g}. The outer "
                       f"derivative (2u) times the inner one (b, a or 1): the chain rule.")
    names = ("df/da", "df/db", "df/dc")
    inner = (b, a, 1.0)
    for name, x, r, k in zip(names, answer, right, inner):
        if _same(x, r):
            continue
        if _same(x, r / 2):
            return not_yet(f"{name} is off by a factor of 2.", "The derivative of u² is 2u, "
                           "not u: keep the 2.")
        if _same(x, -r):
            return not_yet(f"{name} has the wrong sign.", f"u = a·b + c = {u:g} is negative; "
                           f"check the signs of each factor.")
        if k != 1.0 and (_same(x, 2 * u) or _same(x, u)):
            return not_yet(f"{name} is missing the inner derivative.", "The chain rule "
                           "multiplies the outer derivative 2u by du/da = b (or du/db = a).")
        if _same(x, k):
            return not_yet(f"{name} is only the inner derivative.", "Multiply it by the outer "
                           "derivative df/du = 2u.")
        return not_yet(f"{name} is not right yet.", f"First compute u = a·b + c, then "
                       f"df/du = 2u, then multiply by du/d(that variable).")
    return not_yet("not right yet.", "Check each of the three numbers.")  # pragma: no cover


# ----- 2. a number used twice ---------------------------------------------------------------------
#: Where to evaluate f(x) = x · (x + 1).
USED_TWICE_X = 2.0


def check_used_twice(answer):
    """``answer`` = df/dx for f(x) = x · (x + 1) at x = :data:`USED_TWICE_X`."""
    if answer is None:
        return not_yet(_NO_ANSWER, "x reaches f along two paths: as the left factor and "
                       "inside (x + 1).")
    if not _is_number(answer):
        return not_yet(f"the answer should be one number, got {answer!r}.", "For example 3.0.")
    x = USED_TWICE_X
    right = 2 * x + 1
    if _same(answer, right):
        return correct(f"df/dx = (x + 1) + x = {right:g}: one contribution from each path, "
                       f"added. That is why autograd accumulates gradients with +=.")
    if _same(answer, x + 1) or _same(answer, x):
        return not_yet(f"{answer:g} counts only one of the two paths from x to f.",
                       "Add the contributions of both paths: (x + 1) through the left factor "
                       "and x through the right one.")
    if _same(answer, (x + 1) * x):
        return not_yet("that is the value of f, not its derivative.", "Ask how much f moves "
                       "when x moves by a tiny amount.")
    return not_yet(f"{answer:g} is not df/dx.", "Expand f = x² + x, or use the product rule.")


# ----- 3. one gradient-descent step ---------------------------------------------------------------
#: A weight, its gradient dL/dw and the learning rate.
SGD_TASK = {"w": 0.8, "grad": -2.5, "lr": 0.1}


def check_sgd_step(answer):
    """``answer`` = the weight after one plain SGD step on :data:`SGD_TASK`."""
    if answer is None:
        return not_yet(_NO_ANSWER, "SGD moves each weight against its gradient: "
                       "w - lr · grad.")
    if not _is_number(answer):
        return not_yet(f"the answer should be one number, got {answer!r}.", "For example 0.5.")
    w, g, lr = SGD_TASK["w"], SGD_TASK["grad"], SGD_TASK["lr"]
    right = w - lr * g
    if _same(answer, right):
        return correct(f"w - lr·grad = {w:g} - {lr:g}·({g:g}) = {right:g}. The gradient is "
                       f"negative (the loss falls as w grows), so the weight goes up.")
    if _same(answer, w + lr * g):
        return not_yet("the step went with the gradient, uphill.", "Subtract lr · grad: the "
                       "gradient points to where the loss grows.")
    if _same(answer, w - g) or _same(answer, w + g):
        return not_yet("the learning rate is missing.", "Multiply the gradient by lr before "
                       "subtracting it.")
    if _same(answer, -lr * g) or _same(answer, lr * g):
        return not_yet("that is only the change, not the new weight.", "Add the change to the "
                       "old weight w.")
    return not_yet(f"{answer:g} is not the new weight.", "Compute w - lr · grad.")


# ----- 4. which learning rates diverge? -----------------------------------------------------------
#: The learning rates to judge for plain gradient descent on L(w) = 2 (w - 3)², from w = 0.
CANDIDATE_RATES = (0.05, 0.2, 0.45, 0.6, 1.0)


def _diverges(lr):
    # w - 3 is multiplied by (1 - 4 lr) at every step: it grows when |1 - 4 lr| > 1
    return abs(1 - 4 * lr) > 1


def check_divergent_rates(answer):
    """``answer`` = the learning rates in :data:`CANDIDATE_RATES` for which it diverges."""
    if answer is None:
        return not_yet(_NO_ANSWER, "dL/dw = 4 (w - 3), so one step turns w - 3 into "
                       "(1 - 4·lr)(w - 3).")
    if isinstance(answer, numbers.Real):
        answer = [answer]
    try:
        chosen = {float(v) for v in answer}
    except (TypeError, ValueError):
        return not_yet("the answer should be a list of learning rates, for example [0.2, 1.0].",
                       "Copy the rates you pick from CANDIDATE_RATES.")
    unknown = sorted(v for v in chosen if not any(_same(v, r) for r in CANDIDATE_RATES))
    if unknown:
        return not_yet(f"{unknown} are not among the candidates {list(CANDIDATE_RATES)}.",
                       "Pick from CANDIDATE_RATES only.")
    right = {r for r in CANDIDATE_RATES if _diverges(r)}
    if chosen == right:
        return correct(f"{sorted(right)}: there |1 - 4·lr| > 1, so the distance to the best "
                       f"weight grows at every step. With 0.45 the weight overshoots and "
                       f"flips side each step, but the distance still shrinks (factor 0.8).")
    wrong_in = sorted(chosen - right)
    missing = sorted(right - chosen)
    if wrong_in:
        r = wrong_in[0]
        return not_yet(f"{r:g} does not diverge.", f"With lr = {r:g} each step multiplies the "
                       f"distance to w = 3 by |1 - 4·{r:g}| = {abs(1 - 4 * r):.2f} < 1: it "
                       f"shrinks, even if it changes side.")
    r = missing[0]
    return not_yet(f"{r:g} diverges too.", f"With lr = {r:g} each step multiplies the distance "
                   f"to w = 3 by |1 - 4·{r:g}| = {abs(1 - 4 * r):.2f} > 1.")
