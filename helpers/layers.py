"""Layers: the steps a network applies to its input, one after another.

Each layer has two methods. ``forward(x)`` computes the output and keeps what it will need later
(its *cache*). ``backward(grad_out)`` receives how much the loss changes with each output number
(the upstream gradient) and returns how much it changes with each input number; on the way it
fills ``grads`` with the gradient of every parameter. Shapes: ``x`` is (batch, features).

Random starting weights come from one generator, :func:`random_generator`, unless a layer is
given its own ``seed``; :func:`set_random_seed` (also ``helpers.set_random_seed``) restarts it,
as ``keras.utils.set_random_seed`` does, so that a whole script repeats exactly.
"""
import random

import numpy as np

from .i18n import N_, _
from .validation import as_2d, positive_int

_generator = np.random.default_rng()


def set_random_seed(seed):
    """Seed every random draw that is not seeded explicitly: unseeded layers' starting weights,
    ``fit``'s shuffling without ``seed=``, and (as Keras does) Python's ``random`` and NumPy's
    global generator. The same seed, then the same code, gives exactly the same numbers."""
    global _generator
    seed = positive_int(seed, "seed", minimum=0)
    _generator = np.random.default_rng(seed)
    random.seed(seed)
    np.random.seed(seed % 2 ** 32)


def random_generator(seed=None):
    """A generator seeded with ``seed``, or (seed=None) the shared one that
    :func:`set_random_seed` restarts."""
    return _generator if seed is None else np.random.default_rng(seed)


class Layer:
    """Base class: a layer without parameters unless a subclass adds some."""

    def __init__(self):
        self.params = {}
        self.grads = {}
        self._cache = None

    def forward(self, x):
        raise NotImplementedError

    def backward(self, grad_out):
        raise NotImplementedError

    def __call__(self, x):
        return self.forward(x)

    def _cached(self):
        if self._cache is None:
            raise RuntimeError(_("{layer}.backward() was called before forward(); "
                                 "run a forward pass first.").format(layer=type(self).__name__))
        return self._cache

    def _check_grad(self, grad_out, shape):
        grad_out = np.asarray(grad_out, dtype=np.float64)
        if grad_out.shape != shape:
            raise ValueError(_("{layer}.backward() got a gradient of shape {got}, but the last "
                               "forward() output had shape {shape}.")
                             .format(layer=type(self).__name__, got=grad_out.shape, shape=shape))
        return grad_out

    def __repr__(self):
        return f"{type(self).__name__}()"


class Dense(Layer):
    """A fully connected layer: ``output = x @ W + b``.

    ``W`` has shape (n_in, n_out) and starts with small random values (Glorot uniform, the Keras
    default); ``b`` has shape (n_out,) and starts at zero. Without ``seed`` the weights come
    from the shared generator (see :func:`set_random_seed`).
    """

    def __init__(self, n_in, n_out, seed=None):
        super().__init__()
        self.n_in = positive_int(n_in, "n_in")
        self.n_out = positive_int(n_out, "n_out")
        limit = np.sqrt(6.0 / (self.n_in + self.n_out))
        rng = random_generator(seed)
        self.params = {"W": rng.uniform(-limit, limit, (self.n_in, self.n_out)),
                       "b": np.zeros(self.n_out)}
        self.grads = {"W": np.zeros_like(self.params["W"]), "b": np.zeros(self.n_out)}

    def forward(self, x):
        if not (isinstance(x, np.ndarray) and x.ndim == 2 and x.shape[1] == self.n_in):
            # not already a 2-D array of the right width: convert it, or explain what is wrong
            x = as_2d(x, N_("the input"), n_features=self.n_in,
                      what=_("this Dense({n_in}, {n_out}) layer").format(n_in=self.n_in,
                                                                         n_out=self.n_out))
        self._cache = x
        return x @ self.params["W"] + self.params["b"]

    def backward(self, grad_out):
        x = self._cached()
        grad_out = self._check_grad(grad_out, (len(x), self.n_out))
        self.grads["W"] = x.T @ grad_out          # each weight's input times the output's gradient
        self.grads["b"] = grad_out.sum(axis=0)    # a bias adds to every sample's output
        return grad_out @ self.params["W"].T      # each input feeds every output through W

    def __repr__(self):
        return f"Dense({self.n_in}, {self.n_out})"


class ReLU(Layer):
    """``max(0, x)``: passes positive numbers, zeroes negative ones."""

    def forward(self, x):
        x = np.asarray(x, dtype=np.float64)
        self._cache = x > 0
        return np.maximum(x, 0.0)

    def backward(self, grad_out):
        positive = self._cached()
        grad_out = self._check_grad(grad_out, positive.shape)
        return grad_out * positive                # slope 1 where x > 0, 0 elsewhere


class Sigmoid(Layer):
    """``1 / (1 + exp(-x))``: squashes any number into (0, 1)."""

    def forward(self, x):
        out = sigmoid(np.asarray(x, dtype=np.float64))
        self._cache = out
        return out

    def backward(self, grad_out):
        out = self._cached()
        grad_out = self._check_grad(grad_out, out.shape)
        return grad_out * out * (1.0 - out)       # sigmoid' = sigmoid * (1 - sigmoid)


class Tanh(Layer):
    """``tanh(x)``: squashes any number into (-1, 1)."""

    def forward(self, x):
        out = np.tanh(np.asarray(x, dtype=np.float64))
        self._cache = out
        return out

    def backward(self, grad_out):
        out = self._cached()
        grad_out = self._check_grad(grad_out, out.shape)
        return grad_out * (1.0 - out ** 2)        # tanh' = 1 - tanh^2


def sigmoid(z):
    """The logistic function, computed without overflow for large negative inputs."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


ACTIVATIONS = {"relu": ReLU, "sigmoid": Sigmoid, "tanh": Tanh}


def activation(name):
    """Build an activation layer from its name: 'relu', 'sigmoid' or 'tanh'."""
    if isinstance(name, Layer):
        return name
    if name not in ACTIVATIONS:
        raise ValueError(_("unknown activation {name!r}; choose one of {names}.")
                         .format(name=name, names=sorted(ACTIVATIONS)))
    return ACTIVATIONS[name]()
