"""What ``fit`` adds around ``model.fit``: resuming after a crash, and stopping on NaN."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

from dlcourse._keras import keras

# BackupAndRestore's record of the last finished epoch, inside checkpoint_dir.
_METADATA = "training_metadata.json"


def finished_epochs(checkpoint_dir: Path) -> int:
    """Epochs an interrupted run in ``checkpoint_dir`` already finished (0 if none)."""
    for name in (_METADATA, _METADATA + ".bkp"):
        try:
            return int(json.loads((checkpoint_dir / name).read_text())["epoch"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return 0


def backup_callback(checkpoint_dir: Path) -> keras.callbacks.Callback:
    """Save weights, optimizer state and epoch after every epoch; restore them on start."""
    # Two copies, so a kill while one is written leaves the other usable.
    return keras.callbacks.BackupAndRestore(str(checkpoint_dir), double_checkpoint=True)


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


def divergence_message(epoch: int, loss: float, model: keras.Model, x: np.ndarray) -> str:
    """Say that training diverged and name the likely causes, with the numbers."""
    causes = []
    rate = getattr(getattr(model, "optimizer", None), "learning_rate", None)
    try:
        causes.append(f"a learning rate too high (it is {float(rate):g}: try 10x smaller)")
    except (TypeError, ValueError):
        causes.append("a learning rate too high (try 10x smaller)")
    largest = float(np.abs(x).max())
    if largest > 10:
        causes.append(
            f"unscaled inputs (the largest |x| is {largest:g}: standardize the features, "
            "e.g. with dlcourse.data.standardize_split)"
        )
    return (
        f"training diverged: the loss became {loss} in epoch {epoch}, so training stopped. "
        f"Likely causes: {'; '.join(causes)}."
    )
