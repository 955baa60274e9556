"""Exercise checkers, one module per notebook (``helpers.exercises.symbolic_ai`` for 01, ...).

A checker never just says True or False: it returns :class:`Feedback`, which shows as a green
"Correct" with a sentence on why, or an orange "Not yet" that says what is wrong and gives a hint.
"""
from .._autoexport import export_all
from .feedback import Feedback, correct, not_yet

export_all(__name__, __path__, globals())
