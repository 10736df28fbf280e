"""Seeding and training helpers."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from dlcourse._checks import (
    check_array,
    check_bool,
    check_float,
    check_int,
    check_model_input,
    check_path,
    check_same_length,
)
from dlcourse._keras import keras
from dlcourse.training._guards import StopOnNonFinite, divergence_message
from dlcourse.training._resume import backup_callback, finished_epochs
from dlcourse.training._targets import check_targets
from dlcourse.training.pipeline import in_memory_dataset

__all__ = ["fit"]


def _check_model(model: Any) -> None:
    if not isinstance(model, keras.Model):
        raise TypeError(f"model must be a keras.Model, got {type(model).__name__}")
    if not model.compiled:
        raise ValueError(
            "model must be compiled before fitting: call model.compile(optimizer=..., loss=...) first"
        )


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
    checkpoint_dir: str | Path | None = None,
    strategy: Any = None,
) -> keras.callbacks.History:
    """Train ``model`` with the book's defaults and return its History.

    A thin layer over ``model.fit``: it checks the inputs, holds out a
    validation split, feeds the arrays through a ``tf.data`` pipeline built
    once (reshuffled every epoch), trains quietly (the book plots the
    history instead of printing progress bars) and can stop early when the
    validation loss has not improved for ``patience`` epochs, restoring the
    best weights. A run whose loss becomes NaN or infinite stops at the end
    of that epoch with a ``FloatingPointError`` naming the likely cause
    (its ``history`` attribute holds the epochs run).

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
    checkpoint_dir : str or Path, optional
        Save the weights, the optimizer's state and the epoch there after
        every epoch. Run the same code again after a crash or a kill and it
        resumes where it stopped: the epochs of both runs add up to
        ``epochs``, and with the same seed the final weights equal those of
        an uninterrupted run. The folder is removed when training ends.
    strategy : tf.distribute.Strategy, optional
        Train under this strategy (e.g. ``MirroredStrategy`` for several
        devices). The model must have been built and compiled inside
        ``strategy.scope()``.

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
    >>> history = fit(model, data.x_train, data.y_train, epochs=5)
    >>> len(history.history["val_loss"])
    5
    """
    _check_model(model)
    x = check_array("x", x, ndim=(2, 3, 4, 5))
    y = check_array("y", y, ndim=(1, 2))
    check_same_length("x", x, "y", y)
    check_model_input("x", model, x)
    y = check_targets("y", y, model)
    early_stopping = check_bool("early_stopping", early_stopping)
    epochs = check_int("epochs", epochs, minimum=1)
    batch_size = check_int("batch_size", batch_size, minimum=1)
    verbose = check_int("verbose", verbose, minimum=0)
    patience = check_int("patience", patience, minimum=0)
    if checkpoint_dir is not None:
        checkpoint_dir = check_path("checkpoint_dir", checkpoint_dir)
    _check_strategy(strategy, model)
    if validation_data is not None:
        if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
            raise TypeError("validation_data must be a pair (x_val, y_val)")
        x_val = check_array("validation_data[0]", validation_data[0], ndim=x.ndim)
        y_val = check_array("validation_data[1]", validation_data[1], ndim=(1, 2))
        check_same_length("validation_data[0]", x_val, "validation_data[1]", y_val)
        check_model_input("validation_data[0]", model, x_val)
        y_val = check_targets("validation_data[1]", y_val, model)
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
    guard = StopOnNonFinite()
    callbacks.append(guard)
    extra: dict[str, Any] = {}
    if checkpoint_dir is None:
        train = in_memory_dataset(x, y, batch_size, shuffle=True)
    else:
        # One seeded stream of batches over all epochs, so a resumed run
        # skips what the interrupted one used and sees the same batches.
        steps = math.ceil(len(x) / batch_size)
        seed = int(np.random.randint(2**31 - 1))
        train = in_memory_dataset(x, y, batch_size, shuffle=True, seed=seed, repeat=True).skip(
            finished_epochs(checkpoint_dir) * steps)
        extra["steps_per_epoch"] = steps
        callbacks.append(backup_callback(checkpoint_dir))
    with (strategy.scope() if strategy is not None else contextlib.nullcontext()):
        history = model.fit(
            train,
            validation_data=None if validation_data is None else in_memory_dataset(
                *validation_data, batch_size, shuffle=False
            ),
            epochs=epochs,
            callbacks=callbacks,
            verbose=verbose,
            shuffle=False,  # the dataset reshuffles itself every epoch
            **extra,
        )
    if guard.diverged_at is not None:
        error = FloatingPointError(divergence_message(*guard.diverged_at, model, x))
        error.history = history
        raise error
    return history


def _check_strategy(strategy: Any, model: keras.Model) -> None:
    if strategy is None:
        return
    from dlcourse._keras import tf

    if not isinstance(strategy, tf.distribute.Strategy):
        raise TypeError(
            f"strategy must be a tf.distribute.Strategy or None, got {type(strategy).__name__}"
        )
    if getattr(model, "_distribute_strategy", None) is not strategy:
        raise ValueError(
            "the model was built outside strategy.scope(): build and compile it inside "
            "`with strategy.scope():` so its variables are placed on the strategy's devices, "
            "then pass strategy= to fit"
        )
