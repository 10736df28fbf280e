"""Old import path of :mod:`dlcourse.evaluation.adversarial`, which holds it now (kept so old code runs)."""

from dlcourse.evaluation.adversarial import *  # noqa: F403
from dlcourse.evaluation.adversarial import __all__  # noqa: F401
