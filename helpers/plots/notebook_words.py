"""Titles and labels the notebooks pass to the figures, marked for translation.

A Korean notebook runs exactly the code of its English twin, so a title typed in a notebook cell
reaches a figure in English. Every ``plot_*`` function shows the titles, panel names and class
labels it is given through the catalog (:func:`helpers.plots.core.translated`), so marking a text
here is all it takes to draw it in Korean. A few notebook cells draw with matplotlib directly
(``ax.set(title=...)``, ``ax.plot(..., label=...)``); for those, while the package speaks Korean,
every text matplotlib is given is looked up in the catalog too (:func:`translate_drawn_texts`):
a text the catalog knows is drawn in Korean, any other text (numbers, names) as it is. When a notebook passes a new text to a figure, add it
here (word for word, as the notebook writes it) and translate it in the catalog.
"""
from matplotlib.text import Text

from ..i18n import N_, _, on_language_change

__all__ = ["NOTEBOOK_WORDS", "translate_drawn_texts"]

NOTEBOOK_WORDS = (
    # 00, 01, 02, 03: the running example's two classes
    N_("white"), N_("black"),
    # 00_course_map, 01_symbolic_ai (drawn with matplotlib in the notebook)
    N_("The running example: 200 points, two colours"),
    N_("The running example (training points)"),
    # 01_symbolic_ai
    N_("Hand-written pixel rules for the digits"),
    # 02_learning_from_data
    N_("The rule the search kept (training data)"),
    N_("best threshold rule"), N_("memoriser"),
    # 03_representations
    N_("Task A: select the red pixels"), N_("Task B: select the vivid pixels"),
    N_("RGB: G ≤ 0.55 (about the best box)"),
    N_("Rotate by -20°, then shift x by -0.5"),
    # 04_classical_ml
    N_("separable (noise 0)"), N_("running example (overlapping)"),
    N_("Logistic regression on the running example"),
    N_("logistic regression (ours)"), N_("white (0)"), N_("black (1)"),
    N_("max depth 1"), N_("max depth 3"), N_("max depth 8"),
    N_("features x, y"), N_("features x², y²"), N_("features x, y, x², xy, y²"),
    # 05_layers_of_representations
    N_("class 0: opposite signs"), N_("class 1: same sign"),
    N_("Before training: the xor points and a grid after each layer"),
    N_("After 60 epochs: every layer's representation of the same points"),
    N_("Tighter spiral, 302-parameter budget: decision regions (first seed)"),
    # 06_how_training_works (the first ones drawn with matplotlib in the notebook)
    N_("mistakes on the training set"), N_("cross-entropy loss"), N_("trained value"),
    N_("weight W[0, 3] of the first layer"), N_("Counting mistakes: flat steps"),
    N_("The loss: smooth, a slope everywhere"), N_("loss L(w) = (w − 1)²"),
    N_("A slope: how fast L moves as w moves"), N_("weight w"), N_("loss L"),
    N_("A path x → u → f: slopes multiply from right to left"),
    N_("One neuron and its loss: values forward, gradients backward"),
    # 07_digits_through_the_layers
    N_("The first 16 training images"),
    N_("Learning the digits: 40 epochs"),
    N_("raw pixels (64 numbers)"), N_("after the 1st hidden layer (96 numbers)"),
    N_("after the last hidden layer (48 numbers)"),
)


_draw_text_as_given = Text.set_text


def _draw_text_translated(self, text):
    if isinstance(text, str) and text:
        text = _(text)
    return _draw_text_as_given(self, text)


def translate_drawn_texts(language):
    """In Korean, look every text matplotlib draws up in the catalog; in English, draw as given."""
    Text.set_text = _draw_text_translated if language == "ko" else _draw_text_as_given


on_language_change(translate_drawn_texts)
