"""Seeding Python, NumPy and TensorFlow so a run repeats, and rerunning under other seeds."""

from __future__ import annotations

import os

from dlcourse._checks import check_bool, check_int
from dlcourse._keras import keras

__all__ = ["SEED_OFFSET_VARIABLE", "seed_offset", "set_seed"]

#: The environment variable whose integer value :func:`set_seed` adds to every seed.
SEED_OFFSET_VARIABLE = "DLCOURSE_SEED_OFFSET"


def seed_offset() -> int:
    """The offset added to every training seed, read from ``DLCOURSE_SEED_OFFSET`` (default 0).

    Rerun a chapter with, say, ``DLCOURSE_SEED_OFFSET=1`` to check that its
    promises hold under another training seed: the data splits (the
    loaders' own ``seed``) stay the same, only the training randomness
    (initial weights, shuffling, dropout) changes.

    Examples
    --------
    >>> seed_offset()
    0
    """
    text = os.environ.get(SEED_OFFSET_VARIABLE, "0").strip() or "0"
    try:
        offset = int(text)
    except ValueError:
        raise ValueError(
            f"{SEED_OFFSET_VARIABLE} must be a whole number such as 1, got {text!r}"
        ) from None
    if offset < 0:
        raise ValueError(f"{SEED_OFFSET_VARIABLE} must be >= 0, got {offset}")
    return offset


def set_seed(seed: int = 0, *, deterministic: bool = False) -> None:
    """Seed Python, NumPy and TensorFlow so a chapter's numbers repeat.

    Call it once at the top of a notebook (and again before a run that must
    reproduce on its own). The seed used is ``seed`` plus
    :func:`seed_offset` (0 unless ``DLCOURSE_SEED_OFFSET`` is set), so anyone
    can rerun a chapter under other training seeds without editing it.

    Parameters
    ----------
    seed : int, default 0
        The seed, >= 0.
    deterministic : bool, default False
        Also force TensorFlow's ops to be deterministic. The book's models
        already repeat exactly on a CPU without it; turn it on for a GPU,
        where some ops are otherwise non-deterministic (it costs speed).

    Examples
    --------
    >>> from dlcourse.training import set_seed
    >>> set_seed(42)
    """
    seed = check_int("seed", seed, minimum=0) + seed_offset()
    deterministic = check_bool("deterministic", deterministic)
    keras.utils.set_random_seed(seed)
    if deterministic:
        from dlcourse._keras import tf

        tf.config.experimental.enable_op_determinism()
