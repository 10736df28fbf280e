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
