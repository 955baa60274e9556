"""Exercise checkers for notebook 06, *How training works*.

A primer on slopes comes first; its two exercises need no calculus:

- :func:`check_nudge_slope` — estimate a slope by nudging the input a little (finite differences).
- :func:`check_path_slope` — the chain rule as multiplying the slopes along a path.

Then:

1. :func:`check_chain_rule` — optional, needs calculus: the three partial derivatives of
   f = (a·b + c)², by hand.
2. :func:`check_used_twice` — optional, needs calculus: the derivative of a number used in two
   places.
3. :func:`check_sgd_step` — one gradient-descent update, by hand.
4. :func:`check_divergent_rates` — which learning rates make gradient descent blow up on
   L(w) = 2 (w - 3)².

Numbers are read with the course's reading rules (:mod:`helpers.exercises.feedback`): text,
fractions, lists or "0.6, 1.0" alike, and right when they match to 2 decimals.
"""
from ..i18n import _
from .feedback import (AnswerError, NO_ANSWER as _NO_ANSWER, TOLERANCE_NOTE, checker, close,
                       correct, not_yet, read_number, read_numbers)

__all__ = ["SLOPE_TASK", "primer_loss", "check_nudge_slope", "PATH_SLOPES", "check_path_slope",
           "CHAIN_POINT", "check_chain_rule", "USED_TWICE_X", "check_used_twice", "SGD_TASK",
           "check_sgd_step", "CANDIDATE_RATES", "check_divergent_rates"]


def _same(x, y):
    return close(x, y)


# ----- primer 1: a slope by nudging ---------------------------------------------------------------
#: Where to measure the slope of :func:`primer_loss`, and by how much to nudge the weight.
SLOPE_TASK = {"w": 2.5, "nudge": 0.001}


def primer_loss(w):
    """The loss of one weight for the primer: L(w) = (w - 1)², lowest at w = 1."""
    return (w - 1.0) ** 2


@checker
def check_nudge_slope(answer):
    """Primer exercise (no calculus): the slope of :func:`primer_loss` at w = 2.5, estimated by
    nudging w by 0.001: (L(w + 0.001) - L(w)) / 0.001. The exact slope and the estimate with a
    nudge to the left or on both sides agree to 2 decimals, so all of them pass."""
    if answer is None:
        return not_yet(_(_NO_ANSWER), _("Compute L at w and at w + 0.001 with ex.primer_loss, "
                                        "subtract, and divide by the nudge 0.001."))
    value = read_number(answer)
    w, h = SLOPE_TASK["w"], SLOPE_TASK["nudge"]
    change = primer_loss(w + h) - primer_loss(w)
    slope = change / h
    if _same(value, slope):
        return correct(_("the loss moves by {change:.6f} when w moves by {h:g}: a slope of "
                         "{slope:.3f}. Positive means the loss goes up when w goes up, so to "
                         "lower the loss, decrease w. Nudging is slow (one extra loss "
                         "computation per weight), which is why training uses "
                         "backpropagation.").format(change=change, h=h, slope=slope))
    if _same(value, -slope):
        return not_yet(_("the size is right, the sign is not."),
                       _("Subtract in the right order: L(w + 0.001) - L(w), the new value "
                         "minus the old one. Here the loss goes down as w grows."))
    if abs(value - change) < 1e-4:
        return not_yet(_("{value:g} is how much the loss moved, not the slope.").format(
                           value=value),
                       _("Divide that change by the size of the nudge, 0.001."))
    if _same(value, primer_loss(w)):
        return not_yet(_("{value:g} is the loss at w = {w:g}, not its slope.").format(
                           value=value, w=w),
                       _("The slope is how much the loss moves per unit that w moves: compare "
                         "L at w and at w + 0.001."))
    for big in (0.1, 1.0):
        if _same(value, (primer_loss(w + big) - primer_loss(w)) / big):
            return not_yet(_("that is the slope measured with a nudge of {big:g}.").format(
                               big=big),
                           _("A big nudge measures the average slope over a long stretch; use "
                             "the small nudge 0.001."))
    if _same(value, h / change):
        return not_yet(_("{value:g} divides the nudge by the change of the loss.").format(
                           value=value),
                       _("Turn it round: the change of the loss divided by the nudge."))
    return not_yet(_("{value:g} is not the slope at w = {w:g} ({note}).").format(
                       value=value, w=w, note=_(TOLERANCE_NOTE)),
                   _("Compute (ex.primer_loss(2.501) - ex.primer_loss(2.5)) / 0.001."))


