"""load_csv (helpers/csv_files.py), tried with the files learners really have: made here in tmp_path."""
import io

import numpy as np
import pytest

from helpers import datasets


def test_load_csv_reads_text_and_files(tmp_path):
    text = "x,y,label\n0.1,0.2,0\n1.5,-0.3,1\n0.0,0.9,1\n"
    X, y = datasets.load_csv(text)
    assert X.shape == (3, 2) and list(y) == [0, 1, 1]
    path = tmp_path / "points.csv"
    path.write_text(text)
    assert np.array_equal(datasets.load_csv(path)[0], X)


@pytest.mark.parametrize("text,message", [
    ("", "empty"),
    ("x,y,label\n", "no data rows"),
    ("x,y,label\n1,2\n3,4\n", "row 2 has 2 column.*missing"),
    ("x,y,label\n1,2,0\n3,abc,1\n", "row 3 holds 'abc', which is not a number"),
    ("1,2,0\n3,4,0\n", "only one class"),
    ("1,2,0.5\n3,4,1\n", "non-integer"),
    ("1,2,0,7\n3,4,1,7\n", "exactly three"),
])
def test_load_csv_explains_problems(text, message):
    with pytest.raises(ValueError, match=message):
        datasets.load_csv(text)


# ----- CSV files as people have them ------------------------------------------------------------
ROWS = [(0.1, 0.2, 0), (1.5, -0.3, 1), (0.0, 0.9, 1), (-2.0, 4.25, 0)]
X_EXPECTED = np.array([r[:2] for r in ROWS])
Y_EXPECTED = np.array([r[2] for r in ROWS])


def csv_text(sep=",", newline="\n", header=True, decimal="."):
    lines = [sep.join(("x", "y", "label"))] if header else []
    lines += [sep.join((str(x).replace(".", decimal), str(y).replace(".", decimal), str(c)))
              for x, y, c in ROWS]
    return newline.join(lines) + newline


def write(tmp_path, data, name="points.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def assert_all_rows(result):
    X, y = result
    np.testing.assert_array_equal(X, X_EXPECTED)
    np.testing.assert_array_equal(y, Y_EXPECTED)


@pytest.mark.parametrize("header", [True, False])
def test_excel_csv_utf8_with_byte_order_mark_loses_no_row(tmp_path, header):
    data = b"\xef\xbb\xbf" + csv_text(newline="\r\n", header=header).encode()
    path = write(tmp_path, data)
    assert_all_rows(datasets.load_csv(path))          # a Path
    assert_all_rows(datasets.load_csv(str(path)))     # a str path
    assert_all_rows(datasets.load_csv(data))          # bytes, as FileUpload gives them
    assert_all_rows(datasets.load_csv(memoryview(data)))
    assert_all_rows(datasets.load_csv(data.decode("utf-8")))    # text still holding the mark


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_excel_unicode_text_utf16_tab_separated_is_read(tmp_path, encoding):
    data = csv_text(sep="\t", newline="\r\n").encode(encoding)     # "utf-16" writes the mark
    assert_all_rows(datasets.load_csv(write(tmp_path, data, "points.txt")))


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"])
def test_any_line_endings_as_bytes_text_and_files(tmp_path, newline):
    text = csv_text(newline=newline)
    assert_all_rows(datasets.load_csv(text.encode()))
    assert_all_rows(datasets.load_csv(text))
    assert_all_rows(datasets.load_csv(write(tmp_path, text.encode())))
    with open(write(tmp_path, text.encode()), "rb") as fh:                  # an open file
        assert_all_rows(datasets.load_csv(fh))
    assert_all_rows(datasets.load_csv(io.StringIO(text)))


@pytest.mark.parametrize("decimal", [".", ","])
def test_semicolon_files_with_decimal_points_or_commas(tmp_path, decimal):
    data = csv_text(sep=";", newline="\r\n", decimal=decimal).encode()
    assert_all_rows(datasets.load_csv(write(tmp_path, data)))
    assert_all_rows(datasets.load_csv(b"sep=;\r\n" + data))        # Excel's separator line


def test_older_excel_windows_encoding_and_trailing_empty_columns(tmp_path):
    data = ("x (°C),y,label,,\n" + "".join(f"{x},{y},{c},,\n" for x, y, c in ROWS))
    assert_all_rows(datasets.load_csv(write(tmp_path, data.encode("cp1252"))))


def test_blank_lines_are_skipped_and_rows_are_numbered_as_in_the_file():
    text = "x,y,label\n\n1,2,0\n,,\n3,4,1\n\n5,oops,1\n"
    with pytest.raises(ValueError, match="row 7 holds 'oops'"):
        datasets.load_csv(text)
    assert len(datasets.load_csv(text.replace("oops", "6"))[0]) == 3


def test_a_first_row_with_a_typo_is_data_not_a_header():
    words = r"row 1 holds 'abc', which is not a number \(column 2, y\)"
    with pytest.raises(ValueError, match=words):
        datasets.load_csv("0.1,abc,0\n1,2,1\n3,4,0\n")


PICTURE_BYTES = {
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "PNG picture"),
    "jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "JPEG picture"),
    "xlsx": (b"PK\x03\x04\x14\x00\x06\x00" + bytes(40), "Excel workbook"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
    "bin": (bytes(range(256)) * 8, "binary data"),
}


@pytest.mark.parametrize("kind", PICTURE_BYTES)
def test_a_picture_or_binary_file_is_not_a_text_csv(tmp_path, kind):
    data, words = PICTURE_BYTES[kind]
    for source in (write(tmp_path, data, f"file.{kind}"), data):
        with pytest.raises(ValueError, match=f"this is not a text CSV file.*{words}.*CSV UTF-8"):
            datasets.load_csv(source)


def test_missing_path_and_directory_are_os_errors_and_value_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="no file at .*missing.csv.*check the name"):
        datasets.load_csv(tmp_path / "missing.csv")
    with pytest.raises(ValueError, match="no file at"):
        datasets.load_csv("missing.csv")
    with pytest.raises(IsADirectoryError, match="is a folder, not a file"):
        datasets.load_csv(tmp_path)
    with pytest.raises(ValueError, match="is a folder"):
        datasets.load_csv(str(tmp_path))
    with pytest.raises(TypeError, match="path to a .csv file, the file's bytes"):
        datasets.load_csv(42)


