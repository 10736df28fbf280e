"""Checkers of chapter 6's exercises (generative adversarial networks)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse.exercises.verdict import Verdict, read_number

__all__ = [
    "check_equilibrium_loss",
    "check_gan_pair",
    "check_optimal_discriminator",
    "P_DATA",
    "P_GENERATOR",
    "PAIR_LATENT_DIM",
    "PAIR_PIXELS",
]

# Chapter 6, exercise 1: the optimal discriminator at one point, where the
# data density and the generator's density take these values.
P_DATA = 0.3
P_GENERATOR = 0.1


def check_optimal_discriminator(answer: Any) -> Verdict:
    """Chapter 6, exercise 1: ``D*(x)`` where ``p_data(x) = 0.3`` and ``p_g(x) = 0.1``.

    Examples
    --------
    >>> check_optimal_discriminator(None)
    Not yet. Replace None with a probability: D*(x) = p_data / (p_data + p_g).
    >>> bool(check_optimal_discriminator(0.75))
    True
    """
    value = read_number(answer, "a probability: D*(x) = p_data / (p_data + p_g)")
    if isinstance(value, Verdict):
        return value
    expected = P_DATA / (P_DATA + P_GENERATOR)
    if np.isclose(value, expected, atol=1e-3):
        return Verdict(True, f"D*(x) = {P_DATA} / ({P_DATA} + {P_GENERATOR}) = {expected:g}: "
                             "three of every four samples seen here are real.")
    slips = [
        (P_GENERATOR / (P_DATA + P_GENERATOR), "That is the chance the sample is *generated*; "
                                               "D outputs the chance it is real."),
        (P_DATA / P_GENERATOR, "That is the ratio p_data / p_g; divide by the sum instead, so "
                               "the answer is a probability."),
        (P_DATA, "That is p_data alone; weigh it against p_g: p_data / (p_data + p_g)."),
        (0.5, "D* = 1/2 only where p_data = p_g, at the end of perfect training; here the "
              "densities differ."),
    ]
    for wrong, hint in slips:
        if np.isclose(value, wrong, atol=1e-3):
            return Verdict(False, f"{answer!r} is not it. {hint}")
    if not 0 <= value <= 1:
        return Verdict(False, f"{answer!r} is not a probability: D(x) lies between 0 and 1.")
    return Verdict(False, f"{answer!r} is not it. The best discriminator outputs "
                          "p_data(x) / (p_data(x) + p_g(x)).")


def check_equilibrium_loss(answer: Any) -> Verdict:
    """Chapter 6, exercise 2: the discriminator's loss when the generator is perfect.

    The loss is the chapter's: binary cross-entropy on a real batch plus on
    a generated batch, and at equilibrium the discriminator outputs 1/2.

    Examples
    --------
    >>> check_equilibrium_loss("1.39")
    Not yet. You entered the text '1.39': write the number itself, without quotes.
    """
    value = read_number(answer, "the loss, a number")
    if isinstance(value, Verdict):
        return value
    expected = 2 * np.log(2)
    if np.isclose(value, expected, atol=5e-3):
        return Verdict(True, f"-log(1/2) - log(1 - 1/2) = 2 log 2 = log 4 = {expected:.4f}: the "
                             "level the discriminator's loss hovers around in a balanced run.")
    slips = [
        (-expected, "That is the value V(D, G) = -log 4 of the minimax game; the loss is its "
                    "negative (the discriminator maximises V by minimising -V)."),
        (np.log(2), "That is one of the two terms; the loss adds the real batch's and the "
                    "generated batch's cross-entropy."),
        (0.5, "1/2 is what the discriminator outputs; put it into the cross-entropy: "
              "-log D(x) - log(1 - D(G(z)))."),
        (2 * np.log10(2), "Use the natural logarithm, as Keras does (np.log, not log10)."),
        (0.0, "A loss of 0 would mean a perfect discriminator; at equilibrium it can only "
              "guess, D = 1/2."),
    ]
    for wrong, hint in slips:
        if np.isclose(value, wrong, atol=5e-3):
            return Verdict(False, f"{answer!r} is not it. {hint}")
    return Verdict(False, f"{answer!r} is not it. Put D = 1/2 into -log D(x) - log(1 - D(G(z))).")


# Chapter 6, exercise 3: a generator of 8x8 digits from noise of this length.
PAIR_LATENT_DIM = 5
PAIR_PIXELS = 64


def check_gan_pair(generator: Any, discriminator: Any) -> Verdict:
    """Chapter 6, exercise 3: a generator (5 -> 64 pixels in [0, 1]) and a discriminator (64 -> logit).

    The models are judged by their outputs on probe inputs: the
    generator's must stay in [0, 1] whatever the noise, and the
    discriminator's must leave [0, 1] (a logit); where a sigmoid sits
    (the last ``Dense``, an ``Activation`` layer, before a ``Reshape``)
    does not matter. A model whose output is one constant on every
    probe (a last layer initialised to zero) is judged again with its
    weights moved at random, so that a zero-initialised linear generator
    is not mistaken for a squashed one. ``GAN`` itself refuses a
    discriminator with a constant output in [0, 1]; the hint then says
    so, and why.

    Examples
    --------
    >>> check_gan_pair(None, None)
    Not yet. Build the generator and pass it in (got None, not a keras.Model).
    """
    from dlcourse._keras import keras

    for name, model in (("generator", generator), ("discriminator", discriminator)):
        if not isinstance(model, keras.Model):
            got = "None" if model is None else type(model).__name__
            return Verdict(False, f"Build the {name} and pass it in (got {got}, not a keras.Model).")
    from dlcourse.models import GAN

    try:
        gan = GAN(generator, discriminator)
    except (TypeError, ValueError) as error:
        return Verdict(False, f"GAN refuses the pair: {error}.")
    if gan.latent_dim != PAIR_LATENT_DIM:
        return Verdict(False, f"The generator takes noise of length {gan.latent_dim}; the exercise "
                              f"asks for {PAIR_LATENT_DIM}: keras.Input(shape=({PAIR_LATENT_DIM},)).")
    if gan.sample_shape != (PAIR_PIXELS,):
        return Verdict(False, f"The generator makes samples of shape {gan.sample_shape}; 8x8 digits "
                              f"as rows of pixels have shape ({PAIR_PIXELS},).")
    # Judge by what the models compute, not by layers[-1]: a sigmoid
    # written as Activation("sigmoid"), or followed by a Reshape, counts.
    from dlcourse.models.gan import output_range

    low, high = output_range(generator, (PAIR_LATENT_DIM,))  # moves a constant model's weights
    if low < 0 or high > 1:
        return Verdict(False, f"On probe noise the generator's pixels range from {low:.3g} to "
                              f"{high:.3g}; pixels lie in [0, 1], so end it with a sigmoid "
                              "(Dense(64, activation='sigmoid')).")
    return Verdict(True, f"GAN accepts them: noise of length {gan.latent_dim} -> "
                         f"{PAIR_PIXELS} pixels -> one logit.")