# ----- primer 2: slopes multiply along a path -----------------------------------------------------
#: A path x → u → v → f and the slope of each step: when u moves by a little, v moves by
#: -0.5 times as much, and so on.
PATH_SLOPES = (("x", "u", 3.0), ("u", "v", -0.5), ("v", "f", 4.0))


@checker
def check_path_slope(answer):
    """Primer exercise (no calculus): how much f moves per unit that x moves, along the path in
    :data:`PATH_SLOPES` (the chain rule: multiply the slopes along the path)."""
    if answer is None:
        return not_yet(_(_NO_ANSWER),
                       _("If x moves by 1, how much does u move? And then v? And f?"))
    value = read_number(answer)
    slopes = [slope for *_path, slope in PATH_SLOPES]
    product = slopes[0] * slopes[1] * slopes[2]
    if _same(value, product):
        return correct(_("{product_of_slopes} = {product:g}: x moves u {u:g} times as much, "
                         "that moves v {v:g} times as much, and that moves f {f:g} times as "
                         "much. Multiplying the slopes along the path is the chain rule.").format(
                           product_of_slopes=" × ".join(f"{s:g}" for s in slopes),
                           product=product, u=slopes[0], v=slopes[1], f=slopes[2]))
    if _same(value, sum(slopes)):
        return not_yet(_("you added the slopes."),
                       _("Each step scales the movement of the step before it: multiply."))
    if _same(value, -product):
        return not_yet(_("the size is right, the sign is not."),
                       _("Signs multiply too: one negative slope on the path makes the product "
                         "negative."))
    if any(_same(value, s) for s in slopes) or any(
            _same(value, a * b) for a, b in ((slopes[0], slopes[1]), (slopes[1], slopes[2]),
                                             (slopes[0], slopes[2]))):
        return not_yet(_("that leaves out a step of the path."),
                       _("Use every slope from x to f: three steps, three factors."))
    return not_yet(_("{value:g} is not how much f moves per unit of x ({note}).").format(
                       value=value, note=_(TOLERANCE_NOTE)),
                   _("Follow a movement of 1 along the path: x → u → v → f."))


# ----- 1. the chain rule by hand -----------------------------------------------------------------
#: Where to evaluate f(a, b, c) = (a·b + c)².
CHAIN_POINT = {"a": 1.5, "b": -2.0, "c": 0.5}


