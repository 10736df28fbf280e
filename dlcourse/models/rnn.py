"""Recurrent networks for sequences, and the gradient they pass back in time (chapter 5)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from dlcourse._checks import check_array, check_bool, check_choice, check_float, check_int
from dlcourse._keras import keras
from dlcourse.models._common import check_activation, check_units

#: The recurrent cells :func:`build_rnn` knows, by name.
RNN_CELLS = {"simple": "SimpleRNN", "lstm": "LSTM", "gru": "GRU"}


def build_rnn(
    window: int,
    n_features: int = 1,
    cell: str = "simple",
    units: int = 32,
    dense_units: Sequence[int] = (),
    activation: str | None = "tanh",
    output_units: int = 1,
    *,
    compiled: bool = True,
    learning_rate: float = 1e-3,
    name: str | None = None,
) -> keras.Model:
    """Build a recurrent regressor: one recurrent layer, then dense layers.

    ``keras.Input(shape=(window, n_features))`` -> ``SimpleRNN``, ``LSTM``
    or ``GRU`` with ``units`` (its last state only) -> one
    ``Dense(n, relu)`` per entry of ``dense_units`` -> ``Dense(output_units)``
    with no activation. Compiled with Adam, the mean squared error as loss
    and the mean absolute error as metric: a forecast is a number, so
    accuracy (the share of *exactly* right answers) would mean nothing.

    Parameters
    ----------
    window : int
        Time steps per input sequence, >= 1.
    n_features : int, default 1
        Values per time step.
    cell : {"simple", "lstm", "gru"}, default "simple"
        The recurrent layer.
    units : int, default 32
        Size of the recurrent state.
    dense_units : sequence of int, default ()
        Widths of ReLU layers between the recurrent layer and the output.
    activation : str or None, default "tanh"
        Activation of the recurrent layer's state (``"relu"`` for the
        classic introductory SimpleRNN).
    output_units : int, default 1
        Values predicted per sequence.
    compiled : bool, default True
        Compile the model (Adam, MSE loss, MAE metric).
    learning_rate : float, default 1e-3
        Adam's learning rate.
    name : str, optional
        The model's name; by default the cell's, e.g. ``"lstm"``.

    Returns
    -------
    keras.Model

    Examples
    --------
    The classic introductory model: SimpleRNN(64, relu) on windows of 10
    steps of one feature, Dense(32, relu), Dense(1).

    >>> from dlcourse.models import build_rnn
    >>> build_rnn(10, cell="simple", units=64, dense_units=(32,),
    ...           activation="relu").count_params()
    6337
    >>> build_rnn(10, cell="lstm").count_params()
    4385
    """
    window = check_int("window", window, minimum=1)
    n_features = check_int("n_features", n_features, minimum=1)
    cell = check_choice("cell", cell, RNN_CELLS)
    units = check_int("units", units, minimum=1)
    dense = check_units("dense_units", dense_units)
    activation = check_activation("activation", activation)
    output_units = check_int("output_units", output_units, minimum=1)
    compiled = check_bool("compiled", compiled)
    learning_rate = check_float("learning_rate", learning_rate, low=0, low_open=True)
    if name is None:
        name = cell
    if not isinstance(name, str) or not name:
        raise TypeError(f"name must be a non-empty string, got {name!r}")

    layer_class = getattr(keras.layers, RNN_CELLS[cell])
    layers: list[Any] = [
        keras.Input(shape=(window, n_features), name="sequence"),
        layer_class(units, activation=activation, name=cell),
    ]
    for k, n in enumerate(dense, start=1):
        layers.append(keras.layers.Dense(n, activation="relu", name=f"dense_{k}"))
    layers.append(keras.layers.Dense(output_units, name="forecast"))
    model = keras.Sequential(layers, name=name)
    if compiled:
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                      loss="mse", metrics=["mae"])
    return model


def forecast(model: keras.Model, x: Any) -> np.ndarray:
    """The model's predictions for the windows ``x``, as a flat NumPy array.

    Calls the model directly (no ``predict`` loop, which retraces
    TensorFlow's graph for every new model in a notebook).

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.models import build_rnn
    >>> forecast(build_rnn(5), np.zeros((3, 5, 1))).shape
    (3,)
    """
    if not isinstance(model, keras.Model):
        raise TypeError(f"model must be a keras.Model, got {type(model).__name__}")
    x = check_array("x", x, ndim=3)
    return keras.ops.convert_to_numpy(model(x.astype(np.float32), training=False)).ravel()


def gradient_per_step(model: keras.Model, x: Any) -> np.ndarray:
    """How strongly the model's output depends on each time step of its input.

    The norm of the gradient of the output with respect to the input at
    step ``t``, ``|d output / d x_t|``, averaged over the sequences in
    ``x``. A gradient that fades for early steps means those steps barely
    move the output, and training barely learns from them: the vanishing
    gradient of simple recurrent networks.

    Parameters
    ----------
    model : keras.Model
        A model taking sequences of shape ``(time_steps, n_features)``.
    x : array of shape (batch, time_steps, n_features)
        Input sequences.

    Returns
    -------
    np.ndarray of shape (time_steps,)
        Entry ``t`` belongs to step ``t`` (0: the oldest).

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.models import build_rnn
    >>> gradient_per_step(build_rnn(4), np.ones((2, 4, 1))).shape
    (4,)
    """
    import tensorflow as tf

    if not isinstance(model, keras.Model):
        raise TypeError(f"model must be a keras.Model, got {type(model).__name__}")
    x = check_array("x", x, ndim=3)
    try:
        wanted = tuple(model.input_shape)[1:]
    except (AttributeError, ValueError, TypeError):
        wanted = None
    if wanted is not None and (len(wanted) != 2 or any(
            w is not None and w != g for w, g in zip(wanted, x.shape[1:]))):
        raise ValueError(f"x has sequences of shape {x.shape[1:]}, but the model expects "
                         f"{wanted}")
    inputs = tf.constant(x, dtype=tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(inputs)
        output = tf.reduce_sum(model(inputs, training=False))
    gradient = tape.gradient(output, inputs).numpy()  # (batch, time, features)
    return np.linalg.norm(gradient, axis=2).mean(axis=0)
