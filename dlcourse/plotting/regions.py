"""Decision regions of a classifier of two features."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap

from dlcourse._checks import check_array, check_int, check_labels, check_same_length
from dlcourse.evaluation import predict_classes
from dlcourse.plotting.style import PALETTE

__all__ = ["plot_decision_regions"]


def plot_decision_regions(
    model: Any,
    x: Any,
    y: Any,
    *,
    feature_names: Sequence[str] | None = None,
    class_names: Sequence[str] | None = None,
    resolution: int = 200,
    ax: Axes | None = None,
) -> Axes:
    """Colour the plane by the class ``model`` predicts, and overlay the data.

    Parameters
    ----------
    model : object with ``predict``, or callable
        A classifier of two input features (see
        :func:`dlcourse.evaluation.predict_classes`).
    x : array-like of shape (n_samples, 2)
        The points to draw; the plotted plane covers them with a margin.
    y : array-like of shape (n_samples,)
        Their integer class labels ``0 .. k-1``, as the model predicts them
        (other labels are refused rather than left out of the plot).
    feature_names : pair of str, optional
        Axis labels.
    class_names : sequence of str, optional
        Legend labels, ``class_names[k]`` for label ``k``.
    resolution : int, default 200
        Grid points per axis (>= 10): the model is evaluated
        ``resolution ** 2`` times.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.plotting import plot_decision_regions
    >>> x = np.array([[0.0, 0.0], [1.0, 1.0]])
    >>> ax = plot_decision_regions(lambda g: (g.sum(axis=1) > 1).astype(int), x, [0, 1])
    """
    x = check_array("x", x, ndim=2)
    if x.shape[1] != 2:
        raise ValueError(f"x must have exactly 2 columns (features), got shape {x.shape}")
    y = check_labels("y", y)
    check_same_length("x", x, "y", y)
    resolution = check_int("resolution", resolution, minimum=10)
    n_classes = int(y.max()) + 1
    if class_names is None:
        class_names = [str(k) for k in range(n_classes)]
    elif len(class_names) < n_classes:
        raise ValueError(
            f"class_names must name all {n_classes} classes in y, got {list(class_names)}"
        )
    if feature_names is not None and len(feature_names) != 2:
        raise ValueError(f"feature_names must hold 2 names, got {list(feature_names)}")

    margin = 0.1 * (x.max(axis=0) - x.min(axis=0)) + 1e-9
    lo, hi = x.min(axis=0) - margin, x.max(axis=0) + margin
    g0, g1 = np.meshgrid(
        np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution)
    )
    grid = np.column_stack([g0.ravel(), g1.ravel()]).astype(np.float32)
    regions = predict_classes(model, grid).reshape(g0.shape)

    import seaborn as sns

    colours = sns.color_palette(PALETTE, max(n_classes, int(regions.max()) + 1))
    if ax is None:
        _, ax = plt.subplots()
    ax.contourf(
        g0, g1, regions, levels=np.arange(len(colours) + 1) - 0.5,
        cmap=ListedColormap(colours), alpha=0.25,
    )
    markers = "osD^vP*x"
    for k in range(n_classes):
        mask = y == k
        ax.scatter(
            x[mask, 0], x[mask, 1], color=colours[k], marker=markers[k % len(markers)],
            edgecolor="white", linewidth=0.5, s=36, label=class_names[k],
        )
    if feature_names is not None:
        ax.set_xlabel(feature_names[0])
        ax.set_ylabel(feature_names[1])
    ax.legend(title="class")
    return ax
