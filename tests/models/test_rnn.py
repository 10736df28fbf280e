"""Recurrent networks: the NumPy SimpleRNN agrees with Keras; build_rnn; gradients per step."""

import keras
import matplotlib
import numpy as np
import pytest

from dlcourse import scratch
from dlcourse.evaluation import forecast, gradient_per_step
from dlcourse.models import RNN_CELLS, build_rnn
from dlcourse.plotting import (
    plot_forecast,
    plot_gradient_per_step,
    plot_lstm_cell,
    plot_unrolled_rnn,
)

matplotlib.use("Agg")
RNG = np.random.default_rng(0)


@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid", "linear"])
@pytest.mark.parametrize("return_sequences", [False, True])
def test_simple_rnn_forward_matches_keras(activation, return_sequences):
    x = RNG.normal(size=(4, 7, 3)).astype(np.float32)
    layer = keras.layers.SimpleRNN(5, activation=activation, return_sequences=return_sequences)
    expected = keras.ops.convert_to_numpy(layer(x))
    kernel, recurrent, bias = layer.get_weights()
    bias = RNG.normal(size=bias.shape).astype(np.float32)  # non-zero biases too
    layer.set_weights([kernel, recurrent, bias])
    expected = keras.ops.convert_to_numpy(layer(x))
    ours = scratch.simple_rnn_forward(x, kernel, recurrent, bias, activation,
                                      return_sequences=return_sequences)
    assert ours.shape == expected.shape
    np.testing.assert_allclose(ours, expected, atol=1e-5)


def test_rnn_step_is_one_step_of_the_forward_pass():
    x = RNG.normal(size=(2, 1, 3))
    kernel, recurrent, bias = RNG.normal(size=(3, 4)), RNG.normal(size=(4, 4)), RNG.normal(size=4)
    step = scratch.rnn_step(x[:, 0], np.zeros((2, 4)), kernel, recurrent, bias)
    np.testing.assert_allclose(step, scratch.simple_rnn_forward(x, kernel, recurrent, bias))
    np.testing.assert_allclose(step, np.tanh(x[:, 0] @ kernel + bias))


def test_the_classic_models_parameters_match_the_scratch_forward_pass():
    model = build_rnn(10, units=64, dense_units=(32,), activation="relu")
    assert model.count_params() == 6337
    layer = model.get_layer("simple")
    x = RNG.normal(size=(3, 10, 1)).astype(np.float32)
    states = keras.Model(model.inputs[0], layer.output)(x)
    np.testing.assert_allclose(scratch.simple_rnn_forward(x, *layer.get_weights(), "relu"),
                               keras.ops.convert_to_numpy(states), atol=1e-5)


@pytest.mark.parametrize("bad, match", [
    ({"kernel": np.zeros((2, 3))}, "kernel"),
    ({"recurrent_kernel": np.zeros((3, 4))}, "recurrent_kernel"),
    ({"bias": np.zeros(3)}, "bias"),
    ({"x": np.zeros((2, 5))}, "x"),
    ({"activation": "swish"}, "activation"),
    ({"x": np.full((1, 2, 3), np.nan)}, "x"),
])
def test_simple_rnn_forward_refuses_mismatched_shapes(bad, match):
    args = {"x": np.zeros((1, 2, 3)), "kernel": np.zeros((3, 4)),
            "recurrent_kernel": np.zeros((4, 4)), "bias": np.zeros(4), "activation": "tanh"}
    args.update(bad)
    with pytest.raises((TypeError, ValueError), match=match):
        scratch.simple_rnn_forward(**args)


def test_rnn_step_refuses_a_state_of_the_wrong_size():
    with pytest.raises(ValueError, match="h_prev"):
        scratch.rnn_step(np.zeros((2, 3)), np.zeros((2, 5)), np.zeros((3, 4)), np.zeros((4, 4)),
                         np.zeros(4))


@pytest.mark.parametrize("cell, layer", sorted(RNN_CELLS.items()))
def test_build_rnn_builds_each_cell(cell, layer):
    model = build_rnn(12, n_features=2, cell=cell, units=8, dense_units=(4,))
    assert type(model.layers[0]).__name__ == layer
    assert model.input_shape == (None, 12, 2) and model.output_shape == (None, 1)
    assert model.loss == "mse"
    assert forecast(model, np.zeros((5, 12, 2))).shape == (5,)


@pytest.mark.parametrize("kwargs, match", [
    ({"cell": "transformer"}, "cell"), ({"cell": "LSTM"}, "cell"), ({"units": 0}, "units"),
    ({"window": 0}, "window"), ({"dense_units": 32}, "dense_units"),
    ({"activation": "nope"}, "activation"), ({"learning_rate": 0.0}, "learning_rate"),
])
def test_build_rnn_refuses_bad_arguments(kwargs, match):
    args = {"window": 10, **kwargs}
    with pytest.raises((TypeError, ValueError), match=match):
        build_rnn(**args)


def test_gradient_per_step_matches_a_finite_difference():
    keras.utils.set_random_seed(0)
    model = build_rnn(6, units=4)
    x = RNG.normal(size=(1, 6, 1)).astype(np.float32)
    norms = gradient_per_step(model, x)
    eps = 1e-2
    for t in (0, 5):
        up, down = x.copy(), x.copy()
        up[0, t, 0] += eps
        down[0, t, 0] -= eps
        numeric = (forecast(model, up)[0] - forecast(model, down)[0]) / (2 * eps)
        assert norms[t] == pytest.approx(abs(numeric), rel=2e-2, abs=1e-4)


def test_gradient_per_step_refuses_sequences_of_the_wrong_length():
    with pytest.raises(ValueError, match="x"):
        gradient_per_step(build_rnn(6), np.zeros((2, 5, 1)))


def test_plots_draw_what_they_are_given():
    ax = plot_forecast([1, 2], [1.0, 2.0], {"a": [1.0, 1.0], "b": [2.0, 2.0]},
                       history=([0], [0.5]))
    assert len(ax.lines) == 5  # history, divider, observed, two forecasts
    with pytest.raises(ValueError, match="forecasts"):
        plot_forecast([1, 2], [1.0, 2.0], {"a": [1.0]})
    assert plot_gradient_per_step({"x": [1.0, 2.0]}).get_yscale() == "log"
    with pytest.raises(ValueError, match="steps"):
        plot_unrolled_rnn(20)
    assert len(plot_lstm_cell().patches) >= 10
    with pytest.raises(TypeError, match="ax"):
        plot_lstm_cell(ax="left")
