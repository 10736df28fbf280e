"""Paired comparisons of two models on one test set (chapters 4 and 5).

Two models scored on the *same* test examples are compared example by
example: the bootstrap resamples the examples (with replacement), keeps
each example's pair of scores together, and reads an interval for the
difference of the two mean scores off the resampled differences
(Efron and Tibshirani, *An Introduction to the Bootstrap*, 1993, ch. 13,
percentile interval). Pairing removes the variation that both models share
(hard examples are hard for both), so the interval is much narrower than
two separate intervals would suggest.
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
                     seed: int = 0) -> PairedDifference:
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
    """
    a = check_array("a", a, ndim=1)
    b = check_array("b", b, ndim=1)
    check_same_length("a", a, "b", b)
    n_resamples = check_int("n_resamples", n_resamples, minimum=100)
    level = check_float("level", level, low=0, high=1, low_open=True, high_open=True)
    seed = check_int("seed", seed, minimum=0)
    differences = a - b
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, len(differences), size=(n_resamples, len(differences)))
    means = differences[rows].mean(axis=1)
    tail = (1 - level) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return PairedDifference(float(differences.mean()), float(low), float(high), level,
                            len(differences))
