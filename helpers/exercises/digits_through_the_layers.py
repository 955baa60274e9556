"""Checkers for notebook 07, digits through the layers.

Every checker compares the learner's answer with the course's reference digits network
(``helpers.networks.digits_network()``) on the fixed test split, and explains what is off.
Answers are read with the course's reading rules: a pair as (8, 1), [8, 1], "8, 1" or "8 -> 1";
arrays right when they match to 2 decimals. The PCA exercise is optional ("going further").
"""
import re

import numpy as np

from ..digits import PCA, confusion_matrix
from .feedback import (AnswerError, NO_ANSWER as _NO_ANSWER, TOLERANCE, checker, correct,
                       not_yet, read_numbers, short)

__all__ = ["check_most_confused", "check_pca_projection", "check_drawing", "OWN_DRAWING_SQUARES"]

#: A drawing is your own when it differs clearly (by more than 0.3 ink) from every image of the
#: data set in at least this many of its 64 squares. Drawings made on the pad differ in about 15;
#: two different images of the data set usually in 3 to 5, and at most 12. (Measured for 7s: 136
#: stroke-drawn 7s that the network reads as 7 all differ in 9 or more. A single straight 1 can
#: be that close to a 1 of the data set, so the rule suits digits of more than one stroke.)
OWN_DRAWING_SQUARES = 8

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
def _class_pair(answer):
    if isinstance(answer, str):
        answer = re.sub(r"->|→|\bas\b", ",", answer)
    try:
        values = read_numbers(answer, 2, "the answer", "(true class, predicted class)")
    except AnswerError:
        values = None
    if values is None or not all(v.is_integer() for v in values):
        raise AnswerError(f"{short(answer)} is not a pair of whole numbers.",
                          "Write the pair as a tuple (true class, predicted class), e.g. (3, 5).")
    return int(values[0]), int(values[1])


@checker
def check_most_confused(answer):
    """Answer: the pair (true class, predicted class) the network mixes up most often."""
    if answer is None:
        return not_yet(_NO_ANSWER, "Look for the largest number off the diagonal of the "
                                   "confusion matrix.")
    true, predicted = _class_pair(answer)
    if not (0 <= true <= 9 and 0 <= predicted <= 9):
        return not_yet(f"({true}, {predicted}) names a class outside 0–9.",
                       "The digits are 0 to 9.")
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
    return all(np.allclose(Z[:, j], reference[:, j], rtol=0, atol=TOLERANCE)
               or np.allclose(Z[:, j], -reference[:, j], rtol=0, atol=TOLERANCE)
               for j in range(reference.shape[1]))


@checker
def check_pca_projection(answer):
    """Optional ("going further"). Answer: the test images' pixels projected on their first two
    principal components (a (2, n) array, the same numbers transposed, is accepted too)."""
    _, (_, _, X, _) = _reference()
    if answer is None:
        return not_yet(_NO_ANSWER, "Centre X_test, call np.linalg.svd(..., "
                                   "full_matrices=False) and project on the first two rows of Vt.")
    try:
        Z = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return not_yet("the answer is not an array of numbers.",
                       "Return the projected points as a NumPy array.")
    if Z.shape == (2, len(X)):
        Z = Z.T                                     # the same numbers, one row per component
    if Z.shape == (len(X), 2) and not np.all(np.isfinite(Z)):
        return not_yet("the answer contains nan or inf values.",
                       "Compute it again from X_test; nan often comes from dividing by zero.")
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
def _closest_image(row, images):
    """(index, number of squares) of the image of ``images`` that differs from ``row`` in the
    fewest squares (by more than 0.3 ink)."""
    differing = (np.abs(images - row) > 0.3).sum(axis=1)
    i = int(differing.argmin())
    return i, int(differing[i])


@checker
def check_drawing(answer, digit=7):
    """Answer: an 8×8 drawing (e.g. ``pad.pixels``, or the pad itself) that the network reads
    as ``digit``. It must be your own: a drawing that differs from some image of the data set
    in fewer than :data:`OWN_DRAWING_SQUARES` squares (a loaded image, barely changed) does not
    count."""
    model, (X_train, y_train, X_test, y_test) = _reference()
    if answer is None:
        return not_yet(_NO_ANSWER, f"Draw {_a(digit)} on the pad, then set answer = pad.pixels.")
    if isinstance(getattr(answer, "pixels", None), np.ndarray):
        answer = answer.pixels                      # the pad itself
    if isinstance(answer, str):
        return not_yet("the answer is text, not a drawing.", "Use answer = pad.pixels.")
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
    images, labels = np.vstack([X_train, X_test]), np.concatenate([y_train, y_test])
    i, n_differ = _closest_image(row, images)
    if n_differ < OWN_DRAWING_SQUARES:
        where = (f"training image {i}" if i < len(X_train) else
                 f"test image {i - len(X_train)}")
        if n_differ == 0:
            message = (f"this is one of the data set's own images ({where}, "
                       f"{_a(int(labels[i]))}), not your own drawing.")
        else:
            message = (f"this drawing differs from {where} ({_a(int(labels[i]))}) in only "
                       f"{n_differ} of the 64 squares: an image of the data set, barely "
                       f"changed, is not your own drawing yet.")
        return not_yet(message,
                       f"Press clear and paint {_a(digit)} yourself; a drawing of your own "
                       f"differs from every image of the data set in at least "
                       f"{OWN_DRAWING_SQUARES} squares.")
    p = model.predict_proba(row)[0]
    k = int(p.argmax())
    if k != digit:
        inked_rows = np.flatnonzero(image.reshape(8, 8).max(axis=1) > 0)
        height = int(inked_rows[-1] - inked_rows[0] + 1)
        if height < 6:
            hint = (f"Your drawing spans only {height} of the 8 rows, while the training "
                    f"digits fill most of the box: make the strokes span the height.")
        elif p[k] >= 0.8:
            hint = (f"The network is sure this is {_a(k)}: change the strokes that make it "
                    f"look like {_a(k)}, and watch the bars while you paint.")
        else:
            hint = ("The network is unsure. The training digits are centred and fill most "
                    "of the box; watch the bars while you change a square at a time.")
        return not_yet(f"the network reads your drawing as {_a(k)} (probability {p[k]:.2f}); "
                       f"it gives {digit} only {p[digit]:.2f}.", hint)
    return correct(f"the network reads your drawing as {_a(digit)} with probability "
                   f"{p[digit]:.2f}, although no one ever showed it this exact image.")
