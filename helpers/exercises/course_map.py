"""Checkers for notebook 00 (course map).

Answers are read with the course's reading rules: names and fields in any letter case and
spacing ("ai", " Deep learning "), numbers as text ("06"), and a list in the order of
``SYSTEMS`` / ``TOPICS`` instead of a dict.
"""
import numpy as np

from .feedback import (AnswerError, NO_ANSWER, checker, correct, not_yet, read_items,
                       read_number, read_text, short)

__all__ = []

#: Exercise 1: the systems to place (the answers are kept in ``_FIELDS``, out of sight).
_FIELDS = {
    "chess program whose moves come from rules its programmers wrote": "AI",
    "spam filter that learns how much each word counts from emails people labelled": "ML",
    "20-layer network that learns to read handwritten digits from examples": "DL",
    "expert system of 2,000 if-then rules a doctor dictated for diagnosing infections": "AI",
    "decision tree fitted to a bank's past loan decisions": "ML",
}
SYSTEMS = tuple(_FIELDS)
_WHY = {"AI": "its rules were written by people (symbolic AI)",
        "ML": "its rules were learned from data, but not through many layers",
        "DL": "it learns many successive layers of representations"}
#: Other ways of naming a field, all understood.
_FIELD_NAMES = {"ai": "AI", "artificial intelligence": "AI", "symbolic ai": "AI",
                "ml": "ML", "machine learning": "ML", "dl": "DL", "deep learning": "DL"}


def _by_key(answer, keys, what):
    """{key: value} from a dict (keys matched ignoring case and spacing) or from a list or
    comma-separated text in the order of ``keys``."""
    if isinstance(answer, dict):
        wanted = {read_text(k): k for k in keys}
        out = {}
        for key, value in answer.items():
            name = read_text(key, "a key") if isinstance(key, str) else None
            if name in wanted:
                out[wanted[name]] = value
        return out
    items = read_items(answer, "the answer")
    if len(items) != len(keys):
        raise AnswerError(f"expected a dict {{{what}: ...}} or a list of {len(keys)} answers in "
                          f"the order of the printed list; got {len(items)} item(s).",
                          f"Write a dict with the names printed above as keys.")
    return dict(zip(keys, items))


def _field(value):
    name = read_text(value, "each answer") if isinstance(value, str) else None
    if name not in _FIELD_NAMES:
        raise AnswerError(f"{short(value)} is not one of 'AI', 'ML', 'DL'.",
                          "Answer each system with 'AI', 'ML' or 'DL'.")
    return _FIELD_NAMES[name]


_FIELD_HINTS = {  # (right field, given field): a hint that is true for that mix-up
    ("AI", "ML"): "Nobody learned anything from data here: people wrote its rules.",
    ("AI", "DL"): "Nobody learned anything from data here: people wrote its rules.",
    ("ML", "AI"): "It is AI, but not the narrowest field: its rules were learned from data.",
    ("ML", "DL"): "It learns from data, but not through many layers of representations.",
    ("DL", "AI"): "It is AI, but not the narrowest field: it learns from examples, through "
                  "many layers.",
    ("DL", "ML"): "It is machine learning, but there is a narrower field for what learns "
                  "through many layers.",
}


@checker
def check_fields(answer):
    """``answer`` maps each system in SYSTEMS to 'AI', 'ML' or 'DL' (the narrowest field); a
    list of five fields in the order of SYSTEMS works too."""
    if answer is None:
        return not_yet(NO_ANSWER, "Make a dict {system: 'AI' or 'ML' or 'DL'} for the systems "
                                  "in SYSTEMS.")
    given = _by_key(answer, SYSTEMS, "system")
    missing = [s for s in SYSTEMS if s not in given]
    if missing:
        return not_yet(f"{len(missing)} system(s) have no answer, e.g. {missing[0]!r}.",
                       "Copy the names from SYSTEMS so the spelling matches.")
    cleaned = {s: _field(given[s]) for s in SYSTEMS}
    wrong = [s for s in SYSTEMS if cleaned[s] != _FIELDS[s]]
    if wrong:
        system = wrong[0]
        return not_yet(f"{len(SYSTEMS) - len(wrong)} of {len(SYSTEMS)} are right; the {system} "
                       f"is not best described as {cleaned[system]}.",
                       _FIELD_HINTS[(_FIELDS[system], cleaned[system])])
    return correct("every system sits in the narrowest field that contains it: "
                   + "; ".join(f"{f}: {_WHY[f]}" for f in ("AI", "ML", "DL")) + ".")


