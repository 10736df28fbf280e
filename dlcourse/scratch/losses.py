"""Loss functions in NumPy: how far predictions are from the targets (chapter 3).

Each is the textbook formula, averaged over the examples as Keras does; the
tests check every one against ``keras.losses``. With ``per_example=True``
they return one loss per row instead, which is what the book plots to show
how each loss punishes an error.

Probabilities are clipped to ``[EPSILON, 1 - EPSILON]`` before the logarithm,
as Keras does, so a confident wrong answer costs a large but finite loss.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse._checks import check_array, check_bool, check_labels

__all__ = [
    "binary_cross_entropy",
    "categorical_cross_entropy",
    "EPSILON",
    "mean_squared_error",
    "sparse_categorical_cross_entropy",
]

#: Keras' fuzz factor: probabilities are clipped to [EPSILON, 1 - EPSILON].
EPSILON = 1e-7


def _pair(y_true: Any, y_pred: Any, ndim: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    y_true = check_array("y_true", y_true, ndim=ndim)
    y_pred = check_array("y_pred", y_pred, ndim=ndim)
    if y_true.shape != y_pred.shape:
        raise ValueError(
            f"y_true and y_pred must have the same shape, got {y_true.shape} and {y_pred.shape}"
        )
    return y_true, y_pred


def _reduce(losses: np.ndarray, per_example: Any) -> float | np.ndarray:
    if check_bool("per_example", per_example):
        return losses
    return float(losses.mean())


def _check_probabilities(name: str, p: np.ndarray) -> None:
    if p.min() < 0 or p.max() > 1:
        raise ValueError(
            f"{name} must hold probabilities in [0, 1], got values from {p.min():g} to "
            f"{p.max():g}: pass the output of a sigmoid or softmax, not raw scores (logits)"
        )


def mean_squared_error(
    y_true: Any, y_pred: Any, *, per_example: bool = False
) -> float | np.ndarray:
    """Mean squared error, ``mean((y_true - y_pred) ** 2)``, the regression loss.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n,) or (n, k)
        Targets and predictions, of the same shape.
    per_example : bool, default False
        Return one loss per example (averaged over the ``k`` columns)
        instead of the mean over all examples.

    Returns
    -------
    float, or np.ndarray of shape (n,) when ``per_example``

    Examples
    --------
    >>> mean_squared_error([1.0, 2.0, 3.0], [1.0, 2.0, 5.0])
    1.3333333333333333
    """
    y_true, y_pred = _pair(y_true, y_pred, (1, 2))
    squared = (y_true - y_pred) ** 2
    return _reduce(squared if squared.ndim == 1 else squared.mean(axis=1), per_example)


def binary_cross_entropy(
    y_true: Any, y_pred: Any, *, per_example: bool = False
) -> float | np.ndarray:
    """Binary cross-entropy, ``-mean(y log p + (1 - y) log(1 - p))``.

    The loss of a sigmoid output: ``y_pred`` is the predicted probability of
    the positive class, ``y_true`` the label 0 or 1 (or a probability).

    Parameters
    ----------
    y_true : array-like of shape (n,) or (n, k)
        Targets in [0, 1].
    y_pred : array-like of the same shape
        Predicted probabilities in [0, 1] (not logits).
    per_example : bool, default False
        Return one loss per example instead of the mean.

    Returns
    -------
    float, or np.ndarray of shape (n,) when ``per_example``

    Examples
    --------
    >>> round(binary_cross_entropy([1.0, 0.0], [0.9, 0.2]), 4)
    0.1643
    """
    y_true, y_pred = _pair(y_true, y_pred, (1, 2))
    _check_probabilities("y_true", y_true)
    _check_probabilities("y_pred", y_pred)
    p = np.clip(y_pred, EPSILON, 1 - EPSILON)
    losses = -(y_true * np.log(p) + (1 - y_true) * np.log(1 - p))
    return _reduce(losses if losses.ndim == 1 else losses.mean(axis=1), per_example)


def categorical_cross_entropy(
    y_true: Any, y_pred: Any, *, per_example: bool = False
) -> float | np.ndarray:
    """Categorical cross-entropy, ``-mean(sum_k y_k log p_k)``, for one-hot targets.

    The loss of a softmax output. For integer labels use
    :func:`sparse_categorical_cross_entropy`, which gives the same value.

    Parameters
    ----------
    y_true : array-like of shape (n, k)
        One-hot rows (or rows of class probabilities).
    y_pred : array-like of shape (n, k)
        Predicted class probabilities, each row summing to 1.
    per_example : bool, default False
        Return one loss per example instead of the mean.

    Returns
    -------
    float, or np.ndarray of shape (n,) when ``per_example``

    Examples
    --------
    >>> round(categorical_cross_entropy([[0, 1, 0]], [[0.2, 0.7, 0.1]]), 4)
    0.3567
    """
    if check_array("y_true", y_true, ndim=(1, 2)).ndim == 1:
        raise ValueError(
            "y_true must hold one-hot rows of shape (n, n_classes), got one label per row: "
            "use sparse_categorical_cross_entropy for integer labels"
        )
    y_true, y_pred = _pair(y_true, y_pred, (2,))
    _check_probabilities("y_true", y_true)
    _check_probabilities("y_pred", y_pred)
    p = np.clip(y_pred / y_pred.sum(axis=1, keepdims=True), EPSILON, 1 - EPSILON)
    return _reduce(-(y_true * np.log(p)).sum(axis=1), per_example)


def sparse_categorical_cross_entropy(
    y_true: Any, y_pred: Any, *, per_example: bool = False
) -> float | np.ndarray:
    """Categorical cross-entropy for integer labels: ``-mean(log p[label])``.

    Parameters
    ----------
    y_true : array-like of shape (n,)
        Integer class labels ``0 .. k-1``.
    y_pred : array-like of shape (n, k)
        Predicted class probabilities, each row summing to 1.
    per_example : bool, default False
        Return one loss per example instead of the mean.

    Returns
    -------
    float, or np.ndarray of shape (n,) when ``per_example``

    Examples
    --------
    >>> round(sparse_categorical_cross_entropy([1], [[0.2, 0.7, 0.1]]), 4)
    0.3567
    """
    y_pred = check_array("y_pred", y_pred, ndim=2)
    labels = check_labels("y_true", y_true, n_classes=y_pred.shape[1])
    if len(labels) != len(y_pred):
        raise ValueError(
            f"y_true and y_pred must have the same number of rows, got {len(labels)} and "
            f"{len(y_pred)}"
        )
    _check_probabilities("y_pred", y_pred)
    p = np.clip(y_pred / y_pred.sum(axis=1, keepdims=True), EPSILON, 1 - EPSILON)
    return _reduce(-np.log(p[np.arange(len(labels)), labels]), per_example)
