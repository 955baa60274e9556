"""The Korean edition: the package's catalog, the glossary, the font and the notebooks' twins.

- every message the package marks for translation has a Korean translation, with the same
  ``{fields}``, and the compiled ``.mo`` file is the ``.po`` file compiled (not stale);
- no Korean text (catalog or notebook) uses a variant the glossary rules out, and each Korean
  notebook gives a glossary term's English in brackets at its first use;
- figures draw Hangul with a real font, without a missing-glyph warning;
- every English notebook has a Korean twin whose cells translate the current English cells
  (drift: a changed English cell makes its twin stale), with the same code.
"""
import re
import string
import sys
import warnings
from pathlib import Path

import pytest

from helpers import i18n
from tests.i18n_checks import english_left, has_hangul

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import notebook_twins  # noqa: E402
import translations  # noqa: E402

GLOSSARY = ROOT / "helpers" / "locale" / "ko" / "glossary.tsv"
PAIRS = notebook_twins.pairs()


def glossary():
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, korean, *rest = line.split("\t")
        avoid = [v.strip() for v in (rest[0].split(",") if rest else []) if v.strip()]
        rows.append((english.strip(), korean.strip(), avoid))
    return rows


def fields(text):
    return sorted(name for _, name, spec, conv in string.Formatter().parse(text)
                  if name is not None)


@pytest.fixture(scope="module")
def catalog():
    po_path, _ = translations.catalog_paths("ko")
    return translations.read(po_path, "ko")


# --- the package's catalog -------------------------------------------------------------------

def test_every_marked_message_is_in_the_korean_catalog(catalog):
    extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in translations.extract()
                 if m.id}
    in_catalog = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    assert extracted, "no message of the package is marked for translation"
    missing = sorted(extracted - in_catalog)
    assert not missing, (f"{len(missing)} messages are not in helpers.po; run 'python3 "
                         f"course.py translations' and translate them: {missing[:10]}")


def test_every_message_has_a_korean_translation(catalog):
    missing = translations.untranslated(catalog)
    assert not missing, f"{len(missing)} messages have no Korean translation: {missing[:10]}"


def test_translations_keep_every_field_and_speak_korean(catalog):
    problems = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        for text in strings:
            try:
                if fields(text) != fields(ids[0]):
                    problems.append((ids[0], "fields differ"))
            except ValueError:
                problems.append((ids[0], "broken braces"))
            if re.search(r"[A-Za-z]{3}", ids[0]) and not has_hangul(text) \
                    and text != ids[0].replace(" ", ""):
                # a message with words must become Korean (symbols/names may stay as they are)
                if english_left(ids[0]) and english_left(text):
                    problems.append((ids[0], "not Korean"))
    assert not problems, problems[:10]


def test_the_compiled_catalog_is_the_current_one(catalog):
    _, mo_path = translations.catalog_paths("ko")
    assert mo_path.read_bytes() == translations.compiled(catalog), (
        "helpers.mo is stale: run 'python3 course.py translations'")


def test_the_catalog_uses_only_the_glossary_terms(catalog):
    found = []
    for english, korean, avoid in glossary():
        for message in catalog:
            strings = [message.string] if isinstance(message.string, str) else message.string
            for text in strings:
                found += [(variant, text) for variant in avoid
                          if _term_at_word_start(text or "", variant)]
    assert not found, found[:10]


# --- switching the language ------------------------------------------------------------------

def test_english_is_the_default_and_korean_is_one_call_away(korean):
    msgid = translations.extract()
    sample = next(m.id for m in msgid if isinstance(m.id, str) and m.id)
    assert i18n.get_language() == "ko"
    assert i18n._(sample) != sample or not re.search("[A-Za-z]", sample)
    i18n.set_language("en")
    assert i18n._(sample) == sample


