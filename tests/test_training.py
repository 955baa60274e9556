"""helpers.training: the mini-batches and the divergence rule every training loop shares, and
training side by side."""
import math
import multiprocessing
import os

import numpy as np
import pytest

from helpers.training import DivergenceError, DivergenceWatch, minibatches, side_by_side


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



# ----- side_by_side ---------------------------------------------------------------------------
def _noisy_sum(seed, n):
    """A job: some arithmetic that depends on its arguments, and the process that did it."""
    return float(np.random.default_rng(seed).normal(size=n).sum()), os.getpid()


def test_side_by_side_gives_the_jobs_results_in_order_whichever_way_it_runs():
    jobs = [(seed, 50 + seed) for seed in range(6)]
    alone = [_noisy_sum(*job)[0] for job in jobs]
    here = side_by_side(_noisy_sum, jobs, processes=1)
    assert [r[0] for r in here] == alone and {r[1] for r in here} == {os.getpid()}
    together = side_by_side(_noisy_sum, jobs, processes=2)
    assert [r[0] for r in together] == alone
    if "fork" in multiprocessing.get_all_start_methods():
        assert os.getpid() not in {r[1] for r in together}      # really in other processes
    assert side_by_side(_noisy_sum, [], processes=2) == []
