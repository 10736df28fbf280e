"""Old import path of :mod:`dlcourse.scratch.losses`, which holds it now (kept so old code runs)."""

from dlcourse.scratch.losses import *  # noqa: F403
from dlcourse.scratch.losses import __all__  # noqa: F401
