"""A tiny reverse-mode automatic differentiation engine for single numbers.

A :class:`Value` wraps one number (``.data``) and remembers how it was computed: the values it
came from and a small function that pushes its gradient back to them. Every operation below
computes its result and, right beside it, its *local derivative* (how the result moves when an
input moves a little). ``backward()`` then walks the graph from the output to the inputs and
applies the chain rule: each input's gradient grows by (local derivative) × (the output's
gradient). This is backpropagation, on one number at a time.

    >>> a, b = Value(2.0, label="a"), Value(-3.0, label="b")
    >>> f = a * b + a            # a is used twice
    >>> f.backward()
    >>> a.grad, b.grad           # df/da = b + 1, df/db = a
    (-2.0, 2.0)

The idea is the one Andrej Karpathy's *micrograd* made famous; this version is written for the
course and adds two things its users asked for: the graph is walked without recursion (so a
chain of 100,000 operations is fine) and ``backward()`` can be called again safely.
"""
import math
import numbers

from .i18n import _

__all__ = ["Value", "topological_order"]


def _as_value(x):
    """Wrap a plain number as a constant Value; leave a Value as it is."""
    if isinstance(x, Value):
        return x
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise TypeError(_("a Value can only be combined with numbers or other Values, got "
                          "{x!r} of type {type}.").format(x=x, type=type(x).__name__))
    return Value(x)


class Value:
    """One number in a computation, with the gradient of the final output with respect to it.

    ``data`` is the number, ``grad`` is d(output)/d(this number) after ``output.backward()``,
    ``label`` an optional name used when printing and drawing, ``op`` the operation that made it
    ('' for an input) and ``parents`` the Values it was computed from.
    """

    def __init__(self, data, label="", _parents=(), _op=""):
        if isinstance(data, bool) or not isinstance(data, numbers.Real):
            raise TypeError(_("Value holds one real number, got {data!r} of type {type}; use "
                              "float(x) for a one-element array.")
                            .format(data=data, type=type(data).__name__))
        self.data = float(data)
        self.grad = 0.0
        self.label = str(label)
        self.parents = tuple(_parents)
        self.op = _op
        self._push_grad = _nothing   # set by the operation that created this Value

    # ----- the operations: forward value and local derivative side by side --------------------
    def __add__(self, other):
        other = _as_value(other)
        out = Value(self.data + other.data, _parents=(self, other), _op="+")

        def push():                          # d(a+b)/da = 1, d(a+b)/db = 1
            self.grad += out.grad
            other.grad += out.grad
        out._push_grad = push
        return out

    def __mul__(self, other):
        other = _as_value(other)
        out = Value(self.data * other.data, _parents=(self, other), _op="*")

        def push():                          # d(ab)/da = b, d(ab)/db = a
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._push_grad = push
        return out

    def __pow__(self, exponent):
        if isinstance(exponent, bool) or not isinstance(exponent, numbers.Real):
            raise TypeError(_("the exponent must be a plain number (int or float), got "
                              "{type}; for x**y with a Value y write (y * x.log()).exp().")
                            .format(type=type(exponent).__name__))
        k = float(exponent)
        if self.data < 0 and not k.is_integer():
            raise ValueError(_("a negative number ({data:g}) to the power {k:g} is not a real "
                               "number; use a whole-number exponent or a positive base.")
                             .format(data=self.data, k=k))
        if self.data == 0 and k < 0:
            raise ZeroDivisionError(_("0 to the negative power {k:g} is undefined; keep the "
                                      "base away from 0 (for example x**2 + 1e-8).")
                                    .format(k=k))
        out = Value(_power(self.data, k), _parents=(self,), _op=f"**{exponent:g}")

        def push():                          # d(x^k)/dx = k x^(k-1); d(x^0)/dx = 0, even at 0
            slope = 0.0 if k == 0 else k * _power(self.data, k - 1)
            self.grad += slope * out.grad
        out._push_grad = push
        return out

    def exp(self):
        e = _exp(self.data)
        out = Value(e, _parents=(self,), _op="exp")

        def push():                          # d(e^x)/dx = e^x
            self.grad += e * out.grad
        out._push_grad = push
        return out

    def log(self):
        if self.data <= 0:
            raise ValueError(_("log needs a positive number, got {data:g}; the natural "
                               "logarithm is only defined for x > 0.").format(data=self.data))
        out = Value(math.log(self.data), _parents=(self,), _op="log")

        def push():                          # d(ln x)/dx = 1/x
            self.grad += out.grad / self.data
        out._push_grad = push
        return out

    def tanh(self):
        t = math.tanh(self.data)
        out = Value(t, _parents=(self,), _op="tanh")

        def push():                          # d(tanh x)/dx = 1 - tanh(x)^2
            self.grad += (1.0 - t * t) * out.grad
        out._push_grad = push
        return out

    def relu(self):
        positive = self.data > 0
        out = Value(self.data if positive else 0.0, _parents=(self,), _op="relu")

        def push():                          # slope 1 for x > 0, 0 otherwise
            self.grad += (1.0 if positive else 0.0) * out.grad
        out._push_grad = push
        return out

    def sigmoid(self):
        x = self.data                        # written so that exp never overflows
        s = 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
        out = Value(s, _parents=(self,), _op="sigmoid")

        def push():                          # d(sigmoid x)/dx = s (1 - s)
            self.grad += s * (1.0 - s) * out.grad
        out._push_grad = push
        return out

    def __sub__(self, other):
        other = _as_value(other)
        out = Value(self.data - other.data, _parents=(self, other), _op="-")

        def push():                          # d(a-b)/da = 1, d(a-b)/db = -1
            self.grad += out.grad
            other.grad -= out.grad
        out._push_grad = push
        return out

    def __truediv__(self, other):
        other = _as_value(other)
        if other.data == 0:
            raise ZeroDivisionError(_("division by a Value whose data is 0; keep the divisor "
                                      "away from 0 (for example b + 1e-8)."))
        out = Value(self.data / other.data, _parents=(self, other), _op="/")

        def push():                          # d(a/b)/da = 1/b, d(a/b)/db = -a/b^2 = -(a/b)/b
            self.grad += out.grad / other.data
            other.grad -= out.data / other.data * out.grad   # b*b could round to 0
        out._push_grad = push
        return out

    def __neg__(self):
        out = Value(-self.data, _parents=(self,), _op="neg")

        def push():                          # d(-a)/da = -1
            self.grad -= out.grad
        out._push_grad = push
        return out

    # ----- the same operations with a plain number on the left (2 * x, 1 - x, ...) --------------
    def __radd__(self, other):
        return self + other

    def __rmul__(self, other):
        return self * other

    def __rsub__(self, other):
        return _as_value(other) - self

    def __rtruediv__(self, other):
        return _as_value(other) / self

    # ----- backpropagation ----------------------------------------------------------------------
    def backward(self):
        """Fill ``.grad`` of every Value this one depends on with d(self)/d(that Value).

        Gradients of the whole graph are first set to zero, so calling backward() twice gives the
        same numbers (not doubled ones). Then, from this Value back to the inputs, every node
        passes its gradient to its parents; a Value used in several places collects the sum.
        """
        order = topological_order(self)
        for node in order:
            node.grad = 0.0
        self.grad = 1.0                      # d(self)/d(self)
        for node in reversed(order):         # every node after all the nodes that use it
            node._push_grad()

    def __repr__(self):
        name = f"{self.label}: " if self.label else ""
        return f"Value({name}data={self.data:.4g}, grad={self.grad:.4g})"


