"""Checkers of notebook 06: worked solutions pass, typical mistakes get the intended hint, and
the right answers agree with independent references (autograd-free finite differences and a
simulation of gradient descent)."""
import numpy as np
import pytest

from helpers.exercises import how_training_works as ex


def text(feedback):
    return repr(feedback)


@pytest.mark.parametrize("check", [ex.check_chain_rule, ex.check_used_twice,
                                   ex.check_sgd_step, ex.check_divergent_rates])
def test_no_answer_gets_a_friendly_not_yet(check):
    fb = check(None)
    assert not fb and text(fb).startswith("✗ Not yet: no answer yet")
    assert fb.hint


def fd(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def test_chain_rule_worked_solution_passes_and_matches_finite_differences():
    a, b, c = ex.CHAIN_POINT["a"], ex.CHAIN_POINT["b"], ex.CHAIN_POINT["c"]
    u = a * b + c                                   # the worked solution in the notebook
    answer = (2 * u * b, 2 * u * a, 2 * u)
    assert ex.check_chain_rule(answer)
    numeric = (fd(lambda v: (v * b + c) ** 2, a), fd(lambda v: (a * v + c) ** 2, b),
               fd(lambda v: (a * b + v) ** 2, c))
    np.testing.assert_allclose(answer, numeric, rtol=1e-6)
    assert ex.check_chain_rule(list(numeric))      # finite differences are close enough too


def test_chain_rule_mistakes_get_their_hints():
    a, b, c = ex.CHAIN_POINT["a"], ex.CHAIN_POINT["b"], ex.CHAIN_POINT["c"]
    u = a * b + c
    assert "factor of 2" in text(ex.check_chain_rule((u * b, u * a, u)))
    assert "inner derivative" in text(ex.check_chain_rule((2 * u, 2 * u * a, 2 * u)))
    assert "wrong sign" in text(ex.check_chain_rule((-2 * u * b, 2 * u * a, 2 * u)))
    assert "df/db is only the inner" in text(ex.check_chain_rule((2 * u * b, a, 2 * u)))
    assert "three numbers" in text(ex.check_chain_rule(10.0))
    assert "three numbers" in text(ex.check_chain_rule(("1", 2, 3)))


def test_used_twice():
    x = ex.USED_TWICE_X
    assert ex.check_used_twice((x + 1) + x)                       # worked solution
    assert ex.check_used_twice(fd(lambda v: v * (v + 1), x))
    assert "only one of the two paths" in text(ex.check_used_twice(x + 1))
    assert "only one of the two paths" in text(ex.check_used_twice(x))
    assert "value of f" in text(ex.check_used_twice(x * (x + 1)))
    assert "one number" in text(ex.check_used_twice("5"))


def test_sgd_step_matches_the_package_optimizer():
    from helpers.optimizers import SGD
    w, g, lr = ex.SGD_TASK["w"], ex.SGD_TASK["grad"], ex.SGD_TASK["lr"]
    p = np.array([w])
    SGD(lr=lr).step([p], [np.array([g])])
    assert ex.check_sgd_step(float(p[0]))
    assert ex.check_sgd_step(w - lr * g)                            # worked solution
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
    fb = ex.check_divergent_rates([0.45, 0.6, 1.0])
    assert "0.45 does not diverge" in text(fb) and "0.80 < 1" in text(fb)
    fb = ex.check_divergent_rates([1.0])
    assert "0.6 diverges too" in text(fb) and "1.40 > 1" in text(fb)
    assert "not among the candidates" in text(ex.check_divergent_rates([0.3]))
    assert "list of learning rates" in text(ex.check_divergent_rates(["fast"]))
