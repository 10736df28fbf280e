"""The validation rows ``fit`` holds out: shuffled (stratified for classes), or the last."""

from __future__ import annotations

import math

import numpy as np

from dlcourse._keras import keras
from dlcourse.training._targets import loss_name

__all__ = ["class_labels", "hold_out"]


def class_labels(y: np.ndarray, model: keras.Model, *, builtin_loss: bool) -> np.ndarray | None:
    """One class label per row of ``y`` if it holds classes, else None (a regression).

    Class labels are those of a (sparse) categorical cross-entropy, the 0/1
    labels of one sigmoid unit, and, for a custom loss, integer targets.
    """
    column = y if y.ndim == 1 else (y[:, 0] if y.shape[1] == 1 else None)
    loss = loss_name(model) if builtin_loss else None
    if loss == "sparse_categorical_crossentropy":
        return column
    if loss == "categorical_crossentropy" and y.ndim == 2:
        return y.argmax(axis=1)
    if loss == "binary_crossentropy" and column is not None and np.isin(column, (0, 1)).all():
        return column
    if not builtin_loss and column is not None and column.dtype.kind in "biu":
        return column
    return None


def hold_out(n_rows: int, fraction: float, how: str,
             labels: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Split ``range(n_rows)`` into sorted training and validation rows.

    The validation set has ``n_rows - ceil(n_rows * (1 - fraction))`` rows
    (Keras' ``validation_split`` floors instead, so it may hold out one more). ``how="last"`` takes the last rows
    (time order kept); ``how="random"`` draws them with a seed from NumPy's
    global generator (which :func:`dlcourse.training.set_seed` seeds),
    stratified by ``labels`` when given and every class has two rows or more.
    """
    n_train = int(math.ceil(n_rows * (1 - fraction)))
    if n_train == 0 or n_train == n_rows:
        raise ValueError(
            f"validation_split={fraction:g} of {n_rows} rows leaves no rows to train or to "
            "validate on"
        )
    if how == "last":
        return np.arange(n_train), np.arange(n_train, n_rows)
    from sklearn.model_selection import train_test_split

    seed = int(np.random.randint(2**31 - 1))
    rows = np.arange(n_rows)
    try:
        train, val = train_test_split(rows, test_size=n_rows - n_train, random_state=seed,
                                      stratify=labels)
    except ValueError:  # a class with a single row, or fewer rows than classes
        train, val = train_test_split(rows, test_size=n_rows - n_train, random_state=seed)
    return np.sort(train), np.sort(val)
