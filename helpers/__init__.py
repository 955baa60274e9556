"""helpers: the engine behind *From Rules to Layers*.

One small module per idea, each short enough to read in one sitting:

- ``datasets``         point sets (the running example, circles, xor, spiral, ...) and the digits
- ``representations``  changes of coordinates, colour spaces, hand-made features
- ``layers``           Dense, ReLU, Sigmoid, Tanh: forward and backward
- ``losses``           the measure of error and its gradient
- ``optimizers``       SGD, RMSprop, Adam
- ``models``           Sequential: compile, fit, evaluate, predict
- ``gradcheck``        finite differences, to check every gradient

Interactive pieces (``widgets``, ``plots``, ``exercises`` and the later notebooks' modules) are
imported when first used, so ``import helpers`` stays fast.
"""
from . import datasets, gradcheck, layers, losses, models, optimizers, representations
from .layers import Dense, ReLU, Sigmoid, Tanh
from .losses import BinaryCrossEntropy, MeanSquaredError, SoftmaxCrossEntropy
from .models import DivergenceError, Sequential, mlp
from .optimizers import SGD, Adam, RMSprop

__version__ = "0.1.0"
