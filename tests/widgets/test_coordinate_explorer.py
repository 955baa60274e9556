import time

import numpy as np
import pytest

from helpers import scoreboard
from helpers.representations import rotate, shift
from helpers.widgets import CoordinateExplorer


def expected_accuracy(X, y, angle, dx, dy):
    """Reference computed without helpers.search: rotate, shift, then x > 0 → black."""
    new = shift(rotate(X, angle), (dx, dy))
    return float(np.mean((new[:, 0] > 0).astype(int) == y))


def test_starts_on_the_running_example_training_split():
    X_train, y_train, _, _ = scoreboard.running_example_split()
    e = CoordinateExplorer()
    assert len(e.X) == len(X_train)
    assert e.accuracy == pytest.approx(np.mean((X_train[:, 0] > 0) == y_train))
    assert e.summary().startswith("CoordinateExplorer: rotate 0°, shift (0.00, 0.00)")
    assert f"{e.accuracy:.3f}" in e.status.value


def test_slider_moves_points_and_updates_the_label():
    e = CoordinateExplorer()
    before_status, before_offsets = e.status.value, e.artists["after"][1].get_offsets().copy()
    renders = e.view.renders
    e.angle_slider.value = -40
    assert e.status.value != before_status
    assert not np.allclose(e.artists["after"][1].get_offsets(), before_offsets)
    assert e.view.renders == renders + 1
    e.dx_slider.value = -1.1
    assert e.accuracy == pytest.approx(expected_accuracy(e.X, e.y, -40, -1.1, 0.0))
    assert e.accuracy >= 0.95 and "0.950" in e.status.value
    black = e.artists["after"][1].get_offsets()
    assert np.allclose(black, shift(rotate(e.X[e.y == 1], -40), (-1.1, 0.0)))


def test_shift_y_never_changes_the_accuracy_but_moves_points():
    e = CoordinateExplorer(angle=25, dx=0.3)
    acc = e.accuracy
    offsets = e.artists["after"][0].get_offsets().copy()
    e.dy_slider.value = 2.0
    assert e.accuracy == acc
    assert not np.allclose(e.artists["after"][0].get_offsets(), offsets)


def test_boundary_line_is_where_new_x_is_zero():
    e = CoordinateExplorer()
    e.set_transform(angle=-35, dx=-0.8, dy=0.4)
    xs, ys = e.artists["boundary"].get_data()
    on_line = np.column_stack([xs, ys])
    assert np.allclose(shift(rotate(on_line, -35), (-0.8, 0.4))[:, 0], 0.0, atol=1e-9)


def test_set_transform_redraws_once_and_refresh_is_fast():
    e = CoordinateExplorer()
    renders = e.view.renders
    e.set_transform(10, 0.5, -0.5)
    assert e.view.renders == renders + 1
    assert (e.angle, e.dx, e.dy) == (10, 0.5, -0.5)
    start = time.perf_counter()
    for angle in range(5):
        e.angle_slider.value = angle
    per_refresh_ms = (time.perf_counter() - start) / 5 * 1000
    # about 40-60 ms on an idle 2-core machine; the bound leaves room for a busy one
    assert per_refresh_ms < 400


def test_custom_data_and_bad_data():
    X = np.array([[1.0, 0.0], [-1.0, 0.0], [2.0, 1.0], [-2.0, 1.0]])
    y = np.array([1, 0, 1, 0])
    e = CoordinateExplorer(X, y)
    assert e.accuracy == 1.0
    e.angle_slider.value = 180
    assert e.accuracy == 0.0
    with pytest.raises(ValueError, match="2"):
        CoordinateExplorer(np.ones((4, 3)), y)
    with pytest.raises(ValueError, match="labels"):
        CoordinateExplorer(X, y[:3])


def test_displays_with_png_and_summary():
    bundle, _ = CoordinateExplorer()._repr_mimebundle_()
    assert bundle["text/plain"].startswith("CoordinateExplorer:")
    assert bundle["image/png"][:4] == b"\x89PNG"


def test_starts_unsolved_and_a_solved_demonstration_is_its_own_instance():
    learner = CoordinateExplorer()
    assert (learner.angle, learner.dx, learner.dy) == (0.0, 0.0, 0.0)
    assert learner.accuracy < 0.95                      # exercise 3 is not done for the learner
    shown = CoordinateExplorer(angle=-42, dx=-0.99)     # what the search found, shown apart
    assert shown.accuracy >= 0.95
    assert learner.accuracy < 0.95 and learner.angle == 0.0
