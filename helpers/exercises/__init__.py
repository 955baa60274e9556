"""Exercise checkers, one module per notebook (``helpers.exercises.symbolic_ai`` for 01, ...).

A checker never just says True or False: it returns :class:`Feedback`, which shows as a green
"Correct" with a sentence on why, an orange "Not yet" that says what is wrong and gives a hint,
or, for answers no program can judge (a reflection in your own words), a blue "Compare with the
worked answer" that is neither. Every checker reads answers with the same rules
(:mod:`helpers.exercises.feedback`): spacing and letter case never matter, numbers may be text or
fractions, lists may be tuples or comma-separated text, 2 decimals are enough, and where a share
is asked a percentage is understood too.
"""
from .._autoexport import export_all
from .feedback import Feedback, compare, correct, not_yet

export_all(__name__, __path__, globals())
