"""Checkers of notebook 07: worked solutions pass, typical wrong answers get their hint."""
import numpy as np
import pytest

from helpers import networks, scoreboard
from helpers.exercises import digits_through_the_layers as ex


@pytest.fixture(scope="module")
def X_test():
    return scoreboard.digits_split()[2]


@pytest.mark.parametrize("check", [ex.check_most_confused, ex.check_pca_projection,
                                   ex.check_drawing])
def test_no_answer_gets_a_friendly_not_yet(check):
    feedback = check(None)
    assert not feedback
    assert repr(feedback).startswith("✗ Not yet: no answer yet")


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
    assert ex.check_most_confused([8, 1])


@pytest.mark.parametrize("answer, hint", [((1, 8), "wrong way round"),
                                          ((3, 3), "on the diagonal"),
                                          ((7, 8), "happens 1 time;"),
                                          ((2, 6), "never happens"),
                                          ("8,1", "not a pair"),
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


def test_drawing_wrong_answers(X_test):
    y_test = scoreboard.digits_split()[3]
    one = np.zeros((8, 8))
    one[:, 3:5] = 1
    seven_from_data = X_test[np.flatnonzero(y_test == 7)[0]]
    cases = [(np.zeros((8, 8)), "blank"),
             (one, "reads your drawing as a 1"),
             (seven_from_data, "data set's own images"),
             (np.ones(10), "64 squares"),
             (worked_seven() * 2, "outside 0"),
             ([["a"]], "not an array")]
    for answer, hint in cases:
        feedback = ex.check_drawing(answer)
        assert not feedback, hint
        assert hint in repr(feedback), (hint, repr(feedback))
    assert ex.check_drawing(one, digit=1)
