"""The exercise checkers in Korean (issue 15).

Every checker of every exercise module, given its worked solution, a wrong answer and junk (the
None placeholder, NaN, a dict and the other junk of ``_junk.py``), must answer a Korean learner
in Korean: the text and the HTML of the feedback hold Hangul and no English prose. Answers typed
in Korean words (흰색, 예, 딥러닝, ...) are read in both languages, and English stays as it was.
"""
import html
import inspect
import re

import numpy as np
import pytest

from helpers import i18n, networks, scoreboard
from helpers.exercises import (achievements_and_ai_winters, classical_ml, course_map,
                               digits_through_the_layers, how_training_works,
                               layers_of_representations, learning_from_data, representations,
                               symbolic_ai)
from helpers.exercises.feedback import Feedback
from helpers.search import CoordinateSearch, ThresholdRule, candidate_rules, x_rule_accuracy
from helpers.search import accuracy as score_of

from ..i18n_checks import english_left, has_hangul
from ._junk import JUNK

MODULES = (achievements_and_ai_winters, classical_ml, course_map, digits_through_the_layers,
           how_training_works, layers_of_representations, learning_from_data, representations,
           symbolic_ai)
#: Names a Korean text may hold as they are (programs, libraries, data sets, code in a hint).
ALLOWED = ("scikit-learn", "Minsky & Papert", "LeCun et al")


# ----- the right answers, worked out independently of the checkers ------------------------------
def _worked_seven():
    seven = np.zeros((8, 8))
    seven[1, 1:7] = 1
    for row, col in [(2, 6), (3, 5), (4, 5), (5, 4), (6, 4), (7, 3)]:
        seven[row, col] = 1
    return seven


def _best_y_rule():
    X_train, y_train = scoreboard.running_example_split()[:2]
    rules = candidate_rules(X_train[:, [1]])
    best = max(rules, key=lambda r: score_of(y_train, r.predict(X_train[:, [1]])))
    return ThresholdRule(1, best.threshold, above=best.above)


def _search_test_accuracy():
    X_train, y_train, X_test, y_test = scoreboard.running_example_split()
    search = CoordinateSearch(n_steps=200, seed=0).fit(X_train, y_train)
    return x_rule_accuracy(search.transform(X_test), y_test)


def _pca_answer():
    X = scoreboard.digits_split()[2]
    Xc = X - X.mean(axis=0)
    return Xc @ np.linalg.svd(Xc, full_matrices=False)[2][:2].T


FIELDS = dict(zip(course_map.SYSTEMS, ("AI", "ML", "DL", "AI", "ML")))
ROAD_MAP = {"backpropagation": 6, "hand-written rules": 1,
            "searching for a change of coordinates": 3, "the AI winters": 8}
STAIRCASE = ("if x > 1.8 then black\nif x > 1.0 and y > 0.5 then black\n"
             "if x > 0.2 and y > 1.6 then black\notherwise white")
#: A Korean learner's reflection (the learner's own words are shown back unchanged).
WHY = "손으로 쓴 규칙은 지각을 감당하지 못했고 약속이 너무 컸습니다."
NOW = "레이블이 붙은 큰 데이터셋, 빠른 GPU, 더 나은 알고리즘 덕분입니다."
NOT = "과열이 다시 결과를 앞지르면 돈이 이 분야를 떠날 수 있습니다."

