"""Activation functions with their derivatives, and gradient norms per layer (chapter 2)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from dlcourse._checks import check_array, check_float
from dlcourse.plotting._axes import fit_column
from dlcourse.scratch.activations import ACTIVATIONS, DERIVATIVES

__all__ = ["ELEMENTWISE", "plot_activations", "plot_gradient_norms"]

#: The elementwise activations, in the order chapter 2 introduces them.
ELEMENTWISE = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu")


def plot_activations(
    names: Sequence[str] = ELEMENTWISE, *, z_max: float = 4.0, columns: int = 3
) -> Figure:
    """Draw each activation (solid) and its derivative (dashed), one panel each.

    Parameters
    ----------
    names : sequence of str, default ``ELEMENTWISE``
        Elementwise activations from ``dlcourse.activations.ACTIVATIONS``
        (softmax, which mixes its inputs, has no curve of one variable).
    z_max : float, default 4.0
        The panels span ``z`` from ``-z_max`` to ``z_max``; > 0.
    columns : int, default 3
        Panels per row, >= 1.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = plot_activations(["relu", "tanh"])
    >>> len(fig.axes)
    2
    """
    if isinstance(names, (str, bytes)) or not isinstance(names, Sequence) or not names:
        raise TypeError(f"names must be a non-empty list of activation names, got {names!r}")
    usable = [n for n in ACTIVATIONS if n != "softmax"]
    for name in names:
        if name not in usable:
            raise ValueError(f"names must hold names from {usable}, got {name!r}")
    z_max = check_float("z_max", z_max, low=0, low_open=True)
    if isinstance(columns, bool) or not isinstance(columns, int) or columns < 1:
        raise ValueError(f"columns must be an integer >= 1, got {columns!r}")

    columns = min(columns, len(names))
    rows = -(-len(names) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=fit_column(3.3 * columns, 2.7 * rows),
                             squeeze=False, sharex=True)
    z = np.linspace(-z_max, z_max, 401)
    for ax, name in zip(axes.ravel(), names):
        ax.axhline(0, color="0.6", linewidth=0.8)
        ax.plot(z, ACTIVATIONS[name](z), label="function")
        ax.plot(z, DERIVATIVES[name](z), linestyle="--", label="derivative")
        ax.set_title(name)
    for ax in axes.ravel()[len(names):]:
        ax.set_visible(False)
    for ax in axes[-1]:
        ax.set_xlabel("z")
    axes[0, 0].legend(loc="upper left", fontsize="small")
    fig.tight_layout()
    return fig


def plot_gradient_norms(norms: Mapping[str, Any], *, ax: Axes | None = None) -> Axes:
    """Plot gradient norms per layer on a log axis, one line per network.

    Parameters
    ----------
    norms : mapping of str to (mapping of str to float, or sequence of float)
        Network label -> its gradient norm per layer, first layer first, as
        :func:`dlcourse.gradients.gradient_norms` returns it.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = plot_gradient_norms({"sigmoid": [1e-6, 1e-3, 0.1], "relu": [0.3, 0.4, 0.2]})
    >>> ax.get_yscale()
    'log'
    """
    if not isinstance(norms, Mapping) or not norms:
        raise TypeError(f"norms must be a non-empty dict of label -> norms per layer, "
                        f"got {type(norms).__name__}")
    curves = {}
    for label, values in norms.items():
        if isinstance(values, Mapping):
            values = list(values.values())
        curve = check_array(f"norms[{label!r}]", values, ndim=1)
        if np.any(curve <= 0):
            raise ValueError(f"norms[{label!r}] must be positive to go on a log axis, "
                             f"got {curve.min():g}")
        curves[str(label)] = curve
    if ax is None:
        _, ax = plt.subplots()
    for label, curve in curves.items():
        ax.plot(np.arange(1, len(curve) + 1), curve, marker="o", label=label)
    ax.set_yscale("log")
    ax.set_xlabel("layer (1 = next to the input)")
    ax.set_ylabel("gradient norm of the layer's weights")
    ax.legend()
    return ax
