"""The scaling appendix's checkers accept the right answers and name the usual slips."""

import pytest

from dlcourse import exercises
from dlcourse.exercises import scaling


def test_scaled_learning_rate():
    right = scaling.SCALING_RATE * scaling.SCALING_DEVICES
    assert exercises.check_scaled_learning_rate(right)
    assert "one-device rate" in exercises.check_scaled_learning_rate(0.01).message
    assert "up" in exercises.check_scaled_learning_rate(0.01 / 8).message
    assert "square-root" in exercises.check_scaled_learning_rate(0.01 * 8 ** 0.5).message
    assert not exercises.check_scaled_learning_rate(1.0)


def test_per_replica_batch():
    assert exercises.check_per_replica_batch(16)
    assert exercises.check_per_replica_batch(16.0)
    assert "each machine" in exercises.check_per_replica_batch(32).message
    assert "other machines" in exercises.check_per_replica_batch(48).message
    assert "global" in exercises.check_per_replica_batch(96).message
    assert not exercises.check_per_replica_batch(17)


@pytest.mark.parametrize("answer", [None, "16", [16], float("nan"), True, object()])
@pytest.mark.parametrize("checker", [exercises.check_scaled_learning_rate,
                                     exercises.check_per_replica_batch])
def test_malformed_answers_get_a_failing_verdict(checker, answer):
    verdict = checker(answer)
    assert not verdict and verdict.message
