"""The model explorer, driven without a browser through its methods and controls."""
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression as SkLogisticRegression
from sklearn.neighbors import KNeighborsClassifier

from helpers import classical, datasets
from helpers.widgets import HYPER_PARAMETERS, ModelExplorer


@pytest.fixture(scope="module")
def explorer():
    return ModelExplorer()


def test_starts_on_the_running_example(explorer):
    w = ModelExplorer()
    assert w.dataset == "running example" and w.model_name == "logistic regression"
    assert w.ok and 0.85 <= w.test_accuracy <= 1.0
    assert w.summary().startswith("ModelExplorer: running example | logistic regression "
                                  "(L2 penalty = 0.001) | features x, y | train ")
    assert w.summary() == repr(w)
    assert w.view.renders == 1
    bundle, _ = w._repr_mimebundle_()
    assert bundle["text/plain"] == w.summary() and bundle["image/png"][:4] == b"\x89PNG"
    assert w.param_slider in w.ui.children[1].children and w.pictures.stack in w.ui.children
    assert w.view.image is w.pictures.images[2]             # L2 = 0.001, the third value


def test_accuracies_are_those_of_the_models_on_the_split(explorer):
    w = explorer
    w.set_dataset("gaussians")
    w.set_model("k-nearest neighbours", 9)
    w.set_features("x, y")
    reference = KNeighborsClassifier(9).fit(w.X_train, w.y_train)
    assert w.test_accuracy == pytest.approx(reference.score(w.X_test, w.y_test))
    assert w.sklearn_test_accuracy == pytest.approx(reference.score(w.X_test, w.y_test))
    assert f"test {w.test_accuracy:.3f}" in w.summary()
    assert f"{w.test_accuracy:.3f}" in w.status.value


def test_logistic_regression_agrees_with_sklearn_in_the_widget(explorer):
    w = explorer
    w.set_dataset("moons")
    w.set_features("x, y")
    w.set_model("logistic regression", 0.01)
    X = (w.X_train - w.X_train.mean(0)) / w.X_train.std(0)
    Xt = (w.X_test - w.X_train.mean(0)) / w.X_train.std(0)
    theirs = SkLogisticRegression(C=1 / (0.01 * len(X))).fit(X, w.y_train)
    assert w.test_accuracy == pytest.approx(theirs.score(Xt, w.y_test))


def test_features_let_logistic_regression_solve_circles(explorer):
    w = explorer
    w.set_dataset("circles")
    w.set_model("logistic regression")
    w.set_features("x, y")
    straight = w.test_accuracy
    w.set_features("x², y²")
    assert straight < 0.7 and w.test_accuracy > 0.9
    assert "features x², y²" in w.summary()


def test_regions_are_updated_in_place(explorer):
    w = explorer
    w.set_dataset("xor")
    w.set_features("x, y")
    w.set_model("decision tree", 1)
    image = w.images[0]
    shallow = np.array(image.get_array())
    renders = w.view.renders
    w.set_param(6)
    assert w.images[0] is image and w.view.renders == renders + 1
    deep = np.array(image.get_array())
    assert shallow.shape == (w.resolution, w.resolution) and not np.array_equal(shallow, deep)
    assert len(np.unique(shallow)) <= 2
    np.testing.assert_array_equal(np.asarray(w.train_dots[0].get_offsets()), w.X_train)


def test_controls_call_the_methods(explorer):
    w = explorer
    w.dataset_dropdown.value = "spiral"
    assert w.dataset == "spiral"
    w.model_dropdown.value = "k-nearest neighbours"
    assert w.param_slider.description == "k" and w.param_slider.value == 5
    w.param_slider.value = 15
    assert w.value == 15 and "k = 15" in w.summary()
    w.features_dropdown.value = "polar: r, θ"
    assert w.features == "polar: r, θ" and w.ok
    w.model_dropdown.value = "decision tree"
    assert w.param_slider.description == "max depth" and w.value == 4
    assert [v for _, v in w.param_slider.options] == list(HYPER_PARAMETERS["decision tree"][1])


def test_methods_keep_the_controls_in_step(explorer):
    w = explorer
    w.set_model("perceptron", 20)
    w.set_dataset("moons")
    w.set_features("x, y, x², xy, y²")
    assert (w.model_dropdown.value, w.param_slider.value) == ("perceptron", 20)
    assert (w.dataset_dropdown.value, w.features_dropdown.value) == ("moons",
                                                                      "x, y, x², xy, y²")


def test_perceptron_on_three_classes_is_reported_not_raised(explorer):
    w = explorer
    w.set_features("x, y")
    w.set_model("perceptron")
    renders = w.view.renders
    w.dataset_dropdown.value = "spiral (3 classes)"       # through the control: must not raise
    assert not w.ok and "two classes" in w.status.value
    assert w.summary().endswith("not trained (see the status line)")
    assert w.view.renders == renders + 1 and np.ma.getmask(w.images[0].get_array()).all()
    w.model_dropdown.value = "logistic regression"
    assert w.ok and "Problem" not in w.status.value


