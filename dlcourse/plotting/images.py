"""Figures of images: grids of images, a confusion matrix, filters and feature maps (chapter 4)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from dlcourse._checks import check_array, check_int, check_labels, check_same_length
from dlcourse.plotting._axes import fit_column

__all__ = ["plot_confusion_matrix", "plot_feature_maps", "plot_filters", "plot_image_grid"]


def _check_titles(titles: Any, n: int) -> list[str] | None:
    if titles is None:
        return None
    if isinstance(titles, str) or not isinstance(titles, Sequence):
        raise TypeError(f"titles must be a list of strings, one per image, got {titles!r}")
    if len(titles) != n:
        raise ValueError(f"titles must hold one string per image: got {len(titles)} for {n} images")
    return [str(t) for t in titles]


def _image_batch(images: Any) -> tuple[np.ndarray, bool]:
    """The images as an array (n, h, w) or (n, h, w, 3), and whether they are 0-255 integers.

    A single image, (h, w) or (h, w, 1 or 3), becomes a batch of one; a
    3-D array that reads as well as one image and as several square grey
    images ((n, 3, 3): a colour image n by 3, or n grey 3 x 3 images) is
    refused.
    """
    integers = np.issubdtype(np.asarray(images).dtype, np.integer)
    array = check_array("images", images, ndim=(2, 3, 4))
    if array.ndim == 2:
        array = array[None]
    elif array.ndim == 3 and array.shape[2] in (1, 3):
        if array.shape[1] == array.shape[2]:
            raise ValueError(
                f"images of shape {array.shape} read as one image with {array.shape[2]} "
                f"channel(s) or as {array.shape[0]} grey images of {array.shape[1]} x "
                f"{array.shape[2]} pixels: pass images[None] for one image, or "
                "images[..., None] (shape (n, h, w, 1)) for grey images"
            )
        array = array[None]  # one image (h, w, channels), not h strips
    if array.ndim == 4 and array.shape[3] == 1:
        array = array[..., 0]
    if array.ndim == 4 and array.shape[3] != 3:
        raise ValueError(
            f"images must have 1 or 3 channels, got shape {array.shape}: "
            "show the channels of one image as separate images instead"
        )
    if integers and (array.min() < 0 or array.max() > 255):
        raise ValueError(
            f"integer images must hold values 0 .. 255, got values from {array.min():g} to "
            f"{array.max():g}"
        )
    if array.ndim == 4 and not integers and (array.min() < 0 or array.max() > 1):
        raise ValueError(
            f"colour images of floats must hold values in [0, 1], got values from "
            f"{array.min():g} to {array.max():g}: for pixels 0 .. 255 pass "
            "images.astype('uint8') or images / 255; rescale standardised images to [0, 1]"
        )
    return array, integers


def plot_image_grid(
    images: Any,
    titles: Sequence[str] | None = None,
    *,
    n_cols: int = 8,
    cmap: str = "gray_r",
    size: float = 1.2,
    symmetric: bool = False,
) -> Figure:
    """Show images side by side in a grid, each with an optional title.

    Parameters
    ----------
    images : array of shape (n, height, width) or (n, height, width, channels)
        The images; one channel is shown with ``cmap``, three as colour.
        Integer images (``uint8``) hold values 0 .. 255, float colour
        images values in [0, 1]; each grey image is scaled to its own
        range (0 .. 255 for integers). A single image, ``(height, width)``
        or ``(height, width, channels)``, is shown alone; a shape that
        reads both ways, such as ``(n, 3, 3)``, is refused (pass
        ``(n, 3, 3, 1)`` for grey images).
    titles : sequence of str, optional
        One title per image (e.g. ``"true 4, predicted 9"``).
    n_cols : int, default 8
        Images per row.
    cmap : str, default "gray_r"
        Colour map of one-channel images ("gray_r": ink dark on white).
    size : float, default 1.2
        Side of one image in inches.
    symmetric : bool, default False
        Centre the colours of every image on zero (for filters and weights,
        whose sign matters); use a diverging ``cmap`` such as ``"RdBu_r"``.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.plotting import plot_image_grid
    >>> fig = plot_image_grid(np.zeros((5, 8, 8)), titles=list("abcde"), n_cols=3)
    >>> len(fig.axes)
    6
    >>> len(plot_image_grid(np.zeros((32, 32, 3), dtype=np.uint8)).axes)  # one colour image
    1
    """
    array, integers = _image_batch(images)
    n_cols = check_int("n_cols", n_cols, minimum=1)
    labels = _check_titles(titles, len(array))
    n_cols = min(n_cols, len(array))
    n_rows = math.ceil(len(array) / n_cols)
    extra = 0.3 if labels else 0.0
    fig, axes = plt.subplots(n_rows, n_cols, figsize=fit_column(size * n_cols, (size + extra) * n_rows),
                             squeeze=False)
    for k, ax in enumerate(axes.ravel()):
        ax.set_axis_off()
        if k >= len(array):
            continue
        kwargs: dict[str, Any] = {}
        image = array[k]
        if array.ndim == 3:
            kwargs["cmap"] = cmap
            if symmetric:
                limit = float(np.abs(image).max()) or 1.0
                kwargs.update(vmin=-limit, vmax=limit)
            elif integers:
                kwargs.update(vmin=0, vmax=255)
        elif integers:
            image = image.astype(np.uint8)  # imshow reads colour floats as 0 .. 1
        ax.imshow(image, **kwargs)
        if labels:
            ax.set_title(labels[k], fontsize=9)
    fig.tight_layout()
    return fig


def plot_confusion_matrix(
    y_true: Any,
    y_pred: Any,
    class_names: Sequence[str] | None = None,
    *,
    ax: Any = None,
) -> Figure:
    """Draw the confusion matrix: rows true, columns predicted, counts in the cells.

    Each cell counts the examples of its row's class predicted as its
    column's class: the diagonal holds the correct answers. Colour shows the
    share of the row (of the true class), in two hues: correct cells in
    blue (the darker, the more of the class is right), errors in orange,
    scaled to the largest error share so that the mistakes stand out without
    ever looking like correct cells. Long class names are rotated so that
    no two tick labels overlap.

    Parameters
    ----------
    y_true, y_pred : array-like of int, shape (n_samples,)
        True and predicted class labels ``0 .. k-1``.
    class_names : sequence of str, optional
        Name of each class; default ``"0"``, ``"1"``, ...
    ax : matplotlib Axes, optional
        Where to draw; default a new figure.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from dlcourse.plotting import plot_confusion_matrix
    >>> fig = plot_confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2], ["a", "b", "c"])
    >>> fig.axes[0].get_xlabel()
    'predicted'
    """
    y_true = check_labels("y_true", y_true)
    y_pred = check_labels("y_pred", y_pred)
    check_same_length("y_true", y_true, "y_pred", y_pred)
    n_classes = int(max(y_true.max(), y_pred.max())) + 1
    if class_names is not None:
        if isinstance(class_names, str) or not isinstance(class_names, Sequence):
            raise TypeError(f"class_names must be a list of strings, got {class_names!r}")
        if len(class_names) < n_classes:
            raise ValueError(
                f"class_names names {len(class_names)} classes, but the labels go up to "
                f"{n_classes - 1}"
            )
        n_classes = len(class_names)
    names = list(class_names) if class_names is not None else [str(k) for k in range(n_classes)]
    counts = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(counts, (y_true, y_pred), 1)
    if ax is None:
        side = max(3.4, 0.55 * n_classes + 1.6)
        fig, ax = plt.subplots(figsize=(side, side - 0.3))
    else:
        fig = ax.figure
    _draw_confusion_cells(ax, counts)
    ax.set_xticks(np.arange(n_classes), names)
    ax.set_yticks(np.arange(n_classes), names)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.grid(False)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    _rotate_if_overlapping(fig, ax)
    fig.tight_layout()
    return fig


def _draw_confusion_cells(ax: Any, counts: np.ndarray) -> None:
    """Colour each cell by its share of the row (blue correct, orange errors); write its count."""
    n = len(counts)
    rows = counts.sum(axis=1, keepdims=True)
    share = np.divide(counts, rows, out=np.zeros(counts.shape), where=rows > 0)
    diagonal = np.eye(n, dtype=bool)
    largest_error = share[~diagonal].max() if n > 1 else 0.0
    correct, errors = plt.get_cmap("Blues"), plt.get_cmap("Oranges")
    rgba = np.zeros((n, n, 4))
    # Zero cells stay white; the scales start a little above white so that
    # one example is visible.
    rgba[diagonal] = correct(0.1 + 0.85 * share[diagonal])
    error_level = share[~diagonal] / largest_error if largest_error > 0 else share[~diagonal]
    rgba[~diagonal] = errors(0.15 + 0.5 * error_level)  # never as dark as the diagonal
    rgba[counts == 0] = (1.0, 1.0, 1.0, 1.0)
    ax.imshow(rgba, interpolation="nearest", aspect="equal")
    # Thin white lines between the cells.
    ax.set_xticks(np.arange(n + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(n + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="0.85", linewidth=0.8)
    ax.tick_params(which="minor", length=0)
    for i in range(n):
        for j in range(n):
            red, green, blue, _ = rgba[i, j]
            dark = 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.45
            ax.text(j, i, str(counts[i, j]), ha="center", va="center",
                    color="white" if dark else "black")


def _rotate_if_overlapping(fig: Figure, ax: Any) -> None:
    """Rotate the column names when two of them would overlap side by side."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [label.get_window_extent(renderer) for label in ax.get_xticklabels()]
    gap = 2.0  # pixels
    if any(a.x1 + gap > b.x0 for a, b in zip(boxes, boxes[1:])):
        plt.setp(ax.get_xticklabels(), rotation=35, ha="right", rotation_mode="anchor")


