"""helpers.depth against hand computations: forward passes written out with NumPy, parameter
counts from the formula, and the accuracies the notebook states."""
import numpy as np
import pytest

from helpers import Adam, SoftmaxCrossEntropy, depth, mlp


def manual_forward(weights, X, activation=np.tanh):
    """Every stage of an mlp with the given [W1, b1, W2, b2, ...], written out by hand."""
    stages = [np.asarray(X, float)]
    n_dense = len(weights) // 2
    for k in range(n_dense):
        W, b = weights[2 * k], weights[2 * k + 1]
        stages.append(stages[-1] @ W + b)
        if k < n_dense - 1:
            stages.append(activation(stages[-1]))
    return stages


def manual_accuracy_and_loss(weights, X, y):
    logits = manual_forward(weights, X)[-1]
    z = logits - logits.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return np.mean(logits.argmax(axis=1) == y), -np.mean(log_p[np.arange(len(y)), y])


@pytest.fixture(scope="module")
def xor_run():
    X_train, y_train, X_test, y_test = depth.xor_split()
    model = depth.untangling_network(seed=0)
    run = depth.train_with_checkpoints(model, X_train, y_train, epochs=60, every=3,
                                       validation_data=(X_test, y_test))
    return model, run


# ----- checkpoints ----------------------------------------------------------------------------
def test_checkpoints_at_the_requested_epochs(xor_run):
    _, run = xor_run
    assert run.epochs == list(range(0, 61, 3))
    assert len(run) == len(run.weights) == len(run.accuracy) == len(run.loss) == 21
    assert len(run.val_accuracy) == 21


def test_last_epoch_is_always_saved():
    X, y = depth.xor_split()[:2]
    model = depth.untangling_network()
    run = depth.train_with_checkpoints(model, X, y, epochs=7, every=3)
    assert run.epochs == [0, 3, 6, 7]


def test_checkpoint_weights_reproduce_the_recorded_accuracy_and_loss(xor_run):
    _, run = xor_run
    X, y = depth.xor_split()[:2]
    for weights, acc, loss in zip(run.weights, run.accuracy, run.loss):
        manual_acc, manual_loss = manual_accuracy_and_loss(weights, X, y)
        assert acc == pytest.approx(manual_acc, abs=1e-12)
        assert loss == pytest.approx(manual_loss, rel=1e-9)
    X_test, y_test = depth.xor_split()[2:]
    for weights, acc in zip(run.weights, run.val_accuracy):
        assert acc == pytest.approx(manual_accuracy_and_loss(weights, X_test, y_test)[0])


def test_loading_a_checkpoint_into_a_fresh_model_gives_its_accuracy(xor_run):
    _, run = xor_run
    X, y = depth.xor_split()[:2]
    fresh = depth.untangling_network(seed=123)
    for i in (0, 5, -1):
        run.load(fresh, i)
        assert fresh.evaluate(X, y, return_dict=True)["accuracy"] == pytest.approx(run.accuracy[i])


def test_checkpoints_are_copies_not_views(xor_run):
    model, run = xor_run
    assert not np.allclose(run.weights[0][0], run.weights[-1][0])
    for saved, live in zip(run.weights[-1], model.get_weights()):
        np.testing.assert_array_equal(saved, live)
        assert saved is not live


def test_final_weights_equal_those_of_fit_with_the_same_seed():
    X, y = depth.xor_split()[:2]
    a, b = depth.untangling_network(), depth.untangling_network()
    run = depth.train_with_checkpoints(a, X, y, epochs=12, every=4, batch_size=16, seed=5)
    b.fit(X, y, epochs=12, batch_size=16, seed=5, verbose=0)
    for w_run, w_fit in zip(run.weights[-1], b.get_weights()):
        np.testing.assert_allclose(w_run, w_fit, rtol=0, atol=1e-12)


def test_the_two_unit_network_untangles_xor(xor_run):
    model, run = xor_run
    X_test, y_test = depth.xor_split()[2:]
    assert run.accuracy[0] < 0.6            # before training: a coin toss
    assert run.accuracy[-1] == 1.0          # after: every training point right
    assert model.evaluate(X_test, y_test, return_dict=True)["accuracy"] >= 0.95


