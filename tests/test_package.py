"""The package as a whole: cheap import, one version, lazy submodules."""

import importlib.metadata
import subprocess
import sys

import pytest

import dlcourse


def test_import_does_not_load_tensorflow():
    code = "import sys, dlcourse; print('tensorflow' in sys.modules, 'keras' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_version_is_the_installed_version():
    assert dlcourse.__version__ == importlib.metadata.version("dlcourse")


def test_submodules_load_on_first_use():
    # In a fresh interpreter: here the subpackages are already imported by other tests.
    code = ("import sys, dlcourse; assert 'dlcourse.scratch' not in sys.modules; "
            "assert dlcourse.scratch.relu(-1.0) == 0.0; assert 'tensorflow' not in sys.modules; "
            "assert dlcourse.losses.mean_squared_error([1.0], [1.0]) == 0.0")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unknown_attribute_raises_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        dlcourse.nope


def _public_modules():
    import pkgutil

    return sorted(name for _, name, _ in pkgutil.walk_packages(dlcourse.__path__, "dlcourse.")
                  if not any(part.startswith("_") for part in name.split(".")))


@pytest.mark.parametrize("name", ["dlcourse", *_public_modules()])
def test_star_import_brings_exactly_all(name):
    import importlib
    import inspect

    import dlcourse._checks

    module = importlib.import_module(name)
    assert hasattr(module, "__all__"), f"{name} lists no public names (__all__)"
    names = list(module.__all__)
    assert all(isinstance(n, str) for n in names) and len(set(names)) == len(names), name
    namespace = {}
    exec(f"from {name} import *", namespace)  # noqa: S102
    namespace.pop("__builtins__")
    assert set(namespace) == set(names)
    # No argument-checking helper leaks out (check_array and the like).
    helpers = {n for n in vars(dlcourse._checks) if not n.startswith("_")}
    assert not set(names) & helpers, f"{name} exports helpers {sorted(set(names) & helpers)}"
    # A module (not a package, not an old import path) exports only what it
    # defines: no function or class imported from elsewhere (stratified_split, say).
    old_path = name.count(".") == 1 and name.split(".")[1] in dlcourse._OLD_MODULES
    if not hasattr(module, "__path__") and not old_path:
        objects = {n: getattr(module, n) for n in names}
        foreign = [n for n, obj in objects.items()
                   if (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ != name]
        assert foreign == [], f"{name} exports names it imports: {foreign}"
    # Every public function or class defined here is listed (or is an alias of one that is).
    unlisted = [attr for attr, obj in vars(module).items()
                if not attr.startswith("_") and callable(obj) and getattr(obj, "__module__", None) == name
                and attr not in names and getattr(obj, "__name__", None) not in names]
    assert unlisted == [], f"{name} defines public names missing from __all__: {unlisted}"


def test_no_function_in_the_package_is_longer_than_60_lines():
    # The guide's rule: a longer function is split into named steps. Its
    # docstring does not count (examples and parameters are welcome).
    import ast
    from pathlib import Path

    long = []
    for path in Path(dlcourse.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                doc = node.body[0] if node.body else None
                if isinstance(doc, ast.Expr) and isinstance(getattr(doc, "value", None),
                                                            ast.Constant) \
                        and isinstance(doc.value.value, str):
                    length -= doc.end_lineno - doc.lineno + 1
                if length > 60:
                    long.append(f"{path.name}:{node.lineno} {node.name} ({length} lines)")
    assert long == []
