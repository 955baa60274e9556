"""Re-export the public names of every module in a sub-package.

``helpers.plots``, ``helpers.widgets`` and ``helpers.exercises`` are folders with one module per
figure, widget or notebook. Their ``__init__`` calls :func:`export_all` so that, for example,
``from helpers.plots import draw_graph`` works whichever module of the folder defines it. Only the
names a module lists in ``__all__`` are re-exported.
"""
import importlib
import pkgutil


def export_all(package_name, package_path, namespace):
    origin = {}
    for info in sorted(pkgutil.iter_modules(package_path), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package_name}.{info.name}")
        namespace[info.name] = module
        for name in getattr(module, "__all__", []):
            if name in origin:
                raise ImportError(f"{package_name}: both {origin[name]} and {info.name} export "
                                  f"{name!r}; rename one of them.")
            origin[name] = info.name
            namespace[name] = getattr(module, name)
