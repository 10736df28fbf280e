"""Resuming an interrupted ``fit``: the state it saves after every epoch, in a folder it owns.

``fit(..., checkpoint_dir=d)`` keeps its state in ``d / STATE_DIR`` and in
nothing else: Keras' ``BackupAndRestore`` writes the weights, the
optimizer's state and the epoch there, next to a fingerprint of the run
(the model's layers and sizes, the epochs, the batch size, the rows), so a
later run resumes only its own state. When training ends, ``fit`` removes
the files it and Keras wrote there, then the folder if it is left empty;
``d`` itself and anything else in it are never touched.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dlcourse._keras import keras

__all__ = ["STATE_DIR", "backup_callback", "finished_epochs", "fingerprint", "open_state",
           "remove_state"]

STATE_DIR = "dlcourse-fit-state"
_FINGERPRINT = "fingerprint.json"
_METADATA = "training_metadata.json"   # BackupAndRestore's record of the last finished epoch
_WEIGHTS = "latest.weights.h5"
# Every file fit or BackupAndRestore(double_checkpoint=True) writes in the state folder.
_FILES = (_WEIGHTS, _WEIGHTS + ".bkp", _METADATA, _METADATA + ".bkp", _FINGERPRINT)


def fingerprint(model: keras.Model, **settings: Any) -> dict[str, Any]:
    """What identifies a run: the model's layers and weight shapes, its size, and ``settings``.

    Layer *types* rather than names: Keras numbers its default names
    (``dense_3``), so the same model built again in a notebook has new ones.
    """
    layers = [[type(layer).__name__, [[int(d) for d in w.shape] for w in layer.weights]]
              for layer in model.layers]
    params = model.count_params() if model.built else None
    return json.loads(json.dumps({"layers": layers, "parameters": params, **settings}))


def open_state(checkpoint_dir: Path, run: dict[str, Any]) -> Path:
    """The state folder of ``run`` in ``checkpoint_dir``, created if new; refuse another run's."""
    state = checkpoint_dir / STATE_DIR
    mark = state / _FINGERPRINT
    if state.exists() and not mark.is_file():
        raise ValueError(
            f"{state} exists but was not made by fit (it has no {_FINGERPRINT}): fit keeps its "
            "state in that folder, so rename or delete it, or pass another checkpoint_dir"
        )
    if mark.is_file():
        saved = json.loads(mark.read_text())
        if saved != run and any((state / name).exists() for name in _FILES[:-1]):
            differences = [f"{key} {saved.get(key)!r} there, {run.get(key)!r} here"
                           for key in sorted(set(saved) | set(run))
                           if saved.get(key) != run.get(key)]
            raise ValueError(
                f"checkpoint_dir {str(checkpoint_dir)!r} holds the saved state of another run "
                f"({'; '.join(differences)}), which fit would resume. To start afresh, pass "
                f"another checkpoint_dir, or delete the folder {str(state)!r}"
            )
    state.mkdir(parents=True, exist_ok=True)
    mark.write_text(json.dumps(run))
    return state


def finished_epochs(state: Path) -> int:
    """Epochs an interrupted run in ``state`` already finished (0 if none)."""
    for name in (_METADATA, _METADATA + ".bkp"):
        try:
            return int(json.loads((state / name).read_text())["epoch"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return 0


def backup_callback(state: Path) -> keras.callbacks.Callback:
    """Save weights, optimizer state and epoch after every epoch; restore them on start."""
    # Two copies, so a kill while one is written leaves the other usable. Keras
    # would delete the whole folder when training ends: fit removes its files itself.
    return keras.callbacks.BackupAndRestore(str(state), double_checkpoint=True,
                                            delete_checkpoint=False)


def remove_state(state: Path) -> None:
    """Remove the files fit and Keras wrote in ``state``, then ``state`` if left empty."""
    for name in _FILES:
        (state / name).unlink(missing_ok=True)
    try:
        state.rmdir()
    except OSError:
        pass  # something else is in it: not ours to delete
