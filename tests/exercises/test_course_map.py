from helpers.exercises import course_map as ex


def test_fields_solution_passes_and_wrong_answers_get_hints():
    assert ex.check_fields(dict(ex.SYSTEMS))
    assert "no answer yet" in repr(ex.check_fields(None))
    wrong = dict(ex.SYSTEMS)
    first_ai = next(s for s, f in ex.SYSTEMS.items() if f == "AI")
    wrong[first_ai] = "ML"
    feedback = ex.check_fields(wrong)
    assert not feedback and "Nobody learned anything" in feedback.hint
    wrong = {s: ("ML" if f == "DL" else f) for s, f in ex.SYSTEMS.items()}
    assert "many layers" in ex.check_fields(wrong).hint
    assert "not one of" in repr(ex.check_fields({s: "NN" for s in ex.SYSTEMS}))
    assert "have no answer" in repr(ex.check_fields({}))
    assert ex.check_fields({s: f.lower() for s, f in ex.SYSTEMS.items()})


def test_nesting():
    assert ex.check_nesting(True, True, False)
    assert "no answer" in repr(ex.check_nesting(None, None, None))
    assert "chess" in ex.check_nesting(True, True, True).hint
    assert "learn their rules" in ex.check_nesting(False, True, False).hint
    assert not ex.check_nesting("yes", True, False)


def test_road_map():
    assert ex.check_road_map(dict(ex.TOPICS))
    wrong = dict(ex.TOPICS, backpropagation=5)
    assert "notebook 5" in repr(ex.check_road_map(wrong))
    assert not ex.check_road_map({"backpropagation": 6})


def test_feedback_renders_as_text_and_html():
    good, bad = ex.check_nesting(True, True, False), ex.check_nesting(True, True, True)
    assert repr(good).startswith("✓ Correct:") and repr(bad).startswith("✗ Not yet:")
    assert "Hint:" in bad._repr_html_() and "Hint" not in good._repr_html_()
