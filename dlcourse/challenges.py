"""Old import path of chapter 7's challenge helpers (kept so old code runs).

They live in :mod:`dlcourse.data` and :mod:`dlcourse.evaluation` now.
"""

from dlcourse.data.subsets import stratified_subset, thin_out_class
from dlcourse.evaluation.metrics import recall_per_class
from dlcourse.evaluation.runs import (
    accuracy_by_size,
    seconds_per_epoch,
    training_seconds,
)

__all__ = [
    "accuracy_by_size",
    "recall_per_class",
    "seconds_per_epoch",
    "stratified_subset",
    "thin_out_class",
    "training_seconds",
]
