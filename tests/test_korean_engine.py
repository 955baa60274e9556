"""The engine speaks Korean: every mistake a learner can make, every printed table and rule.

Each case below is one learner mistake, triggered the way a learner would (bad shapes, NaN, wrong
labels, a bad learning rate, an unknown name, a broken CSV, predict before fit, a diverging
training run, autograd misuse). In Korean its message must have Hangul and no English prose left
(code names in quotes, backquotes and brackets are fine); in English it must stay English.
"""
import io

import numpy as np
import pytest

from helpers import autograd, datasets, depth, digits, environment, expert_system, gradcheck
from helpers import images, layers, losses, models, optimizers, representations, rule_lists
from helpers import i18n, search, training
from helpers.classical import (DecisionTree, KNearestNeighbors, LogisticRegression, Perceptron,
                               WithFeatures, fit_sklearn)
from helpers.csv_files import load_csv
from helpers.estimator import NotFittedError
from helpers.layers import Dense, ReLU
from helpers.models import Sequential, mlp
from tests.i18n_checks import english_left, has_hangul

#: Names that may stay English inside a Korean sentence.
ALLOWED = ("scikit-learn", "not flies")

X2 = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.5], [0.5, 2.0]])
Y2 = np.array([0, 1, 1, 0])


def compiled(loss="sparse_categorical_crossentropy", lr=0.01, metrics=None):
    model = mlp([2, 4, 2], "relu", seed=0)
    return model.compile(loss, optimizers.Adam(lr), metrics=metrics)


def diverging_fit():
    X, y = datasets.circles(100, seed=0)
    model = mlp([2, 16, 2], "relu", seed=0)
    model.compile("mse", optimizers.SGD(lr=5.0))
    model.fit(X * 50, np.eye(2)[y], epochs=5, verbose=0)


def jumping_loss():
    watch = training.DivergenceWatch()
    watch.check(1.0, lr=0.1)
    watch.check(50.0, lr=0.1)


def csv_text(text):
    return lambda: load_csv(text.encode("utf-8"))


def fitted_tree():
    return DecisionTree(max_depth=2).fit(X2, Y2)


