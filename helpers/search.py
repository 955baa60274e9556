"""Learning as search: try candidates, score each with a measure, keep the best.

The simplest learner there is (notebook 02). It needs three things, the same three every learner
in the course needs: inputs, the expected answers, and a *measure* of how good a candidate is.

- :class:`ThresholdRule` is one candidate rule, "feature k > t → black".
- :func:`candidate_rules` generates a whole family of them from the data.
- :class:`RuleSearch` scores every candidate and keeps the best (a fit/predict learner with the
  scikit-learn shape: settings in the constructor, ``fit`` returns ``self``, learned things end
  in ``_``; see ``helpers.estimator``).
- :class:`Memorizer` only remembers the training points: perfect on them, a coin flip elsewhere.
- :class:`CoordinateSearch` (notebook 03) searches over changes of coordinates (a rotation, then a
  shift) until the rule "x > 0 → black" works; it records every step, so the search can be drawn.
"""
import numbers

import numpy as np

from . import scoreboard
from .estimator import Classifier
from .i18n import N_, T_, _
from .representations import rotate, shift
from .validation import as_2d, as_labels, positive_int, positive_number

__all__ = ["LABEL_NAMES", "accuracy", "error_count", "ThresholdRule", "candidate_rules",
           "RuleSearch", "Memorizer", "change_coordinates", "x_rule_predict", "x_rule_accuracy",
           "accuracy_landscape", "CoordinateSearch"]

#: Names of the running example's classes: label 0 is white, label 1 is black.
LABEL_NAMES = (T_("white"), T_("black"))   # printed by notebook 02 in the current language
_FEATURE_NAMES = ("x", "y")


# ----------------------------------------------------------------------------- the measure

def accuracy(y_true, y_pred):
    """The share of answers that are right: 1.0 is perfect, 0.5 a coin flip on two classes."""
    y_true = as_labels(y_true, name="y_true")
    y_pred = as_labels(y_pred, n_samples=len(y_true), name="y_pred")
    return float(np.mean(y_true == y_pred))


def error_count(y_true, y_pred):
    """How many answers are wrong (the same measure as accuracy, counted the other way)."""
    y_true = as_labels(y_true, name="y_true")
    y_pred = as_labels(y_pred, n_samples=len(y_true), name="y_pred")
    return int(np.sum(y_true != y_pred))


# ----------------------------------------------------------------------------- threshold rules

class ThresholdRule:
    """The rule "if feature ``feature`` > ``threshold`` answer ``above``, else the other label".

    ``ThresholdRule(0, 0.5)`` reads "x > 0.5 → black (otherwise white)";
    ``ThresholdRule(1, -0.2, above=0)`` reads "y > -0.2 → white (otherwise black)".
    """

    def __init__(self, feature, threshold, above=1):
        if isinstance(feature, bool) or not isinstance(feature, (int, np.integer)) or feature < 0:
            raise TypeError(_("feature must be a column number 0, 1, ..., got {feature!r}.")
                            .format(feature=feature))
        if above not in (0, 1):
            raise ValueError(_("above must be the label 0 or 1 given to points above the "
                               "threshold, got {above!r}.").format(above=above))
        self.feature = int(feature)
        if isinstance(threshold, bool) or not isinstance(threshold, numbers.Real) \
                or not np.isfinite(threshold):
            raise TypeError(_("threshold must be a finite number, got {threshold!r}.")
                            .format(threshold=threshold))
        self.threshold = float(threshold)
        self.above = int(above)

    def predict(self, X):
        """The rule's answer (0 or 1) for every row of X."""
        X = as_2d(X, "X")
        if self.feature >= X.shape[1]:
            raise ValueError(_("the rule looks at column {feature} but X has only {n} "
                               "column(s).").format(feature=self.feature, n=X.shape[1]))
        high = X[:, self.feature] > self.threshold
        return np.where(high, self.above, 1 - self.above).astype(np.int64)

    def __repr__(self):
        name = (_FEATURE_NAMES[self.feature] if self.feature < 2
                else _("feature {k}").format(k=self.feature))
        return _("{name} > {threshold:.3f} → {above} (otherwise {other})").format(
            name=name, threshold=self.threshold, above=_(LABEL_NAMES[self.above]),
            other=_(LABEL_NAMES[1 - self.above]))

    def __eq__(self, other):
        return (isinstance(other, ThresholdRule) and self.feature == other.feature
                and self.above == other.above and np.isclose(self.threshold, other.threshold))

    __hash__ = None


