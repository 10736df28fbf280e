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
from dlcourse.exercises.ch07a import ATTENTION_KEYS, ATTENTION_QUERY


def test_cnn_parameters_match_keras_and_catch_slips():
    from dlcourse.models import build_cnn

    expected = build_cnn((25, 25, 1), 2, (8, 16), dense_units=32).count_params()
    assert check_cnn_parameters(expected)
    assert "bias" in check_cnn_parameters(expected - (8 + 16 + 32 + 2)).message
    assert not check_cnn_parameters(expected + 1)


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


def test_factorization_parameters_match_keras():
    from dlcourse.models import build_matrix_factorization

    expected = build_matrix_factorization(671, 9066, 32).count_params()
    assert check_factorization_parameters(expected)
    assert "bias" in check_factorization_parameters((671 + 9066) * 32).message
    assert "full rating matrix" in check_factorization_parameters(671 * 9066).message


def test_predicted_rating_and_slips():
    assert check_predicted_rating(3.8)
    assert "mean" in check_predicted_rating(0.3).message
    assert "dot product" in check_predicted_rating(3.4).message
    assert "subtract" in check_predicted_rating(4.6).message


@pytest.mark.parametrize("checker", [check_attention_weight, check_cnn_parameters,
                                     check_factorization_parameters, check_majority_accuracy,
                                     check_predicted_rating])
@pytest.mark.parametrize("junk", [None, "0", [0], float("nan"), True, object()])
def test_junk_gets_a_failing_verdict_with_a_hint(checker, junk):
    verdict = checker(junk)
    assert not verdict and verdict.message
