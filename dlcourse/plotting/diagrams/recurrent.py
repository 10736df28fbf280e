"""Diagrams of recurrent networks: a loop unrolled over time, and an LSTM cell (chapter 5)."""

from __future__ import annotations

import matplotlib.pyplot as plt

from dlcourse._checks import check_int
from dlcourse.plotting._axes import check_ax

__all__ = ["plot_lstm_cell", "plot_unrolled_rnn"]


def _box(ax: plt.Axes, xy: tuple[float, float], text: str, color: str, width: float = 0.9,
         height: float = 0.6) -> None:
    x, y = xy
    ax.add_patch(plt.Rectangle((x - width / 2, y - height / 2), width, height, facecolor=color,
                               edgecolor="black", lw=1.2, zorder=2))
    ax.text(x, y, text, ha="center", va="center", fontsize=11, zorder=3)


def _arrow(ax: plt.Axes, start: tuple[float, float], end: tuple[float, float],
           label: str = "", color: str = "black") -> None:
    ax.annotate("", xy=end, xytext=start,
                arrowprops={"arrowstyle": "->", "lw": 1.4, "color": color}, zorder=1)
    if label:
        ax.text((start[0] + end[0]) / 2, (start[1] + end[1]) / 2 + 0.12, label,
                ha="center", va="bottom", fontsize=10, color=color)


def plot_unrolled_rnn(steps: int = 4, *, ax: plt.Axes | None = None) -> plt.Axes:
    """Draw a recurrent layer as a loop, and the same loop unrolled over time.

    Left: one cell whose state feeds back into itself. Right: that cell
    copied once per time step, each copy taking the input ``x_t`` and the
    previous state ``h_{t-1}``, with the same weights ``W``, ``U``, ``b``
    in every copy.

    Parameters
    ----------
    steps : int, default 4
        Time steps drawn in the unrolled picture, 2 to 8.
    ax : matplotlib Axes, optional
        Where to draw; a new wide figure by default.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> ax = plot_unrolled_rnn(3)
    >>> ax.axison
    False
    """
    steps = check_int("steps", steps, minimum=2)
    if steps > 8:
        raise ValueError(f"steps must be between 2 and 8 to fit the picture, got {steps}")
    ax = check_ax(ax, figsize=(2.0 + 1.6 * steps, 3.2))
    cell, io = "#cfe2f3", "#fde9c9"
    # The folded loop.
    _box(ax, (0, 1), "RNN", cell)
    _box(ax, (0, 0), "$x_t$", io, height=0.45)
    _box(ax, (0, 2), "$h_t$", io, height=0.45)
    _arrow(ax, (0, 0.23), (0, 0.7))
    _arrow(ax, (0, 1.3), (0, 1.77))
    # The state fed back: out of the cell's left side and into it again.
    ax.plot([-0.45, -0.85, -0.85], [1.15, 1.15, 0.85], color="black", lw=1.4, zorder=1)
    _arrow(ax, (-0.86, 0.85), (-0.45, 0.85))
    ax.text(-0.95, 1.0, "$h_{t-1}$", ha="right", va="center", fontsize=10)
    ax.text(1.0, 1.0, "=", ha="center", va="center", fontsize=22)
    # The unrolled chain.
    x0 = 2.8
    for k in range(steps):
        x = x0 + 1.6 * k
        label = f"t={k + 1}" if k < steps - 1 else "t=T"
        t = str(k + 1) if k < steps - 1 else "T"
        _box(ax, (x, 1), "RNN", cell)
        _box(ax, (x, 0), f"$x_{{{t}}}$", io, height=0.45)
        _box(ax, (x, 2), f"$h_{{{t}}}$", io, height=0.45)
        _arrow(ax, (x, 0.23), (x, 0.7))
        _arrow(ax, (x, 1.3), (x, 1.77))
        ax.text(x, -0.45, label, ha="center", va="center", fontsize=9, color="0.3")
        _arrow(ax, (x - 1.15, 1), (x - 0.45, 1), label="$h_0 = 0$" if k == 0 else "")
    ax.text(x0 + 1.6 * (steps - 1) / 2, 2.55, "the same weights W, U, b in every copy",
            ha="center", va="center", fontsize=10, style="italic")
    ax.set_xlim(-2.0, x0 + 1.6 * (steps - 1) + 0.7)
    ax.set_ylim(-0.7, 2.8)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def _circle(ax: plt.Axes, xy: tuple[float, float], text: str) -> None:
    ax.add_patch(plt.Circle(xy, 0.17, facecolor="white", edgecolor="black", lw=1.2, zorder=3))
    ax.text(*xy, text, ha="center", va="center", fontsize=11, zorder=4)


