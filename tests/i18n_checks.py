"""What the tests call "English left in Korean text".

A learner-facing text in the Korean course may contain code (``Sequential``, ``fit``,
``lr=0.1``), numbers, symbols and the English term in brackets after a Korean one, but never an
English sentence. :func:`english_left` finds runs of English words that look like prose: two or
more words in a row of three letters or more, outside brackets, backquotes and known code names.
"""
import re

HANGUL = re.compile(r"[\uac00-\ud7a3]")
_BRACKETED = re.compile(r"\([^()]*\)|`[^`]*`|'[^']*'|\"[^\"]*\"|\[[^\]]*\]|<[^>]*>|\{[^}]*\}")
_WORD_RUN = re.compile(r"[A-Za-z][a-z]{2,}(?:[ \-][A-Za-z][a-z]{2,})+")


def has_hangul(text):
    return bool(HANGUL.search(str(text)))


def english_left(text, allowed=()):
    """The English word runs in ``text`` (an empty list when it reads as Korean).

    Words inside brackets, quotes or backquotes are not counted (code names and the English term
    after a Korean one live there); ``allowed`` lists further runs that are fine (names of
    people, data sets, programs: "Deep Blue", "ImageNet", "scikit-learn").
    """
    stripped = _BRACKETED.sub(" ", str(text))
    for phrase in allowed:
        stripped = stripped.replace(phrase, " ")
    return _WORD_RUN.findall(stripped)
