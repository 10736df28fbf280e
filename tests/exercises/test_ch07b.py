"""Chapter 7 (images, language, recommendation): the exercise checkers."""

import numpy as np
import pytest

from dlcourse.exercises import (
    check_attention_weight,
    check_cnn_parameters,
    check_factorization_parameters,
    check_majority_accuracy,
    check_predicted_rating,
)
from dlcourse.exercises.ch07b import ATTENTION_KEYS, ATTENTION_QUERY


def test_majority_accuracy():
    assert check_majority_accuracy(0.658)
    assert "percentage" in check_majority_accuracy(65.8).message
    assert "training" in check_majority_accuracy(0.65).message
    assert "'other'" in check_majority_accuracy(0.342).message


def test_attention_weight_by_numpy_and_slips():
    q, K = np.array(ATTENTION_QUERY), np.array(ATTENTION_KEYS)
    scores = K @ q / np.sqrt(2)
    weights = np.exp(scores) / np.exp(scores).sum()
    assert check_attention_weight(weights[0])
    unscaled = np.exp(K @ q) / np.exp(K @ q).sum()
    assert "scaling" in check_attention_weight(unscaled[0]).message
    assert "softmax" in check_attention_weight(scores[0]).message


@pytest.mark.parametrize("checker", [check_attention_weight, check_cnn_parameters,
                                     check_factorization_parameters, check_majority_accuracy,
                                     check_predicted_rating])
@pytest.mark.parametrize("junk", [None, "0", [0], float("nan"), True, object()])
def test_junk_gets_a_failing_verdict_with_a_hint(checker, junk):
    verdict = checker(junk)
    assert not verdict and verdict.message
