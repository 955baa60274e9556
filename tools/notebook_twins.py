"""The Korean notebooks as twins of the English ones (``python3 course.py translations``).

Each notebook in ``notebooks/ko/`` has the same name as its English original and the same
cells in the same order, plus one first code cell that switches the package to Korean. Every
other Korean cell records, in its metadata, which English cell it translates and which version
of it::

    "translates": {"cell": "<English cell id>", "sha": "<first 12 hex digits of sha256(source)>"}

Code cells are the English code, unchanged apart from comments. When an English cell changes,
its Korean twin is stale until someone updates it (and its ``sha``); ``tests/test_i18n.py``
fails meanwhile. ``python3 course.py translations`` lists stale and missing cells, copies
changed code (comments are English again until translated) and creates a twin for a new
English notebook, with the English prose marked for translation.
"""
import copy
import hashlib
import io
import json
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = ROOT / "notebooks"
KOREAN = ENGLISH / "ko"
#: The Korean notebooks' first code cell (the only code that is not the English code).
SWITCH_SOURCE = 'import helpers\n\nhelpers.set_language("ko")  # 이 노트북의 모든 출력을 한국어로 바꿉니다'
SWITCH_ID = "ko-language-switch"
UNTRANSLATED_MARK = "<!-- 번역 필요 (needs translation) -->\n"


def source_of(cell):
    source = cell["source"]
    return "".join(source) if isinstance(source, list) else source


def version(cell_or_source):
    """The version stamp of an English cell: the first 12 hex digits of its source's sha256."""
    source = cell_or_source if isinstance(cell_or_source, str) else source_of(cell_or_source)
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:12]


def code_without_comments(source):
    """Python source with its comments and trailing spaces removed (for comparing code cells)."""
    lines = source.splitlines()
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return "\n".join(line.rstrip() for line in lines).strip()
    for token in reversed(tokens):
        if token.type == tokenize.COMMENT:
            row, col = token.start
            lines[row - 1] = lines[row - 1][:col]
    kept = [line.rstrip() for line in lines]
    return "\n".join(line for line in kept if line.strip()).strip()


def is_switch(cell):
    return cell.get("metadata", {}).get("translates", {}).get("language_switch") is True


def load(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def save(notebook, path):
    text = json.dumps(notebook, ensure_ascii=False, indent=1) + "\n"
    Path(path).write_text(text, encoding="utf-8")


def pairs():
    """(English path, Korean path) for every English notebook."""
    return [(path, KOREAN / path.name) for path in sorted(ENGLISH.glob("[0-9][0-9]_*.ipynb"))]


def problems(english, korean):
    """What keeps ``korean`` from being a faithful twin of ``english``, as sentences."""
    found = []
    cells = [c for c in korean["cells"] if not is_switch(c)]
    switches = [c for c in korean["cells"] if is_switch(c)]
    code_cells = [c for c in korean["cells"] if c["cell_type"] == "code"]
    if len(switches) != 1 or not code_cells or not is_switch(code_cells[0]):
        found.append("the first code cell must be the one language switch cell")
    elif source_of(switches[0]).strip() != SWITCH_SOURCE.strip():
        found.append("the language switch cell was edited")
    by_id = {c["id"]: c for c in english["cells"]}
    translated_ids = [c.get("metadata", {}).get("translates", {}).get("cell") for c in cells]
    wanted_ids = [c["id"] for c in english["cells"]]
    missing = [i for i in wanted_ids if i not in translated_ids]
    extra = [i for i in translated_ids if i not in by_id]
    if missing:
        found.append(f"English cells without a Korean twin: {missing}")
    if extra:
        found.append(f"Korean cells translating no English cell: {extra}")
    if not missing and not extra and translated_ids != wanted_ids:
        found.append("the Korean cells are not in the English order")
    for cell in cells:
        meta = cell.get("metadata", {}).get("translates", {})
        original = by_id.get(meta.get("cell"))
        if original is None:
            continue
        name = f"cell {original['id']}"
        if cell["cell_type"] != original["cell_type"]:
            found.append(f"{name}: a {cell['cell_type']} cell twins a {original['cell_type']} cell")
        elif meta.get("sha") != version(original):
            found.append(f"{name}: stale (the English cell changed since it was translated)")
        elif (cell["cell_type"] == "code" and code_without_comments(source_of(cell))
              != code_without_comments(source_of(original))):
            found.append(f"{name}: the code differs from the English code")
        elif cell["cell_type"] == "markdown" and UNTRANSLATED_MARK.strip() in source_of(cell):
            found.append(f"{name}: still marked as needing translation")
    return found


def twin_cell(original):
    cell = copy.deepcopy(original)
    cell["metadata"] = dict(cell.get("metadata", {}))
    cell["metadata"]["translates"] = {"cell": original["id"], "sha": version(original)}
    if cell["cell_type"] == "code":
        cell["outputs"], cell["execution_count"] = [], None
    elif cell["cell_type"] == "markdown":
        cell["source"] = UNTRANSLATED_MARK + source_of(original)
    return cell


def switch_cell():
    return {"cell_type": "code", "id": SWITCH_ID, "execution_count": None,
            "metadata": {"translates": {"language_switch": True}}, "outputs": [],
            "source": SWITCH_SOURCE}


def refresh(english_path, korean_path):
    """Create or update a Korean twin as far as a program can; returns sentences on what's left.

    A new notebook gets every cell (prose marked as needing translation); a changed code cell
    takes the English code (and a new ``sha``); a changed prose cell is only reported.
    """
    english = load(english_path)
    if not korean_path.exists():
        korean = copy.deepcopy(english)
        korean["cells"] = [twin_cell(c) for c in english["cells"]]
        first_code = next(i for i, c in enumerate(korean["cells"]) if c["cell_type"] == "code")
        korean["cells"].insert(first_code, switch_cell())
        korean_path.parent.mkdir(parents=True, exist_ok=True)
        save(korean, korean_path)
        return [f"{korean_path.name}: created; translate its prose"]
    korean = load(korean_path)
    by_id = {c["id"]: c for c in english["cells"]}
    changed = False
    for cell in korean["cells"]:
        meta = cell.get("metadata", {}).get("translates", {})
        original = by_id.get(meta.get("cell"))
        if (original is not None and original["cell_type"] == "code" == cell["cell_type"]
                and meta.get("sha") != version(original)):
            cell["source"] = source_of(original)
            meta["sha"] = version(original)
            changed = True
    if changed:
        save(korean, korean_path)
    return [f"{korean_path.name}: {p}" for p in problems(english, korean)]


def main():
    left = []
    for english_path, korean_path in pairs():
        left += refresh(english_path, korean_path)
    for line in left:
        print(f"[translations] {line}")
    print(f"[translations] notebooks: {len(left)} problem(s) left in notebooks/ko")
    return 1 if left else 0


if __name__ == "__main__":
    raise SystemExit(main())
