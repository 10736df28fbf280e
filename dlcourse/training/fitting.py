"""Seeding and training helpers."""

from __future__ import annotations

import contextlib
import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dlcourse._checks import (
    check_bool,
    check_choice,
    check_float,
    check_int,
    check_keras_model,
    check_path,
)
from dlcourse._keras import keras
from dlcourse.training._guards import StopOnNonFinite, divergence_message
from dlcourse.training._inputs import (
    Data,
    builtin_loss,
    check_class_weight,
    check_data,
    is_stream,
    stream_kind,
)
from dlcourse.training._resume import (
    backup_callback,
    fingerprint,
    finished_epochs,
    open_state,
    remove_state,
)
from dlcourse.training._split import class_labels, hold_out
from dlcourse.training._targets import accuracy_metric_warning
from dlcourse.training.pipeline import array_dataset

__all__ = ["fit"]


def fit(
    model: keras.Model,
    x: Any,
    y: Any = None,
    epochs: int = 100,
    *,
    batch_size: int = 32,
    validation_split: float = 0.2,
    validation_data: Any = None,
    holdout: str = "random",
    shuffle: bool = True,
    sample_weight: Any = None,
    class_weight: dict[int, float] | None = None,
    initial_epoch: int = 0,
    early_stopping: bool = False,
    patience: int = 10,
    verbose: int = 0,
    callbacks: keras.callbacks.Callback | Sequence[keras.callbacks.Callback] | None = None,
    checkpoint_dir: str | Path | None = None,
    strategy: Any = None,
) -> keras.callbacks.History:
    """Train ``model`` with the book's defaults and return its History.

    A checked layer over ``model.fit``: it checks the inputs, holds out a
    validation set, feeds the arrays through a ``tf.data`` pipeline that
    gathers shuffled batches by row index (no copy of a large training
    set), trains quietly (the book plots the history instead of printing
    progress bars) and can stop early when the validation loss has not
    improved for ``patience`` epochs, restoring the best weights. A run
    whose loss becomes NaN or infinite stops at the end of that epoch with
    a ``FloatingPointError`` naming the likely cause (its ``history``
    attribute holds the epochs run).

    Parameters
    ----------
    model : keras.Model
        A compiled model.
    x : array-like of shape (n_samples, ...), list of them, or dataset
        Inputs: one array, or for a model with several inputs a list (or
        dict, by input name) of arrays, one per input. Or a
        ``tf.data.Dataset`` or ``keras.utils.PyDataset`` yielding batches
        ``(inputs, targets)`` or ``(inputs, targets, sample_weights)``:
        then ``y`` and ``sample_weight`` stay None, the arrays are not
        checked, ``batch_size`` is the dataset's own, and as no rows can
        be held out, ``validation_data`` must be given or
        ``validation_split=0``.
    y : array-like of shape (n_samples,) or (n_samples, n_outputs), optional
        Targets (required with arrays); same number of rows as ``x``, and,
        for a Keras loss, fitting the model's output and loss: integer
        labels ``0 .. k-1`` for ``sparse_categorical_crossentropy`` (k
        output units), one-hot rows for ``categorical_crossentropy``,
        values in [0, 1] for ``binary_crossentropy`` (one column per
        sigmoid unit), one column per output unit for a regression loss.
        Anything else is refused with the fix named, before Keras sees it.
        A loss of one's own (a function or ``keras.losses.Loss`` subclass)
        may take any finite targets.
    epochs : int, default 100
        Maximum number of passes over the training data (also by position:
        ``fit(model, x, y, 20)``).
    batch_size : int, default 32
        Samples per gradient step.
    validation_split : float, default 0.2
        Fraction of the rows held out to validate, in [0, 1): ``n -
        ceil(n * (1 - validation_split))`` rows (Keras rounds the other way,
        keras/src/trainers/data_adapters/array_slicing.py, so it holds out
        one row more or the same). Ignored when
        ``validation_data`` is given. Which rows: see ``holdout``.
    validation_data : (x_val, y_val), (x_val, y_val, sample_weight_val) or dataset, optional
        An explicit validation set, checked like ``x``, ``y`` and
        ``sample_weight``.
    holdout : {"random", "last"}, default "random"
        Which rows ``validation_split`` holds out. ``"random"``: rows drawn
        at random (from NumPy's global generator, seeded by
        :func:`~dlcourse.training.set_seed`), stratified for class labels
        (sparse or one-hot categorical targets, 0/1 targets of one sigmoid
        unit, integer targets of a loss of one's own) so each class keeps
        its share on both sides, as long as every class has two rows or
        more. Rows sorted by class thus never leave a class untrained.
        ``"last"``: the last rows, unshuffled, as Keras'
        ``validation_split`` does; for time series, where validating on
        the latest rows avoids training on the future.
    shuffle : bool, default True
        Reshuffle the training rows every epoch (seeded by TensorFlow's
        global seed, see :func:`~dlcourse.training.set_seed`); False keeps
        their order. For a ``PyDataset``, passed on to Keras.
    sample_weight : array-like of shape (n_samples,), optional
        A weight >= 0 per row of ``x``, multiplying its loss; the rows held
        out keep theirs for the validation loss.
    class_weight : dict, optional
        ``{class label: weight}``, multiplying the loss of each class's
        rows in training (Keras' ``class_weight``).
    initial_epoch : int, default 0
        Epoch to start at (a run continued by hand); must be < ``epochs``.
    early_stopping : bool, default False
        Stop when ``val_loss`` stops improving and restore the best weights.
    patience : int, default 10
        Epochs without improvement before early stopping.
    verbose : int, default 0
        0: silent, 1: progress bar, 2: one line per epoch.
    callbacks : keras.callbacks.Callback or a sequence of them, optional
        Extra callbacks (None: none).
    checkpoint_dir : str or Path, optional
        Save the weights, the optimizer's state and the epoch after every
        epoch, in a subfolder ``dlcourse-fit-state`` that fit creates
        inside ``checkpoint_dir`` (itself created if missing). Run the same
        code again after a crash or a kill and it resumes where it
        stopped: the epochs of both runs add up to ``epochs``, and with
        arrays and the same seed the final weights equal those of an
        uninterrupted run. Next to the state, fit saves a fingerprint of
        the run (the model's layer types and weight shapes, its number of
        parameters, ``epochs``, ``batch_size``, ``initial_epoch``, the
        number of rows): a state saved by another model or other settings
        is refused with a ``ValueError``, never resumed. When training
        ends, fit deletes only the files it wrote in that subfolder, then
        the subfolder if empty; ``checkpoint_dir`` and whatever else it
        holds are never deleted.
    strategy : tf.distribute.Strategy, optional
        Train under this strategy (e.g. ``MirroredStrategy`` for several
        devices). The model must have been built and compiled inside
        ``strategy.scope()`` (for the default strategy,
        ``tf.distribute.get_strategy()``, outside any scope).

    Returns
    -------
    keras.callbacks.History
        ``history.history`` maps ``"loss"``, ``"val_loss"`` and each metric
        to its value per epoch. ``history.validation_rows`` holds the
        indices (sorted) of the rows ``validation_split`` held out, None
        if none were: ``x[history.validation_rows]`` is the validation set.

    Raises
    ------
    TypeError, ValueError
        For inputs or settings that do not fit, with the fix named.
    FloatingPointError
        When the loss became NaN or infinite (training stopped there).

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.data import load_penguins
    >>> from dlcourse.models import build_mlp
    >>> from dlcourse.training import fit
    >>> data = load_penguins()
    >>> model = build_mlp(data.n_features, output_units=3, output_activation="softmax")
    >>> history = fit(model, data.x_train, data.y_train, 5)
    >>> len(history.history["val_loss"])
    5

    The held-out rows are drawn at random, each species keeping its share:

    >>> held_out = data.y_train[history.validation_rows]
    >>> bool(np.all(np.abs(np.bincount(held_out) / len(held_out)
    ...                    - np.bincount(data.y_train) / len(data.y_train)) < 0.02))
    True

    A ``tf.data.Dataset`` brings its own batches, and its validation data:

    >>> import tensorflow as tf
    >>> batches = tf.data.Dataset.from_tensor_slices((data.x_train, data.y_train)).batch(32)
    >>> history = fit(model, batches, epochs=2, validation_split=0)
    >>> sorted(history.history)
    ['accuracy', 'loss']
    """
    _check_model(model)
    _warn_about_accuracy(model)
    train = check_data(model, x, y, sample_weight)
    settings = _check_settings(
        model, epochs=epochs, batch_size=batch_size, validation_split=validation_split,
        holdout=holdout, shuffle=shuffle, class_weight=class_weight, initial_epoch=initial_epoch,
        early_stopping=early_stopping, patience=patience, verbose=verbose,
        checkpoint_dir=checkpoint_dir, strategy=strategy)
    validation = _check_validation(model, train, validation_data, settings)
    train_rows, validation_rows = _hold_out_validation(model, train, validation, settings)
    state = _open_state(model, train, train_rows, settings)
    callbacks, guard = _build_callbacks(callbacks, settings, state)
    train_data, validation_data, steps = _build_datasets(
        train, train_rows, validation, validation_rows, settings, state)
    history = _run(model, train_data, validation_data, steps, callbacks, settings)
    if state is not None:
        remove_state(state)
    history.validation_rows = validation_rows
    if guard.diverged_at is not None:
        error = FloatingPointError(divergence_message(*guard.diverged_at, model, train.inputs))
        error.history = history
        raise error
    return history


