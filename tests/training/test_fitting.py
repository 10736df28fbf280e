"""dlcourse.training: seeding and fit."""

import keras
import numpy as np
import pytest

from dlcourse.models import build_mlp
from dlcourse.training import fit, set_seed


@pytest.fixture
def xor_like():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 2)).astype(np.float32)
    y = (x[:, 0] * x[:, 1] > 0).astype(np.float32)
    return x, y


def train_once(x, y, seed=0, **kwargs):
    set_seed(seed)
    model = build_mlp(2, hidden_units=(8,), learning_rate=0.01)
    history = fit(model, x, y, epochs=kwargs.pop("epochs", 5), **kwargs)
    return model, history


def test_fit_returns_history_with_validation(xor_like):
    _, history = train_once(*xor_like)
    assert set(history.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert len(history.history["loss"]) == 5


def test_fit_learns(xor_like):
    _, history = train_once(*xor_like, epochs=60)
    assert history.history["loss"][-1] < 0.6 * history.history["loss"][0]


def test_same_seed_same_numbers_other_seed_other_numbers(xor_like):
    _, a = train_once(*xor_like, seed=1)
    _, b = train_once(*xor_like, seed=1)
    _, c = train_once(*xor_like, seed=2)
    assert a.history["loss"] == b.history["loss"]
    assert a.history["loss"] != c.history["loss"]


def test_holdout_last_holds_out_the_last_rows_like_keras(xor_like):
    x, y = xor_like
    model, history = train_once(x, y, epochs=1, validation_split=0.25, holdout="last")
    np.testing.assert_array_equal(history.validation_rows, np.arange(150, 200))
    expected = model.evaluate(x[150:], y[150:], verbose=0, return_dict=True)["loss"]
    assert history.history["val_loss"][0] == pytest.approx(expected, rel=1e-5)


def test_the_validation_loss_is_that_of_the_rows_held_out(xor_like):
    x, y = xor_like
    model, history = train_once(x, y, epochs=1, validation_split=0.25)
    rows = history.validation_rows
    assert len(rows) == 50 and not np.array_equal(rows, np.arange(150, 200))
    expected = model.evaluate(x[rows], y[rows], verbose=0, return_dict=True)["loss"]
    assert history.history["val_loss"][0] == pytest.approx(expected, rel=1e-5)


def test_explicit_validation_data_and_no_validation(xor_like):
    x, y = xor_like
    _, history = train_once(x, y, validation_data=(x[:20], y[:20]))
    assert "val_loss" in history.history
    _, history = train_once(x, y, validation_split=0.0)
    assert "val_loss" not in history.history


def test_early_stopping_stops_and_restores_best_weights(xor_like):
    x, y = xor_like
    set_seed(0)
    model = build_mlp(2, hidden_units=(8,), learning_rate=0.5)  # too large: val loss wanders
    history = fit(model, x, y, epochs=200, early_stopping=True, patience=3)
    epochs_run = len(history.history["loss"])
    assert epochs_run < 200
    best = min(history.history["val_loss"])
    rows = history.validation_rows
    restored = model.evaluate(x[rows], y[rows], verbose=0, return_dict=True)["loss"]
    assert restored == pytest.approx(best, rel=1e-4)


def test_extra_callbacks_are_called(xor_like):
    seen = []
    callback = keras.callbacks.LambdaCallback(on_epoch_end=lambda epoch, logs: seen.append(epoch))
    train_once(*xor_like, epochs=3, callbacks=[callback])
    assert seen == [0, 1, 2]


def test_a_single_callback_needs_no_list(xor_like):
    seen = []
    callback = keras.callbacks.LambdaCallback(on_epoch_end=lambda epoch, logs: seen.append(epoch))
    train_once(*xor_like, epochs=2, callbacks=callback)
    assert seen == [0, 1]


def softmax_model(units=3):
    return build_mlp(2, hidden_units=(4,), output_units=units, output_activation="softmax")


def compiled(model, loss):
    model.compile(optimizer="adam", loss=loss)
    return model


@pytest.mark.parametrize(
    "model, y, message",
    [
        (softmax_model, lambda y: y + 0.5, r"y must hold integer class labels 0, 1, 2, ..., got 0.5"),
        (softmax_model, lambda y: y + 3, r"y must hold class labels in 0 .. 2, got labels from 3 to 4"),
        (softmax_model, lambda y: np.eye(3)[y.astype(int)],
         r"got shape \(200, 3\) \(one-hot rows\?\): pass y.argmax\(axis=1\)"),
        (lambda: compiled(softmax_model(), "categorical_crossentropy"), lambda y: y,
         r"categorical_crossentropy wants one-hot rows of shape \(n, 3\): pass "
         r"keras.utils.to_categorical\(y, 3\)"),
        (lambda: build_mlp(2, hidden_units=(4,)), lambda y: y * 2,
         r"y must hold values in \[0, 1\] for the loss binary_crossentropy, got values from 0 to 2: "
         r"for 3 classes use Dense\(3, 'softmax'\)"),
        (lambda: build_mlp(2, hidden_units=(4,), output_units=3), lambda y: y,
         r"the model has 3 sigmoid outputs .* multi-label.*y must have shape \(n, 3\)"),
        (lambda: build_mlp(2, hidden_units=(4,), output_units=2, output_activation=None),
         lambda y: y, r"y has 1 target column\(s\), but the model has 2 output unit\(s\)"),
        (lambda: compiled(keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1, "softmax")]),
                          "sparse_categorical_crossentropy"),
         lambda y: y, "the model has 1 output unit, but sparse_categorical_crossentropy needs"),
    ],
)
def test_labels_that_do_not_fit_the_model_and_loss_are_refused(xor_like, model, y, message):
    x, labels = xor_like
    with pytest.raises(ValueError, match=message):
        fit(model(), x, y(labels), epochs=1)


