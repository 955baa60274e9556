"""The facts tables of notebook 08: checked against the published numbers and the syllabus."""
import json
import re
from pathlib import Path

import numpy as np
import pytest

from helpers import history
from helpers.layers import Dense

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NOTEBOOK = ROOT / "notebooks" / "08_achievements_and_ai_winters.ipynb"

# Typed in from the issue / Russakovsky et al. 2015 and He et al. 2016, not from the module.
PUBLISHED_TOP5 = {2010: 28.2, 2011: 25.8, 2012: 16.4, 2013: 11.7, 2014: 6.7, 2015: 3.6}
NINE_NOTEBOOKS = {"00_course_map.ipynb", "01_symbolic_ai.ipynb", "02_learning_from_data.ipynb",
                  "03_representations.ipynb", "04_classical_ml.ipynb",
                  "05_layers_of_representations.ipynb", "06_how_training_works.ipynb",
                  "07_digits_through_the_layers.ipynb", "08_achievements_and_ai_winters.ipynb"}
# The glossary of SYLLABUS.md (Korean, English), copied by hand.
SYLLABUS_GLOSSARY = [("인공지능", "artificial intelligence"), ("심볼릭 AI", "symbolic AI"),
                     ("머신러닝", "machine learning"), ("딥러닝", "deep learning"),
                     ("훈련", "training"), ("표현", "representation"), ("층", "layer"),
                     ("가중치", "weight"), ("손실 함수", "loss function"),
                     ("옵티마이저", "optimizer"), ("역전파", "backpropagation"),
                     ("측정값", "measure"), ("AI 겨울", "AI winter")]


def syllabus_glossary_from_file():
    """Parse the glossary line of ../shared/SYLLABUS.md (None when the file is not there)."""
    path = SHARED / "SYLLABUS.md"
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    block = text.split("## Glossary", 1)[1].split("\n\n", 2)[1]
    pairs = []
    for item in " ".join(block.split()).split(" · "):
        korean = re.match(r"^(AI [가-힣]+|[가-힣]+(?: [가-힣]+)*(?: AI)?)", item).group(1)
        pairs.append((korean, item[len(korean):].strip()))
    return pairs


# ----- ImageNet ---------------------------------------------------------------------------------
def test_imagenet_numbers_are_exactly_the_published_ones():
    got = {r.year: r.top5_error for r in history.IMAGENET_RESULTS}
    assert got == PUBLISHED_TOP5
    assert history.HUMAN_TOP5_ESTIMATE == 5.1


def test_imagenet_years_increase_and_every_row_has_its_source():
    years = [r.year for r in history.IMAGENET_RESULTS]
    assert years == sorted(set(years))
    for r in history.IMAGENET_RESULTS:
        if r.year <= 2014:
            assert "Russakovsky" in r.source and "115(3)" in r.source
        else:
            assert "He" in r.source and "CVPR 2016" in r.source
    assert "Russakovsky" in history.HUMAN_ESTIMATE_SOURCE
    by_year = {r.year: r for r in history.IMAGENET_RESULTS}
    assert "Krizhevsky" in by_year[2012].source and "AlexNet" in by_year[2012].method
    assert "ResNet" in by_year[2015].method


def test_winners_are_monotone_and_cross_the_human_estimate_in_2015():
    errors = [r.top5_error for r in history.IMAGENET_RESULTS]
    assert all(a > b for a, b in zip(errors, errors[1:]))
    below = [r.year for r in history.IMAGENET_RESULTS if r.top5_error < 5.1]
    assert below == [2015]


def test_other_results_carry_sources():
    for row in history.OTHER_RESULTS:
        assert row["source"] and str(row["year"]) in row["source"]


def test_imagenet_table_shows_every_number():
    text = repr(history.imagenet_table())
    for year, error in PUBLISHED_TOP5.items():
        assert re.search(rf"{year}\s+{error:.1f}\b", text)
    assert "5.1 %" in text and "Russakovsky" in text
    assert "<table>" in history.imagenet_table()._repr_html_()


# ----- timeline ---------------------------------------------------------------------------------
def test_events_are_in_strictly_increasing_years_and_complete():
    years = [e.year for e in history.EVENTS]
    assert years == sorted(set(years))
    for e in history.EVENTS:
        assert e.title and e.short and e.expected and e.happened and e.source
        assert e.kind in {"hype", "winter", "breakthrough"}
        assert '"' not in e.expected, "expectations are paraphrased, not quoted"


def test_the_issue_milestones_are_there_with_their_sources():
    by_year = {e.year: e for e in history.EVENTS}
    assert "Dartmouth" in by_year[1956].title
    assert "Rosenblatt" in by_year[1958].source
    assert "Minsky" in by_year[1969].source and "Papert" in by_year[1969].source
    first_winter = [e for e in history.EVENTS if 1973 <= e.year <= 1976 and e.kind == "winter"]
    assert first_winter and "Lighthill" in first_winter[0].source
    expert = [e for e in history.EVENTS if 1980 <= e.year <= 1985]
    assert expert and "XCON" in expert[0].title
    assert "Lisp" in by_year[1987].title and by_year[1987].kind == "winter"
    assert all(n in by_year[1986].source for n in ("Rumelhart", "Hinton", "Williams", "Nature"))
    assert "LeCun" in by_year[1989].source
    assert all(n in by_year[2012].source for n in ("Krizhevsky", "Sutskever", "Hinton"))
    assert history.EVENTS[-1].title.lower().startswith("today")


