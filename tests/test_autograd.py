"""helpers.autograd checked against finite differences, closed forms and hand computation."""
import math

import numpy as np
import pytest

from helpers.autograd import Value, topological_order

H = 1e-6


def central_difference(f, xs, i):
    """d f / d xs[i] by central differences on plain floats (no Value involved)."""
    up, down = list(xs), list(xs)
    up[i] += H
    down[i] -= H
    return (f(up) - f(down)) / (2 * H)


def close(a, b, tol=1e-6):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


UNARY = {
    "exp": (lambda v: v.exp(), math.exp, 0.7),
    "log": (lambda v: v.log(), math.log, 1.3),
    "tanh": (lambda v: v.tanh(), math.tanh, -0.4),
    "relu+": (lambda v: v.relu(), lambda x: max(x, 0.0), 0.8),
    "relu-": (lambda v: v.relu(), lambda x: max(x, 0.0), -0.8),
    "sigmoid": (lambda v: v.sigmoid(), lambda x: 1 / (1 + math.exp(-x)), 0.3),
    "sigmoid far left": (lambda v: v.sigmoid(), lambda x: 1 / (1 + math.exp(-x)), -30.0),
    "square": (lambda v: v ** 2, lambda x: x ** 2, -1.7),
    "cube": (lambda v: v ** 3, lambda x: x ** 3, -1.7),
    "sqrt": (lambda v: v ** 0.5, math.sqrt, 2.2),
    "reciprocal": (lambda v: 1 / v, lambda x: 1 / x, -0.6),
    "negate": (lambda v: -v, lambda x: -x, 0.9),
    "minus from 3": (lambda v: 3 - v, lambda x: 3 - x, 0.9),
}


@pytest.mark.parametrize("name", sorted(UNARY))
def test_each_unary_operation_matches_finite_differences(name):
    op, plain, x0 = UNARY[name]
    x = Value(x0)
    y = op(x)
    y.backward()
    assert close(y.data, plain(x0), 1e-12)
    assert close(x.grad, central_difference(lambda v: plain(v[0]), [x0], 0))


BINARY = {
    "+": (lambda a, b: a + b, lambda a, b: a + b),
    "-": (lambda a, b: a - b, lambda a, b: a - b),
    "*": (lambda a, b: a * b, lambda a, b: a * b),
    "/": (lambda a, b: a / b, lambda a, b: a / b),
}


@pytest.mark.parametrize("name", sorted(BINARY))
def test_each_binary_operation_matches_finite_differences(name):
    op, plain = BINARY[name]
    xs = [1.3, -0.7]
    a, b = Value(xs[0]), Value(xs[1])
    out = op(a, b)
    out.backward()
    f = lambda v: plain(v[0], v[1])
    assert close(out.data, f(xs), 1e-12)
    assert close(a.grad, central_difference(f, xs, 0))
    assert close(b.grad, central_difference(f, xs, 1))


def _random_program(rng, n_inputs, n_steps):
    """A random expression as a list of (op, i, j) steps over a growing list of numbers."""
    ops = ["+", "-", "*", "/", "tanh", "sigmoid", "exp", "square", "logsq", "relu"]
    steps = []
    for k in range(n_steps):
        available = n_inputs + k
        steps.append((ops[rng.integers(len(ops))], int(rng.integers(available)),
                      int(rng.integers(available))))
    return steps


def _run(steps, xs, tanh, sigmoid, exp, log, relu):
    """Evaluate a program; works for floats and Values alike given the right functions."""
    vals = list(xs)
    for op, i, j in steps:
        a, b = vals[i], vals[j]
        if op == "+":
            vals.append(a + b)
        elif op == "-":
            vals.append(a - b)
        elif op == "*":
            vals.append(a * b)
        elif op == "/":
            vals.append(a / (b * b + 1.0))          # never divides by zero
        elif op == "tanh":
            vals.append(tanh(a))
        elif op == "sigmoid":
            vals.append(sigmoid(a))
        elif op == "exp":
            vals.append(exp(tanh(a)))               # stays small
        elif op == "square":
            vals.append(a ** 2)
        elif op == "logsq":
            vals.append(log(a * a + 0.5))           # always positive
        elif op == "relu":
            vals.append(relu(a + 0.123))
    return sum(vals[len(xs):], 0.0 * vals[0])       # every step matters


