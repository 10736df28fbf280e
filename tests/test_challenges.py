"""dlcourse.challenges: learning curves by size, timing, thinning out a class."""

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from dlcourse.challenges import (
    accuracy_by_size,
    recall_per_class,
    seconds_per_epoch,
    stratified_subset,
    thin_out_class,
    training_seconds,
)
from dlcourse.data import load_digits
from dlcourse.models import build_mlp


def test_stratified_subset_keeps_every_class():
    y = np.repeat(np.arange(10), 50)
    rows = stratified_subset(y, 20, seed=3)
    assert len(rows) == len(set(rows)) == 20
    assert np.bincount(y[rows]).tolist() == [2] * 10
    assert stratified_subset(y, 500).tolist() == list(range(500))
    with pytest.raises(ValueError, match="between the number of classes"):
        stratified_subset(y, 5)


def test_accuracy_by_size_trains_on_each_size_and_tests_on_all():
    data = load_digits()
    seen = []

    def train(X, y):
        seen.append(len(X))
        return LogisticRegression(max_iter=300).fit(X, y)

    curve = accuracy_by_size(train, data.X_train, data.y_train, data.X_test, data.y_test,
                             [20, 200, 1000])
    assert seen == [20, 200, 1000] and list(curve) == [20, 200, 1000]
    assert curve[20] < curve[1000]
    with pytest.raises(TypeError, match="train must be a function"):
        accuracy_by_size(None, data.X_train, data.y_train, data.X_test, data.y_test, [20])
    with pytest.raises(ValueError, match="sizes\\[0\\]"):
        accuracy_by_size(train, data.X_train, data.y_train, data.X_test, data.y_test, [0])


def test_timing_helpers():
    result, seconds = training_seconds(lambda: 42)
    assert result == 42 and seconds >= 0
    model = build_mlp(4, hidden_units=(8,), output_units=3, output_activation="softmax")
    x, y = np.zeros((64, 4)), np.zeros(64)
    for clock in ("wall", "cpu"):
        assert 0 < seconds_per_epoch(model, x, y, epochs=2, clock=clock) < 60
    with pytest.raises(ValueError, match="clock"):
        seconds_per_epoch(model, x, y, clock="gpu")


def test_thin_out_class_and_recall():
    y = np.array([0] * 5 + [1] * 5 + [2] * 5)
    rows = thin_out_class(y, 1, keep=2, seed=0)
    assert np.bincount(y[rows]).tolist() == [5, 2, 5]
    with pytest.raises(ValueError, match="does not occur"):
        thin_out_class(y, 7, keep=1)
    with pytest.raises(ValueError, match="at most the 5 rows"):
        thin_out_class(y, 1, keep=6)
    assert recall_per_class([0, 1, 1, 2], [0, 1, 2, 2], 3).tolist() == [1.0, 0.5, 1.0]
    with pytest.raises(ValueError, match="no row of class"):
        recall_per_class([0, 0, 1], [0, 0, 1], 3)