def plot_lstm_cell(*, ax: plt.Axes | None = None) -> plt.Axes:
    """Draw one LSTM cell: its cell state, its three gates and the candidate.

    The cell state runs along the top, changed only by a multiplication
    (the forget gate) and an addition (the gated candidate); the new hidden
    state is the output gate times ``tanh`` of the cell state. Sigmoid
    layers (the gates) are drawn in one colour, ``tanh`` layers in another.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> ax = plot_lstm_cell()
    >>> ax.axison
    False
    """
    ax = check_ax(ax, figsize=(8.0, 4.2))
    gate, layer = "#f4cccc", "#d9ead3"
    ax.add_patch(plt.Rectangle((0.4, -0.35), 5.3, 3.75, facecolor="#eef3fa",
                               edgecolor="0.5", lw=1, zorder=0))
    # The cell state line along the top.
    _arrow(ax, (-0.6, 3.0), (6.6, 3.0))
    ax.text(-0.65, 3.0, "$c_{t-1}$", ha="right", va="center", fontsize=11)
    ax.text(6.65, 3.0, "$c_t$", ha="left", va="center", fontsize=11)
    _circle(ax, (1.0, 3.0), "×")
    _circle(ax, (2.5, 3.0), "+")
    # The inputs: previous state from the left, current input from below.
    ax.plot([-0.6, 4.2], [0.0, 0.0], color="black", lw=1.4, zorder=1)
    ax.text(-0.65, 0.0, "$h_{t-1}$", ha="right", va="center", fontsize=11)
    ax.plot([0.6, 0.6], [-0.8, 0.0], color="black", lw=1.4, zorder=1)
    ax.text(0.6, -0.95, "$x_t$", ha="center", va="top", fontsize=11)
    boxes = [(1.0, "σ", gate, "forget\ngate $f_t$"), (2.0, "σ", gate, "input\ngate $i_t$"),
             (3.0, "tanh", layer, "candidate\n$\\tilde c_t$"), (4.2, "σ", gate, "output\ngate $o_t$")]
    for x, text, colour, name in boxes:
        _arrow(ax, (x, 0.0), (x, 0.72))
        _box(ax, (x, 1.0), text, colour, width=0.62, height=0.55)
        ax.text(x + 0.36, 0.42, name, ha="left", va="center", fontsize=8, color="0.25")
    # forget gate -> x on the cell line; input gate x candidate -> + on it.
    _arrow(ax, (1.0, 1.28), (1.0, 2.83))
    _circle(ax, (2.5, 2.0), "×")
    _arrow(ax, (2.0, 1.28), (2.37, 1.9))
    _arrow(ax, (3.0, 1.28), (2.63, 1.9))
    _arrow(ax, (2.5, 2.17), (2.5, 2.83))
    # tanh of the new cell state, times the output gate: the new hidden state.
    ax.plot([5.2, 5.2], [3.0, 2.55], color="black", lw=1.4, zorder=1)
    _box(ax, (5.2, 2.25), "tanh", layer, width=0.62, height=0.45)
    _arrow(ax, (5.2, 2.02), (5.2, 1.17))
    _circle(ax, (5.2, 1.0), "×")
    _arrow(ax, (4.51, 1.0), (5.03, 1.0))
    _arrow(ax, (5.37, 1.0), (6.6, 1.0))
    ax.text(6.65, 1.0, "$h_t$", ha="left", va="center", fontsize=11)
    ax.set_xlim(-1.4, 7.2)
    ax.set_ylim(-1.3, 3.6)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax
