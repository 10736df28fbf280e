"""A diagram of a GAN's two players (chapter 6)."""

from __future__ import annotations

from matplotlib.axes import Axes

from dlcourse.plotting._axes import check_ax

__all__ = ["plot_gan_diagram"]


def plot_gan_diagram(*, ax: Axes | None = None) -> Axes:
    """Draw the two players of a GAN: noise -> generator -> fake samples -> discriminator.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.

    Examples
    --------
    >>> ax = plot_gan_diagram()
    >>> "generator G" in [text.get_text() for text in ax.texts]
    True
    """
    ax = check_ax(ax, figsize=(8, 2.6))
    boxes = {"noise z": (0.05, 0.75), "generator G": (0.24, 0.75),
             "fake samples G(z)": (0.48, 0.75), "real samples x": (0.48, 0.2),
             "discriminator D": (0.75, 0.47), "P(real)": (0.95, 0.47)}
    drawn = {}
    for text, (x, y) in boxes.items():
        network = text.startswith(("generator", "discriminator"))
        style = dict(boxstyle="round,pad=0.4", edgecolor="0.3",
                     facecolor="C0" if network else "white", alpha=0.35 if network else 1.0)
        drawn[text] = ax.text(x, y, text, ha="center", va="center", fontsize=10, bbox=style)
    arrows = [("noise z", "generator G", 0.5), ("generator G", "fake samples G(z)", 0.5),
              ("fake samples G(z)", "discriminator D", 1.0),
              ("real samples x", "discriminator D", 0.0), ("discriminator D", "P(real)", 0.5)]
    for start, end, height in arrows:
        ax.annotate("", xy=(0.0 if height == 0.5 else 0.3, height), xycoords=drawn[end],
                    xytext=(1.0, 0.5), textcoords=drawn[start],
                    arrowprops=dict(arrowstyle="->", color="0.3", shrinkA=6, shrinkB=6))
    ax.set_xlim(-0.02, 1.05)
    ax.set_ylim(0, 1)
    ax.axis("off")
    return ax
