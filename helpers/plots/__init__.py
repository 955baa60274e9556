"""Figures shared by the notebooks, drawn with matplotlib alone.

Helpers here build ``matplotlib.figure.Figure`` objects directly instead of calling ``pyplot``, so
a helper never leaves a stray copy of a figure in a notebook: a cell shows a figure exactly when
it ends with it. One module per engine module it draws (``plots/depth.py`` draws
``helpers/depth.py``); ``plot_*`` functions return a new Figure, ``draw_*`` functions draw on an
axis they are given. Every public name is listed below, so ``helpers.plots.NAME`` can be followed
to its file.
"""
from .ai_history import draw_hype_timeline, plot_hype_timeline, plot_imagenet_errors
from .autograd import plot_computation_graph
from .classical import draw_model, plot_loss_curve, plot_models, plot_perceptron_mistakes
from .core import (CLASS_COLORS, MAX_WIDTH_IN, MIN_TEXT_PX, NOTEBOOK_DPI, OUTPUT_WIDTH_PX,
                   REGION_COLORS, TEXT_PT, DecisionMap, draw_decision_regions, draw_points,
                   drawn_texts, figure_problems, figure_to_png, grid_for, legend_problems,
                   course_figure, log_scale, new_figure, points_legend_handles,
                   static_picture_dpi)
from .fonts import KOREAN_FONT, LATIN_FONT, font_family_for, korean_font_path
from .course_map import plot_nested_fields, plot_road_map
from .depth import (GRID_COLORS, StagePanel, grid_legend_handles, plot_layer_strip,
                    plot_shape_comparison, plot_stage_over_training, stage_limits)
from .digits import (DIGIT_COLORS, LayerPanels, draw_digit, layer_grid_shape,
                     plot_confusion_matrix, plot_examples, plot_learning_curves, plot_mistakes,
                     plot_projections, plot_separation)
from .expert_system import plot_knowledge_growth
from .images import (MISTAKE_COLORS, draw_mistakes_legend, mistakes_image,
                     mistakes_legend_handles, plot_colour_channels, plot_masks, selection_image)
from .network_diagram import NetworkDiagram
from .notebook_words import NOTEBOOK_WORDS, translate_drawn_texts
from .png import compact_png, quick_png
from .rule_lists import plot_digit_means, plot_rule_growth, plot_rule_pixels
from .search import (draw_before_after, draw_rule, plot_before_after, plot_paradigm_flip,
                     plot_rule, plot_rule_search, plot_rule_vs_memorizer, plot_search_landscape,
                     plot_search_snapshots, plot_train_test, update_boundary)
from .training_session import (CurvesPanel, GradientPanel, RegionPanel, SharpImage, stitch_images,
                               stitch_pictures)

__all__ = [
    # core: sizes, colours, figures, points and regions, readability checks
    "OUTPUT_WIDTH_PX", "MIN_TEXT_PX", "NOTEBOOK_DPI", "MAX_WIDTH_IN", "TEXT_PT", "CLASS_COLORS",
    "REGION_COLORS", "new_figure", "draw_points", "points_legend_handles", "grid_for",
    "DecisionMap", "draw_decision_regions", "figure_to_png", "drawn_texts", "figure_problems",
    "legend_problems", "static_picture_dpi", "log_scale", "course_figure",
    # png: fast PNG files for the page, small ones for a stored notebook
    "quick_png", "compact_png",
    # fonts: Hangul in the figures when the package speaks Korean
    "LATIN_FONT", "KOREAN_FONT", "korean_font_path", "font_family_for",
    # one module per engine module
    "plot_imagenet_errors", "draw_hype_timeline", "plot_hype_timeline",
    "plot_computation_graph",
    "draw_model", "plot_models", "plot_loss_curve", "plot_perceptron_mistakes",
    "plot_nested_fields", "plot_road_map",
    "StagePanel", "stage_limits", "plot_layer_strip", "plot_stage_over_training",
    "plot_shape_comparison", "GRID_COLORS", "grid_legend_handles",
    "DIGIT_COLORS", "draw_digit", "plot_examples", "plot_learning_curves",
    "plot_confusion_matrix", "plot_mistakes", "plot_projections", "plot_separation",
    "layer_grid_shape", "LayerPanels",
    "plot_knowledge_growth",
    "MISTAKE_COLORS", "selection_image", "mistakes_image", "mistakes_legend_handles",
    "draw_mistakes_legend", "plot_colour_channels", "plot_masks",
    "NetworkDiagram", "NOTEBOOK_WORDS", "translate_drawn_texts",
    "plot_digit_means", "plot_rule_pixels", "plot_rule_growth",
    "plot_paradigm_flip", "plot_rule_search", "draw_rule", "plot_rule", "plot_train_test",
    "plot_rule_vs_memorizer", "draw_before_after", "update_boundary", "plot_before_after",
    "plot_search_landscape", "plot_search_snapshots",
    "RegionPanel", "CurvesPanel", "GradientPanel", "SharpImage", "stitch_images", "stitch_pictures",
]
