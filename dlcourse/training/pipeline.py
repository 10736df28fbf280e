"""The in-memory ``tf.data`` pipelines that ``fit``, the GAN and the scaling helpers feed models."""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["array_dataset", "in_memory_dataset"]

# Up to this many bytes in all, array_dataset copies the arrays into a cached
# tf.data pipeline (fast); above it, it gathers each batch from the NumPy
# arrays themselves, so a large training set is never copied.
NATIVE_LIMIT_BYTES = 64 * 2**20


def in_memory_dataset(x: np.ndarray, y: np.ndarray | None, batch_size: int, *, shuffle: bool,
                      seed: int | None = None, repeat: bool = False,
                      drop_remainder: bool = False, y_dtype: str = "float32") -> Any:
    """Build a cached, batched ``tf.data`` pipeline of in-memory arrays.

    Keras 3 wraps NumPy arrays passed to ``model.fit`` in a data adapter of
    its own, built once per ``fit`` call (not every epoch): each epoch it
    shuffles the row indices and gathers every batch from the arrays
    (``keras/src/trainers/data_adapters/array_data_adapter.py``). A cached,
    prefetched ``tf.data`` pipeline feeds the book's small models faster
    (the scaling appendix measures by how much). The inputs become float32, the targets ``y_dtype`` (without a
    copy where they already are). The pipeline holds a copy of the arrays:
    for a large training set use :func:`array_dataset`.

    Parameters
    ----------
    x : np.ndarray
        Inputs, one row per example.
    y : np.ndarray or None
        Targets, one per row of ``x``; None for inputs only (a GAN's data).
    batch_size : int
        Rows per batch.
    shuffle : bool
        Reshuffle the rows every pass, seeded by ``seed`` or, when it is
        None, by TensorFlow's global seed (:func:`dlcourse.training.set_seed`).
    repeat : bool, default False
        Repeat without end (the caller sets ``steps_per_epoch``).
    drop_remainder : bool, default False
        Drop a last batch smaller than ``batch_size``.

    Examples
    --------
    >>> import numpy as np
    >>> data = in_memory_dataset(np.zeros((5, 2)), np.arange(5), 2, shuffle=False)
    >>> [len(x) for x, y in data]
    [2, 2, 1]
    """
    from dlcourse._keras import tf

    x = np.asarray(x, dtype=np.float32)
    tensors = x if y is None else (x, np.asarray(y, dtype=y_dtype))
    data = tf.data.Dataset.from_tensor_slices(tensors).cache()
    if shuffle:
        data = data.shuffle(len(x), seed=seed, reshuffle_each_iteration=True)
    data = data.batch(batch_size, drop_remainder=drop_remainder)
    if repeat:
        data = data.repeat()
    return data.prefetch(tf.data.AUTOTUNE)


def array_dataset(arrays: Any, batch_size: int, *, rows: np.ndarray | None = None,
                  shuffle: bool, seed: int | None = None, repeat: bool = False,
                  skip: int = 0) -> Any:
    """Batches of (some of) the rows of in-memory arrays, as float32, without copying large ones.

    Arrays of more than ``NATIVE_LIMIT_BYTES`` in all are never copied
    whole: only their row indices go through ``tf.data`` (shuffled,
    batched, repeated, skipped), and each batch of rows is then gathered
    from the NumPy arrays, so feeding a large training set costs about the
    memory of a batch. Smaller ones are copied once into a cached pipeline,
    faster for the book's small models. Both give the same batches, in the
    same order as :func:`in_memory_dataset` with the same ``seed``.

    Parameters
    ----------
    arrays : np.ndarray or a (nested) tuple or dict of them
        Arrays with the same number of rows, e.g. ``(x, y)``,
        ``(x, y, sample_weight)`` or ``((x1, x2), y)``; each batch has the
        same structure.
    batch_size : int
        Rows per batch.
    rows : np.ndarray of int, optional
        The rows to use (e.g. the training rows left by a validation
        split); all rows when None.
    shuffle : bool
        Reshuffle the rows every pass, seeded by ``seed`` or, when it is
        None, by TensorFlow's global seed (:func:`dlcourse.training.set_seed`).
    repeat : bool, default False
        Repeat without end (the caller sets ``steps_per_epoch``).
    skip : int, default 0
        Batches to skip at the start (those of the epochs a resumed run
        already trained on); for large arrays, skipping gathers no rows.

    Examples
    --------
    >>> import numpy as np
    >>> data = array_dataset((np.zeros((5, 2)), np.arange(5)), 2, rows=np.array([4, 0, 2]),
    ...                      shuffle=False)
    >>> [y.numpy().tolist() for x, y in data]
    [[4.0, 0.0], [2.0]]
    """
    from dlcourse._keras import tf

    flat = tf.nest.flatten(arrays)
    if sum(array.nbytes for array in flat) <= NATIVE_LIMIT_BYTES:
        # Small: the rows become float32 tensors, cached (as in_memory_dataset).
        picked = [np.asarray(array if rows is None else array[rows], dtype=np.float32)
                  for array in flat]
        data = tf.data.Dataset.from_tensor_slices(tf.nest.pack_sequence_as(arrays, picked))
        data = _batched(data.cache(), len(picked[0]), batch_size, shuffle, seed, repeat, skip)
        return data.prefetch(tf.data.AUTOTUNE)
    # Large: only the row indices go through tf.data; each batch is gathered from NumPy.
    index = np.arange(len(flat[0]), dtype=np.int64) if rows is None else np.asarray(rows, np.int64)
    batches = _batched(tf.data.Dataset.from_tensor_slices(index), len(index), batch_size,
                       shuffle, seed, repeat, skip)
    gather = _numpy_gather(flat)
    return batches.map(lambda i: tf.nest.pack_sequence_as(arrays, gather(i)),
                       num_parallel_calls=tf.data.AUTOTUNE).prefetch(tf.data.AUTOTUNE)


def _batched(data: Any, n_rows: int, batch_size: int, shuffle: bool, seed: int | None,
             repeat: bool, skip: int) -> Any:
    """Shuffle every pass, batch, repeat, skip (the same order whatever the elements)."""
    if shuffle:
        data = data.shuffle(n_rows, seed=seed, reshuffle_each_iteration=True)
    data = data.batch(batch_size)
    if repeat:
        data = data.repeat()
    if skip:
        data = data.skip(skip)
    return data


def _numpy_gather(flat: list[np.ndarray]) -> Any:
    """Gather rows from the NumPy arrays, one batch at a time (no copy of the whole)."""
    from dlcourse._keras import tf

    def take(i: np.ndarray) -> list[np.ndarray]:
        return [np.asarray(array[i], dtype=np.float32) for array in flat]

    def gather(i: Any) -> list[Any]:
        batch = tf.numpy_function(take, [i], [tf.float32] * len(flat), stateful=False)
        for tensor, array in zip(batch, flat):
            tensor.set_shape((None,) + array.shape[1:])
        return batch

    return gather
