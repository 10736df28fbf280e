"""Text classifiers on token ids: pooling, recurrent and Transformer (chapter 7, language).

Each builder takes reviews already turned into fixed-length rows of token
ids (see :func:`build_vectorizer`; id 0 pads a short text) and returns a
compiled binary classifier: one sigmoid output, binary cross-entropy and
accuracy, Adam.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from dlcourse._checks import (
    _describe,
    check_choice,
    check_float,
    check_int,
)
from dlcourse._keras import keras, tf

__all__ = [
    "CheckedEmbedding",
    "build_pooling_classifier",
    "build_recurrent_classifier",
    "build_transformer_classifier",
    "build_vectorizer",
    "PositionalEmbedding",
]


@keras.saving.register_keras_serializable(package="dlcourse")
class CheckedEmbedding(keras.layers.Embedding):
    """An ``Embedding`` that refuses ids it has no row for, instead of a wrong answer.

    A plain ``Embedding`` looks up row ``id`` of its table without asking
    whether it exists: on a CPU a negative id silently wraps around (-1
    reads the last row), an id past the end fails deep inside TensorFlow,
    and on a GPU it reads zeros; a fractional id is silently truncated.
    This layer checks the ids first: called directly (eagerly, as
    :func:`dlcourse.evaluation.model_outputs` calls a model) it raises a
    ``ValueError`` naming the id; inside ``fit``, ``predict`` and
    ``evaluate`` an ``InvalidArgumentError`` with the same message. It
    turns off XLA compilation for its model (``supports_jit = False``),
    which would drop the check.

    Parameters
    ----------
    input_dim, output_dim
        As for ``keras.layers.Embedding``: ids ``0 .. input_dim - 1``.
    what : str, default "id"
        What an id stands for, in the messages (``"token id"``).
    hint : str, default ""
        How to fix an id out of range, appended to the message.

    Examples
    --------
    >>> import numpy as np
    >>> layer = CheckedEmbedding(3, 2, what="user index")
    >>> layer(np.array([0, 2])).shape
    TensorShape([2, 2])
    >>> try:
    ...     layer(np.array([3]))
    ... except ValueError as error:
    ...     print("user index 3 is out of range: rows for user indices 0 .. 2" in str(error))
    True
    """

    def __init__(self, input_dim: int, output_dim: int, *, what: str = "id", hint: str = "",
                 **kwargs: Any):
        super().__init__(input_dim, output_dim, **kwargs)
        self.what, self.hint = what, hint
        self.supports_jit = False  # XLA compiles assertions away

    def _plural(self) -> str:
        return self.what[:-2] + "ices" if self.what.endswith("ex") else self.what + "s"

    def _range_message(self, bad: Any) -> str:
        return (f"{self.what} {bad} is out of range: rows for {self._plural()} "
                f"0 .. {self.input_dim - 1} only{self.hint}")

    def _check_eagerly(self, ids: np.ndarray) -> None:
        if ids.size == 0:
            return
        if np.issubdtype(ids.dtype, np.floating):
            fractional = ids[ids != np.round(ids)]
            if fractional.size:
                raise ValueError(f"{self._plural()} must be whole numbers, got "
                                 f"{fractional.ravel()[0]:g}")
        outside = ids[(ids < 0) | (ids >= self.input_dim)]
        if outside.size:
            raise ValueError(self._range_message(f"{outside.ravel()[0]:g}"))

    def call(self, inputs: Any) -> Any:
        """Look up the embeddings, after checking every id is in range."""
        if tf.executing_eagerly():
            self._check_eagerly(keras.ops.convert_to_numpy(inputs))
            return super().call(inputs)
        ids = tf.convert_to_tensor(inputs)
        checks = [
            tf.debugging.assert_greater_equal(
                ids, tf.zeros([], ids.dtype),
                message=self._range_message("below 0")),
            tf.debugging.assert_less(
                ids, tf.cast(self.input_dim, ids.dtype),
                message=self._range_message(f"{self.input_dim} or more")),
        ]
        if ids.dtype.is_floating:
            checks.append(tf.debugging.assert_equal(
                ids, tf.round(ids), message=f"{self._plural()} must be whole numbers"))
        with tf.control_dependencies(checks):
            return super().call(tf.identity(ids))

    def get_config(self) -> dict:
        """The layer's settings, for saving."""
        return {**super().get_config(), "what": self.what, "hint": self.hint}


def _check_texts(name: str, texts: Any) -> list[str]:
    if isinstance(texts, (str, bytes)) or not isinstance(texts, (Sequence, np.ndarray)):
        raise TypeError(f"{name} must be a list or array of strings, got {_describe(texts)}")
    texts = list(texts)
    if not texts:
        raise ValueError(f"{name} must hold at least one text, got none")
    bad = [t for t in texts if not isinstance(t, str)]
    if bad:
        raise TypeError(f"{name} must hold only strings, got {_describe(bad[0])}")
    return texts


