"""Old import path of :mod:`dlcourse.evaluation.metrics`, which holds it now (kept so old code runs)."""

from dlcourse.evaluation.metrics import *  # noqa: F403
from dlcourse.evaluation.metrics import __all__  # noqa: F401
