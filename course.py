#!/usr/bin/env python3
"""Set up and run *From Rules to Layers* with nothing but Python 3.

    python3 course.py                 set everything up (first time) and open the course
    python3 course.py ko              the same, opening the Korean course (한국어 강좌);
                                      also: python3 course.py --lang ko
    python3 course.py test            run every test: unit tests and the notebooks (nbval)
    python3 course.py test FILE ...   check only the given notebooks or test files
    python3 course.py test-browser    open every notebook in a real browser and use its widgets
    python3 course.py bench           run the benchmarks (Python side, and in the browser when a
                                      Chromium is found) and write bench/results/latest.md
    python3 course.py setup           only create or update the environment
    python3 course.py translations    update the Korean catalog and notebooks' twins, list what
                                      still needs translating (for translators)

The environment is a virtual environment in ``.venv`` inside the repository. It is created on
first use and re-used afterwards; it is updated only when requirements.txt or pyproject.toml
change, so the second start takes seconds.
"""
import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".course-installed"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
MIN_PYTHON = (3, 10)

NBVAL_ARGS = ["--nbval", "--nbval-current-env",
              "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg")]


def say(message):
    print(f"[course] {message}", flush=True)


def run(args, **kwargs):
    """Run a command, streaming its output; stop with its exit code if it fails."""
    result = subprocess.run([str(a) for a in args], cwd=kwargs.pop("cwd", ROOT), **kwargs)
    if result.returncode != 0:
        say(f"command failed (exit {result.returncode}): {' '.join(map(str, args))}")
        sys.exit(result.returncode)
    return result


def requirements_fingerprint(extra=()):
    digest = hashlib.sha256()
    for name in ("requirements.txt", "pyproject.toml", *extra):
        digest.update((ROOT / name).read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def setup(extra_requirements=()):
    """Create .venv if needed and install what changed; returns the venv's python."""
    if sys.version_info < MIN_PYTHON:
        say(f"Python {'.'.join(map(str, MIN_PYTHON))} or newer is needed; this is "
            f"{sys.version.split()[0]}. Install a newer Python 3 and run again.")
        sys.exit(1)
    if not PYTHON.exists():
        say(f"creating a virtual environment in {VENV.relative_to(ROOT)} ...")
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = requirements_fingerprint(extra_requirements)
    if STAMP.exists() and STAMP.read_text() == wanted:
        return PYTHON
    say("installing the course's packages (first time: a few minutes) ...")
    run([PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    args = [PYTHON, "-m", "pip", "install", "--quiet", "-r", ROOT / "requirements.txt"]
    for extra in extra_requirements:
        args += ["-r", ROOT / extra]
    run(args)
    STAMP.write_text(wanted)
    say("environment ready.")
    return PYTHON


#: Where each language's course map is; ``python3 course.py ko`` opens the Korean one.
COURSE_MAPS = {"en": Path("notebooks") / "00_course_map.ipynb",
               "ko": Path("notebooks") / "ko" / "00_course_map.ipynb"}


def start(extra_args, language="en"):
    python = setup()
    if language == "ko":
        say("한국어 강좌 지도(course map)를 JupyterLab에서 엽니다 (멈추려면 Ctrl+C) ...")
    else:
        say("opening JupyterLab on the course map (stop it with Ctrl+C) ...")
    os.chdir(ROOT)                    # the notebook path below is relative to the repository
    os.execv(str(python), [str(python), "-m", "jupyter", "lab",
                           str(COURSE_MAPS[language]), *extra_args])


def language_option(args):
    """Split ``--lang ko`` / ``--lang=ko`` off JupyterLab's options; returns (language, rest)."""
    language, rest, args = "en", [], list(args)
    while args:
        arg = args.pop(0)
        if arg == "--lang" and args:
            language = args.pop(0)
        elif arg.startswith("--lang="):
            language = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    language = language.lower()
    if language not in COURSE_MAPS:
        say(f"the course comes in {', '.join(COURSE_MAPS)}; got --lang {language!r}.")
        sys.exit(2)
    return language, rest


def start_with_options(args):
    language, rest = language_option(args)
    start(rest, language)


def translations(extra_args):
    python = setup()
    run([python, ROOT / "tools" / "translations.py", *extra_args])
    result = subprocess.run([str(python), str(ROOT / "tools" / "notebook_twins.py")], cwd=ROOT)
    sys.exit(result.returncode)


def test(paths):
    python = setup()
    targets = paths or ["tests", "notebooks"]
    result = subprocess.run([str(python), "-m", "pytest", *NBVAL_ARGS, *targets], cwd=ROOT)
    sys.exit(result.returncode)


# The browser tests and the browser benchmark need the same extra packages (Playwright); one
# list for both, so switching between the two commands does not reinstall anything.
BROWSER_EXTRAS = ("tests_browser/requirements.txt", "bench/requirements.txt")


def test_browser(extra_args):
    python = setup(extra_requirements=BROWSER_EXTRAS)
    result = subprocess.run([str(python), "-m", "pytest", "tests_browser", *extra_args], cwd=ROOT)
    sys.exit(result.returncode)


def bench(extra_args):
    python = setup(extra_requirements=BROWSER_EXTRAS)
    result = subprocess.run([str(python), str(ROOT / "bench" / "run.py"), *extra_args], cwd=ROOT)
    sys.exit(result.returncode)


def main(argv):
    command, rest = (argv[0], argv[1:]) if argv else ("start", [])
    if command.startswith("--"):      # options for JupyterLab, e.g. --no-browser
        command, rest = "start", argv
    commands = {"start": lambda: start_with_options(rest),
                "ko": lambda: start(rest, "ko"), "en": lambda: start(rest, "en"),
                "setup": lambda: setup() and None,
                "test": lambda: test(rest), "test-browser": lambda: test_browser(rest),
                "bench": lambda: bench(rest), "translations": lambda: translations(rest)}
    if command in ("-h", "help"):
        print(__doc__)
        return
    if command not in commands:
        print(__doc__)
        say(f"unknown command {command!r}; use one of: {', '.join(commands)}.")
        sys.exit(2)
    commands[command]()


if __name__ == "__main__":
    main(sys.argv[1:])
