"""helpers: the engine behind *From Rules to Layers*.

One small module per idea, each short enough to read in one sitting:

- ``datasets``         point sets (the running example, circles, xor, spiral, ...) and the digits
- ``representations``  changes of coordinates, colour spaces, hand-made features
- ``layers``           Dense, ReLU, Sigmoid, Tanh: forward and backward
- ``losses``           the measure of error and its gradient
- ``optimizers``       SGD, RMSprop, Adam
- ``training``         mini-batches and the one rule for "training diverged"
- ``models``           Sequential: compile, fit, evaluate, predict
- ``gradcheck``        finite differences, to check every gradient

``helpers.set_language("ko")`` makes everything the package shows speak Korean (``i18n``).

``helpers.set_random_seed(42)`` seeds every random draw that is not seeded explicitly, as
``keras.utils.set_random_seed`` does.

Later notebooks add ``rule_lists``, ``expert_system``, ``search``, ``images``, ``classical``,
``depth``, ``autograd``, ``digits``, ``ai_history``, ``networks`` and ``scoreboard``.

Interactive pieces (``widgets``, ``plots``, ``exercises`` and the later notebooks' modules) are
imported when first used, so ``import helpers`` stays fast.
"""
import gc

import numpy  # noqa: F401  (loads NumPy's BLAS library, so that the limit below reaches it)
from threadpoolctl import threadpool_limits

# The course multiplies small matrices. For those, NumPy's BLAS worker threads cost more than
# they save (on a busy 2-core machine, training on the digits went from 0.2 s to 6 s), and one
# thread also gives the same numbers on machines with different core counts. threadpoolctl comes
# with scikit-learn.
threadpool_limits(limits=1)

# Python's collector of reference cycles runs after every 700 new objects (its default); every
# tenth run also walks the objects that survived earlier runs, and now and then all of memory.
# A notebook here makes hundreds of thousands of small objects (matplotlib's artists, NumPy's
# arrays) and keeps most of them, so these walks freed little and took 0.2-0.3 s of each heavy
# notebook (04-07, on the 2-core machine). Run after every 20,000 new objects instead, the
# collector takes 0.04-0.08 s there, and the kernels peak at the same memory.
gc.set_threshold(max(gc.get_threshold()[0], 20_000), *gc.get_threshold()[1:])

from . import (datasets, gradcheck, layers, losses, models, optimizers,  # noqa: E402
               representations, training)
from .layers import Dense, ReLU, Sigmoid, Tanh, set_random_seed  # noqa: E402
from .losses import (BinaryCrossEntropy, CategoricalCrossEntropy, MeanSquaredError,  # noqa: E402
                     SoftmaxCrossEntropy, SparseCategoricalCrossEntropy)
from .models import Callback, DivergenceError, Sequential, mlp  # noqa: E402
from .optimizers import SGD, Adam, RMSprop  # noqa: E402
from .i18n import get_language, set_language  # noqa: E402

__version__ = "0.1.0"
