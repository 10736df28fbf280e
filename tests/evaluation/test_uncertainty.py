import numpy as np
import pytest

from dlcourse.evaluation import paired_difference, wilson_interval


def test_wilson_matches_the_published_formula():
    # Brown, Cai and DasGupta (2001), eq. (4); 40 of 42 found.
    low, high = wilson_interval(40, 42)
    assert low == pytest.approx(0.8421, abs=1e-4)
    assert high == pytest.approx(0.9868, abs=1e-4)


def test_wilson_stays_in_range_at_the_edges():
    assert wilson_interval(0, 10)[0] == 0.0
    assert wilson_interval(10, 10)[1] == 1.0
    low, high = wilson_interval(10, 10)
    assert 0.6 < low < 1.0


def test_wilson_widens_with_confidence_and_narrows_with_n():
    narrow = wilson_interval(45, 50, confidence=0.8)
    wide = wilson_interval(45, 50, confidence=0.99)
    assert wide[0] < narrow[0] and wide[1] > narrow[1]
    small, large = wilson_interval(9, 10), wilson_interval(900, 1000)
    assert large[1] - large[0] < small[1] - small[0]


@pytest.mark.parametrize("args, error, match", [
    ((5, 4), ValueError, "successes <= n"),
    ((-1, 4), ValueError, "successes <= n"),
    ((0, 0), ValueError, "n >= 1"),
    ((1.5, 4), TypeError, "successes must be an integer"),
    ((True, 4), TypeError, "successes must be an integer"),
])
def test_wilson_refuses_bad_counts(args, error, match):
    with pytest.raises(error, match=match):
        wilson_interval(*args)


def test_paired_difference_sees_only_disagreements():
    a = np.array([True] * 95 + [False] * 5)
    b = a.copy()
    b[:3] = False                     # B wrong on 3 more rows
    diff, low, high = paired_difference(a, b)
    assert diff == pytest.approx(0.03)
    assert 0 <= low <= diff <= high
    same = paired_difference(a, a)
    assert same == (0.0, 0.0, 0.0)


def test_paired_difference_contains_zero_for_a_coin_flip():
    rng = np.random.default_rng(1)
    a, b = rng.random(500) < 0.8, rng.random(500) < 0.8
    diff, low, high = paired_difference(a, b)
    assert low < 0 < high


def test_paired_difference_refuses_mismatched_or_junk_rows():
    with pytest.raises(ValueError, match="same rows"):
        paired_difference([True, False], [True])
    with pytest.raises(ValueError, match="True/False per row"):
        paired_difference([0.3, 0.7], [1, 0])
    with pytest.raises(ValueError, match="True/False per row"):
        paired_difference([], [])
