"""Figures of adversarial examples and saliency maps (images)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from dlcourse._checks import check_array, check_labels, check_same_length
from dlcourse.plotting._axes import fit_column

__all__ = ["plot_adversarial_examples", "plot_saliency"]


def _grey_images(name: str, value: Any) -> np.ndarray:
    images = check_array(name, value, ndim=(3, 4))
    if images.ndim == 4:
        if images.shape[3] != 1:
            raise ValueError(f"{name} must be grey images (n, h, w, 1), got shape {images.shape}")
        images = images[..., 0]
    return images


def plot_adversarial_examples(
    images: Any,
    perturbed: Sequence[Any],
    epsilons: Sequence[float],
    predictions: Sequence[Any],
) -> Figure:
    """A grid of images: one row per epsilon, with the label predicted for each.

    Parameters
    ----------
    images : array-like of shape (n, h, w) or (n, h, w, 1)
        Not used for drawing beyond its shape; it fixes ``n``.
    perturbed : sequence of arrays like ``images``
        The images perturbed with each epsilon (``perturbed[0]`` may be the
        originals, with epsilon 0).
    epsilons : sequence of float
        The epsilon of each entry of ``perturbed``.
    predictions : sequence of arrays of int, shape (n,)
        The label the model predicts for each perturbed image.

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.plotting import plot_adversarial_examples
    >>> x = np.zeros((2, 8, 8, 1))
    >>> fig = plot_adversarial_examples(x, [x, x], [0.0, 0.1], [[0, 1], [1, 1]])
    >>> len(fig.axes)
    4
    """
    images = _grey_images("images", images)
    if not isinstance(perturbed, Sequence) or isinstance(perturbed, (str, bytes)):
        raise TypeError(f"perturbed must be a list of image arrays, got {type(perturbed).__name__}")
    if not isinstance(epsilons, Sequence) or isinstance(epsilons, (str, bytes)):
        raise TypeError(f"epsilons must be a list of numbers, got {type(epsilons).__name__}")
    if not isinstance(predictions, Sequence) or isinstance(predictions, (str, bytes)):
        raise TypeError(f"predictions must be a list of label arrays, got "
                        f"{type(predictions).__name__}")
    if not len(perturbed) == len(epsilons) == len(predictions) >= 1:
        raise ValueError(
            "perturbed, epsilons and predictions must have one entry per epsilon each, got "
            f"{len(perturbed)}, {len(epsilons)} and {len(predictions)}"
        )
    rows = [_grey_images(f"perturbed[{k}]", p) for k, p in enumerate(perturbed)]
    labels = [check_labels(f"predictions[{k}]", p) for k, p in enumerate(predictions)]
    for k, (row, label) in enumerate(zip(rows, labels)):
        if row.shape != images.shape:
            raise ValueError(f"perturbed[{k}] has shape {row.shape}, images {images.shape}")
        check_same_length(f"perturbed[{k}]", row, f"predictions[{k}]", label)
    n = len(images)
    fig, axes = plt.subplots(len(rows), n, figsize=fit_column(1.2 * n + 0.8, 1.35 * len(rows)),
                             squeeze=False)
    for r, (row, label, eps) in enumerate(zip(rows, labels, epsilons)):
        for c in range(n):
            ax = axes[r][c]
            ax.imshow(row[c], cmap="gray_r", vmin=0, vmax=1)
            ax.set_xticks([])
            ax.set_yticks([])
            ax.grid(False)
            ax.set_title(f"-> {label[c]}", fontsize=9)
        axes[r][0].set_ylabel(f"eps {float(eps):g}", fontsize=9)
    fig.tight_layout()
    return fig


def plot_saliency(images: Any, saliency: Any, titles: Sequence[str] | None = None) -> Figure:
    """Each image above its saliency map (bright: pixels the class score is sensitive to).

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.plotting import plot_saliency
    >>> fig = plot_saliency(np.zeros((3, 8, 8, 1)), np.ones((3, 8, 8)))
    >>> len(fig.axes)
    6
    """
    images = _grey_images("images", images)
    saliency = _grey_images("saliency", saliency)
    if saliency.shape != images.shape:
        raise ValueError(
            f"saliency must have one value per pixel of images, got shapes {saliency.shape} "
            f"and {images.shape}"
        )
    n = len(images)
    if titles is not None and (isinstance(titles, (str, bytes)) or len(titles) != n):
        raise ValueError(f"titles must hold one string per image ({n}), got {titles!r}")
    fig, axes = plt.subplots(2, n, figsize=fit_column(1.4 * n + 0.6, 3.2), squeeze=False)
    for c in range(n):
        axes[0][c].imshow(images[c], cmap="gray_r", vmin=0, vmax=1)
        peak = saliency[c].max()
        axes[1][c].imshow(saliency[c] / peak if peak > 0 else saliency[c], cmap="magma",
                          vmin=0, vmax=1)
        if titles is not None:
            axes[0][c].set_title(str(titles[c]), fontsize=9)
        for ax in (axes[0][c], axes[1][c]):
            ax.set_xticks([])
            ax.set_yticks([])
            ax.grid(False)
    axes[0][0].set_ylabel("image", fontsize=9)
    axes[1][0].set_ylabel("saliency", fontsize=9)
    fig.tight_layout()
    return fig
