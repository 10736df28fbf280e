"""Argument checks shared by the model builders."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from dlcourse._checks import check_int, renamed_argument
from dlcourse._keras import keras


def check_activation(name: str, value: Any) -> str | Callable | None:
    """Return ``value`` if Keras knows it as an activation, else raise.

    Accepts a Keras activation name (``"relu"``, ``"sigmoid"``, ...), a
    callable, or ``None`` (no activation, i.e. linear).
    """
    if value is None or callable(value):
        return value
    if not isinstance(value, str):
        raise TypeError(
            f"{name} must be an activation name such as 'relu' or a callable, "
            f"got {value!r} (type {type(value).__name__})"
        )
    try:
        keras.activations.get(value)
    except (ValueError, TypeError):
        raise ValueError(
            f"{name} must be a Keras activation name such as 'relu', 'tanh', "
            f"'sigmoid', 'softmax' or 'linear', got {value!r}"
        ) from None
    return value


def check_units(name: str, units: Any) -> tuple[int, ...]:
    if isinstance(units, (str, bytes)) or not isinstance(units, Sequence):
        raise TypeError(
            f"{name} must be a sequence of positive integers such as (64, 32), got {units!r}"
        )
    for k, n in enumerate(units):
        check_int(f"{name}[{k}]", n, minimum=1)
    return tuple(int(n) for n in units)


def activation_name(value: str | Callable | None) -> str | None:
    """The name of an activation given as a name, a Keras function or None (linear)."""
    if value is None:
        return "linear"
    if isinstance(value, str):
        return value
    return getattr(value, "__name__", None)


def loss_for_output(name: str, activation: str | Callable | None, units: int) -> tuple[str, list[str]]:
    """Return the loss and metrics that suit an output layer, or raise if it cannot learn.

    ``sigmoid`` -> binary cross-entropy (one unit: binary; several:
    multi-label); ``softmax`` -> sparse categorical cross-entropy (needs at
    least 2 units); anything else -> mean squared error (regression).
    Callables count by their name, so ``keras.activations.softmax`` is
    treated as ``"softmax"``.
    """
    kind = activation_name(activation)
    if kind == "softmax":
        if units < 2:
            raise ValueError(
                f"{name}='softmax' over {units} output unit always outputs 1 and cannot learn: "
                "for two classes use output_units=1 with 'sigmoid', for k classes "
                "output_units=k with 'softmax'"
            )
        return "sparse_categorical_crossentropy", ["accuracy"]
    if kind == "sigmoid":
        return "binary_crossentropy", ["accuracy"]
    return "mse", ["mae"]


def check_name(name: Any) -> str:
    """Return a model's ``name`` if it is a non-empty string, else raise."""
    if not isinstance(name, str) or not name:
        raise TypeError(f"name must be a non-empty string, got {name!r}")
    return name


def compile_classifier(model: keras.Model, learning_rate: float) -> keras.Model:
    """Compile a softmax classifier of integer labels: Adam, sparse cross-entropy, accuracy."""
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def n_classes_argument(n_classes: Any, num_classes: Any) -> Any:
    """``n_classes``, or the deprecated keyword ``num_classes`` that it replaces."""
    n_classes = renamed_argument("n_classes", n_classes, "num_classes", num_classes)
    if n_classes is None:
        raise TypeError("n_classes is required: the number of classes, >= 2")
    return n_classes
