"""Small data sets, all generated or bundled, so the course runs offline.

Every generator takes a ``seed`` and returns the same arrays for the same seed. Points are returned
as ``(X, y)`` with ``X`` of shape (n, 2) and ``y`` integer class labels 0, 1, ...

The course's running example is :func:`two_class_points`: white points (label 0) and black points
(label 1) in the plane. They were made by taking two groups that the rule "x > 0 means black"
separates, then rotating them by ``TWO_CLASS_ANGLE`` degrees and shifting them by
``TWO_CLASS_OFFSET``. Undoing that change of coordinates makes the simple rule work again; finding
such a change automatically is what notebook 03 calls learning.

:func:`load_csv` reads a learner's own points from a CSV file, in the forms Excel saves them.
"""
import csv
import functools
import math
import os
import re

import numpy as np

from .validation import as_labels, as_seed, fraction, positive_int, positive_number

TWO_CLASS_ANGLE = 40.0           # degrees, counter-clockwise
TWO_CLASS_OFFSET = (1.0, 0.5)    # added after the rotation


#: The most points a generator makes (more only slows the figures down).
MAX_POINTS = 1_000_000


def _rng(seed):
    return np.random.default_rng(as_seed(seed))


def _check_n(n, minimum=2):
    return positive_int(n, "n", minimum=minimum, maximum=MAX_POINTS)


def _check_classes(classes, n, name, maximum=None):
    """A number of classes from 2 to ``maximum``, and at least one point for each."""
    classes = positive_int(classes, name, minimum=2)
    if maximum is not None and classes > maximum:
        raise ValueError(f"{name} must be between 2 and {maximum}, got {classes}.")
    if n < classes:
        raise ValueError(f"n={n} points cannot fill {classes} {name}; use n >= {classes}.")
    return classes


def _noise(noise):
    return positive_number(noise, "noise", allow_zero=True)


def two_class_points(n=200, noise=0.2, seed=0):
    """The running example: two classes a rotation plus a shift makes separable by x > 0.

    Returns ``(X, y)``; ``y == 1`` are the black points, ``y == 0`` the white ones. With
    ``noise=0`` the classes are perfectly separable; more noise makes them overlap.
    """
    n, noise = _check_n(n), _noise(noise)
    rng = _rng(seed)
    y = np.arange(n) % 2
    rng.shuffle(y)
    side = np.where(y == 1, 1.0, -1.0)
    # In the "good" coordinates the classes sit either side of the line x = 0.
    good_x = side * (0.25 + np.abs(rng.normal(0.0, 0.7, n))) + rng.normal(0.0, noise, n)
    good_y = rng.normal(0.0, 1.0, n)
    good = np.column_stack([good_x, good_y])
    from .representations import rotate, shift
    X = shift(rotate(good, TWO_CLASS_ANGLE), TWO_CLASS_OFFSET)
    return X, y.astype(np.int64)


def circles(n=200, noise=0.1, factor=0.5, seed=0):
    """Two concentric rings: label 1 is the inner ring (radius ``factor``), label 0 the outer."""
    n, noise = _check_n(n), _noise(noise)
    factor = fraction(factor, "factor")
    rng = _rng(seed)
    y = np.arange(n) % 2
    rng.shuffle(y)
    angle = rng.uniform(0, 2 * np.pi, n)
    radius = np.where(y == 1, factor, 1.0)
    X = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    X += rng.normal(0.0, noise, X.shape)
    return X, y.astype(np.int64)


def moons(n=200, noise=0.1, seed=0):
    """Two interleaving half circles."""
    n, noise = _check_n(n), _noise(noise)
    rng = _rng(seed)
    y = np.arange(n) % 2
    rng.shuffle(y)
    t = rng.uniform(0, np.pi, n)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)])
    X = np.where((y == 0)[:, None], upper, lower) + rng.normal(0.0, noise, (n, 2))
    return X, y.astype(np.int64)


def xor(n=200, noise=0.05, seed=0):
    """Points in the four quadrants; label 1 where x and y have the same sign.

    No straight line separates the classes. Points keep a small margin from the axes so that a
    network can reach 100 % accuracy when ``noise`` is small.
    """
    n, noise = _check_n(n, minimum=4), _noise(noise)
    rng = _rng(seed)
    y = np.arange(n) % 2
    rng.shuffle(y)
    sign_x = rng.choice([-1.0, 1.0], n)
    sign_y = np.where(y == 1, sign_x, -sign_x)      # same sign for class 1, opposite for 0
    X = rng.uniform(0.1, 1.0, (n, 2)) * np.column_stack([sign_x, sign_y])
    X = X + rng.normal(0.0, noise, X.shape)
    return X, y.astype(np.int64)