@checker
def check_chain_rule(answer):
    """Optional (needs calculus). ``answer`` = (df/da, df/db, df/dc) for f = (a·b + c)² at
    :data:`CHAIN_POINT`."""
    if answer is None:
        return not_yet(_(_NO_ANSWER), _("Call u = a·b + c. Then f = u², df/du = 2u, and "
                                        "df/da = df/du · du/da."))
    answer = read_numbers(answer, 3, "the answer", "(df/da, df/db, df/dc)")
    a, b, c = CHAIN_POINT["a"], CHAIN_POINT["b"], CHAIN_POINT["c"]
    u = a * b + c
    right = (2 * u * b, 2 * u * a, 2 * u)
    if all(_same(x, r) for x, r in zip(answer, right)):
        return correct(_("df/da = 2u·b = {da:g}, df/db = 2u·a = {db:g}, df/dc = 2u = {dc:g} "
                         "with u = a·b + c = {u:g}. The outer derivative (2u) times the inner "
                         "one (b, a or 1): the chain rule.").format(da=right[0], db=right[1],
                                                                   dc=right[2], u=u))
    names = ("df/da", "df/db", "df/dc")
    inner = (b, a, 1.0)
    for name, x, r, k in zip(names, answer, right, inner):
        if _same(x, r):
            continue
        if _same(x, r / 2):
            return not_yet(_("{name} is off by a factor of 2.").format(name=name),
                           _("The derivative of u² is 2u, not u: keep the 2."))
        if _same(x, -r):
            return not_yet(_("{name} has the wrong sign.").format(name=name),
                           _("u = a·b + c = {u:g} is negative; check the signs of each "
                             "factor.").format(u=u))
        if k != 1.0 and (_same(x, 2 * u) or _same(x, u)):
            return not_yet(_("{name} is missing the inner derivative.").format(name=name),
                           _("The chain rule multiplies the outer derivative 2u by du/da = b "
                             "(or du/db = a)."))
        if _same(x, k):
            return not_yet(_("{name} is only the inner derivative.").format(name=name),
                           _("Multiply it by the outer derivative df/du = 2u."))
        return not_yet(_("{name} is not right yet.").format(name=name),
                       _("First compute u = a·b + c, then df/du = 2u, then multiply by "
                         "du/d(that variable)."))
    return not_yet(_("not right yet."), _("Check each of the three numbers."))  # pragma: no cover


# ----- 2. a number used twice ---------------------------------------------------------------------
#: Where to evaluate f(x) = x · (x + 1).
USED_TWICE_X = 2.0


@checker
def check_used_twice(answer):
    """Optional (needs calculus). ``answer`` = df/dx for f(x) = x · (x + 1) at
    x = :data:`USED_TWICE_X`."""
    if answer is None:
        return not_yet(_(_NO_ANSWER), _("x reaches f along two paths: as the left factor and "
                                        "inside (x + 1)."))
    answer = read_number(answer)
    x = USED_TWICE_X
    right = 2 * x + 1
    if _same(answer, right):
        return correct(_("df/dx = (x + 1) + x = {right:g}: one contribution from each path, "
                         "added. That is why autograd accumulates gradients with +=.").format(
                           right=right))
    if _same(answer, x + 1) or _same(answer, x):
        return not_yet(_("{answer:g} counts only one of the two paths from x to f.").format(
                           answer=answer),
                       _("Add the contributions of both paths: (x + 1) through the left factor "
                         "and x through the right one."))
    if _same(answer, (x + 1) * x):
        return not_yet(_("that is the value of f, not its derivative."),
                       _("Ask how much f moves when x moves by a tiny amount."))
    return not_yet(_("{answer:g} is not df/dx ({note}).").format(
                       answer=answer, note=_(TOLERANCE_NOTE)),
                   _("Expand f = x² + x, or use the product rule."))


# ----- 3. one gradient-descent step ---------------------------------------------------------------
#: A weight, its gradient dL/dw and the learning rate.
SGD_TASK = {"w": 0.8, "grad": -2.5, "lr": 0.1}


