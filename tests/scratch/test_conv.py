"""dlcourse.scratch.conv: convolution and pooling by hand agree with TensorFlow."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from dlcourse.scratch import conv2d, max_pool2d, output_size, receptive_field

RNG = np.random.default_rng(0)


def tf_conv(image, kernel, stride, padding):
    out = tf.nn.conv2d(image[None].astype(np.float64), kernel.astype(np.float64),
                       strides=stride, padding=padding.upper())
    return out.numpy()[0]


@pytest.mark.parametrize("padding", ["valid", "same"])
@pytest.mark.parametrize("stride", [1, 2, 3])
@pytest.mark.parametrize("kernel_shape", [(3, 3), (2, 4), (5, 5), (1, 1)])
def test_conv2d_matches_tf_nn_conv2d(padding, stride, kernel_shape):
    image = RNG.normal(size=(11, 10, 3))
    kernel = RNG.normal(size=(*kernel_shape, 3, 4))
    ours = conv2d(image, kernel, stride=stride, padding=padding)
    theirs = tf_conv(image, kernel, stride, padding)
    assert ours.shape == theirs.shape
    np.testing.assert_allclose(ours, theirs, atol=1e-6)


@pytest.mark.parametrize("padding", ["valid", "same"])
def test_grey_image_and_2d_kernel_give_a_2d_map(padding):
    image = RNG.normal(size=(9, 12))
    kernel = RNG.normal(size=(3, 3))
    ours = conv2d(image, kernel, padding=padding)
    theirs = tf_conv(image[:, :, None], kernel[:, :, None, None], 1, padding)[:, :, 0]
    assert ours.ndim == 2
    np.testing.assert_allclose(ours, theirs, atol=1e-6)


def test_conv2d_is_a_keras_conv2d_layer_without_bias():
    layer = keras.layers.Conv2D(5, 3, padding="same", use_bias=False)
    image = RNG.normal(size=(8, 8, 2)).astype(np.float32)
    expected = layer(image[None]).numpy()[0]
    np.testing.assert_allclose(conv2d(image, layer.get_weights()[0], padding="same"), expected,
                               atol=1e-5)


@pytest.mark.parametrize("size,stride", [(2, None), (3, None), (2, 1), (3, 2)])
def test_max_pool_matches_tf(size, stride):
    image = RNG.normal(size=(9, 8, 3))
    expected = tf.nn.max_pool2d(image[None], size, stride or size, "VALID").numpy()[0]
    np.testing.assert_allclose(max_pool2d(image, size, stride=stride), expected, atol=1e-12)
    assert max_pool2d(image[:, :, 0], size, stride=stride).shape == expected.shape[:2]


@pytest.mark.parametrize("padding", ["valid", "same"])
@pytest.mark.parametrize("stride", [1, 2, 3])
def test_output_size_matches_conv2d(padding, stride):
    out = conv2d(np.ones((13, 13)), np.ones((4, 4)), stride=stride, padding=padding)
    assert out.shape == (output_size(13, 4, stride, padding),) * 2


def test_kernel_larger_than_the_image_is_refused():
    with pytest.raises(ValueError, match=r"kernel is 5x5, larger than the 4x4 image"):
        conv2d(np.ones((4, 4)), np.ones((5, 5)))
    with pytest.raises(ValueError, match=r"kernel is 5x5, larger than the 4x4 image"):
        conv2d(np.ones((4, 4)), np.ones((5, 5)), padding="same")
    with pytest.raises(ValueError, match="kernel_size 5 is larger than the input size 4"):
        output_size(4, 5)
    with pytest.raises(ValueError, match="pool_size 3 is larger"):
        max_pool2d(np.ones((2, 2)), 3)


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match=r"kernel expects 1 input channel\(s\)"):
        conv2d(np.ones((5, 5, 3)), np.ones((3, 3, 1, 2)))
    with pytest.raises(ValueError, match=r"pass a kernel of shape \(3, 3, 3, 1\)"):
        conv2d(np.ones((5, 5, 3)), np.ones((3, 3)))
    with pytest.raises(ValueError, match="kernel must be a 2-D or 4-D array"):
        conv2d(np.ones((5, 5)), np.ones((3, 3, 1)))
    with pytest.raises(ValueError, match="image must be a 2-D or 3-D array"):
        conv2d(np.ones(5), np.ones((3, 3)))
    with pytest.raises(ValueError, match=r"padding must be one of \['valid', 'same'\]"):
        conv2d(np.ones((5, 5)), np.ones((3, 3)), padding="full")
    with pytest.raises(ValueError, match="stride must be an integer >= 1"):
        conv2d(np.ones((5, 5)), np.ones((3, 3)), stride=0)
    with pytest.raises(ValueError, match="image must hold only finite numbers"):
        conv2d(np.full((5, 5), np.nan), np.ones((3, 3)))


def test_receptive_field():
    assert receptive_field([3]) == [3]
    assert receptive_field([3, 3, 3]) == [3, 5, 7]
    # conv 3, pool 2 (stride 2), conv 3, pool 2, conv 3
    assert receptive_field([3, 2, 3, 2, 3], [1, 2, 1, 2, 1]) == [3, 4, 8, 10, 18]
    with pytest.raises(ValueError, match="one stride per layer: 1 for 2 layers"):
        receptive_field([3, 3], [1])
    with pytest.raises(ValueError, match=r"kernel_sizes\[1\] must be an integer >= 1"):
        receptive_field([3, 0])