def spiral(n=300, classes=2, noise=0.2, turns=1.0, seed=0):
    """Interleaved spiral arms, one per class (2 or more classes)."""
    n, noise = _check_n(n), _noise(noise)
    classes = _check_classes(classes, n, "classes", maximum=6)
    turns = positive_number(turns, "turns")
    rng = _rng(seed)
    y = np.arange(n) % classes
    rng.shuffle(y)
    r = rng.uniform(0.05, 1.0, n)
    theta = 2 * np.pi * (turns * r + y / classes) + rng.normal(0.0, noise, n) * 0.5
    X = np.column_stack([r * np.cos(theta), r * np.sin(theta)])
    return X, y.astype(np.int64)


def gaussians(n=200, centers=3, spread=0.5, seed=0):
    """Round blobs of points, one per class, with centres spaced on a circle of radius 2."""
    n = _check_n(n)
    centers = _check_classes(centers, n, "centers")
    spread = positive_number(spread, "spread")
    rng = _rng(seed)
    y = np.arange(n) % centers
    rng.shuffle(y)
    angles = 2 * np.pi * np.arange(centers) / centers + np.pi / 4
    means = 2.0 * np.column_stack([np.cos(angles), np.sin(angles)])
    X = means[y] + rng.normal(0.0, spread, (n, 2))
    return X, y.astype(np.int64)


#: The point sets by the names the widgets show, each a function of (n, noise, seed).
POINT_SETS = {
    "running example": lambda n, noise, seed: two_class_points(n, noise, seed),
    "circles": lambda n, noise, seed: circles(n, noise, seed=seed),
    "moons": lambda n, noise, seed: moons(n, noise, seed),
    "xor": lambda n, noise, seed: xor(n, noise, seed),
    "spiral": lambda n, noise, seed: spiral(n, 2, noise, seed=seed),
    "spiral (3 classes)": lambda n, noise, seed: spiral(n, 3, noise, seed=seed),
    "gaussians": lambda n, noise, seed: gaussians(n, 3, 0.5 + noise, seed),
}


def make(name, n=200, noise=0.1, seed=0):
    """Generate one of :data:`POINT_SETS` by name."""
    if not isinstance(name, str) or name not in POINT_SETS:
        raise ValueError(f"unknown data set {name!r}; choose one of {sorted(POINT_SETS)}.")
    return POINT_SETS[name](n, noise, seed)


def train_test_split(X, y, test_fraction=0.25, seed=0):
    """Split into ``(X_train, y_train, X_test, y_test)``, keeping class proportions.

    Each class is shuffled and cut separately (a stratified split), so a small test set still
    contains every class. Note the order: training pair first, then test pair.
    """
    X = np.asarray(X)
    if X.ndim == 0:
        raise ValueError("X must be an array with one row per sample.")
    y = as_labels(y, n_samples=len(X))
    test_fraction = fraction(test_fraction, "test_fraction")
    rng = _rng(seed)
    test_idx = []
    for label in np.unique(y):
        idx = np.flatnonzero(y == label)
        rng.shuffle(idx)
        test_idx.append(idx[: int(round(test_fraction * len(idx)))])
    test_mask = np.zeros(len(y), dtype=bool)
    test_mask[np.concatenate(test_idx)] = True
    if test_mask.all() or not test_mask.any():
        raise ValueError(f"test_fraction={test_fraction} leaves an empty training or test set "
                         f"for {len(y)} samples; use more data or a fraction nearer 0.25.")
    train, test = np.flatnonzero(~test_mask), np.flatnonzero(test_mask)
    rng.shuffle(train)
    rng.shuffle(test)
    return X[train], y[train], X[test], y[test]


def digits(seed=0, test_fraction=0.25):
    """The 8×8 handwritten digits bundled with scikit-learn, pixels scaled to [0, 1].

    Returns ``(X_train, y_train, X_test, y_test)``; each row of X is an image's 64 pixels read row
    by row (``X[i].reshape(8, 8)`` gives the picture). 1,797 images of the digits 0–9 from the
    UCI ML hand-written digits data set, loaded from scikit-learn's own copy (no download).
    """
    X, y = _digit_pixels()
    return train_test_split(X, y, test_fraction, seed)   # fresh arrays: the cache stays intact


@functools.lru_cache(maxsize=1)
def _digit_pixels():
    """All 1,797 images and labels, read once per session (scikit-learn parses a file each
    time; every notebook's scoreboard asks for the digits again)."""
    from sklearn.datasets import load_digits

    data = load_digits()
    X = data.data.astype(np.float64) / 16.0
    y = data.target.astype(np.int64)
    X.flags.writeable = y.flags.writeable = False
    return X, y


# ----------------------------------------------------------------------------------------------
# Your own points from a CSV file
# ----------------------------------------------------------------------------------------------
class CSVNotFoundError(FileNotFoundError, ValueError):
    """No file at the path given to :func:`load_csv` (also a ValueError, like every CSV problem)."""


