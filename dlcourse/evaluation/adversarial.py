"""Adversarial examples and saliency maps: what a classifier's gradient reveals.

Both use the gradient of a trained classifier with respect to its *input*
(not its weights): the fast gradient sign method (FGSM) of Goodfellow et
al. (2015) steps every pixel a little in the direction that raises the
loss; a saliency map (Simonyan et al., 2014) shows which pixels the class
score is most sensitive to (chapter 7, challenges).

The valid range of the inputs is explicit: :func:`fgsm`,
:func:`accuracy_under_attack` and :func:`random_sign_noise` take
``clip=(low, high)``, by default ``(0.0, 1.0)``, the range of images scaled
to [0, 1]. Inputs outside that range (standardised data, pixels in 0-255)
are refused rather than clipped into it, so ``epsilon=0`` always returns
``x`` unchanged; pass ``clip=None`` to not clip at all, or ``clip="data"``
to keep the result within the smallest and largest value of ``x`` itself.

The classifier may end in a softmax (probabilities) or output logits: a
Keras model says which by its last layer and loss, else the values decide
(:func:`dlcourse.evaluation.predictions.class_scores`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from dlcourse._checks import (
    _describe,
    check_array,
    check_float,
    check_int,
    check_labels,
    check_model_input,
    check_same_length,
)
from dlcourse.evaluation.predictions import (
    _activation_name,
    _look_like_probabilities,
    _output_layer,
    declared_output,
)

__all__ = ["accuracy_under_attack", "fgsm", "flip_pixels", "random_sign_noise", "saliency_map"]

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def _check_classifier(model: Any) -> int:
    """Raise unless ``model`` is a Keras model with one output (probability or logit) per class."""
    from dlcourse._keras import keras

    if not isinstance(model, keras.Model):
        raise TypeError(f"model must be a trained keras.Model classifier, got {_describe(model)}")
    try:
        output_shape = tuple(model.output_shape)
    except (AttributeError, ValueError, TypeError):
        raise ValueError("model must have a single defined output") from None
    if len(output_shape) != 2 or not isinstance(output_shape[1], int) or output_shape[1] < 2:
        raise ValueError(
            f"model must output one probability per class, shape (None, n_classes >= 2), "
            f"got output shape {output_shape}"
        )
    declared = declared_output(model)
    if declared in ("regression", "multi_label"):
        what = ("is compiled with a regression loss" if declared == "regression"
                else "has several sigmoid outputs (multi-label)")
        raise ValueError(
            f"model {what}: it must output one probability (softmax) or logit per class"
        )
    return output_shape[1]


def _are_logits(model: Any, outputs: Any) -> bool:
    """Whether the classifier's outputs are logits rather than probabilities."""
    declared = declared_output(model)
    if declared in ("probabilities", "logits"):
        return declared == "logits"
    return not _look_like_probabilities(np.asarray(outputs))


