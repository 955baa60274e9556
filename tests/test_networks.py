"""helpers.networks: the reference networks, their recipes and their recorded weights."""
import numpy as np
import pytest

from helpers import networks
from helpers.models import Sequential


@pytest.mark.parametrize("name", networks.RECORDED)
def test_recorded_weights_are_exactly_what_the_recipe_trains(name):
    model = networks.recorded(name)
    assert model is not None, "no weights recorded: run python3 tools/record_scores.py"
    trained = networks.train(name)
    assert [w.shape for w in model.get_weights()] == [w.shape for w in trained.get_weights()]
    for stored, fresh in zip(model.get_weights(), trained.get_weights()):
        np.testing.assert_allclose(stored, fresh, rtol=0, atol=1e-12,
                                   err_msg="recorded weights are stale: run "
                                           "python3 tools/record_scores.py")
    _, _, X_test, y_test = networks.RECIPES[name][0]()
    assert np.array_equal(model.predict_classes(X_test), trained.predict_classes(X_test))


def test_looked_up_networks_are_not_trained_again(monkeypatch):
    def no_training(*args, **kwargs):
        raise AssertionError("a recorded network was trained")

    monkeypatch.setattr(Sequential, "fit", no_training)
    for name in networks.RECORDED:
        model = networks.recorded(name)
        assert model.count_params() == sum(w.size for w in model.get_weights()) > 0
        _, _, X_test, y_test = networks.RECIPES[name][0]()
        assert model.evaluate(X_test, y_test, return_dict=True)["accuracy"] > 0.8


def test_weights_recorded_for_another_recipe_are_not_used(monkeypatch):
    split, sizes, activation, lr, epochs = networks.RECIPES["spiral"]
    monkeypatch.setitem(networks.RECIPES, "spiral", (split, sizes, activation, lr, epochs + 1))
    assert networks.recorded("spiral") is None
    assert networks.recorded("digits") is not None      # its own recipe is unchanged


def test_the_module_functions_give_the_recorded_networks():
    for name, function in [("running example", networks.running_example_network),
                           ("spiral", networks.spiral_network),
                           ("digits", networks.digits_network)]:
        for a, b in zip(function().get_weights(), networks.recorded(name).get_weights()):
            assert np.array_equal(a, b)
        assert function() is function()                  # looked up once
