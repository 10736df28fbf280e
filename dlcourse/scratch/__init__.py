"""Neural-network mechanisms written from scratch in NumPy.

These are for reading, not for speed: each is the textbook formula in a few
lines, and the tests check every one against TensorFlow (same numbers to
1e-5), so what the book derives by hand is what the library computes. One
module per mechanism; everything is importable from ``dlcourse.scratch``.

- :mod:`dlcourse.scratch.dense`: a neuron, a dense layer, a forward pass
- :mod:`dlcourse.scratch.conv`: convolution and max pooling of images
"""

from dlcourse.activations import ACTIVATIONS, linear, relu, sigmoid, softmax, tanh
from dlcourse.scratch.dense import dense_forward, mlp_forward, neuron
from dlcourse.scratch.conv import conv2d, max_pool2d, output_size, receptive_field

__all__ = [
    "ACTIVATIONS", "dense_forward", "linear", "mlp_forward", "neuron", "relu", "sigmoid",
    "softmax", "tanh",
    "conv2d",
    "max_pool2d",
    "output_size",
    "receptive_field",
]
