"""Old import path of :mod:`dlcourse.training.saving`, which holds it now (kept so old code runs)."""

from dlcourse.training.saving import *  # noqa: F403
from dlcourse.training.saving import __all__  # noqa: F401
