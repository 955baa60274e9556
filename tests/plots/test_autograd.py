"""helpers.plots.plot_computation_graph: every node drawn with its numbers, arrows forward."""
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyBboxPatch

from helpers.autograd import Value, topological_order
from helpers.plots import plot_computation_graph as draw_graph
from helpers.plots.autograd import _layers, _positions


def neuron():
    x1, w1 = Value(2.0, label="x1"), Value(-3.0, label="w1")
    x2, w2 = Value(0.0, label="x2"), Value(1.0, label="w2")
    b = Value(6.88, label="b")
    n = x1 * w1 + x2 * w2 + b
    n.label = "n"
    o = n.tanh()
    o.label = "o"
    o.backward()
    return o, (x1, w1, x2, w2, b)


def texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_every_number_is_a_box_and_every_operation_a_circle():
    o, _ = neuron()
    fig = draw_graph(o)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    order = topological_order(o)
    boxes = [p for p in ax.patches if isinstance(p, FancyBboxPatch)]
    circles = [p for p in ax.patches if isinstance(p, Circle)]
    assert len(boxes) == len(order) == 10
    assert len(circles) == sum(1 for n in order if n.parents) == 5
    ops = sorted(t for t in texts(fig) if t in {"+", "*", "tanh"})
    assert ops == ["*", "*", "+", "+", "tanh"]
    assert fig._suptitle.get_text().startswith("Computation graph")
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["input", "intermediate",
                                                                 "output", "operation"]


def test_boxes_show_hand_computed_values_and_gradients():
    o, (x1, w1, x2, w2, b) = neuron()
    shown = "\n".join(texts(draw_graph(o)))
    # o = tanh(0.88) = 0.7064; do/dw1 = (1 - o²) x1 = 1.0019 (computed by hand)
    assert "o\ndata 0.7064\ngrad 1" in shown
    assert "w1\ndata -3\ngrad 1.002" in shown
    assert "x1\ndata 2\ngrad -1.503" in shown
    assert "x2\ndata 0\ngrad 0.501" in shown


def test_show_grad_false_hides_gradients():
    o, _ = neuron()
    shown = "\n".join(texts(draw_graph(o, show_grad=False, title="Forward only")))
    assert "grad" not in shown and "data 0.7064" in shown


def test_layout_puts_the_output_right_and_every_parent_left_of_its_users():
    x = Value(3.0)
    f = (x * x + x).tanh() * x      # x is used at three depths
    order = topological_order(f)
    depth = _layers(order)
    pos = _positions(order, depth)
    assert pos[id(f)][0] == max(p[0] for p in pos.values())
    assert depth[id(x)] == 4         # longest path: x -> * -> + -> tanh -> * (output)
    for node in order:
        for parent in node.parents:
            assert pos[id(parent)][0] < pos[id(node)][0]
    assert len(set(pos.values())) == len(order)   # no two boxes on top of each other


def test_a_value_used_twice_by_one_operation_gets_two_arrows():
    x = Value(3.0, label="x")
    f = x * x
    f.backward()
    fig = draw_graph(f)
    arrows = [t for t in fig.axes[0].texts if t.get_text() == "" and hasattr(t, "arrow_patch")]
    assert len(arrows) == 3                       # x -> *, x -> * (curved), * -> f
    assert "x\ndata 3\ngrad 6" in texts(fig)


def test_bad_input():
    with pytest.raises(TypeError, match="Value"):
        draw_graph(3.0)
    y = Value(1.0)
    for _ in range(30):
        y = y * 1.1
    with pytest.raises(ValueError, match="max_nodes"):
        draw_graph(y)
