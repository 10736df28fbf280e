"""The book's plot style: one look for every figure, drawn for the column.

The palette is Okabe and Ito's colour-blind-safe set (Okabe & Ito 2008,
"Color Universal Design"), without its yellow (too light on white) and
black (reads as the axes): every pair of the six colours stays apart under
simulated deuteranopia and protanopia (``tests/plotting/test_style.py``).
Lines also differ by line style, so no curve is told apart by colour alone.

Figures are drawn for the book's column (about 690 px at 100 dpi): the
default figure is 6.4 in wide, and the smallest text (ticks, legend) is
10 pt, about 14 px on the page.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from cycler import cycler

__all__ = ["COLUMN_WIDTH", "LINESTYLES", "PALETTE", "use_style"]

#: The colour-blind-safe palette of the whole book (Okabe-Ito, in order:
#: blue, orange, bluish green, reddish purple, sky blue, vermilion).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]

#: Line styles paired with the palette, one per colour.
LINESTYLES = ["-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1, 1, 1))]

#: Width in inches that the book's column shows at 100 % (at ``figure.dpi`` 100).
COLUMN_WIDTH = 6.8


def use_style() -> None:
    """Apply the book's plot style: clean grid, colour-blind-safe colours.

    Sets the palette (:data:`PALETTE`, each colour with its own line style),
    a figure size that fits the book's column (6.4 x 4.0 in at 100 dpi) and
    font sizes readable at that width (ticks and legend 10 pt, labels 11 pt).
    Call it once in a chapter's set-up cell; every later figure follows it.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from dlcourse.plotting import use_style
    >>> use_style()
    >>> plt.rcParams["figure.figsize"]
    [6.4, 4.0]
    """
    import seaborn as sns

    sns.set_theme(context="notebook", style="whitegrid", palette=PALETTE)
    plt.rcParams.update(
        {
            "axes.prop_cycle": cycler(color=PALETTE) + cycler(linestyle=LINESTYLES),
            "figure.figsize": (6.4, 4.0),
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "font.size": 11,
            "axes.titlesize": 12,
            "axes.labelsize": 11,
            "xtick.labelsize": 10,
            "ytick.labelsize": 10,
            "legend.fontsize": 10,
            "legend.title_fontsize": 10,
            "figure.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
