"""Figures of multichannel sensor recordings (time series)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from dlcourse._checks import _describe, check_array, check_labels, check_same_length
from dlcourse.plotting._axes import panel_axes

__all__ = ["plot_recordings"]


def plot_recordings(
    x: Any,
    y: Any,
    class_names: Sequence[str],
    channel_names: Sequence[str],
    *,
    seconds_per_step: float = 0.1,
) -> Figure:
    """Draw the first recording of each class: one panel per class, one line per channel.

    Parameters
    ----------
    x : array-like of shape (n, time, channels)
        Recordings, channels last.
    y : array-like of int, shape (n,)
        Class label of each recording.
    class_names, channel_names : sequence of str
        Names of the classes (label order) and of the channels.
    seconds_per_step : float, default 0.1
        Time between two readings, for the time axis.

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.plotting import plot_recordings
    >>> fig = plot_recordings(np.zeros((2, 10, 3)), [0, 1], ["a", "b"], ["x", "y", "z"])
    >>> len(fig.axes)
    2
    """
    from dlcourse._checks import check_float

    x = check_array("x", x, ndim=3)
    if isinstance(class_names, (str, bytes)) or not isinstance(class_names, Sequence):
        raise TypeError(f"class_names must be a list of names, got {_describe(class_names)}")
    if isinstance(channel_names, (str, bytes)) or not isinstance(channel_names, Sequence):
        raise TypeError(f"channel_names must be a list of names, got {_describe(channel_names)}")
    y = check_labels("y", y, n_classes=len(class_names))
    check_same_length("x", x, "y", y)
    if len(channel_names) != x.shape[2]:
        raise ValueError(
            f"channel_names must name the {x.shape[2]} channels of x, got {len(channel_names)}"
        )
    seconds_per_step = check_float("seconds_per_step", seconds_per_step, low=0, low_open=True)
    present = [k for k in range(len(class_names)) if (y == k).any()]
    fig, axes = panel_axes(len(present), 3.2, 2.6, sharey=True, layout="constrained")
    time = np.arange(x.shape[1]) * seconds_per_step
    for ax, k in zip(axes.ravel(), present):
        recording = x[np.flatnonzero(y == k)[0]]
        for c, name in enumerate(channel_names):
            ax.plot(time, recording[:, c], label=str(name), linewidth=1.0,
                    linestyle="-" if c < 3 else "--")
        ax.set_title(str(class_names[k]))
        ax.set_xlabel("time (s)")
    for row in axes:
        row[0].set_ylabel("reading (standardised)")
    # Below the panels, not over the data.
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=min(len(labels), 3))
    return fig
