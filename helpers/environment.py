"""Is this machine ready for the course? Versions and a short verdict for notebook 00."""
import importlib
import importlib.metadata
import platform
import sys

from .i18n import _

#: What the course needs, as (import name, display name, lowest version).
REQUIREMENTS = [("numpy", "NumPy", "1.26"), ("matplotlib", "matplotlib", "3.8"),
                ("sklearn", "scikit-learn", "1.3"), ("ipywidgets", "ipywidgets", "8.1")]


def _version_tuple(text):
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def versions():
    """The versions of Python and the course's packages, as {name: version or None}."""
    found = {"Python": platform.python_version()}
    for module, name, _lowest in REQUIREMENTS:
        try:   # read from the installed package's metadata: importing scikit-learn takes ~2 s
            found[name] = importlib.metadata.version(name.lower())
        except importlib.metadata.PackageNotFoundError:
            try:
                found[name] = importlib.import_module(module).__version__
            except ImportError:
                found[name] = None
    return found


def problems(found=None):
    """A list of sentences, one per problem; empty when everything is fine."""
    found = versions() if found is None else found
    issues = []
    if _version_tuple(found["Python"]) < (3, 10):
        issues.append(_("Python {version} is too old; the course needs 3.10 or newer.")
                      .format(version=found["Python"]))
    for _module, name, lowest in REQUIREMENTS:
        have = found.get(name)
        if have is None:
            issues.append(_("{name} is not installed; run `python3 course.py setup`.")
                          .format(name=name))
        elif _version_tuple(have) < _version_tuple(lowest):
            issues.append(_("{name} {have} is older than {lowest}; run `python3 course.py "
                            "setup` to update it.").format(name=name, have=have, lowest=lowest))
    return issues


def check():
    """Print a one-line verdict (and what to do if something is wrong); return True if ready."""
    issues = problems()
    if issues:
        print(_("Something needs fixing before the course will run:"))
        for line in issues:
            print("  -", line)
        return False
    if "ipykernel" in sys.modules:
        print(_("All good: Python 3.10+ and every package the course needs are here (inside "
                "Jupyter)."))
    else:
        print(_("All good: Python 3.10+ and every package the course needs are here (outside "
                "Jupyter)."))
    return True
