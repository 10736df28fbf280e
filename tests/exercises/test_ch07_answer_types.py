"""Every numeric checker of chapter 7 and the scaling appendix judges the
value, not its type: huge integers and complex numbers get a Verdict (no
crash, never a pass), and a correct answer held in a tensor, a 0-d array,
a Fraction or a Decimal passes."""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from dlcourse.exercises import (
    FGSM_EPSILON,
    FGSM_GRADIENT,
    FGSM_X,
    check_attention_weight,
    check_cnn_parameters,
    check_factorization_parameters,
    check_fgsm_step,
    check_majority_accuracy,
    check_per_replica_batch,
    check_predicted_rating,
    check_recording_size,
    check_scaled_learning_rate,
    check_sensitivity,
    check_threshold,
)


def _majority():
    from dlcourse.data import load_reviews
    return float(np.mean(load_reviews("test")[1] == 1))


def _attention():
    scores = np.array([3.0, 1.0, -2.0]) / np.sqrt(2)
    return float(np.exp(scores[0]) / np.exp(scores).sum())


CORRECT = {
    "recording": (check_recording_size, lambda: 600),
    "cnn": (check_cnn_parameters, lambda: 80 + 1168 + 8224 + 66),
    "majority": (check_majority_accuracy, _majority),
    "attention": (check_attention_weight, _attention),
    "factorization": (check_factorization_parameters,
                      lambda: (671 + 9066) * 33),
    "rating": (check_predicted_rating,
               lambda: 3.5 + 0.3 - 0.4 + (1.0 * 0.6 + 0.5 * -0.4)),
    "sensitivity": (check_sensitivity, lambda: Fraction(45, 50)),
    "threshold": (check_threshold, lambda: 0.33),
    "learning rate": (check_scaled_learning_rate, lambda: 0.08),
    "per replica": (check_per_replica_batch, lambda: 16),
}


@pytest.mark.parametrize("name", sorted(CORRECT))
def test_plain_answer_passes(name):
    check, answer = CORRECT[name]
    assert check(answer()), name


@pytest.mark.parametrize("name", sorted(CORRECT))
@pytest.mark.parametrize("wrap", ["tensor", "0-d array", "numpy scalar",
                                  "decimal"])
def test_correct_value_in_any_type_passes(name, wrap):
    check, answer = CORRECT[name]
    value = float(answer())
    if wrap == "tensor":
        import tensorflow as tf
        held = tf.constant(value, dtype=tf.float64)
    elif wrap == "0-d array":
        held = np.array(value)
    elif wrap == "numpy scalar":
        held = np.float64(value)
    else:
        held = Decimal(repr(value))
    assert check(held), (name, wrap, check(held).message)


@pytest.mark.parametrize("name", sorted(CORRECT))
@pytest.mark.parametrize("bad", [10 ** 400, -10 ** 400, 1 + 2j, 0.5j,
                                 float("nan"), float("inf"), True])
def test_junk_gets_a_verdict_not_a_crash(name, bad):
    check, _ = CORRECT[name]
    verdict = check(bad)
    assert not verdict, (name, bad)
    assert verdict.message


def test_complex_named():
    assert "complex" in check_sensitivity(0.9 + 0j).message
    assert "complex" in check_scaled_learning_rate(0.08 + 1j).message


def test_fgsm_reads_arrays_of_any_type():
    import tensorflow as tf

    right = np.clip(np.array(FGSM_X) + FGSM_EPSILON
                    * np.sign(FGSM_GRADIENT), 0, 1)
    assert check_fgsm_step(tf.constant(right))
    assert check_fgsm_step([Fraction(str(v)) for v in right.tolist()])
    assert not check_fgsm_step([10 ** 400] * len(right))
    assert not check_fgsm_step(right + 1j)
    assert "complex" in check_fgsm_step(right.astype(complex)).message
