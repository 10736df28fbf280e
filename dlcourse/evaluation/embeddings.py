"""What a trained model's embeddings say: the items nearest to an item (chapter 7)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse._checks import _describe, check_array, check_int

__all__ = ["nearest_items"]


def nearest_items(
    model: Any, item: int, k: int = 5, *, among: Any = None
) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` items whose learned embeddings point most nearly the same way as ``item``'s.

    Similarity is the cosine of the angle between embedding vectors (layer
    ``"item_embedding"``); ``item`` itself is left out. ``among`` limits
    the search to some item indices (say, movies with enough ratings to
    have learned anything: a rarely rated movie's vector is mostly noise).

    Returns
    -------
    indices : np.ndarray of int, shape (k,)
    similarities : np.ndarray of float, shape (k,), largest first

    Examples
    --------
    >>> from dlcourse.models import build_matrix_factorization
    >>> model = build_matrix_factorization(3, 10, 4)
    >>> indices, similarities = nearest_items(model, 0, k=3)
    >>> len(indices), 0 in indices, bool(similarities[0] >= similarities[-1])
    (3, False, True)
    """
    try:
        vectors = np.asarray(model.get_layer("item_embedding").get_weights()[0])
    except (AttributeError, ValueError, IndexError):
        raise TypeError("model must be a Keras model with an 'item_embedding' layer, as "
                        f"build_matrix_factorization makes it; got {_describe(model)}") from None
    n_items = len(vectors)
    item = check_int("item", item, minimum=0)
    if item >= n_items:
        raise ValueError(f"item must be an index below {n_items}, got {item}")
    k = check_int("k", k, minimum=1)
    allowed = np.ones(n_items, dtype=bool)
    if among is not None:
        candidates = check_array("among", among, ndim=1)
        if np.any(candidates != np.round(candidates)) or candidates.min() < 0 \
                or candidates.max() >= n_items:
            raise ValueError(f"among must hold item indices 0 .. {n_items - 1}")
        allowed[:] = False
        allowed[candidates.astype(np.int64)] = True
    allowed[item] = False
    if k > allowed.sum():
        raise ValueError(f"k must be at most the number of other candidate items, "
                         f"{int(allowed.sum())}, got {k}")
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    similarity = unit @ unit[item]
    similarity[~allowed] = -np.inf
    order = np.argsort(-similarity, kind="stable")[:k]
    return order, similarity[order]
