"""The README's entry point: course.py's commands and its decision to reinstall."""
import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "course.py"), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=60)


def test_help_lists_the_commands():
    result = run("help")
    assert result.returncode == 0
    for command in ("python3 course.py test", "test-browser", "bench"):
        assert command in result.stdout


def test_unknown_command_is_named_with_the_known_ones():
    result = run("tset")
    assert result.returncode == 2
    assert "unknown command 'tset'" in result.stdout and "test" in result.stdout


def test_fingerprint_follows_the_requirement_files(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("course", ROOT / "course.py")
    course = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(course)
    for name in ("requirements.txt", "pyproject.toml"):
        (tmp_path / name).write_text((ROOT / name).read_text())
    monkeypatch.setattr(course, "ROOT", tmp_path)
    first = course.requirements_fingerprint()
    assert course.requirements_fingerprint() == first          # unchanged: no reinstall
    (tmp_path / "requirements.txt").write_text("numpy>=2\n")
    assert course.requirements_fingerprint() != first          # changed: reinstall


def load_course():
    spec = importlib.util.spec_from_file_location("course", ROOT / "course.py")
    course = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(course)
    return course


def test_the_korean_course_opens_on_its_own_course_map(monkeypatch):
    course = load_course()
    opened = []
    monkeypatch.setattr(course, "setup", lambda *a, **k: Path(sys.executable))
    monkeypatch.setattr(course.os, "execv", lambda exe, argv: opened.append(argv))
    monkeypatch.setattr(course.os, "chdir", lambda path: None)
    for argv in (["ko"], ["--lang", "ko"], ["--lang=ko", "--no-browser"], [], ["en"]):
        course.main(argv)
    maps = [next(a for a in argv if a.endswith(".ipynb")) for argv in opened]
    korean = str(Path("notebooks") / "ko" / "00_course_map.ipynb")
    english = str(Path("notebooks") / "00_course_map.ipynb")
    assert maps == [korean, korean, korean, english, english]
    assert "--no-browser" in opened[2]
    assert (ROOT / korean).exists() and (ROOT / english).exists()


def test_an_unknown_language_is_named():
    result = run("--lang", "fr")
    assert result.returncode == 2
    assert "'fr'" in result.stdout and "ko" in result.stdout
