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

Examples can also be dependent because they come in groups: the test
ratings of one user share that user's taste, so a model that misjudges
the user misjudges most of their ratings. ``groups`` then resamples whole
groups with replacement and keeps all the examples of each group drawn,
the *cluster bootstrap* (Davison and Hinkley, *Bootstrap Methods and their
Application*, 1997, section 3.8; Field and Welsh, "Bootstrapping
clustered data", JRSS B 69, 2007), so the interval reflects how many
independent groups the test set really holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from dlcourse._checks import (
    _describe,
    check_array,
    check_float,
    check_int,
    check_same_length,
)

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
    n_groups : int or None
        The number of groups resampled (``groups=``), or None when single
        examples or blocks were resampled.
    """

    difference: float
    low: float
    high: float
    level: float
    n: int
    n_groups: int | None = None

    @property
    def excludes_zero(self) -> bool:
        """Whether the interval lies entirely above or entirely below zero."""
        return self.low > 0 or self.high < 0

    def __str__(self) -> str:
        """The difference and its interval, in one line."""
        grouped = "" if self.n_groups is None else f" in {self.n_groups} groups"
        return (f"{self.difference:+.4g} ({self.level:.0%} interval "
                f"{self.low:+.4g} to {self.high:+.4g}, {self.n} paired examples"
                f"{grouped})")


def paired_bootstrap(a: Any, b: Any, *, n_resamples: int = 2000, level: float = 0.95,
                     seed: int = 0, block_size: int | None = None,
                     groups: Any = None) -> PairedDifference:
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
    groups : array of shape (n,), optional
        One group label (numbers or strings) per example, e.g. the user
        who gave each test rating. Each resample then draws as many groups
        as there are, with replacement, and takes *all* the examples of
        every group drawn (the cluster bootstrap): right when examples of
        one group are correlated with each other but groups are
        independent. The resampled mean weights each group by its number
        of examples, like the mean of all examples. Needs at least 2
        groups, and cannot be combined with ``block_size``. One group per
        example, labelled ``0 .. n - 1`` in order, is the same as None
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

    Scores in groups (say, 20 users with 10 ratings each) whose members
    share most of their score: resampling users, not single ratings,
    widens the interval the same way.

    >>> users = np.repeat(np.arange(20), 10)
    >>> by_user = paired_bootstrap(streaks, np.zeros(200), groups=users)
    >>> by_user.n_groups, bool(by_user.high - by_user.low
    ...                        > 2 * (iid.high - iid.low))
    (20, True)
    """
    a = check_array("a", a, ndim=1)
    b = check_array("b", b, ndim=1)
    check_same_length("a", a, "b", b)
    n_resamples = check_int("n_resamples", n_resamples, minimum=100)
    level = check_float("level", level, low=0, high=1, low_open=True, high_open=True)
    seed = check_int("seed", seed, minimum=0)
    differences = a - b
    n = len(differences)
    if block_size is not None and groups is not None:
        raise ValueError("pass block_size or groups, not both: blocks are for examples in "
                         "time order, groups for examples that come in clusters")
    rng = np.random.default_rng(seed)
    n_groups = None
    if groups is not None:
        codes = _check_groups(groups, n)
        n_groups = int(codes.max()) + 1
        means = _group_means(differences, codes, n_resamples, rng)
    else:
        means = _block_means(differences, block_size, n_resamples, rng)
    tail = (1 - level) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return PairedDifference(float(differences.mean()), float(low), float(high), level, n,
                            n_groups)


def _block_means(differences: np.ndarray, block_size: int | None, n_resamples: int,
                 rng: np.random.Generator) -> np.ndarray:
    """Means of circular-block resamples (single examples when block_size is None)."""
    n = len(differences)
    if block_size is not None:
        block_size = check_int("block_size", block_size, minimum=1)
        if block_size > n:
            raise ValueError(f"block_size must be at most the number of examples ({n}), "
                             f"got {block_size}")
    block = 1 if block_size is None else block_size
    n_blocks = -(-n // block)
    starts = rng.integers(0, n, size=(n_resamples, n_blocks))
    # Each block: `block` consecutive rows from its start, wrapping past the end.
    rows = (starts[:, :, None] + np.arange(block)).reshape(n_resamples, -1)[:, :n] % n
    return differences[rows].mean(axis=1)


def _check_groups(groups: Any, n: int) -> np.ndarray:
    """The group labels as codes 0 .. n_groups - 1, in sorted order of the labels."""
    if groups is None or isinstance(groups, (str, bytes)) or np.ndim(groups) != 1:
        raise TypeError(f"groups must be a 1-D array of one group label per example, "
                        f"got {_describe(groups)}")
    labels = np.asarray(groups)
    if len(labels) != n:
        raise ValueError(f"groups must hold one label per example ({n}), "
                         f"got {len(labels)} labels")
    if labels.dtype == object and any(label is None for label in labels):
        raise ValueError("groups must not contain None: give every example a group label")
    if labels.dtype.kind == "f" and not np.all(np.isfinite(labels)):
        raise ValueError("groups must not contain NaN or inf: give every example a group label")
    _, codes = np.unique(labels, return_inverse=True)
    codes = codes.reshape(-1)
    if codes.max() < 1:
        raise ValueError(f"groups must name at least 2 different groups to resample, "
                         f"got only {labels[0]!r}")
    return codes


def _group_means(differences: np.ndarray, codes: np.ndarray, n_resamples: int,
                 rng: np.random.Generator) -> np.ndarray:
    """Means of cluster-bootstrap resamples: whole groups drawn with replacement."""
    n_groups = int(codes.max()) + 1
    sums = np.bincount(codes, weights=differences, minlength=n_groups)
    counts = np.bincount(codes, minlength=n_groups).astype(float)
    drawn = rng.integers(0, n_groups, size=(n_resamples, n_groups))
    return sums[drawn].sum(axis=1) / counts[drawn].sum(axis=1)
