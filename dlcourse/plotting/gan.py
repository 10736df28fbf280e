"""Figures of generative models (chapter 6): samples, image grids, losses, a D map."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from dlcourse._checks import check_array, check_int, renamed_argument
from dlcourse.plotting._axes import check_ax, fit_column

__all__ = ["plot_discriminator_map", "plot_gan_losses", "plot_sample_grid", "plot_sample_scatter"]


def _check_snapshots(snapshots: Any) -> dict:
    if not isinstance(snapshots, Mapping) or not snapshots:
        raise TypeError(
            "snapshots must be a non-empty dict of epoch -> samples (SampleSnapshots.snapshots), "
            f"got {type(snapshots).__name__}"
        )
    return {key: check_array(f"snapshots[{key!r}]", value, ndim=2)
            for key, value in snapshots.items()}


def plot_sample_scatter(
    snapshots: Mapping[Any, Any],
    real: Any = None,
    *,
    centers: Any = None,
    n_cols: int | None = None,
    limit: float | None = None,
    title: str | None = None,
    ncols: int | None = None,
) -> Figure:
    """Scatter 2-D samples taken during training, one small panel per snapshot.

    Parameters
    ----------
    snapshots : dict
        Panel title (e.g. the epoch) -> samples of shape ``(n, 2)``.
    real : array-like of shape (m, 2), optional
        Real data, drawn in grey behind every panel.
    centers : array-like of shape (k, 2), optional
        The modes' centres, marked with crosses.
    n_cols : int, default 4
        Panels per row (``ncols``, its old name, still works).
    limit : float, optional
        Both axes run from ``-limit`` to ``limit`` (default: fit the data).
    title : str, optional
        A title over the figure.

    Examples
    --------
    >>> import numpy as np
    >>> fig = plot_sample_scatter({1: np.zeros((5, 2)), 2: np.ones((5, 2))})
    >>> len(fig.axes)
    2
    """
    panels = _check_snapshots(snapshots)
    n_cols = renamed_argument("n_cols", n_cols, "ncols", ncols)
    n_cols = check_int("n_cols", 4 if n_cols is None else n_cols, minimum=1)
    if any(v.shape[1] != 2 for v in panels.values()):
        raise ValueError("snapshots must hold 2-D points, arrays of shape (n, 2)")
    real = None if real is None else check_array("real", real, ndim=2)
    centers = None if centers is None else check_array("centers", centers, ndim=2)
    n_cols = min(n_cols, len(panels))
    n_rows = -(-len(panels) // n_cols)
    fig, axes = plt.subplots(n_rows, n_cols, figsize=fit_column(2.3 * n_cols, 2.3 * n_rows + 0.3),
                             sharex=True, sharey=True, squeeze=False)
    for ax in axes.ravel()[len(panels):]:
        ax.remove()
    for ax, (key, points) in zip(axes.ravel(), panels.items()):
        if real is not None:
            ax.scatter(*real.T, s=3, color="0.75", label="real")
        ax.scatter(*points.T, s=3, color="C0", alpha=0.6, label="generated")
        if centers is not None:
            ax.scatter(*centers.T, marker="x", s=30, color="C3", label="mode centre")
        ax.set_title(str(key), fontsize=10)
        ax.set_aspect("equal")
        if limit is not None:
            ax.set_xlim(-limit, limit)
            ax.set_ylim(-limit, limit)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_sample_grid(
    images: Any,
    *,
    image_shape: Sequence[int] = (8, 8),
    n_cols: int | None = None,
    labels: Sequence[str] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    ncols: int | None = None,
) -> Axes:
    """Draw images (rows of pixels or 2-D images) as a grid of tiles.

    Parameters
    ----------
    images : array-like of shape (n, h * w) or (n, h, w) or (n, h, w, 1)
        Grey-scale images, values in [0, 1].
    image_shape : (int, int), default (8, 8)
        Height and width, used when ``images`` are rows of pixels.
    n_cols : int, default 10
        Tiles per row (``ncols``, its old name, still works).
    labels : sequence of str, optional
        A caption under each tile (e.g. the class a classifier names).
    ax : matplotlib Axes, optional
        Draw into this axes (one image of the whole grid); default: a new figure.
    title : str, optional
        The axes' title.

    Examples
    --------
    >>> import numpy as np
    >>> ax = plot_sample_grid(np.zeros((20, 64)), n_cols=10)
    >>> ax.images[0].get_array().shape
    (19, 91)
    """
    images = check_array("images", images, ndim=(2, 3, 4))
    n_cols = renamed_argument("n_cols", n_cols, "ncols", ncols)
    n_cols = check_int("n_cols", 10 if n_cols is None else n_cols, minimum=1)
    if (isinstance(image_shape, (str, bytes)) or not isinstance(image_shape, Sequence)
            or len(image_shape) != 2):
        raise TypeError(f"image_shape must be (height, width), got {image_shape!r}")
    h, w = (check_int(f"image_shape[{k}]", v, minimum=1) for k, v in enumerate(image_shape))
    if images.ndim == 4:
        if images.shape[3] != 1:
            raise ValueError(f"images must be grey-scale (one channel), got shape {images.shape}")
        images = images[..., 0]
    if images.ndim == 2:
        if images.shape[1] != h * w:
            raise ValueError(
                f"images have rows of {images.shape[1]} pixels, but image_shape {(h, w)} "
                f"needs {h * w}"
            )
        images = images.reshape(-1, h, w)
    n, h, w = images.shape
    if labels is not None and len(labels) != n:
        raise ValueError(f"labels must give one caption per image, got {len(labels)} for {n}")
    n_cols = min(n_cols, n)
    n_rows = -(-n // n_cols)
    grid = np.full((n_rows * (h + 1) + 1, n_cols * (w + 1) + 1), 0.3)  # grey frames
    for k, image in enumerate(images):
        r, c = divmod(k, n_cols)
        grid[1 + r * (h + 1):1 + r * (h + 1) + h, 1 + c * (w + 1):1 + c * (w + 1) + w] = image
    ax = check_ax(ax, figsize=(0.6 * n_cols + 0.4, 0.6 * n_rows + 0.5))
    ax.imshow(grid, cmap="gray_r", vmin=0, vmax=1, interpolation="nearest")
    if labels is not None:
        for k, label in enumerate(labels):
            r, c = divmod(k, n_cols)
            ax.text(1 + c * (w + 1) + w - 0.5, 1 + r * (h + 1) + h - 0.3, str(label),
                    color="C3", fontsize=7, ha="right", va="bottom")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    if title:
        ax.set_title(title, fontsize=10)
    return ax


def plot_gan_losses(history: Any, *, smooth: int = 20, title: str | None = None,
                    ax: Axes | None = None) -> Axes:
    """Plot a GAN's discriminator and generator loss after every training step.

    Parameters
    ----------
    history : keras History or dict
        What ``GAN.fit`` returned (it holds
        ``"d_loss_step"`` and ``"g_loss_step"``), or its ``history`` dict.
    smooth : int, default 20
        Width of a moving average drawn over the raw, noisy curves (1: none).
    title : str, optional
        The axes' title.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.

    Examples
    --------
    >>> ax = plot_gan_losses({"d_loss_step": [1.4, 1.3, 1.2], "g_loss_step": [0.7, 0.8, 0.9]},
    ...                       smooth=2)
    >>> [line.get_label() for line in ax.lines if line.get_label()[0] != "_"]
    ['discriminator', 'generator']
    """
    data = getattr(history, "history", history)
    if not isinstance(data, Mapping) or "d_loss_step" not in data or "g_loss_step" not in data:
        raise TypeError(
            "history must be what GAN.fit returned, holding 'd_loss_step' and 'g_loss_step', "
            f"got {type(history).__name__}"
        )
    smooth = check_int("smooth", smooth, minimum=1)
    ax = check_ax(ax, figsize=(6.4, 3.4))
    for key, label, colour in (("d_loss_step", "discriminator", "C0"),
                               ("g_loss_step", "generator", "C1")):
        values = check_array(f"history[{key!r}]", data[key], ndim=1)
        steps = np.arange(1, len(values) + 1)
        if smooth > 1 and len(values) >= smooth:
            kernel = np.ones(smooth) / smooth
            ax.plot(steps[smooth - 1:], np.convolve(values, kernel, mode="valid"),
                    color=colour, label=label)
            ax.plot(steps, values, color=colour, alpha=0.25, linewidth=0.8, label="_raw")
        else:
            ax.plot(steps, values, color=colour, label=label)
    ax.axhline(np.log(4), color="0.4", linestyle=":", linewidth=1)
    ax.axhline(np.log(2), color="0.4", linestyle=":", linewidth=1)
    ax.set_xlabel("training step")
    ax.set_ylabel("loss")
    ax.legend()
    if title:
        ax.set_title(title)
    ax.figure.tight_layout()
    return ax


def plot_discriminator_map(
    surface: tuple[Any, Any, Any],
    samples: Any = None,
    real: Any = None,
    *,
    title: str | None = None,
    colorbar: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """Draw a 2-D discriminator's probability "real" over the plane, with samples on top.

    Parameters
    ----------
    surface : (xs, ys, probability)
        What :func:`dlcourse.evaluation.discriminator_surface` returns.
    samples : array-like of shape (n, 2), optional
        Generated points, drawn as small black-edged dots.
    real : array-like of shape (m, 2), optional
        Real points, drawn as small black crosses.
    title : str, optional
        The axes' title.
    colorbar : bool, default True
        Add a colour bar for the probability (0 to 1).
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.

    Examples
    --------
    >>> import numpy as np
    >>> axis = np.linspace(-1, 1, 3)
    >>> ax = plot_discriminator_map((axis, axis, np.full((3, 3), 0.5)))
    >>> ax.get_xlabel()
    'x1'
    """
    if not isinstance(surface, (tuple, list)) or len(surface) != 3:
        raise TypeError("surface must be the (xs, ys, probability) that discriminator_surface "
                        f"returns, got {type(surface).__name__}")
    xs = check_array("surface xs", surface[0], ndim=1)
    ys = check_array("surface ys", surface[1], ndim=1)
    probability = check_array("surface probability", surface[2], ndim=2)
    if probability.shape != (len(ys), len(xs)):
        raise ValueError(f"surface probability must have shape {(len(ys), len(xs))}, got "
                         f"{probability.shape}")
    ax = check_ax(ax, figsize=(3.6, 3.2))
    # cividis: readable by colour-blind readers and in grey scale
    image = ax.pcolormesh(xs, ys, probability, cmap="cividis", vmin=0, vmax=1,
                          shading="auto")
    if real is not None:
        real = check_array("real", real, ndim=2)
        ax.scatter(*real[:, :2].T, s=4, marker="x", color="black", linewidths=0.5,
                   label="real")
    if samples is not None:
        samples = check_array("samples", samples, ndim=2)
        ax.scatter(*samples[:, :2].T, s=8, color="C1", edgecolors="black", linewidths=0.3,
                   label="generated")
    if colorbar:
        ax.figure.colorbar(image, ax=ax, label="D: probability real")
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    ax.set_aspect("equal")
    if title:
        ax.set_title(title, fontsize=10)
    return ax
