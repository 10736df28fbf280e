"""Comparing training runs: epochs to a target loss, and generalisation gaps (chapter 3).

No TensorFlow import here: :func:`generalisation_gap` works with any
classifier that has ``predict`` (a Keras model included), through
:mod:`dlcourse.evaluation` and :mod:`dlcourse.losses`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse._checks import check_array, check_float, check_labels, check_same_length


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
    model: Any, x_train: Any, y_train: Any, x_val: Any, y_val: Any
) -> dict[str, float]:
    """Loss and accuracy of a classifier on its training and validation data, and the gaps.

    The losses are the mean cross-entropy of the predicted probabilities
    (:func:`dlcourse.losses.sparse_categorical_cross_entropy`), computed
    here on the final model, so a model trained with dropout is measured
    without it, as it predicts.

    Parameters
    ----------
    model : object with ``predict``, or callable
        A classifier returning class probabilities of shape ``(n, k)``.
    x_train, y_train : array-like
        The training inputs and integer labels.
    x_val, y_val : array-like
        The validation inputs and integer labels.

    Returns
    -------
    dict
        ``train_loss``, ``val_loss``, ``loss_gap`` (validation minus
        training), ``train_accuracy``, ``val_accuracy``, ``accuracy_gap``
        (training minus validation).

    Examples
    --------
    >>> import numpy as np
    >>> def model(x):  # always 80 % sure of class 0
    ...     return np.tile([0.8, 0.2], (len(x), 1))
    >>> gap = generalisation_gap(model, np.zeros((2, 1)), [0, 0], np.zeros((2, 1)), [0, 1])
    >>> round(gap["loss_gap"], 4), gap["accuracy_gap"]
    (0.6931, 0.5)
    """
    from dlcourse.losses import sparse_categorical_cross_entropy

    scores = {}
    for part, x, y in (("train", x_train, y_train), ("val", x_val, y_val)):
        x = check_array(f"x_{part}", x, ndim=(2, 3, 4))
        y = check_labels(f"y_{part}", y)
        check_same_length(f"x_{part}", x, f"y_{part}", y)
        if callable(getattr(model, "predict", None)):
            probabilities = model.predict(x, verbose=0) if _is_keras(model) else model.predict(x)
        elif callable(model):
            probabilities = model(x)
        else:
            raise TypeError(f"model must have a predict method or be callable, got "
                            f"{type(model).__name__}")
        probabilities = check_array("model's output", np.asarray(probabilities), ndim=2)
        scores[f"{part}_loss"] = sparse_categorical_cross_entropy(y, probabilities)
        scores[f"{part}_accuracy"] = float(np.mean(probabilities.argmax(axis=1) == y))
    scores["loss_gap"] = scores["val_loss"] - scores["train_loss"]
    scores["accuracy_gap"] = scores["train_accuracy"] - scores["val_accuracy"]
    return scores


def _is_keras(model: Any) -> bool:
    return type(model).__module__.startswith("keras")