def _inputs_and_labels(model: Any, x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    n_classes = _check_classifier(model)
    x = check_array("x", x, ndim=(2, 3, 4, 5))
    check_model_input("x", model, x)
    y = check_labels("y", y, n_classes=n_classes)
    check_same_length("x", x, "y", y)
    return x.astype(np.float32), y


def _check_clip(clip: Any, x: np.ndarray) -> tuple[float, float] | None:
    """The range to clip to, refusing inputs outside it (clipping would move them)."""
    if clip is None:
        return None
    if isinstance(clip, str) and clip == "data":
        return float(x.min()), float(x.max())
    if isinstance(clip, (str, bytes)) or not isinstance(clip, Sequence) or len(clip) != 2:
        raise TypeError(
            f"clip must be a pair (low, high), 'data' or None, got {_describe(clip)}"
        )
    low = check_float("clip[0]", clip[0])
    high = check_float("clip[1]", clip[1])
    if low >= high:
        raise ValueError(f"clip must be (low, high) with low < high, got {tuple(clip)}")
    if x.min() < low or x.max() > high:
        raise ValueError(
            f"x holds values from {x.min():g} to {x.max():g}, outside clip=({low:g}, {high:g}) "
            "(the default is the range of images scaled to [0, 1]): clipping would move them "
            "even with epsilon 0. Pass the valid range of your inputs as clip=(low, high), "
            "clip=None to not clip (standardised data), or clip='data' to stay within the "
            "smallest and largest value of x"
        )
    return low, high


def _check_epsilon(epsilon: Any) -> float:
    if isinstance(epsilon, bool) or not isinstance(epsilon, (int, float, np.number)):
        raise TypeError(f"epsilon must be a number >= 0, got {_describe(epsilon)}")
    if epsilon < 0:
        raise ValueError(
            f"epsilon must be >= 0 (the size of the step up the loss), got {epsilon:g}: "
            "a negative step would make the inputs easier, not adversarial"
        )
    return check_float("epsilon", epsilon, low=0)


def fgsm(
    model: Any, x: Any, y: Any, epsilon: float, *,
    clip: tuple[float, float] | str | None = (0.0, 1.0),
) -> np.ndarray:
    """Perturb inputs with the fast gradient sign method (Goodfellow et al., 2015).

    ``x_adv = clip(x + epsilon * sign(grad_x loss(model(x), y)))``: every
    input value moves by exactly ``epsilon``, up or down, whichever raises
    the classifier's cross-entropy on the true labels ``y``.

    Parameters
    ----------
    model : keras.Model
        A trained classifier with one output unit per class: a softmax, or
        logits (read from its loss's ``from_logits``, else from the values).
    x : array-like of shape (n, ...)
        Inputs, as the model takes them (images scaled to [0, 1]).
    y : array-like of int, shape (n,)
        True class labels.
    epsilon : float
        Size of the step per input value, >= 0 (0 returns ``x`` unchanged).
    clip : (low, high), "data" or None, default (0.0, 1.0)
        The valid range of the inputs: the result is clipped to it, and
        ``x`` must lie within it (else refused: clipping would move it).
        ``None`` does not clip (standardised data); ``"data"`` clips to the
        smallest and largest value of ``x``.

    Returns
    -------
    np.ndarray
        The perturbed inputs, float32, same shape as ``x``.

    Examples
    --------
    >>> import keras, numpy as np
    >>> from dlcourse.evaluation import fgsm
    >>> model = keras.Sequential([keras.Input(shape=(2,)),
    ...                           keras.layers.Dense(2, activation="softmax")])
    >>> x = np.array([[0.5, 0.5]])
    >>> step = fgsm(model, x, [0], epsilon=0.1) - x
    >>> np.allclose(np.abs(step), 0.1)
    True
    """
    from dlcourse._keras import tf

    x, y = _inputs_and_labels(model, x, y)
    epsilon = _check_epsilon(epsilon)
    clip = _check_clip(clip, x)
    if epsilon == 0:
        return x.copy()
    x_tensor = tf.convert_to_tensor(x)
    with tf.GradientTape() as tape:
        tape.watch(x_tensor)
        outputs = model(x_tensor, training=False)
        loss = tf.keras.losses.sparse_categorical_crossentropy(
            y, outputs, from_logits=_are_logits(model, outputs))
    gradient = tape.gradient(loss, x_tensor).numpy()
    x_adv = x + epsilon * np.sign(gradient)
    if clip is not None:
        x_adv = np.clip(x_adv, *clip)
    return x_adv.astype(np.float32)


def accuracy_under_attack(
    model: Any, x: Any, y: Any, epsilons: Sequence[float], *,
    clip: tuple[float, float] | str | None = (0.0, 1.0),
) -> dict[float, float]:
    """Test accuracy of ``model`` on FGSM-perturbed inputs, for each epsilon.

    ``clip`` is the valid range of ``x``, as for :func:`fgsm`; at epsilon 0
    the accuracy is the clean one.

    Examples
    --------
    >>> import keras, numpy as np
    >>> from dlcourse.evaluation import accuracy_under_attack
    >>> model = keras.Sequential([keras.Input(shape=(2,)),
    ...                           keras.layers.Dense(2, activation="softmax")])
    >>> scores = accuracy_under_attack(model, np.eye(2), [0, 1], [0.0, 0.1])
    >>> sorted(scores)
    [0.0, 0.1]
    """
    from dlcourse.evaluation import accuracy

    x, y = _inputs_and_labels(model, x, y)
    if isinstance(epsilons, (str, bytes)) or not isinstance(epsilons, Sequence) or not epsilons:
        raise TypeError(f"epsilons must be a non-empty list of numbers, got {_describe(epsilons)}")
    _check_clip(clip, x)  # once, before any attack runs
    return {float(eps): accuracy(model, fgsm(model, x, y, eps, clip=clip), y) for eps in epsilons}


def random_sign_noise(
    x: Any, epsilon: float, seed: int = 0, *,
    clip: tuple[float, float] | str | None = (0.0, 1.0),
) -> np.ndarray:
    """Add noise of the same size as FGSM's step, but in random directions.

    The control experiment for FGSM: every value moves by ``epsilon`` up or
    down at random, then is clipped to ``clip``, the valid range of ``x``
    (as for :func:`fgsm`: ``x`` outside it is refused, ``None`` does not
    clip, ``"data"`` clips to the range of ``x``). ``epsilon=0`` returns
    ``x`` unchanged.

    Examples
    --------
    >>> import numpy as np
    >>> noisy = random_sign_noise(np.full((1, 4), 0.5), 0.1)
    >>> np.allclose(np.abs(noisy - 0.5), 0.1)
    True
    """
    x = check_array("x", x, ndim=(2, 3, 4, 5))
    epsilon = _check_epsilon(epsilon)
    seed = check_int("seed", seed, minimum=0)
    clip = _check_clip(clip, x)
    signs = np.random.default_rng(seed).choice([-1.0, 1.0], size=x.shape)
    noisy = x + epsilon * signs
    if clip is not None:
        noisy = np.clip(noisy, *clip)
    return noisy.astype(np.float32)


def _class_score_function(model: Any, outputs: Any) -> Any:
    """A function from inputs to ``model``'s pre-softmax class scores (logits).

    For a last layer ``Dense(..., activation="softmax")`` the scores are that
    layer's kernel and bias applied to the previous layer's output; for a
    last ``Softmax()`` or ``Activation("softmax")`` layer, that layer's
    input; for a model that outputs logits, its output. Raises
    ``ValueError`` when the model outputs probabilities whose scores cannot
    be read from its layers.
    """
    from dlcourse._keras import keras, tf

    last = _output_layer(model)
    if last is not None and _activation_name(last) == "softmax":
        if isinstance(model, keras.Sequential):
            def before_last(x: Any) -> Any:
                for layer in model.layers[:-1]:
                    x = layer(x, training=False)
                return x
        else:
            body = keras.Model(model.inputs, last.input)

            def before_last(x: Any) -> Any:
                return body(x, training=False)
        if isinstance(last, keras.layers.Dense):
            def dense_scores(x: Any) -> Any:
                scores = tf.matmul(before_last(x), last.kernel)
                return scores + last.bias if last.use_bias else scores
            return dense_scores
        if type(last).__name__ in ("Softmax", "Activation"):
            return before_last
    if _are_logits(model, outputs):
        return lambda x: model(x, training=False)
    raise ValueError(
        "saliency_map needs the class scores before the softmax: end the model in "
        "Dense(..., activation='softmax'), Softmax() or Activation('softmax'), or output "
        "logits (compiled with from_logits=True)")


def saliency_map(model: Any, x: Any, labels: Any = None) -> np.ndarray:
    """How strongly each input value sways a class score (Simonyan et al., 2014).

    The absolute gradient of the class score, the unnormalised score before
    the softmax (the logit), with respect to each input value; for images
    with channels, the largest over the channels. This is the image-specific
    class saliency of Simonyan, Vedaldi and Zisserman, "Deep inside
    convolutional networks: visualising image classification models and
    saliency maps", ICLR workshop 2014 (section 3.1): they differentiate the
    score rather than the softmax probability, since the probability can
    also rise by lowering the other classes' scores.

    Parameters
    ----------
    model : keras.Model
        A trained classifier with one output unit per class: ending in
        ``Dense(..., activation="softmax")`` (the score is that layer's
        kernel and bias applied to its input), ``Softmax()`` or
        ``Activation("softmax")`` (the score is that layer's input), or
        outputting logits (the score is the output).
    x : array-like of shape (n, ...)
        Inputs as the model takes them.
    labels : array-like of int, shape (n,), optional
        The class to explain for each row; default the predicted class.

    Returns
    -------
    np.ndarray
        Shape ``x.shape`` (``x.shape[:-1]`` for images ``(n, h, w, c)``),
        non-negative.

    Examples
    --------
    >>> import keras, numpy as np
    >>> model = keras.Sequential([keras.Input(shape=(3,)),
    ...                           keras.layers.Dense(2, activation="softmax")])
    >>> saliency_map(model, np.ones((2, 3))).shape
    (2, 3)
    """
    from dlcourse._keras import tf

    n_classes = _check_classifier(model)
    x = check_array("x", x, ndim=(2, 3, 4, 5)).astype(np.float32)
    check_model_input("x", model, x)
    outputs = model(x, training=False)
    if labels is None:
        labels = np.asarray(outputs).argmax(axis=1)
    labels = check_labels("labels", labels, n_classes=n_classes)
    check_same_length("x", x, "labels", labels)
    class_scores = _class_score_function(model, outputs)
    x_tensor = tf.convert_to_tensor(x)
    with tf.GradientTape() as tape:
        tape.watch(x_tensor)
        scores = class_scores(x_tensor)
        chosen = tf.gather(scores, labels, axis=1, batch_dims=1)
    gradient = np.abs(tape.gradient(chosen, x_tensor).numpy())
    return gradient.max(axis=-1) if x.ndim == 4 else gradient


def flip_pixels(x: Any, scores: Any, k: int) -> np.ndarray:
    """Invert (``1 - value``) the ``k`` pixels of each image with the highest ``scores``.

    A test of a saliency map: flipping the pixels it calls important should
    hurt a classifier more than flipping as many random pixels.

    Parameters
    ----------
    x : array-like of shape (n, h, w) or (n, h, w, 1)
        Images with values in [0, 1].
    scores : array-like of shape (n, h, w)
        A score per pixel, such as :func:`saliency_map`'s (or random
        numbers, for the control).
    k : int
        How many pixels to flip per image, >= 0.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.zeros((1, 2, 2, 1))
    >>> flip_pixels(x, np.array([[[0.1, 0.9], [0.2, 0.3]]]), 1)[0, :, :, 0].tolist()
    [[0.0, 1.0], [0.0, 0.0]]
    """
    x = check_array("x", x, ndim=(3, 4))
    if x.min() < 0 or x.max() > 1:
        raise ValueError(
            f"x must hold images with values in [0, 1] (1 - value inverts a pixel only there), "
            f"got values from {x.min():g} to {x.max():g}: scale them to [0, 1] first"
        )
    scores = check_array("scores", scores, ndim=3)
    if scores.shape != x.shape[:3]:
        raise ValueError(
            f"scores must have one value per pixel, shape {x.shape[:3]}, got {scores.shape}"
        )
    k = check_int("k", k, minimum=0)
    pixels = scores.shape[1] * scores.shape[2]
    if k > pixels:
        raise ValueError(f"k must be at most the {pixels} pixels of an image, got {k}")
    flipped = x.copy().reshape(len(x), pixels, -1)
    order = np.argsort(-scores.reshape(len(x), pixels), axis=1, kind="stable")[:, :k]
    rows = np.arange(len(x))[:, None]
    flipped[rows, order] = 1.0 - flipped[rows, order]
    return flipped.reshape(x.shape).astype(np.float32)
