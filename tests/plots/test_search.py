import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import plots, scoreboard
from helpers.images import colour_picture, select
from helpers.search import (CoordinateSearch, Memorizer, RuleSearch, ThresholdRule,
                            change_coordinates)


@pytest.fixture(scope="module")
def data():
    return scoreboard.running_example_split()


def check_figure(fig):
    assert isinstance(fig, Figure)
    assert plt.get_fignums() == []          # no stray pyplot figure
    for ax in fig.axes:
        if ax.axison and ax.get_label() != "<colorbar>":
            assert ax.get_title() or fig._suptitle is not None
    fig.savefig(io.BytesIO(), format="png")     # draws without error


def test_paradigm_flip_has_both_sides():
    fig = plots.plot_paradigm_flip()
    check_figure(fig)
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == ["Classical programming", "Machine learning"]
    texts = [[t.get_text() for t in ax.texts] for ax in fig.axes]
    assert texts[0][-1] == "Answers" or "Answers" in texts[0]
    assert "Rules" in texts[1]


def test_rule_search_figure_and_rule(data):
    X_train, y_train, X_test, y_test = data
    learner = RuleSearch().fit(X_train, y_train)
    fig = plots.plot_rule_search(learner)
    check_figure(fig)
    line = fig.axes[0].lines[0]
    assert np.array_equal(line.get_ydata(), learner.best_so_far_)
    fig = plots.plot_rule(X_train, y_train, ThresholdRule(1, 0.2, above=0), "a rule")
    check_figure(fig)
    assert fig.axes[0].lines[0].get_ydata()[0] == pytest.approx(0.2)   # a horizontal line


def test_train_test_and_memorizer_figures(data):
    X_train, y_train, X_test, y_test = data
    rule = RuleSearch().fit(X_train, y_train)
    memo = Memorizer(seed=0).fit(X_train, y_train)
    fig = plots.plot_train_test({"rule": (0.79, 0.73), "memoriser": (1.0, 0.44)})
    check_figure(fig)
    heights = [p.get_height() for p in fig.axes[0].patches]
    assert heights == [0.79, 1.0, 0.73, 0.44]
    fig = plots.plot_rule_vs_memorizer(rule, memo, X_train, y_train, X_test, y_test)
    check_figure(fig)
    assert "0.44" in fig.axes[1].get_title()


def test_transform_figures(data):
    X_train, y_train, _, _ = data
    picture = colour_picture()
    check_figure(plots.plot_colour_channels(picture))
    mask = select(picture, {"R": (0.6, 1.0)})
    fig = plots.plot_masks(picture, {"R ≥ 0.6": mask}, picture.targets["red pixels"], "red")
    check_figure(fig)
    fig = plots.plot_before_after(X_train, y_train, change_coordinates(X_train, -40, -1.1),
                                  "undo", angle=-40, shift=(-1.1, 0.0))
    check_figure(fig)
    search = CoordinateSearch(n_steps=40, seed=0).fit(X_train, y_train)
    check_figure(plots.plot_search_landscape(search, X_train, y_train))
    fig = plots.plot_search_snapshots(search, X_train, y_train, [0, 40])
    check_figure(fig)
    assert f"{search.train_accuracy_:.3f}" in fig.axes[1].get_title()


def test_mistake_image_colours():
    mask = np.array([[True, True, False, False]])
    target = np.array([[True, False, True, False]])
    img = plots.mistakes_image(mask, target)
    from matplotlib.colors import to_rgb
    c = plots.MISTAKE_COLORS
    assert np.allclose(img[0, 0], to_rgb(c["caught"]))
    assert np.allclose(img[0, 1], to_rgb(c["wrongly selected"]))
    assert np.allclose(img[0, 2], to_rgb(c["missed"]))
    assert np.allclose(img[0, 3], to_rgb(c["left out, right"]))
