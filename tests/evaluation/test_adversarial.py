"""dlcourse.adversarial: FGSM and saliency maps checked against gradients worked by hand."""

import keras
import numpy as np
import pytest

from dlcourse.evaluation import (
    accuracy_under_attack,
    fgsm,
    flip_pixels,
    random_sign_noise,
    saliency_map,
)
from dlcourse.training import set_seed


@pytest.fixture(scope="module")
def softmax_model():
    """Softmax regression with known weights: its input gradients have a closed form."""
    set_seed(0)
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2, activation="softmax")])
    W = np.array([[1.0, -1.0], [0.5, 2.0], [-2.0, 0.3]], dtype=np.float32)
    b = np.array([0.1, -0.2], dtype=np.float32)
    model.set_weights([W, b])
    return model, W, b


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def test_fgsm_steps_along_the_sign_of_the_loss_gradient(softmax_model):
    model, W, b = softmax_model
    x = np.array([[0.5, 0.4, 0.6], [0.2, 0.7, 0.3]])
    y = np.array([0, 1])
    p = _softmax(x @ W + b)
    # d CE / d x = W (p - onehot(y))
    gradient = (p - np.eye(2)[y]) @ W.T
    expected = np.clip(x + 0.1 * np.sign(gradient), 0, 1)
    np.testing.assert_allclose(fgsm(model, x, y, 0.1), expected, atol=1e-6)


def test_fgsm_raises_the_loss_and_clips(softmax_model):
    model, _, _ = softmax_model
    x = np.random.default_rng(0).random((20, 3))
    y = np.asarray(model(x)).argmax(axis=1)
    loss = keras.losses.SparseCategoricalCrossentropy()
    before = float(loss(y, model(x)))
    x_adv = fgsm(model, x, y, 0.2)
    assert float(loss(y, model(x_adv))) > before
    assert x_adv.min() >= 0 and x_adv.max() <= 1
    unclipped = fgsm(model, x, y, 0.2, clip=None)
    np.testing.assert_allclose(np.abs(unclipped - x), 0.2, atol=1e-6)
    np.testing.assert_allclose(fgsm(model, x, y, 0), x, atol=1e-7)


def test_fgsm_refuses_bad_input(softmax_model):
    model, _, _ = softmax_model
    x = np.zeros((2, 3))
    with pytest.raises(ValueError, match="epsilon must be >= 0"):
        fgsm(model, x, [0, 1], -0.1)
    with pytest.raises(TypeError, match="epsilon"):
        fgsm(model, x, [0, 1], "0.1")
    with pytest.raises(ValueError, match="class labels in 0 .. 1"):
        fgsm(model, x, [0, 2], 0.1)
    with pytest.raises(ValueError, match="rows of shape"):
        fgsm(model, np.zeros((2, 4)), [0, 1], 0.1)
    with pytest.raises(ValueError, match="same number of rows"):
        fgsm(model, x, [0, 1, 1], 0.1)
    with pytest.raises(ValueError, match="low < high"):
        fgsm(model, x, [0, 1], 0.1, clip=(1, 0))
    regression = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
    with pytest.raises(ValueError, match="one probability per class"):
        fgsm(regression, x, [0, 1], 0.1)


def test_accuracy_under_attack_starts_at_the_clean_accuracy(softmax_model):
    model, _, _ = softmax_model
    x = np.random.default_rng(1).random((30, 3))
    y = np.asarray(model(x)).argmax(axis=1)
    scores = accuracy_under_attack(model, x, y, [0.0, 0.3])
    assert scores[0.0] == 1.0 and scores[0.3] < 1.0


