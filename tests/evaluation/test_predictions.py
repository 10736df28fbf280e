"""dlcourse.evaluation: predicted classes and accuracy."""

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from dlcourse.evaluation import accuracy, predict_classes
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
