from helpers.exercises import course_map as ex

# The worked solutions of notebook 00, typed out independently of the checker's answer key.
FIELDS_SOLUTION = {
    "chess program whose moves come from rules its programmers wrote": "AI",
    "spam filter that learns how much each word counts from emails people labelled": "ML",
    "20-layer network that learns to read handwritten digits from examples": "DL",
    "expert system of 2,000 if-then rules a doctor dictated for diagnosing infections": "AI",
    "decision tree fitted to a bank's past loan decisions": "ML",
}
ROAD_MAP_SOLUTION = {"backpropagation": 6, "hand-written rules": 1,
                     "searching for a change of coordinates": 3, "the AI winters": 8}


def test_the_answers_are_not_shown_to_the_learner():
    assert isinstance(ex.SYSTEMS, tuple) and set(ex.SYSTEMS) == set(FIELDS_SOLUTION)
    assert isinstance(ex.TOPICS, tuple) and set(ex.TOPICS) == set(ROAD_MAP_SOLUTION)


def test_fields_solution_passes_and_wrong_answers_get_hints():
    assert ex.check_fields(dict(FIELDS_SOLUTION))
    assert "no answer yet" in repr(ex.check_fields(None))
    wrong = dict(FIELDS_SOLUTION)
    wrong["chess program whose moves come from rules its programmers wrote"] = "ML"
    feedback = ex.check_fields(wrong)
    assert not feedback and "Nobody learned anything" in feedback.hint
    wrong = {s: ("ML" if f == "DL" else f) for s, f in FIELDS_SOLUTION.items()}
    assert "many layers" in ex.check_fields(wrong).hint
    assert "not one of" in repr(ex.check_fields({s: "NN" for s in ex.SYSTEMS}))
    assert "have no answer" in repr(ex.check_fields({}))
    assert ex.check_fields({s: f.lower() for s, f in FIELDS_SOLUTION.items()})


def test_nesting():
    assert ex.check_nesting(True, True, False)
    assert "no answer" in repr(ex.check_nesting(None, None, None))
    assert "chess" in ex.check_nesting(True, True, True).hint
    assert "learn their rules" in ex.check_nesting(False, True, False).hint
    assert not ex.check_nesting("yes", True, False)


def test_road_map():
    assert ex.check_road_map(dict(ROAD_MAP_SOLUTION))
    assert ex.check_road_map(dict(ROAD_MAP_SOLUTION, backpropagation="06"))
    wrong = dict(ROAD_MAP_SOLUTION, backpropagation=5)
    assert "notebook 05" in repr(ex.check_road_map(wrong))
    assert "whole number" in repr(ex.check_road_map(dict(ROAD_MAP_SOLUTION, backpropagation=6.5)))
    assert not ex.check_road_map({"backpropagation": 6})
    assert "no answer yet" in repr(ex.check_road_map(None))


def test_feedback_renders_as_text_and_html():
    good, bad = ex.check_nesting(True, True, False), ex.check_nesting(True, True, True)
    assert repr(good).startswith("✓ Correct:") and repr(bad).startswith("✗ Not yet:")
    assert "Hint:" in bad._repr_html_() and "Hint" not in good._repr_html_()