def test_a_straight_line_cannot_separate_xor():
    """Why the data set was chosen: the best linear classifier is far from perfect."""
    from sklearn.svm import LinearSVC

    X, y = depth.xor_split()[:2]
    assert LinearSVC(C=100.0, max_iter=20000).fit(X, y).score(X, y) < 0.75


# ----- the grid through the layers ------------------------------------------------------------
def test_grid_lines_are_straight_vertical_then_horizontal():
    lines = depth.grid_lines(-1.0, 2.0, n_lines=4, n_points=5)
    assert lines.shape == (8, 5, 2)
    np.testing.assert_allclose(lines[:4, :, 0], np.repeat([[-1.0], [0.0], [1.0], [2.0]], 5, 1))
    np.testing.assert_allclose(lines[4:, :, 1], np.repeat([[-1.0], [0.0], [1.0], [2.0]], 5, 1))
    np.testing.assert_allclose(lines[0, :, 1], [-1.0, -0.25, 0.5, 1.25, 2.0])


def test_transformed_grid_equals_a_manual_forward_pass(xor_run):
    model, _ = xor_run
    lines = depth.grid_lines(n_lines=5, n_points=7)
    reps = depth.transform_lines(model, lines)
    manual = manual_forward(model.get_weights(), lines.reshape(-1, 2))
    assert len(reps) == len(model.layers) + 1 == len(manual)
    for rep, expected in zip(reps, manual):
        np.testing.assert_allclose(rep, expected.reshape(10, 7, 2), rtol=1e-12, atol=1e-12)


def test_stage_names():
    assert depth.stage_names(mlp([2, 2, 2], "relu")) == ["input", "Dense 1", "relu 1",
                                                         "output (Dense 2)"]


def test_decision_line_splits_points_as_the_network_does(xor_run):
    model, _ = xor_run
    X = depth.xor_split()[0]
    reps = model.representations(X)
    predicted = model.predict_classes(X)
    for stage in (6, 7):
        w, c = depth.decision_line(model, stage)
        np.testing.assert_array_equal((reps[stage] @ w + c > 0).astype(int), predicted)
    for stage in range(6):
        assert depth.decision_line(model, stage) is None


def test_decision_line_in_the_output_is_the_diagonal(xor_run):
    model, _ = xor_run
    w, c = depth.decision_line(model, 7)
    np.testing.assert_allclose(w, [-1.0, 1.0])
    assert c == 0.0


def test_decision_line_composes_trailing_dense_layers():
    from helpers import Dense, Sequential, Tanh

    model = Sequential([Dense(2, 2, seed=0), Tanh(), Dense(2, 2, seed=1), Dense(2, 2, seed=2)])
    model.layers[2].params["b"][:] = [0.3, -0.2]
    model.layers[3].params["b"][:] = [0.1, 0.4]
    points = np.random.default_rng(0).normal(size=(50, 2))
    hidden = np.tanh(points @ model.layers[0].params["W"])
    out = model.predict(points)
    w, c = depth.decision_line(model, 2)
    np.testing.assert_allclose(hidden @ w + c, out[:, 1] - out[:, 0], atol=1e-12)


# ----- depth versus width ---------------------------------------------------------------------
@pytest.mark.parametrize("sizes, by_hand", [
    ([2, 2, 2, 2, 2], 4 * (2 * 2 + 2)),
    ([2, 10, 10, 2], (2 * 10 + 10) + (10 * 10 + 10) + (10 * 2 + 2)),
    ([2, 60, 2], (2 * 60 + 60) + (60 * 2 + 2)),
    ([2, 32, 32, 32, 2], 96 + 2 * 1056 + 66),
    ([64, 96, 48, 10], 64 * 96 + 96 + 96 * 48 + 48 + 48 * 10 + 10),
])
def test_count_mlp_params_matches_hand_count_and_the_model(sizes, by_hand):
    assert depth.count_mlp_params(sizes) == by_hand
    assert mlp(sizes).count_params() == by_hand


