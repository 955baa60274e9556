"""Checkers for notebook 07, digits through the layers.

Every checker compares the learner's answer with the course's reference digits network
(``helpers.networks.digits_network()``) on the fixed test split, and explains what is off.
Answers are read with the course's reading rules: a pair as (8, 1), [8, 1], "8, 1" or "8 -> 1";
arrays right when they match to 2 decimals. The PCA exercise is optional ("going further").
"""
import re

import numpy as np

from ..digits import PCA, confusion_matrix
from ..i18n import _
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
    """A digit's name with its article: "an 8", "a 7" (in Korean just "8", "7")."""
    return _("an {digit}").format(digit=digit) if digit == 8 else \
        _("a {digit}").format(digit=digit)


def _reference():
    from .. import networks, scoreboard
    return networks.digits_network(), scoreboard.digits_split()


def _reference_confusion():
    model, (*_training, X_test, y_test) = _reference()
    return confusion_matrix(y_test, model.predict_classes(X_test), n_classes=10)


# ----- exercise 1 ------------------------------------------------------------------------------
def _class_pair(answer):
    if isinstance(answer, str):                     # "8 -> 1", "8 as 1", Korean "8을 1로"
        answer = re.sub(r"->|→|\bas\b|[가-힣]+", ",", answer)
    try:
        values = read_numbers(answer, 2, "the answer", "(true class, predicted class)")
    except AnswerError:
        values = None
    if values is None or not all(v.is_integer() for v in values):
        raise AnswerError(_("{value} is not a pair of whole numbers.").format(
                              value=short(answer)),
                          _("Write the pair as a tuple (true class, predicted class), e.g. "
                            "(3, 5)."))
    return int(values[0]), int(values[1])


