"""Learning curves: a metric per epoch, training against validation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from dlcourse._checks import check_array
from dlcourse.plotting._axes import panel_axes

__all__ = ["plot_history"]


def _history_dict(history: Any) -> dict[str, np.ndarray]:
    """The per-epoch curves of a History or dict, each checked to be a 1-D list of numbers."""
    data = getattr(history, "history", history)
    if not isinstance(data, Mapping) or not data:
        raise TypeError(
            "history must be a keras History or a non-empty dict of per-epoch "
            f"lists, got {type(history).__name__}"
        )
    curves = {}
    for key, values in data.items():
        curve = np.asarray(values, dtype=object)
        if curve.ndim != 1 or len(curve) == 0:
            raise ValueError(
                f"history[{key!r}] must be a non-empty list with one value per epoch, "
                f"got {values!r}"
            )
        curves[str(key)] = check_array(f"history[{key!r}]", curve.tolist(), ndim=1)
    return curves


def plot_history(
    history: Any, metrics: Sequence[str] | None = None, *, title: str | None = None
) -> Figure:
    """Plot learning curves: each metric per epoch, training vs validation.

    Parameters
    ----------
    history : keras.callbacks.History or dict
        What ``fit`` returned, or its ``history`` dict.
    metrics : sequence of str, optional
        Which metrics to plot, one panel each (``"loss"``, ``"accuracy"``,
        ...). Default: the loss, then every other metric in ``history``
        that has no ``val_`` prefix.
    title : str, optional
        A title over the whole figure.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from dlcourse.plotting import plot_history
    >>> fig = plot_history({"loss": [1.0, 0.5], "val_loss": [1.1, 0.7]})
    >>> len(fig.axes)
    1
    """
    data = _history_dict(history)
    # The loss first, then the metrics in the order Keras logged them.
    available = sorted((k for k in data if not k.startswith("val_")), key=lambda k: k != "loss")
    if metrics is None:
        metrics = available
    elif isinstance(metrics, str) or not isinstance(metrics, Sequence):
        raise TypeError(f"metrics must be a list of names such as ['loss'], got {metrics!r}")
    if not metrics:
        raise ValueError(f"metrics must name at least one curve, got []; history holds {available}")
    unknown = [m for m in metrics if m not in data]
    if unknown:
        raise ValueError(f"metrics has unknown name(s) {unknown}; history holds {available}")
    for metric in metrics:
        partner = f"val_{metric}"
        if partner in data and len(data[partner]) != len(data[metric]):
            raise ValueError(
                f"history[{partner!r}] has {len(data[partner])} values but "
                f"history[{metric!r}] has {len(data[metric])}: one value per epoch each"
            )

    fig, axes = panel_axes(len(metrics), 3.2, 3.0, layout="constrained")
    for ax, metric in zip(axes.ravel(), metrics):
        epochs = np.arange(1, len(data[metric]) + 1)
        ax.plot(epochs, data[metric], label="training")
        if f"val_{metric}" in data:
            ax.plot(epochs, data[f"val_{metric}"], label="validation", linestyle="--")
        ax.set_xlabel("epoch")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # no epoch 1.5
        ax.set_ylabel(metric.replace("_", " "))
        ax.legend()
    if title:
        fig.suptitle(title)
    return fig
