"""dlcourse.losses agree with keras.losses, and refuse what they cannot score."""

import keras
import numpy as np
import pytest

from dlcourse.scratch import losses

RNG = np.random.default_rng(0)


def keras_value(loss, y_true, y_pred):
    return float(keras.ops.convert_to_numpy(loss(y_true.astype(np.float32), y_pred.astype(np.float32))))


def test_mse_matches_keras():
    y_true, y_pred = RNG.normal(size=(20, 3)), RNG.normal(size=(20, 3))
    expected = keras_value(keras.losses.MeanSquaredError(), y_true, y_pred)
    assert losses.mean_squared_error(y_true, y_pred) == pytest.approx(expected, rel=1e-5)
    per = losses.mean_squared_error(y_true[:, 0], y_pred[:, 0], per_example=True)
    np.testing.assert_allclose(per, (y_true[:, 0] - y_pred[:, 0]) ** 2)


@pytest.mark.parametrize("shape", [(30,), (30, 2)])
def test_binary_cross_entropy_matches_keras(shape):
    y_true = RNG.integers(0, 2, size=shape).astype(float)
    y_pred = RNG.uniform(0.01, 0.99, size=shape)
    y_pred[0] = 0.0  # clipped, as Keras does: large but finite
    expected = keras_value(keras.losses.BinaryCrossentropy(), y_true, y_pred)
    assert losses.binary_cross_entropy(y_true, y_pred) == pytest.approx(expected, rel=1e-4)


def test_categorical_and_sparse_cross_entropy_match_keras():
    labels = RNG.integers(0, 4, size=25)
    probabilities = keras.ops.convert_to_numpy(
        keras.activations.softmax(RNG.normal(size=(25, 4)).astype(np.float32))).astype(float)
    one_hot = np.eye(4)[labels]
    expected = keras_value(keras.losses.CategoricalCrossentropy(), one_hot, probabilities)
    assert losses.categorical_cross_entropy(one_hot, probabilities) == pytest.approx(expected, rel=1e-5)
    sparse = float(keras.losses.SparseCategoricalCrossentropy()(labels, probabilities.astype(np.float32)))
    assert losses.sparse_categorical_cross_entropy(labels, probabilities) == pytest.approx(sparse, rel=1e-5)
    per = losses.sparse_categorical_cross_entropy(labels, probabilities, per_example=True)
    assert per.shape == (25,) and per.mean() == pytest.approx(sparse, rel=1e-5)


def test_a_confident_mistake_costs_more_than_a_hesitant_one():
    confident = losses.binary_cross_entropy([1.0], [0.01])
    hesitant = losses.binary_cross_entropy([1.0], [0.4])
    assert confident > 4 * hesitant


def test_bad_inputs_are_refused_with_the_fix():
    with pytest.raises(ValueError, match="same shape"):
        losses.mean_squared_error([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="probabilities in \\[0, 1\\].*logits"):
        losses.binary_cross_entropy([1.0, 0.0], [2.5, -1.0])
    with pytest.raises(ValueError, match="sparse_categorical_cross_entropy"):
        losses.categorical_cross_entropy([0, 1], [[0.5, 0.5], [0.1, 0.9]])
    with pytest.raises(ValueError, match="one-hot"):
        losses.sparse_categorical_cross_entropy(np.eye(2), [[0.5, 0.5], [0.1, 0.9]])
    with pytest.raises(ValueError, match="y_true must hold class labels in 0 .. 1"):
        losses.sparse_categorical_cross_entropy([0, 2], [[0.5, 0.5], [0.1, 0.9]])
    with pytest.raises(ValueError, match="NaN"):
        losses.mean_squared_error([np.nan], [1.0])
    with pytest.raises(TypeError, match="per_example"):
        losses.mean_squared_error([1.0], [1.0], per_example="yes")
