"""Checkers of notebook 06: worked solutions pass, typical mistakes get the intended hint, and
the right answers agree with independent references (autograd-free finite differences and a
simulation of gradient descent)."""
import numpy as np
import pytest

from helpers.exercises import how_training_works as ex

from ._junk import JUNK, assert_turns_down

ALL_CHECKS = [ex.check_nudge_slope, ex.check_path_slope, ex.check_chain_rule,
              ex.check_used_twice, ex.check_sgd_step, ex.check_divergent_rates]


def text(feedback):
    return repr(feedback)


@pytest.mark.parametrize("check", ALL_CHECKS)
def test_no_answer_gets_a_friendly_not_yet(check):
    fb = check(None)
    assert not fb and text(fb).startswith("✗ Not yet: no answer yet")
    assert fb.hint


def fd(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


@pytest.mark.parametrize("check", ALL_CHECKS)
@pytest.mark.parametrize("name", sorted(set(JUNK) - {"empty list"}))
def test_junk(check, name):
    assert_turns_down(check, JUNK[name])


def test_empty_list_of_rates_is_a_wrong_answer_with_a_hint():
    feedback = assert_turns_down(ex.check_divergent_rates, [])
    assert "no rate diverges" in feedback.message


def test_calculus_exercises_are_marked_optional_and_the_primer_is_not():
    for check in (ex.check_chain_rule, ex.check_used_twice):
        assert "Optional (needs calculus)" in check.__doc__
    for check in (ex.check_nudge_slope, ex.check_path_slope):
        assert "no calculus" in check.__doc__


# ----- primer 1: a slope by nudging --------------------------------------------------------------
def test_nudge_slope_worked_solution_and_forms():
    w, h = ex.SLOPE_TASK["w"], ex.SLOPE_TASK["nudge"]
    L = ex.primer_loss
    worked = (L(w + h) - L(w)) / h                       # the worked solution: 3.001
    assert ex.check_nudge_slope(worked)
    assert worked == pytest.approx(fd(L, w), abs=0.005)  # agrees with a central difference
    assert fd(L, w) == pytest.approx(2 * (w - 1)) == 3   # ... and with the exact slope, 3
    for answer in (3, "3", round(worked, 2), "3.001", (L(w) - L(w - h)) / h, "3001/1000"):
        assert ex.check_nudge_slope(answer), answer


@pytest.mark.parametrize("answer, words", [
    (-3.001, "sign is not"),
    (0.003001, "how much the loss moved"),
    (2.25, "the loss at w = 2.5"),
    (3.1, "nudge of 0.1"),
    (4.0, "nudge of 1"),
    (0.001 / 0.003001, "divides the nudge by the change"),
    (7, "2 decimals are enough"),
])
def test_nudge_slope_mistakes(answer, words):
    feedback = ex.check_nudge_slope(answer)
    assert not feedback and words in repr(feedback)


# ----- primer 2: multiply the slopes along a path -------------------------------------------------
def test_path_slope_worked_solution_matches_finite_differences():
    (_, _, s1), (_, _, s2), (_, _, s3) = ex.PATH_SLOPES

    def f_of_x(x):            # a path with exactly these slopes: u = 3x + 1, v = 2 - u/2, f = 4v
        u = s1 * x + 1
        v = s2 * u + 2
        return s3 * v
    worked = s1 * s2 * s3
    assert worked == pytest.approx(fd(f_of_x, 0.7)) == -6
    for answer in (worked, "-6", "-6.0", [-6], -6.004):
        assert ex.check_path_slope(answer), answer


@pytest.mark.parametrize("answer, words", [
    (6.5, "added the slopes"),
    (6, "sign is not"),
    (-1.5, "leaves out a step"),
    (4, "leaves out a step"),
    (10, "2 decimals are enough"),
])
def test_path_slope_mistakes(answer, words):
    feedback = ex.check_path_slope(answer)
    assert not feedback and words in repr(feedback)


def test_chain_rule_worked_solution_passes_and_matches_finite_differences():
    a, b, c = ex.CHAIN_POINT["a"], ex.CHAIN_POINT["b"], ex.CHAIN_POINT["c"]
    u = a * b + c                                   # the worked solution in the notebook
    answer = (2 * u * b, 2 * u * a, 2 * u)
    assert ex.check_chain_rule(answer)
    numeric = (fd(lambda v: (v * b + c) ** 2, a), fd(lambda v: (a * v + c) ** 2, b),
               fd(lambda v: (a * b + v) ** 2, c))
    np.testing.assert_allclose(answer, numeric, rtol=1e-6)
    assert ex.check_chain_rule(list(numeric))      # finite differences are close enough too
    assert ex.check_chain_rule("10, -7.5, -5")
    assert ex.check_chain_rule(np.array([10, -7.5, -5]))


def test_chain_rule_mistakes_get_their_hints():
    a, b, c = ex.CHAIN_POINT["a"], ex.CHAIN_POINT["b"], ex.CHAIN_POINT["c"]
    u = a * b + c
    assert "factor of 2" in text(ex.check_chain_rule((u * b, u * a, u)))
    assert "inner derivative" in text(ex.check_chain_rule((2 * u, 2 * u * a, 2 * u)))
    assert "wrong sign" in text(ex.check_chain_rule((-2 * u * b, 2 * u * a, 2 * u)))
    assert "df/db is only the inner" in text(ex.check_chain_rule((2 * u * b, a, 2 * u)))
    assert "3 numbers (df/da, df/db, df/dc)" in text(ex.check_chain_rule(10.0))
    assert "item 1 of the answer should be a number" in text(ex.check_chain_rule(("a", 2, 3)))


def test_used_twice():
    x = ex.USED_TWICE_X
    assert ex.check_used_twice((x + 1) + x)                       # worked solution
    assert ex.check_used_twice(fd(lambda v: v * (v + 1), x))
    assert "only one of the two paths" in text(ex.check_used_twice(x + 1))
    assert "only one of the two paths" in text(ex.check_used_twice(x))
    assert "value of f" in text(ex.check_used_twice(x * (x + 1)))
    assert ex.check_used_twice("5") and ex.check_used_twice(5.001)
    assert "should be a number" in text(ex.check_used_twice("five"))


def test_sgd_step_matches_the_package_optimizer():
    from helpers.optimizers import SGD
    w, g, lr = ex.SGD_TASK["w"], ex.SGD_TASK["grad"], ex.SGD_TASK["lr"]
    p = np.array([w])
    SGD(lr=lr).step([p], [np.array([g])])
    assert ex.check_sgd_step(float(p[0]))
    assert ex.check_sgd_step(w - lr * g)                            # worked solution
    assert ex.check_sgd_step("1.05") and ex.check_sgd_step("21/20")
    assert "uphill" in text(ex.check_sgd_step(w + lr * g))
    assert "learning rate is missing" in text(ex.check_sgd_step(w - g))
    assert "only the change" in text(ex.check_sgd_step(-lr * g))
    assert "not the new weight" in text(ex.check_sgd_step(42.0))


def simulate(lr, steps=60):
    w = 0.0
    for _ in range(steps):
        w -= lr * 4 * (w - 3)          # dL/dw of L = 2 (w - 3)²
    return abs(w - 3)


def test_divergent_rates_match_a_simulation():
    blown_up = [r for r in ex.CANDIDATE_RATES if simulate(r) > 3]
    assert blown_up == [0.6, 1.0]
    assert ex.check_divergent_rates(blown_up)
    assert ex.check_divergent_rates((1.0, 0.6))
    assert ex.check_divergent_rates("0.6, 1")
    assert ex.check_divergent_rates({0.6, 1.0})
    assert ex.check_divergent_rates(np.array([0.6, 1.0]))
    fb = ex.check_divergent_rates([0.45, 0.6, 1.0])
    assert "0.45 does not diverge" in text(fb) and "0.80 < 1" in text(fb)
    fb = ex.check_divergent_rates([1.0])
    assert "0.6 diverges too" in text(fb) and "1.40 > 1" in text(fb)
    assert "0.3 is not among the candidates" in text(ex.check_divergent_rates([0.3]))
    assert "list of learning rates" in text(ex.check_divergent_rates(["fast"]))
