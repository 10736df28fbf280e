"""dlcourse.data.series: windows over a series, and the sunspot loader."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from dlcourse.data import load_sunspots, make_windows

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False, width=32)


@st.composite
def series_and_window(draw):
    n_steps = draw(st.integers(2, 60))
    n_features = draw(st.sampled_from([None, 1, 3]))
    shape = (n_steps,) if n_features is None else (n_steps, n_features)
    series = draw(arrays(np.float64, shape, elements=finite))
    horizon = draw(st.integers(1, n_steps - 1))
    window = draw(st.integers(1, n_steps - horizon))
    return series, window, horizon


@settings(max_examples=80, deadline=None)
@given(series_and_window())
def test_windows_have_the_promised_shapes(case):
    series, window, horizon = case
    X, y = make_windows(series, window, horizon)
    n_samples = len(series) - window - horizon + 1
    n_features = 1 if series.ndim == 1 else series.shape[1]
    assert X.shape == (n_samples, window, n_features)
    assert y.shape == ((n_samples,) if series.ndim == 1 else (n_samples, n_features))
    assert X.dtype == y.dtype == np.float32


@settings(max_examples=80, deadline=None)
@given(series_and_window())
def test_every_target_follows_its_window(case):
    series, window, horizon = case
    X, y = make_windows(series, window, horizon)
    table = (series if series.ndim == 2 else series[:, None]).astype(np.float32)
    for i in range(len(X)):
        np.testing.assert_array_equal(X[i], table[i:i + window])
        target = table[i + window + horizon - 1]
        np.testing.assert_array_equal(y[i], target[0] if series.ndim == 1 else target)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 30), st.integers(0, 5))
def test_a_window_too_long_for_the_series_is_refused(n_steps, extra):
    series = np.arange(n_steps, dtype=float)
    with pytest.raises(ValueError, match="window"):
        make_windows(series, window=n_steps + extra, horizon=1)


@settings(max_examples=30, deadline=None)
@given(st.integers(-5, 0))
def test_a_window_of_no_steps_is_refused(window):
    with pytest.raises(ValueError, match="window"):
        make_windows(np.arange(10.0), window)


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 30), st.data())
def test_nan_anywhere_is_refused(n_steps, data):
    series = np.arange(n_steps, dtype=float)
    series[data.draw(st.integers(0, n_steps - 1))] = np.nan
    with pytest.raises(ValueError, match="series"):
        make_windows(series, 1)


@pytest.mark.parametrize("series", [
    ["a", "b", "c", "d"], np.array(["1", "2", "3", "4"]), np.array([True, False, True, True]),
    pd.date_range("2000", periods=4, freq="D").values, None, [1.0, None, 3.0, 4.0],
])
def test_non_numeric_series_are_refused(series):
    with pytest.raises(TypeError, match="series"):
        make_windows(series, 2)


@pytest.mark.parametrize("kwargs, match", [
    ({"window": 2.5}, "window"), ({"window": "3"}, "window"), ({"window": 2, "horizon": 0}, "horizon"),
])
def test_bad_window_arguments_are_refused(kwargs, match):
    with pytest.raises((TypeError, ValueError), match=match):
        make_windows(np.arange(10.0), **kwargs)


def test_a_3d_series_is_refused():
    with pytest.raises(ValueError, match="series"):
        make_windows(np.zeros((5, 2, 2)), 2)


def test_a_pandas_series_works():
    X, y = make_windows(pd.Series([1.0, 2.0, 3.0, 4.0]), 2)
    assert X[:, :, 0].tolist() == [[1, 2], [2, 3]] and y.tolist() == [3, 4]


def test_sunspots_are_split_in_time_order_and_scaled_on_training_years():
    data = load_sunspots(n_test=59)
    assert len(data.values) == len(data.time) == 309
    assert np.all(np.diff(data.time) == 1)
    assert data.time_test.tolist() == list(range(1950, 2009))
    train = data.values[:data.n_train]
    assert data.mean == pytest.approx(train.mean()) and data.std == pytest.approx(train.std())
    assert abs(float(data.scaled[:data.n_train].mean())) < 1e-5
    assert float(data.scaled[data.n_train:].mean()) > 0.5  # the test years are more active
    np.testing.assert_allclose(data.unscale(data.scaled), data.values, atol=1e-3)


def test_sunspot_windows_keep_test_targets_out_of_training():
    data = load_sunspots(n_test=59)
    parts = data.windows(10, horizon=2)
    assert len(parts.y_test) == 59 and len(parts.y_train) == 309 - 10 - 2 + 1 - 59
    np.testing.assert_allclose(parts.y_test, data.scaled[-59:])
    # The last training target is the last training year.
    assert parts.y_train[-1] == data.scaled[data.n_train - 1]


@pytest.mark.parametrize("n_test", [0, 201, 1.5, "59"])
def test_sunspot_bad_test_sizes_are_refused(n_test):
    with pytest.raises((TypeError, ValueError), match="n_test"):
        load_sunspots(n_test)


def test_windows_too_long_for_the_training_years_are_refused():
    with pytest.raises(ValueError, match="window"):
        load_sunspots(n_test=200).windows(150)
