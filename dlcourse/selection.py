"""Old import path of :mod:`dlcourse.evaluation.runs`, which holds it now (kept so old code runs)."""

from dlcourse.evaluation.runs import (
    epochs_to_reach,
    generalisation_gap,
    generalization_gap,
)

__all__ = ["epochs_to_reach", "generalisation_gap", "generalization_gap"]
