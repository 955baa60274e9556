"""The sub-packages list their public names explicitly (see CONTRIBUTING, "Re-exports").

These tests keep those lists honest: every name a module offers in ``__all__`` is re-exported
by its package, from that module, and every module of the package is imported by it.
"""
import importlib
import pkgutil

import pytest

import helpers.exercises
import helpers.plots
import helpers.widgets


def modules_of(package):
    return [importlib.import_module(f"{package.__name__}.{info.name}")
            for info in pkgutil.iter_modules(package.__path__) if not info.name.startswith("_")]


@pytest.mark.parametrize("package", [helpers.plots, helpers.widgets], ids=lambda p: p.__name__)
def test_every_public_name_is_reexported_from_its_own_module(package):
    missing, wrong = [], []
    for module in modules_of(package):
        for name in getattr(module, "__all__", []):
            if not hasattr(package, name):
                missing.append(f"{module.__name__}.{name}")
            elif getattr(package, name) is not getattr(module, name):
                wrong.append(f"{package.__name__}.{name} is not {module.__name__}.{name}")
    assert not missing, f"add to {package.__name__}/__init__.py: {missing}"
    assert not wrong, wrong


@pytest.mark.parametrize("package", [helpers.plots, helpers.widgets], ids=lambda p: p.__name__)
def test_no_name_is_exported_by_two_modules(package):
    seen = {}
    for module in modules_of(package):
        for name in getattr(module, "__all__", []):
            assert name not in seen, f"{name} is exported by {seen[name]} and {module.__name__}"
            seen[name] = module.__name__


def test_every_exercise_module_is_reachable_from_the_package():
    for module in modules_of(helpers.exercises):
        short = module.__name__.rsplit(".", 1)[1]
        assert getattr(helpers.exercises, short) is module
