"""Recommendation from ratings: bias baselines and matrix factorisation (chapter 7).

Ratings come as rows ``(user index, item index)`` with one rating each, as
:func:`dlcourse.data.load_movielens` gives them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from dlcourse._checks import (
    _describe,
    check_array,
    check_bool,
    check_float,
    check_int,
    check_same_length,
)

__all__ = ["BiasBaseline", "build_matrix_factorization", "fit_bias_baseline"]


def _check_pairs(name: str, x: Any, n_users: int | None = None,
                 n_items: int | None = None) -> np.ndarray:
    """Rows of (user, item) indices as int64, refusing fractions, negatives and overflow."""
    pairs = check_array(name, x, ndim=2)
    if pairs.shape[1] != 2:
        raise ValueError(f"{name} must have 2 columns (user index, item index), got shape "
                         f"{pairs.shape}")
    if np.any(pairs != np.round(pairs)) or pairs.min() < 0:
        raise ValueError(f"{name} must hold non-negative integer indices")
    for column, (what, n) in enumerate((("user", n_users), ("item", n_items))):
        if n is not None and pairs[:, column].max() >= n:
            raise ValueError(f"{name} holds {what} index {int(pairs[:, column].max())}, but there "
                             f"are only {n} {what}s (indices 0 .. {n - 1})")
    return pairs.astype(np.int64)


@dataclass(frozen=True)
class BiasBaseline:
    """Predicts ``mean + user_bias[u] + item_bias[i]``: who rates high, what is rated high."""

    mean: float
    user_bias: np.ndarray
    item_bias: np.ndarray

    def predict(self, x: Any) -> np.ndarray:
        """Predicted rating of each (user, item) row of ``x``."""
        pairs = _check_pairs("x", x, len(self.user_bias), len(self.item_bias))
        return self.mean + self.user_bias[pairs[:, 0]] + self.item_bias[pairs[:, 1]]


def fit_bias_baseline(
    x: Any, y: Any, n_users: int, n_items: int, *, reg: float = 5.0, n_iter: int = 10
) -> BiasBaseline:
    """Fit the user + item bias baseline by regularised alternating least squares.

    Each user's bias is the shrunk mean of their ratings' residuals, each
    item's likewise (``reg`` pseudo-ratings of 0 pull a bias with few
    ratings towards 0); ``n_iter`` rounds alternate the two (Koren et al.,
    2009). No learning of features: the non-deep baseline of
    recommendation.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[0, 0], [0, 1], [1, 0]])
    >>> baseline = fit_bias_baseline(x, [5.0, 4.0, 3.0], 2, 2, reg=0.0)
    >>> baseline.predict(x).round(2).tolist()
    [5.0, 4.0, 3.0]
    """
    n_users = check_int("n_users", n_users, minimum=1)
    n_items = check_int("n_items", n_items, minimum=1)
    pairs = _check_pairs("x", x, n_users, n_items)
    ratings = check_array("y", y, ndim=1)
    check_same_length("x", pairs, "y", ratings)
    reg = check_float("reg", reg, low=0)
    n_iter = check_int("n_iter", n_iter, minimum=1)
    users, items = pairs[:, 0], pairs[:, 1]
    mean = float(ratings.mean())
    user_bias, item_bias = np.zeros(n_users), np.zeros(n_items)
    user_count = np.bincount(users, minlength=n_users) + reg
    item_count = np.bincount(items, minlength=n_items) + reg
    for _ in range(n_iter):
        residual = ratings - mean - user_bias[users]
        item_bias = np.bincount(items, residual, minlength=n_items) / np.maximum(item_count, 1e-12)
        residual = ratings - mean - item_bias[items]
        user_bias = np.bincount(users, residual, minlength=n_users) / np.maximum(user_count, 1e-12)
    return BiasBaseline(mean, user_bias, item_bias)


def build_matrix_factorization(
    n_users: int,
    n_items: int,
    embedding_dim: int = 32,
    *,
    mean: float = 0.0,
    l2: float = 1e-4,
    learning_rate: float = 3e-3,
    compiled: bool = True,
    name: str = "matrix_factorization",
) -> Any:
    """Matrix factorisation with biases, in Keras (Koren et al., 2009).

    The input is rows ``(user, item)``; the predicted rating is
    ``mean + b_user + b_item + p_user . q_item``, where ``p`` and ``q`` are
    learned embeddings of ``embedding_dim`` numbers (layers
    ``"user_embedding"`` and ``"item_embedding"``) with L2 penalty ``l2``.
    Compiled with Adam, mean squared error and RMSE unless
    ``compiled=False``. A user or item index
    the model has no row for (negative, fractional, or ``>= n_users`` /
    ``>= n_items``) is refused, in ``predict`` and ``fit`` too (a plain
    ``Embedding`` would silently wrap or clip it).

    Examples
    --------
    >>> from dlcourse.models import build_matrix_factorization
    >>> build_matrix_factorization(10, 20, 4).count_params()  # (10 + 20) * (4 + 1)
    150
    """
    from dlcourse._keras import keras
    from dlcourse.models.text import CheckedEmbedding

    n_users = check_int("n_users", n_users, minimum=1)
    n_items = check_int("n_items", n_items, minimum=1)
    embedding_dim = check_int("embedding_dim", embedding_dim, minimum=1)
    mean = check_float("mean", mean)
    l2 = check_float("l2", l2, low=0)
    learning_rate = check_float("learning_rate", learning_rate, low=0, low_open=True)
    if not isinstance(name, str) or not name:
        raise TypeError(f"name must be a non-empty string, got {_describe(name)}")
    penalty = keras.regularizers.L2(l2) if l2 > 0 else None
    pairs = keras.Input(shape=(2,), name="user_item")
    user, item = pairs[:, 0], pairs[:, 1]
    hint = f" (the model was built with n_users={n_users}, n_items={n_items})"

    def embedding(n: int, dim: int, what: str, layer_name: str, initializer: Any) -> Any:
        return CheckedEmbedding(n, dim, what=what, hint=hint, embeddings_regularizer=penalty,
                                embeddings_initializer=initializer, name=layer_name)

    small = keras.initializers.RandomNormal(0, 0.05)
    p = embedding(n_users, embedding_dim, "user index", "user_embedding", small)(user)
    q = embedding(n_items, embedding_dim, "item index", "item_embedding", small)(item)
    b_user = embedding(n_users, 1, "user index", "user_bias", "zeros")(user)
    b_item = embedding(n_items, 1, "item index", "item_bias", "zeros")(item)
    dot = keras.layers.Dot(axes=1, name="dot")([p, q])
    rating = keras.layers.Add(name="rating")([dot, b_user, b_item])
    rating = keras.ops.add(rating, mean)
    model = keras.Model(pairs, rating, name=name)
    if check_bool("compiled", compiled):
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate), loss="mse",
                      metrics=[keras.metrics.RootMeanSquaredError(name="rmse")])
    return model
