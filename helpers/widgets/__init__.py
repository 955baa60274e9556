"""Interactive widgets for the notebooks, one module per widget.

Every widget is a plain Python class: its sliders and buttons call ordinary methods (``step()``,
``reset()``, ``set_angle()``, ...), so what it does can be tested without a browser. Plots update
in place (a PNG image widget is re-rendered; nothing is cleared and redrawn), and displaying a
widget also stores a static picture of its current state, so readers on GitHub or nbviewer still
see it. Every public name is available as ``helpers.widgets.NAME``.
"""
from .._autoexport import export_all

export_all(__name__, __path__, globals())
