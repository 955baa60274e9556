"""Optimizers: rules that nudge the weights against their gradients.

Every optimizer has ``step(params, grads)``: two lists of arrays of the same shapes, the weights
and d loss / d weights. It changes the weights in place. The update rules are those of PyTorch's
``torch.optim.SGD`` (dampening 0), ``torch.optim.RMSprop`` (not centred) and ``torch.optim.Adam``,
so numbers here can be compared with PyTorch's. Keras's argument name ``learning_rate`` is
accepted beside ``lr``.
"""
import numpy as np

from .i18n import N_, _
from .validation import fraction, positive_number


def _rate(lr, learning_rate, default):
    """The learning rate from ``lr`` or Keras's ``learning_rate`` (not both)."""
    if lr is not None and learning_rate is not None:
        raise TypeError(_("give the learning rate once: lr=... or learning_rate=..., not "
                          "both."))
    return default if lr is None and learning_rate is None else \
        (lr if lr is not None else learning_rate)


class Optimizer:
    def __init__(self, lr):
        self.lr = positive_number(lr, N_("learning rate (lr)"))
        self.state = None   # the running averages, created on the first step
        self.iterations = 0

    @property
    def learning_rate(self):
        """Keras's name for ``lr``."""
        return self.lr

    @learning_rate.setter
    def learning_rate(self, value):
        self.lr = positive_number(value, N_("learning rate (lr)"))

    def reset(self):
        """Forget the running averages (start again as if new)."""
        self.state = None
        self.iterations = 0

    def step(self, params, grads):
        params, grads = list(params), list(grads)
        if len(params) != len(grads):
            raise ValueError(_("got {params} parameter arrays but {grads} gradients; pass one "
                               "gradient per parameter, in the same order.")
                             .format(params=len(params), grads=len(grads)))
        params = [p if isinstance(p, np.ndarray) else np.asarray(p) for p in params]
        grads = [g if isinstance(g, np.ndarray) else np.asarray(g, dtype=np.float64)
                 for g in grads]
        for i, (p, g) in enumerate(zip(params, grads)):
            if p.shape != g.shape:
                raise ValueError(_("parameter {i} has shape {shape} but its gradient "
                                   "{grad_shape}; they must match.")
                                 .format(i=i, shape=p.shape, grad_shape=g.shape))
        sizes = [p.size for p in params]
        if self.state is None:
            self.state, self._sizes = {}, sizes
        elif self._sizes != sizes:
            raise ValueError(_("this optimizer was used for {before} parameter arrays and now "
                               "got {now}; use a new optimizer (or reset()) for a different "
                               "model.").format(before=len(self._sizes), now=len(params)))
        self.iterations += 1
        # The rule is applied to all the weights at once, as one long vector (the running
        # averages in self.state are such vectors too): the same arithmetic for every number
        # as array by array, but a small network's dozen arrays cost one NumPy operation per
        # line of the rule instead of a dozen.
        weights = np.concatenate([p.ravel() for p in params])
        gradient = np.concatenate([g.ravel() for g in grads]).astype(np.float64, copy=False)
        self._update(weights, gradient, self.state)
        start = 0
        for p, size in zip(params, sizes):
            p[...] = weights[start:start + size].reshape(p.shape)
            start += size

    def _update(self, p, g, s):
        raise NotImplementedError


class SGD(Optimizer):
    """Stochastic gradient descent, optionally with momentum.

    buffer = momentum * buffer + g   (buffer = g on the first step)
    w      = w - lr * buffer
    """

    def __init__(self, lr=None, momentum=0.0, learning_rate=None):
        super().__init__(_rate(lr, learning_rate, 0.01))
        self.momentum = fraction(momentum, "momentum", low_open=False)

    def _update(self, p, g, s):
        if self.momentum:
            if "buffer" not in s:
                s["buffer"] = g.copy()
            else:
                s["buffer"] *= self.momentum
                s["buffer"] += g
            g = s["buffer"]
        p -= self.lr * g

    def __repr__(self):
        return f"SGD(lr={self.lr:g}, momentum={self.momentum:g})"


class RMSprop(Optimizer):
    """Divide each step by a running root-mean-square of recent gradients.

    v = rho * v + (1 - rho) * g²
    w = w - lr * g / (sqrt(v) + eps)
    """

    def __init__(self, lr=None, rho=0.9, eps=1e-8, learning_rate=None):
        super().__init__(_rate(lr, learning_rate, 0.001))
        self.rho = fraction(rho, "rho", low_open=False)
        self.eps = positive_number(eps, "eps")

    def _update(self, p, g, s):
        if "v" not in s:
            s["v"] = np.zeros_like(p)
        v = s["v"]                         # updated in place: no new arrays on every step
        v *= self.rho
        v += (1 - self.rho) * g ** 2
        p -= self.lr * g / (np.sqrt(v) + self.eps)

    def __repr__(self):
        return f"RMSprop(lr={self.lr:g}, rho={self.rho:g})"


class Adam(Optimizer):
    """Momentum and RMSprop together, with bias correction for the first steps.

    m = beta1 m + (1 - beta1) g          m̂ = m / (1 - beta1^t)
    v = beta2 v + (1 - beta2) g²         v̂ = v / (1 - beta2^t)
    w = w - lr * m̂ / (sqrt(v̂) + eps)
    """

    def __init__(self, lr=None, beta1=0.9, beta2=0.999, eps=1e-8, learning_rate=None):
        super().__init__(_rate(lr, learning_rate, 0.001))
        self.beta1 = fraction(beta1, "beta1", low_open=False)
        self.beta2 = fraction(beta2, "beta2", low_open=False)
        self.eps = positive_number(eps, "eps")

    def _update(self, p, g, s):
        t = self.iterations
        if "m" not in s:
            s["m"], s["v"] = np.zeros_like(p), np.zeros_like(p)
        m, v = s["m"], s["v"]              # updated in place: no new arrays on every step
        m *= self.beta1
        m += (1 - self.beta1) * g
        v *= self.beta2
        v += (1 - self.beta2) * g ** 2
        m_hat = m / (1 - self.beta1 ** t)
        v_hat = v / (1 - self.beta2 ** t)
        p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def __repr__(self):
        return f"Adam(lr={self.lr:g}, beta1={self.beta1:g}, beta2={self.beta2:g})"


OPTIMIZERS = {"sgd": SGD, "rmsprop": RMSprop, "adam": Adam}


def get(optimizer, lr=None):
    """An optimizer from an object or a name ('sgd', 'rmsprop', 'adam'), with Keras's default
    learning rates (0.01 for SGD, 0.001 for the others) unless ``lr`` is given."""
    if isinstance(optimizer, Optimizer):
        return optimizer
    if isinstance(optimizer, str) and optimizer.lower() in OPTIMIZERS:
        cls = OPTIMIZERS[optimizer.lower()]
        return cls() if lr is None else cls(lr=lr)
    raise ValueError(_("unknown optimizer {optimizer!r}; use an optimizer object or one of "
                       "the names {names}.").format(optimizer=optimizer,
                                                     names=sorted(OPTIMIZERS)))
