"""Keep the package's Korean catalog in step with its code (``python3 course.py translations``).

What it does, in order:

1. extracts every message marked with ``_()``, ``N_()``, ``T_()`` or ``ngettext()`` in ``helpers/`` into
   the template ``helpers/locale/helpers.pot`` (Babel's extractor);
2. updates ``helpers/locale/ko/LC_MESSAGES/helpers.po`` from it: new messages are added
   untranslated, messages no longer in the code are dropped;
3. optionally merges translations from other files (``--merge FILE ...``): ``.po`` files, or
   ``.json`` objects mapping English messages to Korean ones (handy for a batch of new ones);
4. compiles ``helpers.mo``, the file ``gettext`` reads at run time;
5. lists the messages still without a Korean translation (exit code 1 if there are any and
   ``--check`` was given).

Translate by editing ``helpers.po`` (any PO editor, or a text editor: fill each ``msgstr``),
then run this again. ``tests/test_i18n.py`` checks the same things without writing anything.
"""
import argparse
import io
import json
import os
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "helpers"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "helpers.pot"
KEYWORDS = {"_": None, "N_": None, "T_": None, "ngettext": (1, 2)}
LANGUAGES = ("ko",)


def catalog_paths(language):
    folder = LOCALE / language / "LC_MESSAGES"
    return folder / "helpers.po", folder / "helpers.mo"


def extract():
    """A Catalog of every message marked in the package's code."""
    template = Catalog(project="From Rules to Layers", version="0.1.0",
                       msgid_bugs_address="", copyright_holder="", charset="utf-8")
    found = extract_from_dir(str(PACKAGE), method_map=[("**.py", "python")],
                             keywords=KEYWORDS, comment_tags=("Translators:",),
                             strip_comment_tags=True)
    for filename, lineno, message, comments, context in found:
        path = (PACKAGE / filename).relative_to(ROOT).as_posix()
        template.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return template


def read(path, language):
    if not path.exists():
        return Catalog(locale=language, charset="utf-8")
    with open(path, "rb") as handle:
        return read_po(handle, locale=language)


def translations_in(path, language):
    """(message id, translation) pairs from a .po file or a .json object {English: Korean}.

    A plural message is keyed by its singular form in JSON. Messages not in the code are
    ignored, so a file may hold more than the code needs.
    """
    if path.suffix == ".json":
        return list(json.loads(path.read_text(encoding="utf-8")).items())
    pairs = []
    for message in read(path, language):
        if message.id and message.string and not message.fuzzy:
            key = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
            pairs.append((key, message.string))
    return pairs


def to_bytes(writer, catalog, **kwargs):
    buffer = io.BytesIO()
    writer(buffer, catalog, **kwargs)
    return buffer.getvalue()


def compiled(catalog):
    """The .mo bytes for ``catalog`` (fuzzy entries left out, as gettext would)."""
    return to_bytes(write_mo, catalog, use_fuzzy=False)


def untranslated(catalog):
    """The message ids of ``catalog`` without a (non-fuzzy) translation."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def update(language, merge_files=()):
    template = extract()
    po_path, mo_path = catalog_paths(language)
    catalog = read(po_path, language)
    # the header keeps its date, so running this without changes changes no file
    template.creation_date = catalog.creation_date if po_path.exists() else template.creation_date
    catalog.update(template, update_header_comment=False, no_fuzzy_matching=True)
    catalog.project, catalog.version = template.project, template.version
    for extra in merge_files:
        for key, text in translations_in(Path(extra), language):
            known = catalog.get(key)
            if known is None or not text:
                continue
            if isinstance(known.id, (list, tuple)):
                text = tuple(text) if isinstance(text, (list, tuple)) else (text,)
                text = (text * catalog.num_plurals)[:catalog.num_plurals]
            known.string = text
            known.flags.discard("fuzzy")
    catalog.obsolete.clear()
    po_path.parent.mkdir(parents=True, exist_ok=True)
    write(TEMPLATE, to_bytes(write_po, template, width=100, sort_output=False,
                                include_lineno=False))
    write(po_path, to_bytes(write_po, catalog, width=100, sort_output=False,
                            include_previous=False, include_lineno=False))
    write(mo_path, compiled(catalog))
    return catalog


def write(path, data):
    """Replace ``path`` in one step, so a reader never sees half a file."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--merge", nargs="*", default=[],
                        help=".po or .json files to take translations from")
    parser.add_argument("--check", action="store_true",
                        help="exit with code 1 when a message has no translation")
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        catalog = update(language, args.merge)
        missing = untranslated(catalog)
        total = sum(1 for m in catalog if m.id)
        print(f"[translations] {language}: {total - len(missing)} of {total} messages translated")
        if missing and not args.quiet:
            for message_id in missing:
                print(f"  missing: {message_id!r}")
        if missing and args.check:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
