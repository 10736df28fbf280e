"""Figures of sequences: forecasts, an unrolled recurrent loop, gradients per time step."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np

from dlcourse._checks import _describe, check_array
from dlcourse.plotting._axes import check_ax

__all__ = ["plot_forecast", "plot_gradient_per_step"]


def _check_curves(name: str, curves: Any, length: int | None = None) -> dict[str, np.ndarray]:
    if not isinstance(curves, Mapping) or not curves:
        raise TypeError(f"{name} must be a non-empty dict of label -> values, got {_describe(curves)}")
    checked = {}
    for label, values in curves.items():
        array = check_array(f"{name}[{label!r}]", values, ndim=1)
        if length is not None and len(array) != length:
            raise ValueError(f"{name}[{label!r}] has {len(array)} values, expected {length}")
        checked[str(label)] = array
    return checked


def plot_forecast(
    time: Sequence[float],
    actual: Sequence[float],
    forecasts: Mapping[str, Sequence[float]],
    *,
    history: tuple[Sequence[float], Sequence[float]] | None = None,
    ylabel: str = "value",
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """Draw a series' test part and one line per forecast of it.

    Parameters
    ----------
    time : sequence of float, shape (n,)
        Times of the forecast steps.
    actual : sequence of float, shape (n,)
        The observed values at those times.
    forecasts : dict of label -> sequence of float, each shape (n,)
        The forecasts to compare (e.g. ``{"persistence": ..., "LSTM": ...}``).
    history : (time, values), optional
        Earlier observations, drawn in grey before the forecast period.
    ylabel : str, default "value"
        Label of the vertical axis.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> ax = plot_forecast([1, 2, 3], [1.0, 2.0, 1.5], {"persistence": [0.5, 1.0, 2.0]})
    >>> len(ax.lines)
    2
    """
    time = check_array("time", time, ndim=1)
    actual = check_array("actual", actual, ndim=1)
    if len(actual) != len(time):
        raise ValueError(f"actual has {len(actual)} values but time has {len(time)}")
    curves = _check_curves("forecasts", forecasts, len(time))
    if not isinstance(ylabel, str):
        raise TypeError(f"ylabel must be a string, got {_describe(ylabel)}")
    ax = check_ax(ax)
    if history is not None:
        if not isinstance(history, (tuple, list)) or len(history) != 2:
            raise TypeError(f"history must be a pair (time, values), got {_describe(history)}")
        past_time = check_array("history[0]", history[0], ndim=1)
        past = check_array("history[1]", history[1], ndim=1)
        ax.plot(past_time, past, color="0.6", lw=1.2, label="earlier years")
        ax.axvline(time[0] - 0.5, color="0.4", ls=":", lw=1)
    ax.plot(time, actual, color="black", lw=2, label="observed")
    styles = ["--", "-", "-", "-", "-.", ":"]
    for k, (label, values) in enumerate(curves.items()):
        ax.plot(time, values, ls=styles[k % len(styles)], lw=1.6, label=label)
    ax.set_xlabel("time")
    ax.set_ylabel(ylabel)
    # Outside the axes, on the right: the forecasts fill the plot area.
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return ax


def plot_gradient_per_step(
    norms: Mapping[str, Sequence[float]], *, ax: plt.Axes | None = None
) -> plt.Axes:
    """Draw, on a log scale, how much the output depends on each input step.

    Parameters
    ----------
    norms : dict of label -> sequence of float
        For each model, the gradient norm per time step (oldest step
        first), as :func:`dlcourse.models.gradient_per_step` returns it.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> ax = plot_gradient_per_step({"SimpleRNN": [1e-6, 1e-3, 1.0]})
    >>> ax.get_yscale()
    'log'
    """
    curves = _check_curves("norms", norms)
    ax = check_ax(ax)
    markers = ["o", "s", "^", "D"]
    for k, (label, values) in enumerate(curves.items()):
        steps = np.arange(len(values)) - len(values) + 1  # 0 = the last step
        ax.plot(steps, np.maximum(values, 1e-30), marker=markers[k % 4], ms=3, label=label)
    ax.set_yscale("log")
    ax.set_xlabel("input time step (0 = the last, just before the output)")
    ax.set_ylabel(r"gradient norm $|\partial \hat{y} / \partial x_t|$")
    ax.legend()
    return ax
