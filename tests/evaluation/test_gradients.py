"""dlcourse.gradients: per-layer gradient norms, and re-initialisation."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from dlcourse.data import load_moons
from dlcourse.evaluation import gradient_norms
from dlcourse.models import build_mlp
from dlcourse.models.initialization import INITIALIZERS, reinitialize
from dlcourse.training import set_seed


def test_norms_match_a_hand_written_tape():
    set_seed(0)
    model = build_mlp(3, hidden_units=(5, 4), output_units=3, output_activation="softmax")
    x = np.random.default_rng(0).normal(size=(16, 3)).astype(np.float32)
    y = np.arange(16) % 3
    norms = gradient_norms(model, x, y, norm="frobenius")
    per_weight = gradient_norms(model, x, y)  # default: root mean square
    loss_fn = keras.losses.SparseCategoricalCrossentropy()
    with tf.GradientTape() as tape:
        loss = loss_fn(y, model(x))
    kernels = [layer.kernel for layer in model.layers]
    expected = [np.linalg.norm(g.numpy()) for g in tape.gradient(loss, kernels)]
    assert list(norms) == ["hidden_1", "hidden_2", "output"]
    np.testing.assert_allclose(list(norms.values()), expected, rtol=1e-5)
    sizes = [kernel.shape[0] * kernel.shape[1] for kernel in kernels]
    np.testing.assert_allclose(list(per_weight.values()),
                               np.array(expected) / np.sqrt(sizes), rtol=1e-5)
    with pytest.raises(ValueError, match="norm must be"):
        gradient_norms(model, x, y, norm="l1")


def test_weights_are_left_alone():
    model = build_mlp(2, hidden_units=(4,))
    before = [w.copy() for w in model.get_weights()]
    gradient_norms(model, np.ones((4, 2)), np.array([0, 1, 0, 1]))
    for a, b in zip(before, model.get_weights()):
        np.testing.assert_array_equal(a, b)


def test_sigmoid_gradients_vanish_and_relu_ones_do_not():
    set_seed(0)
    data = load_moons(n_samples=300)
    ratios = {}
    for activation, init in [("sigmoid", "glorot_uniform"), ("relu", "he_normal")]:
        model = reinitialize(build_mlp(2, hidden_units=(32,) * 9, activation=activation), init)
        norms = list(gradient_norms(model, data.x_train, data.y_train).values())
        ratios[activation] = norms[0] / norms[-1]
    assert ratios["sigmoid"] < 1e-3 and 0.05 < ratios["relu"] < 20, ratios


def test_reinitialize_draws_he_weights_and_zero_biases():
    model = build_mlp(200, hidden_units=(300,), compiled=False)
    reinitialize(model, "he_normal", seed=1)
    kernel, bias = model.layers[0].get_weights()
    assert kernel.std() == pytest.approx(np.sqrt(2 / 200), rel=0.05)
    assert not bias.any()
    again = reinitialize(build_mlp(200, hidden_units=(300,), compiled=False), "he_normal", seed=1)
    np.testing.assert_array_equal(again.layers[0].get_weights()[0], kernel)


def test_bad_input_is_refused_by_name():
    model = build_mlp(2, hidden_units=(4,))
    with pytest.raises(TypeError, match="model must be a keras.Model"):
        gradient_norms("model", np.ones((2, 2)), np.ones(2))
    with pytest.raises(ValueError, match="model must be compiled"):
        gradient_norms(build_mlp(2, compiled=False), np.ones((2, 2)), np.ones(2))
    with pytest.raises(ValueError, match=r"x has rows of shape \(3,\)"):
        gradient_norms(model, np.ones((2, 3)), np.ones(2))
    with pytest.raises(ValueError, match="x and y must have the same number of rows"):
        gradient_norms(model, np.ones((2, 2)), np.ones(3))
    with pytest.raises(ValueError, match="y must hold values in"):
        gradient_norms(model, np.ones((2, 2)), np.array([0, 2]))
    with pytest.raises(ValueError, match=r"initializer must be one of .*got 'he'"):
        reinitialize(model, "he")
    assert "he_normal" in INITIALIZERS
