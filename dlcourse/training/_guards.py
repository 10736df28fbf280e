"""What ``fit`` adds around ``model.fit`` to stop a run whose loss becomes NaN, and say why."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from dlcourse._keras import keras

__all__ = ["divergence_message", "StopOnNonFinite"]


class StopOnNonFinite(keras.callbacks.Callback):
    """Stop training at the end of the first epoch whose loss is NaN or infinite."""

    def __init__(self) -> None:
        super().__init__()
        self.diverged_at: tuple[int, float] | None = None

    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        loss = (logs or {}).get("loss")
        if loss is not None and not math.isfinite(float(loss)):
            self.diverged_at = (epoch + 1, float(loss))
            self.model.stop_training = True


def divergence_message(epoch: int, loss: float, model: keras.Model,
                       inputs: Sequence[np.ndarray] = ()) -> str:
    """Say that training diverged and name the likely causes, with the numbers.

    ``inputs`` are the input arrays (none for a dataset), checked for unscaled values.
    """
    causes = []
    rate = getattr(getattr(model, "optimizer", None), "learning_rate", None)
    try:
        causes.append(f"a learning rate too high (it is {float(rate):g}: try 10x smaller)")
    except (TypeError, ValueError):
        causes.append("a learning rate too high (try 10x smaller)")
    # max and min, not np.abs(x).max(): no temporary copy of a large array
    largest = max((max(abs(float(a.max())), abs(float(a.min()))) for a in inputs), default=0.0)
    if largest > 10:
        causes.append(
            f"unscaled inputs (the largest |x| is {largest:g}: standardize the features, "
            "e.g. with dlcourse.data.standardize_split)"
        )
    return (
        f"training diverged: the loss became {loss} in epoch {epoch}, so training stopped. "
        f"Likely causes: {'; '.join(causes)}."
    )
