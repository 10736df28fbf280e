"""A diagram of the learning loop: forward, loss, backward, update (chapter 3)."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from dlcourse.plotting._axes import check_ax

__all__ = ["LOOP_STEPS", "plot_learning_loop"]

# (title, what the step computes): in the order one batch goes through them.
LOOP_STEPS = (
    ("1. forward pass", "predictions $\\hat{y}$\nfrom inputs $x$"),
    ("2. loss", "$L(\\hat{y}, y)$:\nhow wrong"),
    ("3. backward pass", "backpropagation:\n$\\partial L / \\partial w$ for every $w$"),
    ("4. update", "optimizer: $w \\leftarrow$\n$w - \\eta\\, \\partial L / \\partial w$"),
)


def plot_learning_loop(*, ax: Axes | None = None) -> Axes:
    """Draw the learning loop as four boxes in a cycle, one per step.

    Forward pass, loss, backward pass (backpropagation computes every
    gradient) and update (the optimizer applies them), then back to the
    forward pass with the next batch. The backward pass comes *before* the
    update: it is how the gradients the update needs are computed.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where to draw; default a new figure.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = plot_learning_loop()
    >>> len(ax.patches) >= 4
    True
    """
    ax = check_ax(ax, figsize=(8, 4.2))
    # Box centres clockwise: top left, top right, bottom right, bottom left.
    centres = [(0.2, 0.75), (0.8, 0.75), (0.8, 0.22), (0.2, 0.22)]
    width, height = 0.34, 0.3
    for (title, body), (x, y) in zip(LOOP_STEPS, centres):
        ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                    boxstyle="round,pad=0.01", facecolor="white",
                                    edgecolor="0.2", linewidth=1.2))
        ax.text(x, y + 0.07, title, ha="center", va="center", fontweight="bold")
        ax.text(x, y - 0.05, body, ha="center", va="center", fontsize="small")
    arrows = [((0.37, 0.75), (0.63, 0.75), "-"), ((0.8, 0.6), (0.8, 0.37), "-"),
              ((0.63, 0.22), (0.37, 0.22), "-"), ((0.2, 0.37), (0.2, 0.6), "--")]
    for start, end, style in arrows:
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=18,
                                     linestyle=style, color="0.2"))
    ax.text(0.5, 0.49, "repeat with the next batch,\nepoch after epoch",
            ha="center", va="center", fontsize="small", style="italic")
    ax.set(xlim=(0, 1), ylim=(0, 1))
    ax.set_axis_off()
    return ax