def candidate_rules(X, n_random=None, seed=0):
    """The family of candidate rules "feature k > t → label" for the data X.

    With ``n_random=None``: every rule worth trying, i.e. for each feature a threshold halfway
    between each pair of neighbouring values (moving a threshold between two neighbours changes no
    answer), and both directions (above → black, above → white). With an integer: that many
    rules
    drawn at random (feature, threshold between the feature's smallest and largest value, and
    direction), reproducibly from ``seed``.
    """
    X = as_2d(X, "X")
    if n_random is None:
        rules = []
        for k in range(X.shape[1]):
            values = np.unique(X[:, k])
            cuts = (values[:-1] + values[1:]) / 2 if len(values) > 1 else values
            for above in (1, 0):
                rules += [ThresholdRule(k, t, above) for t in cuts]
        return rules
    n_random = positive_int(n_random, "n_random")
    rng = np.random.default_rng(seed)
    features = rng.integers(0, X.shape[1], n_random)
    fractions = rng.uniform(0.0, 1.0, n_random)
    aboves = rng.integers(0, 2, n_random)
    low, high = X.min(axis=0), X.max(axis=0)
    return [ThresholdRule(int(k), low[k] + f * (high[k] - low[k]), int(a))
            for k, f, a in zip(features, fractions, aboves)]


_MEASURES = {"accuracy": (accuracy, np.argmax, np.maximum.accumulate),
             "errors": (error_count, np.argmin, np.minimum.accumulate)}


class RuleSearch(Classifier):
    """Keep-the-best learner: score every candidate rule on the training data, keep the best.

    Parameters
    ----------
    n_candidates : None or int
        None tries every rule of :func:`candidate_rules`; an integer tries that many random ones.
    measure : "accuracy" (higher is better) or "errors" (fewer is better).
    seed : seeds the random candidates.

    Two classes, with any labels: a rule's answer 1 ("black") is ``classes_[1]``, its answer 0
    ``classes_[0]``. Learned attributes: ``rule_`` (the best rule), ``train_score_`` (its score),
    ``candidates_`` (the rules tried, in order), ``scores_`` (the score of each) and
    ``best_so_far_`` (the best score after each candidate).
    """

    _binary_only = True

    def __init__(self, n_candidates=None, measure="accuracy", seed=0):
        self.n_candidates = n_candidates
        self.measure = measure
        self.seed = seed

    def fit(self, X, y):
        if self.measure not in _MEASURES:
            raise ValueError(_("unknown measure {measure!r}; use 'accuracy' or 'errors'.")
                             .format(measure=self.measure))
        X, y = self._start_fit(X, y)            # y: 0 for classes_[0], 1 for classes_[1]
        score, pick, running = _MEASURES[self.measure]
        self.candidates_ = candidate_rules(X, self.n_candidates, self.seed)
        self.scores_ = np.array([score(y, rule.predict(X)) for rule in self.candidates_])
        self.best_so_far_ = running(self.scores_)
        best = int(pick(self.scores_))          # the first of equally good candidates wins
        self.best_index_ = best
        self.rule_ = self.candidates_[best]
        self.train_score_ = self.scores_[best].item()
        return self

    def predict(self, X):
        """The kept rule's answer for every row of X."""
        X = self._check_X(X)
        return self.classes_[self.rule_.predict(X)]

    def __repr__(self):
        found = (_(", found: {rule}").format(rule=self.rule_) if hasattr(self, "rule_")
                 else "")
        return (f"RuleSearch(n_candidates={self.n_candidates}, measure={self.measure!r}, "
                f"seed={self.seed}){found}")


