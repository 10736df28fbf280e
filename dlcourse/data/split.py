"""The container every loader returns, and the stratified split behind it."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from dlcourse._checks import check_array, check_float, check_int

__all__ = ["SplitData", "standardize_split", "stratified_split"]


@dataclass(frozen=True)
class SplitData:
    """A data set split into train and test parts, ready for a model.

    Attributes
    ----------
    x_train, x_test : np.ndarray
        Inputs of shape ``(n_samples, ...)``, float32: a feature matrix
        ``(n_samples, n_features)`` or images ``(n_samples, height, width,
        channels)``.
    y_train, y_test : np.ndarray
        Integer class labels ``0 .. n_classes - 1`` (float32 targets for a
        regression data set, whose ``class_names`` is empty).
    feature_names : tuple of str
        The name of each column of ``x`` (empty for images).
    class_names : tuple of str
        ``class_names[k]`` is the name of label ``k``.
    """

    x_train: np.ndarray
    x_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray
    feature_names: tuple[str, ...]
    class_names: tuple[str, ...]

    @property
    def input_shape(self) -> tuple[int, ...]:
        """Shape of one input row, as ``keras.Input(shape=...)`` wants it."""
        return tuple(self.x_train.shape[1:])

    @property
    def n_features(self) -> int:
        """Number of input values per row (columns of ``x``, or pixels of an image)."""
        return int(np.prod(self.input_shape))

    @property
    def n_classes(self) -> int:
        """Number of classes."""
        return len(self.class_names)


def stratified_split(
    x: np.ndarray, y: np.ndarray, test_size: float, seed: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Split ``x``, ``y`` into train and test parts with the same class shares.

    Checks ``test_size`` and ``seed`` for the loaders, and refuses a
    ``test_size`` that leaves either part with fewer rows than classes (a
    stratified split needs one of each).

    Examples
    --------
    >>> import numpy as np
    >>> x, y = np.arange(20).reshape(10, 2), np.array([0, 1] * 5)
    >>> [part.shape for part in stratified_split(x, y, 0.2, 0)]
    [(8, 2), (2, 2), (8,), (2,)]
    """
    test_size = check_float("test_size", test_size, low=0, high=1, low_open=True, high_open=True)
    seed = check_int("seed", seed, minimum=0)
    n, n_classes = len(y), len(np.unique(y))
    n_test = math.ceil(test_size * n)  # scikit-learn's rounding
    if n_test < n_classes or n - n_test < n_classes:
        raise ValueError(
            f"test_size={test_size:g} of {n} rows gives {n_test} test and {n - n_test} "
            f"training rows, but each part needs at least one row of each of the "
            f"{n_classes} classes: choose test_size between "
            f"{n_classes / n:.3f} and {1 - n_classes / n:.3f}"
        )
    from sklearn.model_selection import train_test_split

    return train_test_split(x, y, test_size=test_size, random_state=seed, stratify=y)


def standardize_split(x_train: np.ndarray, x_test: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Scale both parts to the training part's zero mean and unit variance, as float32.

    The statistics come from the training rows only, so nothing about the
    test rows leaks into training.

    Examples
    --------
    >>> import numpy as np
    >>> train, test = standardize_split(np.array([[1.0], [3.0]]), np.array([[5.0]]))
    >>> train.ravel().tolist(), test.ravel().tolist()
    ([-1.0, 1.0], [3.0])
    """
    x_train = check_array("x_train", x_train, ndim=2)
    x_test = check_array("x_test", x_test, ndim=2)
    if x_train.shape[1] != x_test.shape[1]:
        raise ValueError(
            f"x_train and x_test must have the same columns, got {x_train.shape[1]} and "
            f"{x_test.shape[1]}"
        )
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x_train)
    return (scaler.transform(x_train).astype(np.float32),
            scaler.transform(x_test).astype(np.float32))