@pytest.mark.parametrize("spelling", ["ko", "KO", " ko ", "korean", "한국어", "ko-KR"])
def test_korean_is_understood_in_several_spellings(spelling):
    try:
        i18n.set_language(spelling)
        assert i18n.get_language() == "ko"
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("bad", ["fr", "", None, 3, "kr"])
def test_an_unknown_language_gets_a_clear_error(bad):
    with pytest.raises(ValueError, match="set_language\\('ko'\\)"):
        i18n.set_language(bad)
    assert i18n.get_language() == "en"


def test_helpers_exposes_the_switch():
    import helpers
    assert helpers.set_language is i18n.set_language


# --- the Korean font -------------------------------------------------------------------------

def test_korean_figures_draw_hangul_with_a_real_font(korean):
    import matplotlib
    from matplotlib import font_manager
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from helpers.plots import fonts
    assert fonts.KOREAN_FONT in matplotlib.rcParams["font.family"]
    path = font_manager.findfont(font_manager.FontProperties(family=fonts.KOREAN_FONT),
                                 fallback_to_default=False)
    assert Path(path).resolve() == fonts.korean_font_path().resolve()
    fig = Figure(figsize=(3, 1))
    fig.text(0.1, 0.5, "훈련 손실과 정확도 (training loss)")
    with warnings.catch_warnings():
        warnings.simplefilter("error")            # "Glyph ... missing from font(s)" fails here
        FigureCanvasAgg(fig).draw()


def test_english_figures_keep_their_font():
    import matplotlib

    from helpers.plots import fonts
    i18n.set_language("ko")
    i18n.set_language("en")
    assert fonts.KOREAN_FONT not in matplotlib.rcParams["font.family"]


# --- the Korean notebooks --------------------------------------------------------------------

def test_every_english_notebook_has_a_korean_twin():
    assert len(PAIRS) == 9
    missing = [korean.name for _, korean in PAIRS if not korean.exists()]
    assert not missing, f"no Korean twin in notebooks/ko for {missing}"


@pytest.mark.parametrize("english,korean", PAIRS, ids=[p[0].stem for p in PAIRS])
def test_korean_twin_follows_its_english_notebook(english, korean):
    problems = notebook_twins.problems(notebook_twins.load(english), notebook_twins.load(korean))
    assert not problems, (f"{korean.name}: {problems[:8]} -- run 'python3 course.py "
                          "translations' and update the Korean cells it lists")


def markdown_of(notebook):
    return [notebook_twins.source_of(c) for c in notebook["cells"] if c["cell_type"] == "markdown"]


_NOT_PROSE = re.compile(r"```.*?```|`[^`]*`|\$\$.*?\$\$|\$[^$]*\$|<[^>]+>|\]\([^)]*\)|"
                        r"https?://\S+|\*[^*\n]+\*|_[^_\n]+_|\"[^\"\n]*\"|“[^”\n]*”", re.S)


#: Names that stay as they are in Korean prose (programs, libraries, data sets).
NAMES = ("scikit-learn", "Deep Blue", "Jupyter Lab", "Tensor Flow")


def without_english_table_cells(text):
    """Table cells with no Hangul (English terms beside Korean ones, code names) are not prose."""
    lines = []
    for line in text.splitlines():
        if line.lstrip().startswith("|"):
            line = "|".join(cell if has_hangul(cell) else " " for cell in line.split("|"))
        lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize("english,korean", PAIRS, ids=[p[0].stem for p in PAIRS])
def test_korean_prose_is_korean(english, korean):
    """Every prose cell with English sentences in the original reads as Korean in the twin."""
    untranslated = []
    for original, text in zip(markdown_of(notebook_twins.load(english)),
                              markdown_of(notebook_twins.load(korean))):
        if english_left(_NOT_PROSE.sub(" ", original)) and not has_hangul(text):
            untranslated.append(original[:60])
        left = english_left(_NOT_PROSE.sub(" ", without_english_table_cells(text)),
                            allowed=NAMES)
        if len(left) > 2:
            untranslated.append(f"{text[:40]!r}: English left {left[:4]}")
    assert not untranslated, untranslated[:5]


