"""Old import path of :func:`reinitialize` (now in :mod:`dlcourse.models`) and
:func:`gradient_norms` (now in :mod:`dlcourse.evaluation`), kept so old code runs."""

from dlcourse.evaluation.gradients import gradient_norms
from dlcourse.models.initialization import INITIALIZERS, reinitialize

__all__ = ["gradient_norms", "INITIALIZERS", "reinitialize"]
