from helpers import environment


def test_this_environment_is_ready(capsys):
    assert environment.problems() == []
    assert environment.check() is True
    assert capsys.readouterr().out.startswith("All good")


def test_old_or_missing_packages_are_explained():
    found = dict(environment.versions(), NumPy="1.21.0", ipywidgets=None, Python="3.9.1")
    issues = environment.problems(found)
    assert any("NumPy 1.21.0 is older than 1.26" in i for i in issues)
    assert any("ipywidgets is not installed" in i for i in issues)
    assert any("Python 3.9.1 is too old" in i for i in issues)
