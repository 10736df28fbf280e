"""The Palmer penguins (chapter 1): measurements of three species."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from dlcourse._checks import check_bool
from dlcourse.data._requires import require
from dlcourse.data.split import SplitData, standardize_split, stratified_split

__all__ = ["load_penguins", "load_penguins_frame", "PENGUIN_FEATURES"]

if TYPE_CHECKING:
    import pandas

PENGUIN_FEATURES = (
    "bill_length_mm",
    "bill_depth_mm",
    "flipper_length_mm",
    "body_mass_g",
)


def _check_features(features: Sequence[str] | None) -> tuple[str, ...]:
    if features is None:
        return PENGUIN_FEATURES
    if isinstance(features, str) or not isinstance(features, Sequence):
        raise TypeError(
            "features must be a list of column names such as "
            f"['bill_length_mm', 'flipper_length_mm'], got {features!r}"
        )
    if len(features) == 0:
        raise ValueError(f"features must name at least one of {list(PENGUIN_FEATURES)}, got []")
    unknown = [name for name in features if name not in PENGUIN_FEATURES]
    if unknown:
        raise ValueError(
            f"features has unknown name(s) {unknown}; expected names from "
            f"{list(PENGUIN_FEATURES)}"
        )
    if len(set(features)) != len(features):
        raise ValueError(f"features must not repeat a name, got {list(features)}")
    return tuple(features)


def load_penguins_frame() -> "pandas.DataFrame":
    """Return the Palmer penguins as a table, without rows that miss a measurement.

    Columns: ``species``, ``island``, the four measurements of
    ``PENGUIN_FEATURES``, ``sex`` and ``year``; 342 of the 344 rows have all
    four measurements. The data ship in the ``palmerpenguins`` package (MIT
    licence; data CC0), collected by Dr. Kristen Gorman and the Palmer
    Station LTER (Gorman, Williams & Fraser, 2014).

    Examples
    --------
    >>> from dlcourse.data import load_penguins_frame
    >>> load_penguins_frame().shape
    (342, 8)
    """
    _load_raw = require("palmerpenguins", by="load_penguins_frame").load_penguins

    frame = _load_raw().dropna(subset=list(PENGUIN_FEATURES)).reset_index(drop=True)
    frame["species"] = frame["species"].astype(str)
    return frame


def load_penguins(
    features: Sequence[str] | None = None,
    test_size: float = 0.2,
    seed: int = 0,
    *,
    standardize: bool = True,
) -> SplitData:
    """Load the Palmer penguins, split into train/test and standardised.

    The data are measurements of 344 penguins of three species (Adelie,
    Chinstrap, Gentoo) from three islands of the Palmer Archipelago,
    Antarctica, collected by Dr. Kristen Gorman and the Palmer Station LTER.
    They ship in the ``palmerpenguins`` package (MIT licence; data CC0).

    Rows with a missing measurement are dropped (see
    :func:`load_penguins_frame`), leaving 342. The split is
    stratified by species, and the standardisation (zero mean, unit
    variance) is fitted on the training part only, so no information from
    the test set leaks into training.

    Parameters
    ----------
    features : sequence of str, optional
        Columns to use, from ``PENGUIN_FEATURES``: ``bill_length_mm``,
        ``bill_depth_mm``, ``flipper_length_mm``, ``body_mass_g``.
        Default: all four.
    test_size : float, default 0.2
        Fraction of the rows held out for testing, in (0, 1).
    seed : int, default 0
        Seed of the shuffled split, so the same rows land in the same part.
    standardize : bool, default True
        Scale each feature to zero mean and unit variance (fitted on the
        training part). ``False`` keeps the raw measurements (millimetres
        and grams), to see why scaling matters.

    Returns
    -------
    SplitData
        ``x_train``, ``x_test`` (float32), ``y_train``, ``y_test`` (int
        labels), ``feature_names`` and ``class_names``.

    Examples
    --------
    >>> from dlcourse.data import load_penguins
    >>> data = load_penguins(features=["bill_length_mm", "flipper_length_mm"])
    >>> data.x_train.shape, data.class_names
    ((273, 2), ('Adelie', 'Chinstrap', 'Gentoo'))
    """
    features = _check_features(features)
    standardize = check_bool("standardize", standardize)

    frame = load_penguins_frame()
    class_names = tuple(sorted(frame["species"].unique()))
    y = frame["species"].map({name: k for k, name in enumerate(class_names)})
    x = frame[list(features)].to_numpy(dtype=np.float64)

    x_train, x_test, y_train, y_test = stratified_split(
        x, y.to_numpy(dtype=np.int64), test_size, seed
    )
    if standardize:
        x_train, x_test = standardize_split(x_train, x_test)
    return SplitData(
        x_train=x_train.astype(np.float32),
        x_test=x_test.astype(np.float32),
        y_train=y_train,
        y_test=y_test,
        feature_names=features,
        class_names=class_names,
    )
