"""Gradient checking: compare backprop's gradients with finite differences.

The derivative of f at x is approximately (f(x + h) - f(x - h)) / 2h for a small h. This is slow
(two evaluations per number) but needs no calculus, so it is an independent check of every
backward pass. A relative error near 1e-10 means the two agree; above 1e-4, something is wrong.
"""
import numpy as np

from .i18n import _
from .validation import positive_number


def numerical_gradient(f, x, eps=1e-6):
    """Central-difference gradient of the scalar function ``f(x)`` at the float array ``x``.

    ``x`` is nudged in place, one entry at a time, and restored afterwards.
    """
    eps = positive_number(eps, "eps")
    if not isinstance(x, np.ndarray) or x.dtype != np.float64:
        raise TypeError(_("x must be a float64 NumPy array (it is nudged in place); use "
                          "np.asarray(x, dtype=float)."))
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        up = float(f(x))
        x[i] = old - eps
        down = float(f(x))
        x[i] = old
        grad[i] = (up - down) / (2 * eps)
    return grad


def rel_error(a, b):
    """The relative difference of two arrays: ||a - b|| / max(||a||, ||b||).

    Measured on whole arrays, so entries that are exactly zero do not blow it up. Returns 0.0
    when both arrays are zero.
    """
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(_("the arrays have different shapes, {a} and {b}.")
                         .format(a=a.shape, b=b.shape))
    scale = max(np.linalg.norm(a), np.linalg.norm(b))
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)


def check_layer(layer, x, seed=0, eps=1e-6, details=False):
    """The worst relative error between a layer's backward() and finite differences.

    The layer's output is dotted with a fixed random array so that one scalar depends on every
    output; its gradient with respect to the input and to every parameter is checked. With
    ``details=True`` a dict {name: error} is returned instead.
    """
    x = np.array(x, dtype=np.float64)
    out = layer.forward(x)
    upstream = np.random.default_rng(seed).normal(size=out.shape)

    def scalar(_):
        return np.sum(layer.forward(x) * upstream)

    layer.forward(x)
    analytic_input = layer.backward(upstream)
    analytic = {"input": analytic_input, **{k: g.copy() for k, g in layer.grads.items()}}
    numeric = {"input": numerical_gradient(scalar, x, eps)}
    for k, p in layer.params.items():
        numeric[k] = numerical_gradient(scalar, p, eps)
    errors = {k: rel_error(analytic[k], numeric[k]) for k in analytic}
    return errors if details else max(errors.values())


def check_model(model, X, y, eps=1e-6, details=False):
    """The worst relative error between a compiled model's gradients and finite differences.

    Checks the gradient of the loss with respect to every weight array (``model.backprop``
    against nudging each weight and asking ``model.evaluate`` for the loss); the weights end as
    they started.
    """
    model.backprop(X, y)
    analytic = [g.copy() for g in model.gradients()]
    if not analytic:
        raise ValueError(_("the model has no parameters to check."))

    def loss(_):
        return model.evaluate(X, y, return_dict=True)["loss"]

    errors = {}
    index = 0
    for li, layer in enumerate(model.layers):
        for k, p in layer.params.items():
            errors[f"layer {li} {k}"] = rel_error(analytic[index], numerical_gradient(loss, p, eps))
            index += 1
    return errors if details else max(errors.values())
