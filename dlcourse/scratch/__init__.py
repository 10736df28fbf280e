"""Neural-network mechanisms written from scratch in NumPy.

These are for reading, not for speed: each is the textbook formula in a few
lines, and the tests check every one against TensorFlow (same numbers to
1e-5), so what the book derives by hand is what the library computes. One
module per mechanism; everything is importable from ``dlcourse.scratch``.

- :mod:`dlcourse.scratch.dense`: a neuron, a dense layer, a forward pass
- :mod:`dlcourse.scratch.descent`: gradient descent on a one-feature line
- :mod:`dlcourse.scratch.backprop`: a two-layer network, trained by backpropagation
"""

from dlcourse.activations import ACTIVATIONS, linear, relu, sigmoid, softmax, tanh
from dlcourse.scratch.backprop import (
    backward_two_layer,
    forward_two_layer,
    init_two_layer,
    loss_and_gradients,
    numerical_gradients,
    PARAMETER_NAMES,
    predict_two_layer,
    sgd_update,
    train_two_layer,
    two_layer_loss,
)
from dlcourse.scratch.dense import dense_forward, mlp_forward, neuron
from dlcourse.scratch.descent import gradient_descent, line_gradient, line_loss

__all__ = [
    "ACTIVATIONS",
    "backward_two_layer",
    "dense_forward",
    "forward_two_layer",
    "gradient_descent",
    "init_two_layer",
    "line_gradient",
    "line_loss",
    "linear",
    "loss_and_gradients",
    "mlp_forward",
    "neuron",
    "numerical_gradients",
    "PARAMETER_NAMES",
    "predict_two_layer",
    "relu",
    "sgd_update",
    "sigmoid",
    "softmax",
    "tanh",
    "train_two_layer",
    "two_layer_loss",
]
