"""Subsets of a labelled data set: a stratified sample, and one class thinned out.

Used to measure how a model's accuracy grows with data and how it fails a
group that is rare in its training data (chapter 7's challenges page).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse._checks import check_int, check_labels

__all__ = ["stratified_subset", "thin_out_class"]


def stratified_subset(y: Any, size: int, seed: int = 0) -> np.ndarray:
    """Row indices of a random subset of ``size`` rows, every class kept in its share.

    Each class gets at least one row, so a small subset still holds all
    classes.

    Examples
    --------
    >>> import numpy as np
    >>> rows = stratified_subset(np.array([0] * 50 + [1] * 50), 10)
    >>> len(rows), int(np.bincount(np.array([0] * 50 + [1] * 50)[rows])[0])
    (10, 5)
    """
    y = check_labels("y", y)
    size = check_int("size", size, minimum=1)
    seed = check_int("seed", seed, minimum=0)
    classes = np.unique(y)
    if size < len(classes) or size > len(y):
        raise ValueError(
            f"size must be between the number of classes ({len(classes)}) and the number of "
            f"rows ({len(y)}), got {size}"
        )
    if size == len(y):
        return np.arange(len(y))
    from sklearn.model_selection import train_test_split

    rows, _ = train_test_split(np.arange(len(y)), train_size=size, random_state=seed,
                               stratify=y)
    return np.sort(rows)


def thin_out_class(y: Any, label: int, keep: int, seed: int = 0) -> np.ndarray:
    """Row indices of all rows except most of one class: only ``keep`` of ``label`` stay.

    Simulates a group that is under-represented in the training data.

    Examples
    --------
    >>> import numpy as np
    >>> y = np.array([0, 0, 0, 1, 1, 1])
    >>> y[thin_out_class(y, 1, keep=1)].tolist()
    [0, 0, 0, 1]
    """
    y = check_labels("y", y)
    label = check_int("label", label, minimum=0)
    keep = check_int("keep", keep, minimum=0)
    seed = check_int("seed", seed, minimum=0)
    members = np.flatnonzero(y == label)
    if len(members) == 0:
        raise ValueError(f"label {label} does not occur in y (labels {np.unique(y).tolist()})")
    if keep > len(members):
        raise ValueError(f"keep must be at most the {len(members)} rows of label {label}, got {keep}")
    kept = np.random.default_rng(seed).choice(members, size=keep, replace=False)
    return np.sort(np.concatenate([np.flatnonzero(y != label), kept]))
