"""The in-memory pipelines: the same batches whether arrays are copied or gathered from NumPy."""

import numpy as np
import pytest
import tensorflow as tf

from dlcourse.training import pipeline
from dlcourse.training.pipeline import in_memory_dataset


def array_dataset(*args, **kwargs):
    return pipeline.array_dataset(*args, **kwargs)


def batches(data):
    return [[part.numpy() for part in tf.nest.flatten(batch)] for batch in data]


@pytest.mark.parametrize("rows", [None, np.array([9, 3, 4, 0, 7, 1])])
def test_numpy_and_tensor_gathering_give_the_same_batches(monkeypatch, rows):
    x = np.arange(30, dtype=np.float64).reshape(10, 3)
    arrays = ((x, x[:, :1] * 2), np.arange(10), np.ones(10))
    tf.random.set_seed(0)
    small = batches(array_dataset(arrays, 4, rows=rows, shuffle=True, repeat=True, skip=1).take(5))
    monkeypatch.setattr(pipeline, "NATIVE_LIMIT_BYTES", 0)
    tf.random.set_seed(0)
    large = batches(array_dataset(arrays, 4, rows=rows, shuffle=True, repeat=True, skip=1).take(5))
    for a, b in zip(small, large, strict=True):
        for part_a, part_b in zip(a, b, strict=True):
            assert part_a.dtype == part_b.dtype == np.float32
            np.testing.assert_array_equal(part_a, part_b)


def test_array_dataset_batches_in_the_order_of_in_memory_dataset():
    x, y = np.random.default_rng(0).normal(size=(50, 2)), np.arange(50)
    tf.random.set_seed(3)
    old = batches(in_memory_dataset(x, y, 8, shuffle=True))
    tf.random.set_seed(3)
    new = batches(array_dataset((x, y), 8, shuffle=True))
    for a, b in zip(old, new, strict=True):
        np.testing.assert_array_equal(a[1], b[1])
        np.testing.assert_array_equal(a[0], b[0])


def test_large_arrays_keep_their_static_shape(monkeypatch):
    monkeypatch.setattr(pipeline, "NATIVE_LIMIT_BYTES", 0)
    data = array_dataset((np.zeros((5, 4, 3)), np.zeros(5)), 2, shuffle=False)
    assert data.element_spec[0].shape.as_list() == [None, 4, 3]


def test_float32_inputs_are_checked_without_a_copy():
    from dlcourse.training._inputs import check_numbers

    x = np.ones((1000, 8), dtype=np.float32)
    assert check_numbers("x", x, ndim=(2,)) is x
    x[-1, -1] = np.inf
    with pytest.raises(ValueError, match="x must hold only finite numbers"):
        check_numbers("x", x, ndim=(2,))
