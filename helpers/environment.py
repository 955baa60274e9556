"""Is this machine ready for the course? Versions and a short verdict for notebook 00."""
import importlib
import platform
import sys

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
    for module, name, _ in REQUIREMENTS:
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
        issues.append(f"Python {found['Python']} is too old; the course needs 3.10 or newer.")
    for _, name, lowest in REQUIREMENTS:
        have = found.get(name)
        if have is None:
            issues.append(f"{name} is not installed; run `python3 course.py setup`.")
        elif _version_tuple(have) < _version_tuple(lowest):
            issues.append(f"{name} {have} is older than {lowest}; run `python3 course.py "
                          f"setup` to update it.")
    return issues


def check():
    """Print a one-line verdict (and what to do if something is wrong); return True if ready."""
    issues = problems()
    if issues:
        print("Something needs fixing before the course will run:")
        for line in issues:
            print("  -", line)
        return False
    running = "inside Jupyter" if "ipykernel" in sys.modules else "outside Jupyter"
    print(f"All good: Python 3.10+ and every package the course needs are here ({running}).")
    return True
