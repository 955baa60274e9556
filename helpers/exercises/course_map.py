"""Checkers for notebook 00 (course map).

Answers are read with the course's reading rules: names and fields in any letter case and
spacing ("ai", " Deep learning "), numbers as text ("06"), and a list in the order of
``SYSTEMS`` / ``TOPICS`` instead of a dict. Korean answers are read too, in either language of the
course: fields as "인공지능", "머신러닝", "딥러닝", yes/no as "예"/"아니오", and the systems and
topics by their Korean names (``SYSTEM_NAMES_KO``, ``TOPIC_NAMES_KO``).
"""
import numpy as np

from ..i18n import N_, T_, _
from .feedback import (KOREAN_WORDS, AnswerError, NO_ANSWER, checker, correct, not_yet,
                       read_items, read_number, read_text, short)

__all__ = []

#: Exercise 1: the systems to place (the answers are kept in ``_FIELDS``, out of sight).
_FIELDS = {
    N_("chess program whose moves come from rules its programmers wrote"): "AI",
    N_("spam filter that learns how much each word counts from emails people labelled"): "ML",
    N_("20-layer network that learns to read handwritten digits from examples"): "DL",
    N_("expert system of 2,000 if-then rules a doctor dictated for diagnosing infections"): "AI",
    N_("decision tree fitted to a bank's past loan decisions"): "ML",
}
SYSTEMS = tuple(T_(system) for system in _FIELDS)   # notebook 00 prints them, in its language
#: The systems' Korean names, understood as keys too (in the order of SYSTEMS; the catalog
#: translates SYSTEMS with the same words, tests/exercises/test_korean.py checks that).
SYSTEM_NAMES_KO = dict(zip(SYSTEMS, (
    "프로그래머가 작성한 규칙으로 수를 두는 체스 프로그램",
    "사람들이 레이블을 붙인 이메일에서 각 단어의 중요도를 배우는 스팸 필터",
    "손글씨 숫자를 읽는 법을 예제에서 배우는 20층 신경망",
    "의사가 불러 준 감염 진단용 if-then 규칙 2,000개로 된 전문가 시스템",
    "은행의 과거 대출 결정에 맞춰 학습한 결정 트리",
)))
_WHY = {"AI": N_("its rules were written by people (symbolic AI)"),
        "ML": N_("its rules were learned from data, but not through many layers"),
        "DL": N_("it learns many successive layers of representations")}
#: Other ways of naming a field, all understood (in English and in Korean).
_FIELD_NAMES = {"ai": "AI", "artificial intelligence": "AI", "symbolic ai": "AI",
                "ml": "ML", "machine learning": "ML", "dl": "DL", "deep learning": "DL",
                "인공지능": "AI", "인공 지능": "AI", "심볼릭 ai": "AI", "기호주의 ai": "AI",
                "머신러닝": "ML", "머신 러닝": "ML", "기계학습": "ML", "기계 학습": "ML",
                "딥러닝": "DL", "딥 러닝": "DL", "심층학습": "DL", "심층 학습": "DL"}


def _by_key(answer, keys, what, korean_names):
    """{key: value} from a dict (keys matched ignoring case and spacing, in English or by their
    Korean names ``korean_names``) or from a list or comma-separated text in the order of
    ``keys``; ``what`` is a message saying what the keys are."""
    if isinstance(answer, dict):
        wanted = {read_text(k): k for k in keys}
        wanted.update({read_text(name): k for k, name in korean_names.items()})
        out = {}
        for key, value in answer.items():
            name = read_text(key, N_("a key")) if isinstance(key, str) else None
            if name in wanted:
                out[wanted[name]] = value
        return out
    items = read_items(answer)
    if len(items) != len(keys):
        raise AnswerError(_(what).format(n=len(keys), count=len(items)),
                          _("Write a dict with the names printed above as keys."))
    return dict(zip(keys, items))


def _field(value):
    name = read_text(value, N_("each answer")) if isinstance(value, str) else None
    if name not in _FIELD_NAMES:
        raise AnswerError(_("{value} is not one of 'AI', 'ML', 'DL'.").format(value=short(value)),
                          _("Answer each system with 'AI', 'ML' or 'DL'."))
    return _FIELD_NAMES[name]


_FIELD_HINTS = {  # (right field, given field): a hint that is true for that mix-up
    ("AI", "ML"): N_("Nobody learned anything from data here: people wrote its rules."),
    ("AI", "DL"): N_("Nobody learned anything from data here: people wrote its rules."),
    ("ML", "AI"): N_("It is AI, but not the narrowest field: its rules were learned from data."),
    ("ML", "DL"): N_("It learns from data, but not through many layers of representations."),
    ("DL", "AI"): N_("It is AI, but not the narrowest field: it learns from examples, through "
                     "many layers."),
    ("DL", "ML"): N_("It is machine learning, but there is a narrower field for what learns "
                     "through many layers."),
}


