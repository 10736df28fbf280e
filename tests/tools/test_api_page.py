"""The API reference (book/api.md) lists every public module, so every public function.

The page documents each module with ``automodule :members:``, so a new
function appears by itself; a new public *module* must be added to the
page, and this test says which one is missing.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

import dlcourse
from dlcourse.tools.book import toc_pages

ROOT = Path(__file__).resolve().parents[2]
API_PAGE = ROOT / "book" / "api.md"
_AUTOMODULE = re.compile(r"^\.\. automodule:: (\S+)\s*\n((?:[ \t]+:[^\n]*\n)*)", re.MULTILINE)


def public_modules() -> list[str]:
    """Public modules (no part of the dotted name starts with "_"), not packages."""
    return [name for _, name, is_package in pkgutil.walk_packages(dlcourse.__path__, "dlcourse.")
            if not is_package and not any(part.startswith("_") for part in name.split("."))]


def public_functions() -> dict[str, str]:
    """Qualified name -> module, for every public function, as tests/test_bad_input.py finds them."""
    found = {}
    for module_name in public_modules() + [
            name for _, name, is_package in pkgutil.walk_packages(dlcourse.__path__, "dlcourse.")
            if is_package and not any(part.startswith("_") for part in name.split("."))]:
        module = importlib.import_module(module_name)
        for name, obj in vars(module).items():
            if not name.startswith("_") and inspect.isfunction(obj) and obj.__module__ == module_name:
                found[f"{module_name}.{name}"] = module_name
    return found


def documented_modules() -> dict[str, str]:
    """Module -> its option lines, for every ``.. automodule::`` of book/api.md."""
    text = API_PAGE.read_text(encoding="utf-8")
    return {match.group(1): match.group(2) for match in _AUTOMODULE.finditer(text)}


def test_the_api_page_is_in_the_book():
    assert Path("book/api.md") in toc_pages(ROOT), "book/api.md is not listed in _toc.yml"


def test_the_walk_finds_the_package():
    assert "dlcourse.book" in public_modules()
    assert "dlcourse.book.toc_pages" in public_functions()


@pytest.mark.parametrize("module", public_modules())
def test_every_public_module_is_on_the_page(module: str):
    documented = documented_modules()
    assert module in documented, (
        f"book/api.md does not document {module}: add a section\n\n"
        f"## `{module}`\n\n```{{eval-rst}}\n.. automodule:: {module}\n   :members:\n```")
    assert ":members:" in documented[module], f"book/api.md: automodule {module} lacks :members:"


def test_every_public_function_is_listed():
    documented = {m for m, options in documented_modules().items() if ":members:" in options}
    missing = sorted(f for f, module in public_functions().items() if module not in documented)
    assert not missing, f"public functions missing from book/api.md: {missing}"

