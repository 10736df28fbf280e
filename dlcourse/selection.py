"""Comparing training runs: epochs to a target loss, and generalisation gaps (chapter 3).

No TensorFlow import here: :func:`generalisation_gap` works with any
classifier that has ``predict`` (a Keras model included), through
:mod:`dlcourse.evaluation` and :mod:`dlcourse.losses`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse._checks import (
    check_array,
    check_choice,
    check_float,
    check_labels,
    check_same_length,
)


def epochs_to_reach(curve: Any, target: float) -> int | None:
    """The first epoch (counting from 1) at which ``curve`` is at or below ``target``.

    Parameters
    ----------
    curve : sequence of float
        One value per epoch, e.g. ``history.history["loss"]``.
    target : float
        The value to reach.

    Returns
    -------
    int or None
        None if the curve never gets there.

    Examples
    --------
    >>> epochs_to_reach([1.0, 0.6, 0.4, 0.3], 0.5)
    3
    >>> epochs_to_reach([1.0, 0.9], 0.5) is None
    True
    """
    curve = check_array("curve", curve, ndim=1)
    target = check_float("target", target)
    reached = np.flatnonzero(curve <= target)
    return int(reached[0]) + 1 if reached.size else None


def generalisation_gap(
    model: Any, x_train: Any, y_train: Any, x_val: Any, y_val: Any, *,
    task: str = "classification",
) -> dict[str, float]:
    """Loss of a model on its training and on its validation data, and the gap.

    The losses are computed here, on the final model's predictions, so a
    model trained with dropout is measured without it (as it predicts), and
    an L2 penalty is not counted: only how well it fits the data.

    Parameters
    ----------
    model : object with ``predict``, or callable
        A classifier returning class probabilities of shape ``(n, k)``, or
        a regressor returning one value per row.
    x_train, y_train : array-like
        The training inputs and targets (integer labels for a classifier).
    x_val, y_val : array-like
        The validation inputs and targets.
    task : {"classification", "regression"}, default "classification"
        A classifier is scored by cross-entropy
        (:func:`dlcourse.losses.sparse_categorical_cross_entropy`) and
        accuracy, a regressor by mean squared error.

    Returns
    -------
    dict
        ``train_loss``, ``val_loss`` and ``loss_gap`` (validation minus
        training); for a classifier also ``train_accuracy``,
        ``val_accuracy`` and ``accuracy_gap`` (training minus validation).

    Examples
    --------
    >>> import numpy as np
    >>> def model(x):  # always 80 % sure of class 0
    ...     return np.tile([0.8, 0.2], (len(x), 1))
    >>> gap = generalisation_gap(model, np.zeros((2, 1)), [0, 0], np.zeros((2, 1)), [0, 1])
    >>> round(gap["loss_gap"], 4), gap["accuracy_gap"]
    (0.6931, 0.5)
    >>> def line(x):  # predicts 2 * x
    ...     return 2 * x[:, 0]
    >>> generalisation_gap(line, [[1.0]], [2.0], [[1.0]], [3.0], task="regression")
    {'train_loss': 0.0, 'val_loss': 1.0, 'loss_gap': 1.0}
    """
    from dlcourse.losses import mean_squared_error, sparse_categorical_cross_entropy

    classify = check_choice("task", task, ("classification", "regression")) == "classification"
    scores = {}
    for part, x, y in (("train", x_train, y_train), ("val", x_val, y_val)):
        x = check_array(f"x_{part}", x, ndim=(2, 3, 4))
        y = check_labels(f"y_{part}", y) if classify else check_array(f"y_{part}", y, ndim=(1, 2))
        check_same_length(f"x_{part}", x, f"y_{part}", y)
        if callable(getattr(model, "predict", None)):
            probabilities = model.predict(x, verbose=0) if _is_keras(model) else model.predict(x)
        elif callable(model):
            probabilities = model(x)
        else:
            raise TypeError(f"model must have a predict method or be callable, got "
                            f"{type(model).__name__}")
        output = check_array("model's output", np.asarray(probabilities), ndim=(1, 2))
        if classify:
            if output.ndim != 2 or output.shape[1] < 2:
                raise ValueError(f"model must output class probabilities of shape (n, k) for "
                                 f"task='classification', got shape {output.shape}; for a "
                                 "regressor pass task='regression'")
            scores[f"{part}_loss"] = sparse_categorical_cross_entropy(y, output)
            scores[f"{part}_accuracy"] = float(np.mean(output.argmax(axis=1) == y))
        else:
            if output.ndim == 2 and y.ndim == 1 and output.shape[1] == 1:
                output = output[:, 0]
            scores[f"{part}_loss"] = mean_squared_error(y, output)
    scores["loss_gap"] = scores["val_loss"] - scores["train_loss"]
    if classify:
        scores["accuracy_gap"] = scores["train_accuracy"] - scores["val_accuracy"]
    return scores


def _is_keras(model: Any) -> bool:
    return type(model).__module__.startswith("keras")
