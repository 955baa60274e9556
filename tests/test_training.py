"""helpers.training: the mini-batches and the divergence rule every training loop shares."""
import math

import numpy as np
import pytest

from helpers.training import DivergenceError, DivergenceWatch, minibatches


# ----- minibatches ----------------------------------------------------------------------------
@pytest.mark.parametrize("n, batch_size", [(10, 3), (32, 32), (5, 8), (1, 1), (100, 7)])
def test_every_row_once_in_batches_of_the_given_size(n, batch_size):
    batches = list(minibatches(n, batch_size, np.random.default_rng(0)))
    assert sorted(np.concatenate(batches).tolist()) == list(range(n))
    assert [len(b) for b in batches[:-1]] == [batch_size] * (len(batches) - 1)
    assert 1 <= len(batches[-1]) <= batch_size and len(batches) == math.ceil(n / batch_size)


def test_shuffled_order_is_one_permutation_of_the_generator():
    batches = list(minibatches(10, 4, np.random.default_rng(5)))
    np.testing.assert_array_equal(np.concatenate(batches),
                                  np.random.default_rng(5).permutation(10))


def test_same_generator_same_batches_and_no_shuffle_keeps_the_order():
    a = [b.tolist() for b in minibatches(20, 6, np.random.default_rng(1))]
    b = [b.tolist() for b in minibatches(20, 6, np.random.default_rng(1))]
    assert a == b
    assert [b.tolist() for b in minibatches(5, 2, shuffle=False)] == [[0, 1], [2, 3], [4]]


# ----- DivergenceWatch ------------------------------------------------------------------------
def test_first_loss_is_the_start_and_ten_times_it_is_the_limit():
    watch = DivergenceWatch()
    assert watch.limit() is None and watch.check(2.0) == 2.0
    assert watch.start == 2.0 and watch.limit() == 20.0
    assert watch.check(19.9) == 19.9 and watch.start == 2.0      # later losses do not move it
    with pytest.raises(DivergenceError, match=r"jumped to 20\.5, more than 10 times its "
                                              r"starting value 2\b"):
        watch.check(20.5, lr=0.5)


def test_a_tiny_start_counts_as_the_floor():
    watch = DivergenceWatch()
    watch.check(0.001)
    assert watch.limit() == pytest.approx(1.0)      # 10 x 0.1, not 10 x 0.001
    watch.check(0.9)
    with pytest.raises(DivergenceError):
        watch.check(1.1)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf"), np.float64("nan")])
def test_nan_or_infinite_is_divergence_even_as_the_first_loss(bad):
    with pytest.raises(DivergenceError, match="became NaN or infinite") as caught:
        DivergenceWatch().check(bad, lr=1000)
    assert "(lr=1000)" in str(caught.value) and isinstance(caught.value, FloatingPointError)


def test_message_names_what_the_learning_rate_and_the_advice():
    watch = DivergenceWatch(factor=3, advice="press Reset and try a smaller one")
    assert watch.message(5.0) is None and watch.start is None     # message() only reads
    watch.check(1.0)
    assert watch.message(2.9) is None
    text = watch.message(3.5, lr=0.25, what="the train loss")
    assert text == ("training diverged: the train loss jumped to 3.5, more than 3 times its "
                    "starting value 1. The learning rate (lr=0.25) is most likely too large; "
                    "press Reset and try a smaller one, for example ten times smaller.")
    assert "(lr=" not in watch.message(float("nan"))


def test_reset_forgets_the_start():
    watch = DivergenceWatch()
    watch.check(1.0)
    watch.reset()
    assert watch.start is None and watch.check(50.0) == 50.0 and watch.start == 50.0


def test_check_finite_looks_at_every_array():
    watch = DivergenceWatch()
    watch.check_finite([np.zeros(3), np.ones((2, 2))])
    with pytest.raises(DivergenceError, match="the weights became NaN or infinite"):
        watch.check_finite([np.zeros(3), np.array([[1.0, np.inf]])], lr=2.0)
