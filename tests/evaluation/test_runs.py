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


def test_epochs_to_reach_an_accuracy_counts_upwards():
    from dlcourse.evaluation import epochs_to_reach

    accuracy_curve = [0.5, 0.8, 0.93, 0.95]
    assert epochs_to_reach(accuracy_curve, 0.9, mode="max") == 3
    assert epochs_to_reach([1.0, 0.4], 0.5) == 2
    with pytest.raises(ValueError, match="mode must be one of"):
        epochs_to_reach(accuracy_curve, 0.9, mode="up")


def test_generalization_gap_of_logits_and_sigmoid_classifiers():
    import keras

    from dlcourse.evaluation import generalization_gap

    rng = np.random.default_rng(0)
    x_fit, x_val = rng.normal(size=(30, 2)), rng.normal(size=(20, 2))
    y_fit, y_val = (x_fit[:, 0] > 0).astype(int), (x_val[:, 1] > 0).astype(int)
    W, b = np.array([[1.0, -1.0], [0.5, 0.2]], np.float32), np.array([0.1, -0.1], np.float32)
    softmax = keras.Sequential([keras.Input((2,)), keras.layers.Dense(2, activation="softmax")])
    logits = keras.Sequential([keras.Input((2,)), keras.layers.Dense(2)])
    logits.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    for model in (softmax, logits):
        model.set_weights([W, b])
    expected = generalization_gap(softmax, x_fit, y_fit, x_val, y_val)
    assert generalization_gap(logits, x_fit, y_fit, x_val, y_val) == pytest.approx(expected)
    # one sigmoid unit: p is the probability of class 1
    p = lambda x: 1 / (1 + np.exp(-x[:, :1]))  # noqa: E731
    two_columns = lambda x: np.hstack([1 - p(x), p(x)])  # noqa: E731
    assert generalization_gap(p, x_fit, y_fit, x_val, y_val) == pytest.approx(
        generalization_gap(two_columns, x_fit, y_fit, x_val, y_val))
    with pytest.raises(ValueError, match="y_val holds the label 2, but the model outputs "
                                         "scores for 2 classes"):
        generalization_gap(softmax, x_fit, y_fit, x_val, np.full(20, 2))


def test_generalization_gap_of_a_regressor_needs_matching_shapes():
    from dlcourse.evaluation import generalization_gap

    two_outputs = lambda x: np.hstack([x, x])[:, :2]  # noqa: E731
    with pytest.raises(ValueError, match=r"one prediction per target of y_train, shape \(3,\), "
                                         r"got output shape \(3, 2\)"):
        generalization_gap(two_outputs, np.ones((3, 1)), np.ones(3), np.ones((3, 1)),
                           np.ones(3), task="regression")
    with pytest.raises(ValueError, match="task='regression'"):
        generalization_gap(build_mlp(1, hidden_units=(), output_activation=None),
                           np.ones((3, 1)), [0, 1, 0], np.ones((3, 1)), [0, 1, 0])


def test_multiply_adds_counts_dense_and_convolutions():
    import keras

    from dlcourse.evaluation import multiply_adds

    dense = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3),
                              keras.layers.Dense(2)])
    assert multiply_adds(dense) == 4 * 3 + 3 * 2
    conv = keras.Sequential([keras.Input((10, 6)),
                             keras.layers.Conv1D(8, 3),       # 8 positions
                             keras.layers.GlobalAveragePooling1D(),
                             keras.layers.Dense(2)])
    assert multiply_adds(conv) == 8 * 3 * 6 * 8 + 8 * 2
    # A convolution reuses its weights: more arithmetic, same parameters.
    same_params = keras.Sequential([keras.Input((12, 12, 1)),
                                    keras.layers.Conv2D(4, 3, padding="same")])
    assert multiply_adds(same_params) == 12 * 12 * 9 * 4
    assert same_params.count_params() == 9 * 4 + 4


def test_multiply_adds_refuses_what_it_cannot_count():
    import keras
    import pytest

    from dlcourse.evaluation import multiply_adds

    with pytest.raises(TypeError, match="built Keras model"):
        multiply_adds("model")
    lstm = keras.Sequential([keras.Input((5, 2)), keras.layers.LSTM(3)])
    with pytest.raises(ValueError, match="cannot count layer"):
        multiply_adds(lstm)