def build_vectorizer(
    texts: Sequence[str], max_tokens: int = 10000, sequence_length: int = 100
) -> keras.layers.TextVectorization:
    """Learn a vocabulary from ``texts`` and return the layer that maps texts to token ids.

    The layer lower-cases, strips punctuation, splits on white space and
    keeps the ``max_tokens - 2`` most frequent words (id 0 pads, id 1 is
    any unknown word); each text becomes a row of ``sequence_length`` ids,
    cut or padded with zeros at the end. Learn the vocabulary from the
    training texts only.

    Examples
    --------
    >>> from dlcourse.models import build_vectorizer
    >>> vectorize = build_vectorizer(["a good tea", "bad tea"], sequence_length=4)
    >>> vectorize(["good tea", "awful tea"]).numpy().tolist()
    [[3, 2, 0, 0], [1, 2, 0, 0]]
    """
    texts = _check_texts("texts", texts)
    max_tokens = check_int("max_tokens", max_tokens, minimum=3)
    sequence_length = check_int("sequence_length", sequence_length, minimum=1)
    layer = keras.layers.TextVectorization(max_tokens=max_tokens,
                                           output_sequence_length=sequence_length)
    layer.adapt(np.array(texts, dtype=object))
    return layer


def _check_common(vocab_size: Any, sequence_length: Any, embedding_dim: Any,
                  dropout: Any, learning_rate: Any) -> tuple[int, int, int, float, float]:
    return (check_int("vocab_size", vocab_size, minimum=2),
            check_int("sequence_length", sequence_length, minimum=1),
            check_int("embedding_dim", embedding_dim, minimum=1),
            check_float("dropout", dropout, low=0, high=1, high_open=True),
            check_float("learning_rate", learning_rate, low=0, low_open=True))


def _token_embedding(vocab_size: int, embedding_dim: int, name: str,
                     **kwargs: Any) -> CheckedEmbedding:
    """The token embedding of the builders: ids 0 .. vocab_size - 1, others refused."""
    return CheckedEmbedding(
        vocab_size, embedding_dim, what="token id", name=name,
        hint=f" (vocab_size={vocab_size}): build the vectorizer with max_tokens <= vocab_size",
        **kwargs)


def _finish(inputs: Any, features: Any, dropout: float, learning_rate: float,
            name: str) -> keras.Model:
    if dropout > 0:
        features = keras.layers.Dropout(dropout, name="dropout")(features)
    outputs = keras.layers.Dense(1, activation="sigmoid", name="output")(features)
    model = keras.Model(inputs, outputs, name=name)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss="binary_crossentropy", metrics=["accuracy"])
    return model


def build_pooling_classifier(
    vocab_size: int,
    sequence_length: int,
    embedding_dim: int = 32,
    *,
    dropout: float = 0.3,
    learning_rate: float = 3e-3,
    name: str = "embedding_pooling",
) -> keras.Model:
    """Embedding -> average over the words -> sigmoid: a learned bag of words.

    Each token id becomes a learned vector of ``embedding_dim`` numbers;
    the review is the average of its words' vectors (padding excluded), so
    word order is lost. Token ids outside ``0 .. vocab_size - 1`` are
    refused (see :class:`CheckedEmbedding`), here and in the other builders.

    Examples
    --------
    >>> from dlcourse.models import build_pooling_classifier
    >>> build_pooling_classifier(1000, 50, 16).count_params()  # 1000*16 + 16 + 1
    16017
    """
    vocab_size, sequence_length, embedding_dim, dropout, learning_rate = _check_common(
        vocab_size, sequence_length, embedding_dim, dropout, learning_rate)
    inputs = keras.Input(shape=(sequence_length,), name="token_ids")
    h = _token_embedding(vocab_size, embedding_dim, "embedding", mask_zero=True)(inputs)
    h = keras.layers.GlobalAveragePooling1D(name="average")(h)
    return _finish(inputs, h, dropout, learning_rate, name)


