"""Fonts for the course's figures: Hangul when the package speaks Korean.

matplotlib's own font (DejaVu Sans) has no Hangul: Korean labels would come out as boxes, with
a "Glyph missing" warning. The Korean course uses Noto Sans KR (SIL Open Font License), which
the pip package ``pylopdf-fonts-ko`` carries, so the course's own setup installs it on any
machine, with no system font package. DejaVu Sans stays first, so Latin letters, digits and
symbols look the same in both languages; matplotlib takes each Hangul character from Noto Sans
KR (font fallback).
"""
import dataclasses

import matplotlib
from matplotlib import font_manager

from ..i18n import on_language_change

__all__ = ["LATIN_FONT", "KOREAN_FONT", "korean_font_path", "font_family_for"]

LATIN_FONT = "DejaVu Sans"
KOREAN_FONT = "Noto Sans KR"


def korean_font_path():
    """The path of the bundled Noto Sans KR file, or None when its package is not installed."""
    try:
        import pylopdf_fonts_ko
    except ImportError:
        return None
    path = pylopdf_fonts_ko.sans_path()
    return path if path.exists() else None


def font_family_for(language):
    """The ``font.family`` list figures use in ``language`` ("en" or "ko")."""
    if language != "ko":
        return [LATIN_FONT]
    path = korean_font_path()
    if path is None:
        raise RuntimeError(
            "Korean figures need the font package 'pylopdf-fonts-ko', which the course's "
            "setup installs: run 'python3 course.py setup' (or pip install pylopdf-fonts-ko).")
    if KOREAN_FONT not in {f.name for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(path))
        # The package has the regular weight only. Offered as bold too, it draws bold Hangul
        # in the regular weight, quietly, instead of matplotlib logging "Failed to find font
        # weight bold" into every notebook cell with a bold title.
        regular = next(f for f in font_manager.fontManager.ttflist if f.name == KOREAN_FONT)
        font_manager.fontManager.ttflist.append(dataclasses.replace(regular, weight=700))
        cached = getattr(font_manager.fontManager, "_findfont_cached", None)
        if cached is not None and hasattr(cached, "cache_clear"):
            cached.cache_clear()
    return [LATIN_FONT, KOREAN_FONT]


def _use_fonts(language):
    if language == "ko":
        matplotlib.rcParams["font.family"] = font_family_for(language)
    elif KOREAN_FONT in matplotlib.rcParams["font.family"]:
        matplotlib.rcParams["font.family"] = matplotlib.rcParamsDefault["font.family"]


on_language_change(_use_fonts)
