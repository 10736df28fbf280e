"""Old import path of :mod:`dlcourse.scratch.activations`, which holds it now (kept so old code runs)."""

from dlcourse.scratch.activations import *  # noqa: F403
from dlcourse.scratch.activations import __all__  # noqa: F401
