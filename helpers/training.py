"""What every training loop in the course shares: mini-batches and the divergence rule.

Three things train by gradient descent here (``Sequential.fit`` and ``train_step``, checkpointed
training in ``depth``, ``classical.LogisticRegression``) and the training stepper drives a model
one step at a time. They all draw mini-batches with :func:`minibatches` and all decide that
training has diverged with one :class:`DivergenceWatch`, so a learning rate that is far too large
is reported the same way wherever a learner meets it.

When several networks are trained independently (a comparison of shapes, each with several
seeds), :func:`side_by_side` trains them on all of the machine's cores at once.
"""
import math
import multiprocessing
import os

import numpy as np

from .i18n import N_, _

__all__ = ["DivergenceError", "DivergenceWatch", "minibatches", "side_by_side", "usable_cores",
           "can_fork"]


class DivergenceError(FloatingPointError):
    """Training diverged: the loss exploded, or the loss or the weights stopped being numbers."""


def minibatches(n, batch_size, rng=None, shuffle=True):
    """The row indices of one epoch, cut into mini-batches of ``batch_size`` (the last may be
    smaller). With ``shuffle`` the order is a fresh permutation drawn from ``rng`` (a NumPy
    Generator); the same generator gives the same batches, whichever loop asks for them."""
    order = rng.permutation(n) if shuffle else np.arange(n)
    for start in range(0, n, batch_size):
        yield order[start:start + batch_size]


class DivergenceWatch:
    """The one rule for "training diverged".

    The first loss the watch sees is the starting value. Training has diverged when a later loss
    is NaN or infinite, or grows to more than ``factor`` times the starting value (a starting
    value below ``floor`` counts as ``floor``, so a model that starts almost perfect is not
    stopped by ordinary noise). :meth:`check` raises :class:`DivergenceError` with a message that
    names the learning rate and what to do.
    """

    factor = 10.0
    floor = 0.1

    def __init__(self, factor=None, advice=N_("rebuild the model and try a smaller one")):
        if factor is not None:
            self.factor = float(factor)
        self.advice = advice       # words marked with N_(), translated when the error is shown
        self.start = None

    def reset(self):
        """Forget the starting value (a new training run begins)."""
        self.start = None

    def limit(self):
        """The loss above which training counts as diverged (None before the first loss)."""
        return None if self.start is None else self.factor * max(self.start, self.floor)

    def message(self, loss, lr=None, what=N_("the loss")):
        """The reason training diverged at this loss, or None when it has not."""
        loss = float(loss)
        rate = f" (lr={lr:g})" if lr is not None else ""
        if not math.isfinite(loss):
            text = _("training diverged: {what} became NaN or infinite. The learning "
                     "rate{rate} is most likely too large; {advice}, for example ten times "
                     "smaller.")
        elif self.start is not None and loss > self.limit():
            text = _("training diverged: {what} jumped to {loss:.3g}, more than {factor:g} "
                     "times its starting value {start:.3g}. The learning rate{rate} is most "
                     "likely too large; {advice}, for example ten times smaller.")
        else:
            return None
        return text.format(what=_(what), loss=loss, factor=self.factor, start=self.start or 0.0,
                           rate=rate, advice=_(self.advice))

    def check(self, loss, lr=None, what=N_("the loss")):
        """Raise DivergenceError if ``loss`` shows divergence; the first finite loss seen is the
        starting value. Returns the loss as a float."""
        loss = float(loss)
        if not math.isfinite(loss) or (self.start is not None and loss > self.limit()):
            raise DivergenceError(self.message(loss, lr, what))
        if self.start is None:
            self.start = loss
        return loss

    def check_finite(self, arrays, lr=None, what=N_("the weights")):
        """Raise DivergenceError when any array holds NaN or infinity."""
        if not all(np.all(np.isfinite(a)) for a in arrays):
            self.check(float("nan"), lr, what)


def usable_cores():
    """How many cores this process may run on (1 where the system cannot say)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def can_fork():
    """True where a process can be copied ("fork": Linux; not Windows, and not macOS's
    default)."""
    return "fork" in multiprocessing.get_all_start_methods()


def side_by_side(function, jobs, processes=None):
    """``[function(*job) for job in jobs]``, computed on several cores at once when it can be.

    Each job runs in a copy of this process (a "fork": the copy starts with everything already
    imported and loaded), exactly the code it would run alone, so the results are the same,
    number for number, in the jobs' order. ``processes`` is how many copies work at once; by
    default one per core. With one core, one job, or on a system that cannot fork (Windows,
    macOS), the jobs simply run one after another here.
    """
    jobs = list(jobs)
    if processes is None:
        processes = usable_cores()
    processes = min(processes, len(jobs))
    if processes < 2 or not can_fork():
        return [function(*job) for job in jobs]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        return pool.starmap(function, jobs, chunksize=1)
