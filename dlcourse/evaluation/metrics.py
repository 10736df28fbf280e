"""What a responsible binary diagnosis reports: sensitivity, specificity, a threshold.

Accuracy alone hides the two kinds of mistakes a test can make. A
*sensitive* test misses few sick patients (few false negatives); a
*specific* test alarms few healthy ones (few false positives). The
decision threshold trades one for the other, and it must be chosen on
validation data, never on the test set (chapter 7, medicine).

Labels here are binary: 1 is the *positive* finding (the disease), 0 the
negative one. No TensorFlow import.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse._checks import (
    check_array,
    check_float,
    check_int,
    check_labels,
    check_same_length,
)
from dlcourse.evaluation.predictions import (
    _labels_from_scores,
    _n_classes_of,
    class_scores,
)

__all__ = [
    "accuracy",
    "choose_threshold",
    "confusion_counts",
    "predict_at_threshold",
    "recall_per_class",
    "rmse",
    "sensitivity",
    "specificity",
]


def _binary_labels(name: str, value: Any) -> np.ndarray:
    array = check_array(name, value, ndim=(1, 2))
    fractional = array[array != np.round(array)]
    if name.startswith("y_pred") and fractional.size:
        raise ValueError(
            f"{name} must hold predicted labels 0 or 1, got the score {fractional[0]:g}: "
            f"turn scores into labels with predict_at_threshold(scores, threshold)"
        )
    return check_labels(name, array, n_classes=2)


def _scores(name: str, value: Any) -> np.ndarray:
    """Probabilities of the positive class, one per row, as a 1-D array in [0, 1]."""
    scores = check_array(name, value, ndim=(1, 2))
    if scores.ndim == 2:
        if scores.shape[1] != 1:
            raise ValueError(
                f"{name} must hold one score per row (the probability of the positive "
                f"class), got shape {scores.shape}: for softmax outputs pass {name}[:, 1]"
            )
        scores = scores[:, 0]
    if scores.min() < 0 or scores.max() > 1:
        raise ValueError(
            f"{name} must hold probabilities in [0, 1], got values from {scores.min():g} "
            f"to {scores.max():g}"
        )
    return scores


def confusion_counts(y_true: Any, y_pred: Any) -> dict[str, int]:
    """Count true/false positives and negatives of binary predictions.

    Parameters
    ----------
    y_true, y_pred : array-like of 0/1, shape (n,)
        True and predicted labels; 1 is the positive finding.

    Returns
    -------
    dict
        ``{"tp": ..., "fn": ..., "fp": ..., "tn": ...}``.

    Examples
    --------
    >>> confusion_counts([1, 1, 0, 0, 0], [1, 0, 0, 1, 0])
    {'tp': 1, 'fn': 1, 'fp': 1, 'tn': 2}
    """
    y_true = _binary_labels("y_true", y_true)
    y_pred = _binary_labels("y_pred", y_pred)
    check_same_length("y_true", y_true, "y_pred", y_pred)
    return {
        "tp": int(np.sum((y_true == 1) & (y_pred == 1))),
        "fn": int(np.sum((y_true == 1) & (y_pred == 0))),
        "fp": int(np.sum((y_true == 0) & (y_pred == 1))),
        "tn": int(np.sum((y_true == 0) & (y_pred == 0))),
    }


def sensitivity(y_true: Any, y_pred: Any) -> float:
    """The share of positive cases the predictions find: TP / (TP + FN).

    Also called *recall* or the *true positive rate*. Refuses data with no
    positive case, where it is undefined.

    Examples
    --------
    >>> sensitivity([1, 1, 1, 0], [1, 1, 0, 0])
    0.6666666666666666
    """
    counts = confusion_counts(y_true, y_pred)
    if counts["tp"] + counts["fn"] == 0:
        raise ValueError("y_true holds no positive case (label 1): sensitivity is undefined")
    return counts["tp"] / (counts["tp"] + counts["fn"])


def specificity(y_true: Any, y_pred: Any) -> float:
    """The share of negative cases the predictions clear: TN / (TN + FP).

    The *true negative rate*. Refuses data with no negative case.

    Examples
    --------
    >>> specificity([1, 0, 0, 0], [1, 1, 0, 0])
    0.6666666666666666
    """
    counts = confusion_counts(y_true, y_pred)
    if counts["tn"] + counts["fp"] == 0:
        raise ValueError("y_true holds no negative case (label 0): specificity is undefined")
    return counts["tn"] / (counts["tn"] + counts["fp"])


def predict_at_threshold(scores: Any, threshold: float) -> np.ndarray:
    """Call a case positive (1) when its score is at least ``threshold``.

    Parameters
    ----------
    scores : array-like of shape (n,) or (n, 1)
        Probabilities of the positive class, in [0, 1].
    threshold : float
        The cut, in [0, 1].

    Examples
    --------
    >>> predict_at_threshold([0.1, 0.3, 0.8], 0.3)
    array([0, 1, 1])
    """
    scores = _scores("scores", scores)
    threshold = check_float("threshold", threshold, low=0, high=1)
    return (scores >= threshold).astype(np.int64)


def choose_threshold(y_val: Any, scores_val: Any, min_sensitivity: float = 0.95) -> float:
    """The threshold that reaches ``min_sensitivity`` on validation data, as specifically as possible.

    Among all cuts that find at least ``min_sensitivity`` of the positive
    validation cases, return the highest one (a higher cut calls fewer
    cases positive, so it clears the most negatives). Choose it on
    validation data and then measure it, once, on the test set: chosen on
    the test set, the reported sensitivity would be flattered.

    Parameters
    ----------
    y_val : array-like of 0/1, shape (n,)
        True validation labels; at least one positive and one negative.
    scores_val : array-like of shape (n,) or (n, 1)
        The model's probability of the positive class for each row.
    min_sensitivity : float, default 0.95
        The sensitivity to reach, in (0, 1].

    Returns
    -------
    float
        A threshold for :func:`predict_at_threshold`.

    Examples
    --------
    >>> y = [1, 1, 1, 1, 0, 0, 0, 0]
    >>> s = [0.9, 0.8, 0.6, 0.3, 0.4, 0.2, 0.1, 0.05]
    >>> choose_threshold(y, s, min_sensitivity=0.75)
    0.6
    >>> choose_threshold(y, s, min_sensitivity=1.0)
    0.3
    """
    y_val = _binary_labels("y_val", y_val)
    scores_val = _scores("scores_val", scores_val)
    check_same_length("y_val", y_val, "scores_val", scores_val)
    min_sensitivity = check_float("min_sensitivity", min_sensitivity, low=0, high=1,
                                  low_open=True)
    if not (y_val == 1).any() or not (y_val == 0).any():
        raise ValueError(
            "y_val must hold both positive (1) and negative (0) cases to choose a threshold, "
            f"got only label {int(y_val[0])}"
        )
    positives = np.sort(scores_val[y_val == 1])[::-1]  # highest first
    # Calling the k highest-scoring positives positive needs a cut at or
    # below the k-th of them; the highest such cut is that score itself.
    needed = int(np.ceil(min_sensitivity * len(positives) - 1e-9))
    return float(positives[max(needed, 1) - 1])


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


def accuracy(model: Any, x: Any, y: Any) -> float:
    """Return the fraction of rows of ``x`` whose class ``model`` predicts right.

    ``model`` is as for
    :func:`~dlcourse.evaluation.predictions.predict_classes` (probabilities and logits
    alike); ``y`` holds the true integer labels, shape ``(n,)`` or
    ``(n, 1)`` (one-hot rows and fractional labels are refused, with the
    fix named), none beyond the classes the model can predict: a label 3
    for a model with 3 output units (classes 0 .. 2) is refused rather
    than counted wrong.

    Examples
    --------
    >>> import numpy as np
    >>> accuracy(lambda x: x[:, 0], np.array([[0.9], [0.2], [0.7]]), [1, 0, 0])
    0.6666666666666666
    """
    y = check_labels("y", y)
    scores, kind = class_scores(model, x)  # checks x
    check_same_length("x", scores, "y", y)
    n_classes = _n_classes_of(scores, kind)
    if n_classes is not None and y.max() >= n_classes:
        one_column = scores.ndim == 1 or scores.shape[1] == 1
        what = ("one score per row (two classes, 0 and 1)" if one_column
                else f"{n_classes} class scores per row")
        raise ValueError(
            f"y holds the label {int(y.max())}, but the model outputs {what}, so it can only "
            f"predict the classes 0 .. {n_classes - 1}: give the model one output unit per "
            "class, or check that y belongs to this model"
        )
    return float(np.mean(_labels_from_scores(scores, kind) == y))


def rmse(y_true: Any, y_pred: Any) -> float:
    """Root mean squared error of predicted ratings (or any regression).

    ``y_true`` and ``y_pred`` must have the same shape; a single column
    ``(n, 1)`` matches ``(n,)`` (as ``model.predict`` returns one), but
    nothing else is flattened to fit: ``(n, 2)`` against ``(2n,)`` is
    refused.

    Examples
    --------
    >>> rmse([4.0, 3.0], [3.0, 3.0])
    0.7071067811865476
    """
    y_true = check_array("y_true", y_true, ndim=(1, 2))
    y_pred = check_array("y_pred", y_pred, ndim=(1, 2))
    check_same_length("y_true", y_true, "y_pred", y_pred)
    y_true, y_pred = (a[:, 0] if a.ndim == 2 and a.shape[1] == 1 else a for a in (y_true, y_pred))
    if y_true.shape != y_pred.shape:
        raise ValueError(
            f"y_true and y_pred must have the same shape (one prediction per target), got "
            f"{y_true.shape} and {y_pred.shape}"
        )
    return float(np.sqrt(np.mean((y_true - y_pred) ** 2)))
