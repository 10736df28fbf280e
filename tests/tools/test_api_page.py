"""The API reference (book/api.md and book/api/*.md) documents the package by namespace.

``book/api.md`` is the index; each learner-facing subpackage has its page,
``book/api/<subpackage>.md``, which documents the subpackage with
``automodule :members: :imported-members:`` (so every name of its
``__all__`` appears under the subpackage's name, as the chapters import
it) and then each public module with a bare ``automodule`` (its
description, and a target for ``:mod:`` references). ``dlcourse.tools``
has a page of its own, for maintainers. The old top-level modules
(``dlcourse.saving``, ...) are re-export shims: documented nowhere.
This test names what is missing or misplaced.
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
INDEX = Path("book/api.md")
API_DIR = Path("book/api")
#: The learner's subpackages, one page each.
LEARNER_PACKAGES = ["data", "models", "training", "evaluation", "plotting", "scratch", "exercises"]
TOOLS_PAGE = API_DIR / "tools.md"
_DIRECTIVE = re.compile(r"^\.\. (automodule|py:module):: (\S+)\s*\n((?:[ \t]+:[^\n]*\n)*)",
                        re.MULTILINE)


def _private(name: str) -> bool:
    return any(part.startswith("_") for part in name.split("."))


def _walk() -> list[tuple[str, bool]]:
    """(name, is_package) of every public module of dlcourse, shims included."""
    return [(name, is_package)
            for _, name, is_package in pkgutil.walk_packages(dlcourse.__path__, "dlcourse.")
            if not _private(name)]


def shim_modules() -> list[str]:
    """The old top-level modules: plain modules of dlcourse itself, re-exporting new homes."""
    return [name for name, is_package in _walk() if not is_package and name.count(".") == 1]


def public_modules() -> list[str]:
    """Every public module and package that the reference documents (shims excluded)."""
    shims = set(shim_modules())
    return [name for name, _ in _walk() if name not in shims]


def page_of(module: str) -> Path:
    """The page that must document ``module``: its subpackage's (or the tools page)."""
    return API_DIR / f"{module.split('.')[1]}.md"


def directives(page: Path) -> dict[str, str]:
    """Module -> its option lines, for every ``automodule``/``py:module`` of a page."""
    text = (ROOT / page).read_text(encoding="utf-8")
    return {match.group(2): match.group(3) for match in _DIRECTIVE.finditer(text)}


def documented_names(page: Path) -> set[str]:
    """Qualified names that the page's ``automodule :members:`` directives document.

    autodoc documents, for a module with ``__all__``, the functions and
    classes of ``__all__`` (imported ones only with ``:imported-members:``);
    without ``__all__``, the module's own functions and classes. Constants
    are not members autodoc documents: each needs its ``.. autodata::``.
    """
    text = (ROOT / page).read_text(encoding="utf-8")
    found = set(re.findall(r"^\.\. autodata:: (\S+)", text, re.MULTILINE))
    for module_name, options in directives(page).items():
        if ":members:" not in options:
            continue
        module = importlib.import_module(module_name)
        names = getattr(module, "__all__", None)
        if names is None:
            names = [n for n, obj in vars(module).items() if not n.startswith("_")
                     and (inspect.isfunction(obj) or inspect.isclass(obj))
                     and obj.__module__ == module_name]
        for name in names:
            obj = getattr(module, name)
            imported = getattr(obj, "__module__", module_name) != module_name
            if not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            if imported and ":imported-members:" not in options:
                continue
            found.add(f"{module_name}.{name}")
    return found


def test_the_walk_finds_the_package():
    assert "dlcourse.saving" in shim_modules() and "dlcourse.activations" in shim_modules()
    assert "dlcourse.data" not in shim_modules() and "dlcourse.__main__" not in shim_modules()
    modules = public_modules()
    assert {"dlcourse.data", "dlcourse.data.penguins", "dlcourse.training.distributed.multiworker",
            "dlcourse.plotting.diagrams", "dlcourse.tools.book"} <= set(modules)
    assert "dlcourse.saving" not in modules and "dlcourse.models._common" not in modules


def test_the_pages_are_in_the_book():
    pages = toc_pages(ROOT)
    expected = [INDEX, TOOLS_PAGE] + [API_DIR / f"{p}.md" for p in LEARNER_PACKAGES]
    missing = [str(p) for p in expected if p not in pages]
    assert not missing, f"API pages not listed in _toc.yml: {missing}"
    on_disk = sorted(p.relative_to(ROOT) for p in (ROOT / API_DIR).glob("*.md"))
    assert not [str(p) for p in on_disk if p not in pages], "a page of book/api is not in _toc.yml"


