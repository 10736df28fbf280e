"""The multilayer perceptron (chapter 1)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from dlcourse._checks import check_bool, check_float, check_int
from dlcourse._keras import keras
from dlcourse.models._common import (
    check_activation,
    check_name,
    check_units,
    loss_for_output,
)

__all__ = ["build_mlp"]


def build_mlp(
    input_dim: int,
    hidden_units: Sequence[int] = (64, 32),
    output_units: int = 1,
    activation: str | Callable | None = "relu",
    output_activation: str | Callable | None = "sigmoid",
    dropout: float = 0.0,
    *,
    compiled: bool = True,
    learning_rate: float = 1e-3,
    name: str = "mlp",
) -> keras.Model:
    """Build a multilayer perceptron (a stack of ``Dense`` layers).

    ``keras.Input(shape=(input_dim,))`` -> one ``Dense(units, activation)``
    per entry of ``hidden_units`` (each followed by ``Dropout`` when
    ``dropout > 0``) -> ``Dense(output_units, output_activation)``.

    Unless ``compiled=False``, the model comes compiled with Adam and the
    loss that suits its output: binary cross-entropy for ``sigmoid`` (one
    unit: a binary target; several: one yes/no answer per unit, i.e.
    multi-label), sparse categorical cross-entropy (integer labels) for
    ``softmax``, both with accuracy; mean squared error (and MAE) for any
    other output activation (regression). A softmax over a single unit is
    refused: it always outputs 1 and cannot learn.

    Parameters
    ----------
    input_dim : int
        Number of input features, >= 1.
    hidden_units : sequence of int, default (64, 32)
        Width of each hidden layer; ``()`` gives a model with no hidden
        layer (logistic or softmax regression).
    output_units : int, default 1
        Width of the output layer: 1 for a binary or a regression target,
        the number of classes for ``softmax``.
    activation : str, callable or None, default "relu"
        Activation of the hidden layers.
    output_activation : str, callable or None, default "sigmoid"
        Activation of the output layer.
    dropout : float, default 0.0
        Dropout rate after each hidden layer, in [0, 1).
    compiled : bool, default True
        Compile the model with the loss described above.
    learning_rate : float, default 1e-3
        Adam's learning rate, when ``compiled``.
    name : str, default "mlp"
        The model's name, shown by ``summary()``.

    Returns
    -------
    keras.Model
        A model with a defined input, so ``summary()`` works at once.

    Examples
    --------
    >>> from dlcourse.models import build_mlp
    >>> model = build_mlp(8)          # 8 -> 64 -> 32 -> 1 (sigmoid)
    >>> model.count_params()
    2689
    """
    input_dim = check_int("input_dim", input_dim, minimum=1)
    units = check_units("hidden_units", hidden_units)
    output_units = check_int("output_units", output_units, minimum=1)
    activation = check_activation("activation", activation)
    output_activation = check_activation("output_activation", output_activation)
    dropout = check_float("dropout", dropout, low=0, high=1, high_open=True)
    learning_rate = check_float("learning_rate", learning_rate, low=0, low_open=True)
    name = check_name(name)
    compiled = check_bool("compiled", compiled)
    # Checked even when not compiled: a softmax over one unit cannot learn.
    loss, metrics = loss_for_output("output_activation", output_activation, output_units)

    layers: list[keras.layers.Layer] = [keras.Input(shape=(input_dim,), name="features")]
    for k, n in enumerate(units, start=1):
        layers.append(keras.layers.Dense(n, activation=activation, name=f"hidden_{k}"))
        if dropout > 0:
            layers.append(keras.layers.Dropout(dropout, name=f"dropout_{k}"))
    layers.append(keras.layers.Dense(output_units, activation=output_activation, name="output"))
    model = keras.Sequential(layers, name=name)

    if compiled:
        model.compile(
            optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
            loss=loss,
            metrics=metrics,
        )
    return model
