"""The container every loader returns: a data set split into train and test."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class SplitData:
    """A data set split into train and test parts, ready for a model.

    Attributes
    ----------
    X_train, X_test : np.ndarray
        Feature matrices of shape ``(n_samples, n_features)``, float32.
    y_train, y_test : np.ndarray
        Integer class labels ``0 .. n_classes - 1``.
    feature_names : tuple of str
        The name of each column of ``X``.
    class_names : tuple of str
        ``class_names[k]`` is the name of label ``k``.
    """

    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray
    feature_names: tuple[str, ...]
    class_names: tuple[str, ...]

    @property
    def n_features(self) -> int:
        """Number of input features (columns of ``X``)."""
        return self.X_train.shape[1]

    @property
    def n_classes(self) -> int:
        """Number of classes."""
        return len(self.class_names)