@checker
def check_most_confused(answer):
    """Answer: the pair (true class, predicted class) the network mixes up most often."""
    if answer is None:
        return not_yet(_(_NO_ANSWER), _("Look for the largest number off the diagonal of the "
                                        "confusion matrix."))
    true, predicted = _class_pair(answer)
    if not (0 <= true <= 9 and 0 <= predicted <= 9):
        return not_yet(_("({true}, {predicted}) names a class outside 0–9.").format(
                           true=true, predicted=predicted),
                       _("The digits are 0 to 9."))
    cm = _reference_confusion()
    off = cm.copy()
    np.fill_diagonal(off, 0)
    best = np.unravel_index(off.argmax(), off.shape)
    if true == predicted:
        return not_yet(_("({true}, {predicted}) is on the diagonal: those are the {n} images of "
                         "{true} the network got right.").format(true=true, predicted=predicted,
                                                                 n=cm[true, true]),
                       _("Mistakes are the cells off the diagonal."))
    if (true, predicted) == (int(best[0]), int(best[1])):
        return correct(_("{n} images of {a_true} were read as {a_predicted}, more than any "
                         "other mix-up. Find them with the inspector's 'next mistake' button: "
                         "would you have read them correctly?").format(
                           n=cm[true, predicted], a_true=_a(true), a_predicted=_a(predicted)))
    if (predicted, true) == (int(best[0]), int(best[1])):
        return not_yet(_("the pair is the right one, but the wrong way round: {n} image(s) of "
                         "{a_true} were read as {a_predicted}.").format(
                           n=cm[true, predicted], a_true=_a(true), a_predicted=_a(predicted)),
                       _("Rows are the true class, columns the predicted class: answer (row, "
                         "column)."))
    count = int(cm[true, predicted])
    if count == 0:
        message = _("reading {a_true} as {a_predicted} never happens; another pair happens more "
                    "often.")
    elif count == 1:
        message = _("reading {a_true} as {a_predicted} happens {count} time; another pair "
                    "happens more often.")
    else:
        message = _("reading {a_true} as {a_predicted} happens {count} times; another pair "
                    "happens more often.")
    return not_yet(message.format(a_true=_a(true), a_predicted=_a(predicted), count=count),
                   _("Find the largest number that is not on the diagonal."))


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
    X = _reference()[1][2]
    if answer is None:
        return not_yet(_(_NO_ANSWER), _("Centre X_test, call np.linalg.svd(..., "
                                        "full_matrices=False) and project on the first two "
                                        "rows of Vt."))
    try:
        Z = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return not_yet(_("the answer is not an array of numbers."),
                       _("Return the projected points as a NumPy array."))
    if Z.shape == (2, len(X)):
        Z = Z.T                                     # the same numbers, one row per component
    if Z.shape == (len(X), 2) and not np.all(np.isfinite(Z)):
        return not_yet(_("the answer contains nan or inf values."),
                       _("Compute it again from X_test; nan often comes from dividing by zero."))
    if Z.shape != (len(X), 2):
        return not_yet(_("the answer has shape {shape}; it should be {expected}: one row per "
                         "test image, one column per component.").format(
                           shape=Z.shape, expected=(len(X), 2)),
                       _("Keep two directions (Vt[:2]) and project every image on them: Xc @ "
                         "Vt[:2].T."))
    reference = PCA(2).fit_transform(X)
    if _same_up_to_sign(Z, reference):
        return correct(_("these are the first two principal components (up to sign, which PCA "
                         "cannot fix: a direction and its opposite spread the data equally)."))
    Xc = X - X.mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    Vt_raw = np.linalg.svd(X, full_matrices=False)[2]
    if _same_up_to_sign(Z, X @ Vt_raw[:2].T):
        return not_yet(_("the directions come from data that was not centred."),
                       _("Subtract the mean image first: Xc = X_test - X_test.mean(axis=0)."))
    if _same_up_to_sign(Z, U[:, :2]):
        return not_yet(_("these are the columns of U, which are scaled to length 1."),
                       _("Multiply by the singular values (U[:, :2] * S[:2]) or compute Xc @ "
                         "Vt[:2].T."))
    if _same_up_to_sign(Z, Xc @ Vt[:, :2]):
        return not_yet(_("you used the first two columns of Vt; the directions are its rows."),
                       _("Use Vt[:2].T (or Vt[:2, :].T) as the projection matrix."))
    if _same_up_to_sign(Z, X @ Vt[:2].T):
        return not_yet(_("right directions, but the mean image was not subtracted before "
                         "projecting, so every point is shifted."),
                       _("Project the centred data: Xc @ Vt[:2].T."))
    return not_yet(_("these are not the first two principal components of X_test."),
                   _("Centre, take the SVD, then project: Xc @ Vt[:2].T."))


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
        return not_yet(_(_NO_ANSWER), _("Draw {a_digit} on the pad, then set answer = "
                                        "pad.pixels.").format(a_digit=_a(digit)))
    if isinstance(getattr(answer, "pixels", None), np.ndarray):
        answer = answer.pixels                      # the pad itself
    if isinstance(answer, str):
        return not_yet(_("the answer is text, not a drawing."), _("Use answer = pad.pixels."))
    try:
        image = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return not_yet(_("the answer is not an array of numbers."), _("Use answer = pad.pixels."))
    if image.size != 64:
        return not_yet(_("a drawing has 64 squares (8×8), this answer has {n}.").format(
                           n=image.size),
                       _("Use answer = pad.pixels."))
    if not np.all(np.isfinite(image)) or image.min() < 0 or image.max() > 1:
        return not_yet(_("some squares are outside 0 (blank) to 1 (ink)."),
                       _("Use values between 0 and 1, as the pad does."))
    row = image.reshape(1, 64)
    if not row.any():
        return not_yet(_("the pad is blank."),
                       _("Paint the squares of {a_digit} first.").format(a_digit=_a(digit)))
    images, labels = np.vstack([X_train, X_test]), np.concatenate([y_train, y_test])
    i, n_differ = _closest_image(row, images)
    if n_differ < OWN_DRAWING_SQUARES:
        where = (_("training image {i}").format(i=i) if i < len(X_train) else
                 _("test image {i}").format(i=i - len(X_train)))
        if n_differ == 0:
            message = _("this is one of the data set's own images ({where}, {a_label}), not "
                        "your own drawing.").format(where=where, a_label=_a(int(labels[i])))
        else:
            message = _("this drawing differs from {where} ({a_label}) in only {n} of the 64 "
                        "squares: an image of the data set, barely changed, is not your own "
                        "drawing yet.").format(where=where, a_label=_a(int(labels[i])),
                                               n=n_differ)
        return not_yet(message,
                       _("Press clear and paint {a_digit} yourself; a drawing of your own "
                         "differs from every image of the data set in at least {n} "
                         "squares.").format(a_digit=_a(digit), n=OWN_DRAWING_SQUARES))
    p = model.predict_proba(row)[0]
    k = int(p.argmax())
    if k != digit:
        inked_rows = np.flatnonzero(image.reshape(8, 8).max(axis=1) > 0)
        height = int(inked_rows[-1] - inked_rows[0] + 1)
        if height < 6:
            hint = _("Your drawing spans only {height} of the 8 rows, while the training "
                     "digits fill most of the box: make the strokes span the height.").format(
                         height=height)
        elif p[k] >= 0.8:
            hint = _("The network is sure this is {a_k}: change the strokes that make it look "
                     "like {a_k}, and watch the bars while you paint.").format(a_k=_a(k))
        else:
            hint = _("The network is unsure. The training digits are centred and fill most "
                     "of the box; watch the bars while you change a square at a time.")
        return not_yet(_("the network reads your drawing as {a_k} (probability {p_k:.2f}); it "
                         "gives {digit} only {p_digit:.2f}.").format(
                           a_k=_a(k), p_k=p[k], digit=digit, p_digit=p[digit]), hint)
    return correct(_("the network reads your drawing as {a_digit} with probability "
                     "{p_digit:.2f}, although no one ever showed it this exact image.").format(
                       a_digit=_a(digit), p_digit=p[digit]))
