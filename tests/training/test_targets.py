"""dlcourse.training._targets: targets that fit the model, and metrics that fit its loss."""

import ast
import inspect
import textwrap

import keras
import numpy as np
import pytest

from dlcourse.models import build_mlp
from dlcourse.training import _targets, fit
from dlcourse.training._targets import accuracy_metric_warning, check_targets


def _data(n=24, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 3))
    return x, (x[:, 0] > 0).astype(int)


def test_one_hot_rows_for_one_sigmoid_unit_are_refused_with_the_fix():
    model = build_mlp(3, hidden_units=(4,))  # Dense(1, "sigmoid"), binary_crossentropy
    x, y = _data()
    one_hot = np.eye(2)[y]
    match = (r"y has shape \(24, 2\) \(one-hot rows\?\), but the model has 1 sigmoid output "
             r"unit.*pass y.argmax\(axis=1\).*Dense\(2, 'softmax'\) with categorical_crossentropy")
    with pytest.raises(ValueError, match=match):
        check_targets("y", one_hot, model)
    with pytest.raises(ValueError, match=match):
        fit(model, x, one_hot, epochs=1)
    # refused before Keras saw it: the model still trains (Keras would have left it
    # unable to: "Creating variables on a non-first call to a function")
    history = fit(model, x, one_hot.argmax(axis=1), epochs=1)
    assert len(history.history["loss"]) == 1
    assert check_targets("y", y[:, None].astype(float), model).shape == (24, 1)  # (n, 1) fits


def test_the_other_losses_keep_their_checks():
    softmax = build_mlp(3, hidden_units=(), output_units=3, output_activation="softmax")
    with pytest.raises(ValueError, match="class labels in 0 .. 2"):
        check_targets("y", np.array([0.0, 3.0]), softmax)
    softmax.compile(loss="categorical_crossentropy")
    with pytest.raises(ValueError, match="to_categorical"):
        check_targets("y", np.array([0.0, 2.0]), softmax)
    with pytest.raises(ValueError, match="2 columns, but the model has 3"):
        check_targets("y", np.eye(2), softmax)
    multi_label = build_mlp(3, hidden_units=(), output_units=2)
    with pytest.raises(ValueError, match="multi-label"):
        check_targets("y", np.array([0.0, 1.0]), multi_label)
    with pytest.raises(ValueError, match="for 3 classes use Dense"):
        check_targets("y", np.array([0.0, 2.0]), build_mlp(3))
    regression = build_mlp(3, hidden_units=(), output_activation=None)
    with pytest.raises(ValueError, match="2 target column.*1 output unit.*mean_squared_error"):
        check_targets("y", np.zeros((2, 2)), regression)


def _lines(function, docstring=True):
    """Lines of a function's source, from ``def`` to its end; without its docstring if asked."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function))).body[0]
    lines = tree.end_lineno - tree.lineno + 1
    first = tree.body[0]
    if not docstring and ast.get_docstring(tree) is not None:
        lines -= first.end_lineno - first.lineno + 1
    return lines


def test_every_step_of_the_target_checks_is_short():
    """At most 60 lines each, docstring excluded; here even with it (check_targets had 61)."""
    functions = [f for _, f in inspect.getmembers(_targets, inspect.isfunction)
                 if f.__module__ == _targets.__name__]
    assert check_targets in functions and len(functions) > 5
    too_long = {f.__name__: _lines(f) for f in functions if _lines(f) > 60}
    assert too_long == {}
    assert _lines(check_targets, docstring=False) <= 20  # a dispatch to one step per loss


def _compiled(loss, metrics=None, weighted_metrics=None, units=1):
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(units)])
    model.compile(loss=loss, metrics=metrics, weighted_metrics=weighted_metrics)
    return model


@pytest.mark.parametrize("loss, metrics, named", [
    ("mse", ["accuracy"], "'accuracy'"),
    ("mae", ["mae", "acc"], "'acc'"),
    (keras.losses.Huber(), [keras.metrics.BinaryAccuracy()], "'BinaryAccuracy'"),
    ("mean_squared_logarithmic_error", [keras.metrics.Accuracy()], "'Accuracy'"),
    (keras.losses.MeanSquaredError(), {"dense": ["accuracy"]}, "'accuracy'"),
])
def test_an_accuracy_metric_next_to_a_regression_loss_is_named(loss, metrics, named):
    text = accuracy_metric_warning(_compiled(loss, metrics))
    assert text is not None and named in text
    assert "regression" in text and "mae" in text and "RootMeanSquaredError" in text


def test_weighted_accuracy_metrics_count_too():
    assert "'accuracy'" in accuracy_metric_warning(_compiled("mse", weighted_metrics=["accuracy"]))


@pytest.mark.parametrize("model", [
    _compiled("mse", ["mae", keras.metrics.RootMeanSquaredError()]),
    _compiled("mse"),
    _compiled("binary_crossentropy", ["accuracy"]),
    _compiled("sparse_categorical_crossentropy", ["accuracy"], units=3),
    keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)]),  # not compiled
    "not a model",
])
def test_no_warning_where_accuracy_means_something_or_is_absent(model):
    assert accuracy_metric_warning(model) is None


def test_the_warning_reads_a_model_as_fit_receives_it():
    model = build_mlp(3, hidden_units=(), output_activation=None, compiled=False)
    model.compile(loss="mse", metrics=["accuracy"])
    x, _ = _data()
    fit(model, x, x[:, 0], epochs=1)  # after training, the metrics are built
    assert "'accuracy'" in accuracy_metric_warning(model)