# ----- IEEE 754 arithmetic, as NumPy and PyTorch do it ----------------------------------------
# Python's float ** and math.exp raise OverflowError (or ZeroDivisionError for 0 ** -0.5) where
# floating-point hardware, NumPy and PyTorch simply give inf. These two give inf too, so a
# gradient that is truly infinite shows up as inf instead of stopping backward().

def _exp(x):
    """e ** x, or inf when it is too large for a float (about x > 709.78)."""
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def _power(x, k):
    """x ** k for x >= 0 or a whole-number k, with inf where the result is too large or 1/0."""
    try:
        return x ** k
    except (OverflowError, ZeroDivisionError):   # too large, or 0 to a negative power
        negative = x < 0 and k % 2 == 1          # (-10) ** 3 is negative, so is (-1e200) ** 3
        return -math.inf if negative else math.inf


def _nothing():
    """An input has no parents to pass its gradient to."""


def topological_order(output):
    """Every Value ``output`` depends on, each listed after all the Values it was computed from.

    A depth-first search with an explicit stack instead of recursion, so very deep graphs do not
    hit Python's recursion limit. The output is last.
    """
    if not isinstance(output, Value):
        raise TypeError(_("expected a Value, got {type}.").format(type=type(output).__name__))
    order, done = [], set()
    stack = [(output, False)]
    while stack:
        node, parents_finished = stack.pop()
        if parents_finished:                 # second visit: all its parents are already listed
            order.append(node)
            continue
        if id(node) in done:
            continue
        done.add(id(node))
        stack.append((node, True))
        for parent in node.parents:
            if id(parent) not in done:
                stack.append((parent, False))
    return order