def test_widest_for_budget_is_the_largest_width_that_fits():
    # hand: 1 layer 5w + 2; 2 layers w² + 6w + 2; 3 layers 2w² + 7w + 2; 4 layers 3w² + 8w + 2
    assert [depth.widest_for_budget(d, 302) for d in (1, 2, 3, 4)] == [60, 14, 10, 8]
    assert depth.shapes_for_budget(302, depths=(1, 3)) == [[2, 60, 2], [2, 10, 10, 10, 2]]
    for budget in (20, 57, 100, 301, 1000):
        for d in (1, 2, 3):
            w = depth.widest_for_budget(d, budget)
            assert mlp([2] + [w] * d + [2]).count_params() <= budget
            assert mlp([2] + [w + 1] * d + [2]).count_params() > budget


def test_compare_shapes_trains_each_shape_like_fit():
    split = depth.tight_spiral_split()
    comparison = depth.compare_shapes([[2, 6, 2], [2, 3, 3, 2]], split, epochs=3, seeds=(0, 1))
    assert [r.params for r in comparison] == [32, 29]
    twin = mlp([2, 3, 3, 2], "relu", seed=1)
    twin.compile(SoftmaxCrossEntropy(), Adam(0.01), metrics=["accuracy"])
    twin.fit(split[0], split[1], epochs=3, batch_size=32, seed=1, verbose=0)
    # trained side by side in other processes, yet number for number what fit gives here
    assert comparison[1].test_accuracies[1] == \
        twin.evaluate(split[2], split[3], return_dict=True)["accuracy"]
    first = mlp([2, 3, 3, 2], "relu", seed=0)
    first.compile(SoftmaxCrossEntropy(), Adam(0.01), metrics=["accuracy"])
    first.fit(split[0], split[1], epochs=3, batch_size=32, seed=0, verbose=0)
    assert all(np.array_equal(a, b)
               for a, b in zip(comparison[1].model.get_weights(), first.get_weights()))
    text = repr(comparison)
    assert "2-3-3-2" in text and "seed 1" in text


def test_depth_beats_width_on_the_tight_spiral_at_equal_budget():
    """The notebook's claims, with its exact settings: two or three hidden layers clearly beat
    one wide layer on the same budget; four narrow layers are no better than three."""
    shapes = depth.shapes_for_budget(302, depths=(1, 2, 3, 4))
    comparison = depth.compare_shapes(shapes, depth.tight_spiral_split(), epochs=150)
    one, two, three, four = comparison
    assert [r.params for r in comparison] == [302, 282, 272, 258]
    for deeper in (two, three):
        assert deeper.mean_test_accuracy > one.mean_test_accuracy + 0.15
    assert three.mean_test_accuracy > 0.95
    assert four.mean_test_accuracy <= three.mean_test_accuracy
    assert np.ptp(four.test_accuracies) > np.ptp(three.test_accuracies)   # seeds disagree more
    assert comparison.best() is three


def test_the_course_spiral_is_too_easy_to_tell_shapes_apart():
    """The notebook says the reference spiral network's budget solves the one-turn spiral with
    one hidden layer as well."""
    from helpers import networks, scoreboard

    reference = networks.spiral_network()
    assert reference.count_params() == depth.count_mlp_params([2, 32, 32, 32, 2]) == 2274
    X_test, y_test = scoreboard.spiral_split()[2:]
    assert reference.evaluate(X_test, y_test, return_dict=True)["accuracy"] == 1.0


