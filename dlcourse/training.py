"""Seeding and training helpers."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from dlcourse._checks import (
    check_array,
    check_bool,
    check_float,
    check_int,
    check_labels,
    check_model_input,
    check_same_length,
)
from dlcourse._keras import keras


def set_seed(seed: int = 0, *, deterministic: bool = False) -> None:
    """Seed Python, NumPy and TensorFlow so a chapter's numbers repeat.

    Call it once at the top of a notebook (and again before a run that must
    reproduce on its own).

    Parameters
    ----------
    seed : int, default 0
        The seed, >= 0.
    deterministic : bool, default False
        Also force TensorFlow's ops to be deterministic. The book's models
        already repeat exactly on a CPU without it; turn it on for a GPU,
        where some ops are otherwise non-deterministic (it costs speed).

    Examples
    --------
    >>> from dlcourse.training import set_seed
    >>> set_seed(42)
    """
    seed = check_int("seed", seed, minimum=0)
    deterministic = check_bool("deterministic", deterministic)
    keras.utils.set_random_seed(seed)
    if deterministic:
        import tensorflow as tf

        tf.config.experimental.enable_op_determinism()


def _check_model(model: Any) -> None:
    if not isinstance(model, keras.Model):
        raise TypeError(f"model must be a keras.Model, got {type(model).__name__}")
    if not model.compiled:
        raise ValueError(
            "model must be compiled before fitting: call model.compile(optimizer=..., loss=...) first"
        )


def _loss_name(model: keras.Model) -> str | None:
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


def _check_targets(name: str, y: np.ndarray, model: keras.Model) -> np.ndarray:
    """Raise unless ``y`` fits the model's output layer and loss.

    Keras would otherwise truncate float labels silently, or fail deep inside
    TensorFlow on labels out of range, one-hot labels for a sparse loss, or
    class labels for a sigmoid output.
    """
    try:
        output_shape = tuple(model.output_shape)
    except (AttributeError, ValueError, TypeError):
        return y
    loss = _loss_name(model)
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


def _as_callbacks(callbacks: Any) -> list[keras.callbacks.Callback]:
    """A list of callbacks from one callback or a sequence of them."""
    if isinstance(callbacks, keras.callbacks.Callback):
        return [callbacks]
    if isinstance(callbacks, (str, bytes)) or not isinstance(callbacks, Sequence):
        raise TypeError(
            "callbacks must be a keras.callbacks.Callback or a list of them, "
            f"got {type(callbacks).__name__}"
        )
    for k, callback in enumerate(callbacks):
        if not isinstance(callback, keras.callbacks.Callback):
            raise TypeError(
                f"callbacks[{k}] must be a keras.callbacks.Callback, got {type(callback).__name__}"
            )
    return list(callbacks)


def fit(
    model: keras.Model,
    x: Any,
    y: Any,
    *,
    epochs: int = 100,
    batch_size: int = 32,
    validation_split: float = 0.2,
    validation_data: tuple[Any, Any] | None = None,
    early_stopping: bool = False,
    patience: int = 10,
    verbose: int = 0,
    callbacks: keras.callbacks.Callback | Sequence[keras.callbacks.Callback] = (),
) -> keras.callbacks.History:
    """Train ``model`` with the book's defaults and return its History.

    A thin layer over ``model.fit``: it checks the inputs, holds out a
    validation split, feeds the arrays through a ``tf.data`` pipeline built
    once (reshuffled every epoch), trains quietly (the book plots the
    history instead of printing progress bars) and can stop early when the
    validation loss has not improved for ``patience`` epochs, restoring the
    best weights.

    Parameters
    ----------
    model : keras.Model
        A compiled model.
    x : array-like of shape (n_samples, ...)
        Inputs.
    y : array-like of shape (n_samples,) or (n_samples, n_outputs)
        Targets; same number of rows as ``x``, and fitting the model's
        output and loss: integer labels ``0 .. k-1`` for
        ``sparse_categorical_crossentropy`` (k output units), one-hot rows
        for ``categorical_crossentropy``, values in [0, 1] for
        ``binary_crossentropy`` (one column per sigmoid unit), one column
        per output unit for a regression loss. Anything else is refused
        with the fix named, before Keras sees it.
    epochs : int, default 100
        Maximum number of passes over the training data.
    batch_size : int, default 32
        Samples per gradient step.
    validation_split : float, default 0.2
        Fraction of ``x``/``y`` (the last rows) held out to validate, in
        [0, 1). Ignored when ``validation_data`` is given.
    validation_data : (x_val, y_val), optional
        An explicit validation set.
    early_stopping : bool, default False
        Stop when ``val_loss`` stops improving and restore the best weights.
    patience : int, default 10
        Epochs without improvement before early stopping.
    verbose : int, default 0
        0: silent, 1: progress bar, 2: one line per epoch.
    callbacks : keras.callbacks.Callback or a sequence of them, optional
        Extra callbacks.

    Returns
    -------
    keras.callbacks.History
        ``history.history`` maps ``"loss"``, ``"val_loss"`` and each metric
        to its value per epoch.

    Examples
    --------
    >>> from dlcourse.data import load_penguins
    >>> from dlcourse.models import build_mlp
    >>> from dlcourse.training import fit
    >>> data = load_penguins()
    >>> model = build_mlp(data.n_features, output_units=3, output_activation="softmax")
    >>> history = fit(model, data.X_train, data.y_train, epochs=5)
    >>> len(history.history["val_loss"])
    5
    """
    _check_model(model)
    x = check_array("x", x, ndim=(2, 3, 4, 5))
    y = check_array("y", y, ndim=(1, 2))
    check_same_length("x", x, "y", y)
    check_model_input("x", model, x)
    y = _check_targets("y", y, model)
    early_stopping = check_bool("early_stopping", early_stopping)
    epochs = check_int("epochs", epochs, minimum=1)
    batch_size = check_int("batch_size", batch_size, minimum=1)
    verbose = check_int("verbose", verbose, minimum=0)
    patience = check_int("patience", patience, minimum=0)
    if validation_data is not None:
        if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
            raise TypeError("validation_data must be a pair (x_val, y_val)")
        x_val = check_array("validation_data[0]", validation_data[0], ndim=x.ndim)
        y_val = check_array("validation_data[1]", validation_data[1], ndim=(1, 2))
        check_same_length("validation_data[0]", x_val, "validation_data[1]", y_val)
        check_model_input("validation_data[0]", model, x_val)
        y_val = _check_targets("validation_data[1]", y_val, model)
        validation_data = (x_val, y_val)
        validation_split = 0.0
    else:
        validation_split = check_float(
            "validation_split", validation_split, low=0, high=1, high_open=True
        )
    if early_stopping and validation_data is None and validation_split == 0:
        raise ValueError("early_stopping needs validation data: set validation_split > 0")

    if validation_data is None and validation_split > 0:
        # Hold out the last rows, exactly as Keras' validation_split does.
        split_at = int(math.ceil(len(x) * (1 - validation_split)))
        x, x_val = x[:split_at], x[split_at:]
        y, y_val = y[:split_at], y[split_at:]
        if len(x) == 0 or len(x_val) == 0:
            raise ValueError(
                f"validation_split={validation_split:g} of {len(x) + len(x_val)} rows leaves "
                "no rows to train or to validate on"
            )
        validation_data = (x_val, y_val)

    callbacks = _as_callbacks(callbacks)
    if early_stopping:
        callbacks.append(
            keras.callbacks.EarlyStopping(
                monitor="val_loss", patience=patience, restore_best_weights=True
            )
        )
    return model.fit(
        _dataset(x, y, batch_size, shuffle=True),
        validation_data=None if validation_data is None else _dataset(
            *validation_data, batch_size, shuffle=False
        ),
        epochs=epochs,
        callbacks=callbacks,
        verbose=verbose,
        shuffle=False,  # the dataset reshuffles itself every epoch
    )


def _dataset(x: np.ndarray, y: np.ndarray, batch_size: int, *, shuffle: bool):
    """Build a cached, batched ``tf.data`` pipeline of in-memory arrays.

    Keras re-wraps NumPy arrays in a new pipeline every epoch, which costs
    more than a small model's whole epoch; building it once halves the
    training time of the book's models.
    """
    import tensorflow as tf

    data = tf.data.Dataset.from_tensor_slices((x.astype(np.float32), y.astype(np.float32)))
    data = data.cache()
    if shuffle:
        # Seeded by set_seed through TensorFlow's global seed.
        data = data.shuffle(len(x), reshuffle_each_iteration=True)
    return data.batch(batch_size).prefetch(tf.data.AUTOTUNE)
