"""Tests of the paired bootstrap (chapters 4 and 5)."""

import numpy as np
import pytest

from dlcourse.evaluation import paired_bootstrap


def test_difference_and_interval_cover_the_truth():
    rng = np.random.default_rng(1)
    shared = rng.normal(size=500)          # hard examples are hard for both
    a = shared + 0.3 + rng.normal(scale=0.1, size=500)
    b = shared + rng.normal(scale=0.1, size=500)
    result = paired_bootstrap(a, b)
    assert result.difference == pytest.approx(np.mean(a - b))
    assert result.low < 0.3 < result.high
    assert result.excludes_zero
    # pairing: far narrower than the spread of either score
    assert result.high - result.low < 0.1


def test_no_difference_is_not_called_one():
    rng = np.random.default_rng(2)
    a = rng.integers(0, 2, size=300)
    result = paired_bootstrap(a, rng.permutation(a))
    assert not result.excludes_zero


def test_reproducible_and_checked():
    a, b = np.arange(10.0), np.arange(10.0)[::-1]
    assert paired_bootstrap(a, b, seed=3) == paired_bootstrap(a, b, seed=3)
    with pytest.raises(ValueError, match="same number of rows"):
        paired_bootstrap(a, b[:5])
    with pytest.raises(ValueError, match="level"):
        paired_bootstrap(a, b, level=1.5)
