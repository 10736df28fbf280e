"""Several training curves on one figure, e.g. one per optimizer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from dlcourse._checks import check_array, check_bool, check_float

__all__ = ["plot_curves"]


def plot_curves(
    curves: Mapping[str, Any],
    *,
    ylabel: str = "loss",
    target: float | None = None,
    log_y: bool = False,
    ax: Axes | None = None,
) -> Axes:
    """Plot several per-epoch curves on one pair of axes, one line per label.

    Parameters
    ----------
    curves : dict of label -> sequence of float
        One value per epoch for each run (e.g. ``history.history["loss"]``).
    ylabel : str, default "loss"
        Label of the vertical axis.
    target : float, optional
        Draw a dotted horizontal line at this value (a target loss).
    log_y : bool, default False
        Use a logarithmic vertical axis.
    ax : matplotlib Axes, optional
        Where to draw; default a new figure.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = plot_curves({"SGD": [1.0, 0.8, 0.7], "Adam": [1.0, 0.5, 0.3]}, target=0.5)
    >>> [line.get_label() for line in ax.get_lines()][:2]
    ['SGD', 'Adam']
    """
    if not isinstance(curves, Mapping) or not curves:
        raise TypeError(f"curves must be a non-empty dict of label -> values, got {curves!r}")
    checked = {str(label): check_array(f"curves[{label!r}]", values, ndim=1)
               for label, values in curves.items()}
    if not isinstance(ylabel, str):
        raise TypeError(f"ylabel must be a string, got {ylabel!r}")
    log_y = check_bool("log_y", log_y)
    if ax is None:
        _, ax = plt.subplots()
    for label, values in checked.items():
        ax.plot(np.arange(1, len(values) + 1), values, label=label)
    if target is not None:
        target = check_float("target", target)
        ax.axhline(target, color="black", linestyle=":", linewidth=1, label=f"target {target:.3g}")
    if log_y:
        ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel(ylabel)
    ax.legend(fontsize="small")
    return ax