class CSVIsADirectoryError(IsADirectoryError, ValueError):
    """The path given to :func:`load_csv` is a folder (also a ValueError)."""


#: Files larger than this are not a course CSV (5,000 points take about 100 kB).
MAX_CSV_BYTES = 20_000_000

_RESAVE = "open it in Excel (or a text editor) and save it as \"CSV UTF-8 (comma delimited)\""

# The first bytes of files people pick by mistake.
_NOT_TEXT = {b"\x89PNG": "a PNG picture", b"\xff\xd8\xff": "a JPEG picture",
             b"GIF8": "a GIF picture", b"%PDF": "a PDF document",
             b"PK\x03\x04": "a zip archive, or an Excel workbook (.xlsx)",
             b"\xd0\xcf\x11\xe0": "an old Excel workbook (.xls) or Word document"}


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
        raise ValueError("the CSV file is empty; it needs rows of: x, y, label.")
    if not any(_number(cell, delimiter) is not None for cell in rows[0][1]):
        rows = rows[1:]                                   # a header: no number in it
    if not rows:
        raise ValueError("the CSV file has a header but no data rows; add rows of: x, y, label.")
    values = np.array([_numbers(number, row, delimiter) for number, row in rows], dtype=float)
    X = values[:, :2]
    y = as_labels(values[:, 2], name="the CSV's label column")
    if len(np.unique(y)) < 2:
        raise ValueError(f"the CSV has only one class (label {y[0]}); a classifier needs at "
                         f"least two different labels.")
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
        raise TypeError(f"load_csv takes a path to a .csv file, the file's bytes, an open file "
                        f"or CSV text, not {type(source).__name__}.")
    path = os.fspath(source)
    if os.path.isdir(path):
        raise CSVIsADirectoryError(f"{path!r} is a folder, not a file; pick the .csv file "
                                   f"inside it.")
    if not os.path.exists(path):
        raise CSVNotFoundError(f"no file at {path!r}; check the name and the folder (paths are "
                               f"relative to {os.getcwd()!r}).")
    if os.path.getsize(path) > MAX_CSV_BYTES:
        raise ValueError(f"{path!r} is {os.path.getsize(path):,} bytes, far too large for a "
                         f"course CSV of points; is it the right file?")
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
                raise ValueError(f"the file starts like {encoding.upper()} text but is not "
                                 f"valid {encoding.upper()}; {_RESAVE}.") from None
    for magic, kind in _NOT_TEXT.items():
        if data.startswith(magic):
            raise ValueError(f"this is not a text CSV file: it looks like {kind}. Pick the .csv "
                             f"file, or {_RESAVE}.")
    utf16 = _utf16_without_bom(data) if b"\x00" in data else None
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            raise ValueError(f"the file looks like UTF-16 text but is not valid UTF-16; "
                             f"{_RESAVE}.") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")    # an older Excel's "CSV (Windows)"
    controls = sum(ch < " " and ch not in "\t\n\r\f" for ch in text[:10_000])
    if controls > 0.01 * len(text[:10_000]):
        raise ValueError(f"this is not a text CSV file (it holds binary data, such as a picture "
                         f"or a spreadsheet); pick the .csv file, or {_RESAVE}.")
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
        hint = "a column is missing"
    elif delimiter == ",":
        hint = "if your numbers have decimal commas (1,5), separate the columns with semicolons"
    else:
        hint = "remove the extra columns"
    if len(row) != 3:
        raise ValueError(f"row {number} has {len(row)} column(s); every row needs exactly three: "
                         f"x, y, label ({hint}).")
    values = []
    for column, (cell, name) in enumerate(zip(row, ("x", "y", "label")), start=1):
        value, cell = _number(cell, delimiter), cell.strip()
        where = f"column {column}, {name}"
        if not cell:
            raise ValueError(f"row {number} is empty in {where}; fill it in or delete the row.")
        if value is None:
            fix = ("labels must be whole numbers 0, 1, 2, ...: give each class a number"
                   if name == "label" else "every value must be numeric")
            raise ValueError(f"row {number} holds {cell[:40]!r}, which is not a number "
                             f"({where}); {fix}.")
        if not math.isfinite(value):
            raise ValueError(f"row {number} holds {cell!r} ({where}), a missing or infinite "
                             f"value; fill it in or delete the row.")
        if name == "label" and (value < 0 or value != round(value)):
            kind = "negative" if value < 0 else "non-integer"
            tip = " (for labels -1 and +1, write 0 instead of -1)" if value == -1 else ""
            raise ValueError(f"row {number} holds the {kind} label {cell} (column 3); labels "
                             f"must be whole numbers 0, 1, 2, ...{tip}.")
        values.append(value)
    return values
