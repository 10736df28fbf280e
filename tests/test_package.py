"""The package as a whole: cheap import, one version, lazy submodules."""

import importlib.metadata
import subprocess
import sys

import dlcourse
import pytest


def test_import_does_not_load_tensorflow():
    code = "import sys, dlcourse; print('tensorflow' in sys.modules, 'keras' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_version_is_the_installed_version():
    assert dlcourse.__version__ == importlib.metadata.version("dlcourse")


def test_submodules_load_on_first_use():
    assert dlcourse.scratch.relu(-1.0) == 0.0


def test_unknown_attribute_raises_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        dlcourse.nope
