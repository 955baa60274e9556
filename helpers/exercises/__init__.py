"""Exercise checkers, one module per notebook (``helpers.exercises.symbolic_ai`` for 01, ...).

A checker never just says True or False: it returns :class:`Feedback`, which shows as a green
"Correct" with a sentence on why, an orange "Not yet" that says what is wrong and gives a hint,
or, for answers no program can judge (a reflection in your own words), a blue "Compare with the
worked answer" that is neither. Every checker reads answers with the same rules
(:mod:`helpers.exercises.feedback`): spacing and letter case never matter, numbers may be text or
fractions, lists may be tuples or comma-separated text, 2 decimals are enough, and where a share
is asked a percentage is understood too.
"""
# One module per notebook, used as ``from helpers.exercises import symbolic_ai as ex`` and then
# ``ex.check_rules(...)``: the checkers' names are only unique within their notebook.
from . import (achievements_and_ai_winters, classical_ml, course_map, digits_through_the_layers,
               feedback, how_training_works, layers_of_representations, learning_from_data,
               representations, symbolic_ai)
from .feedback import Feedback, compare, correct, not_yet
