"""Figures of a binary diagnosis: the confusion matrix and the threshold trade-off."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from dlcourse._checks import _describe, check_array, check_labels, check_same_length


def _check_names(name: str, value: Any, count: int) -> list[str]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise TypeError(f"{name} must be a list of {count} names, got {_describe(value)}")
    if len(value) != count or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{name} must hold {count} strings, got {list(value)!r}")
    return list(value)


def plot_confusion_matrix(
    y_true: Any, y_pred: Any, class_names: Sequence[str], *, title: str | None = None
) -> Figure:
    """Draw the confusion matrix: rows are true classes, columns predictions.

    Each cell shows its count; the diagonal holds the right answers.

    Parameters
    ----------
    y_true, y_pred : array-like of int, shape (n,)
        True and predicted class labels ``0 .. len(class_names) - 1``.
    class_names : sequence of str
        The name of each class, in label order.
    title : str, optional
        A title over the matrix.

    Examples
    --------
    >>> from dlcourse.plotting import plot_confusion_matrix
    >>> fig = plot_confusion_matrix([0, 1, 1], [0, 1, 0], ["no", "yes"])
    >>> fig.axes[0].get_xlabel()
    'predicted'
    """
    if isinstance(class_names, (str, bytes)) or not isinstance(class_names, Sequence):
        raise TypeError(f"class_names must be a list of names, got {_describe(class_names)}")
    n = len(class_names)
    names = _check_names("class_names", class_names, n)
    if n < 2:
        raise ValueError(f"class_names must name at least 2 classes, got {names!r}")
    y_true = check_labels("y_true", y_true, n_classes=n)
    y_pred = check_labels("y_pred", y_pred, n_classes=n)
    check_same_length("y_true", y_true, "y_pred", y_pred)
    matrix = np.zeros((n, n), dtype=int)
    np.add.at(matrix, (y_true, y_pred), 1)

    fig, ax = plt.subplots(figsize=(1.3 * n + 2.2, 1.1 * n + 1.6))
    ax.imshow(matrix, cmap="Blues")
    ax.grid(False)
    for i in range(n):
        for j in range(n):
            dark = matrix[i, j] > matrix.max() / 2
            ax.text(j, i, str(matrix[i, j]), ha="center", va="center",
                    color="white" if dark else "black", fontsize=13)
    ax.set_xticks(range(n), names)
    ax.set_yticks(range(n), names)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_threshold_tradeoff(
    y_true: Any, scores: Any, threshold: float | None = None, *, title: str | None = None
) -> Figure:
    """Sensitivity and specificity of every cut of the scores, with a chosen cut marked.

    Parameters
    ----------
    y_true : array-like of 0/1, shape (n,)
        True labels, 1 the positive finding; both labels must occur.
    scores : array-like of shape (n,)
        The model's probability of the positive class.
    threshold : float, optional
        A cut to mark with a vertical line.
    title : str, optional

    Examples
    --------
    >>> from dlcourse.plotting import plot_threshold_tradeoff
    >>> fig = plot_threshold_tradeoff([0, 1, 1, 0], [0.2, 0.9, 0.6, 0.4], 0.5)
    >>> [line.get_label() for line in fig.axes[0].get_lines()][:2]
    ['sensitivity', 'specificity']
    """
    from dlcourse._checks import check_float

    y_true = check_labels("y_true", y_true, n_classes=2)
    scores = check_array("scores", scores, ndim=1)
    check_same_length("y_true", y_true, "scores", scores)
    if not (y_true == 1).any() or not (y_true == 0).any():
        raise ValueError("y_true must hold both positive (1) and negative (0) cases")
    if threshold is not None:
        threshold = check_float("threshold", threshold, low=0, high=1)
    cuts = np.linspace(0, 1, 201)
    called = scores[None, :] >= cuts[:, None]
    sens = (called & (y_true == 1)).sum(axis=1) / (y_true == 1).sum()
    spec = (~called & (y_true == 0)).sum(axis=1) / (y_true == 0).sum()

    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    ax.plot(cuts, sens, label="sensitivity")
    ax.plot(cuts, spec, label="specificity", linestyle="--")
    if threshold is not None:
        ax.axvline(threshold, color="grey", linestyle=":", label=f"chosen cut {threshold:.2f}")
    ax.set_xlabel("threshold on the predicted probability")
    ax.set_ylabel("share of cases")
    ax.set_ylim(-0.02, 1.02)
    ax.legend(loc="lower left")
    if title:
        ax.set_title(title)
    return fig