# (id, the mistake, the exception it raises)
MISTAKES = [
    # ----- validation: what every public function checks
    ("X is None", lambda: compiled().predict(None), TypeError),
    ("X not numbers", lambda: compiled().predict([["a", "b"]]), TypeError),
    ("X 1-D", lambda: compiled().predict(np.zeros(2)), ValueError),
    ("X 3-D", lambda: compiled().predict(np.zeros((2, 2, 2))), ValueError),
    ("X empty", lambda: compiled().predict(np.zeros((0, 2))), ValueError),
    ("X with NaN", lambda: compiled().predict([[np.nan, 1.0]]), ValueError),
    ("X wrong width", lambda: compiled().predict(np.zeros((3, 5))), ValueError),
    ("y is None", lambda: compiled().fit(X2, None, verbose=0), TypeError),
    ("y 2-D", lambda: compiled().fit(X2, np.zeros((4, 3)), verbose=0), ValueError),
    ("y wrong length", lambda: compiled().fit(X2, [0, 1], verbose=0), ValueError),
    ("y NaN", lambda: compiled().fit(X2, [0.0, np.nan, 1.0, 0.0], verbose=0), ValueError),
    ("y non-integer", lambda: compiled().fit(X2, [0.5, 1, 1, 0], verbose=0), ValueError),
    ("y strings", lambda: compiled().fit(X2, ["a", "b", "a", "b"], verbose=0), TypeError),
    ("y negative", lambda: compiled().fit(X2, [-1, 1, 1, 0], verbose=0), ValueError),
    ("y out of range", lambda: compiled().fit(X2, [0, 1, 2, 5], verbose=0), ValueError),
    ("lr not a number", lambda: optimizers.SGD(lr="big"), TypeError),
    ("lr infinite", lambda: optimizers.Adam(lr=float("inf")), ValueError),
    ("lr negative", lambda: optimizers.Adam(lr=-0.1), ValueError),
    ("momentum out of range", lambda: optimizers.SGD(momentum=1.5), ValueError),
    ("epochs not whole", lambda: compiled().fit(X2, Y2, epochs=2.5, verbose=0), TypeError),
    ("epochs zero", lambda: compiled().fit(X2, Y2, epochs=0, verbose=0), ValueError),
    ("n too large", lambda: datasets.make("moons", n=10 ** 7), ValueError),
    ("seed negative", lambda: datasets.moons(seed=-1), ValueError),
    ("seed not whole", lambda: datasets.moons(seed="x"), TypeError),
    # ----- training: divergence
    ("diverging fit", diverging_fit, training.DivergenceError),
    ("loss jumped", jumping_loss, training.DivergenceError),
    ("logistic regression diverges",
     lambda: LogisticRegression(l2=1.0, optimizer="sgd", lr=1000.0).fit(X2 * 100, Y2),
     training.DivergenceError),
    # ----- layers, losses, optimizers, models
    ("backward before forward", lambda: ReLU().backward(np.zeros((1, 2))), RuntimeError),
    ("backward wrong shape", lambda: (lambda d: (d.forward(np.zeros((2, 2))),
                                                 d.backward(np.zeros((3, 3)))))(Dense(2, 3)),
     ValueError),
    ("unknown activation", lambda: layers.activation("relux"), ValueError),
    ("lr given twice", lambda: optimizers.SGD(lr=0.1, learning_rate=0.1), TypeError),
    ("unknown optimizer", lambda: optimizers.get("adamw"), ValueError),
    ("gradients missing", lambda: optimizers.SGD().step([np.zeros(2)], []), ValueError),
    ("gradient shape", lambda: optimizers.SGD().step([np.zeros(2)], [np.zeros(3)]), ValueError),
    ("optimizer reused", lambda: (lambda o: (o.step([np.zeros(2)], [np.zeros(2)]),
                                             o.step([np.zeros(2)] * 2, [np.zeros(2)] * 2)))(
        optimizers.SGD()), ValueError),
    ("unknown loss", lambda: compiled(loss="crossentropy"), ValueError),
    ("predictions NaN", lambda: losses.MeanSquaredError()([[np.nan]], [[1.0]]), ValueError),
    ("predictions 3-D", lambda: losses.MeanSquaredError()(np.zeros((1, 1, 1)), [1]), ValueError),
    ("mse targets wrong width", lambda: compiled(loss="mse").fit(X2, Y2, verbose=0), ValueError),
    ("mse targets not numbers", lambda: losses.MeanSquaredError()([[1.0]], [["a"]]), TypeError),
    ("mse targets NaN", lambda: losses.MeanSquaredError()([[1.0]], [[np.nan]]), ValueError),
    ("mse targets wrong rows", lambda: losses.MeanSquaredError()([[1.0]], [[1.0], [2.0]]),
     ValueError),
    ("binary cross-entropy with two outputs",
     lambda: compiled(loss="binary_crossentropy").fit(X2, Y2, verbose=0), ValueError),
    ("binary cross-entropy on scores", lambda: losses.BinaryCrossEntropy()([[3.0]], [1]),
     ValueError),
    ("loss backward first", lambda: losses.MeanSquaredError().backward(), RuntimeError),
    ("one-hot negative", lambda: losses.SoftmaxCrossEntropy()(np.zeros((1, 2)), [[-1.0, 2.0]]),
     ValueError),
    ("sparse loss given one-hot",
     lambda: compiled().fit(X2, np.eye(2)[Y2], verbose=0), ValueError),
    ("categorical loss given labels",
     lambda: compiled(loss="categorical_crossentropy").fit(X2, Y2, verbose=0), ValueError),
    ("optimizer given as the loss", lambda: mlp([2, 2]).compile("adam"), ValueError),
    ("metrics not a list", lambda: compiled(metrics="accuracy"), TypeError),
    ("unknown metric", lambda: compiled(metrics=["precision"]), ValueError),
    ("bad callback", lambda: compiled().fit(X2, Y2, callbacks=[3], verbose=0), TypeError),
    ("not a layer", lambda: Sequential([3]), TypeError),
    ("no layers", lambda: Sequential().predict(X2), ValueError),
    ("predict_proba before compile", lambda: mlp([2, 2]).predict_proba(X2), RuntimeError),
    ("fit before compile", lambda: mlp([2, 2]).fit(X2, Y2), RuntimeError),
    ("validation_data not a pair",
     lambda: compiled().fit(X2, Y2, validation_data=(X2,), verbose=0), ValueError),
    ("set_weights count", lambda: mlp([2, 2]).set_weights([]), ValueError),
    ("set_weights shape", lambda: mlp([2, 2]).set_weights([np.zeros((3, 3)), np.zeros(2)]),
     ValueError),
    ("mlp one size", lambda: mlp([2]), ValueError),
    ("mlp bad size", lambda: mlp([2, 0, 1]), ValueError),
    # ----- CSV files
    ("CSV missing file", lambda: load_csv("no_such_file.csv"), FileNotFoundError),
    ("CSV folder", lambda: load_csv("."), IsADirectoryError),
    ("CSV wrong type", lambda: load_csv(3.5), TypeError),
    ("CSV empty", csv_text(" \n"), ValueError),
    ("CSV header only", csv_text("x,y,label\n"), ValueError),
    ("CSV one class", csv_text("1,2,0\n3,4,0\n"), ValueError),
    ("CSV missing column", csv_text("1,2,0\n3,4\n"), ValueError),
    ("CSV extra column with commas", csv_text("1,2,0\n3,4,1,5\n"), ValueError),
    ("CSV extra column with semicolons", csv_text("1;2;0\n3;4;1;5\n"), ValueError),
    ("CSV empty cell", csv_text("1,2,0\n3,,1\n"), ValueError),
    ("CSV text value", csv_text("1,2,0\n3,abc,1\n"), ValueError),
    ("CSV text label", csv_text("1,2,0\n3,4,cat\n"), ValueError),
    ("CSV missing value", csv_text("1,2,0\n3,nan,1\n"), ValueError),
    ("CSV label -1", csv_text("1,2,1\n3,4,-1\n"), ValueError),
    ("CSV negative label", csv_text("1,2,1\n3,4,-2\n"), ValueError),
    ("CSV fractional label", csv_text("1,2,1\n3,4,0.5\n"), ValueError),
    ("CSV is a picture", lambda: load_csv(b"\x89PNG\r\n\x1a\n" + bytes(50)), ValueError),
    ("CSV binary data", lambda: load_csv(bytes(range(1, 32)) * 20), ValueError),
    ("CSV broken UTF-16", lambda: load_csv(b"\xff\xfe" + b"1\x00,\x00" + b"\x00\xd8"),
     ValueError),
    # ----- data sets
    ("unknown data set", lambda: datasets.make("spirals"), ValueError),
    ("too many classes", lambda: datasets.spiral(classes=9), ValueError),
    ("too few points", lambda: datasets.gaussians(n=2, centers=3), ValueError),
    ("split empty test set",
     lambda: datasets.train_test_split(X2, Y2, test_fraction=0.01), ValueError),
    ("split of a number", lambda: datasets.train_test_split(3, [1]), ValueError),
    ("test_fraction 1", lambda: datasets.train_test_split(X2, Y2, test_fraction=1.0),
     ValueError),
    # ----- estimators (scikit-learn conventions)
    ("predict before fit", lambda: LogisticRegression().predict(X2), NotFittedError),
    ("one class", lambda: KNearestNeighbors().fit(X2, [1, 1, 1, 1]), ValueError),
    ("perceptron with three classes", lambda: Perceptron().fit(X2, [0, 1, 2, 0]), ValueError),
    ("estimator 1-D X", lambda: KNearestNeighbors(k=1).fit([1.0, 2.0], [0, 1]), ValueError),
    ("estimator ragged X", lambda: KNearestNeighbors(k=1).fit([[1.0], [1.0, 2.0]], [0, 1]),
     ValueError),
    ("estimator complex X", lambda: KNearestNeighbors(k=1).fit(X2 * 1j, Y2), ValueError),
    ("estimator text X", lambda: KNearestNeighbors(k=1).fit([["a", "b"]] * 4, Y2), TypeError),
    ("estimator no features", lambda: KNearestNeighbors(k=1).fit(np.zeros((4, 0)), Y2),
     ValueError),
    ("estimator y None", lambda: KNearestNeighbors(k=1).fit(X2, None), ValueError),
    ("estimator y 2-D", lambda: KNearestNeighbors(k=1).fit(X2, np.zeros((4, 2))), ValueError),
    ("estimator y length", lambda: KNearestNeighbors(k=1).fit(X2, [0, 1]), ValueError),
    ("estimator y complex", lambda: KNearestNeighbors(k=1).fit(X2, Y2 * 1j), ValueError),
    ("estimator y NaN", lambda: KNearestNeighbors(k=1).fit(X2, [0.0, 1.0, np.nan, 1.0]),
     ValueError),
    ("estimator y continuous", lambda: KNearestNeighbors(k=1).fit(X2, [0.5, 1.5, 0.0, 1.0]),
     ValueError),
    ("estimator y mixed", lambda: KNearestNeighbors(k=1).fit(X2, np.array([0, "a", 1, "b"],
                                                                          dtype=object)),
     TypeError),
    ("unknown hyper-parameter", lambda: LogisticRegression().set_params(learning_rate=1),
     ValueError),
    ("predict with other width", lambda: fitted_tree().predict(np.zeros((2, 3))), ValueError),
    ("score with wrong y", lambda: fitted_tree().score(X2, [0, 1]), ValueError),
    ("k larger than the data", lambda: KNearestNeighbors(k=10).fit(X2, Y2), ValueError),
    ("export_text names", lambda: fitted_tree().export_text(["a"]), ValueError),
    ("unknown features", lambda: WithFeatures(LogisticRegression(), "polar2").fit(X2, Y2),
     ValueError),
    ("features not callable", lambda: WithFeatures(LogisticRegression(), 3).fit(X2, Y2),
     TypeError),
    ("feature function rows", lambda: WithFeatures(LogisticRegression(),
                                                   lambda X: X[:2]).fit(X2, Y2), ValueError),
    ("WithFeatures of a non-course model", lambda: WithFeatures("model").fit(X2, Y2), TypeError),
    ("no scikit-learn counterpart", lambda: fit_sklearn("model", X2, Y2), TypeError),
    # ----- digits, depth
    ("PCA too many components", lambda: digits.PCA(5).fit(X2), ValueError),
    ("PCA other width", lambda: digits.PCA(1).fit(X2).transform(np.zeros((1, 3))), ValueError),
    ("confusion matrix labels", lambda: digits.confusion_matrix([0, 5], [0, 1], n_classes=2),
     ValueError),
    ("silhouette one class", lambda: digits.silhouette(X2, [0, 0, 0, 0]), ValueError),
    ("checkpoint not whole", lambda: depth.TrainingRun().load(mlp([2, 2]), "a"), TypeError),
    ("checkpoint missing", lambda: depth.TrainingRun().load(mlp([2, 2]), 3), ValueError),
    ("depth of a non-model", lambda: depth.shape_of("model"), TypeError),
    ("depth of an empty model", lambda: depth.shape_of(Sequential()), ValueError),
    ("shape of activations only", lambda: depth.shape_of(Sequential([ReLU()])), ValueError),
    ("checkpoints without accuracy",
     lambda: depth.train_with_checkpoints(compiled(), X2, Y2, epochs=2), ValueError),
    ("every > epochs",
     lambda: depth.train_with_checkpoints(compiled(metrics=["accuracy"]), X2, Y2, epochs=2,
                                          every=5), ValueError),
    ("grid lo > hi", lambda: depth.grid_lines(lo=1, hi=0), ValueError),
    ("lines 2-D", lambda: depth.transform_lines(mlp([2, 2]), np.zeros((3, 2))), ValueError),
    ("stage too large", lambda: depth.decision_line(mlp([2, 2]), 9), ValueError),
    ("decision line of one output", lambda: depth.decision_line(mlp([2, 1]), 0), ValueError),
    ("sizes text", lambda: depth.count_mlp_params("2-8-2"), TypeError),
    ("sizes one", lambda: depth.count_mlp_params([2]), ValueError),
    ("budget too small", lambda: depth.widest_for_budget(3, 5), ValueError),
    ("no shapes", lambda: depth.compare_shapes([], depth.xor_split()), ValueError),
    ("split of three", lambda: depth.compare_shapes([[2, 2]], (1, 2, 3)), ValueError),
    ("no seeds", lambda: depth.compare_shapes([[2, 2]], depth.xor_split(), seeds=()),
     ValueError),
    # ----- search, representations, images
    ("threshold rule feature", lambda: search.ThresholdRule(-1, 0.5), TypeError),
    ("threshold rule label", lambda: search.ThresholdRule(0, 0.5, above=2), ValueError),
    ("threshold rule threshold", lambda: search.ThresholdRule(0, "a"), TypeError),
    ("threshold rule column", lambda: search.ThresholdRule(3, 0.5).predict(X2), ValueError),
    ("unknown measure", lambda: search.RuleSearch(measure="f1").fit(X2, Y2), ValueError),
    ("coordinate search start", lambda: search.CoordinateSearch(start=(1, 2, 3)).fit(X2, Y2),
     ValueError),
    ("coordinate search width",
     lambda: search.CoordinateSearch().fit(np.zeros((4, 3)), Y2), ValueError),
    ("rotate three columns", lambda: representations.rotate(np.zeros((2, 3)), 30), ValueError),
    ("shift by three", lambda: representations.shift(X2, (1, 2, 3)), ValueError),
    ("image not RGB", lambda: representations.rgb_to_hsv(np.zeros((2, 2))), ValueError),
    ("image NaN", lambda: representations.rgb_to_hsv(np.full((1, 3), np.nan)), ValueError),
    ("image 0-255", lambda: representations.rgb_to_hsv(np.full((1, 3), 255.0)), ValueError),
    ("unknown colour space", lambda: images.select(np.zeros((1, 3)), [(0, 1)] * 3, "LAB"),
     ValueError),
    ("unknown channel", lambda: images.select(np.zeros((1, 3)), {"Q": (0, 1)}), ValueError),
    ("two ranges", lambda: images.select(np.zeros((1, 3)), [(0, 1)] * 2), ValueError),
    ("range not a pair", lambda: images.select(np.zeros((1, 3)), [0.5, (0, 1), (0, 1)]),
     TypeError),
    ("range of text", lambda: images.select(np.zeros((1, 3)), [("a", 1), (0, 1), (0, 1)]),
     TypeError),
    ("range reversed", lambda: images.select(np.zeros((1, 3)), [(1, 0), (0, 1), (0, 1)], "HSV"),
     ValueError),
    ("pixels not RGB", lambda: images.select(np.zeros((2, 2)), [(0, 1)] * 3), ValueError),
    ("mask shape", lambda: images.mask_scores(np.zeros(2), np.zeros(3)), ValueError),
    ("desaturate amount", lambda: images.desaturate(np.zeros((1, 3)), 2), ValueError),
    # ----- rule lists and the expert system
    ("rule list names", lambda: rule_lists.RuleList(feature_names="xy"), TypeError),
    ("rule list names twice", lambda: rule_lists.RuleList(feature_names=["x", "x"]),
     ValueError),
    ("one label name", lambda: rule_lists.RuleList(label_names=["a"]), ValueError),
    ("unknown comparison", lambda: rule_lists.Condition("x", "=>", 1.0), ValueError),
    ("threshold text", lambda: rule_lists.Condition("x", ">", "a"), TypeError),
    ("threshold NaN", lambda: rule_lists.Condition("x", ">", float("nan")), ValueError),
    ("rule without conditions", lambda: rule_lists.Rule((), 1), ValueError),
    ("rule of text conditions", lambda: rule_lists.Rule(("x > 1",), 1), TypeError),
    ("rule not text", lambda: rule_lists.parse_rule(3), TypeError),
    ("rule unreadable", lambda: rule_lists.parse_rule("x is big so black"), ValueError),
    ("condition unreadable", lambda: rule_lists.parse_rule("if x is big then black"),
     ValueError),
    ("unknown feature", lambda: rule_lists.parse_rule("if z > 1 then black"), ValueError),
    ("threshold not a number", lambda: rule_lists.parse_rule("if x > big then black"),
     ValueError),
    ("unknown label", lambda: rule_lists.parse_rule("if x > 1 then red"), ValueError),
    ("unknown default", lambda: rule_lists.RuleList(default="grey"), ValueError),
    ("default out of range", lambda: rule_lists.RuleList(default=5), ValueError),
    ("Rule with unknown feature",
     lambda: rule_lists.RuleList([rule_lists.Rule((rule_lists.Condition("z", ">", 1),), 1)]),
     ValueError),
    ("rule of a number", lambda: rule_lists.RuleList([3]), TypeError),
    ("rule number text", lambda: rule_lists.running_example_rules().replace("a", "if x > 1 "
                                                                                 "then black"),
     TypeError),
    ("rule number too large", lambda: rule_lists.running_example_rules().remove(9), IndexError),
    ("remove from empty", lambda: rule_lists.RuleList().remove(), IndexError),
    ("line not text", lambda: rule_lists.RuleList.from_text([3]), TypeError),
    ("otherwise without label", lambda: rule_lists.RuleList.from_text("otherwise"), ValueError),
    ("rule list width", lambda: rule_lists.running_example_rules().predict(np.zeros((2, 3))),
     ValueError),
    ("digit rules count", lambda: rule_lists.digit_rules(99), ValueError),
    ("fact not text", lambda: expert_system.KnowledgeBase().run([3]), TypeError),
    ("fact with spaces", lambda: expert_system.KnowledgeBase().run(["has hair"]), ValueError),
    ("implication unreadable", lambda: expert_system.KnowledgeBase("R1: has_hair so mammal"),
     ValueError),
    ("bad fact in a rule", lambda: expert_system.KnowledgeBase("R1: if has hair then mammal"),
     ValueError),
    ("implication of a number", lambda: expert_system.KnowledgeBase([3]), TypeError),
    ("rule name twice", lambda: expert_system.KnowledgeBase(["R1: if a then b",
                                                             "R1: if b then c"]), ValueError),
    ("remove unknown rule", lambda: expert_system.KnowledgeBase("R1: if a then b").remove("R9"),
     ValueError),
    ("facts as one string", lambda: expert_system.KnowledgeBase().run("has_hair"), TypeError),
    # ----- autograd and gradient checks
    ("Value of text", lambda: autograd.Value("3"), TypeError),
    ("Value plus text", lambda: autograd.Value(1.0) + "a", TypeError),
    ("Value power of a Value", lambda: autograd.Value(2.0) ** autograd.Value(2.0), TypeError),
    ("negative to a fraction", lambda: autograd.Value(-2.0) ** 0.5, ValueError),
    ("zero to a negative power", lambda: autograd.Value(0.0) ** -1, ZeroDivisionError),
    ("log of a negative", lambda: autograd.Value(-1.0).log(), ValueError),
    ("divide by zero", lambda: autograd.Value(1.0) / 0, ZeroDivisionError),
    ("order of a number", lambda: autograd.topological_order(3.0), TypeError),
    ("gradient of a list", lambda: gradcheck.numerical_gradient(sum, [1.0, 2.0]), TypeError),
    ("rel_error shapes", lambda: gradcheck.rel_error(np.zeros(2), np.zeros(3)), ValueError),
    ("check a model without weights",
     lambda: gradcheck.check_model(Sequential([ReLU()]).compile("mse"), X2, X2), ValueError),
]