#: checker name: (worked solution, a wrong answer), each a tuple of arguments.
CASES = {
    "symbolic_ai.check_running_example_rules": ((STAIRCASE,), ("if x > 3 then black",)),
    "symbolic_ai.check_zero_or_one": (("if pixel[4,4] < 0.3 then 0\notherwise 1",),
                                      ("if pixel[4,3] < 0.3 then 0\notherwise 1",)),
    "symbolic_ai.check_trace": ((["R3", "R12", "R14"],), (["R3", "R4"],)),
    "course_map.check_fields": ((FIELDS,), (dict(FIELDS, **{course_map.SYSTEMS[0]: "ML"}),)),
    "course_map.check_nesting": ((True, True, False), (True, True, True)),
    "course_map.check_road_map": ((ROAD_MAP,), (dict(ROAD_MAP, backpropagation=5),)),
    "learning_from_data.check_error_count": ((2,), (6,)),
    "learning_from_data.check_best_y_rule": ((_best_y_rule(),), (ThresholdRule(1, -10.0),)),
    "learning_from_data.check_memorizer_scores": (((1.0, 0.44),), ((0.44, 1.0),)),
    "representations.check_red_box": (({"R": (0.6, 1.0), "G": (0.0, 0.4), "B": (0.0, 0.4)},),
                                      ({"R": (0.5, 1.0), "G": (0.0, 0.6), "B": (0.0, 0.4)},)),
    "representations.check_vivid_threshold": ((0.45,), (0.1,)),
    "representations.check_coordinate_change": (((-40, -1.1, 0.0),), ((-40, 0.0, 0.0),)),
    "representations.check_search_test_accuracy": ((_search_test_accuracy(),), (0.5,)),
    "classical_ml.check_perceptron_update": (((1.5, 0.0, 1.0),), ((0.5, -1.0, 0.0),)),
    "classical_ml.check_split_impurity": (("1/3",), (0.9,)),
    "classical_ml.check_circle_features": ((lambda X: X ** 2,), (lambda X: X,)),
    "classical_ml.check_sklearn_C": ((1 / 3,), (100,)),
    "layers_of_representations.check_deep_meaning": (("b",), ("a",)),
    "layers_of_representations.check_param_count": ((162,), (140,)),
    "layers_of_representations.check_budget_shape": (([2, 44, 44, 2],), ([2, 40, 40, 2],)),
    "how_training_works.check_nudge_slope": ((3.001,), (-3.0,)),
    "how_training_works.check_path_slope": ((-6,), (6.5,)),
    "how_training_works.check_chain_rule": (((10.0, -7.5, -5.0),), ((5.0, -3.75, -2.5),)),
    "how_training_works.check_used_twice": ((5,), (3,)),
    "how_training_works.check_sgd_step": ((1.05,), (0.55,)),
    "how_training_works.check_divergent_rates": (([0.6, 1.0],), ([0.45, 0.6, 1.0],)),
    "digits_through_the_layers.check_most_confused": (((8, 1),), ((1, 8),)),
    "digits_through_the_layers.check_pca_projection": ((_pca_answer(),),
                                                       (_pca_answer() + 1.0,)),
    "digits_through_the_layers.check_drawing": ((_worked_seven(),), (np.eye(8),)),
    "achievements_and_ai_winters.check_error_reduction": ((0.364,), (9.4,)),
    "achievements_and_ai_winters.check_first_year_below_human": ((2015,), (2013,)),
    "achievements_and_ai_winters.check_event_order": (("BDFAEC",), ("ABCDEF",)),
    "achievements_and_ai_winters.check_reflection": ((WHY, NOW, NOT), (WHY, "GPU 덕분", NOT)),
}


def _checker(name):
    module, function = name.split(".")
    return getattr(globals()[module], function)


def _junk_args(name, junk):
    """The checker's arguments with ``junk`` in the answer's place (the middle one of three)."""
    right = CASES[name][0]
    if len(right) == 3:
        return (right[0], junk, right[2])
    return (junk,)


def test_every_checker_of_every_module_is_covered():
    found = {f"{m.__name__.split('.')[-1]}.{name}" for m in MODULES
             for name, f in inspect.getmembers(m, inspect.isfunction)
             if name.startswith("check_") and f.__module__ == m.__name__}
    assert found == set(CASES)


def assert_korean(feedback):
    """The learner sees Korean only: in the text and in the notebook's HTML box."""
    assert isinstance(feedback, Feedback)
    text = repr(feedback)
    page = html.unescape(re.sub(r"<[^>]+>", " ", feedback._repr_html_()))
    for shown in (text, page):
        assert has_hangul(shown), shown
        assert english_left(shown, ALLOWED) == [], shown
    assert "could not be checked" not in text and "확인할 수 없었습니다" not in text, text


@pytest.mark.parametrize("name", sorted(CASES))
def test_worked_solution_in_korean(korean, name):
    feedback = _checker(name)(*CASES[name][0])
    assert feedback.passed or feedback.kind == "compare", repr(feedback)
    assert_korean(feedback)


@pytest.mark.parametrize("name", sorted(CASES))
def test_wrong_answer_in_korean(korean, name):
    feedback = _checker(name)(*CASES[name][1])
    assert not feedback.passed, repr(feedback)
    assert_korean(feedback)