def _warn_about_accuracy(model: keras.Model) -> None:
    """Warn when a regression is compiled with an accuracy metric (a number that means nothing)."""
    message = accuracy_metric_warning(model)
    if message is not None:
        warnings.warn(message, UserWarning, stacklevel=3)


@dataclass(frozen=True)
class _Settings:
    """fit's checked settings."""

    epochs: int
    batch_size: int
    validation_split: float
    holdout: str
    shuffle: bool
    class_weight: dict[int, float] | None
    initial_epoch: int
    early_stopping: bool
    patience: int
    verbose: int
    checkpoint_dir: Path | None
    strategy: Any


def _check_model(model: Any) -> None:
    check_keras_model("model", model)
    if not model.compiled:
        raise ValueError(
            "model must be compiled before fitting: call model.compile(optimizer=..., loss=...) first"
        )


def _check_settings(model: keras.Model, **given: Any) -> _Settings:
    """Check fit's settings, each alone (how they fit together: ``_check_validation``)."""
    epochs = check_int("epochs", given["epochs"], minimum=1)
    initial_epoch = check_int("initial_epoch", given["initial_epoch"], minimum=0)
    if initial_epoch >= epochs:
        raise ValueError(
            f"initial_epoch must be < epochs, got initial_epoch={initial_epoch} and "
            f"epochs={epochs}: training runs epochs initial_epoch + 1 .. epochs"
        )
    checkpoint_dir = given["checkpoint_dir"]
    _check_strategy(given["strategy"], model)
    return _Settings(
        epochs=epochs,
        batch_size=check_int("batch_size", given["batch_size"], minimum=1),
        validation_split=check_float("validation_split", given["validation_split"], low=0,
                                     high=1, high_open=True),
        holdout=check_choice("holdout", given["holdout"], ("random", "last")),
        shuffle=check_bool("shuffle", given["shuffle"]),
        class_weight=check_class_weight(given["class_weight"]),
        initial_epoch=initial_epoch,
        early_stopping=check_bool("early_stopping", given["early_stopping"]),
        patience=check_int("patience", given["patience"], minimum=0),
        verbose=check_int("verbose", given["verbose"], minimum=0),
        checkpoint_dir=None if checkpoint_dir is None else check_path("checkpoint_dir",
                                                                       checkpoint_dir),
        strategy=given["strategy"],
    )


