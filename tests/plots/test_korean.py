"""The figures, panels and the course's tables speak Korean after ``set_language("ko")``.

Every ``plot_*`` function (built as ``test_readability.py`` builds it, with the titles and labels
the notebooks pass) and every panel class is drawn in Korean; every text it draws that has words
must be Korean (Hangul, or only names, numbers and code: ``english_left`` finds nothing), the
figure must stay readable (``figure_problems``: no text under 10 px, no figure wider than 840 px,
no legend on data) and matplotlib must not warn (a "Glyph missing" warning means a box instead of
a letter). The scoreboard and the history tables of notebook 08 are checked the same way.
"""
import re
import unicodedata
import warnings

import numpy as np
import pytest

import helpers.plots as plots
from helpers import ai_history, depth, mlp, notebooks, scoreboard
from helpers.digits import layer_names
from helpers.i18n import _
from helpers.plots.core import (NOTEBOOK_DPI, DecisionMap, drawn_texts, figure_problems,
                                new_figure, static_picture_dpi)
from helpers.plots.depth import StagePanel
from helpers.plots.digits import LayerPanels
from helpers.plots.network_diagram import NetworkDiagram
from helpers.plots.training_session import CurvesPanel, GradientPanel, RegionPanel
from helpers.training_session import TrainingSession
from tests.i18n_checks import english_left, has_hangul
from tests.plots.test_readability import (FIGURE_NAMES, digit_data, figure_builders,  # noqa: F401
                                          running, xor_run)

#: Names of people, programs, data sets and works that stay as they are in Korean.
NAMES = ("Russakovsky et al", "He et al", "Krizhevsky et al", "LeCun et al", "Russell & Norvig",
         "Minsky & Papert", "Deep Blue", "ImageNet", "AlexNet", "GoogLeNet", "ResNet", "LeNet",
         "Marvin Minsky", "James Lighthill", "Lisp", "XCON", "Clarifai", "SuperVision",
         "scikit-learn", "Switchboard")
#: Names that are code (modules, functions, arguments, layers), not English prose.
CODE = re.compile(r"helpers(\.\w+)+|plot_\w+|max_nodes|feature_names|model\.fit|"
                  r"Dense|tanh|ReLU")


def _words_left(text):
    """The English prose left in a drawn text (an empty list when it reads as Korean)."""
    return english_left(CODE.sub(" ", text), allowed=NAMES)


