"""dlcourse.data.load_moons: generated, split, standardised."""

import numpy as np
import pytest

from dlcourse.data import load_moons


def test_moons_are_split_stratified_and_standardised():
    data = load_moons()
    assert data.x_train.shape == (800, 2) and data.x_test.shape == (200, 2)
    assert data.x_train.dtype == np.float32 and data.y_train.dtype == np.int64
    assert np.bincount(data.y_test).tolist() == [100, 100]
    np.testing.assert_allclose(data.x_train.mean(axis=0), 0, atol=1e-5)
    np.testing.assert_allclose(data.x_train.std(axis=0), 1, atol=1e-4)
    assert data.n_classes == 2 and data.feature_names == ("x1", "x2")


def test_seed_repeats_and_changes():
    a, b, c = load_moons(seed=0), load_moons(seed=0), load_moons(seed=1)
    np.testing.assert_array_equal(a.x_train, b.x_train)
    assert not np.array_equal(a.x_train, c.x_train)


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="n_samples must be an integer >= 10"):
        load_moons(n_samples=4)
    with pytest.raises(ValueError, match=r"noise must be in \[0, inf\]"):
        load_moons(noise=-0.1)
    with pytest.raises(ValueError, match="test_size"):
        load_moons(test_size=1.5)