@pytest.mark.parametrize("data, words", [
    (b"", "empty"),
    (b"\xef\xbb\xbf", "empty"),
    (b"\n\r\n  \n", "empty"),
    (b"x,y,label\r\n", "header but no data rows"),
    (b"x,y,label\n1,2,0\n3,4\n5,6,1\n", "row 3 has 2 column.*a column is missing"),
    (b"x,y,label\n1,2,0,9\n3,4,1\n", "row 2 has 4 column.*exactly three"),
    (b"1,5,2,5,0\n", "decimal commas .*semicolons"),
    (b"x,y,label\n1,2,0\n3,NaN,1\n", r"row 3 holds 'NaN' \(column 2, y\), a missing"),
    (b"x,y,label\n1,2,0\n3,4,inf\n", r"row 3 holds 'inf' \(column 3, label\)"),
    (b"x,y,label\n1,2,0\n,4,1\n", "row 3 is empty in column 1, x"),
    (b"x,y,label\n1,2,0\n3,#N/A,1\n", r"row 3 holds '#N/A', which is not a number \(column 2"),
    (b"1,2,cat\n3,4,dog\n", "row 1 holds 'cat'.*give each class a number"),
    (b"1,2,-1\n3,4,1\n", "row 1 holds the negative label -1.*write 0 instead of -1"),
    (b"1,2,0\n3,4,0\n5,6,0\n", "only one class"),
])
def test_each_problem_is_named_with_its_row_and_fix(tmp_path, data, words):
    with pytest.raises(ValueError, match=words):
        datasets.load_csv(write(tmp_path, data))
    with pytest.raises(ValueError, match=words):
        datasets.load_csv(data)


def test_no_row_is_dropped_or_invented_on_a_larger_file(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(500, 2)).round(6)
    y = rng.integers(0, 3, 500)
    lines = ["x;y;label"] + [f"{a};{b};{c}".replace(".", ",") for (a, b), c in zip(X, y)]
    data = "\r".join(lines).encode("utf-16")            # UTF-16, Mac line ends, decimal commas
    X_read, y_read = datasets.load_csv(write(tmp_path, data))
    np.testing.assert_array_equal(X_read, X)
    np.testing.assert_array_equal(y_read, y)
