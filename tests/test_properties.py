"""Property-based tests (hypothesis) of the data helpers and the from-scratch NumPy code."""

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from dlcourse.data import standardize_split, stratified_split
from dlcourse.scratch import dense_forward
from dlcourse.scratch.activations import relu, sigmoid, softmax

finite = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)


@settings(max_examples=50, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(2, 30), st.integers(1, 5)), elements=finite),
       arrays(np.float64, st.tuples(st.integers(1, 10), st.just(1)), elements=finite))
def test_standardize_split_uses_the_training_statistics_only(train, test_column):
    test = np.repeat(test_column, train.shape[1], axis=1)
    scaled_train, scaled_test = standardize_split(train, test)
    assert scaled_train.shape == train.shape and scaled_test.shape == test.shape
    assert scaled_train.dtype == np.float32
    varying = train.std(axis=0) > 1e-6 * (1 + np.abs(train).max())
    np.testing.assert_allclose(scaled_train.mean(axis=0)[varying], 0, atol=1e-3)
    np.testing.assert_allclose(scaled_train.std(axis=0)[varying], 1, atol=1e-3)
    # The test rows move exactly as the training statistics say.
    mean, std = train.mean(axis=0), train.std(axis=0)
    expected = (test - mean)[:, varying] / std[varying]
    np.testing.assert_allclose(scaled_test[:, varying], expected, rtol=1e-3, atol=1e-3)


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 5), st.integers(4, 20), st.floats(0.1, 0.5), st.integers(0, 1000))
def test_stratified_split_keeps_every_class_in_both_parts(n_classes, per_class, test_size, seed):
    y = np.repeat(np.arange(n_classes), per_class)
    X = np.arange(len(y) * 2, dtype=float).reshape(-1, 2)
    n_test = math.ceil(test_size * len(y))  # scikit-learn's rounding
    feasible = n_test >= n_classes and len(y) - n_test >= n_classes
    try:
        x_train, x_test, y_train, y_test = stratified_split(X, y, test_size, seed)
    except ValueError as error:     # refused only when a part would miss a class
        assert not feasible, f"a feasible split was refused: {error}"
        assert "each part needs at least one row of each" in str(error)
        return
    assert feasible, "a split that leaves a part without some class was accepted"
    assert len(x_train) + len(x_test) == len(X)
    assert set(y_train) == set(y_test) == set(range(n_classes))
    rows = {tuple(r) for r in np.vstack([x_train, x_test])}
    assert len(rows) == len(X)      # every row in exactly one part


@settings(max_examples=50, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 8)), elements=finite))
def test_softmax_rows_are_probabilities_even_for_huge_scores(z):
    p = softmax(z * 10)
    assert np.all(np.isfinite(p)) and np.all(p >= 0)
    np.testing.assert_allclose(p.sum(axis=-1), 1, atol=1e-9)
    # The largest score gets the largest probability.
    top = np.take_along_axis(p, np.argmax(z, axis=-1)[:, None], axis=-1)[:, 0]
    np.testing.assert_allclose(top, p.max(axis=-1))


@settings(max_examples=50, deadline=None)
@given(arrays(np.float64, st.integers(1, 20), elements=finite))
def test_sigmoid_and_relu_ranges(z):
    s = sigmoid(z)
    assert np.all((s >= 0) & (s <= 1)) and np.all(np.diff(s[np.argsort(z)]) >= 0)
    assert np.all(relu(z) >= 0) and np.array_equal(relu(z) > 0, z > 0)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 4), st.integers(1, 5), st.integers(1, 4), st.integers(0, 2**31 - 1))
def test_dense_forward_is_x_times_w_plus_b(n, inputs, units, seed):
    rng = np.random.default_rng(seed)
    x, W, b = rng.normal(size=(n, inputs)), rng.normal(size=(inputs, units)), rng.normal(size=units)
    out = dense_forward(x, W, b, "linear")
    assert out.shape == (n, units)
    np.testing.assert_allclose(out, x @ W + b)
    np.testing.assert_allclose(dense_forward(x[0], W, b, "relu"), np.maximum(x[0] @ W + b, 0))