def _check_strategy(strategy: Any, model: keras.Model) -> None:
    if strategy is None:
        return
    from dlcourse._keras import tf

    if not isinstance(strategy, tf.distribute.Strategy):
        raise TypeError(
            f"strategy must be a tf.distribute.Strategy or None, got {type(strategy).__name__}"
        )
    built_in = getattr(model, "_distribute_strategy", None)
    # A model built outside any scope belongs to the default strategy
    # (what tf.distribute.get_strategy() returns there).
    default = type(strategy).__name__ == "_DefaultDistributionStrategy"
    if built_in is not strategy and not (built_in is None and default):
        raise ValueError(
            "the model was built outside strategy.scope(): build and compile it inside "
            "`with strategy.scope():` so its variables are placed on the strategy's devices, "
            "then pass strategy= to fit"
        )


def _check_validation(model: keras.Model, train: Data, validation_data: Any,
                      settings: _Settings) -> Data | None:
    """The explicit validation data, checked; refuse a hold-out or early stop without data."""
    if validation_data is not None:
        if is_stream(validation_data):
            return Data(validation_data)
        if not isinstance(validation_data, (tuple, list)) or len(validation_data) not in (2, 3):
            raise TypeError(
                "validation_data must be a pair (x_val, y_val), a triple (x_val, y_val, "
                "sample_weight_val), or a tf.data.Dataset"
            )
        names = ("validation_data[0]", "validation_data[1]", "validation_data[2]")
        return check_data(model, *validation_data, *[None] * (3 - len(validation_data)),
                          names=names, like=train)
    if train.is_stream and settings.validation_split > 0:
        raise ValueError(
            f"validation_split={settings.validation_split:g} cannot hold out rows of a "
            f"{stream_kind(train.x)}: pass validation_data=..., or validation_split=0 to "
            "train without validation"
        )
    if settings.early_stopping and settings.validation_split == 0:
        fix = "pass validation_data" if train.is_stream else "set validation_split > 0"
        raise ValueError(f"early_stopping needs validation data: {fix}")
    return None


