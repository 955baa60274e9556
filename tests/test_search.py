import numpy as np
import pytest
from sklearn.tree import DecisionTreeClassifier

from helpers import datasets, scoreboard
from helpers.estimator import NotFittedError
from helpers.search import (CoordinateSearch, Memorizer, RuleSearch, ThresholdRule, accuracy,
                            accuracy_landscape, candidate_rules, change_coordinates, error_count,
                            x_rule_accuracy)


def split():
    return scoreboard.running_example_split()


def brute_force_best(X, y):
    """Independent reference: the best accuracy of any single threshold, via sorting and
    cumulative counts instead of trying rule objects."""
    best = 0.0
    n = len(y)
    for k in range(X.shape[1]):
        order = np.argsort(X[:, k], kind="stable")
        values, labels = X[order, k], y[order]
        # cut after position i (i = 0..n): left part answers one colour, right part the other
        ones_left = np.concatenate([[0], np.cumsum(labels)])
        zeros_left = np.arange(n + 1) - ones_left
        ones_right, zeros_right = labels.sum() - ones_left, (n - labels.sum()) - zeros_left
        valid = np.concatenate([[True], values[1:] != values[:-1], [True]])
        right_black = (zeros_left + ones_right) / n
        right_white = (ones_left + zeros_right) / n
        best = max(best, right_black[valid].max(), right_white[valid].max())
    return best


def test_measures_by_hand():
    assert accuracy([0, 1, 1, 0], [0, 1, 0, 0]) == 0.75
    assert error_count([0, 1, 1, 0], [1, 1, 0, 0]) == 2
    with pytest.raises(ValueError, match="labels but X has|labels"):
        accuracy([0, 1], [0, 1, 1])


def test_threshold_rule_predicts_and_reads():
    X = np.array([[0.2, 5.0], [0.8, -1.0]])
    assert ThresholdRule(0, 0.5).predict(X).tolist() == [0, 1]
    assert ThresholdRule(1, 0.0, above=0).predict(X).tolist() == [0, 1]
    assert repr(ThresholdRule(0, 0.5)) == "x > 0.500 → black (otherwise white)"
    with pytest.raises(ValueError, match="above"):
        ThresholdRule(0, 0.5, above=2)
    with pytest.raises(TypeError, match="threshold"):
        ThresholdRule(0, "high")
    with pytest.raises(ValueError, match="column"):
        ThresholdRule(3, 0.0).predict(X)


def test_candidate_rules_cover_every_gap_both_ways():
    X = np.array([[0.0, 1.0], [1.0, 1.0], [3.0, 2.0]])
    rules = candidate_rules(X)
    # x: cuts 0.5 and 2.0; y: cut 1.5; each in two directions
    assert len(rules) == 2 * 2 + 1 * 2
    assert ThresholdRule(0, 2.0, above=0) in rules
    random_rules = candidate_rules(X, n_random=10, seed=3)
    assert len(random_rules) == 10 and random_rules == candidate_rules(X, n_random=10, seed=3)


def test_rule_search_finds_the_best_threshold():
    X_train, y_train, X_test, y_test = split()
    learner = RuleSearch().fit(X_train, y_train)
    assert learner is not None and hasattr(learner, "rule_")
    assert learner.train_score_ == pytest.approx(brute_force_best(X_train, y_train))
    # scikit-learn's depth-1 tree picks its cut by impurity, not accuracy: never better
    stump = DecisionTreeClassifier(max_depth=1, random_state=0).fit(X_train, y_train)
    assert learner.train_score_ >= stump.score(X_train, y_train) - 1e-12
    assert learner.score(X_train, y_train) == pytest.approx(learner.train_score_)
    assert np.all(np.diff(learner.best_so_far_) >= 0)
    assert learner.best_so_far_[-1] == learner.train_score_
    errors = RuleSearch(measure="errors").fit(X_train, y_train)
    assert errors.train_score_ == round((1 - learner.train_score_) * len(y_train))
    assert np.all(np.diff(errors.best_so_far_) <= 0)


def test_rule_search_random_candidates_seeded_and_bad_input():
    X_train, y_train, _, _ = split()
    a = RuleSearch(n_candidates=50, seed=1).fit(X_train, y_train)
    b = RuleSearch(n_candidates=50, seed=1).fit(X_train, y_train)
    assert a.rule_ == b.rule_ and len(a.scores_) == 50
    assert a.train_score_ <= RuleSearch().fit(X_train, y_train).train_score_
    with pytest.raises(ValueError, match="measure"):
        RuleSearch(measure="fun").fit(X_train, y_train)
    with pytest.raises(NotFittedError, match="fit"):
        RuleSearch().predict(X_train)
    with pytest.raises(ValueError, match="2-D"):
        RuleSearch().fit(X_train[:, 0], y_train)


