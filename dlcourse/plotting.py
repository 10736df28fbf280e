"""The book's plot style and its recurring figures.

No TensorFlow import here: a History is read through its ``history`` dict
and a model through :func:`dlcourse.evaluation.predict_classes`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from dlcourse._checks import check_array, check_int, check_same_length
from dlcourse.evaluation import predict_classes

#: Colour-blind-safe palette used throughout the book (seaborn "colorblind").
PALETTE = "colorblind"


def use_style() -> None:
    """Apply the book's plot style: clean grid, colour-blind-safe colours.

    Call it once in a chapter's set-up cell; every later figure follows it.

    Examples
    --------
    >>> from dlcourse.plotting import use_style
    >>> use_style()
    """
    import seaborn as sns

    sns.set_theme(context="notebook", style="whitegrid", palette=PALETTE)
    plt.rcParams.update(
        {
            "figure.figsize": (6.4, 4.0),
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "axes.titleweight": "bold",
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )


def _history_dict(history: Any) -> dict[str, list[float]]:
    data = getattr(history, "history", history)
    if not isinstance(data, Mapping) or not data:
        raise TypeError(
            "history must be a keras History or a non-empty dict of per-epoch "
            f"lists, got {type(history).__name__}"
        )
    return {str(k): list(v) for k, v in data.items()}


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
    unknown = [m for m in metrics if m not in data]
    if unknown or not metrics:
        raise ValueError(f"metrics has unknown name(s) {unknown}; history holds {available}")

    fig, axes = plt.subplots(1, len(metrics), figsize=(5.0 * len(metrics), 3.6), squeeze=False)
    for ax, metric in zip(axes[0], metrics):
        epochs = np.arange(1, len(data[metric]) + 1)
        ax.plot(epochs, data[metric], label="training")
        if f"val_{metric}" in data:
            ax.plot(epochs, data[f"val_{metric}"], label="validation", linestyle="--")
        ax.set_xlabel("epoch")
        ax.set_ylabel(metric.replace("_", " "))
        ax.legend()
    if title:
        fig.suptitle(title)
    return fig


def plot_decision_regions(
    model: Any,
    X: Any,
    y: Any,
    *,
    feature_names: Sequence[str] | None = None,
    class_names: Sequence[str] | None = None,
    resolution: int = 200,
    ax: Axes | None = None,
) -> Axes:
    """Colour the plane by the class ``model`` predicts, and overlay the data.

    Parameters
    ----------
    model : object with ``predict``, or callable
        A classifier of two input features (see
        :func:`dlcourse.evaluation.predict_classes`).
    X : array-like of shape (n_samples, 2)
        The points to draw; the plotted plane covers them with a margin.
    y : array-like of shape (n_samples,)
        Their integer class labels.
    feature_names : pair of str, optional
        Axis labels.
    class_names : sequence of str, optional
        Legend labels, ``class_names[k]`` for label ``k``.
    resolution : int, default 200
        Grid points per axis (>= 10): the model is evaluated
        ``resolution ** 2`` times.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.plotting import plot_decision_regions
    >>> X = np.array([[0.0, 0.0], [1.0, 1.0]])
    >>> ax = plot_decision_regions(lambda g: (g.sum(axis=1) > 1).astype(int), X, [0, 1])
    """
    X = check_array("X", X, ndim=2)
    if X.shape[1] != 2:
        raise ValueError(f"X must have exactly 2 columns (features), got shape {X.shape}")
    y = check_array("y", y, ndim=1).astype(int)
    check_same_length("X", X, "y", y)
    resolution = check_int("resolution", resolution, minimum=10)
    n_classes = int(y.max()) + 1
    if class_names is None:
        class_names = [str(k) for k in range(n_classes)]
    elif len(class_names) < n_classes:
        raise ValueError(
            f"class_names must name all {n_classes} classes in y, got {list(class_names)}"
        )
    if feature_names is not None and len(feature_names) != 2:
        raise ValueError(f"feature_names must hold 2 names, got {list(feature_names)}")

    margin = 0.1 * (X.max(axis=0) - X.min(axis=0)) + 1e-9
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    g0, g1 = np.meshgrid(
        np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution)
    )
    grid = np.column_stack([g0.ravel(), g1.ravel()]).astype(np.float32)
    regions = predict_classes(model, grid).reshape(g0.shape)

    import seaborn as sns

    colours = sns.color_palette(PALETTE, max(n_classes, int(regions.max()) + 1))
    if ax is None:
        _, ax = plt.subplots()
    ax.contourf(
        g0, g1, regions, levels=np.arange(len(colours) + 1) - 0.5,
        cmap=ListedColormap(colours), alpha=0.25,
    )
    markers = "osD^vP*X"
    for k in range(n_classes):
        mask = y == k
        ax.scatter(
            X[mask, 0], X[mask, 1], color=colours[k], marker=markers[k % len(markers)],
            edgecolor="white", linewidth=0.5, s=36, label=class_names[k],
        )
    if feature_names is not None:
        ax.set_xlabel(feature_names[0])
        ax.set_ylabel(feature_names[1])
    ax.legend(title="class")
    return ax


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
