import numpy as np
import pytest

from helpers import scoreboard


def test_entry_registers_and_show_recomputes():
    calls = []

    @scoreboard.entry(99, "spiral", "test approach", "nothing")
    def _row():
        calls.append(1)
        return 0.5

    try:
        board = scoreboard.show("spiral")
        row = [r for r in board.records() if r["approach"] == "test approach"][0]
        assert row["test accuracy"] == "0.500" and row["notebook"] == "99"
        assert "test approach" in repr(board) and "<table>" in board._repr_html_()
        assert scoreboard.show("spiral", upto=98).records() == [
            r for r in board.records() if r["notebook"] != "99"]
        assert calls == [1]
    finally:
        scoreboard._ROWS[:] = [r for r in scoreboard._ROWS if r.notebook != 99]


def test_unknown_task_is_refused():
    with pytest.raises(ValueError, match="running example"):
        scoreboard.entry(1, "cats vs dogs", "x", "y")


def test_fixed_splits_are_fixed_and_disjoint():
    a = scoreboard.running_example_split()
    assert a is scoreboard.running_example_split()
    X_train, _, X_test, _ = a
    assert not (set(map(tuple, X_train)) & set(map(tuple, X_test)))


def test_reference_network_rows_are_real_test_accuracies():
    from helpers import networks
    X_train, y_train, X_test, y_test = scoreboard.digits_split()
    model = networks.digits_network()
    acc = np.mean(model.predict(X_test).argmax(1) == y_test)
    rows = {r.approach: r for r in scoreboard.rows("digits") if r.notebook == 7}
    assert len(rows) == 1
    assert list(rows.values())[0].accuracy == acc >= 0.97


def test_every_contributor_exists_and_registers_a_row():
    scoreboard.rows()                                    # imports every contributor
    modules = {r.compute.__module__ for r in scoreboard._ROWS}
    for name in scoreboard._CONTRIBUTORS:
        assert f"helpers.{name}" in modules, name
