"""Chapter 6's exercise checkers accept the right answers and explain the wrong ones."""

import keras
import numpy as np
import pytest

from dlcourse import exercises
from dlcourse.models import build_discriminator, build_generator


def test_optimal_discriminator():
    assert exercises.check_optimal_discriminator(0.75)
    for slip, hint in [(0.25, "generated"), (3.0, "ratio"), (0.3, "p_data alone"),
                       (0.5, "only where"), (1.7, "not a probability")]:
        verdict = exercises.check_optimal_discriminator(slip)
        assert not verdict and hint in verdict.message, (slip, verdict)


def test_equilibrium_loss():
    assert exercises.check_equilibrium_loss(np.log(4))
    assert exercises.check_equilibrium_loss(1.386)
    for slip, hint in [(-np.log(4), "negative"), (np.log(2), "one of the two"),
                       (0.5, "put it into"), (0.602, "natural logarithm"), (0, "perfect")]:
        verdict = exercises.check_equilibrium_loss(slip)
        assert not verdict and hint in verdict.message, (slip, verdict)


@pytest.mark.parametrize("bad", [None, "0", [0], float("nan"), True])
def test_malformed_answers_get_a_hint(bad):
    for checker in (exercises.check_optimal_discriminator, exercises.check_equilibrium_loss):
        verdict = checker(bad)
        assert not verdict and verdict.message


def test_gan_pair():
    good_g = build_generator(5, 64, (32,), output_activation="sigmoid")
    good_d = build_discriminator(64, (32,))
    assert exercises.check_gan_pair(good_g, good_d)
    cases = [
        (build_generator(4, 64, (8,), output_activation="sigmoid"), good_d, "length 4"),
        (build_generator(5, 64, (8,)), good_d, "sigmoid"),
        (build_generator(5, 63, (8,), output_activation="sigmoid"), good_d, "GAN refuses"),
        (good_g, keras.Sequential([keras.Input(shape=(64,)),
                                   keras.layers.Dense(1, activation="sigmoid")]), "logit"),
        (None, good_d, "Build the generator"),
        (good_g, "d", "Build the discriminator"),
    ]
    for g, d, hint in cases:
        verdict = exercises.check_gan_pair(g, d)
        assert not verdict and hint in verdict.message, (hint, verdict)


def test_gan_pair_judges_behaviour_not_the_last_layer():
    """A sigmoid hidden behind a Reshape is still a sigmoid (issue 19)."""
    good_d = build_discriminator(64, (32,))
    reshaped_g = keras.Sequential([
        keras.Input(shape=(5,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(64, activation="sigmoid"),
        keras.layers.Reshape((64,)),
    ])
    assert exercises.check_gan_pair(reshaped_g, good_d)
    activation_g = keras.Sequential([
        keras.Input(shape=(5,)),
        keras.layers.Dense(64),
        keras.layers.Activation("sigmoid"),
    ])
    assert exercises.check_gan_pair(activation_g, good_d)
    hidden_sigmoid_d = keras.Sequential([
        keras.Input(shape=(64,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
        keras.layers.Reshape((1,)),
    ])
    verdict = exercises.check_gan_pair(reshaped_g, hidden_sigmoid_d)
    assert not verdict and "logit" in verdict.message, verdict
    relu_g = build_generator(5, 64, (8,), output_activation="relu")
    verdict = exercises.check_gan_pair(relu_g, good_d)
    assert not verdict and "sigmoid" in verdict.message, verdict


def _zero_last(units, activation=None, inputs=64):
    """A one-hidden-layer model whose last Dense starts at zero (constant output)."""
    return keras.Sequential([
        keras.Input(shape=(inputs,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(units, activation=activation, kernel_initializer="zeros"),
    ])


def test_gan_pair_constant_outputs_are_judged_with_moved_weights():
    """A zero-initialised last layer outputs one constant: probes alone cannot judge it (issue 19)."""
    good_g = build_generator(5, 64, (32,), output_activation="sigmoid")
    good_d = build_discriminator(64, (32,))
    # a logit discriminator that starts at 0 everywhere is a logit: accepted
    zero_d = _zero_last(1)
    before = [w.copy() for w in zero_d.get_weights()]
    assert exercises.check_gan_pair(good_g, zero_d)
    assert all((a == b).all() for a, b in zip(before, zero_d.get_weights()))  # restored
    # a zero-initialised sigmoid discriminator (0.5 everywhere) still is a sigmoid
    verdict = exercises.check_gan_pair(good_g, _zero_last(1, "sigmoid"))
    assert not verdict and "already applies a sigmoid" in verdict.message, verdict
    # a linear generator that starts at 0 is not squashed: refused
    verdict = exercises.check_gan_pair(_zero_last(64, inputs=5), good_d)
    assert not verdict and "sigmoid" in verdict.message, verdict
    # a sigmoid generator that starts at 0.5 everywhere is accepted
    assert exercises.check_gan_pair(_zero_last(64, "sigmoid", inputs=5), good_d)


def test_gan_pair_leaves_the_weights_as_they_were():
    zero_g = _zero_last(64, inputs=5)
    zero_d = _zero_last(1)
    before = [w.copy() for m in (zero_g, zero_d) for w in m.get_weights()]
    exercises.check_gan_pair(zero_g, build_discriminator(64, (32,)))
    exercises.check_gan_pair(build_generator(5, 64, (32,), output_activation="sigmoid"), zero_d)
    after = [w for m in (zero_g, zero_d) for w in m.get_weights()]
    assert all(np.array_equal(a, b) for a, b in zip(before, after))
