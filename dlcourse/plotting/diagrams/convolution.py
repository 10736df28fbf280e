"""Diagrams of how a convolution slides: padding, stride and the receptive field (chapter 4)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from dlcourse._checks import check_choice, check_int

__all__ = ["plot_receptive_field", "plot_sliding_window"]


def _grid(ax: Axes, x0: float, y0: float, n: int, *, face: str = "white", edge: str = "0.6",
          line: str = "-") -> None:
    for i in range(n):
        for j in range(n):
            ax.add_patch(Rectangle((x0 + j, y0 - i - 1), 1, 1, facecolor=face, edgecolor=edge,
                                   linestyle=line, linewidth=0.8))


def _finish(ax: Axes, width: float, height: float, title: str) -> None:
    ax.set_xlim(-0.3, width + 0.3)
    ax.set_ylim(-height - 0.3, 0.8)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(title, fontsize=10)


def plot_sliding_window(
    size: int,
    kernel_size: int,
    *,
    stride: int = 1,
    padding: str = "valid",
    ax: Axes | None = None,
) -> Axes:
    """Draw an input grid, the kernel's first two positions, and the output grid.

    The input pixels are white, the zeros added by ``padding="same"`` grey
    with dashed borders. The kernel's first position is outlined in blue,
    its second (one stride to the right) in orange; the output pixels they
    produce are filled with the same colours.

    Parameters
    ----------
    size : int
        Side of the (square) input, at most 12.
    kernel_size : int
        Side of the kernel.
    stride : int, default 1
    padding : {"valid", "same"}, default "valid"
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from dlcourse.plotting import plot_sliding_window
    >>> ax = plot_sliding_window(5, 3, stride=2, padding="same")
    >>> ax.get_title()
    "5x5 input, 3x3 kernel, stride 2, 'same': 3x3 output"
    """
    from dlcourse.scratch.conv import _same_padding, output_size

    size = check_int("size", size, minimum=1)
    if size > 12:
        raise ValueError(f"size must be at most 12 to stay readable, got {size}")
    kernel_size = check_int("kernel_size", kernel_size, minimum=1)
    stride = check_int("stride", stride, minimum=1)
    padding = check_choice("padding", padding, ("valid", "same"))
    out = output_size(size, kernel_size, stride, padding)
    before, after = _same_padding(size, kernel_size, stride) if padding == "same" else (0, 0)
    padded = size + before + after
    if ax is None:
        _, ax = plt.subplots(figsize=(0.45 * (padded + out + 2), 0.45 * padded + 0.6))
    _grid(ax, 0, 0, padded, face="0.88", edge="0.6", line="--")
    _grid(ax, before, -before, size)
    colours = ["#0173b2", "#de8f05"]  # the colour-blind palette's blue and orange
    for k in range(min(2, out)):
        ax.add_patch(Rectangle((k * stride, -kernel_size), kernel_size, kernel_size,
                               fill=False, edgecolor=colours[k], linewidth=2.5 - k * 0.7))
    x_out, y_out = padded + 1.5, -(padded - out) / 2
    _grid(ax, x_out, y_out, out)
    for k in range(min(2, out)):
        ax.add_patch(Rectangle((x_out + k, y_out - 1), 1, 1, facecolor=colours[k], alpha=0.8))
    ax.annotate("", xy=(x_out - 0.2, -padded / 2), xytext=(padded + 0.2, -padded / 2),
                arrowprops={"arrowstyle": "->", "color": "0.3"})
    title = (f"{size}x{size} input, {kernel_size}x{kernel_size} kernel, stride {stride}, "
             f"'{padding}': {out}x{out} output")
    _finish(ax, x_out + out, padded, title)
    return ax


def plot_receptive_field(kernel_size: int = 3, n_layers: int = 2, *, ax: Axes | None = None,
                         legend: bool = False) -> Axes:
    """Draw the input pixels that one pixel sees after a stack of convolutions.

    Nested squares, centred on one pixel: after the first layer it sees
    ``kernel_size`` pixels across, after each further layer
    ``kernel_size - 1`` more (stride 1, no pooling).

    Parameters
    ----------
    kernel_size : int, default 3
        Kernel side of every layer (odd, so the squares are centred).
    n_layers : int, default 2
        Number of stacked convolutions, 1 to 4.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.
    legend : bool, default False
        Name each square in a legend beside the grid ("after 1 layer:
        3 × 3", ...), and the black pixel ("one output pixel").

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from dlcourse.plotting import plot_receptive_field
    >>> ax = plot_receptive_field(3, 2)
    >>> ax.get_title()
    'receptive field after 1, 2 layers of 3x3: 3x3, 5x5'
    >>> ax = plot_receptive_field(3, 2, legend=True)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['one output pixel', 'after 1 layer: 3 × 3', 'after 2 layers: 5 × 5']
    """
    from dlcourse.scratch.conv import receptive_field

    kernel_size = check_int("kernel_size", kernel_size, minimum=1)
    if kernel_size % 2 == 0:
        raise ValueError(f"kernel_size must be odd so the field is centred, got {kernel_size}")
    n_layers = check_int("n_layers", n_layers, minimum=1)
    if not isinstance(legend, (bool, np.bool_)):
        raise TypeError(f"legend must be True or False, got {legend!r}")
    if n_layers > 4:
        raise ValueError(f"n_layers must be at most 4 to stay readable, got {n_layers}")
    fields = receptive_field([kernel_size] * n_layers)
    side = fields[-1] + 2
    if ax is None:
        _, ax = plt.subplots(figsize=(0.45 * side + 0.4, 0.45 * side + 0.6))
    _grid(ax, 0, 0, side)
    colours = ["#0173b2", "#de8f05", "#029e73", "#cc78bc"]
    styles = ["-", "--", ":", "-."]  # the squares differ by line style as well as colour
    centre = side // 2
    squares = []
    for k, field in reversed(list(enumerate(fields))):
        corner = centre - field // 2
        squares.append(ax.add_patch(Rectangle(
            (corner, -corner - field), field, field, facecolor=colours[k], alpha=0.25 + 0.1 * k,
            edgecolor=colours[k], linewidth=2, linestyle=styles[k],
            label=f"after {k + 1} layer{'s' if k else ''}: {field} × {field}")))
    pixel = ax.add_patch(Rectangle((centre, -centre - 1), 1, 1, facecolor="0.15",
                                   label="one output pixel"))
    layers = ", ".join(str(k + 1) for k in range(n_layers))
    sizes = ", ".join(f"{f}x{f}" for f in fields)
    _finish(ax, side, side, f"receptive field after {layers} layers of "
                            f"{kernel_size}x{kernel_size}: {sizes}")
    if legend:
        ax.legend(handles=[pixel, *reversed(squares)], loc="center left",
                  bbox_to_anchor=(1.02, 0.5), frameon=False)
    return ax
