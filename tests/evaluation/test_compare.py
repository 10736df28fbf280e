"""dlcourse.evaluation.compare: paired comparisons, checked against hand computations."""

from math import comb

import numpy as np
import pytest

from dlcourse.evaluation import Comparison, compare_models, compare_predictions, mcnemar_exact_p


def test_mcnemar_matches_the_binomial_tail_by_hand():
    # 2 vs 8 disagreements: p = 2 * P(X <= 2), X ~ Binomial(10, 1/2)
    by_hand = 2 * (comb(10, 0) + comb(10, 1) + comb(10, 2)) / 2 ** 10
    assert mcnemar_exact_p(2, 8) == pytest.approx(by_hand)
    assert mcnemar_exact_p(8, 2) == pytest.approx(by_hand)
    assert mcnemar_exact_p(5, 5) == 1.0 and mcnemar_exact_p(0, 0) == 1.0
    with pytest.raises(ValueError, match="only_a_right"):
        mcnemar_exact_p(-1, 3)


def test_classification_scores_difference_and_counts():
    y = np.array([0, 1, 1, 0, 1, 0, 1, 1, 0, 1])
    a = np.array([0, 1, 1, 0, 1, 0, 1, 1, 0, 0])
    b = np.array([0, 1, 0, 0, 1, 1, 1, 0, 0, 0])
    result = compare_predictions(y, a, b)
    assert isinstance(result, Comparison)
    assert (result.score_a, result.score_b) == (0.9, 0.6)
    assert result.difference == pytest.approx(0.3)
    assert (result.only_a_right, result.only_b_right) == (3, 0)
    assert result.mcnemar_p == pytest.approx(0.25)
    assert result.low <= result.difference <= result.high
    assert result.n == 10 and result.metric == "accuracy"


def test_bootstrap_interval_matches_a_hand_written_resampling():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 300)
    a = np.where(rng.random(300) < 0.9, y, 1 - y)
    b = np.where(rng.random(300) < 0.8, y, 1 - y)
    result = compare_predictions(y, a, b, n_resamples=500, seed=3)
    rows = np.random.default_rng(3).integers(0, 300, size=(500, 300))
    right_a, right_b = (a == y).astype(float), (b == y).astype(float)
    diffs = right_a[rows].mean(axis=1) - right_b[rows].mean(axis=1)
    assert result.low == pytest.approx(np.quantile(diffs, 0.025))
    assert result.high == pytest.approx(np.quantile(diffs, 0.975))
    assert result.better == "a" and "A is better" in result.describe()


def test_identical_models_show_no_clear_difference():
    y = np.arange(50) % 3
    result = compare_predictions(y, y, y)
    assert result.difference == 0 and result.better is None
    assert "no clear difference" in result.describe("one", "two")


def test_regression_lower_error_is_better():
    y = np.linspace(0, 1, 200)
    close = y + 0.01 * np.cos(np.arange(200))
    far = y + 0.5 * np.cos(np.arange(200))
    result = compare_predictions(y, close, far, task="regression")
    assert result.metric == "mean squared error" and result.mcnemar_p is None
    assert result.score_a == pytest.approx(np.mean((close - y) ** 2))
    assert result.difference < 0 and result.high < 0 and result.better == "a"


def test_compare_models_runs_both_models_on_the_same_rows():
    x = np.arange(100.0).reshape(-1, 1)
    y = (x[:, 0] >= 50).astype(int)
    result = compare_models(lambda x: (x[:, 0] >= 50).astype(int),
                            lambda x: np.zeros(len(x), dtype=int), x, y)
    assert (result.score_a, result.score_b) == (1.0, 0.5) and result.better == "a"


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(y_true=[0, 1], predictions_a=[0], predictions_b=[0, 1]), ValueError,
     "y_true and predictions_a"),
    (dict(y_true=[0, 1], predictions_a=[0.5, 1], predictions_b=[0, 1]), ValueError,
     "predictions_a must hold integer class labels"),
    (dict(y_true=[0, 1], predictions_a=[[0.2, 0.8], [0.6, 0.4]], predictions_b=[0, 1]),
     ValueError, "one-hot"),
    (dict(y_true=[0, 1], predictions_a=[0, 1], predictions_b=[0, 1], task="ranking"),
     ValueError, "task must be one of"),
    (dict(y_true=[0, 1], predictions_a=[0, 1], predictions_b=[0, 1], confidence=95),
     ValueError, "confidence must be in"),
    (dict(y_true=[0, 1], predictions_a=[0, 1], predictions_b=[0, 1], n_resamples=10),
     ValueError, "n_resamples must be an integer >= 100"),
    (dict(y_true=[0.0, 1.0], predictions_a=[[0.0, 1.0], [1.0, 0.0]], predictions_b=[0.0, 1.0],
          task="regression"), ValueError, "predictions_a must hold one number per example"),
    (dict(y_true=None, predictions_a=[0, 1], predictions_b=[0, 1]), TypeError, "y_true"),
])
def test_bad_input_is_refused_by_name(kwargs, error, match):
    with pytest.raises(error, match=match):
        compare_predictions(**kwargs)


def test_agrees_with_paired_difference_on_the_same_resamples():
    from dlcourse.evaluation.uncertainty import paired_difference

    rng = np.random.default_rng(2)
    y = rng.integers(0, 3, 150)
    a = np.where(rng.random(150) < 0.85, y, (y + 1) % 3)
    b = np.where(rng.random(150) < 0.75, y, (y + 2) % 3)
    result = compare_predictions(y, a, b, seed=5)
    expected = paired_difference(a == y, b == y, seed=5)
    np.testing.assert_allclose((result.difference, result.low, result.high), expected)


def test_block_size_reaches_the_bootstrap():
    from dlcourse.evaluation import paired_bootstrap

    rng = np.random.default_rng(3)
    y = np.zeros(120)
    streaky = np.repeat(rng.normal(size=12), 10)     # errors in streaks
    flat = 0.1 * rng.normal(size=120)
    for block_size in (None, 10):
        result = compare_predictions(y, streaky, flat, task="regression",
                                     block_size=block_size)
        direct = paired_bootstrap(streaky ** 2, flat ** 2, block_size=block_size)
        assert (result.low, result.high) == pytest.approx((direct.low, direct.high))
    via_models = compare_models(lambda x: streaky, lambda x: flat, np.zeros((120, 1)), y,
                                task="regression", block_size=10)
    assert via_models.low == pytest.approx(result.low)
    with pytest.raises(ValueError, match="block_size"):
        compare_predictions(y, streaky, flat, task="regression", block_size=0)


def test_groups_reach_the_bootstrap():
    from dlcourse.evaluation import paired_bootstrap

    rng = np.random.default_rng(4)
    users = np.repeat(np.arange(15), 8)
    y = np.zeros(120)
    clustered = np.repeat(rng.normal(size=15), 8)   # errors shared by user
    flat = 0.1 * rng.normal(size=120)
    result = compare_predictions(y, clustered, flat, task="regression",
                                 groups=users)
    direct = paired_bootstrap(clustered ** 2, flat ** 2, groups=users)
    assert (result.low, result.high) == pytest.approx((direct.low, direct.high))
    via_models = compare_models(lambda x: clustered, lambda x: flat,
                                np.zeros((120, 1)), y, task="regression", groups=users)
    assert via_models.low == pytest.approx(result.low)
    with pytest.raises(ValueError, match="one label per example"):
        compare_predictions(y, clustered, flat, task="regression", groups=users[:10])
    with pytest.raises(ValueError, match="not both"):
        compare_predictions(y, clustered, flat, task="regression", groups=users,
                            block_size=4)
