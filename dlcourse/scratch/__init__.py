"""Neural-network mechanisms written from scratch in NumPy: every textbook formula.

These are for reading, not for speed: each is the textbook formula in a few
lines, and the tests check every one against TensorFlow (same numbers to
1e-5), so what the book derives by hand is what the library computes. One
module per mechanism; everything is importable from ``dlcourse.scratch``.

- :mod:`dlcourse.scratch.activations`: activation functions and their derivatives
- :mod:`dlcourse.scratch.losses`: loss functions
- :mod:`dlcourse.scratch.dense`: a neuron, a dense layer, a forward pass
- :mod:`dlcourse.scratch.descent`: gradient descent on a one-feature line
- :mod:`dlcourse.scratch.backprop`: a two-layer network, trained by backpropagation
- :mod:`dlcourse.scratch.rnn`: a simple recurrent layer, step by step
- :mod:`dlcourse.scratch.conv`: convolution and max pooling of images
"""

from dlcourse.scratch.activations import (
    ACTIVATIONS,
    DERIVATIVES,
    derivative,
    elu,
    elu_derivative,
    gelu,
    gelu_derivative,
    get_activation,
    leaky_relu,
    leaky_relu_derivative,
    linear,
    linear_derivative,
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    softmax,
    softmax_jacobian,
    tanh,
    tanh_derivative,
)
from dlcourse.scratch.backprop import (
    PARAMETER_NAMES,
    backward_two_layer,
    forward_two_layer,
    init_two_layer,
    loss_and_gradients,
    numerical_gradients,
    predict_two_layer,
    sgd_update,
    train_two_layer,
    two_layer_loss,
)
from dlcourse.scratch.conv import conv2d, max_pool2d, output_size, receptive_field
from dlcourse.scratch.dense import dense_forward, mlp_forward, neuron
from dlcourse.scratch.descent import gradient_descent, line_gradient, line_loss
from dlcourse.scratch.losses import (
    EPSILON,
    binary_cross_entropy,
    categorical_cross_entropy,
    mean_squared_error,
    sparse_categorical_cross_entropy,
)
from dlcourse.scratch.rnn import rnn_step, simple_rnn_forward

__all__ = [
    "ACTIVATIONS",
    "backward_two_layer",
    "binary_cross_entropy",
    "categorical_cross_entropy",
    "conv2d",
    "dense_forward",
    "derivative",
    "DERIVATIVES",
    "elu",
    "elu_derivative",
    "EPSILON",
    "forward_two_layer",
    "gelu",
    "gelu_derivative",
    "get_activation",
    "gradient_descent",
    "init_two_layer",
    "leaky_relu",
    "leaky_relu_derivative",
    "line_gradient",
    "line_loss",
    "linear",
    "linear_derivative",
    "loss_and_gradients",
    "max_pool2d",
    "mean_squared_error",
    "mlp_forward",
    "neuron",
    "numerical_gradients",
    "output_size",
    "PARAMETER_NAMES",
    "predict_two_layer",
    "receptive_field",
    "relu",
    "relu_derivative",
    "rnn_step",
    "sgd_update",
    "sigmoid",
    "sigmoid_derivative",
    "simple_rnn_forward",
    "softmax",
    "softmax_jacobian",
    "sparse_categorical_cross_entropy",
    "tanh",
    "tanh_derivative",
    "train_two_layer",
    "two_layer_loss",
]
