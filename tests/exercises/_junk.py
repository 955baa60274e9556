"""Junk answers every checker must turn down with a clear message (never an exception)."""
import numpy as np

JUNK = {
    "empty text": "",
    "blank text": "   ",
    "nan": float("nan"),
    "infinity": float("inf"),
    "huge list": [1.0] * 100_000,
    "huge text": "1," * 50_000,
    "object": object(),
    "dict": {"a": 1},
    "bytes": b"0.5",
    "boolean": True,
    "nan array": np.full(3, np.nan),
    "function": lambda: 1,
    "empty list": [],
}


def assert_turns_down(check, answer, *more):
    """``check(answer, *more)`` is a deliberate "Not yet": short, readable, not the safety net."""
    feedback = check(answer, *more)
    assert not feedback and feedback.kind == "not yet", repr(feedback)
    assert "could not be checked" not in feedback.message, repr(feedback)
    assert len(feedback.message) < 400 and feedback.hint, repr(feedback)
    return feedback
