"""Every notebook keeps the course's standard (CONTRIBUTING.md), checked from the files."""
import json
import re
from pathlib import Path

import pytest

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
NAMES = ["00_course_map", "01_symbolic_ai", "02_learning_from_data", "03_representations",
         "04_classical_ml", "05_layers_of_representations", "06_how_training_works",
         "07_digits_through_the_layers", "08_achievements_and_ai_winters"]


def load(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = [(c["cell_type"], "".join(c["source"])) for c in nb["cells"]]
    return nb, cells


def test_the_nine_notebooks_are_there_in_course_order():
    assert [p.stem for p in NOTEBOOKS] == NAMES


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_follows_the_standard(path):
    nb, cells = load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    markdown = "\n".join(src for kind, src in cells if kind == "markdown")
    code = [src for kind, src in cells if kind == "code"]
    number = path.stem[:2]
    assert cells[0][0] == "markdown" and cells[0][1].startswith(f"# {number} ·")
    assert re.search(r"what you will learn", markdown, re.I)
    assert re.search(r"^#+ .*summary", markdown, re.I | re.M)
    solutions = markdown.count("<summary>Solution")
    assert 2 <= solutions <= 4, f"{solutions} worked solutions"
    checks = [src for src in code if re.search(r"\bex\.check_\w+\(", src)]
    assert len(checks) >= solutions, "every exercise has a checker cell"
    assert any("scoreboard.show(" in src for src in code)
    if number != "08":
        assert re.search(r"what comes next", markdown, re.I)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_code_cells_are_short_and_introduced(path):
    _, cells = load(path)
    for i, (kind, src) in enumerate(cells):
        if kind != "code":
            continue
        lines = [l for l in src.splitlines() if l.strip()]
        assert len(lines) <= 15, f"cell {i} has {len(lines)} lines"
        if i > 0:
            assert cells[i - 1][0] == "markdown" or len(lines) <= 3, \
                f"cell {i} has no markdown before it saying what to look for"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_links_to_notebooks_point_at_real_files(path):
    _, cells = load(path)
    text = "\n".join(src for kind, src in cells if kind == "markdown")
    for target in re.findall(r"\]\(([^)#\s]+\.ipynb)", text):
        assert (NOTEBOOK_DIR / target).exists(), f"broken link to {target}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_exercise_cells_are_committed_unanswered(path):
    _, cells = load(path)
    for kind, src in cells:
        if kind == "code" and re.search(r"\bex\.check_\w+\(", src) and "answer" in src:
            assert "None" in src, "an exercise cell is committed with an answer filled in"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_nbval_markers_are_exact_and_explained(path):
    """nbval only obeys a marker comment that is exactly '# NBVAL_...'; every ignored output
    says why on the next line."""
    _, cells = load(path)
    for kind, src in cells:
        lines = src.splitlines()
        for i, line in enumerate(lines):
            if "NBVAL_" in line:
                assert line.strip().lstrip("#").strip() in {
                    "NBVAL_IGNORE_OUTPUT", "NBVAL_CHECK_OUTPUT", "NBVAL_SKIP",
                    "NBVAL_RAISES_EXCEPTION"}, f"nbval would not see: {line!r}"
                assert i + 1 < len(lines) and lines[i + 1].strip().startswith("#"), \
                    "say why on the line after the marker"
