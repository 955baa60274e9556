from helpers import scoreboard
from helpers.exercises import representations as ex
from helpers.search import CoordinateSearch, x_rule_accuracy


def test_red_box_solution_and_hints():
    assert ex.check_red_box({"R": (0.6, 1.0), "G": (0.0, 0.4), "B": (0.0, 0.4)})
    assert "no answer yet" in repr(ex.check_red_box(None))
    too_wide = ex.check_red_box({"R": (0.5, 1.0), "G": (0.0, 0.6), "B": (0.0, 0.4)})
    assert not too_wide and "orange" in too_wide.message and "Narrow" in too_wide.hint
    too_narrow = ex.check_red_box({"R": (0.8, 1.0), "G": (0.0, 0.4), "B": (0.0, 0.4)})
    assert not too_narrow and "miss" in too_narrow.message and "widen" in too_narrow.hint
    assert "smaller number first" in ex.check_red_box({"R": (1.0, 0.6)}).message
    assert not ex.check_red_box([0.6, 1.0])


def test_vivid_threshold_solution_and_hints():
    assert ex.check_vivid_threshold(0.45)
    assert "no answer yet" in repr(ex.check_vivid_threshold(None))
    assert "Lower" in ex.check_vivid_threshold(0.7).hint
    low = ex.check_vivid_threshold(0.1)
    assert "pink" in low.message and "Raise" in low.hint
    assert "between 0 and 1" in ex.check_vivid_threshold(3).message


def test_coordinate_change_solution_and_hints():
    assert ex.check_coordinate_change((-40, -1.1, 0.0))
    assert "no answer yet" in repr(ex.check_coordinate_change(None))
    assert "180" in ex.check_coordinate_change((140, 1.1, 0.0)).hint
    assert "vertical" in ex.check_coordinate_change((0, 0, 0)).hint
    assert "three numbers" in ex.check_coordinate_change((1, 2)).message


def test_search_test_accuracy_solution_and_hints():
    X_train, y_train, X_test, y_test = scoreboard.running_example_split()
    search = CoordinateSearch(n_steps=200, seed=0).fit(X_train, y_train)
    answer = x_rule_accuracy(search.transform(X_test), y_test)
    assert ex.check_search_test_accuracy(answer)
    training = ex.check_search_test_accuracy(search.train_accuracy_)
    assert "training points" in training.message
    assert "not the test accuracy" in ex.check_search_test_accuracy(0.5).message
    as_percent = ex.check_search_test_accuracy(100 * answer)
    assert not as_percent and "between 0 and 1" in as_percent.hint
    assert "no answer yet" in repr(ex.check_search_test_accuracy(None))
