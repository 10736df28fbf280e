"""Figures of a binary diagnosis: the threshold trade-off.

The confusion matrix is :func:`dlcourse.plotting.plot_confusion_matrix`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.axes import Axes

from dlcourse._checks import check_array, check_labels, check_same_length
from dlcourse.plotting._axes import check_ax

__all__ = ["plot_threshold_tradeoff"]


def plot_threshold_tradeoff(
    y_true: Any, scores: Any, threshold: float | None = None, *, title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
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
        The axes' title.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.

    Examples
    --------
    >>> from dlcourse.plotting import plot_threshold_tradeoff
    >>> ax = plot_threshold_tradeoff([0, 1, 1, 0], [0.2, 0.9, 0.6, 0.4], 0.5)
    >>> [line.get_label() for line in ax.get_lines()][:2]
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

    ax = check_ax(ax, figsize=(6.4, 3.6))
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
    return ax
