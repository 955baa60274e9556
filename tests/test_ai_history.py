"""The facts tables of notebook 08: checked against the published numbers and the syllabus."""
import json
import re
from pathlib import Path

import numpy as np
import pytest

from helpers import ai_history
from helpers.layers import Dense
from helpers.notebooks import notebook_link

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "08_achievements_and_ai_winters.ipynb"

# Typed in from the issue / Russakovsky et al. 2015 and He et al. 2016, not from the module.
PUBLISHED_TOP5 = {2010: 28.2, 2011: 25.8, 2012: 16.4, 2013: 11.7, 2014: 6.7, 2015: 3.6}
# The glossary of SYLLABUS.md (Korean, English), copied by hand.
SYLLABUS_GLOSSARY = [("인공지능", "artificial intelligence"), ("심볼릭 AI", "symbolic AI"),
                     ("머신러닝", "machine learning"), ("딥러닝", "deep learning"),
                     ("훈련", "training"), ("표현", "representation"), ("층", "layer"),
                     ("가중치", "weight"), ("손실 함수", "loss function"),
                     ("옵티마이저", "optimizer"), ("역전파", "backpropagation"),
                     ("측정값", "measure"), ("AI 겨울", "AI winter")]
# Every Korean term that appears in the learner's Korean summary of the book's chapter 1 that the
# course grew from, typed in by hand from it.
SEED_TERMS = {"인공지능", "심볼릭 AI", "전문가 시스템", "머신러닝", "훈련", "해답", "측정값", "표현",
              "좌표 변환", "학습", "딥러닝", "층", "신경망", "가중치", "역전파", "AI 겨울"}


# ----- ImageNet ---------------------------------------------------------------------------------
def test_imagenet_numbers_are_exactly_the_published_ones():
    got = {r.year: r.top5_error for r in ai_history.IMAGENET_RESULTS}
    assert got == PUBLISHED_TOP5
    assert ai_history.HUMAN_TOP5_ESTIMATE == 5.1


def test_imagenet_years_increase_and_every_row_has_its_source():
    years = [r.year for r in ai_history.IMAGENET_RESULTS]
    assert years == sorted(set(years))
    for r in ai_history.IMAGENET_RESULTS:
        if r.year <= 2014:
            assert "Russakovsky" in r.source and "115(3)" in r.source
        else:
            assert "He" in r.source and "CVPR 2016" in r.source
    assert "Russakovsky" in ai_history.HUMAN_ESTIMATE_SOURCE
    by_year = {r.year: r for r in ai_history.IMAGENET_RESULTS}
    assert "Krizhevsky" in by_year[2012].source and "AlexNet" in by_year[2012].method
    assert "ResNet" in by_year[2015].method


def test_winners_are_monotone_and_cross_the_human_estimate_in_2015():
    errors = [r.top5_error for r in ai_history.IMAGENET_RESULTS]
    assert all(a > b for a, b in zip(errors, errors[1:]))
    below = [r.year for r in ai_history.IMAGENET_RESULTS if r.top5_error < 5.1]
    assert below == [2015]


def test_other_results_carry_sources():
    for row in ai_history.OTHER_RESULTS:
        assert row["source"] and str(row["year"]) in row["source"]


def test_imagenet_table_shows_every_number():
    text = repr(ai_history.imagenet_table())
    for year, error in PUBLISHED_TOP5.items():
        assert re.search(rf"{year}\s+{error:.1f}\b", text)
    assert "5.1 %" in text and "Russakovsky" in text
    assert "<table>" in ai_history.imagenet_table()._repr_html_()


# ----- timeline ---------------------------------------------------------------------------------
def test_events_are_in_strictly_increasing_years_and_complete():
    years = [e.year for e in ai_history.EVENTS]
    assert years == sorted(set(years))
    for e in ai_history.EVENTS:
        assert e.title and e.short and e.expected and e.happened and e.source
        assert e.kind in {"hype", "winter", "breakthrough"}
        assert '"' not in e.expected, "expectations are paraphrased, not quoted"


def test_the_issue_milestones_are_there_with_their_sources():
    by_year = {e.year: e for e in ai_history.EVENTS}
    assert "Dartmouth" in by_year[1956].title
    assert "Rosenblatt" in by_year[1958].source
    assert "Minsky" in by_year[1969].source and "Papert" in by_year[1969].source
    first_winter = [e for e in ai_history.EVENTS if 1973 <= e.year <= 1976 and e.kind == "winter"]
    assert first_winter and "Lighthill" in first_winter[0].source
    expert = [e for e in ai_history.EVENTS if 1980 <= e.year <= 1985]
    assert expert and "XCON" in expert[0].title
    assert "Lisp" in by_year[1987].title and by_year[1987].kind == "winter"
    assert all(n in by_year[1986].source for n in ("Rumelhart", "Hinton", "Williams", "Nature"))
    assert "LeCun" in by_year[1989].source
    assert all(n in by_year[2012].source for n in ("Krizhevsky", "Sutskever", "Hinton"))
    assert ai_history.EVENTS[-1].title.lower().startswith("today")