@checker
def check_sgd_step(answer):
    """``answer`` = the weight after one plain SGD step on :data:`SGD_TASK`."""
    if answer is None:
        return not_yet(_(_NO_ANSWER),
                       _("SGD moves each weight against its gradient: w - lr · grad."))
    answer = read_number(answer)
    w, g, lr = SGD_TASK["w"], SGD_TASK["grad"], SGD_TASK["lr"]
    right = w - lr * g
    if _same(answer, right):
        return correct(_("w - lr·grad = {w:g} - {lr:g}·({g:g}) = {right:g}. The gradient is "
                         "negative (the loss falls as w grows), so the weight goes up.").format(
                           w=w, lr=lr, g=g, right=right))
    if _same(answer, w + lr * g):
        return not_yet(_("the step went with the gradient, uphill."),
                       _("Subtract lr · grad: the gradient points to where the loss grows."))
    if _same(answer, w - g) or _same(answer, w + g):
        return not_yet(_("the learning rate is missing."),
                       _("Multiply the gradient by lr before subtracting it."))
    if _same(answer, -lr * g) or _same(answer, lr * g):
        return not_yet(_("that is only the change, not the new weight."),
                       _("Add the change to the old weight w."))
    return not_yet(_("{answer:g} is not the new weight ({note}).").format(
                       answer=answer, note=_(TOLERANCE_NOTE)),
                   _("Compute w - lr · grad."))


# ----- 4. which learning rates diverge? -----------------------------------------------------------
#: The learning rates to judge for plain gradient descent on L(w) = 2 (w - 3)², from w = 0.
CANDIDATE_RATES = (0.05, 0.2, 0.45, 0.6, 1.0)


def _diverges(lr):
    # w - 3 is multiplied by (1 - 4 lr) at every step: it grows when |1 - 4 lr| > 1
    return abs(1 - 4 * lr) > 1


@checker
def check_divergent_rates(answer):
    """``answer`` = the learning rates in :data:`CANDIDATE_RATES` for which it diverges: a list,
    a tuple, a set or text such as "0.6, 1.0" (one rate alone may be given as a number)."""
    if answer is None:
        return not_yet(_(_NO_ANSWER), _("dL/dw = 4 (w - 3), so one step turns w - 3 into "
                                        "(1 - 4·lr)(w - 3)."))
    try:
        chosen = set(read_numbers(answer, None))
    except AnswerError as error:
        raise AnswerError(_("the answer should be a list of learning rates, for example "
                            "[0.2, 1.0] ({reason})").format(reason=error.message),
                          _("Copy the rates you pick from CANDIDATE_RATES.")) from None
    if not chosen:
        return not_yet(_("your list is empty, which says no rate diverges; some do."),
                       _("For each rate, compute |1 - 4·lr|: above 1, the distance to w = 3 "
                         "grows at every step."))
    unknown = sorted(v for v in chosen if not any(_same(v, r) for r in CANDIDATE_RATES))
    if unknown:
        rates = ", ".join(f"{v:g}" for v in unknown)
        message = (_("{rates} is not among the candidates {candidates}.") if len(unknown) == 1
                   else _("{rates} are not among the candidates {candidates}."))
        return not_yet(message.format(rates=rates, candidates=list(CANDIDATE_RATES)),
                       _("Pick from CANDIDATE_RATES only."))
    chosen = {next(r for r in CANDIDATE_RATES if _same(v, r)) for v in chosen}
    right = {r for r in CANDIDATE_RATES if _diverges(r)}
    if chosen == right:
        return correct(_("{rates}: there |1 - 4·lr| > 1, so the distance to the best weight "
                         "grows at every step. With 0.45 the weight overshoots and flips side "
                         "each step, but the distance still shrinks (factor 0.8).").format(
                           rates=sorted(right)))
    wrong_in = sorted(chosen - right)
    missing = sorted(right - chosen)
    if wrong_in:
        r = wrong_in[0]
        return not_yet(_("{r:g} does not diverge.").format(r=r),
                       _("With lr = {r:g} each step multiplies the distance to w = 3 by "
                         "|1 - 4·{r:g}| = {factor:.2f} < 1: it shrinks, even if it changes "
                         "side.").format(r=r, factor=abs(1 - 4 * r)))
    r = missing[0]
    return not_yet(_("{r:g} diverges too.").format(r=r),
                   _("With lr = {r:g} each step multiplies the distance to w = 3 by "
                     "|1 - 4·{r:g}| = {factor:.2f} > 1.").format(r=r, factor=abs(1 - 4 * r)))
