"""The book's plot style: one look for every figure."""

from __future__ import annotations

import matplotlib.pyplot as plt

__all__ = ["PALETTE", "use_style"]

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