def plot_filters(kernel: Any, *, n_cols: int = 8, size: float = 0.9) -> Figure:
    """Show the filters of a convolution layer, one image each.

    Blue is a negative weight, red a positive one, white zero: a filter
    with blue on one side and red on the other detects an edge.

    Parameters
    ----------
    kernel : array of shape (kh, kw, in_channels, filters) or (kh, kw, filters)
        A ``Conv2D`` kernel (``layer.get_weights()[0]``); for several input
        channels, the weights are summed over them.
    n_cols : int, default 8
        Filters per row.
    size : float, default 0.9
        Side of one filter in inches.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.plotting import plot_filters
    >>> fig = plot_filters(np.random.default_rng(0).normal(size=(3, 3, 1, 4)))
    >>> len(fig.axes)
    4
    """
    weights = check_array("kernel", kernel, ndim=(3, 4))
    if weights.ndim == 4:
        weights = weights.sum(axis=2)
    filters = np.moveaxis(weights, -1, 0)[..., None]  # (filters, kh, kw, 1): grey
    titles = [str(k) for k in range(len(filters))]
    return plot_image_grid(filters, titles, n_cols=n_cols, cmap="RdBu_r", size=size,
                           symmetric=True)


def plot_feature_maps(maps: Any, *, n_cols: int = 8, size: float = 1.1) -> Figure:
    """Show the feature maps of one image after a layer, one image per channel.

    Parameters
    ----------
    maps : array of shape (height, width, channels) or (1, height, width, channels)
        A layer's output for one image (a batch of one is accepted).
    n_cols : int, default 8
        Maps per row.
    size : float, default 1.1
        Side of one map in inches.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.plotting import plot_feature_maps
    >>> fig = plot_feature_maps(np.zeros((1, 6, 6, 3)))
    >>> len(fig.axes)
    3
    """
    array = check_array("maps", maps, ndim=(3, 4))
    if array.ndim == 4:
        if array.shape[0] != 1:
            raise ValueError(
                f"maps must be the output for one image, got a batch of {array.shape[0]}: "
                "pass maps[0]"
            )
        array = array[0]
    channels = np.moveaxis(array, -1, 0)[..., None]  # (channels, h, w, 1): grey
    titles = [str(k) for k in range(len(channels))]
    return plot_image_grid(channels, titles, n_cols=n_cols, cmap="magma", size=size)
