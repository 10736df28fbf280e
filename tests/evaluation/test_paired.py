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


def test_block_size_one_is_the_iid_bootstrap():
    rng = np.random.default_rng(4)
    a, b = rng.normal(size=80), rng.normal(size=80)
    for seed in (0, 7):
        assert (paired_bootstrap(a, b, block_size=1, seed=seed)
                == paired_bootstrap(a, b, seed=seed))


def _ar1(n, phi, rng):
    noise = rng.normal(size=n)
    series = np.empty(n)
    series[0] = noise[0]
    for t in range(1, n):
        series[t] = phi * series[t - 1] + noise[t]
    return series


def test_blocks_widen_the_interval_of_autocorrelated_scores():
    rng = np.random.default_rng(5)
    series = _ar1(300, 0.9, rng)
    iid = paired_bootstrap(series, np.zeros(300))
    blocks = paired_bootstrap(series, np.zeros(300), block_size=20)
    # AR(1) with phi 0.9: the variance of the mean is about
    # (1 + phi) / (1 - phi) = 19 times the iid one, the width ~4 times
    assert blocks.high - blocks.low > 2 * (iid.high - iid.low)
    assert blocks.difference == iid.difference


def test_blocks_cover_the_truth_more_often_on_autocorrelated_scores():
    rng = np.random.default_rng(6)
    covered = {None: 0, 25: 0}
    for _ in range(60):
        series = _ar1(200, 0.8, rng)      # true mean 0
        for block_size in covered:
            result = paired_bootstrap(series, np.zeros(200), n_resamples=500,
                                      block_size=block_size)
            covered[block_size] += result.low < 0 < result.high
    assert covered[25] >= 48 > covered[None], covered   # 80 % of 60


def test_blocks_are_circular_and_contiguous():
    # One block of the whole length is a rotation of the series: every
    # resample has the same mean, so the interval shrinks to it.
    a = np.arange(12.0)
    result = paired_bootstrap(a, np.zeros(12), block_size=12)
    assert result.low == pytest.approx(a.mean())
    assert result.high == pytest.approx(a.mean())
    # Independent resampling of the same numbers does not.
    iid = paired_bootstrap(a, np.zeros(12))
    assert iid.high - iid.low > 1


@pytest.mark.parametrize("block_size, error, match", [
    (0, ValueError, "block_size"),
    (11, ValueError, "at most the number of examples"),
    (2.5, TypeError, "block_size"),
    (True, TypeError, "block_size"),
    ("3", TypeError, "block_size"),
])
def test_block_size_is_checked(block_size, error, match):
    a = np.arange(10.0)
    with pytest.raises(error, match=match):
        paired_bootstrap(a, a[::-1], block_size=block_size)


# The cluster bootstrap: ``groups=`` resamples whole groups.

def test_one_group_per_example_is_the_iid_bootstrap():
    rng = np.random.default_rng(7)
    a, b = rng.normal(size=90), rng.normal(size=90)
    for seed in (0, 3):
        grouped = paired_bootstrap(a, b, groups=np.arange(90), seed=seed)
        iid = paired_bootstrap(a, b, seed=seed)
        assert (grouped.low, grouped.high) == pytest.approx((iid.low, iid.high))
        assert grouped.n_groups == 90 and iid.n_groups is None
    # Labels in another order and of another type: the same distribution
    # of resampled means, so an interval of about the same width.
    labels = [f"user {k}" for k in rng.permutation(90)]
    relabelled = paired_bootstrap(a, b, groups=labels, n_resamples=5000)
    iid = paired_bootstrap(a, b, n_resamples=5000)
    assert relabelled.high - relabelled.low == pytest.approx(iid.high - iid.low,
                                                             rel=0.1)


def test_groups_widen_the_interval_of_clustered_scores():
    rng = np.random.default_rng(8)
    users = np.repeat(np.arange(30), 10)
    # each user's ten scores share most of their value
    scores = np.repeat(rng.normal(size=30), 10) + 0.2 * rng.normal(size=300)
    iid = paired_bootstrap(scores, np.zeros(300))
    grouped = paired_bootstrap(scores, np.zeros(300), groups=users)
    # 30 independent users, not 300 independent scores: the width grows
    # by about sqrt(10) (design effect 1 + 9 * 0.96 for these scores)
    assert grouped.high - grouped.low > 2 * (iid.high - iid.low)
    assert grouped.difference == iid.difference
    assert grouped.n_groups == 30 and "30 groups" in str(grouped)


def test_groups_cover_the_truth_more_often_on_clustered_scores():
    rng = np.random.default_rng(9)
    users = np.repeat(np.arange(25), 8)
    covered = {"examples": 0, "groups": 0}
    for _ in range(60):
        scores = (np.repeat(rng.normal(size=25), 8)
                  + 0.3 * rng.normal(size=200))        # true mean 0
        for name, groups in (("examples", None), ("groups", users)):
            result = paired_bootstrap(scores, np.zeros(200), n_resamples=500,
                                      groups=groups)
            covered[name] += result.low < 0 < result.high
    assert covered["groups"] >= 48 > covered["examples"], covered


def test_groups_of_different_sizes_weigh_each_example_once():
    # The resampled mean is the mean of all examples drawn, so a resample
    # that draws every group once gives the plain mean.
    a = np.array([1.0, 1.0, 1.0, 4.0])
    result = paired_bootstrap(a, np.zeros(4), groups=[0, 0, 0, 1])
    assert result.difference == pytest.approx(7 / 4)
    assert 1.0 <= result.low <= result.high <= 4.0


@pytest.mark.parametrize("groups, error, match", [
    ([0, 1, 2], ValueError, "one label per example"),
    (np.zeros(10), ValueError, "at least 2 different groups"),
    ([0] * 5 + [np.nan] * 5, ValueError, "NaN"),
    ([0] * 5 + [None] * 5, ValueError, "None"),
    ("abcdefghij", TypeError, "groups"),
    (np.zeros((10, 2)), TypeError, "1-D"),
    (7, TypeError, "groups"),
])
def test_groups_are_checked(groups, error, match):
    a = np.arange(10.0)
    with pytest.raises(error, match=match):
        paired_bootstrap(a, a[::-1], groups=groups)


def test_groups_and_blocks_do_not_mix():
    a = np.arange(10.0)
    with pytest.raises(ValueError, match="block_size or groups, not both"):
        paired_bootstrap(a, a[::-1], block_size=2, groups=[0, 1] * 5)