def test_labels_that_fit_are_accepted(xor_like):
    x, y = xor_like
    fit(softmax_model(2), x, y.reshape(-1, 1), epochs=1)            # (n, 1) integer labels
    fit(compiled(softmax_model(2), "categorical_crossentropy"), x, np.eye(2)[y.astype(int)], epochs=1)
    multi = build_mlp(2, hidden_units=(4,), output_units=2)         # multi-label
    fit(multi, x, np.column_stack([y, 1 - y]), epochs=1)
    fit(build_mlp(2, hidden_units=(4,), output_activation=None), x, y * 3.7, epochs=1)
    with pytest.raises(ValueError, match=r"validation_data\[1\] must hold class labels in 0 .. 1"):
        fit(softmax_model(2), x, y, validation_data=(x, y + 1), epochs=1)


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"epochs": 0}, ValueError, "epochs must be an integer >= 1, got 0"),
        ({"batch_size": "32"}, TypeError, "batch_size must be an integer"),
        ({"validation_split": 1.0}, ValueError, r"validation_split must be in \[0, 1\)"),
        ({"validation_split": 0.0, "early_stopping": True}, ValueError, "early_stopping needs validation data"),
        ({"validation_data": (np.zeros((3, 2)),)}, TypeError, "validation_data must be a pair"),
        ({"holdout": "first"}, ValueError, r"holdout must be one of \['random', 'last'\]"),
        ({"shuffle": 1}, TypeError, "shuffle must be True or False"),
        ({"initial_epoch": 5, "epochs": 5}, ValueError, "initial_epoch must be < epochs"),
        ({"sample_weight": -np.ones(200)}, ValueError, "sample_weight must hold weights >= 0"),
        ({"sample_weight": np.ones(10)}, ValueError,
         "y and sample_weight must have the same number of rows, got 200 and 10"),
        ({"class_weight": [1, 2]}, TypeError, "class_weight must be a dict"),
        ({"class_weight": {0: -1}}, ValueError, "class_weight must map class labels"),
        ({"callbacks": ["stop"]}, TypeError, r"callbacks\[0\] must be a keras.callbacks.Callback"),
        ({"callbacks": "stop"}, TypeError, "callbacks must be a keras.callbacks.Callback or a list"),
        ({"early_stopping": "yes"}, TypeError, "early_stopping must be True or False, got 'yes'"),
    ],
)
def test_bad_arguments_are_named(xor_like, kwargs, error, message):
    x, y = xor_like
    model = build_mlp(2, hidden_units=(4,))
    with pytest.raises(error, match=message):
        fit(model, x, y, **kwargs)


def test_bad_data_and_models_are_named(xor_like):
    x, y = xor_like
    model = build_mlp(2, hidden_units=(4,))
    with pytest.raises(ValueError, match="x and y must have the same number of rows, got 200 and 199"):
        fit(model, x, y[:-1])
    with pytest.raises(ValueError, match="x must hold only finite numbers"):
        fit(model, np.full_like(x, np.nan), y)
    with pytest.raises(TypeError, match="x must be an array of numbers"):
        fit(model, [["a", "b"]] * 200, y)
    with pytest.raises(TypeError, match="model must be a keras.Model, got str"):
        fit("model", x, y)
    with pytest.raises(ValueError, match="model must be compiled before fitting"):
        fit(build_mlp(2, compiled=False), x, y)
    with pytest.raises(ValueError, match="leaves no rows"):
        fit(model, x[:2], y[:2], validation_split=0.1)
    with pytest.raises(ValueError, match=r"x has rows of shape \(3,\), but the model expects rows of shape \(2,\)"):
        fit(model, np.zeros((200, 3)), y)
    with pytest.raises(ValueError, match=r"x must be a 2-D or 3-D or 4-D or 5-D array, got shape \(200,\)"):
        fit(model, x[:, 0], y)
    with pytest.raises(ValueError, match=r"y must be a 1-D or 2-D array"):
        fit(model, x, y.reshape(200, 1, 1))
    with pytest.raises(ValueError, match=r"validation_data\[0\] has rows of shape \(5,\)"):
        fit(model, x, y, validation_data=(np.zeros((4, 5)), y[:4]))


def test_set_seed_checks_its_arguments():
    with pytest.raises(ValueError, match="seed must be an integer >= 0, got -1"):
        set_seed(-1)
    with pytest.raises(TypeError, match="deterministic must be True or False"):
        set_seed(0, deterministic="yes")


def test_no_function_of_fit_is_longer_than_60_lines():
    import ast
    import inspect

    from dlcourse.training import fitting

    for node in ast.walk(ast.parse(inspect.getsource(fitting))):
        if isinstance(node, ast.FunctionDef):
            first = node.body[0]
            has_doc = isinstance(first, ast.Expr) and isinstance(getattr(first, "value", None),
                                                                 ast.Constant)
            doc_lines = first.end_lineno - first.lineno + 1 if has_doc else 0
            length = node.end_lineno - node.lineno + 1 - doc_lines
            assert length <= 60, f"{node.name} has {length} lines besides its docstring"


def test_a_regression_compiled_with_accuracy_is_warned_about():
    from dlcourse.models import build_mlp

    model = build_mlp(2, hidden_units=(4,), output_activation=None, compiled=False)
    model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
    x = np.random.default_rng(0).normal(size=(20, 2))
    with pytest.warns(UserWarning, match="regression loss .* 'accuracy'.*metrics=\\['mae'\\]"):
        fit(model, x, x[:, 0], epochs=1, validation_split=0)
