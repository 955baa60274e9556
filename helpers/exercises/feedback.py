"""The result every exercise checker returns."""
import html
import numbers

__all__ = ["Feedback", "correct", "not_yet", "NO_ANSWER", "is_number"]

#: What every checker says to an exercise cell still holding its placeholder.
NO_ANSWER = "no answer yet: replace None with your answer and run the cell again."


class Feedback:
    """The verdict on one answer: ``passed``, a ``message`` and, when not passed, a ``hint``.

    ``bool(feedback)`` is ``passed``, so tests can ``assert check(...)``. In a notebook it shows
    as a coloured box; as text it reads "✓ Correct: ..." or "✗ Not yet: ... Hint: ...".
    """

    def __init__(self, passed, message, hint=None):
        self.passed = bool(passed)
        self.message = str(message)
        self.hint = hint

    def __bool__(self):
        return self.passed

    def __repr__(self):
        if self.passed:
            return f"✓ Correct: {self.message}"
        text = f"✗ Not yet: {self.message}"
        return text + (f" Hint: {self.hint}" if self.hint else "")

    def _repr_html_(self):
        colour, title = ("#1a7f37", "✓ Correct") if self.passed else ("#b35900", "✗ Not yet")
        hint = f"<br><b>Hint:</b> {html.escape(self.hint)}" if self.hint and not self.passed else ""
        return (f'<div style="border-left: 4px solid {colour}; padding: 4px 10px;">'
                f'<b style="color: {colour}">{title}:</b> {html.escape(self.message)}{hint}</div>')


def correct(message):
    return Feedback(True, message)


def not_yet(message, hint=None):
    return Feedback(False, message, hint)


def is_number(answer):
    """True for an ordinary number (int, float, NumPy scalar), False for True/False and text."""
    return isinstance(answer, numbers.Real) and not isinstance(answer, bool)
