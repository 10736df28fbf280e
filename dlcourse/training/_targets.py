"""Whether targets fit a model's output layer and loss, and metrics its loss (used by ``fit``)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse._checks import check_labels
from dlcourse._keras import keras

__all__ = ["accuracy_metric_warning", "check_targets", "loss_name"]

#: Names a regression loss goes by (``"mse"``, ``keras.losses.MeanSquaredError()``, ...).
REGRESSION_LOSSES = frozenset({
    "mean_squared_error", "mse", "mean_absolute_error", "mae",
    "mean_absolute_percentage_error", "mape", "mean_squared_logarithmic_error", "msle",
    "huber", "huber_loss", "log_cosh", "logcosh",
})

#: Names of Keras' accuracy metrics, as strings or as their classes' names.
ACCURACY_METRICS = frozenset({
    "accuracy", "acc", "binary_accuracy", "categorical_accuracy",
    "sparse_categorical_accuracy", "top_k_categorical_accuracy",
    "sparse_top_k_categorical_accuracy", "Accuracy", "BinaryAccuracy", "CategoricalAccuracy",
    "SparseCategoricalAccuracy", "TopKCategoricalAccuracy", "SparseTopKCategoricalAccuracy",
})


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
    TensorFlow on labels out of range, one-hot labels for a sparse loss or
    for a single sigmoid unit (and leave the model unable to train again),
    or class labels for a sigmoid output. Each step below checks one loss.
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
        return _sparse_labels(name, y, units)
    if loss == "categorical_crossentropy":
        return _one_hot_rows(name, y, units)
    if loss == "binary_crossentropy":
        return _binary_targets(name, y, units)
    return _regression_targets(name, y, units, loss)


def _sparse_labels(name: str, y: np.ndarray, units: int) -> np.ndarray:
    """Integer labels 0 .. units-1 for ``sparse_categorical_crossentropy``."""
    if units == 1:
        raise ValueError(
            "the model has 1 output unit, but sparse_categorical_crossentropy needs one "
            "unit per class: use Dense(n_classes, 'softmax'), or for two classes "
            "Dense(1, 'sigmoid') with binary_crossentropy"
        )
    return check_labels(name, y, n_classes=units)


def _one_hot_rows(name: str, y: np.ndarray, units: int) -> np.ndarray:
    """Rows of ``units`` values in [0, 1] for ``categorical_crossentropy``."""
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
    if y.min() < 0 or y.max() > 1:
        raise ValueError(
            f"{name} must hold values in [0, 1] for the loss categorical_crossentropy, got "
            f"values from {y.min():g} to {y.max():g}: one-hot rows hold only 0 and 1"
        )
    return y


def _binary_targets(name: str, y: np.ndarray, units: int) -> np.ndarray:
    """Values in [0, 1], one column per sigmoid unit, for ``binary_crossentropy``."""
    if y.min() < 0 or y.max() > 1:
        raise ValueError(
            f"{name} must hold values in [0, 1] for the loss binary_crossentropy, got values "
            f"from {y.min():g} to {y.max():g}: for {int(y.max()) + 1} classes use "
            f"Dense({int(y.max()) + 1}, 'softmax') with sparse_categorical_crossentropy"
        )
    if units == 1 and y.ndim == 2 and y.shape[1] != 1:
        raise ValueError(
            f"{name} has shape {y.shape} (one-hot rows?), but the model has 1 sigmoid output "
            f"unit, which wants one 0/1 label per row, shape (n,): pass {name}.argmax(axis=1), "
            f"or for one-hot rows use Dense({y.shape[1]}, 'softmax') with "
            "categorical_crossentropy"
        )
    if units > 1 and (y.ndim == 1 or y.shape[1] != units):
        raise ValueError(
            f"the model has {units} sigmoid outputs (one yes/no answer each: multi-label), "
            f"so {name} must have shape (n, {units}), got {y.shape}; for one class per "
            f"row use Dense({units}, 'softmax') with sparse_categorical_crossentropy"
        )
    return y


def _regression_targets(name: str, y: np.ndarray, units: int, loss: str) -> np.ndarray:
    """One target column per output unit, for a regression loss."""
    columns = 1 if y.ndim == 1 else y.shape[1]
    if columns != units:
        raise ValueError(
            f"{name} has {columns} target column(s), but the model has {units} output "
            f"unit(s) and the regression loss {loss}"
        )
    return y


def _metric_names(metrics: Any) -> list[str]:
    """The names of compiled metrics, however given: strings, objects, functions, nested."""
    if metrics is None:
        return []
    if isinstance(metrics, dict):
        if "class_name" in metrics:  # a serialized metric (get_compile_config)
            config = metrics.get("config")
            return [metrics["class_name"]] + ([config["name"]] if isinstance(config, dict)
                                              and isinstance(config.get("name"), str) else [])
        return [n for value in metrics.values() for n in _metric_names(value)]
    if isinstance(metrics, (list, tuple)):
        return [n for value in metrics for n in _metric_names(value)]
    if isinstance(metrics, str):
        return [metrics]
    names = [type(metrics).__name__]
    for attribute in ("name", "__name__"):
        value = getattr(metrics, attribute, None)
        if isinstance(value, str):
            names.append(value)
    return names


def _compiled_metrics(model: keras.Model) -> list[str]:
    """Names of the metrics ``model`` was compiled with (plain and weighted)."""
    compiled = getattr(model, "_compile_metrics", None)
    if compiled is not None:
        return (_metric_names(getattr(compiled, "_user_metrics", None))
                + _metric_names(getattr(compiled, "_user_weighted_metrics", None)))
    try:
        config = model.get_compile_config() or {}
    except (AttributeError, TypeError, ValueError):
        return []
    return _metric_names(config.get("metrics")) + _metric_names(config.get("weighted_metrics"))


def accuracy_metric_warning(model: Any) -> str | None:
    """A warning when ``model`` is compiled with a regression loss and an accuracy metric.

    Accuracy counts predictions that equal the target exactly (Keras cuts
    a single output at 0.5 first), so next to a regression loss such as
    MSE it is a meaningless number that looks like a score. Returns the
    warning text, naming the metric and what to use instead, or None
    when there is nothing to warn about (a classification loss, no
    accuracy metric, an uncompiled model or one with several outputs).

    Examples
    --------
    >>> import keras
    >>> model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    >>> model.compile(loss="mse", metrics=["accuracy"])
    >>> print(accuracy_metric_warning(model))  # doctest: +ELLIPSIS
    the model is compiled with the regression loss mean_squared_error and the metric 'accuracy'...
    """
    if not isinstance(model, keras.Model) or getattr(model, "loss", None) is None:
        return None
    loss = loss_name(model)
    if loss not in REGRESSION_LOSSES:
        return None
    found = [n for n in _compiled_metrics(model) if n in ACCURACY_METRICS]
    if not found:
        return None
    return (
        f"the model is compiled with the regression loss {loss} and the metric {found[0]!r}: "
        "accuracy counts predictions that equal the target exactly (after cutting at 0.5), "
        "which means nothing for a regression. Compile with metrics=['mae'] or "
        "metrics=[keras.metrics.RootMeanSquaredError()] instead"
    )
