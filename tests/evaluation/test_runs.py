"""dlcourse.evaluation.runs: accuracy by training-set size, and timing."""

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from dlcourse.data import load_digits
from dlcourse.evaluation import accuracy_by_size, seconds_per_epoch, training_seconds
from dlcourse.models import build_mlp


def test_accuracy_by_size_trains_on_each_size_and_tests_on_all():
    data = load_digits()
    seen = []

    def train(X, y):
        seen.append(len(X))
        return LogisticRegression(max_iter=300).fit(X, y)

    curve = accuracy_by_size(train, data.x_train, data.y_train, data.x_test, data.y_test,
                             [20, 200, 1000])
    assert seen == [20, 200, 1000] and list(curve) == [20, 200, 1000]
    assert curve[20] < curve[1000]
    with pytest.raises(TypeError, match="train must be a function"):
        accuracy_by_size(None, data.x_train, data.y_train, data.x_test, data.y_test, [20])
    with pytest.raises(ValueError, match="sizes\\[0\\]"):
        accuracy_by_size(train, data.x_train, data.y_train, data.x_test, data.y_test, [0])


def test_timing_helpers():
    result, seconds = training_seconds(lambda: 42)
    assert result == 42 and seconds >= 0
    model = build_mlp(4, hidden_units=(8,), output_units=3, output_activation="softmax")
    x, y = np.zeros((64, 4)), np.zeros(64)
    for clock in ("wall", "cpu"):
        assert 0 < seconds_per_epoch(model, x, y, epochs=2, clock=clock) < 60
    with pytest.raises(ValueError, match="clock"):
        seconds_per_epoch(model, x, y, clock="gpu")
