"""Time series: yearly sunspot numbers, and sliding windows over a series (chapter 5)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from dlcourse._checks import _describe, check_array, check_int
from dlcourse.data._requires import require
from dlcourse.data.split import SplitData, standardize_split

__all__ = ["load_sunspots", "make_windows", "TimeSeries"]


def _check_series(name: str, series: Any) -> np.ndarray:
    """Return ``series`` as a float array of shape (n,) or (n, features), or raise.

    Text, booleans and dates are refused: converting them to numbers would
    be a silent guess.
    """
    if series is not None and not isinstance(series, np.ndarray):
        try:
            raw = np.asarray(series)
        except (TypeError, ValueError):
            raw = None
    else:
        raw = series
    if isinstance(raw, np.ndarray) and raw.dtype.kind in "USbMm":
        raise TypeError(
            f"{name} must hold numbers, got an array of dtype {raw.dtype} ({_describe(series)})"
        )
    return check_array(name, series, ndim=(1, 2))


def make_windows(series: Any, window: int, horizon: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Cut a series into overlapping input windows and the values that follow them.

    Window ``i`` holds the values at steps ``i, ..., i + window - 1``; its
    target is the value ``horizon`` steps after the window's last one, at
    step ``i + window + horizon - 1``. Rows keep their time order.

    Parameters
    ----------
    series : array-like of shape (n_steps,) or (n_steps, n_features)
        The series, oldest value first: numbers only, no NaN.
    window : int
        Steps per input window, >= 1 and short enough to leave a target.
    horizon : int, default 1
        How many steps ahead the target lies (1: the very next value).

    Returns
    -------
    x : np.ndarray of shape (n_samples, window, n_features), float32
        The windows, shaped for a Keras recurrent layer (one feature for a
        1-D series). ``n_samples = n_steps - window - horizon + 1``.
    y : np.ndarray of shape (n_samples,) or (n_samples, n_features), float32
        The targets: 1-D for a 1-D series, else every feature's next value.

    Examples
    --------
    >>> import numpy as np
    >>> x, y = make_windows(np.arange(6), window=3)
    >>> x.shape, x[:, :, 0].tolist(), y.tolist()
    ((3, 3, 1), [[0.0, 1.0, 2.0], [1.0, 2.0, 3.0], [2.0, 3.0, 4.0]], [3.0, 4.0, 5.0])
    >>> make_windows(np.arange(6), window=3, horizon=2)[1].tolist()
    [4.0, 5.0]
    """
    values = _check_series("series", series)
    window = check_int("window", window, minimum=1)
    horizon = check_int("horizon", horizon, minimum=1)
    n_steps = len(values)
    n_samples = n_steps - window - horizon + 1
    if n_samples < 1:
        raise ValueError(
            f"window={window} with horizon={horizon} needs a series of at least "
            f"{window + horizon} steps, but series has {n_steps}: use a shorter window"
        )
    table = values if values.ndim == 2 else values[:, None]
    starts = np.arange(n_samples)
    x = table[starts[:, None] + np.arange(window)]  # (samples, window, features)
    targets = table[starts + window + horizon - 1]
    y = targets[:, 0] if values.ndim == 1 else targets
    return x.astype(np.float32), y.astype(np.float32)


@dataclass(frozen=True)
class TimeSeries:
    """A series split in time order, scaled with its training part's statistics.

    The last ``n_test`` steps are the test part; nothing about them (not
    even their mean) is used for training or scaling.

    Attributes
    ----------
    name : str
        What the values are.
    time : np.ndarray of shape (n_steps,)
        The time of each value (years for the sunspots).
    values : np.ndarray of shape (n_steps,)
        The raw values, oldest first.
    n_test : int
        Number of last steps held out for testing.
    mean, std : float
        Mean and standard deviation of the training part.
    scaled : np.ndarray of shape (n_steps,), float32
        ``(values - mean) / std``, the whole series.
    """

    name: str
    time: np.ndarray
    values: np.ndarray
    n_test: int
    mean: float
    std: float
    scaled: np.ndarray

    @property
    def n_train(self) -> int:
        """Number of training steps (all but the last ``n_test``)."""
        return len(self.values) - self.n_test

    @property
    def time_test(self) -> np.ndarray:
        """The times of the test part."""
        return self.time[self.n_train:]

    def unscale(self, scaled: Any) -> np.ndarray:
        """Turn scaled values (a forecast, say) back into the series' units.

        >>> data = load_sunspots()
        >>> data.values[:3], data.unscale(data.scaled[:3]).round(3)
        (array([ 5., 11., 16.]), array([ 5., 11., 16.]))
        """
        return check_array("scaled", scaled, allow_empty=True) * self.std + self.mean

    def windows(self, window: int, horizon: int = 1) -> SplitData:
        """Windows of the scaled series, split by the time of their targets.

        A window goes to the test part when its target lies in the test
        years; its inputs may reach back into the training years (they are
        known when the forecast is made). Every training window and target
        lies in the training years, so no test value leaks into training.

        >>> data = load_sunspots()
        >>> parts = data.windows(10)
        >>> parts.x_train.shape, parts.x_test.shape, parts.y_test.shape
        ((240, 10, 1), (59, 10, 1), (59,))
        """
        x, y = make_windows(self.scaled, window, horizon)
        n_train_rows = len(y) - self.n_test
        if n_train_rows < 1:
            raise ValueError(
                f"window={window} and horizon={horizon} leave no training window before the "
                f"{self.n_test} test steps: use a shorter window"
            )
        return SplitData(x[:n_train_rows], x[n_train_rows:], y[:n_train_rows], y[n_train_rows:],
                         feature_names=(self.name,), class_names=())


def load_sunspots(n_test: int = 59) -> TimeSeries:
    """Load the yearly sunspot numbers 1700-2008, the last years held out.

    The yearly mean number of sunspots (309 years), as shipped with
    statsmodels (``statsmodels.api.datasets.sunspots``, BSD-3 licence;
    source: the Solar Influences Data Analysis Center, Royal Observatory of
    Belgium). The series is split in time order: the last ``n_test`` years
    are the test part. It is standardised with the mean and standard
    deviation of the training years only.

    Parameters
    ----------
    n_test : int, default 59
        Years held out at the end (59: 1950-2008), between 1 and 200.

    Returns
    -------
    TimeSeries

    Examples
    --------
    >>> from dlcourse.data import load_sunspots
    >>> data = load_sunspots()
    >>> len(data.values), int(data.time[0]), int(data.time_test[0]), data.n_train
    (309, 1700, 1950, 250)
    """
    n_test = check_int("n_test", n_test, minimum=1)
    if n_test > 200:
        raise ValueError(f"n_test must be at most 200 of the 309 years, got {n_test}")
    sunspots = require("statsmodels.datasets", by="load_sunspots").sunspots

    frame = sunspots.load_pandas().data
    years = frame["YEAR"].to_numpy().astype(np.int64)
    values = frame["SUNACTIVITY"].to_numpy().astype(np.float64)
    train = values[:-n_test]
    _, scaled = standardize_split(train[:, None], values[:, None])
    return TimeSeries(name="sunspots", time=years, values=values, n_test=n_test,
                      mean=float(train.mean()), std=float(train.std()),
                      scaled=scaled.ravel())