def test_memorizer_perfect_on_training_chance_on_new():
    X_train, y_train, X_test, y_test = split()
    m = Memorizer(seed=0).fit(X_train, y_train)
    assert m.score(X_train, y_train) == 1.0
    assert 0.3 < m.score(X_test, y_test) < 0.7
    X_far, y_far = datasets.two_class_points(n=2000, noise=0.35, seed=99)
    assert abs(m.score(X_far, y_far) - 0.5) < 0.05      # chance on lots of new points
    assert m.predict(X_test).tolist() == m.predict(X_test).tolist()
    with pytest.raises(NotFittedError, match="fit"):
        Memorizer().predict(X_test)


def test_change_coordinates_undoes_the_data_generation():
    X, y = datasets.two_class_points(n=300, noise=0.0, seed=1)
    angle = datasets.TWO_CLASS_ANGLE
    # rotate(shift(X, -offset), -angle) equals rotate by -angle then shift by -R(-angle)·offset
    t = np.deg2rad(-angle)
    ox, oy = datasets.TWO_CLASS_OFFSET
    dx, dy = -(ox * np.cos(t) - oy * np.sin(t)), -(ox * np.sin(t) + oy * np.cos(t))
    assert x_rule_accuracy(change_coordinates(X, -angle, dx, dy), y) == 1.0
    assert change_coordinates(np.array([[1.0, 0.0]]), 90, 0.5, 0.0) == pytest.approx(
        np.array([[0.5, 1.0]]))


def test_accuracy_landscape_matches_direct_computation():
    X_train, y_train, _, _ = split()
    angles, shifts = np.array([-40.0, 0.0, 130.0]), np.array([-1.0, 0.0, 0.7])
    land = accuracy_landscape(X_train, y_train, angles, shifts)
    for i, a in enumerate(angles):
        for j, s in enumerate(shifts):
            assert land[i, j] == pytest.approx(
                x_rule_accuracy(change_coordinates(X_train, a, s), y_train))


def test_coordinate_search_reaches_95_percent_and_records_steps():
    X_train, y_train, X_test, y_test = split()
    s = CoordinateSearch(seed=0).fit(X_train, y_train)
    assert s.train_accuracy_ >= 0.95
    assert s.score(X_train, y_train) == pytest.approx(s.train_accuracy_)
    assert s.score(X_test, y_test) >= 0.9
    n = s.n_steps + 1
    assert s.proposals_.shape == (n, 2) and s.scores_.shape == (n,) and s.path_.shape == (n, 2)
    assert np.all(np.diff(s.best_so_far_) >= 0)
    kept = s.accepted_
    assert np.allclose(s.proposals_[kept][1:], s.path_[kept][1:])
    step = s.first_step_reaching(0.95)
    assert s.best_so_far_[step] >= 0.95 and s.best_so_far_[step - 1] < 0.95
    assert s.improvements()[0] == 0
    assert -180 < s.angle_ <= 180 and s.shift_[1] == 0.0
    # reproducible, and different seeds search differently
    again = CoordinateSearch(seed=0).fit(X_train, y_train)
    assert again.angle_ == s.angle_
    assert CoordinateSearch(seed=1).fit(X_train, y_train).angle_ != s.angle_


def test_coordinate_search_bad_settings():
    X_train, y_train, _, _ = split()
    with pytest.raises(ValueError, match="start"):
        CoordinateSearch(start=(1, 2, 3)).fit(X_train, y_train)
    with pytest.raises(TypeError, match="n_steps"):
        CoordinateSearch(n_steps=2.5).fit(X_train, y_train)
    with pytest.raises(ValueError, match="expects 2"):
        CoordinateSearch().fit(np.ones((5, 3)), [0, 1, 0, 1, 0])
    with pytest.raises(NotFittedError, match="fit"):
        CoordinateSearch().transform(X_train)


def test_scoreboard_rows():
    rows = {r.approach: r for r in scoreboard.rows("running example", upto=3)}
    X_train, y_train, X_test, y_test = split()
    stump = rows["best single threshold rule (search)"]
    assert stump.notebook == 2
    assert stump.accuracy == pytest.approx(RuleSearch().fit(X_train, y_train).score(X_test,
                                                                                      y_test))
    coord = rows["coordinate change found by search + x > 0"]
    assert coord.notebook == 3 and coord.accuracy >= 0.9
