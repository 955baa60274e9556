"""helpers.plots.rule_lists and expert_system: notebook 01's figures show the right data."""
import numpy as np
import pytest

from helpers import plots, scoreboard
from helpers.rule_lists import RuleList, digit_rules


@pytest.fixture(scope="module")
def digits():
    X, y, _, _ = scoreboard.digits_split()
    return X, y


def test_digit_means_are_the_class_averages(digits):
    X, y = digits
    fig = plots.plot_digit_means(X, y)
    axes = fig.axes
    assert len(axes) == 10 and fig._suptitle.get_text()
    for digit, ax in enumerate(axes):
        shown = ax.images[0].get_array()
        np.testing.assert_allclose(shown, X[y == digit].mean(axis=0).reshape(8, 8))
        assert ax.get_title() == f"average {digit}"


def test_rule_pixels_marks_the_tested_pixels(digits):
    X, y = digits
    rl = RuleList(["if pixel[4,3] < 0.2 and pixel[1,6] > 0.5 then 0"], "1",
                  [f"pixel[{r},{c}]" for r in range(8) for c in range(8)],
                  [str(d) for d in range(10)])
    fig = plots.plot_rule_pixels(rl, X, y)
    ax = fig.axes[0]
    marks = {(line.get_marker(), line.get_xdata()[0], line.get_ydata()[0])
             for line in ax.lines if len(line.get_xdata())}
    assert marks == {("X", 3, 4), ("^", 6, 1)}          # (column, row) in image coordinates
    assert ax.get_title() == "rule 0: then 0"
    with pytest.raises(ValueError, match="no rule number 5"):
        plots.plot_rule_pixels(rl, X, y, rules=[5])
    with pytest.raises(ValueError, match="PIXEL_NAMES"):
        plots.plot_rule_pixels(RuleList(["if x > 0 then black"]), X, y)


def test_growth_figures_plot_the_given_numbers():
    fig = plots.plot_rule_growth([0, 1, 2], [0.1, 0.3, 0.35], [0.1, 0.25, 0.3], chance=0.1)
    ax = fig.axes[0]
    assert list(ax.lines[0].get_ydata()) == [0.1, 0.3, 0.35]
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title() and ax.get_legend()
    fig = plots.plot_knowledge_growth([1, 2, 3, 4], [0, 1, 2, 4], [0, 0, 0, 1])
    ax = fig.axes[0]
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [0, 1, 3, 6])   # n(n-1)/2
    assert list(ax.lines[2].get_ydata()) == [0, 0, 0, 1]
    assert len(ax.get_legend().get_texts()) == 3


def test_digit_rule_figure_for_the_notebook(digits):
    X, y = digits
    fig = plots.plot_rule_pixels(digit_rules(), X, y, rules=range(10))
    assert len([ax for ax in fig.axes if ax.images]) == 10