@pytest.mark.parametrize("seed", range(12))
def test_random_expressions_match_finite_differences(seed):
    rng = np.random.default_rng(seed)
    n_inputs = 4
    steps = _random_program(rng, n_inputs, 25)
    xs = [float(v) for v in rng.normal(size=n_inputs)]

    def plain(v):
        return _run(steps, v, math.tanh, lambda a: 1 / (1 + math.exp(-a)), math.exp, math.log,
                    lambda a: max(a, 0.0))

    inputs = [Value(x) for x in xs]
    out = _run(steps, inputs, Value.tanh, Value.sigmoid, Value.exp, Value.log, Value.relu)
    out.backward()
    assert close(out.data, plain(xs), 1e-10)
    for i, v in enumerate(inputs):
        assert close(v.grad, central_difference(plain, xs, i), 1e-5), (seed, i)


def test_a_value_used_twice_gets_both_contributions():
    x = Value(3.0)
    f = x * x + x                # df/dx = 2x + 1 = 7
    f.backward()
    assert f.data == 12.0
    assert x.grad == 7.0
    a, b = Value(2.0), Value(-3.0)
    g = a * b + a                # dg/da = b + 1, dg/db = a
    g.backward()
    assert (a.grad, b.grad) == (-2.0, 2.0)


def test_backward_twice_gives_the_same_gradients_not_doubled():
    a, b = Value(1.5), Value(-0.5)
    out = (a * b).tanh() + a.exp()
    out.backward()
    first = (a.grad, b.grad)
    out.backward()
    assert (a.grad, b.grad) == first
    assert out.grad == 1.0


def test_backward_of_a_sub_expression_resets_its_part_of_the_graph():
    x = Value(2.0)
    y = x * 3.0
    z = y * y
    z.backward()
    assert x.grad == pytest.approx(2 * 3 * 6.0)     # z = 9x², dz/dx = 18x = 36
    y.backward()
    assert x.grad == 3.0


def test_a_chain_of_twenty_thousand_operations_does_not_overflow_the_stack():
    n = 20_000
    x = Value(1.0)
    y = x
    for _ in range(n):
        y = y * 0.9999 + 0.001
    y.backward()
    assert x.grad == pytest.approx(0.9999 ** n, rel=1e-9)
    assert len(topological_order(y)) > 3 * n


def test_topological_order_lists_every_node_after_its_parents():
    a, b = Value(1.0), Value(2.0)
    c = a * b
    d = c + a
    e = d * c
    order = topological_order(e)
    place = {id(n): i for i, n in enumerate(order)}
    assert order[-1] is e
    assert len(order) == len({id(n) for n in order})
    for node in order:
        for parent in node.parents:
            assert place[id(parent)] < place[id(node)]


def test_a_tiny_neuron_by_hand():
    # o = tanh(x1 w1 + x2 w2 + b); do/dw1 = (1 - o²) x1, computed by hand here
    x1, w1, x2, w2, b = Value(2.0), Value(-3.0), Value(0.0), Value(1.0), Value(6.88)
    o = (x1 * w1 + x2 * w2 + b).tanh()
    o.backward()
    slope = 1 - math.tanh(0.88) ** 2
    assert o.data == pytest.approx(math.tanh(0.88))
    assert w1.grad == pytest.approx(slope * 2.0)
    assert x1.grad == pytest.approx(slope * -3.0)
    assert w2.grad == pytest.approx(0.0)
    assert b.grad == pytest.approx(slope)


def test_repr_shows_data_and_grad():
    x = Value(3.0, label="x")
    (x * x).backward()
    assert repr(x) == "Value(x: data=3, grad=6)"
    assert repr(Value(0.5)) == "Value(data=0.5, grad=0)"


def test_bad_input_is_named():
    with pytest.raises(TypeError, match="real number"):
        Value("3")
    with pytest.raises(TypeError, match="numbers or other Values"):
        Value(1.0) + "2"
    with pytest.raises(TypeError, match="exponent"):
        Value(2.0) ** Value(2.0)
    with pytest.raises(ValueError, match="positive"):
        Value(-1.0).log()
    with pytest.raises(ValueError, match="not a real number"):
        Value(-2.0) ** 0.5
    with pytest.raises(ZeroDivisionError):
        Value(1.0) / Value(0.0)
    with pytest.raises(TypeError, match="expected a Value"):
        topological_order(3.0)


def test_numpy_scalars_are_accepted_as_plain_numbers():
    x = Value(np.float64(2.0))
    y = x * np.float64(3.0)
    y.backward()
    assert isinstance(y.data, float) and x.grad == 3.0


