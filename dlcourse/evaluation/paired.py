"""Paired comparisons of two models on one test set (chapters 4 and 5).

Two models scored on the *same* test examples are compared example by
example: the bootstrap resamples the examples (with replacement), keeps
each example's pair of scores together, and reads an interval for the
difference of the two mean scores off the resampled differences
(Efron and Tibshirani, *An Introduction to the Bootstrap*, 1993, ch. 13,
percentile interval). Pairing removes the variation that both models share
(hard examples are hard for both), so the interval is much narrower than
two separate intervals would suggest.

Resampling single examples assumes they are independent. Errors along a
time series are not: a forecaster that misses one year of a rising
sunspot cycle tends to miss the next ones too. ``block_size`` then
resamples contiguous blocks of examples instead, the *circular block
bootstrap* (Politis and Romano, "A circular block-resampling procedure
for stationary data", 1992; Lahiri, *Resampling Methods for Dependent
Data*, 2003, ch. 2), which keeps the dependence within each block.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from dlcourse._checks import check_array, check_float, check_int, check_same_length

__all__ = ["paired_bootstrap", "PairedDifference"]


@dataclass(frozen=True)
class PairedDifference:
    """The difference of two mean scores on the same examples, with its interval.

    Attributes
    ----------
    difference : float
        ``mean(a) - mean(b)`` on the examples given.
    low, high : float
        The bootstrap percentile interval of the difference.
    level : float
        Its coverage, e.g. 0.95.
    n : int
        The number of paired examples.
    """

    difference: float
    low: float
    high: float
    level: float
    n: int

    @property
    def excludes_zero(self) -> bool:
        """Whether the interval lies entirely above or entirely below zero."""
        return self.low > 0 or self.high < 0

    def __str__(self) -> str:
        """The difference and its interval, in one line."""
        return (f"{self.difference:+.4g} ({self.level:.0%} interval "
                f"{self.low:+.4g} to {self.high:+.4g}, {self.n} paired examples)")


def paired_bootstrap(a: Any, b: Any, *, n_resamples: int = 2000, level: float = 0.95,
                     seed: int = 0, block_size: int | None = None) -> PairedDifference:
    """Bootstrap interval of ``mean(a) - mean(b)`` for scores paired by example.

    Parameters
    ----------
    a, b : array of shape (n,)
        One score per test example for each of two models, in the same
        order: an absolute error, a squared error, or 1/0 for right/wrong.
    n_resamples : int, default 2000
        Bootstrap resamples of the ``n`` examples.
    level : float, default 0.95
        Coverage of the percentile interval, in (0, 1).
    seed : int, default 0
        Seed of the resampling, so the interval is reproducible.
    block_size : int, optional
        None (the default) resamples single examples, independently: right
        when the examples are independent (e.g. test images). An integer
        ``L`` in ``[1, n]`` resamples contiguous blocks of ``L`` examples
        instead, for scores in time order whose neighbours are correlated
        (e.g. the yearly errors of a forecast). The blocks are *circular*:
        each starts at a random example and, past the last example, wraps
        around to the first; ``ceil(n / L)`` blocks are joined and cut to
        ``n`` examples. Wrapping gives every example the same chance to be
        drawn (a moving block that may not wrap draws the examples near the
        ends less often). Choose ``L`` at least as long as the span over
        which errors stay correlated. ``block_size=1`` is the same as None
        (with the same seed, the same interval).

    Returns
    -------
    PairedDifference

    Examples
    --------
    >>> import numpy as np
    >>> right_a = np.array([1, 1, 1, 0, 1, 1, 1, 1, 1, 1] * 20)
    >>> right_b = np.array([1, 0, 1, 0, 1, 1, 0, 1, 1, 1] * 20)
    >>> result = paired_bootstrap(right_a, right_b)
    >>> round(result.difference, 2), result.excludes_zero
    (0.2, True)

    Errors in time order that run in streaks: blocks of 10 keep the
    streaks, and the interval widens to show the extra uncertainty.

    >>> rng = np.random.default_rng(0)
    >>> streaks = np.repeat(rng.normal(size=20), 10)   # 200 scores
    >>> iid = paired_bootstrap(streaks, np.zeros(200))
    >>> blocks = paired_bootstrap(streaks, np.zeros(200), block_size=10)
    >>> bool(blocks.high - blocks.low > 2 * (iid.high - iid.low))
    True
    """
    a = check_array("a", a, ndim=1)
    b = check_array("b", b, ndim=1)
    check_same_length("a", a, "b", b)
    n_resamples = check_int("n_resamples", n_resamples, minimum=100)
    level = check_float("level", level, low=0, high=1, low_open=True, high_open=True)
    seed = check_int("seed", seed, minimum=0)
    differences = a - b
    n = len(differences)
    if block_size is not None:
        block_size = check_int("block_size", block_size, minimum=1)
        if block_size > n:
            raise ValueError(f"block_size must be at most the number of examples ({n}), "
                             f"got {block_size}")
    block = 1 if block_size is None else block_size
    rng = np.random.default_rng(seed)
    n_blocks = -(-n // block)
    starts = rng.integers(0, n, size=(n_resamples, n_blocks))
    # Each block: `block` consecutive rows from its start, wrapping past the end.
    rows = (starts[:, :, None] + np.arange(block)).reshape(n_resamples, -1)[:, :n] % n
    means = differences[rows].mean(axis=1)
    tail = (1 - level) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return PairedDifference(float(differences.mean()), float(low), float(high), level, n)
