"""Your own points from a CSV file, in the forms people really have them.

:func:`load_csv` reads two feature columns and a label column from what a learner picks: a path,
the bytes an upload button gives, an open file or the text itself. It copes with what Excel saves
("CSV UTF-8" with a byte-order mark, "Unicode text" in UTF-16, semicolons and decimal commas,
old Mac line endings), and answers anything else with what is wrong and how to re-save the file.
It never drops or invents a row: a row it cannot read is an error naming that row.
"""
import csv
import math
import os
import re

import numpy as np

from .i18n import N_, _
from .validation import as_labels

__all__ = ["load_csv", "CSVNotFoundError", "CSVIsADirectoryError", "MAX_CSV_BYTES"]


class CSVNotFoundError(FileNotFoundError, ValueError):
    """No file at the path given to :func:`load_csv` (also a ValueError, like every CSV problem)."""


class CSVIsADirectoryError(IsADirectoryError, ValueError):
    """The path given to :func:`load_csv` is a folder (also a ValueError)."""


#: Files larger than this are not a course CSV (5,000 points take about 100 kB).
MAX_CSV_BYTES = 20_000_000

# The first bytes of files people pick by mistake (translated where the error is raised).
_NOT_TEXT = {b"\x89PNG": N_("a PNG picture"), b"\xff\xd8\xff": N_("a JPEG picture"),
             b"GIF8": N_("a GIF picture"), b"%PDF": N_("a PDF document"),
             b"PK\x03\x04": N_("a zip archive, or an Excel workbook (.xlsx)"),
             b"\xd0\xcf\x11\xe0": N_("an old Excel workbook (.xls) or Word document")}


def load_csv(source):
    """Read your own points from a CSV file: two feature columns x, y and a label column.

    ``source`` is a path (str or Path), the file's bytes (what ``ipywidgets.FileUpload`` gives),
    an open file, or the CSV text itself. The file may be what Excel saves: UTF-8 with or without
    a byte-order mark, UTF-16 ("Unicode text"), any line endings, commas, semicolons or tabs
    between the columns (with semicolons or tabs, ``1,5`` reads as 1.5). A first row with no
    number in it is a header. Blank lines are skipped; no other row is ever dropped or invented.

    Returns ``(X, y)``: X of shape (n, 2), y integer labels 0, 1, ... Every problem (a missing
    file, a picture, a missing column, a value that is not a number, a single class, ...) raises
    ``ValueError`` naming the row and column to fix; rows are counted as a spreadsheet shows
    them (the file's line numbers, header included).
    """
    text = _csv_text(source)
    delimiter, lines = _split_lines(text)
    cells = [(number, _cells(line, delimiter)) for number, line in lines]
    rows = [(number, row) for number, row in cells if any(c.strip() for c in row)]
    if not rows:
        raise ValueError(_("the CSV file is empty; it needs rows of: x, y, label."))
    if not any(_number(cell, delimiter) is not None for cell in rows[0][1]):
        rows = rows[1:]                                   # a header: no number in it
    if not rows:
        raise ValueError(_("the CSV file has a header but no data rows; add rows of: x, y, "
                           "label."))
    values = np.array([_numbers(number, row, delimiter) for number, row in rows], dtype=float)
    X = values[:, :2]
    y = as_labels(values[:, 2], name=N_("the CSV's label column"))
    if len(np.unique(y)) < 2:
        raise ValueError(_("the CSV has only one class (label {label}); a classifier needs at "
                           "least two different labels.").format(label=y[0]))
    return X, y


