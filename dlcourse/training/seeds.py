"""Seeding Python, NumPy and TensorFlow so a run repeats."""

from __future__ import annotations

from dlcourse._checks import check_bool, check_int
from dlcourse._keras import keras

__all__ = ["set_seed"]


def set_seed(seed: int = 0, *, deterministic: bool = False) -> None:
    """Seed Python, NumPy and TensorFlow so a chapter's numbers repeat.

    Call it once at the top of a notebook (and again before a run that must
    reproduce on its own).

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
    seed = check_int("seed", seed, minimum=0)
    deterministic = check_bool("deterministic", deterministic)
    keras.utils.set_random_seed(seed)
    if deterministic:
        from dlcourse._keras import tf

        tf.config.experimental.enable_op_determinism()
