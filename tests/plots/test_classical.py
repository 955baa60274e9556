"""Figures of notebook 04: titles, labels, legends, and regions that show the model's answers."""
import numpy as np
from matplotlib.colors import to_rgba_array
from matplotlib.figure import Figure

from helpers import datasets, plots
from helpers.classical import DecisionTree, KNearestNeighbors, LogisticRegression, Perceptron


def split():
    X, y = datasets.two_class_points(120, noise=0.3, seed=0)
    return datasets.train_test_split(X, y, seed=0)


def test_draw_model_colours_the_plane_with_the_models_predictions():
    X_train, y_train, X_test, y_test = split()
    tree = DecisionTree(max_depth=1).fit(X_train, y_train)      # one vertical or horizontal cut
    fig, ax = plots.new_figure()
    regions = plots.draw_model(ax, tree, X_train, y_train, X_test, y_test, title="stump",
                               resolution=50)
    image = regions.image
    x0, x1, y0, y1 = image.get_extent()
    xs, ys = np.linspace(x0, x1, 50), np.linspace(y0, y1, 50)
    xx, yy = np.meshgrid(xs, ys)
    expected = tree.predict(np.column_stack([xx.ravel(), yy.ravel()])).reshape(50, 50)
    assert np.array_equal(regions.classes, expected)
    # the image shows each spot in its class's region colour
    colours = np.round(to_rgba_array(plots.REGION_COLORS[:2]) * 255).astype(np.uint8)
    assert np.array_equal(np.asarray(image.get_array()), colours[expected])
    accuracy = tree.score(X_test, y_test)
    assert ax.get_title() == f"stump\ntest accuracy {accuracy:.3f}"
    assert ax.get_xlabel() == "x" and ax.get_ylabel() == "y"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["class 0", "class 1", "test point"]


def test_plot_models_one_panel_per_model():
    X_train, y_train, X_test, y_test = split()
    models = {"perceptron": Perceptron().fit(X_train, y_train),
              "logistic": LogisticRegression(l2=0.01).fit(X_train, y_train),
              "3-NN": KNearestNeighbors(3).fit(X_train, y_train)}
    fig = plots.plot_models(models, X_train, y_train, X_test, y_test, suptitle="three",
                            labels=["white", "black"])
    assert isinstance(fig, Figure) and len(fig.axes) == 3
    assert [ax.get_title().split("\n")[0] for ax in fig.axes] == list(models)
    assert fig.get_suptitle() == "three"
    # one legend under the panels (it used to sit inside each panel, over the points)
    assert [t.get_text() for t in fig.legends[0].get_texts()][:2] == ["white", "black"]


def test_curves_have_labels_titles_and_legends():
    fig = plots.plot_loss_curve([0.7, 0.5, 0.3, 0.2], title="loss")
    ax = fig.axes[0]
    assert ax.get_title() == "loss" and "step" in ax.get_xlabel() and "loss" in ax.get_ylabel()
    assert np.allclose(ax.lines[0].get_ydata(), [0.7, 0.5, 0.3, 0.2])
    fig = plots.plot_perceptron_mistakes({"a": [5, 2, 0], "b": [9, 8, 7, 7]})
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"]
    assert np.array_equal(ax.lines[1].get_xdata(), [1, 2, 3, 4]) and ax.get_title()