def _term_at_word_start(text, term):
    for match in re.finditer(re.escape(term), text):
        before = text[match.start() - 1] if match.start() else " "
        if not re.match(r"[\uac00-\ud7a3A-Za-z]", before):
            return match
    return None


@pytest.mark.parametrize("english,korean", PAIRS, ids=[p[0].stem for p in PAIRS])
def test_korean_notebooks_use_the_glossary(english, korean):
    prose = "\n".join(markdown_of(notebook_twins.load(korean)))
    # headings name things; the English term comes with the first use in the text
    prose = re.sub(r"(?m)^#+ .*$", " ", prose)
    code_free = re.sub(r"```.*?```|`[^`]*`", " ", prose, flags=re.S)
    code_free = re.sub(r"\s+", " ", code_free)          # a term may be broken across lines
    problems = []
    for term_en, term_ko, avoid in glossary():
        problems += [f"uses {v!r} (the glossary's term is {term_ko!r})"
                     for v in avoid if _term_at_word_start(code_free, v)]
        match = _term_at_word_start(code_free, term_ko)
        if match is None:
            continue
        following = re.sub(r"[*_]|\( ", lambda m: "(" if m.group() == "( " else "",
                           code_free[match.end():match.end() + 40]).lower()
        if f"({term_en.lower()}" not in following:
            problems.append(f"first use of {term_ko!r} has no '({term_en})' after it: "
                            f"{code_free[match.start():match.end() + 30]!r}")
    assert not problems, problems[:10]


# --- the checks above can fail ---------------------------------------------------------------

def test_a_changed_english_cell_makes_its_korean_twin_stale():
    english_path, korean_path = PAIRS[3]
    english, korean = notebook_twins.load(english_path), notebook_twins.load(korean_path)
    assert notebook_twins.problems(english, korean) == []
    prose = next(c for c in english["cells"] if c["cell_type"] == "markdown")
    prose["source"] = notebook_twins.source_of(prose) + "\nOne more sentence."
    code = next(c for c in english["cells"] if c["cell_type"] == "code")
    code["source"] = notebook_twins.source_of(code) + "\nx = 1"
    found = notebook_twins.problems(english, korean)
    assert any(prose["id"] in p and "stale" in p for p in found)
    assert any(code["id"] in p and "stale" in p for p in found)


def test_a_korean_twin_with_other_code_or_a_missing_cell_is_caught():
    english_path, korean_path = PAIRS[6]
    english, korean = notebook_twins.load(english_path), notebook_twins.load(korean_path)
    code = next(c for c in korean["cells"]
                if c["cell_type"] == "code" and not notebook_twins.is_switch(c))
    code["source"] = notebook_twins.source_of(code) + "\nprint('extra')"
    dropped = korean["cells"].pop(-1)
    found = notebook_twins.problems(english, korean)
    assert any("code differs" in p for p in found)
    assert any(dropped["metadata"]["translates"]["cell"] in p for p in found)
    # comments may be translated: the code still counts as the same
    assert notebook_twins.code_without_comments("x = 1  # 한국어 설명\n# 주석") == "x = 1"


def test_a_message_without_translation_is_reported(catalog):
    from babel.messages.catalog import Catalog
    partial = Catalog(locale="ko")
    for message in list(catalog)[1:4]:
        partial.add(message.id, message.string)
    partial.add("a brand-new message nobody translated", "")
    assert translations.untranslated(partial) == ["a brand-new message nobody translated"]


def test_printed_tables_count_hangul_as_two_columns():
    assert i18n.text_width("abc") == 3
    assert i18n.text_width("훈련 정확도") == 11          # five wide letters and a space
    assert i18n.pad("층", 4) + "|" == "층  |"
    assert i18n.pad("0.9", 5, right=True) == "  0.9"
    assert i18n.pad("too long", 3) == "too long"       # never cut
