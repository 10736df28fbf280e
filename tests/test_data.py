"""dlcourse.data: the penguins, split and scaled."""

import numpy as np
import pytest

from dlcourse.data import PENGUIN_FEATURES, load_penguins, load_penguins_frame


def test_frame_drops_rows_without_measurements():
    frame = load_penguins_frame()
    assert frame.shape == (342, 8)
    assert not frame[list(PENGUIN_FEATURES)].isna().any().any()
    assert frame["species"].value_counts().to_dict() == {"Adelie": 151, "Gentoo": 123, "Chinstrap": 68}


def test_default_split_shapes_and_names():
    data = load_penguins()
    assert data.X_train.shape == (273, 4) and data.X_test.shape == (69, 4)
    assert data.y_train.shape == (273,) and data.y_test.shape == (69,)
    assert data.feature_names == PENGUIN_FEATURES
    assert data.class_names == ("Adelie", "Chinstrap", "Gentoo")
    assert data.n_features == 4 and data.n_classes == 3
    assert data.X_train.dtype == np.float32
    assert set(np.unique(data.y_train)) == {0, 1, 2}


def test_scaler_is_fitted_on_training_rows_only():
    data = load_penguins()
    np.testing.assert_allclose(data.X_train.mean(axis=0), 0, atol=1e-6)
    np.testing.assert_allclose(data.X_train.std(axis=0), 1, atol=1e-5)
    # The test rows are scaled with the training statistics, not their own.
    assert np.abs(data.X_test.mean(axis=0)).max() > 1e-3


def test_split_is_stratified_and_reproducible():
    a, b = load_penguins(seed=3), load_penguins(seed=3)
    np.testing.assert_array_equal(a.X_test, b.X_test)
    shares = np.bincount(a.y_test) / len(a.y_test)
    np.testing.assert_allclose(shares, [151 / 342, 68 / 342, 123 / 342], atol=0.02)
    assert not np.array_equal(load_penguins(seed=4).X_test, a.X_test)


def test_feature_subset_and_test_size():
    data = load_penguins(features=["flipper_length_mm", "bill_length_mm"], test_size=0.5)
    assert data.feature_names == ("flipper_length_mm", "bill_length_mm")
    assert data.X_train.shape == (171, 2) and data.X_test.shape == (171, 2)


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"test_size": 1.5}, ValueError, r"test_size must be in \(0, 1\), got 1.5"),
        ({"test_size": 0}, ValueError, "test_size"),
        ({"test_size": "0.2"}, TypeError, "test_size must be a number"),
        ({"features": ["beak_colour"]}, ValueError, r"features has unknown name\(s\) \['beak_colour'\]"),
        ({"features": "bill_length_mm"}, TypeError, "features must be a list"),
        ({"features": []}, ValueError, "at least one"),
        ({"features": ["body_mass_g", "body_mass_g"]}, ValueError, "must not repeat"),
        ({"seed": -1}, ValueError, "seed must be an integer >= 0"),
        ({"seed": 1.5}, TypeError, "seed must be an integer"),
    ],
)
def test_bad_arguments_are_named(kwargs, error, message):
    with pytest.raises(error, match=message):
        load_penguins(**kwargs)