def _hold_out_validation(model: keras.Model, train: Data, validation: Data | None,
                         settings: _Settings) -> tuple[np.ndarray | None, np.ndarray | None]:
    """The training and validation rows of ``train`` (None, None: no hold-out)."""
    if train.is_stream or validation is not None or settings.validation_split == 0:
        return None, None
    labels = None
    if settings.holdout == "random":
        labels = class_labels(train.y, model, builtin_loss=builtin_loss(model))
    return hold_out(len(train), settings.validation_split, settings.holdout, labels)


def _open_state(model: keras.Model, train: Data, train_rows: np.ndarray | None,
                settings: _Settings) -> Path | None:
    """The folder fit owns in ``checkpoint_dir`` (None without one), checked to be this run's."""
    if settings.checkpoint_dir is None:
        return None
    run = fingerprint(
        model, epochs=settings.epochs, batch_size=settings.batch_size,
        initial_epoch=settings.initial_epoch,
        rows=None if train.is_stream else len(train),
        training_rows=None if train_rows is None else len(train_rows))
    return open_state(settings.checkpoint_dir, run)


def _build_callbacks(given: Any, settings: _Settings, state: Path | None,
                     ) -> tuple[list[keras.callbacks.Callback], StopOnNonFinite]:
    """The user's callbacks, then early stopping, the NaN guard and the backup."""
    callbacks = _as_callbacks(given)
    if settings.early_stopping:
        callbacks.append(keras.callbacks.EarlyStopping(
            monitor="val_loss", patience=settings.patience, restore_best_weights=True))
    guard = StopOnNonFinite()
    callbacks.append(guard)
    if state is not None:
        callbacks.append(backup_callback(state))
    return callbacks, guard


def _as_callbacks(callbacks: Any) -> list[keras.callbacks.Callback]:
    """A list of callbacks from None, one callback or a sequence of them."""
    if callbacks is None:
        return []
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


def _build_datasets(train: Data, train_rows: np.ndarray | None, validation: Data | None,
                    validation_rows: np.ndarray | None, settings: _Settings,
                    state: Path | None) -> tuple[Any, Any, int | None]:
    """The training and validation pipelines, and the steps per epoch (None: one pass)."""
    batch_size = settings.batch_size
    if validation_rows is not None:
        validation_data = array_dataset(train.arrays, batch_size, rows=validation_rows,
                                        shuffle=False)
    elif validation is not None and not validation.is_stream:
        validation_data = array_dataset(validation.arrays, batch_size, shuffle=False)
    else:
        validation_data = None if validation is None else validation.x
    if train.is_stream:
        return train.x, validation_data, None
    if state is None:
        return array_dataset(train.arrays, batch_size, rows=train_rows,
                             shuffle=settings.shuffle), validation_data, None
    # One seeded stream of batches over all epochs, so a resumed run skips
    # what the interrupted one used and sees the same batches.
    steps = math.ceil((len(train) if train_rows is None else len(train_rows)) / batch_size)
    seed = int(np.random.randint(2**31 - 1))
    done = max(0, finished_epochs(state) - settings.initial_epoch)
    stream = array_dataset(train.arrays, batch_size, rows=train_rows, shuffle=settings.shuffle,
                           seed=seed, repeat=True, skip=done * steps)
    return stream, validation_data, steps


def _run(model: keras.Model, train: Any, validation: Any, steps: int | None,
         callbacks: list[keras.callbacks.Callback], settings: _Settings,
         ) -> keras.callbacks.History:
    """``model.fit`` on the pipelines, under the strategy's scope if one is given."""
    extra = {} if steps is None else {"steps_per_epoch": steps}
    scope = contextlib.nullcontext() if settings.strategy is None else settings.strategy.scope()
    with scope:
        return model.fit(
            train,
            validation_data=validation,
            epochs=settings.epochs,
            initial_epoch=settings.initial_epoch,
            callbacks=callbacks,
            class_weight=settings.class_weight,
            verbose=settings.verbose,
            # Our pipelines shuffle themselves; Keras shuffles only a PyDataset's batches.
            shuffle=settings.shuffle and isinstance(train, keras.utils.PyDataset),
            **extra,
        )
