"""Jupyter Server settings of `make lab` and Binder: opening a chapter does not modify it.

Both copy this file into the environment's etc/jupyter/, beside
JupyterLab's settings (jupyterlab-overrides.json).

When a notebook's kernel connects, JupyterLab writes the kernel's
`language_info` (name, Python version, lexer, ...) into the notebook's
metadata, and the notebook counts as modified unless it already held that
exact value (jupyterlab packages/notebook/src/panel.ts, _updateLanguage;
@jupyter/ydoc skips a setMetadata whose value is deep-equal). A Jupytext
chapter cannot store `language_info`: it names the Python patch version
(3.11.7), which differs between learners, and Jupytext drops it on save.
So the contents manager below adds, when it reads a chapter, the value
the kernel will report, when it can know it: the chapter's kernel is
ipykernel on this very Python (jupyter_client runs a spec whose command
is `python` with sys.executable). The `kernelspec` that Lab also writes
is the chapters' own header (display name "Python 3 (ipykernel)").
Checked by tests/browser/test_lab.py.
"""

import copy
import os
import sys

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from jupytext import AsyncTextFileContentsManager

_PYTHON_NAMES = {"python", f"python{sys.version_info[0]}", "python%d.%d" % sys.version_info[:2]}


def _runs_ipykernel_here(spec) -> bool:
    if spec.language != "python" or not any("ipykernel" in arg for arg in spec.argv):
        return False
    command = spec.argv[0]
    return command in _PYTHON_NAMES or (os.path.isfile(command)
                                        and os.path.samefile(command, sys.executable))


class ChapterContentsManager(AsyncTextFileContentsManager):
    """Jupytext's contents manager, adding the kernel's language_info to text notebooks."""

    async def get(self, path, content=True, *args, **kwargs):
        """The model of ``path``, as Jupytext reads it, with the kernel's language_info."""
        model = await super().get(path, content, *args, **kwargs)
        if not (content and model["type"] == "notebook" and not path.endswith(".ipynb")):
            return model
        metadata = model["content"]["metadata"]
        name = metadata.get("kernelspec", {}).get("name")
        if "language_info" in metadata or not name:
            return model
        specs = getattr(self.parent, "kernel_spec_manager", None) or KernelSpecManager()
        try:
            spec = specs.get_kernel_spec(name)
        except (NoSuchKernel, KeyError):
            return model
        if _runs_ipykernel_here(spec):
            from ipykernel.ipkernel import IPythonKernel

            metadata["language_info"] = copy.deepcopy(IPythonKernel.language_info)
        return model


c.ServerApp.contents_manager_class = ChapterContentsManager  # noqa: F821 (c: the config)
