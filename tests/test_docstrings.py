"""Every example in the package's docstrings runs and prints what it shows."""

import doctest
import importlib
import pkgutil

import dlcourse
import matplotlib
import pytest

matplotlib.use("Agg")

MODULES = sorted(
    name for _, name, _ in pkgutil.walk_packages(dlcourse.__path__, "dlcourse.")
    if not any(part.startswith("_") for part in name.split("."))
)


@pytest.mark.parametrize("name", ["dlcourse", *MODULES])
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


def test_every_public_function_has_an_example():
    missing = []
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, obj in vars(module).items():
            if attr.startswith("_") or not callable(obj) or getattr(obj, "__module__", None) != name:
                continue
            if isinstance(obj, type):
                continue  # data classes document their fields instead
            if ">>>" not in (obj.__doc__ or ""):
                missing.append(f"{name}.{attr}")
    assert missing == []