def test_bad_values_raise_from_methods_and_show_in_status(explorer):
    w = explorer
    with pytest.raises(ValueError, match="unknown data set"):
        w.set_dataset("mnist")
    with pytest.raises(ValueError, match="unknown model"):
        w.set_model("svm")
    with pytest.raises(ValueError, match="not offered"):
        w.set_model("k-nearest neighbours", 4)
    with pytest.raises(ValueError, match="unknown features"):
        w.set_features("x³")
    w._safely(w.set_dataset, "mnist")
    assert "unknown data set" in w.status.value


def test_same_settings_same_summary():
    a = ModelExplorer(dataset="moons", model="decision tree", value=3)
    b = ModelExplorer(dataset="moons", model="decision tree", value=3)
    assert a.summary() == b.summary()
    X, y = datasets.make("moons", n=300, noise=0.15, seed=0)
    assert np.array_equal(np.vstack([a.X_train, a.X_test])[np.lexsort(
        np.vstack([a.X_train, a.X_test]).T)], X[np.lexsort(X.T)])


def test_every_model_trains_on_every_two_class_set():
    w = ModelExplorer()
    for name in ("running example", "circles", "moons", "xor", "spiral"):
        w.set_dataset(name)
        for model in HYPER_PARAMETERS:
            w.set_model(model)
            assert w.ok, (name, model, w.status.value)
            if model != "perceptron":     # its last line depends on the visiting order
                assert abs(w.test_accuracy - w.sklearn_test_accuracy) <= 0.1, (name, model)
    assert isinstance(w.model_.model, classical.DecisionTree)


# ----- speed without untruth: remembered settings and warm starts ---------------------------------
def test_warm_started_logistic_regression_ends_where_a_fresh_one_does():
    w = ModelExplorer(dataset="moons", features="x, y, x², xy, y²")
    for value in (0.1, 0.0001, 0.01, 1.0, 0.001):
        w.set_param(value)
        fresh = classical.WithFeatures(classical.LogisticRegression(l2=value), w.features)
        fresh.fit(w.X_train, w.y_train)
        ours = w.model_.model
        assert ours.l2 == value and ours.converged_
        np.testing.assert_allclose(w.model_.predict_proba(w.X_test), fresh.predict_proba(w.X_test),
                                   atol=2e-3)
        assert abs(w.test_accuracy - fresh.score(w.X_test, w.y_test)) <= 1 / len(w.y_test)


def test_warm_start_needs_fewer_steps_than_a_fresh_start():
    w = ModelExplorer(dataset="running example")             # trained at L2 = 0.001
    w.set_param(0.0001)
    warm = w.model_.model.n_iter_
    fresh = classical.WithFeatures(classical.LogisticRegression(l2=0.0001), "x, y")
    assert warm < fresh.fit(w.X_train, w.y_train).model.n_iter_ / 2


def test_a_setting_seen_before_is_shown_again_without_training():
    w = ModelExplorer(dataset="circles", model="k-nearest neighbours", value=5)
    first, summary = w.model_, w.summary()
    w.set_param(15)
    w.set_param(5)
    assert w.model_ is first and w.summary() == summary
    w.set_dataset("moons")
    w.set_dataset("circles")
    assert w.model_ is first and w.summary() == summary


# ----- the figure and the controls ---------------------------------------------------------------
@pytest.mark.parametrize("dataset, model", [("running example", "logistic regression"),
                                            ("spiral (3 classes)", "decision tree"),
                                            ("spiral (3 classes)", "perceptron")])
def test_figure_is_readable(dataset, model):
    from helpers.plots.core import figure_problems

    w = ModelExplorer(dataset=dataset, model=model)
    assert figure_problems(w.fig) == []                     # text >= 10 px, fits, legend clear
    assert w.fig.get_figwidth() * w.fig.dpi <= 780
    legend_box = w.legend.get_window_extent()
    assert all(not legend_box.overlaps(ax.get_window_extent()) for ax in w.axes)
    labels = [t.get_text() for t in w.legend.get_texts()]
    n_classes = len(np.unique(np.concatenate([w.y_train, w.y_test])))
    assert labels[:-1] == [f"class {k}" for k in range(n_classes)]


def test_controls_show_their_whole_label():
    w = ModelExplorer()
    for control in (w.dataset_dropdown, w.model_dropdown, w.param_slider, w.features_dropdown):
        assert control.style.description_width == "initial"
        assert int(control.layout.width.rstrip("px")) >= 330
    longest = max(list(classical.FEATURE_MAPS) + list(datasets.POINT_SETS), key=len)
    assert len(longest) * 8 + len("features") * 8 < 330      # about 8 px per character


def test_problems_are_one_sentence_in_the_status_line():
    w = ModelExplorer()
    w.set_model("perceptron")
    w.dataset_dropdown.value = "spiral (3 classes)"
    text = w.status.value.replace("<b>Problem:</b> ", "")
    assert text.count(". ") == 0 and text.endswith(".")
    w._safely(w.set_param, 7)                                  # not offered: reported
    assert "not offered" in w.status.value and not w.ok