def korean_problems(fig, dpi):
    """What in ``fig`` is not Korean, unreadable, or drawn with a missing glyph."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        texts = drawn_texts(fig)
        problems = figure_problems(fig, dpi=dpi)
    problems += [f"warning: {w.message}" for w in caught]
    problems += [f"English left in {text!r}: {_words_left(text)}" for text, _size in texts
                 if _words_left(text)]
    worded = [text for text, _size in texts if re.search(r"[A-Za-z]{3}", text)]
    if worded and not any(has_hangul(text) for text, _size in texts):
        problems.append(f"no Korean text at all, only {worded[:5]}")
    return problems


# ----- every figure function --------------------------------------------------------------------
@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_every_figure_speaks_korean(name, figure_builders, korean):  # noqa: F811
    fig = figure_builders[name]()
    assert korean_problems(fig, NOTEBOOK_DPI) == []


def test_figure_texts_are_english_again_afterwards(figure_builders):  # noqa: F811
    """English stays the default: the same figure has no Hangul outside Korean."""
    texts = [text for text, _size in drawn_texts(figure_builders["plot_learning_curves"]())]
    assert "Learning curves" in texts and not any(has_hangul(t) for t in texts)


# ----- every panel class -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def session():
    """A training session after a few steps, as the stepper shows it."""
    run = TrainingSession()
    run.run(20)
    return run


def _decision_map():
    X_train, y_train, X_test, y_test = scoreboard.running_example_split()
    fig, ax = new_figure(width=5.0, height=3.6)
    DecisionMap(ax, X_train, y_train, predict=lambda P: (P[:, 0] > 0).astype(int),
                labels=plots.NOTEBOOK_WORDS[:2], X_test=X_test, y_test=y_test,
                region_legend=True)
    return fig, NOTEBOOK_DPI


def _stage_panel(xor_run):  # noqa: F811
    model, _run, X, y = xor_run
    names = depth.stage_names(model)
    lines = depth.grid_lines(-2, 2, n_lines=9)
    fig, axes = new_figure(1, 2, width=4.2, height=4.0)
    for ax, stage in zip(axes, (0, len(names) - 1)):
        StagePanel(ax, depth.transform_lines(model, lines)[stage],
                   model.representations(X)[stage], y, name=names[stage],
                   boundary=depth.decision_line(model, stage),
                   labels=["class 0: opposite signs", "class 1: same sign"], legend=stage == 0)
    return fig, NOTEBOOK_DPI


def _layer_panels(digit_data):  # noqa: F811
    model, *_, X_test, y_test = digit_data
    reps = model.representations(X_test[:1])
    names = layer_names(model)
    panels = LayerPanels(names, [r.shape[1] for r in reps], [1.0] * len(reps))
    panels.fig.set_dpi(LayerPanels.DPI)
    panels.update([r[0] for r in reps], model.predict_proba(X_test[:1])[0], int(y_test[0]),
                  title="")
    return panels.fig, None


def _session_panel(cls, session):
    panel = cls()
    if cls is NetworkDiagram:
        regions = RegionPanel()
        regions.update(session)
        panel.update(session, regions.colors)
    else:
        panel.update(session)
    return panel.fig, None


PANELS = {
    "DecisionMap": lambda s, x, d: _decision_map(),
    "StagePanel": lambda s, x, d: _stage_panel(x),
    "LayerPanels": lambda s, x, d: _layer_panels(d),
    "RegionPanel": lambda s, x, d: _session_panel(RegionPanel, s),
    "CurvesPanel": lambda s, x, d: _session_panel(CurvesPanel, s),
    "GradientPanel": lambda s, x, d: _session_panel(GradientPanel, s),
    "NetworkDiagram": lambda s, x, d: _session_panel(NetworkDiagram, s),
}


def test_every_panel_class_is_checked():
    panel_classes = {name for name in plots.__all__ if name.endswith(("Panel", "Panels"))}
    panel_classes |= {"DecisionMap", "NetworkDiagram"}
    assert panel_classes <= set(PANELS)


@pytest.mark.parametrize("name", sorted(PANELS))
def test_every_panel_speaks_korean(name, session, xor_run, digit_data, korean):  # noqa: F811
    fig, dpi = PANELS[name](session, xor_run, digit_data)
    problems = korean_problems(fig, dpi)
    if dpi is None:     # a widget's panel: also as its stored picture is seen
        problems += figure_problems(fig, dpi=static_picture_dpi(fig), check_width=False)
    assert problems == []


def test_the_diverged_alarm_speaks_korean(korean):
    panel = RegionPanel()
    assert has_hangul(panel.alarm.get_text()) and not _words_left(panel.alarm.get_text())


# ----- the course's tables -----------------------------------------------------------------------
def _cells_of(table_text):
    return [cell for line in table_text.splitlines() for cell in re.split(r"\s{2,}|\|", line)
            if cell.strip()]


def test_scoreboard_speaks_korean(korean):
    board = scoreboard.show()
    header, *rows = board.shown()
    assert all(has_hangul(h) for h in header if h != "notebook") and has_hangul(header[0])
    for row in rows:
        for text in (row[1], row[2], row[4]):
            assert has_hangul(text) and not _words_left(text), text
    text = repr(board)
    assert text.splitlines()[0].startswith(_("notebook"))
    # columns line up on screen: Hangul letters take two columns
    def screen_width(part):
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in part)
    starts = {screen_width(re.match(r".*?\S\s{2,}.*?\S\s{2,}", line).group())
              for line in text.splitlines()}
    assert len(starts) == 1, starts
    assert "<table>" in board._repr_html_() and has_hangul(board._repr_html_())
    assert has_hangul(repr(scoreboard.Scoreboard([])))


def test_scoreboard_records_stay_english_keys_in_korean(korean):
    """Code that reads the rows keeps working in Korean: records are data, not display."""
    records = scoreboard.show("spiral").records()
    assert set(records[0]) == set(scoreboard.COLUMNS)
    assert all(r["task"] == "spiral" for r in records)


def test_unknown_task_error_speaks_korean(korean):
    with pytest.raises(ValueError) as error:
        scoreboard.entry(1, "cats vs dogs", "x", "y")
    assert has_hangul(str(error.value)) and "cats vs dogs" in str(error.value)


def test_history_tables_speak_korean(korean):
    for table in (ai_history.imagenet_table(), ai_history.events_table(),
                  ai_history.other_results_table()):
        keys = list(table.records[0])
        assert all(has_hangul(k) for k in keys), keys
        for record in table.records:
            for key, value in record.items():
                if key == _("source"):          # citations keep the titles of the works
                    continue
                assert not _words_left(value), value
        assert has_hangul(table._repr_html_())
    assert has_hangul(ai_history.imagenet_table().caption)
    assert not _words_left(ai_history.imagenet_table().caption)


@pytest.mark.parametrize("event", ai_history.EVENTS, ids=lambda e: str(e.year))
def test_every_event_reads_in_korean(event, korean):
    for text in (event.title, event.short, event.expected, event.happened):
        shown = _(text)
        assert has_hangul(shown) or shown in NAMES, text
        assert not _words_left(shown), shown


def test_glossary_and_api_map_speak_korean(korean):
    glossary = ai_history.glossary_markdown()
    for line in glossary.splitlines()[2:]:
        meaning = line.split("|")[3]
        assert has_hangul(meaning) and not _words_left(meaning), meaning
    for line in ai_history.api_map_markdown().splitlines():
        note = line.split("|")[4]
        assert not _words_left(note), note
    assert has_hangul(ai_history.api_map_markdown().splitlines()[0])


def test_notebook_titles_and_parts_speak_korean(korean):
    for nb in notebooks.NOTEBOOKS:
        assert has_hangul(_(nb.title)) and has_hangul(_(nb.part)), nb
    with pytest.raises(ValueError) as error:
        notebooks.notebook(42)
    assert has_hangul(str(error.value))


@pytest.mark.parametrize("call", [
    lambda: plots.plot_examples(np.zeros((2, 64)), [0, 1], []),
    lambda: plots.plot_learning_curves({"accuracy": [0.5]}),
    lambda: plots.plot_confusion_matrix(np.zeros((2, 3))),
    lambda: plots.plot_computation_graph(3.0),
    lambda: plots.plot_layer_strip(mlp([2, 3, 2], "tanh"), np.zeros((4, 2)), [0, 1, 0, 1]),
], ids=["plot_examples", "plot_learning_curves", "plot_confusion_matrix",
        "plot_computation_graph", "plot_layer_strip"])
def test_learner_errors_of_the_figures_speak_korean(call, korean):
    with pytest.raises((ValueError, TypeError)) as error:
        call()
    assert has_hangul(str(error.value)), str(error.value)