def test_saliency_is_the_absolute_gradient_of_the_class_score_not_the_probability(softmax_model):
    # Simonyan et al. (2014) differentiate the class score before the softmax:
    # for softmax regression, d z_k / d x = W[:, k], whatever x is.
    model, W, b = softmax_model
    x = np.array([[0.5, 0.4, 0.6], [0.9, 0.1, 0.3]])
    k = 1
    np.testing.assert_allclose(saliency_map(model, x, [k, k]), np.abs(np.stack([W[:, k]] * 2)),
                               rtol=1e-5)
    p = _softmax(x @ W + b)[0]
    probability_gradient = np.abs(p[k] * (W[:, k] - W @ p))   # what it is not
    assert not np.allclose(saliency_map(model, x[:1], [k])[0], probability_gradient, rtol=1e-2)
    predicted = np.asarray(model(x)).argmax(axis=1)
    np.testing.assert_allclose(saliency_map(model, x), saliency_map(model, x, predicted))


def _logit_gradient_by_hand(layers, x, labels):
    """|d logit_label / d x|, the logit computed by calling the layers and the last kernel."""
    import tensorflow as tf

    x = tf.convert_to_tensor(np.asarray(x, dtype=np.float32))
    with tf.GradientTape() as tape:
        tape.watch(x)
        h = x
        for layer in layers[:-1]:
            h = layer(h)
        logits = tf.matmul(h, layers[-1].kernel) + layers[-1].bias
        chosen = tf.gather(logits, labels, axis=1, batch_dims=1)
    return np.abs(tape.gradient(chosen, x).numpy())


@pytest.mark.parametrize("functional", [False, True])
def test_saliency_of_a_deeper_network_matches_a_hand_computed_logit_gradient(functional):
    set_seed(2)
    hidden = keras.layers.Dense(5, activation="tanh")
    last = keras.layers.Dense(3, activation="softmax")
    if functional:
        inputs = keras.Input(shape=(4,))
        model = keras.Model(inputs, last(hidden(inputs)))
    else:
        model = keras.Sequential([keras.Input(shape=(4,)), hidden, last])
    x = np.random.default_rng(5).random((6, 4))
    labels = np.array([0, 1, 2, 0, 1, 2])
    np.testing.assert_allclose(saliency_map(model, x, labels),
                               _logit_gradient_by_hand([hidden, last], x, labels), rtol=1e-4,
                               atol=1e-7)


def test_saliency_through_a_softmax_layer_uses_its_input(softmax_model, logits_model):
    model, W, b = softmax_model
    separate = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2),
                                 keras.layers.Softmax()])
    separate.set_weights([W, b])
    x = np.random.default_rng(4).random((5, 3))
    np.testing.assert_allclose(saliency_map(separate, x), saliency_map(model, x), rtol=1e-5)


def test_saliency_refuses_probabilities_whose_scores_it_cannot_read():
    inputs = keras.Input(shape=(3,))
    probabilities = keras.ops.softmax(keras.layers.Dense(2)(inputs))
    model = keras.Model(inputs, keras.layers.Lambda(lambda p: p * 1.0)(probabilities))
    with pytest.raises(ValueError, match="before the softmax"):
        saliency_map(model, np.full((2, 3), 0.5))


def test_saliency_of_images_is_per_pixel():
    model = keras.Sequential([keras.Input(shape=(4, 4, 2)), keras.layers.Flatten(),
                              keras.layers.Dense(3, activation="softmax")])
    assert saliency_map(model, np.ones((5, 4, 4, 2))).shape == (5, 4, 4)


def test_random_sign_noise_and_flip_pixels():
    x = np.full((3, 4, 4, 1), 0.5)
    noise = random_sign_noise(x, 0.2, seed=1)
    np.testing.assert_allclose(np.abs(noise - x), 0.2, atol=1e-6)
    np.testing.assert_array_equal(noise, random_sign_noise(x, 0.2, seed=1))
    scores = np.arange(48, dtype=float).reshape(3, 4, 4)
    flipped = flip_pixels(np.zeros((3, 4, 4, 1)), scores, 3)
    assert flipped.sum() == 9 and flipped[:, 3, 1:, 0].sum() == 9
    with pytest.raises(ValueError, match="at most the 16 pixels"):
        flip_pixels(x, scores, 17)
    with pytest.raises(ValueError, match="one value per pixel"):
        flip_pixels(x, scores[:, :2], 1)