class Memorizer(Classifier):
    """A "learner" that only remembers: a lookup table from each training point to its label.

    A point it has seen gets its remembered label; any other point gets a random label (drawn
    from the training labels' classes with ``seed``), so on new data it does no better than
    chance. Learned attributes: ``table_`` (point → position of its label in ``classes_``) and
    ``classes_``.
    """

    def __init__(self, seed=0):
        self.seed = seed

    @staticmethod
    def _key(row):
        return tuple(float(v) for v in row)

    def fit(self, X, y):
        X, y = self._start_fit(X, y)
        self.table_ = {self._key(row): int(label) for row, label in zip(X, y)}
        return self

    def predict(self, X):
        """The remembered label of every known row of X, a random one for the others."""
        X = self._check_X(X)
        rng = np.random.default_rng(self.seed)
        guesses = rng.choice(len(self.classes_), len(X))
        remembered = [self.table_.get(self._key(row), guess) for row, guess in zip(X, guesses)]
        return self.classes_[np.array(remembered, dtype=np.int64)]

    def __repr__(self):
        size = (_(", remembers {n} points").format(n=len(self.table_))
                if hasattr(self, "table_") else "")
        return f"Memorizer(seed={self.seed}){size}"


# ----------------------------------------------------------------------------- coordinate changes

def change_coordinates(X, angle, dx=0.0, dy=0.0):
    """Rotate the points by ``angle`` degrees (counter-clockwise), then shift them by (dx, dy)."""
    return shift(rotate(X, angle), (dx, dy))


def x_rule_predict(X_new):
    """The fixed rule of notebook 03: "x > 0 → black (1), otherwise white (0)"."""
    X_new = as_2d(X_new, "X_new")
    return (X_new[:, 0] > 0).astype(np.int64)


def x_rule_accuracy(X_new, y):
    """Accuracy of "x > 0 → black" on points already in new coordinates."""
    return accuracy(y, x_rule_predict(X_new))


def accuracy_landscape(X, y, angles, shifts):
    """Accuracy of "x > 0 → black" after every (angle, dx) pair: shape (len(angles), len(shifts)).

    The vertical shift dy is left out because it cannot change which side of x = 0 a point is on.
    """
    X = as_2d(X, "X", n_features=2, what=N_("a change of coordinates in the plane"))
    y = as_labels(y, n_samples=len(X))
    angles = np.deg2rad(np.asarray(angles, dtype=np.float64))
    shifts = np.asarray(shifts, dtype=np.float64)
    new_x = np.outer(np.cos(angles), X[:, 0]) - np.outer(np.sin(angles), X[:, 1])  # (A, n)
    black = new_x[:, None, :] + shifts[None, :, None] > 0                         # (A, S, n)
    return np.mean(black == (y == 1), axis=2)


def _wrap(angle):
    """An angle in degrees, brought into (-180, 180]."""
    return float(-((-angle + 180.0) % 360.0 - 180.0)) + 0.0


