"""Old import path of ``reinitialize`` and ``gradient_norms`` (kept so old code runs).

They live in :mod:`dlcourse.models` and :mod:`dlcourse.evaluation` now.
"""

from dlcourse.evaluation.gradients import gradient_norms
from dlcourse.models.initialization import INITIALIZERS, reinitialize

__all__ = ["gradient_norms", "INITIALIZERS", "reinitialize"]