@pytest.fixture(scope="module")
def logits_model(softmax_model):
    """The same weights as softmax_model, without the softmax: a model that outputs logits."""
    _, W, b = softmax_model
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
    model.set_weights([W, b])
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    return model


def test_standardised_inputs_are_not_clipped_into_0_1(softmax_model):
    model, _, _ = softmax_model
    x = np.random.default_rng(2).normal(size=(40, 3))  # standardised: values well outside [0, 1]
    y = np.asarray(model(x)).argmax(axis=1)
    for attack in (lambda **kw: fgsm(model, x, y, 0.0, **kw),
                   lambda **kw: accuracy_under_attack(model, x, y, [0.0], **kw),
                   lambda **kw: random_sign_noise(x, 0.0, **kw)):
        with pytest.raises(ValueError, match=r"outside clip=\(0, 1\).*clip=None"):
            attack()
    # epsilon 0 leaves x exactly as it was, whatever the clip
    for clip in (None, "data"):
        np.testing.assert_array_equal(fgsm(model, x, y, 0, clip=clip), x.astype(np.float32))
        np.testing.assert_array_equal(random_sign_noise(x, 0, clip=clip), x.astype(np.float32))
    assert accuracy_under_attack(model, x, y, [0.0], clip=None)[0.0] == 1.0
    # no clip: every value moves by exactly epsilon; "data": stays within x's range
    np.testing.assert_allclose(np.abs(fgsm(model, x, y, 0.5, clip=None) - x), 0.5, atol=1e-6)
    np.testing.assert_allclose(np.abs(random_sign_noise(x, 0.5, clip=None) - x), 0.5, atol=1e-6)
    in_range = fgsm(model, x, y, 0.5, clip="data")
    assert in_range.min() >= x.min() - 1e-6 and in_range.max() <= x.max() + 1e-6
    # an explicit range that holds x is used as given
    wide = fgsm(model, x, y, 0.5, clip=(-3.0, 3.0))
    np.testing.assert_allclose(wide, np.clip(fgsm(model, x, y, 0.5, clip=None), -3, 3))
    with pytest.raises(TypeError, match="clip must be a pair"):
        fgsm(model, x, y, 0.1, clip="all")


def test_pixels_0_255_are_refused_by_the_default_clip(softmax_model):
    model, _, _ = softmax_model
    with pytest.raises(ValueError, match="from 0 to 255"):
        fgsm(model, np.array([[0.0, 128.0, 255.0]]), [0], 0.1)


def test_models_that_output_logits_are_attacked_and_explained_as_softmax_ones(
        softmax_model, logits_model):
    model, _, _ = softmax_model
    x = np.random.default_rng(3).random((25, 3))
    y = np.asarray(model(x)).argmax(axis=1)
    np.testing.assert_array_equal(fgsm(logits_model, x, y, 0.1), fgsm(model, x, y, 0.1))
    np.testing.assert_allclose(saliency_map(logits_model, x), saliency_map(model, x), rtol=1e-4,
                               atol=1e-7)
    assert accuracy_under_attack(logits_model, x, y, [0.3]) == accuracy_under_attack(
        model, x, y, [0.3])


def test_regression_models_are_not_attacked():
    regression = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
    regression.compile(loss="mse")
    with pytest.raises(ValueError, match="regression loss"):
        fgsm(regression, np.zeros((2, 3)), [0, 1], 0.1)


def test_flip_pixels_needs_images_in_0_1():
    scores = np.ones((1, 2, 2))
    with pytest.raises(ValueError, match=r"values in \[0, 1\].*from -1 to 2"):
        flip_pixels(np.array([[[-1.0, 0.0], [1.0, 2.0]]]), scores, 1)
