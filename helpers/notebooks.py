"""The course's nine notebooks, in one table: number, file, title and part of the course.

Everything that names or links a notebook reads it from here: notebook 00's road map
(``helpers.plots.course_map``) and the glossary's links (``helpers.ai_history``).
"""
from typing import NamedTuple

from .i18n import N_, _

__all__ = ["Notebook", "NOTEBOOKS", "notebook", "notebook_link"]


class Notebook(NamedTuple):
    """One notebook: ``number``, file ``stem`` (``01_symbolic_ai``), ``title`` and ``part``.

    ``title`` and ``part`` are in English (``part`` is also a key); show them with ``_()``.
    """

    number: int
    stem: str
    title: str
    part: str

    @property
    def file(self):
        """The file name inside ``notebooks/``, e.g. ``01_symbolic_ai.ipynb``."""
        return f"{self.stem}.ipynb"


#: The notebooks in course order.
NOTEBOOKS = (
    Notebook(0, "00_course_map", N_("Course map"), N_("Start")),
    Notebook(1, "01_symbolic_ai", N_("Symbolic AI"), N_("Rules and representations")),
    Notebook(2, "02_learning_from_data", N_("Learning from data"), N_("Rules and representations")),
    Notebook(3, "03_representations", N_("Representations"), N_("Rules and representations")),
    Notebook(4, "04_classical_ml", N_("Classical machine learning"), N_("Classical ML")),
    Notebook(5, "05_layers_of_representations", N_("Layers of representations"), N_("Layers")),
    Notebook(6, "06_how_training_works", N_("How training works"), N_("Layers")),
    Notebook(7, "07_digits_through_the_layers", N_("Digits through the layers"), N_("Layers")),
    Notebook(8, "08_achievements_and_ai_winters", N_("Achievements and AI winters"), N_("Outlook")),
)


def notebook(number):
    """The :class:`Notebook` with this number (0-8)."""
    for nb in NOTEBOOKS:
        if nb.number == number and not isinstance(number, bool):
            return nb
    raise ValueError(_("there is no notebook {number!r}; the course has notebooks {first} to "
                       "{last}.").format(number=number, first=NOTEBOOKS[0].number,
                                         last=NOTEBOOKS[-1].number))


def notebook_link(number):
    """A relative markdown link to a notebook, e.g. ``[03](03_representations.ipynb)``."""
    return f"[{number:02d}]({notebook(number).file})"