@checker
def check_fields(answer):
    """``answer`` maps each system in SYSTEMS to 'AI', 'ML' or 'DL' (the narrowest field); a
    list of five fields in the order of SYSTEMS works too."""
    if answer is None:
        return not_yet(_(NO_ANSWER), _("Make a dict {system: 'AI' or 'ML' or 'DL'} for the "
                                       "systems in SYSTEMS."))
    given = _by_key(answer, SYSTEMS, N_("expected a dict {{system: ...}} or a list of {n} "
                                        "answers in the order of the printed list; got {count} "
                                        "item(s)."), SYSTEM_NAMES_KO)
    missing = [s for s in SYSTEMS if s not in given]
    if missing:
        return not_yet(_("{n} system(s) have no answer, e.g. {system!r}.").format(
                           n=len(missing), system=missing[0]),
                       _("Copy the names from SYSTEMS so the spelling matches."))
    cleaned = {s: _field(given[s]) for s in SYSTEMS}
    wrong = [s for s in SYSTEMS if cleaned[s] != _FIELDS[s]]
    if wrong:
        system = wrong[0]
        return not_yet(_("{right} of {n} are right; the {system} is not best described as "
                         "{field}.").format(right=len(SYSTEMS) - len(wrong), n=len(SYSTEMS),
                                            system=_(system), field=cleaned[system]),
                       _(_FIELD_HINTS[(_FIELDS[system], cleaned[system])]))
    return correct(_("every system sits in the narrowest field that contains it: "
                     "{reasons}.").format(reasons="; ".join(f"{f}: {_(_WHY[f])}"
                                                           for f in ("AI", "ML", "DL"))))


_YES = {"true": True, "yes": True, "y": True, "1": True,
        "false": False, "no": False, "n": False, "0": False}
_YES.update({word: _YES[english] for word, english in KOREAN_WORDS.items() if english in _YES})


def _yes_no(value):
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and read_text(value).rstrip(".") in _YES:
        return _YES[read_text(value).rstrip(".")]
    raise AnswerError(_("each answer should be True or False, got {value}.").format(
                          value=short(value)),
                      _("Write True or False (without quotes)."))


@checker
def check_nesting(every_dl_is_ml, every_ml_is_ai, every_ai_is_ml):
    """Three yes/no questions about the nested fields (True or False each; "yes"/"no" too)."""
    answers = (every_dl_is_ml, every_ml_is_ai, every_ai_is_ml)
    if any(a is None for a in answers):
        return not_yet(_(NO_ANSWER), _("Replace each None with True or False."))
    dl_is_ml, ml_is_ai, ai_is_ml = (_yes_no(a) for a in answers)
    if not dl_is_ml:
        return not_yet(_("deep learning is a kind of machine learning."),
                       _("Deep networks learn their rules from data too."))
    if not ml_is_ai:
        return not_yet(_("machine learning is a way of doing AI."),
                       _("Look at the figure: the ML ellipse sits inside the AI one."))
    if ai_is_ml:
        return not_yet(_("not all AI learns: symbolic AI runs rules people wrote."),
                       _("Think of the chess program with hand-written rules."))
    return correct(_("DL ⊂ ML ⊂ AI, and symbolic AI is AI without learning."))


#: Exercise 3: the topics to place on the road map (answers in ``_NOTEBOOK_OF``).
_NOTEBOOK_OF = {N_("backpropagation"): 6, N_("hand-written rules"): 1,
                N_("searching for a change of coordinates"): 3, N_("the AI winters"): 8}
TOPICS = tuple(T_(topic) for topic in _NOTEBOOK_OF)   # printed by notebook 00, in its language
#: The topics' Korean names, understood as keys too (the catalog translates TOPICS alike).
TOPIC_NAMES_KO = dict(zip(TOPICS, ("역전파", "직접 작성한 규칙", "좌표 변환 찾기", "AI 겨울")))


def _notebook_number(topic, value):
    if isinstance(value, str):      # "06", "notebook 6", "06_how_training_works", "6번 노트북"
        text = read_text(value)
        for word in ("notebook", "노트북", "번"):
            text = text.replace(word, " ")
        value = text.strip().split("_")[0].strip()
    try:
        number = read_number(value, _("the notebook for {topic!r}").format(topic=topic))
    except AnswerError:
        raise AnswerError(_("the notebook for {topic!r} should be a whole number, got "
                            "{value}.").format(topic=topic, value=short(value)),
                          _("Write the notebook's number, e.g. 2 for notebook 02.")) from None
    if not number.is_integer():
        raise AnswerError(_("the notebook for {topic!r} should be a whole number, got "
                            "{value}.").format(topic=topic, value=f"{number:g}"),
                          _("Write the notebook's number, e.g. 2 for notebook 02."))
    return int(number)


@checker
def check_road_map(answer):
    """``answer`` maps each topic in TOPICS to a notebook number ("06" and 6 are the same); a
    list of four numbers in the order of TOPICS works too."""
    if answer is None:
        return not_yet(_(NO_ANSWER), _("Make a dict {topic: notebook number} for TOPICS."))
    given = _by_key(answer, TOPICS, N_("expected a dict {{topic: ...}} or a list of {n} answers "
                                       "in the order of the printed list; got {count} item(s)."),
                    TOPIC_NAMES_KO)
    if set(given) != set(TOPICS):
        return not_yet(_("give one number for each topic in TOPICS."),
                       _("Write {topic: number, ...} with every topic of TOPICS as a key."))
    for topic, number in _NOTEBOOK_OF.items():
        chosen = _notebook_number(topic, given[topic])
        if not 0 <= chosen <= 8:
            return not_yet(_("there is no notebook {n}; the course has notebooks 00 to "
                             "08.").format(n=chosen),
                           _("The road map's titles (and the table above it) tell you."))
        if chosen != number:
            return not_yet(_("{topic!r} is not taught in notebook {n:02d}.").format(
                               topic=_(topic), n=chosen),
                           _("The road map's titles (and the table above it) tell you."))
    return correct(_("you know where everything is."))
