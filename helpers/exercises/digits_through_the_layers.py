"""Checkers for notebook 07, digits through the layers.

Every checker compares the learner's answer with the course's reference digits network
(``helpers.networks.digits_network()``) on the fixed test split, and explains what is off.
"""
import numpy as np

from ..digits import PCA, confusion_matrix
from .feedback import correct, not_yet, NO_ANSWER as _NO_ANSWER

__all__ = ["check_most_confused", "check_pca_projection", "check_drawing"]

def _a(digit):
    """The article for a digit's name: "an 8", "a 7"."""
    return f"an {digit}" if digit == 8 else f"a {digit}"


def _reference():
    from .. import networks, scoreboard
    return networks.digits_network(), scoreboard.digits_split()


def _reference_confusion():
    model, (_, _, X_test, y_test) = _reference()
    return confusion_matrix(y_test, model.predict_classes(X_test), n_classes=10)


# ----- exercise 1 ------------------------------------------------------------------------------
def check_most_confused(answer):
    """Answer: the pair (true class, predicted class) the network mixes up most often."""
    if answer is None:
        return not_yet(_NO_ANSWER, "Look for the largest number off the diagonal of the "
                                   "confusion matrix.")
    try:
        true, predicted = (int(v) for v in answer)
        if (true, predicted) != tuple(answer):
            raise ValueError
    except (TypeError, ValueError):
        return not_yet(f"{answer!r} is not a pair of whole numbers.",
                       "Write the pair as a tuple (true class, predicted class), e.g. (3, 5).")
    if not (0 <= true <= 9 and 0 <= predicted <= 9):
        return not_yet(f"{answer!r} names a class outside 0–9.", "The digits are 0 to 9.")
    cm = _reference_confusion()
    off = cm.copy()
    np.fill_diagonal(off, 0)
    best = np.unravel_index(off.argmax(), off.shape)
    if true == predicted:
        return not_yet(f"({true}, {predicted}) is on the diagonal: those are the {cm[true, true]} "
                       f"images of {true} the network got right.",
                       "Mistakes are the cells off the diagonal.")
    if (true, predicted) == (int(best[0]), int(best[1])):
        return correct(f"{cm[true, predicted]} images of {_a(true)} were read as {_a(predicted)}, "
                       f"more than any other mix-up. Find them with the inspector's "
                       f"'next mistake' button: would you have read them correctly?")
    if (predicted, true) == (int(best[0]), int(best[1])):
        return not_yet(f"the pair is the right one, but the wrong way round: {cm[true, predicted]} "
                       f"image(s) of {_a(true)} were read as {_a(predicted)}.",
                       "Rows are the true class, columns the predicted class: answer "
                       "(row, column).")
    count = int(cm[true, predicted])
    what = "never happens" if count == 0 else f"happens {count} time{'s' * (count > 1)}"
    return not_yet(f"reading {_a(true)} as {_a(predicted)} {what}; another pair happens more "
                   f"often.", "Find the largest number that is not on the diagonal.")


# ----- exercise 2 ------------------------------------------------------------------------------
def _same_up_to_sign(Z, reference):
    """True if every column of Z equals the reference's column or its negative."""
    if Z.shape != reference.shape:
        return False
    return all(np.allclose(Z[:, j], reference[:, j], atol=1e-6)
               or np.allclose(Z[:, j], -reference[:, j], atol=1e-6)
               for j in range(reference.shape[1]))


def check_pca_projection(answer):
    """Answer: the test images' pixels projected on their first two principal components."""
    _, (_, _, X, _) = _reference()
    if answer is None:
        return not_yet(_NO_ANSWER, "Centre X_test, call np.linalg.svd(..., "
                                   "full_matrices=False) and project on the first two rows of Vt.")
    try:
        Z = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return not_yet("the answer is not an array of numbers.",
                       "Return the projected points as a NumPy array.")
    if Z.shape != (len(X), 2):
        return not_yet(f"the answer has shape {Z.shape}; it should be {(len(X), 2)}: one row "
                       f"per test image, one column per component.",
                       "Keep two directions (Vt[:2]) and project every image on them: "
                       "Xc @ Vt[:2].T.")
    reference = PCA(2).fit_transform(X)
    if _same_up_to_sign(Z, reference):
        return correct("these are the first two principal components (up to sign, which PCA "
                       "cannot fix: a direction and its opposite spread the data equally).")
    Xc = X - X.mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    _, _, Vt_raw = np.linalg.svd(X, full_matrices=False)
    if _same_up_to_sign(Z, X @ Vt_raw[:2].T):
        return not_yet("the directions come from data that was not centred.",
                       "Subtract the mean image first: Xc = X_test - X_test.mean(axis=0).")
    if _same_up_to_sign(Z, U[:, :2]):
        return not_yet("these are the columns of U, which are scaled to length 1.",
                       "Multiply by the singular values (U[:, :2] * S[:2]) or compute "
                       "Xc @ Vt[:2].T.")
    if _same_up_to_sign(Z, Xc @ Vt[:, :2]):
        return not_yet("you used the first two columns of Vt; the directions are its rows.",
                       "Use Vt[:2].T (or Vt[:2, :].T) as the projection matrix.")
    if _same_up_to_sign(Z, X @ Vt[:2].T):
        return not_yet("right directions, but the mean image was not subtracted before "
                       "projecting, so every point is shifted.",
                       "Project the centred data: Xc @ Vt[:2].T.")
    return not_yet("these are not the first two principal components of X_test.",
                   "Centre, take the SVD, then project: Xc @ Vt[:2].T.")


# ----- exercise 3 ------------------------------------------------------------------------------
def check_drawing(answer, digit=7):
    """Answer: an 8×8 drawing (e.g. ``pad.pixels``) that the network reads as ``digit``."""
    model, (X_train, _, X_test, _) = _reference()
    if answer is None:
        return not_yet(_NO_ANSWER, f"Draw {_a(digit)} on the pad, then set answer = pad.pixels.")
    try:
        image = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return not_yet("the answer is not an array of numbers.", "Use answer = pad.pixels.")
    if image.size != 64:
        return not_yet(f"a drawing has 64 squares (8×8), this answer has {image.size}.",
                       "Use answer = pad.pixels.")
    if not np.all(np.isfinite(image)) or image.min() < 0 or image.max() > 1:
        return not_yet("some squares are outside 0 (blank) to 1 (ink).",
                       "Use values between 0 and 1, as the pad does.")
    row = image.reshape(1, 64)
    if not row.any():
        return not_yet("the pad is blank.", f"Paint the squares of {_a(digit)} first.")
    if np.any(np.all(np.isclose(np.vstack([X_train, X_test]), row), axis=1)):
        return not_yet("this is one of the data set's own images, loaded onto the pad.",
                       "Draw your own: press clear and paint the squares yourself.")
    p = model.predict_proba(row)[0]
    k = int(p.argmax())
    if k != digit:
        return not_yet(f"the network reads your drawing as {_a(k)} (probability {p[k]:.2f}); "
                       f"it gives {digit} only {p[digit]:.2f}.",
                       "The training digits fill most of the 8×8 box and are centred; make "
                       "the strokes span the height and watch the bars while you paint.")
    return correct(f"the network reads your drawing as {_a(digit)} with probability "
                   f"{p[digit]:.2f}, although no one ever showed it this exact image.")
