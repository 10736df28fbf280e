"""Whether targets fit a model's output layer and loss (used by ``fit``)."""

from __future__ import annotations

import numpy as np

from dlcourse._checks import check_labels
from dlcourse._keras import keras

__all__ = ["check_targets", "loss_name"]


def loss_name(model: keras.Model) -> str | None:
    """The name of the model's loss (``"binary_crossentropy"``, ...), or None if unknown."""
    loss = model.loss
    if isinstance(loss, (dict, list, tuple)):
        return None  # several outputs: Keras checks those itself
    try:
        loss = keras.losses.get(loss)
    except (ValueError, TypeError):
        pass
    name = getattr(loss, "name", None) or getattr(loss, "__name__", None)
    return name if isinstance(name, str) else None


def check_targets(name: str, y: np.ndarray, model: keras.Model) -> np.ndarray:
    """Raise unless ``y`` fits the model's output layer and loss.

    Keras would otherwise truncate float labels silently, or fail deep inside
    TensorFlow on labels out of range, one-hot labels for a sparse loss, or
    class labels for a sigmoid output.
    """
    try:
        output_shape = tuple(model.output_shape)
    except (AttributeError, ValueError, TypeError):
        return y
    loss = loss_name(model)
    if loss is None or len(output_shape) != 2 or not isinstance(output_shape[1], int):
        return y
    units = output_shape[1]
    if loss == "sparse_categorical_crossentropy":
        if units == 1:
            raise ValueError(
                "the model has 1 output unit, but sparse_categorical_crossentropy needs one "
                "unit per class: use Dense(n_classes, 'softmax'), or for two classes "
                "Dense(1, 'sigmoid') with binary_crossentropy"
            )
        return check_labels(name, y, n_classes=units)
    if loss == "categorical_crossentropy":
        if y.ndim == 1 or y.shape[1] == 1:
            raise ValueError(
                f"{name} holds one integer label per row, but the loss categorical_crossentropy "
                f"wants one-hot rows of shape (n, {units}): pass "
                f"keras.utils.to_categorical({name}, {units}), or compile with "
                "loss='sparse_categorical_crossentropy'"
            )
        if y.shape[1] != units:
            raise ValueError(
                f"{name} has {y.shape[1]} columns, but the model has {units} output units"
            )
    if loss in ("categorical_crossentropy", "binary_crossentropy"):
        if y.min() < 0 or y.max() > 1:
            hint = (
                f"for {int(y.max()) + 1} classes use Dense({int(y.max()) + 1}, 'softmax') "
                "with sparse_categorical_crossentropy"
                if loss == "binary_crossentropy" else "one-hot rows hold only 0 and 1"
            )
            raise ValueError(
                f"{name} must hold values in [0, 1] for the loss {loss}, got values from "
                f"{y.min():g} to {y.max():g}: {hint}"
            )
        if loss == "binary_crossentropy" and units > 1 and (y.ndim == 1 or y.shape[1] != units):
            raise ValueError(
                f"the model has {units} sigmoid outputs (one yes/no answer each: multi-label), "
                f"so {name} must have shape (n, {units}), got {y.shape}; for one class per "
                f"row use Dense({units}, 'softmax') with sparse_categorical_crossentropy"
            )
        return y
    # A regression loss: one target column per output unit.
    columns = 1 if y.ndim == 1 else y.shape[1]
    if columns != units:
        raise ValueError(
            f"{name} has {columns} target column(s), but the model has {units} output "
            f"unit(s) and the regression loss {loss}"
        )
    return y
