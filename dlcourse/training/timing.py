"""Timing training: a callback that records how long each epoch takes."""

from __future__ import annotations

import time
from typing import Any

from dlcourse._checks import check_choice
from dlcourse._keras import keras

__all__ = ["EpochTimer"]


class EpochTimer(keras.callbacks.Callback):
    """Record the seconds of every training epoch in ``seconds``.

    ``clock="wall"`` measures elapsed time; ``clock="cpu"`` the processor
    time of this process (all its threads), which other programs running on
    the same machine do not inflate. The first epoch also pays for tracing
    the model's graph: compare the later ones.

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.models import build_mlp
    >>> timer = EpochTimer()
    >>> _ = build_mlp(2).fit(np.zeros((8, 2)), np.zeros(8), epochs=2, verbose=0,
    ...                      callbacks=[timer])
    >>> len(timer.seconds)
    2
    """

    def __init__(self, clock: str = "wall") -> None:
        super().__init__()
        clock = check_choice("clock", clock, ("wall", "cpu"))
        self._now = time.perf_counter if clock == "wall" else time.process_time
        self._start = 0.0
        self.seconds: list[float] = []

    def on_epoch_begin(self, epoch: int, logs: Any = None) -> None:
        """Start the clock."""
        self._start = self._now()

    def on_epoch_end(self, epoch: int, logs: Any = None) -> None:
        """Record the epoch's seconds."""
        self.seconds.append(self._now() - self._start)
