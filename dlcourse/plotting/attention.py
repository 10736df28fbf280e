"""What a Transformer looked at: a heat map of attention weights (chapter 7)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from dlcourse._checks import _describe, check_array

__all__ = ["plot_attention"]


def plot_attention(
    weights: Any, tokens: Sequence[str], *, title: str | None = None, ax: Axes | None = None
) -> Axes:
    """Draw a square matrix of attention weights with the words on both axes.

    Row ``i`` shows how much word ``i`` (the query) attends to each word
    (the keys); each row sums to 1. Give one head's ``(n, n)`` matrix, or
    ``(heads, n, n)`` to draw their average.

    Parameters
    ----------
    weights : array-like of shape (n, n) or (heads, n, n)
        Attention weights, as :func:`dlcourse.models.attention_weights`
        returns them.
    tokens : sequence of str
        The ``n`` words, in order.
    title : str, optional
        A title over the map.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import numpy as np
    >>> ax = plot_attention(np.full((2, 2), 0.5), ["good", "tea"])
    >>> [label.get_text() for label in ax.get_xticklabels()]
    ['good', 'tea']
    """
    array = check_array("weights", weights, ndim=(2, 3))
    if array.ndim == 3:
        array = array.mean(axis=0)
    if array.shape[0] != array.shape[1]:
        raise ValueError(f"weights must be square (queries x keys), got shape {array.shape}")
    if isinstance(tokens, (str, bytes)) or not isinstance(tokens, (Sequence, np.ndarray)):
        raise TypeError(f"tokens must be a list of words, got {_describe(tokens)}")
    tokens = [str(t) for t in tokens]
    if len(tokens) != array.shape[0]:
        raise ValueError(f"tokens must name one word per row of weights: got {len(tokens)} "
                         f"words for {array.shape[0]} rows")
    if ax is None:
        size = min(9.0, 2.0 + 0.32 * len(tokens))
        _, ax = plt.subplots(figsize=(size + 1.2, size))
    # The colours span the weights' own range, so small differences show;
    # the colour bar gives the values.
    image = ax.imshow(array, cmap="viridis")
    ax.grid(False)
    positions = np.arange(len(tokens))
    ax.set_xticks(positions, tokens, rotation=90)
    ax.set_yticks(positions, tokens)
    ax.set_xlabel("attends to (key)")
    ax.set_ylabel("word (query)")
    ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04, label="attention weight")
    if title is not None:
        ax.set_title(title)
    return ax
