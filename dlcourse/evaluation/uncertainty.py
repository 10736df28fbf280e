"""How sure a measured rate or difference is: intervals for the book's pages.

- :func:`wilson_interval`: a confidence interval for a proportion (a
  sensitivity, an accuracy) measured on ``n`` cases.
- :func:`paired_difference`: the difference in accuracy of two models on
  the *same* test rows, with a paired bootstrap interval.

Neither loads TensorFlow.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

__all__ = ["paired_difference", "wilson_interval"]


def wilson_interval(successes: int, n: int, *,
                    confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion ``successes / n``.

    Unlike the textbook ``p +- 1.96 sqrt(p(1-p)/n)``, it stays inside
    [0, 1] and keeps its coverage near 0 and 1 (Wilson, 1927; Brown, Cai
    and DasGupta, 2001, recommend it for small ``n``).

    Parameters
    ----------
    successes : int
        Cases counted as successes, ``0 <= successes <= n``.
    n : int
        Cases in all, at least 1.
    confidence : float, default 0.95
        Coverage of the interval, in (0, 1).

    Returns
    -------
    tuple of float
        ``(low, high)``.

    Examples
    --------
    >>> low, high = wilson_interval(40, 42)
    >>> round(low, 2), round(high, 2)
    (0.84, 0.99)
    """
    for name, value in (("successes", successes), ("n", n)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise TypeError(f"{name} must be an integer count, "
                            f"got {value!r}")
    if n < 1 or not 0 <= successes <= n:
        raise ValueError(f"need 0 <= successes <= n and n >= 1, got "
                         f"successes={successes}, n={n}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be in (0, 1), got {confidence!r}")
    from statistics import NormalDist

    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = (z / (1 + z * z / n)) * math.sqrt(p * (1 - p) / n
                                              + z * z / (4 * n * n))
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return low, high


def paired_difference(correct_a: Any, correct_b: Any, *,
                      n_resamples: int = 2000, confidence: float = 0.95,
                      seed: int = 0) -> tuple[float, float, float]:
    """Accuracy of A minus accuracy of B on the same rows, with an interval.

    The rows are resampled together (a paired bootstrap), so the interval
    reflects only the rows on which the two models disagree.

    Parameters
    ----------
    correct_a, correct_b : array-like of bool
        Whether model A (B) got each test row right; the same rows in the
        same order.
    n_resamples : int, default 2000
        Bootstrap resamples.
    confidence : float, default 0.95
        Coverage of the percentile interval.
    seed : int, default 0
        Seed of the resampling.

    Returns
    -------
    tuple of float
        ``(difference, low, high)``.

    Examples
    --------
    >>> a = [True] * 90 + [False] * 10
    >>> b = [True] * 80 + [False] * 20
    >>> diff, low, high = paired_difference(a, b)
    >>> round(diff, 2), low > 0
    (0.1, True)
    """
    a = np.asarray(correct_a)
    b = np.asarray(correct_b)
    for name, arr in (("correct_a", a), ("correct_b", b)):
        if arr.ndim != 1 or arr.size == 0 or not (
                arr.dtype == bool or np.isin(arr, (0, 1)).all()):
            raise ValueError(f"{name} must be a non-empty 1-D array of "
                             f"True/False per row, got shape {arr.shape}")
    if a.shape != b.shape:
        raise ValueError(f"correct_a and correct_b must cover the same rows,"
                         f" got {a.shape} and {b.shape}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be in (0, 1), got {confidence!r}")
    from dlcourse.evaluation.paired import paired_bootstrap

    interval = paired_bootstrap(a.astype(float), b.astype(float), n_resamples=n_resamples,
                                level=confidence, seed=seed)
    return interval.difference, interval.low, interval.high