def test_one_story_of_the_winters():
    """Issue 11 §4: the dates, what Minsky predicted, and Perceptrons filed as what it was."""
    by_year = {e.year: e for e in ai_history.EVENTS}
    (first_start, first_end, *_), (second_start, second_end, *_) = ai_history.WINTERS
    assert 1973 <= first_start <= 1975 and 1979 <= first_end <= 1981
    assert 1987 <= second_start <= 1989 and 1990 <= second_end <= 1994   # late 80s-early 90s
    assert "late 1980s to the early 1990s" in by_year[1987].happened
    # the first winter followed symbolic AI's over-promises, Minsky's 1970 prediction among them
    lighthill = by_year[1973]
    assert "over-promise" in lighthill.expected and "over-promise" in lighthill.happened
    assert "Minsky" in lighthill.expected and "three to eight years" in lighthill.expected
    assert "Life" in lighthill.source and "1970" in lighthill.source
    # Perceptrons: an analysis of single-layer limits that cooled neural-network research
    perceptrons = by_year[1969].happened
    assert "mathematical analysis" in perceptrons and "single-layer" in perceptrons
    assert "cooled neural-network research" in perceptrons and "did not cause" in perceptrons


def test_learner_facing_text_names_the_source_and_the_conference_properly():
    texts = [ai_history.glossary_markdown(), repr(ai_history.events_table())]
    texts += [f"{e.title} {e.expected} {e.happened} {e.source}" for e in ai_history.EVENTS]
    for text in texts:
        assert "seed" not in text.lower(), text
        assert not re.search(r"\bNIPS\b", text), "call it NeurIPS (notebook 08 gives the old name)"


def test_event_at_and_winter_at_by_hand():
    assert ai_history.event_at(1956).year == 1956
    assert ai_history.event_at(1968).year == 1958
    assert ai_history.event_at(1975).year == 1973
    assert ai_history.event_at(1986).year == 1986
    assert ai_history.event_at(2011).year == 1989
    assert ai_history.event_at(1900).year == 1956     # before the first event: the first
    assert ai_history.event_at(2040).year == 2020
    assert ai_history.winter_at(1975)[2] == "first AI winter"
    assert ai_history.winter_at(1990)[2] == "second AI winter"
    assert ai_history.winter_at(1985) is None
    with pytest.raises(TypeError, match="year"):
        ai_history.event_at("1970")


def test_winters_are_ordered_disjoint_and_sourced():
    starts_ends = [(a, b) for a, b, _, _ in ai_history.WINTERS]
    assert all(a < b for a, b in starts_ends)
    assert all(b1 < a2 for (_, b1), (a2, _) in zip(starts_ends, starts_ends[1:]))
    assert all(source for *_, source in ai_history.WINTERS)


def test_mood_sketch_interpolates_its_key_points():
    xs, ys = zip(*ai_history.MOOD_KEY_POINTS)
    assert list(xs) == sorted(set(xs))
    np.testing.assert_allclose(ai_history.illustrative_mood(np.array(xs)), ys)
    assert ai_history.illustrative_mood(1953) == pytest.approx((0.25 + 0.55) / 2)   # by hand
    mood = ai_history.illustrative_mood(np.arange(1950, 2026))
    assert mood.min() >= 0 and mood.max() <= 1
    # the sketch dips inside each winter compared with just before it
    for start, end, _, _ in ai_history.WINTERS:
        assert ai_history.illustrative_mood(end) < ai_history.illustrative_mood(start - 3)
    with pytest.raises(TypeError, match="years must be a number"):
        ai_history.illustrative_mood("nineteen sixty")


# ----- glossary ---------------------------------------------------------------------------------
def test_glossary_covers_the_syllabus_glossary():
    ours = {(g.korean, g.english) for g in ai_history.GLOSSARY}
    for korean, english in SYLLABUS_GLOSSARY:
        assert any(k == korean and english in e for k, e in ours), (korean, english)


def test_korean_terms_come_from_the_seed_or_the_syllabus():
    syllabus = {k for k, _ in SYLLABUS_GLOSSARY}
    for g in ai_history.GLOSSARY:
        assert g.korean in SEED_TERMS | syllabus, g


def test_glossary_links_point_to_the_notebook_that_teaches_each_term():
    links = re.findall(r"\[(\d\d)\]\(([^)]+)\)", ai_history.glossary_markdown())
    assert len(links) == len(ai_history.GLOSSARY)
    for (number, target), g in zip(links, ai_history.GLOSSARY):
        assert int(number) == g.notebook and target.startswith(number + "_")
        assert (ROOT / "notebooks" / target).exists(), target
    assert notebook_link(8) in ai_history.glossary_markdown()      # "AI winter" is taught in 08


# ----- map to Keras / PyTorch -------------------------------------------------------------------
def test_every_helpers_name_in_the_api_map_exists():
    for pair in ai_history.API_MAP:
        assert ai_history.resolve_helpers_name(pair.helpers) is not None, pair.helpers
        assert pair.keras and pair.pytorch
    with pytest.raises(AttributeError):
        ai_history.resolve_helpers_name("helpers.layers.NoSuchLayer")


def test_api_map_claims_about_helpers_hold():
    # "helpers and Keras store W as (inputs, outputs)"
    assert Dense(3, 2, seed=0).params["W"].shape == (3, 2)
    names = {p.helpers for p in ai_history.API_MAP}
    assert {"helpers.models.Sequential", "helpers.layers.Dense", "helpers.models.Sequential.fit",
            "helpers.autograd.Value"} <= names
    assert any(p.helpers.startswith("helpers.losses.") for p in ai_history.API_MAP)
    assert any(p.helpers.startswith("helpers.optimizers.") for p in ai_history.API_MAP)


# ----- the notebook shows exactly these tables --------------------------------------------------
def _markdown_cells():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


def test_notebook_glossary_and_api_map_match_the_package():
    cells = "\n".join(_markdown_cells())
    assert ai_history.glossary_markdown() in cells
    assert ai_history.api_map_markdown() in cells