def test_a_value_against_itself_cancels_exactly():
    x = Value(1.7)
    (x - x).backward()
    assert x.grad == 0.0
    (x / x).backward()
    assert x.grad == pytest.approx(0.0, abs=1e-15)
    y = x - 1.0                       # one constant leaf, one "-" node: nothing hidden
    assert [n.op for n in topological_order(y)].count("-") == 1
    assert len(topological_order(y)) == 3


# ----- the edges, where PyTorch gives inf or nan instead of raising ----------------------------
# (output value, gradient of the input) for f at x0, as PyTorch 2.13 computes them in float64
# (recorded with torch.tensor(x0, dtype=torch.float64, requires_grad=True); they are also what
# IEEE 754 arithmetic gives: d/dx x**0 is 0 everywhere, d/dx sqrt(x) at 0 is 1/(2*0) = inf, and
# exp overflows to inf above x = 709.78).
INF, NAN = math.inf, math.nan
PYTORCH_EDGES = {
    "x**0 at 0": (lambda x: x ** 0, 0.0, 1.0, 0.0),
    "x**0 at -3": (lambda x: x ** 0, -3.0, 1.0, 0.0),
    "x**0.5 at 0": (lambda x: x ** 0.5, 0.0, 0.0, INF),
    "x**1 at 0": (lambda x: x ** 1, 0.0, 0.0, 1.0),
    "x**1.5 at 0": (lambda x: x ** 1.5, 0.0, 0.0, 0.0),
    "x**2 at 0": (lambda x: x ** 2, 0.0, 0.0, 0.0),
    "x**2 at 1e200": (lambda x: x ** 2, 1e200, INF, 2e200),
    "x**3 at -1e200": (lambda x: x ** 3, -1e200, -INF, INF),
    "exp(710)": (lambda x: x.exp(), 710.0, INF, INF),
    "exp(1000)": (lambda x: x.exp(), 1000.0, INF, INF),
    "exp(1000) * 0": (lambda x: x.exp() * 0.0, 1000.0, NAN, NAN),
    "sqrt(x) * 0 at 0": (lambda x: x ** 0.5 * 0.0, 0.0, 0.0, NAN),
}


def same_float(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == b


@pytest.mark.parametrize("name", PYTORCH_EDGES)
def test_edges_give_what_pytorch_gives(name):
    f, x0, value, grad = PYTORCH_EDGES[name]
    x = Value(x0)
    out = f(x)
    out.backward()
    assert same_float(out.data, value) and same_float(x.grad, grad), (out.data, x.grad)


# (a, b) -> (a / b, d/da, d/db), as PyTorch 2.13 gives them in float64. b * b rounds to 0 in each
# case, so computing d/db as -a / b**2 would divide by zero.
PYTORCH_TINY_DIVISORS = {
    (1.0, 1e-200): (1e200, 1e200, -INF),
    (2.0, 1e-320): (INF, INF, -INF),
    (1e-160, 1e-170): (1e10, 1e170, -1e180),
}


@pytest.mark.parametrize("a0, b0", PYTORCH_TINY_DIVISORS)
def test_a_tiny_divisor_gives_inf_not_zero_division_in_backward(a0, b0):
    a, b = Value(a0), Value(b0)
    out = a / b
    out.backward()                       # raised ZeroDivisionError before
    expected = PYTORCH_TINY_DIVISORS[(a0, b0)]
    assert (out.data, a.grad, b.grad) == pytest.approx(expected, rel=1e-12)


def test_the_ieee_results_the_tables_rely_on():
    # NumPy's float64 follows IEEE 754, independently of the engine.
    with np.errstate(all="ignore"):
        assert np.exp(np.float64(709.0)) < np.inf and np.exp(np.float64(710.0)) == np.inf
        assert np.float64(0.0) ** -0.5 == np.inf
        assert np.float64(1e-200) ** 2 == 0.0         # why -a / b**2 would divide by zero


def test_an_overflowing_exp_goes_on_to_inf_through_a_whole_expression():
    x = Value(800.0)
    loss = (x.exp() + 1.0).log()         # log(1 + e^800): inf, like torch.log1p(torch.exp(x))
    loss.backward()
    assert loss.data == INF and math.isnan(x.grad)       # inf / inf in the chain rule


@pytest.mark.parametrize("name", PYTORCH_EDGES)
def test_edges_against_pytorch_itself_when_installed(name):
    torch = pytest.importorskip("torch")
    f, x0, _, _ = PYTORCH_EDGES[name]
    t = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    out = f(t)
    out.backward()
    x = Value(x0)
    ours = f(x)
    ours.backward()
    assert same_float(ours.data, out.item()) and same_float(x.grad, t.grad.item())
