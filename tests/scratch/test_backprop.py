"""dlcourse.scratch.backprop and .descent: gradients agree with TensorFlow to 1e-5."""

import numpy as np
import pytest
import tensorflow as tf

from dlcourse import scratch
from dlcourse.data import load_digits

RNG = np.random.default_rng(1)


def tape_gradients(params, X, y):
    """The same network and loss in TensorFlow (float64), differentiated by GradientTape."""
    variables = {name: tf.Variable(value) for name, value in params.items()}
    with tf.GradientTape() as tape:
        h = tf.nn.relu(X @ variables["W1"] + variables["b1"])
        logits = h @ variables["W2"] + variables["b2"]
        loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(y, logits))
    grads = tape.gradient(loss, variables)
    return float(loss), {name: grad.numpy() for name, grad in grads.items()}


@pytest.mark.parametrize("shape", [(6, 5, 3), (64, 16, 10)])
def test_backprop_matches_gradient_tape(shape):
    n_inputs, n_hidden, n_classes = shape
    params = scratch.init_two_layer(n_inputs, n_hidden, n_classes, seed=3)
    X = RNG.normal(size=(12, n_inputs))
    y = RNG.integers(0, n_classes, size=12)
    loss, grads = scratch.loss_and_gradients(params, X, y)
    tf_loss, tf_grads = tape_gradients(params, X, y)
    assert loss == pytest.approx(tf_loss, abs=1e-10)
    for name in scratch.PARAMETER_NAMES:
        np.testing.assert_allclose(grads[name], tf_grads[name], atol=1e-5, rtol=0)


def test_backprop_matches_numerical_gradients():
    params = scratch.init_two_layer(5, 4, 3, seed=0)
    X, y = RNG.normal(size=(8, 5)), RNG.integers(0, 3, size=8)
    _, grads = scratch.loss_and_gradients(params, X, y)
    numerical = scratch.numerical_gradients(params, X, y)
    for name in scratch.PARAMETER_NAMES:
        np.testing.assert_allclose(grads[name], numerical[name], atol=1e-5, rtol=0)


def test_forward_matches_mlp_forward():
    params = scratch.init_two_layer(4, 3, 2, seed=1)
    X = RNG.normal(size=(5, 4))
    layers = [(params["W1"], params["b1"], "relu"), (params["W2"], params["b2"], "softmax")]
    probabilities, _ = scratch.forward_two_layer(params, X)
    np.testing.assert_allclose(probabilities, scratch.mlp_forward(X, layers))


def test_sgd_update_steps_against_the_gradient():
    params = scratch.init_two_layer(5, 4, 3, seed=0)
    X, y = RNG.normal(size=(20, 5)), RNG.integers(0, 3, size=20)
    loss, grads = scratch.loss_and_gradients(params, X, y)
    new = scratch.sgd_update(params, grads, 0.1)
    assert scratch.two_layer_loss(new, X, y) < loss
    assert not np.shares_memory(new["W1"], params["W1"])


def test_trains_to_95_percent_on_digits():
    data = load_digits()
    params, losses = scratch.train_two_layer(data.x_train, data.y_train, n_hidden=64,
                                             epochs=20, learning_rate=0.2)
    accuracy = np.mean(scratch.predict_two_layer(params, data.x_test) == data.y_test)
    assert accuracy >= 0.95, accuracy
    assert losses[-1] < losses[0]


def test_bad_arguments_are_named():
    params = scratch.init_two_layer(4, 3, 2)
    with pytest.raises(ValueError, match="x has 5 features but params\\['W1'\\] expects 4"):
        scratch.forward_two_layer(params, np.zeros((2, 5)))
    with pytest.raises(TypeError, match="params must be a dict with keys"):
        scratch.forward_two_layer({"W1": params["W1"]}, np.zeros((2, 4)))
    bad = dict(params, b2=np.zeros(3))
    with pytest.raises(ValueError, match="do not chain"):
        scratch.forward_two_layer(bad, np.zeros((2, 4)))
    with pytest.raises(ValueError, match="learning_rate must be in \\(0, inf\\]"):
        scratch.sgd_update(params, params, 0.0)
    with pytest.raises(ValueError, match="integer class labels"):
        scratch.loss_and_gradients(params, np.zeros((2, 4)), [0.5, 1.0])
    with pytest.raises(ValueError, match="class labels in 0 .. 1"):
        scratch.loss_and_gradients(params, np.zeros((2, 4)), [0, 2])
    with pytest.raises(ValueError, match="NaN"):
        scratch.train_two_layer(np.full((2, 4), np.nan), [0, 1])


def test_gradient_descent_finds_the_least_squares_line():
    x = RNG.normal(size=50)
    y = 3 * x - 1 + RNG.normal(scale=0.1, size=50)
    path = scratch.gradient_descent(x, y, 0.1, 300)
    np.testing.assert_allclose(path[-1], np.polyfit(x, y, 1), atol=1e-6)
    losses = scratch.line_loss(x, y, path[:, 0], path[:, 1])
    assert np.all(np.diff(losses) <= 1e-12)


def test_line_gradient_matches_gradient_tape():
    x, y = RNG.normal(size=10), RNG.normal(size=10)
    w, b = tf.Variable(0.7, dtype=tf.float64), tf.Variable(-0.2, dtype=tf.float64)
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((w * x + b - y) ** 2)
    expected = [g.numpy() for g in tape.gradient(loss, [w, b])]
    np.testing.assert_allclose(scratch.line_gradient(x, y, 0.7, -0.2), expected, atol=1e-10)


def test_too_large_a_learning_rate_diverges_and_stops_at_overflow():
    x, y = RNG.normal(size=20), RNG.normal(size=20)
    path = scratch.gradient_descent(x, y, 5.0, 2000)
    assert len(path) < 2001 and np.all(np.isfinite(path))
    with pytest.raises(ValueError, match="learning_rate"):
        scratch.gradient_descent(x, y, -0.1, 10)
    with pytest.raises(ValueError, match="x and y must have the same number of rows"):
        scratch.gradient_descent(x, y[:5], 0.1, 10)
