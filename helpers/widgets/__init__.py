"""Interactive widgets for the notebooks, one module per widget.

Every widget is a plain Python class: its sliders and buttons call ordinary methods (``step()``,
``reset()``, ``set_angle()``, ...), so what it does can be tested without a browser. Plots update
in place (a PNG image widget is re-rendered; nothing is cleared and redrawn), and displaying a
widget also stores a static picture of its current state, so readers on GitHub or nbviewer still
see it. Every public name is available as ``helpers.widgets.NAME``.
"""
from .backprop_walkthrough import BackpropWalkthrough
from .base import CourseWidget, FigureView, PanelViews, choices, fit_width, monospace_family
from .choice_pictures import ChoicePictures
from .colour_space import ColourSpaceExplorer
from .coordinate_explorer import CoordinateExplorer
from .digit_inspector import DigitInspector
from .drawing_pad import DrawingPad
from .layer_inspector import STAGE_EXPLANATIONS, LayerInspector
from .model_explorer import HYPER_PARAMETERS, ModelExplorer
from .rule_builder import RuleBuilder
from .stepper import STEPPER_DEFAULTS, TrainingStepper
from .timeline import TimelineExplorer
from .widget_check import WidgetCheck
from .words_after_picture import held_in, words_after_picture
