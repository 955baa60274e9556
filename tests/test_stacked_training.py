"""Training copies of a network as one stack must leave each exactly as its own fit() would."""
import numpy as np
import pytest

from helpers import depth
from helpers.layers import set_random_seed
from helpers.losses import MeanSquaredError, SoftmaxCrossEntropy
from helpers.models import mlp
from helpers.optimizers import SGD, Adam, RMSprop
from helpers.stacked_training import can_stack, fit_side_by_side
from helpers.training import DivergenceError


def compiled(sizes, activation, seed, optimizer=lambda: Adam(0.01), loss=SoftmaxCrossEntropy,
             metrics=("accuracy",)):
    model = mlp(sizes, activation, seed=seed)
    model.compile(loss(), optimizer(), metrics=list(metrics))
    return model


def assert_same(stacked, alone, history, alone_history):
    for p, q in zip(stacked.parameters(), alone.parameters()):
        assert np.array_equal(p, q)
    assert history.history == alone_history.history and history.epoch == alone_history.epoch
    assert stacked.optimizer.iterations == alone.optimizer.iterations
    assert stacked.optimizer.state.keys() == alone.optimizer.state.keys()
    for key in alone.optimizer.state:
        assert np.array_equal(stacked.optimizer.state[key], alone.optimizer.state[key])
    assert stacked.watch.start == alone.watch.start
    assert stacked._recent_loss == alone._recent_loss


@pytest.mark.parametrize("sizes, activation, optimizer, batch_size, metrics", [
    ([2, 8, 8, 8, 8, 2], "relu", lambda: Adam(0.01), 32, ("accuracy",)),
    ([2, 60, 2], "relu", lambda: Adam(0.01), 32, ("accuracy",)),
    ([2, 3, 3, 3, 2], "tanh", lambda: Adam(0.03), 32, ("accuracy",)),
    ([2, 5, 3], "sigmoid", lambda: SGD(0.1, momentum=0.9), 7, ()),     # a short last batch
    ([2, 6, 6, 2], "relu", lambda: RMSprop(0.005), 300, ("accuracy",)),  # one batch an epoch
])
def test_each_copy_ends_as_its_own_fit_leaves_it(sizes, activation, optimizer, batch_size,
                                                 metrics):
    X, y, _, _ = depth.tight_spiral_split()
    seeds = (0, 1, 2)
    alone = [compiled(sizes, activation, s, optimizer, metrics=metrics) for s in seeds]
    alone_histories = [m.fit(X, y, epochs=12, batch_size=batch_size, seed=s, verbose=0)
                       for m, s in zip(alone, seeds)]
    stacked = [compiled(sizes, activation, s, optimizer, metrics=metrics) for s in seeds]
    assert can_stack(stacked)
    histories = fit_side_by_side(stacked, X, y, epochs=12, batch_size=batch_size, seeds=seeds)
    for m, a, h, ah in zip(stacked, alone, histories, alone_histories):
        assert_same(m, a, h, ah)
    # and the copies really differ (their own seeds: own starting weights and batches)
    assert not np.array_equal(stacked[0].parameters()[0], stacked[1].parameters()[0])


def test_a_trained_copy_goes_on_training_as_if_fit_had_trained_it():
    X, y, _, _ = depth.xor_split()
    stacked = [compiled([2, 4, 2], "tanh", s) for s in (3, 4)]
    fit_side_by_side(stacked, X, y, epochs=5, seeds=(3, 4))
    alone = compiled([2, 4, 2], "tanh", 3)
    alone.fit(X, y, epochs=5, seed=3, verbose=0)
    more, alone_more = (m.fit(X, y, epochs=3, seed=9, verbose=0) for m in (stacked[0], alone))
    assert_same(stacked[0], alone, more, alone_more)


def test_models_that_cannot_be_stacked_are_trained_one_after_another():
    X, y, _, _ = depth.xor_split()
    mixed = [compiled([2, 4, 2], "relu", 0), compiled([2, 5, 2], "relu", 1)]     # shapes differ
    other_loss = [compiled([2, 4, 2], "relu", s, loss=MeanSquaredError) for s in (0, 1)]
    other_rate = [compiled([2, 4, 2], "relu", 0),
                  compiled([2, 4, 2], "relu", 1, optimizer=lambda: Adam(0.02))]
    used = [compiled([2, 4, 2], "relu", s) for s in (0, 1)]
    used[1].fit(X, y, epochs=1, seed=1, verbose=0)                               # not fresh
    for models in (mixed, other_loss, other_rate, used):
        assert not can_stack(models)
    y_onehot = np.eye(2)[y]
    for models, targets in ((mixed, y), (other_loss, y_onehot), (other_rate, y), (used, y)):
        seeds = (5, 6)
        before = [m.get_weights() for m in models]
        histories = fit_side_by_side(models, X, targets, epochs=3, seeds=seeds)
        assert len(histories) == 2 and all(len(h.epoch) == 3 for h in histories)
        assert all(not np.array_equal(b[0], m.get_weights()[0]) for b, m in zip(before, models))
    assert can_stack([compiled([2, 4, 2], "relu", s) for s in (0, 1)])


def test_a_copy_that_diverges_stops_the_stack_with_fits_error_before_its_step():
    X, y, _, _ = depth.xor_split()
    blow_up = dict(sizes=[2, 16, 16, 2], activation="relu", optimizer=lambda: SGD(50.0))
    alone = compiled(seed=0, **blow_up)
    with pytest.raises(DivergenceError, match="diverged") as alone_error:
        alone.fit(X, y, epochs=20, seed=0, verbose=0)
    models = [compiled(seed=0, **blow_up) for _ in range(2)]      # two copies of that one
    with pytest.raises(DivergenceError, match="diverged") as error:
        fit_side_by_side(models, X, y, epochs=20, seeds=(0, 0))
    assert str(error.value) == str(alone_error.value)
    for model in models:                  # stopped where fit stopped, weights as fit left them
        for p, q in zip(model.parameters(), alone.parameters()):
            assert np.array_equal(p, q)
        assert model.optimizer.iterations == alone.optimizer.iterations


def test_compare_shapes_gives_the_numbers_of_training_each_network_alone():
    split = depth.circles_split()
    comparison = depth.compare_shapes([[2, 2, 2, 2, 2], [2, 3, 3, 3, 2]], split,
                                      activation="tanh", lr=0.03, epochs=20)
    X_train, y_train, X_test, y_test = split
    for result in comparison.results:
        for seed, train_acc, test_acc in zip(comparison.seeds, result.train_accuracies,
                                             result.test_accuracies):
            model = mlp(result.sizes, "tanh", seed=seed)
            model.compile(SoftmaxCrossEntropy(), Adam(0.03), metrics=["accuracy"])
            history = model.fit(X_train, y_train, epochs=20, batch_size=32, seed=seed,
                                verbose=0)
            assert train_acc == history.history["accuracy"][-1]
            assert test_acc == model.evaluate(X_test, y_test, return_dict=True)["accuracy"]


def test_without_seeds_the_batches_come_from_the_shared_generator_as_in_fit():
    X, y, _, _ = depth.xor_split()
    set_random_seed(7)
    alone = [compiled([2, 4, 2], "relu", s) for s in (0, 1)]
    alone_histories = [m.fit(X, y, epochs=4, verbose=0) for m in alone]
    set_random_seed(7)
    models = [compiled([2, 4, 2], "relu", s) for s in (0, 1)]
    histories = fit_side_by_side(models, X, y, epochs=4)
    for m, a, h, ah in zip(models, alone, histories, alone_histories):
        assert_same(m, a, h, ah)
