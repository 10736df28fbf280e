"""dlcourse.models.build_mlp."""

import keras
import pytest

from dlcourse.models import (
    build_cnn,
    build_cnn1d,
    build_matrix_factorization,
    build_mlp,
    build_pooling_classifier,
    build_rnn,
    build_transformer_classifier,
)


def dense_layers(model):
    return [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]


def test_default_is_the_classic_binary_classifier():
    model = build_mlp(8)
    assert model.input_shape == (None, 8)
    assert [(d.units, d.activation.__name__) for d in dense_layers(model)] == [
        (64, "relu"), (32, "relu"), (1, "sigmoid")
    ]
    assert model.count_params() == 2689
    assert model.compiled and model.loss == "binary_crossentropy"


def test_softmax_output_gets_sparse_categorical_loss():
    model = build_mlp(4, hidden_units=(16,), output_units=3, output_activation="softmax")
    assert model.loss == "sparse_categorical_crossentropy"
    assert model.output_shape == (None, 3)


def test_linear_output_gets_regression_loss_and_no_hidden_layer_works():
    model = build_mlp(3, hidden_units=(), output_activation=None)
    assert model.loss == "mse"
    assert model.count_params() == 3 + 1


def test_dropout_adds_dropout_layers():
    model = build_mlp(4, hidden_units=(8, 8), dropout=0.5)
    assert sum(isinstance(layer, keras.layers.Dropout) for layer in model.layers) == 2


def test_uncompiled_model_on_request():
    assert not build_mlp(4, compiled=False).compiled


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"input_dim": 0}, ValueError, "input_dim must be an integer >= 1, got 0"),
        ({"input_dim": 2.5}, TypeError, "input_dim must be an integer"),
        ({"input_dim": 4, "hidden_units": (64, -1)}, ValueError, r"hidden_units\[1\] must be an integer >= 1, got -1"),
        ({"input_dim": 4, "hidden_units": 64}, TypeError, "hidden_units must be a sequence"),
        ({"input_dim": 4, "activation": "relux"}, ValueError, "activation must be a Keras activation name .* got 'relux'"),
        ({"input_dim": 4, "output_activation": 3}, TypeError, "output_activation must be an activation name"),
        ({"input_dim": 4, "output_units": 0}, ValueError, "output_units must be an integer >= 1"),
        ({"input_dim": 4, "dropout": 1.0}, ValueError, r"dropout must be in \[0, 1\), got 1"),
        ({"input_dim": 4, "learning_rate": 0}, ValueError, "learning_rate"),
        ({"input_dim": 4, "output_activation": "softmax"}, ValueError,
         r"output_activation='softmax' over 1 output unit always outputs 1 .* 'sigmoid'"),
        ({"input_dim": 4, "output_activation": "softmax", "compiled": False}, ValueError,
         "cannot learn"),
        ({"input_dim": 4, "compiled": "yes"}, TypeError, "compiled must be True or False"),
    ],
)
def test_bad_arguments_are_named(kwargs, error, message):
    with pytest.raises(error, match=message):
        build_mlp(**kwargs)


def test_activations_given_as_functions_get_the_loss_of_their_name():
    model = build_mlp(4, output_units=3, output_activation=keras.activations.softmax)
    assert model.loss == "sparse_categorical_crossentropy"
    assert build_mlp(4, output_activation=keras.activations.sigmoid).loss == "binary_crossentropy"


def test_several_sigmoid_outputs_are_a_multi_label_model():
    model = build_mlp(4, output_units=3, output_activation="sigmoid")
    assert model.loss == "binary_crossentropy" and model.output_shape == (None, 3)


# --- build_cnn ---------------------------------------------------------------

def test_build_cnn_classic_parameter_count():
    from dlcourse.models import build_cnn

    model = build_cnn((64, 64, 3), 10, filters=(32,), dense_units=64)
    assert model.count_params() == 1_969_738
    assert model.output_shape == (None, 10)


def test_build_cnn_global_pool_is_smaller():
    from dlcourse.models import build_cnn

    flat = build_cnn((28, 28, 1), 10)
    pooled = build_cnn((28, 28, 1), 10, global_pool=True)
    assert pooled.count_params() < flat.count_params() / 5


@pytest.mark.parametrize("kwargs, match", [
    ({"input_shape": (28, 28)}, "channels"),
    ({"input_shape": "28x28"}, "input_shape"),
    ({"input_shape": (28, 28, 1), "n_classes": 1}, "n_classes"),
    ({"input_shape": (8, 8, 1), "filters": (8, 8, 8)}, "too small"),
    ({"input_shape": (28, 28, 1), "filters": ()}, "filters"),
    ({"input_shape": (28, 28, 1), "padding": "full"}, "padding"),
])
def test_build_cnn_refuses_bad_arguments(kwargs, match):
    from dlcourse.models import build_cnn

    kwargs = {"n_classes": 10, **kwargs}
    with pytest.raises((TypeError, ValueError), match=match):
        build_cnn(**kwargs)


@pytest.mark.parametrize("build", [
    lambda c: build_mlp(3, compiled=c),
    lambda c: build_cnn((8, 8, 1), 2, filters=(4,), dense_units=None, compiled=c),
    lambda c: build_cnn1d((20, 2), 3, compiled=c),
    lambda c: build_rnn(5, compiled=c),
    lambda c: build_pooling_classifier(50, 10, 4, compiled=c),
    lambda c: build_transformer_classifier(50, 10, 8, compiled=c),
    lambda c: build_matrix_factorization(5, 6, 2, compiled=c),
], ids=["mlp", "cnn", "cnn1d", "rnn", "pooling", "transformer", "factorization"])
def test_every_builder_compiles_only_when_asked(build):
    assert build(True).compiled and not build(False).compiled