class CoordinateSearch(Classifier):
    """Search, guided by the measure, for a change of coordinates that makes "x > 0" work.

    Start from ``start`` = (angle, dx); at each of ``n_steps`` steps propose a random nudge of the
    current best (angle by about ``angle_step`` degrees, dx by about ``shift_step``), score the
    rule "x > 0 → black" on the nudged points, and keep the proposal if it scores at least as
    well. Every proposal is recorded, so the search can be replayed and drawn.

    Learned attributes: ``angle_``, ``shift_`` (dx, dy; dy stays 0, it cannot change the answer),
    ``train_accuracy_``, ``proposals_`` (array of (angle, dx) per step, the start first),
    ``scores_`` (their accuracies), ``accepted_`` (whether each was kept), ``path_`` (the current
    (angle, dx) after each step) and ``best_so_far_`` (the current accuracy after each step).

    Points in the plane only (two features); two classes, with any labels (``classes_[1]`` is
    "black"). ``n_steps`` is a number of steps, not a maximum: every step is taken and recorded.
    """

    _binary_only = True

    def __init__(self, n_steps=200, angle_step=20.0, shift_step=0.3, start=(0.0, 0.0), seed=0):
        self.n_steps = n_steps
        self.angle_step = angle_step
        self.shift_step = shift_step
        self.start = start
        self.seed = seed

    def fit(self, X, y):
        n_steps = positive_int(self.n_steps, "n_steps")
        angle_step = positive_number(self.angle_step, "angle_step")
        shift_step = positive_number(self.shift_step, "shift_step")
        start = np.asarray(self.start, dtype=np.float64)
        if start.shape != (2,):
            raise ValueError(_("start must be (angle, dx), two numbers; got {start!r}.")
                             .format(start=self.start))
        X = as_2d(X, "X", n_features=2, what=N_("a change of coordinates in the plane"))
        X, y = self._start_fit(X, y)            # y: 0 for classes_[0], 1 for classes_[1]
        rng = np.random.default_rng(self.seed)

        def measure(angle, dx):
            return x_rule_accuracy(change_coordinates(X, angle, dx), y)

        current = (_wrap(start[0]), float(start[1]))
        best = measure(*current)
        proposals, scores, accepted = [current], [best], [True]
        path, best_so_far = [current], [best]
        for _step in range(n_steps):
            candidate = (_wrap(current[0] + rng.normal(0.0, angle_step)),
                         float(current[1] + rng.normal(0.0, shift_step)))
            score = measure(*candidate)
            keep = score >= best
            if keep:
                current, best = candidate, score
            proposals.append(candidate)
            scores.append(score)
            accepted.append(keep)
            path.append(current)
            best_so_far.append(best)
        self.proposals_ = np.array(proposals)
        self.scores_ = np.array(scores)
        self.accepted_ = np.array(accepted)
        self.path_ = np.array(path)
        self.best_so_far_ = np.array(best_so_far)
        self.angle_, dx = current
        self.shift_ = (dx, 0.0)
        self.train_accuracy_ = best
        return self

    def first_step_reaching(self, target):
        """The first step whose kept accuracy is at least ``target`` (None if never)."""
        self._check_fitted("angle_")
        hits = np.flatnonzero(self.best_so_far_ >= target - 1e-12)
        return int(hits[0]) if hits.size else None

    def improvements(self):
        """The steps at which the accuracy went up (step 0, the start, included)."""
        self._check_fitted("angle_")
        return [0] + [int(i) for i in np.flatnonzero(np.diff(self.best_so_far_) > 0) + 1]

    def transform(self, X, step=None):
        """The points in the coordinates found (or those current at ``step``)."""
        X = self._check_X(X)
        if step is None:
            return change_coordinates(X, self.angle_, *self.shift_)
        angle, dx = self.path_[step]
        return change_coordinates(X, angle, dx)

    def predict(self, X):
        """The answer of "x > 0 → black" in the coordinates found."""
        answers = x_rule_predict(self.transform(X))
        return self.classes_[answers]

    def __repr__(self):
        if not hasattr(self, "angle_"):
            return f"CoordinateSearch(n_steps={self.n_steps}, seed={self.seed})"
        return "CoordinateSearch: " + _("rotate by {angle:.1f}°, shift x by {dx:.2f} → "
                                        "training accuracy {accuracy:.3f}").format(
            angle=self.angle_, dx=self.shift_[0], accuracy=self.train_accuracy_)


# ----------------------------------------------------------------------------- scoreboard rows

@scoreboard.entry(2, "running example", "best single threshold rule (search)",
                  "the family of candidate rules (one feature > a threshold)")
def _threshold_search_row():
    X_train, y_train, X_test, y_test = scoreboard.running_example_split()
    return RuleSearch().fit(X_train, y_train).score(X_test, y_test)


@scoreboard.entry(3, "running example", "coordinate change found by search + x > 0",
                  "the family of coordinate changes (rotate, then shift) and the rule x > 0")
def _coordinate_search_row():
    X_train, y_train, X_test, y_test = scoreboard.running_example_split()
    return CoordinateSearch().fit(X_train, y_train).score(X_test, y_test)
