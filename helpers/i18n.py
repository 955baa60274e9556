"""The language the package speaks: English by default, Korean after ``set_language("ko")``.

Every sentence the package shows a learner (widget labels, status lines, figure titles,
exercise feedback, error messages) goes through :func:`_` here, the usual gettext way:

    from .i18n import _
    raise ValueError(_("lr must be positive, got {lr}.").format(lr=lr))

The translations live in gettext catalogs shipped with the package:
``helpers/locale/ko/LC_MESSAGES/helpers.po`` (the text translators edit) and ``helpers.mo``
(the compiled file Python reads). ``python3 course.py translations`` extracts the messages,
updates the catalog and compiles it; ``tests/test_i18n.py`` fails when a message has no Korean
translation or the compiled file is stale.

Three rules for writing a translatable message:

- Format after translating, with named fields: ``_("{n} points").format(n=n)``, never an
  f-string inside ``_()`` (the catalog could not find it).
- A message written at import time (a table, a constant) is marked with :func:`N_` and
  translated where it is shown, with ``_(CONSTANT)``: the language can change after import.
- One whole sentence per message, so a translator can reorder its words.

A table a notebook prints directly (``print(f"{row['result']}")``) cannot call ``_()`` in the
notebook's code, which both languages share; its texts are marked with :func:`T_` instead: a
:class:`LazyText` equals its English text (so code can compare and look it up), but prints and
formats in the current language.
"""
import gettext
import unicodedata
from pathlib import Path

__all__ = ["_", "N_", "T_", "LazyText", "ngettext", "set_language", "get_language", "LANGUAGES",
           "on_language_change", "LOCALE_DIR", "DOMAIN", "text_width", "pad"]

#: The languages the course speaks, by their ISO 639-1 code.
LANGUAGES = {"en": "English", "ko": "한국어 (Korean)"}
#: Where the catalogs live, and the catalog's name (``helpers.po`` / ``helpers.mo``).
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "helpers"

_state = {"language": "en", "translation": gettext.NullTranslations()}
_listeners = []


def _(message):
    """``message`` in the current language (unchanged in English or when not translated)."""
    return _state["translation"].gettext(message)


def N_(message):
    """Mark ``message`` for translation without translating it now (for tables, constants)."""
    return message


class LazyText(str):
    """English text that shows itself in the current language when printed or formatted.

    It compares, hashes and slices as its English text; ``str()``, ``print`` and f-strings give
    the translation.
    """

    __slots__ = ()

    def __str__(self):
        return _(str.__str__(self))

    def __format__(self, spec):
        return format(str(self), spec)


def T_(message):
    """Mark ``message`` for translation and return it as a :class:`LazyText`."""
    return LazyText(message)


def ngettext(singular, plural, n):
    """The singular or the plural form of a message for the count ``n``, translated."""
    return _state["translation"].ngettext(singular, plural, n)


def get_language():
    """The code of the language the package speaks now: ``"en"`` or ``"ko"``."""
    return _state["language"]


def set_language(language="en"):
    """Make the package speak ``language`` from now on: ``"en"`` (the default) or ``"ko"``.

    Call it at the top of a notebook, before widgets and figures are made: what is already
    on the page keeps its words. In Korean, figures also switch to a font with Hangul.
    """
    code = str(language).strip().lower() if isinstance(language, str) else language
    aliases = {"english": "en", "korean": "ko", "kor": "ko", "한국어": "ko", "ko_kr": "ko",
               "ko-kr": "ko", "en_us": "en", "en-us": "en"}
    code = aliases.get(code, code)
    if code not in LANGUAGES:
        raise ValueError(f"the course speaks {', '.join(repr(c) for c in LANGUAGES)}; "
                         f"got {language!r}. Use set_language('ko') for Korean or "
                         f"set_language('en') for English.")
    if code == "en":
        translation = gettext.NullTranslations()
    else:
        try:
            translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[code])
        except OSError as error:
            raise RuntimeError(
                f"the {LANGUAGES[code]} catalog is missing from {LOCALE_DIR}: run "
                f"'python3 course.py translations' to compile it.") from error
    _state.update(language=code, translation=translation)
    for listener in list(_listeners):
        listener(code)
    return None


def on_language_change(listener):
    """Call ``listener(code)`` now and whenever the language changes (used by ``plots``)."""
    _listeners.append(listener)
    listener(_state["language"])
    return listener


def text_width(text):
    """How many columns ``text`` takes in a fixed-width font: a Korean (wide) character takes
    two, so printed tables stay aligned in both languages."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(text))


def pad(text, width, right=False):
    """``text`` padded with spaces to ``width`` columns (see :func:`text_width`), on the right
    or, with ``right=True``, on the left (right-aligned)."""
    spaces = " " * max(0, width - text_width(text))
    return spaces + str(text) if right else str(text) + spaces
