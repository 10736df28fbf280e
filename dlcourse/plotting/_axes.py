"""The Axes a plot draws on: ``ax=`` of the single-panel plots, the grid of the multi-panel ones."""

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


#: The book's text column, in inches at the figure dpi of ``use_style`` (688 px).
COLUMN_INCHES = 6.4


def panel_grid(n_panels: int, width: float, height: float,
               n_cols: int | None = None) -> tuple[int, int, tuple[float, float]]:
    """Rows, columns and figure size for ``n_panels`` panels that fit the column.

    Panels of ``width`` x ``height`` inches go side by side as long as they
    fit the book's column (or ``n_cols`` per row, when given); further
    panels wrap onto new rows. A grid still wider than the column is scaled
    down as a whole, so a figure is never shrunk by the page (which would
    shrink its text below reading size).
    """
    if n_cols is None:
        n_cols = max(1, int(COLUMN_INCHES // width))
    n_cols = max(1, min(n_cols, n_panels))
    n_rows = -(-n_panels // n_cols)
    return n_rows, n_cols, fit_column(n_cols * width, n_rows * height)


def fit_column(width: float, height: float) -> tuple[float, float]:
    """A figure size no wider than the book's column, scaled as a whole if needed."""
    scale = min(1.0, COLUMN_INCHES / width)
    return width * scale, height * scale


def panel_axes(n_panels: int, width: float, height: float, n_cols: int | None = None,
               **subplots: Any) -> tuple[Any, Any]:
    """A figure with ``n_panels`` panels laid out by :func:`panel_grid`.

    Returns the figure and its 2-D array of Axes (``squeeze=False``), whose
    grid cells beyond ``n_panels`` are removed from the figure; ``subplots``
    go to :func:`matplotlib.pyplot.subplots` (``sharey=True``, ``layout=...``).
    """
    n_rows, n_cols, figsize = panel_grid(n_panels, width, height, n_cols)
    fig, axes = plt.subplots(n_rows, n_cols, figsize=figsize, squeeze=False, **subplots)
    for ax in axes.ravel()[n_panels:]:
        ax.remove()
    return fig, axes
