"""Old import path of :mod:`dlcourse.evaluation.generated`, which holds it now (kept so old code runs)."""

from dlcourse.evaluation.generated import *  # noqa: F403
from dlcourse.evaluation.generated import __all__  # noqa: F401
