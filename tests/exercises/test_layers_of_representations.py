"""Checkers of notebook 05: the worked solutions pass, typical mistakes get their hint."""
import pytest

from helpers import mlp
from helpers.exercises import layers_of_representations as ex

from ._junk import JUNK, assert_turns_down


@pytest.mark.parametrize("check", [ex.check_deep_meaning, ex.check_param_count,
                                   ex.check_budget_shape])
def test_no_answer_gets_a_friendly_not_yet(check):
    feedback = check(None)
    assert not feedback
    assert repr(feedback).startswith("✗ Not yet: no answer yet")


@pytest.mark.parametrize("check", [ex.check_deep_meaning, ex.check_param_count,
                                   ex.check_budget_shape])
@pytest.mark.parametrize("name", sorted(JUNK))
def test_junk(check, name):
    assert_turns_down(check, JUNK[name])


def test_one_way_of_counting_depth():
    # depth = the number of Dense layers (the layers with weights), in every message
    assert "depth is 4" in ex.check_deep_meaning("b").message            # 2-2-2-2-2
    assert "depth 3" in ex.check_param_count(162).message                 # 2-10-10-2
    assert "depth 3" in ex.check_budget_shape([2, 44, 44, 2]).message
    assert "depth 2" in ex.check_budget_shape([2, 454, 2]).message
    assert "Dense layers" in ex.__doc__ and "depth 4" in ex.__doc__


def test_deep_meaning():
    assert ex.check_deep_meaning("b")
    assert ex.check_deep_meaning(" B ")
    assert ex.check_deep_meaning("(b)")
    assert ex.check_deep_meaning("b) ")
    assert ex.check_deep_meaning("The model is a stack of many successive layers, each "
                                 "producing a new representation of its input.")
    assert "maths, not brains" in ex.check_deep_meaning("c").hint
    assert "understands nothing" in ex.check_deep_meaning("a").hint
    assert ex.check_deep_meaning("a").message.startswith("(a) says that the model reaches")
    assert "not the data's size" in ex.check_deep_meaning("d").hint
    assert "one of the letters" in ex.check_deep_meaning("e").hint
    assert not ex.check_deep_meaning(2)


def test_param_count_solution_and_typical_mistakes():
    solution = (2 * 10 + 10) + (10 * 10 + 10) + (10 * 2 + 2)      # the worked solution: 162
    assert solution == mlp(list(ex.PARAM_COUNT_SIZES)).count_params()
    assert ex.check_param_count(solution)
    assert ex.check_param_count(162.0)
    assert ex.check_param_count("162")
    assert ex.check_param_count(" 162 ")
    assert "not the biases" in ex.check_param_count(140).message          # weights only
    assert "units (neurons)" in ex.check_param_count(24).message          # counted units
    assert "input units too" in ex.check_param_count(164).message         # bias on inputs
    assert "count_params" in ex.check_param_count(100).hint
    assert "should be a number" in ex.check_param_count("many").message
    assert "whole number" in ex.check_param_count(162.5).message
    assert not ex.check_param_count(True)


def test_budget_shape_solution_and_typical_mistakes():
    assert ex.BUDGET == 2274 == mlp([2, 32, 32, 32, 2]).count_params()
    # worked solution: w² + 6w + 2 <= 2274 gives w = 44 (2202); w = 45 needs 2297
    assert mlp([2, 44, 44, 2]).count_params() == 2202
    assert mlp([2, 45, 45, 2]).count_params() == 2297
    assert ex.check_budget_shape([2, 44, 44, 2])
    assert ex.check_budget_shape((2, 44, 44, 2))
    assert ex.check_budget_shape(mlp([2, 44, 44, 2]))
    for text in ("2-44-44-2", "[2, 44, 44, 2]", "2, 44, 44, 2", "2 x 44 x 44 x 2"):
        assert ex.check_budget_shape(text), text
    assert ex.check_budget_shape([2.0, 44.0, 44.0, 2.0])
    over = ex.check_budget_shape([2, 45, 45, 2])
    assert "2297 parameters, over the budget of 2274" in over.message
    assert "one more unit per layer would still fit" in ex.check_budget_shape([2, 40, 40, 2]).message
    assert "has 1 hidden layer(s)" in ex.check_budget_shape([2, 454, 2]).message
    assert "has 3 hidden layer(s) (depth 4" in ex.check_budget_shape([2, 32, 32, 32, 2]).message
    assert "different widths" in ex.check_budget_shape([2, 50, 30, 2]).message
    assert "start and end with 2" in ex.check_budget_shape([3, 44, 44, 2]).message
    assert "not a list of layer sizes" in ex.check_budget_shape("two hidden layers").message
    assert "not a list of layer sizes" in ex.check_budget_shape([2, 44.5, 44, 2]).message
