"""Two interleaving half-moons: a small non-linear problem, generated (chapter 2)."""

from __future__ import annotations

import numpy as np

from dlcourse._checks import check_float, check_int
from dlcourse.data.split import SplitData, standardize_split, stratified_split

__all__ = ["load_moons"]


def load_moons(
    n_samples: int = 1000, noise: float = 0.15, test_size: float = 0.2, seed: int = 0
) -> SplitData:
    """Generate scikit-learn's two moons, split (stratified) and standardised.

    Two classes of points in the plane, each shaped like a half-moon, the
    two hooked into each other: no straight line separates them, so a
    linear model stays below 90 % accuracy, while a small network with
    non-linear activations can. The points come from
    ``sklearn.datasets.make_moons`` (generated, nothing downloaded);
    ``seed`` fixes both the points and the split. The scaling is fitted on
    the training part only.

    Parameters
    ----------
    n_samples : int, default 1000
        Number of points, half per moon, >= 10.
    noise : float, default 0.15
        Standard deviation of the Gaussian noise added to each point, >= 0.
    test_size : float, default 0.2
        Fraction of the points held out as the test set, in (0, 1).
    seed : int, default 0
        Seed of the points and of the split, >= 0.

    Returns
    -------
    SplitData
        Features ``("x1", "x2")``; classes ``("upper moon", "lower moon")``.

    Examples
    --------
    >>> from dlcourse.data import load_moons
    >>> data = load_moons(n_samples=200)
    >>> data.x_train.shape, data.class_names
    ((160, 2), ('upper moon', 'lower moon'))
    """
    n_samples = check_int("n_samples", n_samples, minimum=10)
    noise = check_float("noise", noise, low=0)
    seed = check_int("seed", seed, minimum=0)
    from sklearn.datasets import make_moons

    x, y = make_moons(n_samples=n_samples, noise=noise, random_state=seed)
    x_train, x_test, y_train, y_test = stratified_split(x, y.astype(np.int64), test_size, seed)
    x_train, x_test = standardize_split(x_train, x_test)
    return SplitData(x_train, x_test, y_train, y_test,
                     feature_names=("x1", "x2"), class_names=("upper moon", "lower moon"))
