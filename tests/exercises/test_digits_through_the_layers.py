"""Checkers of notebook 07: worked solutions pass, typical wrong answers get their hint."""
import numpy as np
import pytest

from helpers import networks, scoreboard
from helpers.exercises import digits_through_the_layers as ex

from ._junk import JUNK, assert_turns_down


@pytest.fixture(scope="module")
def X_test():
    return scoreboard.digits_split()[2]


@pytest.mark.parametrize("check", [ex.check_most_confused, ex.check_pca_projection,
                                   ex.check_drawing])
def test_no_answer_gets_a_friendly_not_yet(check):
    feedback = check(None)
    assert not feedback
    assert repr(feedback).startswith("✗ Not yet: no answer yet")


@pytest.mark.parametrize("check", [ex.check_most_confused, ex.check_pca_projection,
                                   ex.check_drawing])
@pytest.mark.parametrize("name", sorted(JUNK))
def test_junk(check, name):
    assert_turns_down(check, JUNK[name])


def test_optional_exercise_is_marked():
    assert "Optional" in ex.check_pca_projection.__doc__
    assert "going further" in ex.check_pca_projection.__doc__


# ----- exercise 1: the most confused pair --------------------------------------------------------
def test_most_confused_solution_passes():
    # worked solution, as in the notebook
    model = networks.digits_network()
    _, _, X, y = scoreboard.digits_split()
    from helpers.digits import confusion_matrix
    cm = confusion_matrix(y, model.predict_classes(X), n_classes=10)
    off = cm - np.diag(np.diag(cm))
    answer = tuple(int(v) for v in np.unravel_index(off.argmax(), off.shape))
    assert answer == (8, 1)                 # checked by eye in the notebook's figure too
    assert ex.check_most_confused(answer)
    for form in ([8, 1], "8, 1", "(8, 1)", "8 -> 1", np.array([8, 1]), (8.0, 1.0)):
        assert ex.check_most_confused(form), form


@pytest.mark.parametrize("answer, hint", [((1, 8), "wrong way round"),
                                          ((3, 3), "on the diagonal"),
                                          ((7, 8), "happens 1 time;"),
                                          ((2, 6), "never happens"),
                                          ("eight", "not a pair"),
                                          ((8.5, 1), "not a pair"),
                                          ((12, 1), "outside 0–9")])
def test_most_confused_wrong_answers(answer, hint):
    feedback = ex.check_most_confused(answer)
    assert not feedback
    assert hint in repr(feedback)


# ----- exercise 2: PCA by hand -------------------------------------------------------------------
def test_pca_solution_passes_and_sign_does_not_matter(X_test):
    Xc = X_test - X_test.mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    answer = Xc @ Vt[:2].T
    assert ex.check_pca_projection(answer)
    assert ex.check_pca_projection(answer * [-1, 1])
    assert ex.check_pca_projection(U[:, :2] * S[:2])
    from sklearn.decomposition import PCA
    assert ex.check_pca_projection(PCA(2).fit_transform(X_test))
    assert ex.check_pca_projection(answer.T)                 # the same numbers, transposed
    assert ex.check_pca_projection(answer.tolist())
    assert ex.check_pca_projection(np.round(answer, 3))      # 2 decimals are enough


def test_pca_typical_mistakes_get_their_hint(X_test):
    Xc = X_test - X_test.mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    _, _, Vt_raw = np.linalg.svd(X_test, full_matrices=False)
    cases = [(X_test @ Vt_raw[:2].T, "not centred"),
             (U[:, :2], "columns of U"),
             (Xc @ Vt[:, :2], "columns of Vt"),
             (X_test @ Vt[:2].T, "mean image was not subtracted"),
             (Xc @ Vt[:3].T, "shape"),
             (Xc[:, :2], "not the first two"),
             (np.full((len(X_test), 2), np.nan), "nan or inf"),
             ("abc", "not an array")]
    for answer, hint in cases:
        feedback = ex.check_pca_projection(answer)
        assert not feedback, hint
        assert hint in repr(feedback), (hint, repr(feedback))


# ----- exercise 3: draw a seven ------------------------------------------------------------------
def worked_seven():
    seven = np.zeros((8, 8))
    seven[1, 1:7] = 1                                   # the top bar
    for row, col in [(2, 6), (3, 5), (4, 5), (5, 4), (6, 4), (7, 3)]:
        seven[row, col] = 1                             # the slanted stroke
    return seven


def test_drawing_solution_passes_through_the_pad():
    from helpers.widgets import DrawingPad
    pad = DrawingPad(networks.digits_network())
    pad.set_image(worked_seven())
    assert pad.predict()[0] == 7
    assert ex.check_drawing(pad.pixels)
    assert ex.check_drawing(pad)                              # the pad itself
    assert ex.check_drawing(worked_seven().ravel().tolist())  # a flat list of 64 values
    assert ex.check_drawing(worked_seven().tolist())


def test_own_drawing_rule_measured_against_the_data():
    # independent count: the worked seven differs clearly from every bundled image in many squares
    X_train, _, X_test, _ = scoreboard.digits_split()
    images = np.vstack([X_train, X_test])
    differing = (np.abs(images - worked_seven().reshape(1, 64)) > 0.3).sum(axis=1)
    assert differing.min() >= 2 * ex.OWN_DRAWING_SQUARES - 1


def test_a_loaded_test_digit_barely_changed_is_not_your_own(X_test):
    from helpers.widgets import DrawingPad
    y_test = scoreboard.digits_split()[3]
    i = int(np.flatnonzero(y_test == 7)[0])
    pad = DrawingPad(networks.digits_network(), X_test, y_test)
    pad.load_digit(i)
    for row, col in [(0, 0), (0, 7), (7, 0)]:                  # three squares painted over
        pad.set_pixel(row, col, 1.0 - round(pad.get_pixel(row, col)))
    assert pad.predict()[0] == 7
    feedback = ex.check_drawing(pad.pixels)
    assert not feedback
    assert f"differs from test image {i} (a 7) in only 3 of the 64 squares" in feedback.message
    assert "paint a 7 yourself" in feedback.hint
    quantised = np.round(X_test[i] * 2) / 2                    # traced with the pad's grey levels
    assert "differs from" in ex.check_drawing(quantised).message or \
        "own images" in ex.check_drawing(quantised).message


def test_drawing_wrong_answers(X_test):
    y_test = scoreboard.digits_split()[3]
    one = np.zeros((8, 8))
    one[:, 3:5] = 1
    seven_from_data = X_test[np.flatnonzero(y_test == 7)[0]]
    ring = np.zeros((8, 8))
    ring[[1, 6], 2:6] = 1
    ring[1:7, [2, 5]] = 1                                       # a 0, drawn by hand
    small_seven = np.zeros((8, 8))
    small_seven[0, 0:3] = 1
    small_seven[1, 2] = small_seven[2, 1] = 1                   # a tiny 7 in a corner
    cases = [(np.zeros((8, 8)), "blank"),
             (ring, "sure this is a 0"),
             (small_seven, "spans only 3 of the 8 rows"),
             (seven_from_data, "data set's own images"),
             (np.ones(10), "64 squares"),
             (worked_seven() * 2, "outside 0"),
             ([["a"]], "not an array")]
    for answer, hint in cases:
        feedback = ex.check_drawing(answer)
        assert not feedback, hint
        assert hint in repr(feedback), (hint, repr(feedback))
    # a single straight 1 is as close to a bundled 1 as two bundled 1s are to each other
    assert "in only 1 of the 64 squares" in ex.check_drawing(one, digit=1).message
