"""Convolution and max pooling of images, in NumPy (chapter 4).

Both follow Keras' conventions exactly: images are channels last,
kernels are shaped ``(kernel_height, kernel_width, in_channels,
out_channels)`` like a ``Conv2D`` layer's kernel, and "convolution" is
the cross-correlation every deep-learning library computes (the kernel is
not flipped). ``padding="same"`` pads as TensorFlow does: as evenly as
possible, with the odd pixel at the bottom and right.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from dlcourse._checks import check_array, check_choice, check_int

__all__ = ["conv2d", "max_pool2d", "output_size", "receptive_field"]


def output_size(size: int, kernel_size: int, stride: int = 1, padding: str = "valid") -> int:
    """Side of a convolution's or pooling's output along one axis.

    ``"valid"`` (no padding): ``(size - kernel_size) // stride + 1``;
    ``"same"``: ``ceil(size / stride)``, whatever the kernel.

    Parameters
    ----------
    size : int
        Side of the input (pixels).
    kernel_size : int
        Side of the kernel (or pooling window).
    stride : int, default 1
        Step between two windows.
    padding : {"valid", "same"}, default "valid"

    Examples
    --------
    >>> output_size(28, 3), output_size(28, 3, padding="same"), output_size(28, 2, stride=2)
    (26, 28, 14)
    """
    size = check_int("size", size, minimum=1)
    kernel_size = check_int("kernel_size", kernel_size, minimum=1)
    stride = check_int("stride", stride, minimum=1)
    padding = check_choice("padding", padding, ("valid", "same"))
    if padding == "same":
        return -(-size // stride)
    if kernel_size > size:
        raise ValueError(
            f"kernel_size {kernel_size} is larger than the input size {size}: "
            "with padding='valid' the kernel fits nowhere"
        )
    return (size - kernel_size) // stride + 1


def _as_image(image: Any) -> tuple[np.ndarray, bool]:
    """The image as (height, width, channels), and whether it came without a channels axis."""
    array = check_array("image", image, ndim=(2, 3))
    if array.ndim == 2:
        return array[:, :, None], True
    return array, False


def _same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """TensorFlow's 'same' padding along one axis: (before, after)."""
    out = -(-size // stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def conv2d(image: Any, kernel: Any, *, stride: int = 1, padding: str = "valid") -> np.ndarray:
    """Slide ``kernel`` over ``image``: at each position, multiply and add up.

    Output pixel ``(i, j)`` of output channel ``o`` is
    ``sum(window * kernel[:, :, :, o])``, where ``window`` is the patch of
    the (padded) image whose top-left corner is at ``(i * stride, j *
    stride)``. This is what ``keras.layers.Conv2D`` computes (before the
    bias and activation).

    Parameters
    ----------
    image : array of shape (height, width) or (height, width, channels)
        A grey image, or an image with channels last.
    kernel : array of shape (kh, kw) or (kh, kw, in_channels, out_channels)
        One 2-D filter for a grey image, or a ``Conv2D`` kernel
        (``layer.get_weights()[0]``).
    stride : int, default 1
        Step between two positions of the kernel, down and across.
    padding : {"valid", "same"}, default "valid"
        ``"valid"``: the kernel stays inside the image, so the output
        shrinks by ``kernel_size - 1``; ``"same"``: the image is padded with
        zeros so that, with stride 1, the output has the image's size.

    Returns
    -------
    numpy.ndarray
        Shape ``(out_height, out_width)`` for a 2-D image and 2-D kernel,
        else ``(out_height, out_width, out_channels)``.

    Examples
    --------
    A vertical-edge kernel responds where dark meets bright:

    >>> import numpy as np
    >>> from dlcourse.scratch import conv2d
    >>> image = np.array([[0, 0, 1, 1]] * 3, dtype=float)
    >>> conv2d(image, [[-1, 1], [-1, 1]])
    array([[0., 2., 0.],
           [0., 2., 0.]])
    >>> conv2d(image, np.ones((3, 3)), padding="same", stride=2).shape
    (2, 2)
    """
    image, grey = _as_image(image)
    kernel = check_array("kernel", kernel, ndim=(2, 4))
    stride = check_int("stride", stride, minimum=1)
    padding = check_choice("padding", padding, ("valid", "same"))
    flat_kernel = kernel.ndim == 2
    if flat_kernel:
        if not grey and image.shape[2] != 1:
            raise ValueError(
                f"kernel of shape {kernel.shape} fits a grey image, but image has "
                f"{image.shape[2]} channels: pass a kernel of shape "
                f"{kernel.shape + (image.shape[2], 1)}"
            )
        kernel = kernel[:, :, None, None]
    kh, kw, k_in, _ = kernel.shape
    height, width, channels = image.shape
    if k_in != channels:
        raise ValueError(
            f"kernel expects {k_in} input channel(s) (shape {kernel.shape}), but image has "
            f"{channels} (shape {image.shape})"
        )
    if kh > height or kw > width:
        raise ValueError(
            f"kernel is {kh}x{kw}, larger than the {height}x{width} image: "
            "use a smaller kernel or a larger image"
        )
    if padding == "same":
        (top, bottom), (left, right) = _same_padding(height, kh, stride), _same_padding(width, kw, stride)
        image = np.pad(image, ((top, bottom), (left, right), (0, 0)))
    # windows[i, j] is the (kh, kw, channels) patch whose corner is at (i, j).
    windows = sliding_window_view(image, (kh, kw), axis=(0, 1))[::stride, ::stride]
    out = np.einsum("ijcxy,xyco->ijo", windows, kernel)
    return out[:, :, 0] if grey and flat_kernel else out


def max_pool2d(image: Any, pool_size: int = 2, *, stride: int | None = None) -> np.ndarray:
    """Max pooling: the largest value of each ``pool_size`` window, per channel.

    Like ``keras.layers.MaxPooling2D`` with its defaults (``padding="valid"``,
    ``strides=pool_size``): rows and columns left over at the bottom and
    right are dropped.

    Parameters
    ----------
    image : array of shape (height, width) or (height, width, channels)
    pool_size : int, default 2
        Side of the square window.
    stride : int, optional
        Step between windows; default ``pool_size`` (windows do not overlap).

    Returns
    -------
    numpy.ndarray
        The pooled image, with as many axes as ``image``.

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.scratch import max_pool2d
    >>> max_pool2d(np.arange(16.0).reshape(4, 4))
    array([[ 5.,  7.],
           [13., 15.]])
    """
    image, grey = _as_image(image)
    pool_size = check_int("pool_size", pool_size, minimum=1)
    stride = pool_size if stride is None else check_int("stride", stride, minimum=1)
    height, width, _ = image.shape
    if pool_size > min(height, width):
        raise ValueError(
            f"pool_size {pool_size} is larger than the {height}x{width} image"
        )
    windows = sliding_window_view(image, (pool_size, pool_size), axis=(0, 1))[::stride, ::stride]
    out = windows.max(axis=(3, 4))
    return out[:, :, 0] if grey else out


def receptive_field(kernel_sizes: Sequence[int], strides: Sequence[int] | None = None) -> list[int]:
    """Side of the input patch that one output pixel sees, after each layer of a stack.

    Each layer with kernel ``k`` widens the field by ``(k - 1)`` times the
    product of the strides of the layers before it: ``r = 1 + sum((k_l -
    1) * s_1 * ... * s_(l-1))``. A 2x2 max pooling is a layer with kernel 2
    and stride 2.

    Parameters
    ----------
    kernel_sizes : sequence of int
        Kernel side of each layer, input side first.
    strides : sequence of int, optional
        Stride of each layer; default 1 for all.

    Returns
    -------
    list of int
        The receptive field after each layer.

    Examples
    --------
    Two 3x3 convolutions see 5x5 pixels; a pooling and a third see 10x10:

    >>> from dlcourse.scratch import receptive_field
    >>> receptive_field([3, 3]), receptive_field([3, 3, 2, 3], [1, 1, 2, 1])
    ([3, 5], [3, 5, 6, 10])
    """
    if isinstance(kernel_sizes, (str, bytes)) or not isinstance(kernel_sizes, Sequence):
        raise TypeError(f"kernel_sizes must be a list of integers such as [3, 3], got {kernel_sizes!r}")
    if not kernel_sizes:
        raise ValueError("kernel_sizes must name at least one layer, got []")
    sizes = [check_int(f"kernel_sizes[{k}]", n, minimum=1) for k, n in enumerate(kernel_sizes)]
    if strides is None:
        steps = [1] * len(sizes)
    else:
        if isinstance(strides, (str, bytes)) or not isinstance(strides, Sequence):
            raise TypeError(f"strides must be a list of integers, got {strides!r}")
        if len(strides) != len(sizes):
            raise ValueError(
                f"strides must give one stride per layer: {len(strides)} for {len(sizes)} layers"
            )
        steps = [check_int(f"strides[{k}]", n, minimum=1) for k, n in enumerate(strides)]
    fields, field, jump = [], 1, 1
    for size, step in zip(sizes, steps):
        field += (size - 1) * jump
        jump *= step
        fields.append(field)
    return fields
