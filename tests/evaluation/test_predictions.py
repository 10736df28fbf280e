"""dlcourse.evaluation: predicted classes and accuracy."""

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from dlcourse.evaluation import (
    accuracy,
    class_probabilities,
    class_scores,
    declared_output,
    model_outputs,
    predict_classes,
)
from dlcourse.models import build_mlp


def test_scores_of_each_shape_become_labels():
    x = np.zeros((3, 2))
    assert predict_classes(lambda _: np.array([0.2, 0.7, 0.5]), x).tolist() == [0, 1, 0]
    assert predict_classes(lambda _: np.array([[0.9], [0.1], [0.6]]), x).tolist() == [1, 0, 1]
    scores = np.array([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.0, 0.1, 0.9]])
    assert predict_classes(lambda _: scores, x).tolist() == [1, 0, 2]
    assert predict_classes(lambda _: np.array([2, 0, 1]), x).tolist() == [2, 0, 1]


def test_works_with_keras_and_scikit_learn_models():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(50, 3)).astype(np.float32)
    y = (x[:, 0] > 0).astype(int)
    keras_model = build_mlp(3, hidden_units=(4,))
    expected = (keras_model.predict(x, verbose=0).reshape(-1) > 0.5).astype(int)
    np.testing.assert_array_equal(predict_classes(keras_model, x), expected)
    sk_model = LogisticRegression().fit(x, y)
    assert accuracy(sk_model, x, y) == pytest.approx(sk_model.score(x, y))


def test_accuracy_counts_right_answers():
    x = np.array([[0.9], [0.2], [0.7], [0.1]])
    assert accuracy(lambda v: v[:, 0], x, [1, 0, 0, 0]) == 0.75


def test_bad_arguments_are_named():
    with pytest.raises(TypeError, match="model must be a Keras model, have a predict method or be callable, got 3"):
        predict_classes(3, np.zeros((2, 2)))
    with pytest.raises(ValueError, match="x and y must have the same number of rows"):
        accuracy(lambda v: v[:, 0], np.zeros((3, 1)), [0, 1])
    with pytest.raises(ValueError, match=r"got output shape \(5,\) for 3 rows"):
        predict_classes(lambda v: np.zeros(5), np.zeros((3, 1)))
    with pytest.raises(ValueError, match=r"x has rows of shape \(4,\), but the model expects rows of shape \(3,\)"):
        predict_classes(build_mlp(3), np.zeros((2, 4)))


def test_subclassed_keras_models_are_called_directly(capsys):
    import keras

    class Doubler(keras.Model):  # defined outside the keras package
        def call(self, inputs):
            return inputs * 2.0

    assert predict_classes(Doubler(), np.array([[0.1], [0.4]])).tolist() == [0, 1]
    assert capsys.readouterr().out == ""  # no model.predict progress bar


def test_scikit_learn_models_trained_on_float_labels_give_labels():
    from sklearn.neighbors import KNeighborsClassifier

    x = np.array([[0.0], [1.0], [2.0], [3.0]])
    model = KNeighborsClassifier(n_neighbors=1).fit(x, [0.0, 1.0, 2.0, 2.0])
    assert predict_classes(model, x).tolist() == [0, 1, 2, 2]  # not cut at 0.5
    assert accuracy(model, x, [0, 1, 2, 2]) == 1.0


def test_models_predicting_strings_are_refused_clearly():
    from sklearn.neighbors import KNeighborsClassifier

    x = np.array([[0.0], [1.0]])
    model = KNeighborsClassifier(n_neighbors=1).fit(x, ["Adelie", "Gentoo"])
    with pytest.raises(TypeError, match=r"model must predict numbers .* such as \['Adelie'\]"):
        accuracy(model, x, [0, 1])


@pytest.mark.parametrize(
    "y, message",
    [
        ([0.5, 1.0], r"y must hold integer class labels 0, 1, 2, ..., got 0.5"),
        ([[0, 1], [1, 0]], r"one-hot rows\?\): pass y.argmax\(axis=1\)"),
        ([-1, 0], r"y must hold class labels in 0 .. n_classes - 1, got labels from -1"),
        (None, "y must be an array of numbers, got None"),
        ([], "y must hold at least one row"),
    ],
)
def test_accuracy_refuses_labels_it_cannot_score(y, message):
    with pytest.raises((TypeError, ValueError), match=message):
        accuracy(lambda v: v[:, 0], np.array([[0.9], [0.2]]), y)


def _logits_model(output_units, from_logits=True):
    """A linear output layer; compiled, as trained, with a loss that takes logits."""
    import keras

    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(output_units)])
    loss = (keras.losses.BinaryCrossentropy(from_logits=from_logits) if output_units == 1
            else keras.losses.SparseCategoricalCrossentropy(from_logits=from_logits))
    model.compile(loss=loss)
    return model


def test_one_logit_per_row_is_cut_at_zero():
    x = np.zeros((3, 2))
    logits = np.array([[-0.3], [0.4], [1.7]])
    assert predict_classes(lambda _: logits, x).tolist() == [0, 1, 1]
    assert accuracy(lambda _: logits, x, [0, 1, 1]) == 1.0
    # A Keras model says so by its loss, even when every logit lies in [0, 1]
    model = _logits_model(1)
    model.set_weights([np.array([[0.1], [0.1]], dtype=np.float32), np.array([0.2], np.float32)])
    rows = np.array([[0.0, 0.0], [1.0, 0.5], [-1.0, -1.0]])
    assert model_outputs(model, rows).ravel().tolist() == pytest.approx([0.2, 0.35, 0.0])
    assert predict_classes(model, rows).tolist() == [1, 1, 0]  # 0.2 > 0, not < 0.5