def test_the_index_keeps_its_label_and_links_every_page():
    text = (ROOT / INDEX).read_text(encoding="utf-8")
    assert text.startswith("(api)=\n"), "book/api.md lost its (api)= label, which other pages link to"
    for package in LEARNER_PACKAGES + ["tools"]:
        assert f"<api-{package}>" in text, f"book/api.md does not link to the {package} page"
        page = (ROOT / API_DIR / f"{package}.md").read_text(encoding="utf-8")
        assert page.startswith(f"(api-{package})=\n# "), f"book/api/{package}.md: label or heading"


def test_every_subpackage_has_a_page():
    subpackages = sorted(name.split(".")[1] for name, is_package in _walk()
                         if is_package and name.count(".") == 1)
    assert subpackages == sorted(LEARNER_PACKAGES + ["tools"]), (
        f"subpackages {subpackages}: give a new one its page book/api/<name>.md"
        " (and list it in LEARNER_PACKAGES)")


@pytest.mark.parametrize("package", LEARNER_PACKAGES)
def test_every_exported_name_is_on_its_page(package: str):
    """Each name of a subpackage's __all__ appears under its name (or its parent's)."""
    page = API_DIR / f"{package}.md"
    options = directives(page)
    assert ":members:" in options.get(f"dlcourse.{package}", ""), (
        f"{page}: document the subpackage with\n.. automodule:: dlcourse.{package}\n"
        "   :members:\n   :imported-members:")
    documented = documented_names(page)
    missing = []
    for name, is_package in _walk():
        if is_package and name.split(".")[1] == package:
            module = importlib.import_module(name)
            for member in module.__all__:
                # A sub-namespace (plotting.diagrams) may leave its names to its parent.
                owners = [name, name.rsplit(".", 1)[0]] if name.count(".") > 1 else [name]
                if not any(f"{owner}.{member}" in documented for owner in owners):
                    missing.append(f"{name}.{member}")
    assert not missing, (f"{page} does not document {missing} (a constant needs"
                         " `.. autodata:: dlcourse.<package>.<NAME>` under ## Constants)")


def test_every_public_function_is_documented():
    """A function no ``__all__`` re-exports (training.pipeline) needs its module's :members:."""
    documented = set().union(*(documented_names(API_DIR / f"{p}.md")
                               for p in LEARNER_PACKAGES + ["tools"]))
    missing = []
    for module_name in public_modules():
        if module_name.startswith("dlcourse.tools") and module_name != "dlcourse.tools":
            continue  # checked by test_the_tools_are_on_their_own_page
        module = importlib.import_module(module_name)
        for name, obj in vars(module).items():
            if (not name.startswith("_") and inspect.isfunction(obj)
                    and obj.__module__ == module_name and obj.__name__ == name):
                owners = [module_name.rsplit(".", k)[0] for k in range(module_name.count("."))]
                if not any(f"{owner}.{name}" in documented for owner in owners):
                    missing.append(f"{module_name}.{name}")
    assert not missing, f"public functions on no API page: {missing}"


@pytest.mark.parametrize("module", [m for m in public_modules() if not m.startswith("dlcourse.tools")])
def test_every_public_module_is_reachable(module: str):
    """Each public module has an automodule (a target for :mod:) on its subpackage's page."""
    page = page_of(module)
    assert module in directives(page), (
        f"{page} does not document {module}: add\n\n"
        f"### `{module}`\n\n```{{eval-rst}}\n.. automodule:: {module}\n```")


def test_the_tools_are_on_their_own_page():
    on_page = directives(TOOLS_PAGE)
    tools = [m for m in public_modules() if m.startswith("dlcourse.tools.")]
    assert tools, "no dlcourse.tools modules found"
    for module in tools:
        assert ":members:" in on_page.get(module, ""), f"{TOOLS_PAGE}: automodule {module} :members:"


@pytest.mark.parametrize("page", [INDEX] + [API_DIR / f"{p}.md" for p in LEARNER_PACKAGES])
def test_no_shim_and_no_tooling_on_a_learner_page(page: Path):
    shims = set(shim_modules())
    wrong = [m for m in directives(page) if m in shims or m.startswith("dlcourse.tools")]
    assert not wrong, f"{page} documents {wrong}: shims are documented nowhere, tools on {TOOLS_PAGE}"
    if page != INDEX:
        package = f"dlcourse.{page.stem}"
        strays = [m for m in directives(page) if m != package and not m.startswith(package + ".")]
        assert not strays, f"{page} documents modules of another subpackage: {strays}"


def test_each_module_is_documented_once():
    seen: dict[str, list[str]] = {}
    for page in [INDEX, TOOLS_PAGE] + [API_DIR / f"{p}.md" for p in LEARNER_PACKAGES]:
        for module in directives(page):
            seen.setdefault(module, []).append(str(page))
    twice = {m: pages for m, pages in seen.items() if len(pages) > 1}
    assert not twice, f"modules documented on several pages (duplicate targets): {twice}"