def build_recurrent_classifier(
    vocab_size: int,
    sequence_length: int,
    embedding_dim: int = 32,
    units: int = 32,
    *,
    cell: str = "gru",
    dropout: float = 0.3,
    learning_rate: float = 3e-3,
    name: str = "recurrent",
) -> keras.Model:
    """Embedding -> a GRU or LSTM reading the words in order -> sigmoid.

    The recurrent layer's last state (after the last real word; padding is
    masked) summarises the review.

    Examples
    --------
    >>> from dlcourse.models import build_recurrent_classifier
    >>> build_recurrent_classifier(1000, 50, 16, 8).layers[2].name
    'gru'
    """
    vocab_size, sequence_length, embedding_dim, dropout, learning_rate = _check_common(
        vocab_size, sequence_length, embedding_dim, dropout, learning_rate)
    units = check_int("units", units, minimum=1)
    cell = check_choice("cell", cell, ("gru", "lstm"))
    layer = keras.layers.GRU if cell == "gru" else keras.layers.LSTM
    inputs = keras.Input(shape=(sequence_length,), name="token_ids")
    h = _token_embedding(vocab_size, embedding_dim, "embedding", mask_zero=True)(inputs)
    h = layer(units, name=cell)(h)
    return _finish(inputs, h, dropout, learning_rate, name)


@keras.saving.register_keras_serializable(package="dlcourse")
class PositionalEmbedding(keras.layers.Layer):
    """Token embedding plus a learned embedding of each position; id 0 is masked."""

    def __init__(self, vocab_size: int, sequence_length: int, embedding_dim: int, **kwargs: Any):
        super().__init__(**kwargs)
        self.vocab_size, self.sequence_length = vocab_size, sequence_length
        self.embedding_dim = embedding_dim
        self.tokens = _token_embedding(vocab_size, embedding_dim, "tokens")
        self.positions = keras.layers.Embedding(sequence_length, embedding_dim, name="positions")

    def build(self, input_shape: Any) -> None:
        """Create both embedding tables."""
        self.tokens.build(input_shape)
        self.positions.build((self.sequence_length,))
        super().build(input_shape)

    def call(self, inputs: Any) -> Any:
        """Each token's embedding plus its position's."""
        ids = keras.ops.cast(inputs, "int32")
        positions = keras.ops.arange(0, self.sequence_length)
        return self.tokens(ids) + self.positions(positions)[None, :, :]

    def compute_mask(self, inputs: Any, mask: Any = None) -> Any:
        """Mask the padding (token id 0)."""
        return keras.ops.not_equal(inputs, 0)

    def get_config(self) -> dict:
        """The layer's settings, for saving."""
        return {**super().get_config(), "vocab_size": self.vocab_size,
                "sequence_length": self.sequence_length, "embedding_dim": self.embedding_dim}


def build_transformer_classifier(
    vocab_size: int,
    sequence_length: int,
    embedding_dim: int = 32,
    num_heads: int = 2,
    ff_units: int = 32,
    *,
    dropout: float = 0.3,
    learning_rate: float = 1e-3,
    name: str = "transformer",
) -> keras.Model:
    """One Transformer encoder block (Vaswani et al., 2017) -> average -> sigmoid.

    Token plus position embeddings; multi-head self-attention (layer
    ``"attention"``) with a residual connection and layer normalisation;
    a position-wise feed-forward network, again with residual and
    normalisation; the average over the (unpadded) words; a sigmoid.
    :func:`~dlcourse.evaluation.attention_weights` reads what the attention looked at.

    Examples
    --------
    >>> from dlcourse.models import build_transformer_classifier
    >>> model = build_transformer_classifier(1000, 50, 16, num_heads=2, ff_units=16)
    >>> model.get_layer("attention").num_heads
    2
    """
    vocab_size, sequence_length, embedding_dim, dropout, learning_rate = _check_common(
        vocab_size, sequence_length, embedding_dim, dropout, learning_rate)
    num_heads = check_int("num_heads", num_heads, minimum=1)
    ff_units = check_int("ff_units", ff_units, minimum=1)
    inputs = keras.Input(shape=(sequence_length,), name="token_ids")
    x = PositionalEmbedding(vocab_size, sequence_length, embedding_dim, name="embedding")(inputs)
    attention = keras.layers.MultiHeadAttention(num_heads, key_dim=embedding_dim // num_heads or 1,
                                                name="attention")
    # Padding (id 0) neither attends nor is attended to.
    real = keras.ops.not_equal(inputs, 0)
    pairs = keras.ops.logical_and(real[:, :, None], real[:, None, :])
    attended = attention(x, x, attention_mask=pairs)
    x = keras.layers.LayerNormalization(name="norm_1")(keras.layers.Add()([x, attended]))
    h = keras.layers.Dense(ff_units, activation="relu", name="feed_forward_1")(x)
    h = keras.layers.Dense(embedding_dim, name="feed_forward_2")(h)
    x = keras.layers.LayerNormalization(name="norm_2")(keras.layers.Add()([x, h]))
    x = keras.layers.GlobalAveragePooling1D(name="average")(x)
    return _finish(inputs, x, dropout, learning_rate, name)
