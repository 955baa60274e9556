"""helpers.notebooks: the one table of the course's notebooks, checked against the files."""
from pathlib import Path

import pytest

from helpers import notebooks
from helpers.plots import course_map

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"


def test_the_table_lists_exactly_the_notebook_files_in_course_order():
    files = sorted(p.name for p in NOTEBOOK_DIR.glob("*.ipynb"))
    assert [nb.file for nb in notebooks.NOTEBOOKS] == files
    assert [nb.number for nb in notebooks.NOTEBOOKS] == list(range(len(files)))
    for nb in notebooks.NOTEBOOKS:
        assert nb.stem.startswith(f"{nb.number:02d}_") and nb.title and nb.part


def test_lookup_and_links():
    assert notebooks.notebook(3).stem == "03_representations"
    assert notebooks.notebook_link(3) == "[03](03_representations.ipynb)"
    for bad in (9, -1, "3", True):
        with pytest.raises(ValueError, match="no notebook"):
            notebooks.notebook(bad)


def test_the_road_map_reads_this_one_table():
    assert course_map.NOTEBOOKS is notebooks.NOTEBOOKS
