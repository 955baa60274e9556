"""Tests for helpers.rule_lists: the rule-list classifier and the hand-written rules.

References are independent: predictions are recomputed with explicit loops or NumPy masks
written here, accuracies with scikit-learn.
"""
import numpy as np
import pytest
from sklearn.metrics import accuracy_score

from helpers import datasets, representations, rule_lists, scoreboard
from helpers.rule_lists import PIXEL_NAMES, Condition, Rule, RuleList, parse_rule


def loop_predict(X, rule_specs, default):
    """Reference: apply (conditions, label) rules point by point, first match wins."""
    ops = {">": lambda a, b: a > b, "<": lambda a, b: a < b,
           ">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b}
    out = []
    for point in X:
        label = default
        for conditions, rule_label in rule_specs:
            if all(ops[op](point[feature], t) for feature, op, t in conditions):
                label = rule_label
                break
        out.append(label)
    return np.array(out)


# -- parsing and text --------------------------------------------------------------------------

def test_parse_rule_reads_conditions_and_label():
    rule = parse_rule("if x > 0.3 and y <= -1.2 then black")
    assert rule.label == 1
    assert rule.conditions == (Condition("x", ">", 0.3), Condition("y", "<=", -1.2))
    assert rule.text(("white", "black")) == "if x > 0.3 and y <= -1.2 then black"


def test_rule_text_round_trips_and_rounds_thresholds():
    rule = Rule((Condition("x", ">", 0.1 + 0.2),), 0)       # 0.30000000000000004
    assert rule.text(("white", "black")) == "if x > 0.3 then white"
    assert parse_rule(rule.text(("white", "black"))) == Rule((Condition("x", ">", 0.3),), 0)


@pytest.mark.parametrize("text, words", [
    ("x > 0.3 then black", "cannot read the rule"),
    ("if x => 0.3 then black", "cannot read the condition"),
    ("if z > 0.3 then black", "unknown feature 'z'"),
    ("if x > abc then black", "not a number"),
    ("if x > 0.3 then grey", "unknown label 'grey'"),
])
def test_parse_rule_errors_name_the_problem(text, words):
    with pytest.raises(ValueError, match=words):
        parse_rule(text)


def test_bad_inputs_raise_clear_errors():
    with pytest.raises(TypeError, match="written as text"):
        parse_rule(3)
    with pytest.raises(ValueError, match="unknown comparison"):
        Condition("x", "=", 1.0)
    with pytest.raises(ValueError, match="finite"):
        Condition("x", ">", float("nan"))
    with pytest.raises(ValueError, match="at least one condition"):
        Rule((), 1)
    with pytest.raises(ValueError, match="a label must be one of white, black"):
        RuleList(default=5)
    with pytest.raises(IndexError, match="no rule number 3"):
        RuleList(["if x > 0 then black"]).remove(3)
    with pytest.raises(IndexError, match="empty"):
        RuleList().remove()
    with pytest.raises(ValueError, match="2 feature column"):
        RuleList(["if x > 0 then black"]).predict(np.zeros((4, 3)))
    with pytest.raises(ValueError, match="1-D"):
        RuleList(["if x > 0 then black"]).predict(np.zeros(4))
    with pytest.raises(ValueError, match="otherwise LABEL"):
        RuleList.from_text("if x > 0 then black\notherwise")


def test_from_text_reads_default_and_skips_comments():
    rl = RuleList.from_text("""
        # a comment
        if x > 1 then black
        if y < -1 then black
        otherwise white
    """)
    assert rl.n_rules == len(rl) == 2
    assert rl.default == 0
    assert rl.lines() == ["0. if x > 1 then black", "1. if y < -1 then black",
                          "otherwise white"]
    assert "RuleList with 2 rules:" in repr(rl)


# -- classifying -------------------------------------------------------------------------------

def test_predict_matches_point_by_point_reference_first_match_wins():
    rng = np.random.default_rng(0)
    X = rng.normal(0, 1.5, (300, 2))
    # overlapping rules with different labels: order matters
    text = ["if x > 0 and y > 0 then black", "if x > -1 then white", "if y < 0.5 then black"]
    rl = RuleList(text, default="white")
    specs = [([(0, ">", 0.0), (1, ">", 0.0)], 1), ([(0, ">", -1.0)], 0), ([(1, "<", 0.5)], 1)]
    np.testing.assert_array_equal(rl.predict(X), loop_predict(X, specs, 0))
    reversed_rl = RuleList(text[::-1], default="white")
    assert not np.array_equal(reversed_rl.predict(X), rl.predict(X))


def test_score_equals_sklearn_accuracy_and_report_counts_add_up():
    X, y, _, _ = scoreboard.running_example_split()
    rl = rule_lists.running_example_rules()
    assert rl.score(X, y) == pytest.approx(accuracy_score(y, rl.predict(X)))
    report = rl.report(X, y)
    assert len(report) == rl.n_rules + 1
    assert sum(decided for _, decided, _ in report) == len(y)
    assert sum(right for _, _, right in report) == int(round(rl.score(X, y) * len(y)))
    # rule 0 "if x > 2.2 then black", counted by hand
    hit = X[:, 0] > 2.2
    assert report[0] == ("if x > 2.2 then black", int(hit.sum()), int(np.sum(y[hit] == 1)))


def test_deciding_rule_marks_default_with_minus_one():
    rl = RuleList(["if x > 1 then black", "if y > 1 then black"], default="white")
    X = np.array([[2.0, 0.0], [0.0, 2.0], [0.0, 0.0], [2.0, 2.0]])
    np.testing.assert_array_equal(rl.deciding_rule(X), [0, 1, -1, 0])
    np.testing.assert_array_equal(rl.predict(X), [1, 1, 0, 1])


def test_editing_methods():
    rl = RuleList(["if x > 1 then black"], default="white")
    rl.insert(0, "if y > 5 then white").replace(1, "if x > 2 then black").set_default("black")
    assert [r.text(rl.label_names) for r in rl.rules] == ["if y > 5 then white",
                                                          "if x > 2 then black"]
    assert rl.default == 1
    removed = rl.remove(0)
    assert removed.label == 0 and rl.n_rules == 1
    copy = rl.copy()
    copy.add("if y < 0 then white")
    assert rl.n_rules == 1 and copy.n_rules == 2


def test_one_threshold_on_x_gets_about_two_thirds_of_the_running_example():
    X, y, _, _ = scoreboard.running_example_split()
    acc = RuleList(["if x > 0 then black"], default="white").score(X, y)
    assert acc == pytest.approx(np.mean((X[:, 0] > 0) == y))
    assert 0.6 < acc < 0.72
    # in the undone coordinates the same single rule is nearly perfect: the data is fine,
    # the representation is the problem
    good = representations.rotate(representations.shift(X, -np.array(
        datasets.TWO_CLASS_OFFSET)), -datasets.TWO_CLASS_ANGLE)
    assert RuleList(["if x > 0 then black"], default="white").score(good, y) > 0.9


# -- the hand-written rules and the scoreboard -------------------------------------------------

def notebook_01_rows():
    """The rows helpers.rule_lists registered (read directly, so other modules are not imported)."""
    return {(r.task, r.approach): r for r in scoreboard._ROWS if r.notebook == 1}


def test_running_example_rules_and_scoreboard_row():
    _, _, X_test, y_test = scoreboard.running_example_split()
    x, yy = X_test[:, 0], X_test[:, 1]
    staircase = (x > 2.2) | ((x > 1.4) & (yy > 0)) | ((x > 0.6) & (yy > 1)) | \
        ((x > -0.2) & (yy > 2))
    expected = np.mean(staircase.astype(int) == y_test)
    assert rule_lists.running_example_rules().n_rules == 4
    row = notebook_01_rows()
    assert row[("running example", "hand-written rules")].accuracy == pytest.approx(expected)
    assert expected > 0.85


def test_digit_rules_grow_then_stall_and_match_scoreboard():
    X_train, y_train, X_test, y_test = scoreboard.digits_split()
    total = len(rule_lists.DIGIT_RULES) - 1
    acc = [rule_lists.digit_rules(n).score(X_test, y_test) for n in range(total + 1)]
    assert acc[0] == pytest.approx(np.mean(y_test == 1))           # only the default: "1"
    assert acc[10] > acc[5] > acc[0] + 0.2
    assert acc[total] - acc[10] < 0.1                              # ten more rules, little gain
    assert acc[total] < 0.7
    row = notebook_01_rows()
    assert row[("digits", "hand-written rules")].accuracy == pytest.approx(acc[total])
    # the first rule by hand: a hole in the middle (row 4, column 3) with ink left and right
    first = (X_test[:, 4 * 8 + 3] < 0.2) & (X_test[:, 4 * 8 + 2] > 0.3) & \
        (X_test[:, 4 * 8 + 5] > 0.3)
    np.testing.assert_array_equal(rule_lists.digit_rules(1).predict(X_test), np.where(first, 0, 1))


def test_digit_rules_argument_checked():
    with pytest.raises(ValueError, match="from 0 to"):
        rule_lists.digit_rules(99)
    with pytest.raises(ValueError, match="whole number"):
        rule_lists.digit_rules(2.5)
    assert PIXEL_NAMES[8 * 3 + 4] == "pixel[3,4]"
