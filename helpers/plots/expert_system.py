"""Figures of the forward-chaining expert system (:mod:`helpers.expert_system`, notebook 01):
how the links between rules grow as a knowledge base gets bigger."""
import numpy as np
from matplotlib.ticker import MaxNLocator

from ..i18n import _
from .core import TEXT_PT, new_figure

__all__ = ["plot_knowledge_growth"]


def plot_knowledge_growth(n_rules, interactions, conflicts=None):
    """How the links between rules grow as a knowledge base gets more rules.

    ``interactions[i]`` is the number of pairs of rules that affect each other when the base
    holds ``n_rules[i]`` rules; the dotted line shows every pair a careful maintainer could have
    to think about, n (n - 1) / 2.
    """
    n = np.asarray(n_rules)
    fig, ax = new_figure(width=5.2, height=3.4)
    ax.plot(n, n * (n - 1) / 2, ":", color="gray", label=_("pairs of rules, n(n-1)/2"))
    ax.plot(n, interactions, "o-", ms=4, label=_("pairs that affect each other"))
    if conflicts is not None:
        ax.plot(n, conflicts, "x-", ms=6, color="#d62728", label=_("pairs that contradict"))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
    ax.set_xlabel(_("number of rules"))
    ax.set_ylabel(_("number of pairs"))
    ax.set_title(_("Each new rule can interact with all the old ones"))
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=TEXT_PT)
    return fig
