"""A log-scaled axis labelled with plain numbers: the ticks matplotlib labels, written 0.01 and
100 instead of as powers of ten set as math."""
import pytest
from matplotlib.figure import Figure

from helpers.plots.core import log_scale

from ._pixels import fast_pixels


def labelled(lo, hi, plain):
    fig = Figure()
    ax = fig.subplots()
    ax.plot([1, 2], [lo, hi])
    if plain:
        log_scale(ax.yaxis)
    else:
        ax.set_yscale("log")
    fast_pixels(fig)
    return ax, [(tick.get_loc(), tick.label1.get_text())
                for tick in ax.yaxis.get_major_ticks() + ax.yaxis.get_minor_ticks()
                if tick.label1.get_text() and lo <= tick.get_loc() <= hi]


@pytest.mark.parametrize("lo, hi", [(1.0, 985.0), (0.001, 1.2), (0.3, 0.6), (2e-6, 3e-5)])
def test_the_same_ticks_are_labelled_as_plain_numbers(lo, hi):
    ax, plain = labelled(lo, hi, plain=True)
    _, maths = labelled(lo, hi, plain=False)
    assert ax.get_yscale() == "log"
    assert [loc for loc, _ in plain] == [loc for loc, _ in maths] and plain
    assert all("$" in text for _, text in maths)
    for loc, text in plain:
        assert "$" not in text and float(text.replace("\N{MINUS SIGN}", "-")) == pytest.approx(loc)


def test_the_labels_read_as_a_beginner_writes_them():
    _, plain = labelled(0.001, 1000.0, plain=True)
    assert [text for _, text in plain] == ["0.001", "0.01", "0.1", "1", "10", "100", "1000"]
    fig = Figure()
    ax = fig.subplots()
    log_scale(ax.xaxis)
    assert ax.get_xscale() == "log" and ax.get_yscale() == "linear"