# ----- bad input ------------------------------------------------------------------------------
def test_bad_input_is_named():
    X, y = depth.xor_split()[:2]
    compiled = depth.untangling_network()
    with pytest.raises(ValueError, match="compile the model first"):
        depth.train_with_checkpoints(mlp([2, 2, 2]), X, y, epochs=2)
    with pytest.raises(TypeError, match="Sequential"):
        depth.train_with_checkpoints("model", X, y, epochs=2)
    with pytest.raises(ValueError, match="every <= epochs"):
        depth.train_with_checkpoints(compiled, X, y, epochs=2, every=5)
    with pytest.raises(ValueError, match="3 column"):
        depth.train_with_checkpoints(compiled, np.ones((4, 3)), [0, 1, 0, 1], epochs=2)
    with pytest.raises(TypeError, match="epochs"):
        depth.train_with_checkpoints(compiled, X, y, epochs=2.5)
    with pytest.raises(ValueError, match="pair"):
        depth.train_with_checkpoints(compiled, X, y, epochs=2, validation_data=(X,))
    with pytest.raises(ValueError, match="lo < hi"):
        depth.grid_lines(1.0, -1.0)
    with pytest.raises(ValueError, match=r"\(n_lines, n_points, 2\)"):
        depth.transform_lines(compiled, np.ones((5, 2)))
    with pytest.raises(ValueError, match="stages 0 to 7"):
        depth.decision_line(compiled, 8)
    with pytest.raises(ValueError, match="Dense"):
        depth.decision_line(mlp([2, 2, 1]), 2)
    with pytest.raises(TypeError, match="list of layer sizes"):
        depth.count_mlp_params("2-8-2")
    with pytest.raises(ValueError, match="at least an input and an output"):
        depth.count_mlp_params([2])
    with pytest.raises(ValueError, match="raise the budget"):
        depth.widest_for_budget(3, 10)
    with pytest.raises(ValueError, match="X_train, y_train, X_test, y_test"):
        depth.compare_shapes([[2, 4, 2]], (X, y))


def test_bad_checkpoint_numbers_are_named(xor_run):
    _, run = xor_run
    with pytest.raises(ValueError, match="numbered 0 to 20"):
        run.load(depth.untangling_network(), 21)
    with pytest.raises(TypeError, match="whole number"):
        run.load(depth.untangling_network(), 1.5)
    with pytest.raises(ValueError, match="weight arrays"):
        run.load(mlp([2, 2, 2]), 0)
    assert "21 checkpoints" in repr(run)


# ----- the notebook's other claims ------------------------------------------------------------
def test_training_accuracy_reaches_one_by_epoch_24(xor_run):
    _, run = xor_run
    assert run.accuracy[run.epochs.index(24)] == 1.0
    assert run.accuracy[run.epochs.index(12)] < 1.0


def test_a_narrow_network_depends_on_its_random_start():
    X, y = depth.xor_split()[:2]
    finals = []
    for seed in range(8):
        run = depth.train_with_checkpoints(depth.untangling_network(seed), X, y, epochs=60,
                                           every=60)
        finals.append(run.accuracy[-1])
    assert 2 <= sum(a == 1.0 for a in finals) <= 6
    assert min(finals) < 0.8


def test_two_units_cannot_pull_the_disc_out_of_the_ring_but_three_can():
    rings = depth.compare_shapes([[2, 2, 2, 2, 2], [2, 3, 3, 3, 2]], depth.circles_split(),
                                 activation="tanh", lr=0.03, epochs=100)
    narrow, wider = rings
    assert max(narrow.test_accuracies) < 0.95
    assert min(wider.test_accuracies) == 1.0


def test_checkpoints_hold_the_numbers_fit_reports_for_the_same_epochs():
    """train_with_checkpoints is fit with a callback: its checkpoints after epoch k hold fit's
    history numbers for epoch k, and the untrained checkpoint those of evaluate."""
    X, y = depth.xor_split()[:2]
    X_val, y_val = depth.xor_split()[2:]
    a, b = depth.untangling_network(), depth.untangling_network()
    start = b.evaluate(X, y, return_dict=True)
    run = depth.train_with_checkpoints(a, X, y, epochs=6, every=2, seed=3,
                                       validation_data=(X_val, y_val))
    history = b.fit(X, y, epochs=6, seed=3, verbose=0, validation_data=(X_val, y_val)).history
    assert run.epochs == [0, 2, 4, 6]
    assert run.loss == [start["loss"]] + [history["loss"][k - 1] for k in (2, 4, 6)]
    assert run.accuracy[1:] == [history["accuracy"][k - 1] for k in (2, 4, 6)]
    assert run.val_accuracy[1:] == [history["val_accuracy"][k - 1] for k in (2, 4, 6)]
