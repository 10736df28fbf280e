"""dlcourse: the companion package of the *Deep Learning, hands-on* course book.

The book imports everything reusable from here, so the text and the code
never drift apart. Modules:

- :mod:`dlcourse.data`: offline data loaders, already split and scaled
- :mod:`dlcourse.models`: Keras model builders
- :mod:`dlcourse.training`: seeding and a ``fit`` with sensible defaults, resumable
- :mod:`dlcourse.saving`: saving a trained model and loading it back
- :mod:`dlcourse.evaluation`: predicted classes and accuracy of any model
- :mod:`dlcourse.plotting`: the book's plot style and figures
- :mod:`dlcourse.activations`: activation functions in NumPy
- :mod:`dlcourse.gradients`: per-layer gradient norms of a Keras model
- :mod:`dlcourse.scratch`: from-scratch NumPy mechanisms, tested against TensorFlow
- :mod:`dlcourse.exercises`: the checkers of the chapters' exercises
- :mod:`dlcourse.losses`: loss functions in NumPy
- :mod:`dlcourse.selection`: comparing training runs: epochs to a target, generalisation gaps
- :mod:`dlcourse.generative`: judging generated samples (mode and class coverage)
- :mod:`dlcourse.metrics`: sensitivity, specificity and a threshold chosen on validation data
- :mod:`dlcourse.adversarial`: FGSM adversarial examples and saliency maps
- :mod:`dlcourse.challenges`: data hunger, compute cost and bias, measured
- :mod:`dlcourse.distributed`, :mod:`dlcourse.multiworker`: training with ``tf.distribute``
- :mod:`dlcourse.environment`: ``python -m dlcourse.environment`` checks an install
- :mod:`dlcourse.cli`: the ``dlcourse`` command (doctor, chapters, run)

``import dlcourse`` is cheap: TensorFlow is imported only by the modules
that need it (``models``, ``training``), when they are first used.

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

_SUBMODULES = (
    "activations", "adversarial", "book", "challenges", "cli", "data", "distributed",
    "environment", "evaluation", "exercises", "generative", "gradients", "losses",
    "metrics", "models", "multiworker", "plotting", "saving", "scratch", "selection",
    "training",
)
__all__ = ["__version__", *_SUBMODULES]


def __getattr__(name: str) -> ModuleType:
    # Load submodules on first use, so `dlcourse.models` works after a bare
    # `import dlcourse` without paying for TensorFlow up front.
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'dlcourse' has no attribute {name!r}")