_YES = {"true": True, "yes": True, "y": True, "1": True,
        "false": False, "no": False, "n": False, "0": False}


def _yes_no(value):
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and read_text(value) in _YES:
        return _YES[read_text(value)]
    raise AnswerError(f"each answer should be True or False, got {short(value)}.",
                      "Write True or False (without quotes).")


@checker
def check_nesting(every_dl_is_ml, every_ml_is_ai, every_ai_is_ml):
    """Three yes/no questions about the nested fields (True or False each; "yes"/"no" too)."""
    answers = (every_dl_is_ml, every_ml_is_ai, every_ai_is_ml)
    if any(a is None for a in answers):
        return not_yet(NO_ANSWER, "Replace each None with True or False.")
    dl_is_ml, ml_is_ai, ai_is_ml = (_yes_no(a) for a in answers)
    if not dl_is_ml:
        return not_yet("deep learning is a kind of machine learning.",
                       "Deep networks learn their rules from data too.")
    if not ml_is_ai:
        return not_yet("machine learning is a way of doing AI.",
                       "Look at the figure: the ML ellipse sits inside the AI one.")
    if ai_is_ml:
        return not_yet("not all AI learns: symbolic AI runs rules people wrote.",
                       "Think of the chess program with hand-written rules.")
    return correct("DL ⊂ ML ⊂ AI, and symbolic AI is AI without learning.")


#: Exercise 3: the topics to place on the road map (answers in ``_NOTEBOOK_OF``).
_NOTEBOOK_OF = {"backpropagation": 6, "hand-written rules": 1,
                "searching for a change of coordinates": 3, "the AI winters": 8}
TOPICS = tuple(_NOTEBOOK_OF)


def _notebook_number(topic, value):
    if isinstance(value, str):                     # "06", "notebook 6", "06_how_training_works"
        digits = read_text(value).replace("notebook", "").strip().split("_")[0].strip()
        value = digits
    try:
        number = read_number(value, f"the notebook for {topic!r}")
    except AnswerError:
        raise AnswerError(f"the notebook for {topic!r} should be a whole number, got "
                          f"{short(value)}.", "Write the notebook's number, e.g. 2 for "
                                              "notebook 02.") from None
    if not number.is_integer():
        raise AnswerError(f"the notebook for {topic!r} should be a whole number, got "
                          f"{number:g}.", "Write the notebook's number, e.g. 2 for notebook 02.")
    return int(number)


@checker
def check_road_map(answer):
    """``answer`` maps each topic in TOPICS to a notebook number ("06" and 6 are the same); a
    list of four numbers in the order of TOPICS works too."""
    if answer is None:
        return not_yet(NO_ANSWER, "Make a dict {topic: notebook number} for TOPICS.")
    given = _by_key(answer, TOPICS, "topic")
    if set(given) != set(TOPICS):
        return not_yet("give one number for each topic in TOPICS.",
                       "Write {topic: number, ...} with every topic of TOPICS as a key.")
    for topic, number in _NOTEBOOK_OF.items():
        chosen = _notebook_number(topic, given[topic])
        if not 0 <= chosen <= 8:
            return not_yet(f"there is no notebook {chosen}; the course has notebooks 00 to 08.",
                           "The road map's titles (and the table above it) tell you.")
        if chosen != number:
            return not_yet(f"{topic!r} is not taught in notebook {chosen:02d}.",
                           "The road map's titles (and the table above it) tell you.")
    return correct("you know where everything is.")
