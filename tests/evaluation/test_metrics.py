"""dlcourse.metrics: sensitivity, specificity and a threshold chosen on validation data."""

import numpy as np
import pytest

from dlcourse.evaluation import (
    choose_threshold,
    confusion_counts,
    predict_at_threshold,
    sensitivity,
    specificity,
)


def test_counts_and_rates_agree_with_scikit_learn():
    from sklearn.metrics import confusion_matrix, recall_score

    rng = np.random.default_rng(0)
    y_true, y_pred = rng.integers(0, 2, 200), rng.integers(0, 2, 200)
    tn, fp, fn, tp = confusion_matrix(y_true, y_pred).ravel()
    assert confusion_counts(y_true, y_pred) == {"tp": tp, "fn": fn, "fp": fp, "tn": tn}
    assert sensitivity(y_true, y_pred) == pytest.approx(recall_score(y_true, y_pred))
    assert specificity(y_true, y_pred) == pytest.approx(recall_score(1 - y_true, 1 - y_pred))


def test_undefined_rates_are_refused():
    with pytest.raises(ValueError, match="no positive case"):
        sensitivity([0, 0], [0, 1])
    with pytest.raises(ValueError, match="no negative case"):
        specificity([1, 1], [0, 1])


@pytest.mark.parametrize("bad, match", [
    ([0, 2, 1], "class labels in 0 .. 1"),
    ([0.5, 1, 0], "integer class labels"),
    ([[1, 0], [0, 1], [1, 0]], "one-hot"),
])
def test_non_binary_labels_are_refused(bad, match):
    with pytest.raises(ValueError, match=match):
        confusion_counts(bad, [0, 1, 0])


def test_lengths_must_match():
    with pytest.raises(ValueError, match="same number of rows"):
        sensitivity([1, 0, 1], [1, 0])


def test_predict_at_threshold_counts_ties_as_positive():
    assert predict_at_threshold([0.2, 0.5, 0.7], 0.5).tolist() == [0, 1, 1]
    assert predict_at_threshold(np.array([[0.2], [0.9]]), 0.5).tolist() == [0, 1]
    with pytest.raises(ValueError, match="probabilities in \\[0, 1\\]"):
        predict_at_threshold([0.2, 1.5], 0.5)
    with pytest.raises(ValueError, match="scores_val\\[:, 1\\]|scores\\[:, 1\\]"):
        predict_at_threshold(np.full((3, 2), 0.5), 0.5)
    with pytest.raises(ValueError, match="threshold"):
        predict_at_threshold([0.2], 1.5)


def test_choose_threshold_is_the_highest_cut_reaching_the_sensitivity():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 300)
    scores = np.clip(0.35 * y + rng.random(300) * 0.65, 0, 1)
    for target in (0.5, 0.8, 0.9, 0.95, 1.0):
        cut = choose_threshold(y, scores, target)
        assert sensitivity(y, predict_at_threshold(scores, cut)) >= target
        # any higher cut among the scores misses the target
        higher = scores[scores > cut]
        if higher.size:
            assert sensitivity(y, predict_at_threshold(scores, higher.min())) < target
    # higher sensitivity never comes with a higher cut
    cuts = [choose_threshold(y, scores, t) for t in (0.5, 0.8, 0.95, 1.0)]
    assert cuts == sorted(cuts, reverse=True)


def test_choose_threshold_refuses_what_it_cannot_do():
    with pytest.raises(ValueError, match="both positive"):
        choose_threshold([1, 1, 1], [0.2, 0.4, 0.9])
    with pytest.raises(ValueError, match="min_sensitivity"):
        choose_threshold([0, 1], [0.2, 0.9], min_sensitivity=0)
    with pytest.raises(ValueError, match="min_sensitivity"):
        choose_threshold([0, 1], [0.2, 0.9], min_sensitivity=1.2)


def test_rmse_needs_one_prediction_per_target():
    from dlcourse.evaluation import rmse

    assert rmse([1.0, 2.0], [[1.0], [4.0]]) == pytest.approx(np.sqrt(2))  # (n, 1) is (n,)
    assert rmse([[1.0, 2.0]], [[1.0, 4.0]]) == pytest.approx(np.sqrt(2))
    with pytest.raises(ValueError, match=r"same shape .* got \(3, 2\) and \(3,\)"):
        rmse(np.zeros((3, 2)), np.zeros(3))
    with pytest.raises(ValueError, match="same number of rows, got 3 and 6"):
        rmse(np.zeros((3, 2)), np.zeros(6))  # never flattened to fit


def test_scores_passed_as_predicted_labels_name_the_fix():
    with pytest.raises(ValueError, match=r"got the score 0.7: .*predict_at_threshold"):
        sensitivity([1, 0], [0.7, 0.2])
