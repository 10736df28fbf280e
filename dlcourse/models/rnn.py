"""Recurrent networks for sequences, and the gradient they pass back in time (chapter 5)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dlcourse._checks import (
    check_bool,
    check_choice,
    check_float,
    check_int,
)
from dlcourse._keras import keras
from dlcourse.models._common import check_activation, check_name, check_units

__all__ = ["build_rnn", "RNN_CELLS"]

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
    and the mean absolute error as metric: a forecast is a number, and
    Keras' ``"accuracy"`` on a one-unit output is ``BinaryAccuracy``,
    which rounds each prediction at 0.5 and counts those *equal* to the
    target (predictions ``[0.6, 0.4, 83.3]`` against ``[1, 0, 83.3]``
    score 2/3: the perfect 83.3 counts as wrong), so it does not fit a
    numeric target.

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
    name = check_name(name)

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
