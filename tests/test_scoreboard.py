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


def test_every_recorded_accuracy_is_what_its_row_computes_now():
    """The table shows recorded numbers; here every row is recomputed (its models retrained)
    and must give exactly the recorded accuracy. If this fails after a change to a model,
    run `python3 tools/record_scores.py` and check the notebooks' prose still fits."""
    rows = scoreboard.rows()
    recorded = scoreboard.recorded()
    assert {scoreboard.row_key(r) for r in rows} == set(recorded), \
        "scores.json and the registered rows differ: run python3 tools/record_scores.py"
    for row in rows:
        assert row.recomputed == pytest.approx(recorded[scoreboard.row_key(row)], abs=1e-12), \
            scoreboard.row_key(row)


def test_recorded_numbers_are_shown_and_recompute_computes(monkeypatch):
    calls = []

    @scoreboard.entry(98, "spiral", "recorded approach", "nothing")
    def _row():
        calls.append(1)
        return 0.25
    _row.__module__ = "helpers.networks"        # recorded numbers are for the package's rows

    try:
        monkeypatch.setattr(scoreboard, "recorded",
                            lambda: {"98 | spiral | recorded approach": 0.75})
        shown = [r for r in scoreboard.show("spiral").records()
                 if r["approach"] == "recorded approach"][0]
        assert shown["test accuracy"] == "0.750" and calls == []
        fresh = [r for r in scoreboard.show("spiral", recompute=True).records()
                 if r["approach"] == "recorded approach"][0]
        assert fresh["test accuracy"] == "0.250" and calls == [1]
    finally:
        scoreboard._ROWS[:] = [r for r in scoreboard._ROWS if r.notebook != 98]


def test_a_row_registered_from_a_notebook_is_computed_even_under_a_recorded_name():
    row = scoreboard.rows(task="digits", upto=4)[-1]          # one of the package's rows
    key = (row.notebook, row.task, row.approach)

    def learners_version():
        return 0.123
    learners_version.__module__ = "__main__"                  # as defined in a notebook cell

    try:
        scoreboard.entry(row.notebook, row.task, row.approach, row.handcrafted)(
            learners_version)
        shown = [r for r in scoreboard.show("digits").records()
                 if (int(r["notebook"]), r["task"], r["approach"]) == key][0]
        assert shown["test accuracy"] == "0.123"
    finally:
        scoreboard.entry(row.notebook, row.task, row.approach, row.handcrafted)(row.compute)
    restored = [r for r in scoreboard.show("digits").records()
                if (int(r["notebook"]), r["task"], r["approach"]) == key][0]
    assert restored["test accuracy"] == f"{scoreboard.recorded()[scoreboard.row_key(row)]:.3f}"
