"""Measuring deep learning's challenges: data hunger, compute cost, bias.

Helpers of chapter 7's challenges page: train one recipe on training sets
of growing size, time a model's training, and take out most of one class
to see a model's errors fall unequally.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from dlcourse._checks import (
    _describe,
    check_array,
    check_choice,
    check_int,
    check_labels,
    check_same_length,
)


def stratified_subset(y: Any, size: int, seed: int = 0) -> np.ndarray:
    """Row indices of a random subset of ``size`` rows, every class kept in its share.

    Each class gets at least one row, so a small subset still holds all
    classes.

    Examples
    --------
    >>> import numpy as np
    >>> rows = stratified_subset(np.array([0] * 50 + [1] * 50), 10)
    >>> len(rows), int(np.bincount(np.array([0] * 50 + [1] * 50)[rows])[0])
    (10, 5)
    """
    y = check_labels("y", y)
    size = check_int("size", size, minimum=1)
    seed = check_int("seed", seed, minimum=0)
    classes = np.unique(y)
    if size < len(classes) or size > len(y):
        raise ValueError(
            f"size must be between the number of classes ({len(classes)}) and the number of "
            f"rows ({len(y)}), got {size}"
        )
    if size == len(y):
        return np.arange(len(y))
    from sklearn.model_selection import train_test_split

    rows, _ = train_test_split(np.arange(len(y)), train_size=size, random_state=seed,
                               stratify=y)
    return np.sort(rows)


def accuracy_by_size(
    train: Callable[[np.ndarray, np.ndarray], Any],
    X_train: Any,
    y_train: Any,
    X_test: Any,
    y_test: Any,
    sizes: Sequence[int],
    *,
    seed: int = 0,
) -> dict[int, float]:
    """Test accuracy of one training recipe on training sets of growing size.

    For each size, a stratified random subset of the training rows is
    drawn (the same seed for every size), ``train(X, y)`` fits a fresh model
    on it and returns it, and its accuracy on the *whole* test set is
    recorded. ``train`` may return any model
    :func:`dlcourse.evaluation.accuracy` accepts (Keras or scikit-learn).

    Returns
    -------
    dict
        ``{size: test accuracy}``, in the order of ``sizes``.

    Examples
    --------
    >>> from sklearn.linear_model import LogisticRegression
    >>> from dlcourse.data import load_digits
    >>> data = load_digits()
    >>> curve = accuracy_by_size(lambda X, y: LogisticRegression().fit(X, y),
    ...                          data.X_train, data.y_train, data.X_test, data.y_test,
    ...                          [50, 400])
    >>> curve[50] < curve[400]
    True
    """
    from dlcourse.evaluation import accuracy

    if not callable(train):
        raise TypeError(
            f"train must be a function train(X, y) returning a fitted model, got {_describe(train)}"
        )
    X_train = check_array("X_train", X_train, ndim=(2, 3, 4))
    y_train = check_labels("y_train", y_train)
    check_same_length("X_train", X_train, "y_train", y_train)
    X_test = check_array("X_test", X_test, ndim=X_train.ndim)
    y_test = check_labels("y_test", y_test)
    check_same_length("X_test", X_test, "y_test", y_test)
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Sequence) or not sizes:
        raise TypeError(f"sizes must be a non-empty list of row counts, got {_describe(sizes)}")
    sizes = [check_int(f"sizes[{k}]", n, minimum=1) for k, n in enumerate(sizes)]
    seed = check_int("seed", seed, minimum=0)
    scores = {}
    for size in sizes:
        rows = stratified_subset(y_train, size, seed)
        model = train(X_train[rows], y_train[rows])
        scores[size] = accuracy(model, X_test, y_test)
    return scores


def training_seconds(train: Callable[[], Any]) -> tuple[Any, float]:
    """Run ``train()`` and return what it returns with the seconds it took (wall clock).

    Examples
    --------
    >>> result, seconds = training_seconds(lambda: sum(range(1000)))
    >>> result, seconds >= 0
    (499500, True)
    """
    if not callable(train):
        raise TypeError(f"train must be a function of no arguments, got {_describe(train)}")
    start = time.perf_counter()
    result = train()
    return result, time.perf_counter() - start


def thin_out_class(y: Any, label: int, keep: int, seed: int = 0) -> np.ndarray:
    """Row indices of all rows except most of one class: only ``keep`` of ``label`` stay.

    Simulates a group that is under-represented in the training data.

    Examples
    --------
    >>> import numpy as np
    >>> y = np.array([0, 0, 0, 1, 1, 1])
    >>> y[thin_out_class(y, 1, keep=1)].tolist()
    [0, 0, 0, 1]
    """
    y = check_labels("y", y)
    label = check_int("label", label, minimum=0)
    keep = check_int("keep", keep, minimum=0)
    seed = check_int("seed", seed, minimum=0)
    members = np.flatnonzero(y == label)
    if len(members) == 0:
        raise ValueError(f"label {label} does not occur in y (labels {np.unique(y).tolist()})")
    if keep > len(members):
        raise ValueError(f"keep must be at most the {len(members)} rows of label {label}, got {keep}")
    kept = np.random.default_rng(seed).choice(members, size=keep, replace=False)
    return np.sort(np.concatenate([np.flatnonzero(y != label), kept]))


def recall_per_class(y_true: Any, y_pred: Any, n_classes: int) -> np.ndarray:
    """The share of each class's rows that are predicted right (its recall).

    Examples
    --------
    >>> recall_per_class([0, 0, 1, 1], [0, 0, 1, 0], 2).tolist()
    [1.0, 0.5]
    """
    n_classes = check_int("n_classes", n_classes, minimum=2)
    y_true = check_labels("y_true", y_true, n_classes=n_classes)
    y_pred = check_labels("y_pred", y_pred, n_classes=n_classes)
    check_same_length("y_true", y_true, "y_pred", y_pred)
    counts = np.bincount(y_true, minlength=n_classes)
    if (counts == 0).any():
        missing = np.flatnonzero(counts == 0).tolist()
        raise ValueError(f"y_true holds no row of class(es) {missing}: their recall is undefined")
    hits = np.bincount(y_true[y_true == y_pred], minlength=n_classes)
    return hits / counts


def seconds_per_epoch(
    model: Any, x: Any, y: Any, *, epochs: int = 3, batch_size: int = 32, clock: str = "wall"
) -> float:
    """Seconds of one training epoch of ``model`` on ``x``, ``y``.

    Trains for ``epochs`` epochs with :func:`dlcourse.training.fit` (no
    validation) and returns the fastest epoch after the first, which also
    pays for building the graph (with ``epochs=1``, that first epoch).
    The model's weights change: time a copy, or a model you will retrain.

    ``clock="wall"`` measures elapsed time; ``clock="cpu"`` the processor
    time of this process (all its threads), which other programs running
    on the same machine do not inflate.

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.models import build_mlp
    >>> model = build_mlp(4, hidden_units=(8,), output_units=3, output_activation="softmax")
    >>> seconds = seconds_per_epoch(model, np.zeros((64, 4)), np.zeros(64))
    >>> 0 < seconds < 60
    True
    """
    from dlcourse._keras import keras
    from dlcourse.training import fit

    if not isinstance(model, keras.Model):
        raise TypeError(f"model must be a compiled keras.Model, got {_describe(model)}")
    epochs = check_int("epochs", epochs, minimum=1)
    batch_size = check_int("batch_size", batch_size, minimum=1)
    clock = check_choice("clock", clock, ("wall", "cpu"))
    now = time.perf_counter if clock == "wall" else time.process_time

    class _EpochTimer(keras.callbacks.Callback):
        def __init__(self) -> None:
            super().__init__()
            self.seconds: list[float] = []

        def on_epoch_begin(self, epoch: int, logs: Any = None) -> None:
            self._start = now()

        def on_epoch_end(self, epoch: int, logs: Any = None) -> None:
            self.seconds.append(now() - self._start)

    timer = _EpochTimer()
    fit(model, x, y, epochs=epochs, batch_size=batch_size, validation_split=0.0,
        callbacks=[timer])
    return float(min(timer.seconds[1:] or timer.seconds))