@pytest.mark.parametrize("junk", sorted(JUNK) + ["none"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_junk_in_korean(korean, name, junk):
    answer = None if junk == "none" else JUNK[junk]
    if name == "course_map.check_nesting" and junk == "boolean":
        pytest.skip("True is an answer to a yes/no question")
    if name == "how_training_works.check_divergent_rates" and junk == "empty list":
        pytest.skip("an empty list is a (wrong) answer: no rate diverges")
    feedback = _checker(name)(*_junk_args(name, answer))
    assert not feedback.passed, repr(feedback)
    assert_korean(feedback)


@pytest.mark.parametrize("name", sorted(CASES))
def test_all_placeholders_in_korean(korean, name):
    feedback = _checker(name)(*[None] * len(CASES[name][0]))
    assert feedback.kind == "not yet" and feedback.message.startswith("아직 답이 없습니다")
    assert_korean(feedback)


def test_feedback_titles_follow_the_ui_vocabulary(korean):
    right = course_map.check_nesting(True, True, False)
    wrong = course_map.check_nesting(True, True, True)
    reflection = achievements_and_ai_winters.check_reflection(WHY, NOW, NOT)
    assert repr(right).startswith("✓ 정답입니다: ")
    assert repr(wrong).startswith("✗ 아직 아닙니다: ") and " 힌트: " in repr(wrong)
    assert "<b>힌트:</b>" in wrong._repr_html_()
    assert repr(reflection).startswith("◆ 풀이와 비교해 보세요: ")


def test_worked_reflection_is_shown_in_korean(korean):
    feedback = achievements_and_ai_winters.check_reflection(WHY, NOW, NOT)
    for name, worked in achievements_and_ai_winters.WORKED_REFLECTION.items():
        assert i18n._(worked) != worked and i18n._(worked) in feedback.worked
        assert worked not in feedback.worked
    assert "내 답:" in feedback.worked and WHY in feedback.worked     # the learner's own words


# ----- answers typed in Korean --------------------------------------------------------------------
KOREAN_STAIRCASE = ("만약 x > 1.8 이면 검은색\n만약 x > 1.0 이고 y > 0.5 이면 검정\n"
                    "x > 0.2 그리고 y > 1.6이면 까만색\n그 밖에는 흰색")

KOREAN_RIGHT = [
    (symbolic_ai.check_running_example_rules, (KOREAN_STAIRCASE,)),
    (symbolic_ai.check_running_example_rules,
     ("만약 x > 1.8 이면 검은색, 만약 x > 1.0, y > 0.5 이면 검은색, "
      "만약 x > 0.2, y > 1.6 이면 검은색, 그 밖에는 흰색",)),
    (symbolic_ai.check_running_example_rules,
     (["if x > 1.8 then 검은색", "if x > 1.0 and y > 0.5 then black",
       "만약 x > 0.2 그리고 y > 1.6 이면 black", "otherwise 하양"],)),
    (symbolic_ai.check_zero_or_one, ("만약 pixel[4, 4] < 0.3 이면 0\n그 밖에는 1",)),
    (symbolic_ai.check_trace, ("규칙 3, 규칙 12, 규칙 14",)),
    (course_map.check_fields, ({s: {"AI": "인공지능", "ML": "머신러닝", "DL": "딥러닝"}[f]
                                for s, f in FIELDS.items()},)),
    (course_map.check_fields, ({course_map.SYSTEM_NAMES_KO[s]: f for s, f in FIELDS.items()},)),
    (course_map.check_nesting, ("예", "네", "아니오")),
    (course_map.check_nesting, ("참", "맞다", "거짓")),
    (course_map.check_road_map, ({"역전파": 6, "직접 작성한 규칙": "1번 노트북", "좌표 변환 찾기": "03",
                                  "AI 겨울": "노트북 8"},)),
    (learning_from_data.check_memorizer_scores, ({"훈련": 1.0, "테스트": 0.44},)),
    (learning_from_data.check_memorizer_scores, ({"훈련 정확도": "100 %", "테스트 정확도": 44},)),
    (representations.check_red_box, ({"빨강": (0.6, 1.0), "초록": (0.0, 0.4),
                                      "파랑": (0.0, 0.4)},)),
    (representations.check_red_box, ({"빨간색": (0.6, 1.0), "녹색": (0.0, 0.4),
                                      "파란색": (0.0, 0.4)},)),
    (representations.check_coordinate_change, ({"각도": -40, "x 이동": -1.1, "y 이동": 0},)),
    (layers_of_representations.check_deep_meaning, ("b번",)),
    (layers_of_representations.check_deep_meaning, ("보기 b",)),
    (digits_through_the_layers.check_most_confused, ("8을 1로",)),
    (digits_through_the_layers.check_most_confused, ("실제 8, 예측 1",)),
    (achievements_and_ai_winters.check_event_order, ("순서: BDFAEC",)),
]

KOREAN_WRONG = [
    (symbolic_ai.check_running_example_rules, ("만약 x > 3 이면 검은색\n그 밖에는 흰색",), "0.5"),
    (symbolic_ai.check_running_example_rules, ("만약 x > 1.8 이면 빨강",), "unknown label"),
    (symbolic_ai.check_zero_or_one, ("만약 pixel[4,3] < 0.3 이면 0\n그 밖에는 1",), "0.95"),
    (course_map.check_fields, ({s: "머신러닝" for s in FIELDS},), "2"),
    (course_map.check_nesting, ("예", "예", "예"), "chess"),
    (course_map.check_nesting, ("아니오", "예", "아니오"), "from data too"),
    (course_map.check_road_map, ({"역전파": 5, "직접 작성한 규칙": 1, "좌표 변환 찾기": 3,
                                  "AI 겨울": 8},), "05"),
    (representations.check_red_box, ({"빨강": (0.5, 1.0), "초록": (0.0, 0.6),
                                      "파랑": (0.0, 0.4)},), "Narrow"),
    (layers_of_representations.check_deep_meaning, ("a번",), "understanding"),
    (digits_through_the_layers.check_most_confused, ("1을 8로",), "wrong way round"),
]


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("check, args", KOREAN_RIGHT)
def test_korean_answer_forms_are_right_in_both_languages(language, check, args):
    i18n.set_language(language)
    feedback = check(*args)
    assert feedback.passed, repr(feedback)
    if language == "ko":
        assert_korean(feedback)


@pytest.mark.parametrize("check, args, words", KOREAN_WRONG)
def test_korean_answer_forms_that_are_wrong_get_the_english_reason(check, args, words):
    feedback = check(*args)
    assert not feedback.passed and words in repr(feedback), repr(feedback)


@pytest.mark.parametrize("check, args, _words", KOREAN_WRONG)
def test_korean_answer_forms_that_are_wrong_in_korean(korean, check, args, _words):
    feedback = check(*args)
    assert not feedback.passed
    assert_korean(feedback)


def test_korean_rules_read_like_the_english_ones():
    read = symbolic_ai._clean_line
    assert read("만약 x > 1.5 이면 검은색") == "if x > 1.5 then black"
    assert read("x > 1 이고 y > 0이면 검정") == "if x > 1 and y > 0 then black"
    assert read("만약 x > 1, y > 0 이면 검은색") == "if x > 1 and y > 0 then black"
    assert read("만약 pixel[2, 3] > 0.5 이면 1") == "if pixel[2,3] > 0.5 then 1"
    assert read("그 밖에는 흰색") == read("그밖에는: 하양") == read("나머지는 흰색") == "otherwise white"
    assert read("If X > 1, Y > 0 Then Black") == "if x > 1, y > 0 then black"   # English as before


def test_the_korean_examples_in_the_messages_are_answers_the_checker_reads(korean):
    for example in (symbolic_ai._RUNNING_EXAMPLE, symbolic_ai._ZERO_ONE_EXAMPLE):
        assert i18n._(example) != example
        assert symbolic_ai._clean_line(i18n._(example)) == example


def test_korean_names_of_systems_and_topics_are_the_ones_the_catalog_shows(korean):
    for english, korean_name in course_map.SYSTEM_NAMES_KO.items():
        assert i18n._(english) == korean_name
    for english, korean_name in course_map.TOPIC_NAMES_KO.items():
        assert i18n._(english) == korean_name


def test_korean_reflections_are_long_enough_with_fewer_words():
    short_korean = ("규칙을 사람이 직접 써서 실패했다", "데이터와 계산 능력이 늘었다",
                    "과열이 다시 올 수 있다")
    assert achievements_and_ai_winters.check_reflection(*short_korean).kind == "compare"
    two_words = achievements_and_ai_winters.check_reflection("규칙 때문", *short_korean[1:])
    assert two_words.kind == "not yet" and "at least 3 words" in two_words.message


# ----- English unchanged --------------------------------------------------------------------------
def test_english_is_unchanged_after_korean():
    i18n.set_language("ko")
    i18n.set_language("en")
    feedback = symbolic_ai.check_running_example_rules(None)
    assert repr(feedback).startswith("✗ Not yet: no answer yet: replace None with your answer")
    assert " Hint: start from 'if x > 0 then black'" in repr(feedback)
    assert repr(course_map.check_nesting("예", "네", "아니오")) == \
        "✓ Correct: DL ⊂ ML ⊂ AI, and symbolic AI is AI without learning."
    junk = classical_ml.check_split_impurity({"a": 1})
    assert junk.message == "the answer should be a number, got a dict: {'a': 1}."


def test_the_drawing_network_is_the_reference_one():
    # check_drawing's worked solution above is read as a 7 by the course's network
    model = networks.digits_network()
    assert int(model.predict_classes(_worked_seven().reshape(1, 64))[0]) == 7
