"""Resuming an interrupted ``fit``: the state it saves after every epoch."""

from __future__ import annotations

import json
from pathlib import Path

from dlcourse._keras import keras

__all__ = ["backup_callback", "finished_epochs"]


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
