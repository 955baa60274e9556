"""Figures shared by the notebooks, drawn with matplotlib alone.

Helpers here build ``matplotlib.figure.Figure`` objects directly instead of calling ``pyplot``, so
a helper never leaves a stray copy of a figure in a notebook: a cell shows a figure exactly when
it ends with it. One module per kind of figure; every public name is available as
``helpers.plots.NAME``.
"""
from .._autoexport import export_all

export_all(__name__, __path__, globals())
