"""fit accepts what model.fit does (datasets, weights, several inputs, ...), checked."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from dlcourse.models import build_mlp
from dlcourse.training import fit, set_seed


@pytest.fixture
def data():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(96, 2)).astype(np.float32)
    return x, (x[:, 0] * x[:, 1] > 0).astype(np.float32)


def small_model(**kwargs):
    set_seed(0)
    return build_mlp(2, hidden_units=(4,), **kwargs)


def test_epochs_by_position_and_no_callbacks(data):
    history = fit(small_model(), *data, 3, callbacks=None)
    assert history.epoch == [0, 1, 2]


def test_a_dataset_trains_with_its_own_batches(data):
    x, y = data
    batches = tf.data.Dataset.from_tensor_slices((x, y)).batch(16)
    history = fit(small_model(), batches, epochs=2, validation_split=0)
    assert sorted(history.history) == ["accuracy", "loss"] and history.validation_rows is None
    history = fit(small_model(), batches, epochs=2, validation_data=batches.take(2))
    assert "val_loss" in history.history
    history = fit(small_model(), batches, epochs=2, validation_data=(x[:10], y[:10]),
                  early_stopping=True)
    assert "val_loss" in history.history


def test_a_dataset_cannot_be_split_and_brings_its_own_targets(data):
    x, y = data
    batches = tf.data.Dataset.from_tensor_slices((x, y)).batch(16)
    with pytest.raises(ValueError, match=r"validation_split=0.2 cannot hold out rows of a tf.data.Dataset: "
                                         r"pass validation_data=..., or validation_split=0"):
        fit(small_model(), batches, epochs=1)
    with pytest.raises(ValueError, match="y must be None when x is a tf.data.Dataset: the dataset yields the targets"):
        fit(small_model(), batches, y, epochs=1, validation_split=0)
    with pytest.raises(ValueError, match="sample_weight must be None when x is a"):
        fit(small_model(), batches, sample_weight=y, epochs=1, validation_split=0)
    with pytest.raises(ValueError, match="early_stopping needs validation data: pass validation_data"):
        fit(small_model(), batches, epochs=1, validation_split=0, early_stopping=True)


class Batches(keras.utils.PyDataset):
    def __init__(self, x, y, batch_size):
        super().__init__()
        self.x, self.y, self.batch_size = x, y, batch_size

    def __len__(self):
        return int(np.ceil(len(self.x) / self.batch_size))

    def __getitem__(self, k):
        part = slice(k * self.batch_size, (k + 1) * self.batch_size)
        return self.x[part], self.y[part]


def test_a_py_dataset_trains(data):
    history = fit(small_model(), Batches(*data, 16), epochs=2, validation_split=0)
    assert len(history.history["loss"]) == 2


class Recorder:
    """A loss of one's own that also records the targets of every batch (run eagerly)."""

    def __init__(self):
        self.seen = []
        self.__name__ = "recorder"

    def __call__(self, y_true, y_pred):
        self.seen.append(np.asarray(y_true).ravel().astype(int).tolist())
        return keras.ops.mean(keras.ops.square(y_pred), axis=-1)


def recording_model(units=3):
    set_seed(0)
    model = build_mlp(2, hidden_units=(4,), output_units=units, output_activation=None,
                      compiled=False)
    recorder = Recorder()
    model.compile(optimizer="sgd", loss=recorder, run_eagerly=True)
    return model, recorder


def test_a_loss_of_ones_own_is_not_taken_for_a_regression(data):
    x, _ = data
    rows = np.arange(len(x))           # one target column, three output units: fine for it
    model, recorder = recording_model(units=3)
    fit(model, x, rows, epochs=1, batch_size=32, validation_split=0)
    assert sorted(sum(recorder.seen, [])) == rows.tolist()


def test_a_loss_class_of_ones_own_is_accepted(data):
    class Sparse(keras.losses.Loss):
        def call(self, y_true, y_pred):
            return keras.losses.sparse_categorical_crossentropy(y_true, y_pred)

    set_seed(0)
    model = build_mlp(2, hidden_units=(4,), output_units=2, output_activation="softmax",
                      compiled=False)
    model.compile(optimizer="adam", loss=Sparse())
    assert len(fit(model, *data, 2).history["loss"]) == 2


def test_shuffle_false_keeps_the_order_of_the_rows(data):
    x, _ = data
    rows = np.arange(len(x))
    model, recorder = recording_model()
    fit(model, x, rows, epochs=2, batch_size=32, validation_split=0, shuffle=False)
    assert recorder.seen == [rows[k:k + 32].tolist() for k in (0, 32, 64)] * 2
    model, recorder = recording_model()
    fit(model, x, rows, epochs=1, batch_size=32, validation_split=0)
    assert sum(recorder.seen, []) != rows.tolist()


def test_sample_weight_and_class_weight(data):
    x, y = data
    zero = fit(small_model(), x, y, 2, sample_weight=np.zeros(len(y)))
    assert zero.history["loss"] == [0.0, 0.0] and zero.history["val_loss"] == [0.0, 0.0]
    by_class = fit(small_model(), x, y, 3, class_weight={0: 1.0, 1: 3.0}, validation_split=0)
    by_row = fit(small_model(), x, y, 3, sample_weight=np.where(y == 1, 3.0, 1.0),
                 validation_split=0)
    np.testing.assert_allclose(by_class.history["loss"], by_row.history["loss"], rtol=1e-5)
    triple = fit(small_model(), x, y, 1, validation_data=(x, y, np.zeros(len(y))))
    assert triple.history["val_loss"] == [0.0]


def test_initial_epoch(data):
    history = fit(small_model(), *data, 5, initial_epoch=3)
    assert history.epoch == [3, 4]


def two_input_model():
    set_seed(0)
    a, b = keras.Input(shape=(2,)), keras.Input(shape=(3,))
    joined = keras.layers.Concatenate()([a, b])
    model = keras.Model([a, b], keras.layers.Dense(1, activation="sigmoid")(joined))
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model


def test_a_model_with_two_inputs_takes_a_list_of_arrays(data):
    x, y = data
    other = np.random.default_rng(1).normal(size=(len(x), 3))
    history = fit(two_input_model(), [x, other], y, 2, validation_split=0.25)
    assert len(history.validation_rows) == 24 and len(history.history["val_loss"]) == 2
    history = fit(two_input_model(), (x, other), y, 1, validation_data=([x, other], y))
    assert "val_loss" in history.history
    with pytest.raises(ValueError, match="x holds 1 arrays, but the model has 2 inputs"):
        fit(two_input_model(), [x], y, 1)
    with pytest.raises(ValueError, match=r"x\[1\] has rows of shape \(2,\), but the model expects "
                                         r"rows of shape \(3,\)"):
        fit(two_input_model(), [x, x], y, 1)
    with pytest.raises(ValueError, match=r"x\[0\] and x\[1\] must have the same number of rows"):
        fit(two_input_model(), [x, other[:10]], y, 1)
    with pytest.raises(ValueError, match=r"x\[1\] must hold only finite numbers"):
        fit(two_input_model(), [x, np.full_like(other, np.nan)], y, 1)


def test_the_default_strategy_is_accepted(data):
    history = fit(small_model(), *data, 1, strategy=tf.distribute.get_strategy())
    assert len(history.history["loss"]) == 1
