"""Checkers for notebook 00 (course map)."""
from .feedback import correct, not_yet

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


def check_fields(answer):
    """``answer`` maps each system in SYSTEMS to 'AI', 'ML' or 'DL' (the narrowest field)."""
    if answer is None:
        return not_yet("no answer yet.", "Make a dict {system: 'AI' or 'ML' or 'DL'} for "
                                         "the systems in SYSTEMS.")
    if not isinstance(answer, dict):
        return not_yet(f"expected a dict, got {type(answer).__name__}.",
                       "Write {system: field, ...} with the names in SYSTEMS.")
    missing = [s for s in SYSTEMS if s not in answer]
    if missing:
        return not_yet(f"{len(missing)} system(s) have no answer, e.g. {missing[0]!r}.",
                       "Copy the names from SYSTEMS so the spelling matches.")
    cleaned = {s: str(answer[s]).strip().upper() for s in SYSTEMS}
    bad = [v for v in cleaned.values() if v not in ("AI", "ML", "DL")]
    if bad:
        return not_yet(f"{bad[0]!r} is not one of 'AI', 'ML', 'DL'.")
    for system, field in _FIELDS.items():
        if cleaned[system] != field:
            hint = ("Learned rules make it machine learning; many layers make it deep learning."
                    if field != "AI" else "Nobody learned anything from data here.")
            return not_yet(f"the {system} is not best described as {cleaned[system]}.", hint)
    return correct("every system sits in the narrowest field that contains it: "
                   + "; ".join(f"{f}: {_WHY[f]}" for f in ("AI", "ML", "DL")) + ".")


def check_nesting(every_dl_is_ml, every_ml_is_ai, every_ai_is_ml):
    """Three yes/no questions about the nested fields (True or False each)."""
    answers = (every_dl_is_ml, every_ml_is_ai, every_ai_is_ml)
    if any(a is None for a in answers):
        return not_yet("no answer yet.", "Replace each None with True or False.")
    if not all(isinstance(a, bool) for a in answers):
        return not_yet("each answer should be True or False.")
    if not every_dl_is_ml:
        return not_yet("deep learning is a kind of machine learning.",
                       "Deep networks learn their rules from data too.")
    if not every_ml_is_ai:
        return not_yet("machine learning is a way of doing AI.",
                       "Look at the figure: the ML ellipse sits inside the AI one.")
    if every_ai_is_ml:
        return not_yet("not all AI learns: symbolic AI runs rules people wrote.",
                       "Think of the chess program with hand-written rules.")
    return correct("DL ⊂ ML ⊂ AI, and symbolic AI is AI without learning.")


#: Exercise 3: the topics to place on the road map (answers in ``_NOTEBOOK_OF``).
_NOTEBOOK_OF = {"backpropagation": 6, "hand-written rules": 1,
                "searching for a change of coordinates": 3, "the AI winters": 8}
TOPICS = tuple(_NOTEBOOK_OF)


def check_road_map(answer):
    """``answer`` maps each topic in TOPICS to a notebook number."""
    if answer is None:
        return not_yet("no answer yet.", "Make a dict {topic: notebook number} for TOPICS.")
    if not isinstance(answer, dict) or set(answer) != set(TOPICS):
        return not_yet("give one number for each topic in TOPICS.",
                       "Write {topic: number, ...} with every topic of TOPICS as a key.")
    for topic, number in _NOTEBOOK_OF.items():
        given = answer[topic]
        if isinstance(given, str) and given.strip().isdigit():
            given = int(given)                       # accept "06" as well as 6
        if isinstance(given, bool) or not isinstance(given, int):
            return not_yet(f"the notebook for {topic!r} should be a whole number, got "
                           f"{given!r}.", "Write the notebook's number, e.g. 2 for notebook 02.")
        if given != number:
            return not_yet(f"{topic!r} is not taught in notebook {given:02d}.",
                           "The road map's titles (and the table above it) tell you.")
    return correct("you know where everything is.")
