"""Old import paths that keep working: names moved to another module, found on first use."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def forward_moved(module: str, moved: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that finds each name of ``moved`` in its new module.

    ``moved`` maps an old name of ``module`` to the module that holds it now,
    so ``from module import name`` keeps working without importing the new
    home (and maybe TensorFlow) up front.
    """

    def __getattr__(name: str) -> Any:
        if name in moved:
            return getattr(importlib.import_module(moved[name]), name)
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    return __getattr__
