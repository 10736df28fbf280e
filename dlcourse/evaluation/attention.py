"""Reading a trained Transformer's attention weights (chapter 7's language page)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from dlcourse._checks import check_array, check_keras_model

if TYPE_CHECKING:
    from dlcourse._keras import keras


__all__ = ["attention_weights"]


def attention_weights(model: keras.Model, token_ids: Any) -> np.ndarray:
    """The self-attention weights of a Transformer classifier for one row of token ids.

    Returns an array of shape ``(num_heads, n, n)`` where ``n`` is the
    number of real (non-padding) tokens: row ``i`` of a head says how much
    word ``i`` attends to each word; every row sums to 1.

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.models import attention_weights, build_transformer_classifier
    >>> model = build_transformer_classifier(100, 6, 8, num_heads=2)
    >>> weights = attention_weights(model, [5, 7, 9, 0, 0, 0])
    >>> weights.shape, np.allclose(weights.sum(axis=-1), 1, atol=1e-5)
    ((2, 3, 3), True)
    """
    check_keras_model("model", model)
    try:
        attention = model.get_layer("attention")
        embedding = model.get_layer("embedding")
    except ValueError:
        raise ValueError("model must have layers named 'embedding' and 'attention', as "
                         "build_transformer_classifier makes them") from None
    ids = check_array("token_ids", token_ids, ndim=(1, 2))
    if ids.ndim == 2:
        if ids.shape[0] != 1:
            raise ValueError(f"token_ids must be one row of token ids, got {ids.shape[0]} rows")
        ids = ids[0]
    if np.any(ids != np.round(ids)) or ids.min() < 0:
        raise ValueError("token_ids must hold non-negative integer token ids")
    length = model.input_shape[1]
    if len(ids) != length:
        raise ValueError(f"token_ids must have the model's sequence length {length}, "
                         f"got {len(ids)} ids")
    n = int(np.count_nonzero(ids))
    if n == 0:
        raise ValueError("token_ids holds only padding (id 0): there is nothing to attend to")
    batch = ids[None, :].astype(np.int32)
    x = embedding(batch)
    mask = (batch != 0)
    attention_mask = mask[:, :, None] & mask[:, None, :]
    _, scores = attention(x, x, attention_mask=attention_mask, return_attention_scores=True)
    scores = np.asarray(scores)[0]
    keep = np.flatnonzero(mask[0])
    return scores[:, keep][:, :, keep]