def _csv_text(source):
    """The text of ``source`` (path, bytes, open file or CSV text)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _decode(bytes(source))
    if hasattr(source, "read"):                           # an open file
        data = source.read()
        return data if isinstance(data, str) else _decode(bytes(data))
    if isinstance(source, str) and _is_csv_text(source):
        return source
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(_("load_csv takes a path to a .csv file, the file's bytes, an open "
                          "file or CSV text, not {type}.").format(type=type(source).__name__))
    path = os.fspath(source)
    if os.path.isdir(path):
        raise CSVIsADirectoryError(_("{path!r} is a folder, not a file; pick the .csv file "
                                     "inside it.").format(path=path))
    if not os.path.exists(path):
        raise CSVNotFoundError(_("no file at {path!r}; check the name and the folder (paths "
                                 "are relative to {folder!r}).").format(path=path,
                                                                      folder=os.getcwd()))
    if os.path.getsize(path) > MAX_CSV_BYTES:
        raise ValueError(_("{path!r} is {size:,} bytes, far too large for a course CSV of "
                           "points; is it the right file?")
                         .format(path=path, size=os.path.getsize(path)))
    with open(path, "rb") as fh:
        return _decode(fh.read())


def _is_csv_text(text):
    """Is this string the CSV text itself (rather than a path)?"""
    if not text.strip() or "\n" in text or "\r" in text:
        return True
    if os.path.exists(text) or text.lower().endswith((".csv", ".tsv", ".txt")):
        return False
    return any(separator in text for separator in ",;\t")


def _decode(data):
    """Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, else Windows-1252."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
                          (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
                          (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ValueError(_("the file starts like {encoding} text but is not valid "
                                   "{encoding}; open it in Excel (or a text editor) and save "
                                   "it as \"CSV UTF-8 (comma delimited)\".")
                                 .format(encoding=encoding.upper())) from None
    for magic, kind in _NOT_TEXT.items():
        if data.startswith(magic):
            raise ValueError(_("this is not a text CSV file: it looks like {kind}. Pick the "
                               ".csv file, or open it in Excel (or a text editor) and save it "
                               "as \"CSV UTF-8 (comma delimited)\".").format(kind=_(kind)))
    utf16 = _utf16_without_bom(data) if b"\x00" in data else None
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            raise ValueError(_("the file looks like UTF-16 text but is not valid UTF-16; "
                               "open it in Excel (or a text editor) and save it as "
                               "\"CSV UTF-8 (comma delimited)\".")) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")    # an older Excel's "CSV (Windows)"
    controls = sum(ch < " " and ch not in "\t\n\r\f" for ch in text[:10_000])
    if controls > 0.01 * len(text[:10_000]):
        raise ValueError(_("this is not a text CSV file (it holds binary data, such as a "
                           "picture or a spreadsheet); pick the .csv file, or open it in Excel "
                           "(or a text editor) and save it as \"CSV UTF-8 (comma "
                           "delimited)\"."))
    return text


def _utf16_without_bom(data):
    """'utf-16-le' or 'utf-16-be' if ``data`` looks like UTF-16 text, else None: digits and
    separators in UTF-16 have a zero byte in every other place (the second or the first)."""
    zeros_even, zeros_odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) / 2
    if len(data) % 2 or min(zeros_even, zeros_odd) > 0.05 * half:
        return None
    if zeros_odd > 0.4 * half:
        return "utf-16-le"
    return "utf-16-be" if zeros_even > 0.4 * half else None


def _split_lines(text):
    """The delimiter and the non-empty lines as (line number, line), whatever the line endings."""
    lines = text.removeprefix("\ufeff").splitlines()
    numbered = [(number, line) for number, line in enumerate(lines, start=1) if line.strip()]
    sep = re.fullmatch(r"\s*sep=(.)\s*", numbered[0][1]) if numbered else None
    if sep:                                               # Excel's "sep=;" first line
        return sep.group(1), numbered[1:]
    for delimiter in (";", "\t", ","):                    # ; and tab first: they allow 1,5
        if sum(delimiter in line for _, line in numbered) > len(numbered) / 2:
            return delimiter, numbered
    return ",", numbered


def _cells(line, delimiter):
    """The cells of one line, without the empty cells Excel may add at the end."""
    row = next(csv.reader([line], delimiter=delimiter))
    while len(row) > 3 and not row[-1].strip():
        row.pop()
    return row


def _number(cell, delimiter):
    """The number in a cell, or None. With ; or tab separators 1,5 is 1.5 (a decimal comma)."""
    cell = cell.strip()
    if delimiter != "," and re.fullmatch(r"[+-]?\d*,\d+", cell):
        cell = cell.replace(",", ".")
    try:
        return float(cell)
    except ValueError:
        return None


def _numbers(number, row, delimiter):
    """The three numbers of data row ``number`` (its line in the file), or a ValueError."""
    if len(row) < 3:
        message = _("row {number} has {n} column(s); every row needs exactly three: x, y, "
                    "label (a column is missing).")
    elif delimiter == ",":
        message = _("row {number} has {n} column(s); every row needs exactly three: x, y, "
                    "label (if your numbers have decimal commas (1,5), separate the columns "
                    "with semicolons).")
    else:
        message = _("row {number} has {n} column(s); every row needs exactly three: x, y, "
                    "label (remove the extra columns).")
    if len(row) != 3:
        raise ValueError(message.format(number=number, n=len(row)))
    values = []
    for column, (cell, name) in enumerate(zip(row, ("x", "y", "label")), start=1):
        value, cell = _number(cell, delimiter), cell.strip()
        where = _("column {column}, {name}").format(column=column, name=name)
        if not cell:
            raise ValueError(_("row {number} is empty in {where}; fill it in or delete the "
                               "row.").format(number=number, where=where))
        if value is None:
            if name == "label":
                message = _("row {number} holds {cell!r}, which is not a number ({where}); "
                            "labels must be whole numbers 0, 1, 2, ...: give each class a "
                            "number.")
            else:
                message = _("row {number} holds {cell!r}, which is not a number ({where}); "
                            "every value must be numeric.")
            raise ValueError(message.format(number=number, cell=cell[:40], where=where))
        if not math.isfinite(value):
            raise ValueError(_("row {number} holds {cell!r} ({where}), a missing or infinite "
                               "value; fill it in or delete the row.")
                             .format(number=number, cell=cell, where=where))
        if name == "label" and (value < 0 or value != round(value)):
            if value == -1:
                message = _("row {number} holds the negative label {cell} (column 3); labels "
                            "must be whole numbers 0, 1, 2, ... (for labels -1 and +1, write 0 "
                            "instead of -1).")
            elif value < 0:
                message = _("row {number} holds the negative label {cell} (column 3); labels "
                            "must be whole numbers 0, 1, 2, ....")
            else:
                message = _("row {number} holds the non-integer label {cell} (column 3); "
                            "labels must be whole numbers 0, 1, 2, ....")
            raise ValueError(message.format(number=number, cell=cell))
        values.append(value)
    return values
