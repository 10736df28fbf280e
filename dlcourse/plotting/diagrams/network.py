"""Diagrams of fully connected networks."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from dlcourse._checks import check_int
from dlcourse.plotting.style import PALETTE

__all__ = ["plot_network"]


def plot_network(
    layer_sizes: Sequence[int],
    *,
    layer_names: Sequence[str] | None = None,
    node_labels: Sequence[Sequence[str]] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw a fully connected network: one column of circles per layer.

    Parameters
    ----------
    layer_sizes : sequence of int
        Number of neurons per layer, input first (each between 1 and 12).
    layer_names : sequence of str, optional
        A caption under each column. Default: "input", "hidden 1", ...,
        "output".
    node_labels : sequence of sequence of str, optional
        Text inside each node, per layer (for example ``["x1", "x2"]``).
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from dlcourse.plotting import plot_network
    >>> ax = plot_network([3, 4, 1])
    """
    if isinstance(layer_sizes, (str, bytes)) or not isinstance(layer_sizes, Sequence):
        raise TypeError(
            f"layer_sizes must be a list of integers such as [3, 4, 1], got {layer_sizes!r}"
        )
    if len(layer_sizes) < 2:
        raise ValueError(f"layer_sizes must list at least 2 layers, got {list(layer_sizes)}")
    sizes = [check_int(f"layer_sizes[{k}]", n, minimum=1) for k, n in enumerate(layer_sizes)]
    if max(sizes) > 12:
        raise ValueError(f"layer_sizes must be at most 12 per layer to stay readable, got {sizes}")
    n_layers = len(sizes)
    if layer_names is None:
        layer_names = ["input", *[f"hidden {k}" for k in range(1, n_layers - 1)], "output"]
    if len(layer_names) != n_layers:
        raise ValueError(f"layer_names must hold {n_layers} names, got {len(layer_names)}")
    if node_labels is not None and [len(labels) for labels in node_labels] != sizes:
        raise ValueError(f"node_labels must hold one label per node, {sizes} per layer")

    import seaborn as sns

    colours = sns.color_palette(PALETTE, 3)
    if ax is None:
        _, ax = plt.subplots(figsize=(1.0 * n_layers + 0.2, 0.5 * max(sizes) + 0.7))
    tallest = max(sizes)
    # Columns GAP apart (room for their captions), each centred on y = 0.
    gap = 2.0
    positions = [[(gap * i, (n - 1) / 2 - j) for j in range(n)] for i, n in enumerate(sizes)]
    for left, right in zip(positions, positions[1:]):
        for x0, y0 in left:
            for x1, y1 in right:
                ax.plot([x0, x1], [y0, y1], color="0.6", linewidth=0.7, zorder=1)
    for i, layer in enumerate(positions):
        colour = colours[0] if i == 0 else colours[2] if i == n_layers - 1 else colours[1]
        for j, (x, y) in enumerate(layer):
            ax.add_patch(plt.Circle((x, y), 0.22, facecolor=colour, edgecolor="0.2", zorder=2))
            if node_labels is not None:
                ax.text(x, y, node_labels[i][j], ha="center", va="center", fontsize=9, zorder=3)
        ax.text(gap * i, -(tallest - 1) / 2 - 0.45, layer_names[i], ha="center", va="top", fontsize=10)
    ax.set_xlim(-0.8, gap * (n_layers - 1) + 0.8)
    ax.set_ylim(-(tallest - 1) / 2 - 0.9, (tallest - 1) / 2 + 0.4)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax
