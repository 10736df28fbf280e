"""dlcourse.activations: values match keras.activations, derivatives match tf.GradientTape."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from dlcourse.scratch import activations

RNG = np.random.default_rng(0)
# Away from 0, where the ReLU family's derivative jumps.
Z = RNG.normal(scale=3, size=(5, 7))
Z[np.abs(Z) < 1e-3] = 0.5
ELEMENTWISE = ["sigmoid", "relu", "tanh", "linear", "leaky_relu", "elu", "gelu"]


@pytest.mark.parametrize("name", [*ELEMENTWISE, "softmax"])
def test_values_match_keras(name):
    ours = activations.ACTIVATIONS[name](Z)
    theirs = keras.ops.convert_to_numpy(keras.activations.get(name)(Z))
    np.testing.assert_allclose(ours, theirs, atol=1e-6)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_derivatives_match_gradient_tape(name):
    z = tf.constant(Z, dtype=tf.float64)
    with tf.GradientTape() as tape:
        tape.watch(z)
        out = keras.activations.get(name)(z)
    expected = tape.gradient(out, z).numpy()  # elementwise: the diagonal
    np.testing.assert_allclose(activations.derivative(name, Z), expected, atol=1e-6)


def test_softmax_jacobian_matches_gradient_tape():
    z = tf.constant(Z, dtype=tf.float64)
    with tf.GradientTape() as tape:
        tape.watch(z)
        out = tf.nn.softmax(z)
    expected = tape.batch_jacobian(out, z).numpy()
    ours = activations.derivative("softmax", Z)
    assert ours.shape == (5, 7, 7)
    np.testing.assert_allclose(ours, expected, atol=1e-6)


def test_non_default_parameters_match_keras():
    theirs = keras.ops.convert_to_numpy(keras.activations.leaky_relu(Z, negative_slope=0.05))
    np.testing.assert_allclose(activations.leaky_relu(Z, 0.05), theirs, atol=1e-6)
    theirs = keras.ops.convert_to_numpy(keras.activations.elu(Z, alpha=0.5))
    np.testing.assert_allclose(activations.elu(Z, 0.5), theirs, atol=1e-6)


def test_softmax_is_stable_for_large_inputs():
    with np.errstate(over="raise", invalid="raise"):
        out = activations.softmax(np.array([1000.0, 1000.0, 1000.0 + np.log(2.0)]))
        np.testing.assert_allclose(out, [0.25, 0.25, 0.5])
        np.testing.assert_allclose(activations.softmax(np.array([[-1000.0, 0.0]])), [[0.0, 1.0]])
        jac = activations.softmax_jacobian(np.array([1000.0, 1000.0]))
    np.testing.assert_allclose(jac, [[0.25, -0.25], [-0.25, 0.25]])


def test_no_overflow_at_the_extremes():
    z = np.array([-1000.0, 1000.0])
    with np.errstate(over="raise", invalid="raise"):
        np.testing.assert_allclose(activations.sigmoid(z), [0.0, 1.0])
        np.testing.assert_allclose(activations.elu(z), [-1.0, 1000.0])
        np.testing.assert_allclose(activations.sigmoid_derivative(z), [0.0, 0.0])
        np.testing.assert_allclose(activations.elu_derivative(z), [0.0, 1.0])
        np.testing.assert_allclose(activations.gelu(z), [0.0, 1000.0])


def test_the_derivative_bounds_the_book_quotes():
    z = np.linspace(-10, 10, 2001)
    assert activations.sigmoid_derivative(z).max() == pytest.approx(0.25)
    assert activations.tanh_derivative(z).max() == pytest.approx(1.0)
    assert activations.relu_derivative(np.array([0.0]))[0] == 0.0  # TensorFlow's choice at 0


def test_every_activation_has_a_derivative():
    assert set(activations.ACTIVATIONS) == set(activations.DERIVATIVES)


def test_bad_input_is_refused_by_name():
    with pytest.raises(ValueError, match=r"name must be one of \[.*\], got 'swish'"):
        activations.derivative("swish", Z)
    with pytest.raises(TypeError, match="name must be a string"):
        activations.derivative(3, Z)
    with pytest.raises(ValueError, match="z must hold only finite numbers"):
        activations.gelu(np.array([np.nan]))
    with pytest.raises(TypeError, match="z must be an array of numbers, got None"):
        activations.relu_derivative(None)
    with pytest.raises(ValueError, match=r"negative_slope must be in \[0, inf\], got -1"):
        activations.leaky_relu(Z, negative_slope=-1)
    with pytest.raises(ValueError, match=r"alpha must be in \(0, inf\], got 0"):
        activations.elu_derivative(Z, alpha=0)
    with pytest.raises(ValueError, match="z must have at least one axis"):
        activations.softmax_jacobian(np.float64(1.0))
