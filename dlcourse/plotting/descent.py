"""Gradient descent drawn: the loss surface of a line fit and the paths on it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from dlcourse._checks import check_array, check_int
from dlcourse.scratch.descent import line_loss

__all__ = ["plot_descent"]


def plot_descent(
    x: Any,
    y: Any,
    paths: Mapping[str, Any],
    *,
    w_range: tuple[float, float] | None = None,
    b_range: tuple[float, float] | None = None,
    resolution: int = 120,
    ax: Axes | None = None,
) -> Axes:
    """Contour the loss surface of ``y ~ w * x + b`` and draw descent paths on it.

    Parameters
    ----------
    x, y : array-like of shape (n,)
        The feature and the target of the line fit.
    paths : dict of label -> array of shape (steps + 1, 2)
        Paths of ``(w, b)``, e.g. from
        :func:`dlcourse.scratch.gradient_descent`, one per label.
    w_range, b_range : (float, float), optional
        The window of the plot; default: around the paths' points, clipped
        to four times the distance from the start to the best line.
    resolution : int, default 120
        Grid points per axis of the contour.
    ax : matplotlib Axes, optional
        Where to draw; default a new figure.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from dlcourse.scratch import gradient_descent
    >>> x, y = [0.0, 1.0, 2.0], [1.0, 3.0, 5.0]
    >>> ax = plot_descent(x, y, {"lr 0.1": gradient_descent(x, y, 0.1, 20)})
    >>> ax.get_xlabel()
    'weight w'
    """
    x = check_array("x", x, ndim=1)
    y = check_array("y", y, ndim=1)
    if not isinstance(paths, Mapping) or not paths:
        raise TypeError(f"paths must be a non-empty dict of label -> (w, b) path, got {paths!r}")
    checked = {}
    for label, path in paths.items():
        path = check_array(f"paths[{label!r}]", path, ndim=2)
        if path.shape[1] != 2:
            raise ValueError(f"paths[{label!r}] must have shape (steps + 1, 2), got {path.shape}")
        checked[str(label)] = path
    resolution = check_int("resolution", resolution, minimum=10)
    # The best line, by least squares, anchors the default window.
    design = np.column_stack([x, np.ones_like(x)])
    best = np.linalg.lstsq(design, y, rcond=None)[0]
    points = np.vstack([*checked.values(), best])
    start = np.vstack([p[0] for p in checked.values()])
    reach = 4 * np.abs(start - best).max(axis=0) + 1e-9
    low = np.maximum(points.min(axis=0), best - reach)
    high = np.minimum(points.max(axis=0), best + reach)
    margin = 0.15 * (high - low) + 1e-3
    w_lo, w_hi = _window("w_range", w_range, low[0] - margin[0], high[0] + margin[0])
    b_lo, b_hi = _window("b_range", b_range, low[1] - margin[1], high[1] + margin[1])

    W, B = np.meshgrid(np.linspace(w_lo, w_hi, resolution), np.linspace(b_lo, b_hi, resolution))
    loss = line_loss(x, y, W, B)
    if ax is None:
        _, ax = plt.subplots(figsize=(6.4, 4.8))
    # Levels packed toward the minimum, where the paths end.
    levels = np.unique(np.quantile(loss, np.linspace(0, 1, 12) ** 2))
    ax.contourf(W, B, loss, levels=levels, cmap="Greys_r", alpha=0.6)
    lines = ax.contour(W, B, loss, levels=levels[1::2], colors="grey", linewidths=0.6)
    ax.clabel(lines, fmt="%.2f", fontsize="x-small")
    for k, (label, path) in enumerate(checked.items()):
        # The first path on top: a short path is not hidden under a long one.
        ax.plot(path[:, 0], path[:, 1], marker="o", markersize=3, linewidth=1.5,
                color=f"C{k}", label=label, zorder=3 + len(checked) - k)
    ax.plot(*best, marker="*", markersize=14, color="white", markeredgecolor="black",
            linestyle="none", label="minimum", zorder=4 + len(checked))
    ax.set_xlim(w_lo, w_hi)
    ax.set_ylim(b_lo, b_hi)
    ax.set_xlabel("weight w")
    ax.set_ylabel("bias b")
    ax.set_title("loss surface (MSE) and descent paths")
    ax.legend(loc="lower left", fontsize="small")
    return ax


def _window(name: str, value: Any, low: float, high: float) -> tuple[float, float]:
    if value is None:
        return float(low), float(high)
    window = check_array(name, value, ndim=1)
    if window.shape != (2,) or not window[0] < window[1]:
        raise ValueError(f"{name} must be a pair (low, high) with low < high, got {value!r}")
    return float(window[0]), float(window[1])
