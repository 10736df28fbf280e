"""dlcourse: the companion package of the *Deep Learning, hands-on* course book.

The book imports everything reusable from here, so the text and the code
never drift apart. The subpackages follow the data through a chapter:

- :mod:`dlcourse.data`: offline data loaders, already split and scaled
- :mod:`dlcourse.models`: Keras model builders
- :mod:`dlcourse.training`: seeds, ``fit`` (resumable), saving, several devices
- :mod:`dlcourse.evaluation`: a model's outputs, metrics, comparisons of runs
- :mod:`dlcourse.plotting`: the book's plot style, figures and diagrams
- :mod:`dlcourse.scratch`: every textbook formula in NumPy, tested against TensorFlow
- :mod:`dlcourse.exercises`: the checkers of the exercises, one module per page
- :mod:`dlcourse.tools`: the book's tooling (build checks, the ``dlcourse`` command)

``import dlcourse`` is cheap: TensorFlow is imported only by the modules
that need it, when they are first used.

Example
-------
>>> import dlcourse
>>> dlcourse.__version__
'0.1.0'
"""

from __future__ import annotations

import importlib
from types import ModuleType

__version__ = "0.1.0"

_SUBPACKAGES = ("data", "models", "training", "evaluation", "plotting", "scratch", "exercises",
                "tools")
# Modules of the old flat layout, still importable (thin re-exports of their new homes).
_OLD_MODULES = ("activations", "adversarial", "book", "challenges", "cli", "distributed",
                "environment", "generative", "gradients", "losses", "metrics", "multiworker",
                "saving", "selection")
__all__ = ["__version__", *_SUBPACKAGES]


def __getattr__(name: str) -> ModuleType:
    # Load subpackages on first use, so `dlcourse.models` works after a bare
    # `import dlcourse` without paying for TensorFlow up front.
    if name in _SUBPACKAGES or name in _OLD_MODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'dlcourse' has no attribute {name!r}")
