import io

import numpy as np
import pytest

from helpers import datasets
from helpers.representations import rotate, shift

GENERATORS = {
    "two_class_points": lambda seed: datasets.two_class_points(150, seed=seed),
    "circles": lambda seed: datasets.circles(150, seed=seed),
    "moons": lambda seed: datasets.moons(150, seed=seed),
    "xor": lambda seed: datasets.xor(150, seed=seed),
    "spiral": lambda seed: datasets.spiral(150, classes=3, seed=seed),
    "gaussians": lambda seed: datasets.gaussians(150, centers=4, seed=seed),
}


@pytest.mark.parametrize("name", GENERATORS)
def test_same_seed_same_arrays_other_seed_other_arrays(name):
    X1, y1 = GENERATORS[name](0)
    X2, y2 = GENERATORS[name](0)
    X3, _ = GENERATORS[name](1)
    assert np.array_equal(X1, X2) and np.array_equal(y1, y2)
    assert not np.array_equal(X1, X3)


@pytest.mark.parametrize("name,classes", [("two_class_points", 2), ("circles", 2),
                                          ("moons", 2), ("xor", 2), ("spiral", 3),
                                          ("gaussians", 4)])
def test_shapes_and_labels(name, classes):
    X, y = GENERATORS[name](0)
    assert X.shape == (150, 2) and X.dtype == np.float64
    assert y.shape == (150,) and y.dtype.kind == "i"
    assert set(np.unique(y)) == set(range(classes))
    assert np.all(np.isfinite(X))
    counts = np.bincount(y)
    assert counts.max() - counts.min() <= 1          # balanced classes


def test_running_example_is_separated_by_x_after_undoing_the_change_of_coordinates():
    X, y = datasets.two_class_points(400, noise=0.0, seed=0)
    good = rotate(shift(X, -np.array(datasets.TWO_CLASS_OFFSET)), -datasets.TWO_CLASS_ANGLE)
    assert np.all((good[:, 0] > 0) == (y == 1))
    assert 0.5 < np.mean((X[:, 0] > 0) == (y == 1)) < 0.8     # but not in raw coordinates


def test_xor_labels_follow_the_quadrants_without_noise():
    X, y = datasets.xor(200, noise=0.0, seed=0)
    assert np.array_equal(y, (np.sign(X[:, 0]) == np.sign(X[:, 1])).astype(int))


def test_circles_inner_ring_is_class_one():
    X, y = datasets.circles(200, noise=0.0, factor=0.4, seed=0)
    r = np.hypot(X[:, 0], X[:, 1])
    assert np.allclose(r[y == 1], 0.4) and np.allclose(r[y == 0], 1.0)


def test_digits_offline_shapes_and_range():
    X_train, y_train, X_test, y_test = datasets.digits()
    assert X_train.shape[1] == 64 and len(X_train) + len(X_test) == 1797
    assert abs(len(X_test) / 1797 - 0.25) < 0.01
    assert X_train.min() >= 0 and X_train.max() == 1.0
    assert set(np.unique(y_test)) == set(range(10))
    again = datasets.digits()
    assert np.array_equal(again[0], X_train)


def test_train_test_split_is_disjoint_stratified_and_seeded():
    X = np.arange(100).reshape(-1, 1).astype(float)
    y = np.array([0] * 80 + [1] * 20)
    X_tr, y_tr, X_te, y_te = datasets.train_test_split(X, y, 0.25, seed=0)
    assert set(X_tr[:, 0]).isdisjoint(X_te[:, 0]) and len(X_tr) + len(X_te) == 100
    assert np.sum(y_te == 1) == 5 and np.sum(y_te == 0) == 20
    assert np.array_equal(datasets.train_test_split(X, y, 0.25, seed=0)[2], X_te)
    with pytest.raises(ValueError, match="test_fraction"):
        datasets.train_test_split(X, y, 1.5)
    with pytest.raises(ValueError, match="one label per row"):
        datasets.train_test_split(X, y[:10])


def test_generators_refuse_bad_arguments():
    with pytest.raises(ValueError, match="noise must be >= 0"):
        datasets.circles(noise=-1)
    with pytest.raises(TypeError, match="whole number"):
        datasets.moons(n=10.5)
    with pytest.raises(ValueError, match="between 2 and 6"):
        datasets.spiral(classes=9)
    with pytest.raises(ValueError, match="unknown data set .*circles"):
        datasets.make("swiss roll")


def test_make_by_name():
    for name in datasets.POINT_SETS:
        X, y = datasets.make(name, n=60, noise=0.1, seed=0)
        assert X.shape == (60, 2) and len(y) == 60


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


# ----- generators check their arguments where they enter ---------------------------------------
@pytest.mark.parametrize("call, error, words", [
    (lambda: datasets.moons(n=-5), ValueError, "n must be at least 2"),
    (lambda: datasets.moons(n=10**9), ValueError, "at most 1,000,000"),
    (lambda: datasets.two_class_points(noise=float("nan")), ValueError, "noise must be a finite"),
    (lambda: datasets.xor(noise=-0.1), ValueError, "noise must be >= 0"),
    (lambda: datasets.circles(factor=float("nan")), ValueError, "factor must be a finite"),
    (lambda: datasets.circles(factor=1.5), ValueError, r"factor must lie in \(0, 1\)"),
    (lambda: datasets.spiral(classes=1), ValueError, "classes must be at least 2"),
    (lambda: datasets.spiral(n=5, classes=6), ValueError, "cannot fill 6 classes"),
    (lambda: datasets.spiral(classes=2.5), TypeError, "classes must be a whole number"),
    (lambda: datasets.gaussians(n=10, centers=20), ValueError, "cannot fill 20 centers"),
    (lambda: datasets.gaussians(spread=0), ValueError, "spread must be > 0"),
    (lambda: datasets.moons(seed=1.5), TypeError, "seed must be a whole number >= 0"),
    (lambda: datasets.moons(seed=-3), ValueError, "seed must be a whole number >= 0"),
    (lambda: datasets.moons(seed=None), TypeError, "seed must be a whole number >= 0"),
    (lambda: datasets.make("moons", seed="0"), TypeError, "seed must be a whole number"),
    (lambda: datasets.make(3), ValueError, "unknown data set 3"),
    (lambda: datasets.train_test_split(np.zeros((8, 2)), np.arange(8) % 2, seed=0.5),
     TypeError, "seed"),
])
def test_generators_name_each_bad_argument(call, error, words):
    with pytest.raises(error, match=words):
        call()


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