def _message(mistake, error):
    with pytest.raises(error) as caught:
        mistake()
    return str(caught.value)


@pytest.mark.parametrize("name, mistake, error", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_every_learner_mistake_is_explained_in_korean(korean, name, mistake, error):
    message = _message(mistake, error)
    assert has_hangul(message), message
    assert english_left(message, ALLOWED) == [], message


@pytest.mark.parametrize("name, mistake, error", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_the_same_mistakes_stay_english_by_default(name, mistake, error):
    message = _message(mistake, error)
    assert not has_hangul(message), message


def _korean_text(text):
    assert has_hangul(text), text
    assert english_left(text, ALLOWED) == [], text
    return text


# ----- what is printed: tables, summaries, training logs, rules -------------------------------
def test_summary_and_training_log_in_korean(korean, capsys):
    model = compiled(metrics=["accuracy"])
    lines = []
    model.summary(print_fn=lines.append)
    _korean_text("\n".join(lines))
    assert lines[0].split() == ["층", "출력", "파라미터"]
    assert lines[-1].split() == ["합계", str(model.count_params())]
    # the Korean header keeps the numbers' columns: "출력" ends where the widths end
    assert len(lines[0].encode("utf-8")) > len(lines[1].encode("utf-8")) - 10
    model.fit(X2, Y2, epochs=2, verbose=2)
    printed = capsys.readouterr().out
    assert printed.startswith("에포크 1/2 - loss: ")
    _korean_text(printed)


def test_summary_columns_line_up_in_korean(korean):
    lines = []
    mlp([2, 8, 1]).summary(print_fn=lines.append)
    widths = [i18n.text_width(line) for line in lines]
    assert len(set(widths)) == 1, lines          # every line 36 columns wide, Hangul counted 2


def test_english_summary_is_unchanged():
    lines = []
    mlp([2, 8, 1]).summary(print_fn=lines.append)
    assert lines[0] == f"{'layer':<16}{'output':>10}{'params':>10}"
    assert lines[-1] == f"{'total':<16}{'':>10}{33:>10}"


def test_rule_list_reads_in_korean(korean):
    rules = rule_lists.RuleList(["if x > 1.4 and y > 0 then black", "if x > 2.2 then black"],
                                default="white")
    text = _korean_text(repr(rules))
    assert "만약 x > 1.4, y > 0 이면 검은색" in text
    assert text.splitlines()[-1].strip() == "그 밖에는 흰색"
    report = rules.report(X2, Y2)
    for line, _decided, _right in report:
        _korean_text(line)
    # what a rule list reads stays English: the rules still round-trip through parse_rule
    assert rules.rules[0].text(rules.label_names) == "if x > 1.4 and y > 0 then black"
    again = rule_lists.RuleList([r.text(rules.label_names) for r in rules.rules], "white")
    np.testing.assert_array_equal(again.predict(X2), rules.predict(X2))


def test_digit_rules_read_in_korean(korean):
    text = _korean_text(repr(rule_lists.digit_rules(3)))
    assert "만약 pixel[4,3] < 0.2, pixel[4,2] > 0.3, pixel[4,5] > 0.3 이면 0" in text
    assert text.splitlines()[-1].strip() == "그 밖에는 1"


def test_english_rule_texts_are_unchanged():
    rules = rule_lists.running_example_rules()
    assert repr(rules).splitlines()[0] == "RuleList with 4 rules:"
    assert rules.lines()[-1] == "otherwise white"
    assert repr(rule_lists.RuleList(["if x > 1 then black"])).splitlines()[0] == \
        "RuleList with 1 rule:"
    assert repr(search.ThresholdRule(0, 0.5)) == "x > 0.500 → black (otherwise white)"


def test_search_results_read_in_korean(korean):
    assert _korean_text(repr(search.ThresholdRule(1, -0.2, above=0))) == \
        "y > -0.200 → 흰색 (그 밖에는 검은색)"
    _korean_text(repr(search.ThresholdRule(2, 0.1)))
    fitted = search.RuleSearch().fit(X2, Y2)
    assert "찾은 규칙" in repr(fitted)
    assert "기억한 점 4개" in repr(search.Memorizer().fit(X2, Y2))
    coordinates = search.CoordinateSearch(n_steps=5).fit(X2, Y2)
    assert repr(coordinates).startswith("CoordinateSearch: ")
    _korean_text(repr(coordinates))


def test_expert_system_reads_in_korean(korean):
    kb = expert_system.KnowledgeBase(expert_system.ANIMAL_RULES + (expert_system.PENGUIN_RULE,))
    text = _korean_text(repr(kb))
    assert "R5: 만약 mammal, eats_meat 이면 carnivore" in text
    inference = kb.run({"has_feathers", "swims", "black_and_white"})
    trace = _korean_text(repr(inference))
    assert "모순" in trace
    assert _korean_text(repr(expert_system.KnowledgeBase().run([]))).splitlines() == \
        ["주어진 사실: (없음)", "적용되는 규칙이 없습니다"]
    # the rules a knowledge base reads stay English
    assert kb.rules[0].text() == "R1: if has_hair then mammal"


def test_english_expert_system_is_unchanged():
    kb = expert_system.KnowledgeBase(["R1: if a and b then c"])
    assert repr(kb) == "KnowledgeBase with 1 rules:\n  R1: if a and b then c"
    assert repr(kb.run(["a", "b"])) == "given: a, b\nstep 1: R1 fires (a and b) -> c"


def test_tables_and_reprs_read_in_korean(korean):
    model = mlp([2, 4, 2], seed=0).compile("sparse_categorical_crossentropy",
                                           metrics=["accuracy"])
    run = depth.train_with_checkpoints(model, X2, Y2, epochs=2, every=1)
    _korean_text(repr(run))
    _korean_text(repr(depth.TrainingRun()))
    comparison = depth.compare_shapes([[2, 3, 2]], (X2, Y2, X2, Y2), epochs=1, seeds=(0, 1))
    table = _korean_text(repr(comparison))
    header = table.splitlines()[1]
    row = table.splitlines()[2]
    assert i18n.text_width(header) == i18n.text_width(row)   # columns still line up
    _korean_text(repr(comparison[0]))
    separation = digits.SeparationTable(["input: 64 pixels", "Dense(64, 8): scores"], [64, 8],
                                        [0.8, 0.95], [0.1, 0.4])
    _korean_text(repr(separation))
    _korean_text(separation._repr_html_())
    assert "입력: 픽셀 64개" in repr(separation)
    tree = fitted_tree().export_text(["x", "y"])
    assert "클래스: " in tree
    picture = images.colour_picture(seed=0) if hasattr(images, "colour_picture") else None
    if picture is not None:
        _korean_text(repr(picture))


def test_english_tables_are_unchanged():
    separation = digits.SeparationTable(["input: 64 pixels", "ReLU"], [64, 8], [0.8, 0.95],
                                        [0.1, 0.4])
    assert repr(separation).splitlines()[0] == \
        "representation    numbers  nearest-centroid accuracy  silhouette"
    assert repr(depth.TrainingRun()) == "TrainingRun(no checkpoints)"


def test_environment_verdict_in_korean(korean, capsys):
    environment.check()
    _korean_text(capsys.readouterr().out)
    found = {"Python": "3.8.0", "NumPy": "1.0", "matplotlib": None, "scikit-learn": "1.5",
             "ipywidgets": "8.1"}
    problems = environment.problems(found)
    assert len(problems) == 3
    for line in problems:
        _korean_text(line)


def test_divergence_advice_names_the_learning_rate_in_korean(korean):
    with pytest.raises(training.DivergenceError) as caught:
        diverging_fit()
    message = _korean_text(str(caught.value))
    assert "(lr=5)" in message and "훈련이 발산했습니다" in message


def test_csv_error_in_korean_names_the_row(korean):
    with pytest.raises(ValueError) as caught:
        load_csv(io.StringIO("x,y,label\n1,2,0\n3,abc,1\n"))
    message = _korean_text(str(caught.value))
    assert "3행" in message and "'abc'" in message