def test_event_at_and_winter_at_by_hand():
    assert history.event_at(1956).year == 1956
    assert history.event_at(1968).year == 1958
    assert history.event_at(1975).year == 1973
    assert history.event_at(1986).year == 1986
    assert history.event_at(2011).year == 1989
    assert history.event_at(1900).year == 1956     # before the first event: the first
    assert history.event_at(2040).year == 2020
    assert history.winter_at(1975)[2] == "first AI winter"
    assert history.winter_at(1990)[2] == "second AI winter"
    assert history.winter_at(1985) is None
    with pytest.raises(TypeError, match="year"):
        history.event_at("1970")


def test_winters_are_ordered_disjoint_and_sourced():
    starts_ends = [(a, b) for a, b, _, _ in history.WINTERS]
    assert all(a < b for a, b in starts_ends)
    assert all(b1 < a2 for (_, b1), (a2, _) in zip(starts_ends, starts_ends[1:]))
    assert all(source for *_, source in history.WINTERS)


def test_mood_sketch_interpolates_its_key_points():
    xs, ys = zip(*history.MOOD_KEY_POINTS)
    assert list(xs) == sorted(set(xs))
    np.testing.assert_allclose(history.illustrative_mood(np.array(xs)), ys)
    assert history.illustrative_mood(1953) == pytest.approx((0.25 + 0.55) / 2)   # by hand
    mood = history.illustrative_mood(np.arange(1950, 2026))
    assert mood.min() >= 0 and mood.max() <= 1
    # the sketch dips inside each winter compared with just before it
    for start, end, _, _ in history.WINTERS:
        assert history.illustrative_mood(end) < history.illustrative_mood(start - 3)
    with pytest.raises(TypeError, match="years must be a number"):
        history.illustrative_mood("nineteen sixty")


# ----- glossary ---------------------------------------------------------------------------------
def test_glossary_covers_the_syllabus_glossary():
    ours = {(g.korean, g.english) for g in history.GLOSSARY}
    for korean, english in SYLLABUS_GLOSSARY:
        assert any(k == korean and english in e for k, e in ours), (korean, english)


def test_glossary_covers_syllabus_file_when_present():
    pairs = syllabus_glossary_from_file()
    if pairs is None:
        pytest.skip("../shared/SYLLABUS.md is not available")
    assert len(pairs) == len(SYLLABUS_GLOSSARY)
    koreans = {g.korean for g in history.GLOSSARY}
    for korean, english in pairs:
        assert korean in koreans, (korean, english)


def test_korean_terms_come_from_the_seed_or_the_syllabus():
    seed_files = sorted((SHARED / "seed").glob("*.txt"))
    if not seed_files:
        pytest.skip("the seed document is not available")
    seed = seed_files[0].read_text(encoding="utf-8")
    syllabus = {k for k, _ in SYLLABUS_GLOSSARY}
    for g in history.GLOSSARY:
        assert g.korean in seed or g.korean in syllabus, g


def test_glossary_links_point_to_the_nine_notebooks():
    assert set(history.NOTEBOOKS.values()) == NINE_NOTEBOOKS
    for g in history.GLOSSARY:
        assert history.NOTEBOOKS[g.notebook] in NINE_NOTEBOOKS
    links = re.findall(r"\[(\d\d)\]\(([^)]+)\)", history.glossary_markdown())
    assert len(links) == len(history.GLOSSARY)
    for number, target in links:
        assert target in NINE_NOTEBOOKS and target.startswith(number + "_")
    assert history.notebook_link(3) == "[03](03_representations.ipynb)"
    with pytest.raises(ValueError, match="no notebook"):
        history.notebook_link(9)


# ----- map to Keras / PyTorch -------------------------------------------------------------------
def test_every_helpers_name_in_the_api_map_exists():
    for pair in history.API_MAP:
        assert history.resolve_helpers_name(pair.helpers) is not None, pair.helpers
        assert pair.keras and pair.pytorch
    with pytest.raises(AttributeError):
        history.resolve_helpers_name("helpers.layers.NoSuchLayer")


def test_api_map_claims_about_helpers_hold():
    # "helpers and Keras store W as (inputs, outputs)"
    assert Dense(3, 2, seed=0).params["W"].shape == (3, 2)
    names = {p.helpers for p in history.API_MAP}
    assert {"helpers.models.Sequential", "helpers.layers.Dense", "helpers.models.Sequential.fit",
            "helpers.autograd.Value"} <= names
    assert any(p.helpers.startswith("helpers.losses.") for p in history.API_MAP)
    assert any(p.helpers.startswith("helpers.optimizers.") for p in history.API_MAP)


# ----- the notebook shows exactly these tables --------------------------------------------------
def _markdown_cells():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


def test_notebook_glossary_and_api_map_match_the_package():
    cells = "\n".join(_markdown_cells())
    assert history.glossary_markdown() in cells
    assert history.api_map_markdown() in cells
