"""The course's nine notebooks, in one table: number, file, title and part of the course.

Everything that names or links a notebook reads it from here: notebook 00's road map
(``helpers.plots.course_map``) and the glossary's links (``helpers.ai_history``).
"""
from typing import NamedTuple

__all__ = ["Notebook", "NOTEBOOKS", "notebook", "notebook_link"]


class Notebook(NamedTuple):
    """One notebook: ``number``, file ``stem`` (``01_symbolic_ai``), ``title`` and ``part``."""

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
    Notebook(0, "00_course_map", "Course map", "Start"),
    Notebook(1, "01_symbolic_ai", "Symbolic AI", "Rules and representations"),
    Notebook(2, "02_learning_from_data", "Learning from data", "Rules and representations"),
    Notebook(3, "03_representations", "Representations", "Rules and representations"),
    Notebook(4, "04_classical_ml", "Classical machine learning", "Classical ML"),
    Notebook(5, "05_layers_of_representations", "Layers of representations", "Layers"),
    Notebook(6, "06_how_training_works", "How training works", "Layers"),
    Notebook(7, "07_digits_through_the_layers", "Digits through the layers", "Layers"),
    Notebook(8, "08_achievements_and_ai_winters", "Achievements and AI winters", "Outlook"),
)


def notebook(number):
    """The :class:`Notebook` with this number (0-8)."""
    for nb in NOTEBOOKS:
        if nb.number == number and not isinstance(number, bool):
            return nb
    raise ValueError(f"there is no notebook {number!r}; the course has notebooks "
                     f"{NOTEBOOKS[0].number} to {NOTEBOOKS[-1].number}.")


def notebook_link(number):
    """A relative markdown link to a notebook, e.g. ``[03](03_representations.ipynb)``."""
    return f"[{number:02d}]({notebook(number).file})"
