"""The ``ax=`` argument of the single-panel plots: the Axes to draw on, or a new one."""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from dlcourse._checks import _describe


def check_ax(ax: Any, figsize: tuple[float, float] | None = None) -> Axes:
    """Return ``ax``, or the Axes of a new figure (of ``figsize``) when it is None."""
    if ax is None:
        return plt.subplots(figsize=figsize)[1]
    if not isinstance(ax, Axes):
        raise TypeError(f"ax must be a matplotlib Axes or None, got {_describe(ax)}")
    return ax