def test_several_logits_per_row_pick_the_largest():
    model = _logits_model(3)
    x = np.random.default_rng(0).normal(size=(20, 2))
    np.testing.assert_array_equal(predict_classes(model, x), model_outputs(model, x).argmax(1))
    assert class_scores(model, x)[1] == "logits"


def test_labels_the_model_cannot_predict_are_refused():
    model = build_mlp(2, hidden_units=(), output_units=3, output_activation="softmax")
    x = np.zeros((4, 2))
    with pytest.raises(ValueError, match=r"y holds the label 3, but the model outputs 3 class "
                                         r"scores per row.*0 \.\. 2"):
        accuracy(model, x, [0, 1, 2, 3])
    with pytest.raises(ValueError, match="y holds the label 2, but the model outputs one score"):
        accuracy(lambda v: np.full((len(v), 1), 0.7), x, [0, 1, 2, 1])


def test_outputs_that_are_no_class_scores_are_refused():
    regression = build_mlp(2, hidden_units=(), output_activation=None)  # MSE
    with pytest.raises(ValueError, match="regression loss mean_squared_error"):
        accuracy(regression, np.zeros((2, 2)), [0, 1])
    multi_label = build_mlp(2, hidden_units=(), output_units=3)  # 3 sigmoids
    with pytest.raises(ValueError, match="3 sigmoid outputs .*multi-label"):
        predict_classes(multi_label, np.zeros((2, 2)))
    with pytest.raises(ValueError, match="NaN or infinite outputs"):
        accuracy(lambda v: np.full((len(v), 2), np.nan), np.zeros((2, 2)), [0, 1])


def test_practitioners_inputs_dataframes_and_datasets():
    import pandas as pd
    import tensorflow as tf

    model = build_mlp(3, hidden_units=(4,), output_units=3, output_activation="softmax")
    x = np.random.default_rng(1).normal(size=(12, 3))
    y = np.arange(12) % 3
    frame = pd.DataFrame(x, columns=["a", "b", "c"], index=np.arange(100, 112))
    assert accuracy(model, frame, pd.Series(y, index=frame.index)) == accuracy(model, x, y)
    assert accuracy(model, x, y.astype(float)) == accuracy(model, x, y)
    dataset = tf.data.Dataset.from_tensor_slices((x, y)).batch(4)
    with pytest.raises(TypeError, match="x must be an array of numbers, got a stream of batches"):
        accuracy(model, dataset, y)
    with pytest.raises(TypeError, match="stream of batches"):
        predict_classes(model, iter([x]))


def test_class_probabilities_turn_declared_logits_into_probabilities():
    model = _logits_model(3)
    x = np.random.default_rng(2).normal(size=(6, 2))
    logits = model_outputs(model, x)
    expected = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(class_probabilities(model, x), expected, rtol=1e-5)
    sigmoid = lambda v: np.array([[0.25], [0.5]])  # noqa: E731
    np.testing.assert_allclose(class_probabilities(sigmoid, np.zeros((2, 1))),
                               [[0.75, 0.25], [0.5, 0.5]])
    # scores that only look like logits are refused: they might be anything
    with pytest.raises(ValueError, match="must return class probabilities.*from_logits=True"):
        class_probabilities(lambda v: np.array([[2.0, -1.0], [0.5, 3.0]]), np.zeros((2, 1)))
    with pytest.raises(ValueError, match=r"one row of class probabilities .* got shape \(2,\)"):
        class_probabilities(lambda v: np.array([0.2, 0.7]), np.zeros((2, 1)))


def test_declared_output_reads_the_last_layer_and_the_loss():
    softmax = build_mlp(2, output_units=3, output_activation="softmax")
    assert declared_output(softmax) == "probabilities"
    assert declared_output(build_mlp(2)) == "probabilities"  # one sigmoid
    assert declared_output(build_mlp(2, output_units=2)) == "multi_label"
    assert declared_output(_logits_model(2)) == "logits"
    assert declared_output(_logits_model(2, from_logits=False)) is None  # values decide
    assert declared_output(build_mlp(2, output_activation=None)) == "regression"
    assert declared_output(lambda v: v) is None


def test_scikit_learn_regressors_are_not_read_as_classifiers():
    from sklearn.linear_model import LinearRegression

    x = np.array([[0.0], [1.0], [2.0], [3.0]])
    regressor = LinearRegression().fit(x, [0.0, 0.0, 1.0, 1.0])  # predicts -0.1 .. 1.1
    with pytest.raises(ValueError, match="model is a regressor: its outputs are numbers"):
        accuracy(regressor, x, [0, 0, 1, 1])


def test_forecast_refuses_what_it_cannot_forecast():
    from dlcourse.evaluation import forecast

    windows = np.zeros((4, 5, 1))
    assert forecast(lambda w: w[:, -1, :] + 1.0, windows).tolist() == [1.0] * 4
    with pytest.raises(ValueError, match=r"windows of shape .* pass x\[\.\.\., None\]"):
        forecast(lambda w: w[:, -1], np.zeros((4, 5)))
    with pytest.raises(ValueError, match="NaN or infinite forecasts"):
        forecast(lambda w: np.full((len(w), 1), np.inf), windows)
    with pytest.raises(ValueError, match="one forecast per window"):
        forecast(lambda w: w[:, :2, 0], windows)
