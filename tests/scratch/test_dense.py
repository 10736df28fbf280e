"""dlcourse.scratch: the NumPy mechanisms agree with Keras."""

import keras
import numpy as np
import pytest

from dlcourse import scratch

RNG = np.random.default_rng(0)


@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh", "linear", "softmax"])
def test_activations_match_keras(name):
    z = RNG.normal(scale=5, size=(4, 6)).astype(np.float32)
    ours = scratch.ACTIVATIONS[name](z)
    theirs = keras.ops.convert_to_numpy(keras.activations.get(name)(z))
    np.testing.assert_allclose(ours, theirs, atol=1e-5)


def test_sigmoid_does_not_overflow():
    out = scratch.sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    np.testing.assert_allclose(out, [0.0, 0.5, 1.0])


@pytest.mark.parametrize("activation", ["sigmoid", "relu", "tanh", "linear"])
def test_neuron_matches_a_one_unit_dense_layer(activation):
    x, w, b = RNG.normal(size=5), RNG.normal(size=5), 0.3
    layer = keras.layers.Dense(1, activation=activation)
    layer.build((None, 5))
    layer.set_weights([w.reshape(5, 1), np.array([b])])
    expected = float(layer(x.reshape(1, 5).astype(np.float32))[0, 0])
    assert scratch.neuron(x, w, b, activation) == pytest.approx(expected, abs=1e-5)


def test_mlp_forward_matches_keras():
    model = keras.Sequential([
        keras.Input(shape=(6,)),
        keras.layers.Dense(7, activation="relu"),
        keras.layers.Dense(5, activation="tanh"),
        keras.layers.Dense(3, activation="softmax"),
    ])
    x = RNG.normal(size=(10, 6)).astype(np.float32)
    layers = [(*layer.get_weights(), layer.activation.__name__) for layer in model.layers]
    np.testing.assert_allclose(scratch.mlp_forward(x, layers), model(x).numpy(), atol=1e-5)


def test_dense_forward_single_example():
    W, b = RNG.normal(size=(3, 2)), RNG.normal(size=2)
    x = RNG.normal(size=3)
    np.testing.assert_allclose(scratch.dense_forward(x, W, b), x @ W + b)


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="x and w must have the same length, got 3 and 2"):
        scratch.neuron([1, 2, 3], [1, 2], 0.0)
    with pytest.raises(ValueError, match=r"activation must be one of \[.*\], got 'swish'"):
        scratch.neuron([1.0], [1.0], 0.0, activation="swish")
    with pytest.raises(ValueError, match=r"x has 4 features but W expects 3 \(W.shape = \(3, 2\)\)"):
        scratch.dense_forward(np.zeros((2, 4)), np.zeros((3, 2)), np.zeros(2))
    with pytest.raises(ValueError, match="b must have 2 entries"):
        scratch.dense_forward(np.zeros((2, 3)), np.zeros((3, 2)), np.zeros(3))
    with pytest.raises(TypeError, match="b must be an array of numbers, got None"):
        scratch.neuron([1.0], [1.0], None)
    with pytest.raises(TypeError, match="x must be an array of numbers, got a None"):
        scratch.neuron([1.0, None], [1.0, 2.0], 0.0)
    with pytest.raises(TypeError, match="layers must be a non-empty list"):
        scratch.mlp_forward(np.zeros((1, 2)), [])
    with pytest.raises(TypeError, match=r"layers\[0\] must be a triple"):
        scratch.mlp_forward(np.zeros((1, 2)), [(np.eye(2), np.zeros(2))])
