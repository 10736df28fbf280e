"""fit's validation_split holds out shuffled rows, stratified for class labels."""

import keras
import numpy as np
import pytest

from dlcourse.models import build_mlp
from dlcourse.training import fit, set_seed


def sorted_classes(n_classes=2, per_class=100):
    """Rows sorted by class, as files often are: the last 20 % are all of the last class."""
    rng = np.random.default_rng(0)
    y = np.repeat(np.arange(n_classes), per_class)
    x = (rng.normal(size=(len(y), 2)) + y[:, None]).astype(np.float32)
    return x, y


def trained(x, y, units=1, loss=None, **kwargs):
    set_seed(0)
    activation = "sigmoid" if units == 1 else "softmax"
    model = build_mlp(2, hidden_units=(4,), output_units=units, output_activation=activation,
                      compiled=loss is None)
    if loss is not None:
        model.compile(optimizer="adam", loss=loss)
    return fit(model, x, y, **{"epochs": 1, **kwargs})


def test_sorted_classes_are_held_out_in_proportion():
    x, y = sorted_classes()
    rows = trained(x, y).validation_rows
    assert np.bincount(y[rows]).tolist() == [20, 20]        # not 0 and 40
    training = np.setdiff1d(np.arange(200), rows)
    assert np.bincount(y[training]).tolist() == [80, 80]     # no class left untrained


@pytest.mark.parametrize("labels", ["sparse", "one-hot"])
def test_three_classes_are_stratified(labels):
    x, y = sorted_classes(3, 50)
    if labels == "sparse":
        history = trained(x, y, units=3)
    else:
        history = trained(x, np.eye(3)[y], units=3, loss="categorical_crossentropy")
    assert np.bincount(y[history.validation_rows]).tolist() == [10, 10, 10]


def test_a_regression_target_is_held_out_shuffled():
    x, y = sorted_classes()
    set_seed(0)
    model = build_mlp(2, hidden_units=(4,), output_activation=None)
    rows = fit(model, x, x[:, 0] * 2.5, epochs=1).validation_rows
    assert len(rows) == 40 and rows.min() < 100 and not np.array_equal(rows, np.arange(160, 200))


def test_the_split_follows_the_seed():
    from dlcourse.training._split import hold_out

    x, y = sorted_classes()
    first, again = trained(x, y).validation_rows, trained(x, y).validation_rows
    np.testing.assert_array_equal(first, again)
    set_seed(1)
    other = hold_out(200, 0.2, "random", y)
    assert not np.array_equal(first, other)


def test_a_class_too_rare_to_stratify_still_splits():
    x, y = sorted_classes(3, 50)
    y[0] = 3                                                   # one row of class 3
    rows = trained(x, y, units=4).validation_rows
    assert len(rows) == 30


def test_no_split_leaves_no_rows_and_validation_data_holds_out_nothing():
    x, y = sorted_classes()
    assert trained(x, y, validation_split=0.0).validation_rows is None
    assert trained(x, y, validation_data=(x[:10], y[:10])).validation_rows is None


def test_hold_out_sizes_match_keras():
    from dlcourse.training._split import hold_out

    for n, fraction in [(200, 0.2), (7, 0.3), (10, 0.15)]:
        train, val = hold_out(n, fraction, "random", None)
        assert len(train) == int(np.ceil(n * (1 - fraction))) and len(train) + len(val) == n
        assert np.intersect1d(train, val).size == 0
    with pytest.raises(ValueError, match="leaves no rows"):
        hold_out(2, 0.1, "random", None)


def test_sample_weights_of_the_held_out_rows_weigh_the_validation_loss():
    x, y = sorted_classes()
    weights = np.where(y == 1, 1.0, 0.0)
    set_seed(0)
    model = build_mlp(2, hidden_units=(4,))
    history = fit(model, x, y, epochs=1, sample_weight=weights)
    rows = history.validation_rows
    per_row = keras.losses.binary_crossentropy(y[rows, None].astype("float32"),
                                               model.predict(x[rows], verbose=0))
    expected = float(np.sum(np.asarray(per_row) * weights[rows]) / len(rows))
    assert history.history["val_loss"][0] == pytest.approx(expected, rel=1e-4)
