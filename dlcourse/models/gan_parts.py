"""The parts of a GAN: small dense generators and discriminators, and a snapshot callback."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from dlcourse._checks import check_int
from dlcourse._keras import keras
from dlcourse.models._common import check_activation, check_name, check_units

__all__ = ["build_discriminator", "build_generator", "SampleSnapshots"]


def build_generator(
    latent_dim: int,
    output_dim: int,
    hidden_units: Sequence[int] = (64, 64),
    *,
    activation: str = "relu",
    output_activation: str | None = None,
    name: str = "generator",
) -> keras.Model:
    """Build a dense generator: noise of length ``latent_dim`` -> a sample of ``output_dim`` values.

    ``keras.Input(shape=(latent_dim,))`` -> ``Dense(units, activation)``
    per entry of ``hidden_units`` -> ``Dense(output_dim,
    output_activation)``. Use ``output_activation=None`` (linear) for data
    of any range, ``"sigmoid"`` for pixels in [0, 1].

    Parameters
    ----------
    latent_dim : int
        Length of the noise vector, >= 1.
    output_dim : int
        Values per generated sample, >= 1.
    hidden_units : sequence of int, default (64, 64)
        Width of each hidden layer.
    activation : str, default "relu"
        Activation of the hidden layers.
    output_activation : str or None, default None
        Activation of the output layer (None: linear).
    name : str, default "generator"
        The model's name.

    Examples
    --------
    >>> from dlcourse.models import build_generator
    >>> g = build_generator(2, 2, (16,))
    >>> g.input_shape, g.output_shape, g.count_params()
    ((None, 2), (None, 2), 82)
    """
    if isinstance(latent_dim, (int, np.integer)) and not isinstance(latent_dim, bool) \
            and latent_dim <= 0:
        raise ValueError(f"latent_dim must be a positive integer (the noise length), got {latent_dim}")
    latent_dim = check_int("latent_dim", latent_dim, minimum=1)
    output_dim = check_int("output_dim", output_dim, minimum=1)
    units = check_units("hidden_units", hidden_units)
    activation = check_activation("activation", activation)
    output_activation = check_activation("output_activation", output_activation)
    name = check_name(name)
    layers: list[Any] = [keras.Input(shape=(latent_dim,), name="noise")]
    layers += [keras.layers.Dense(n, activation=activation, name=f"hidden_{k}")
               for k, n in enumerate(units, start=1)]
    layers.append(keras.layers.Dense(output_dim, activation=output_activation, name="sample"))
    return keras.Sequential(layers, name=name)


def build_discriminator(
    input_dim: int,
    hidden_units: Sequence[int] = (64, 64),
    *,
    activation: str = "leaky_relu",
    name: str = "discriminator",
) -> keras.Model:
    """Build a dense discriminator: a sample of ``input_dim`` values -> one logit ("real?").

    The output has no activation: :class:`~dlcourse.models.GAN` applies the
    sigmoid inside its loss, which is numerically safer. Leaky ReLU hidden
    units pass some gradient for every input, which helps the generator
    learn from the discriminator.

    Parameters
    ----------
    input_dim : int
        Values per sample, >= 1.
    hidden_units : sequence of int, default (64, 64)
        Width of each hidden layer.
    activation : str, default "leaky_relu"
        Activation of the hidden layers.
    name : str, default "discriminator"
        The model's name.

    Examples
    --------
    >>> from dlcourse.models import build_discriminator
    >>> d = build_discriminator(2, (16,))
    >>> d.input_shape, d.output_shape
    ((None, 2), (None, 1))
    """
    input_dim = check_int("input_dim", input_dim, minimum=1)
    units = check_units("hidden_units", hidden_units)
    activation = check_activation("activation", activation)
    name = check_name(name)
    layers: list[Any] = [keras.Input(shape=(input_dim,), name="sample")]
    layers += [keras.layers.Dense(n, activation=activation, name=f"hidden_{k}")
               for k, n in enumerate(units, start=1)]
    layers.append(keras.layers.Dense(1, name="logit"))
    return keras.Sequential(layers, name=name)


class SampleSnapshots(keras.callbacks.Callback):
    """Keep generated samples from fixed noise at chosen epochs of a GAN's training.

    The same ``n`` noise vectors are used every time, so the snapshots show
    how the generator's map from noise to samples changes.

    Parameters
    ----------
    epochs : sequence of int
        1-based epochs after which to take a snapshot (0 adds one before
        training).
    n : int, default 500
        Samples per snapshot.
    seed : int, default 0
        Seed of the fixed noise.

    Attributes
    ----------
    snapshots : dict of int to np.ndarray
        Epoch -> generated samples.

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.models import GAN, SampleSnapshots, build_discriminator, build_generator
    >>> gan = GAN(build_generator(4, 2, (8,)), build_discriminator(2, (8,)))
    >>> gan.compile()
    >>> snaps = SampleSnapshots([0, 2], n=10)
    >>> _ = gan.fit(np.zeros((64, 2)), epochs=2, batch_size=32, callbacks=[snaps])
    >>> sorted(snaps.snapshots), snaps.snapshots[2].shape
    ([0, 2], (10, 2))
    """

    def __init__(self, epochs: Sequence[int], n: int = 500, seed: int = 0) -> None:
        if isinstance(epochs, (str, bytes)) or not isinstance(epochs, Sequence) or not epochs:
            raise TypeError(f"epochs must be a non-empty sequence of epoch numbers, got {epochs!r}")
        self.epochs = tuple(check_int(f"epochs[{k}]", e, minimum=0) for k, e in enumerate(epochs))
        n = check_int("n", n, minimum=1)
        self.seed = check_int("seed", seed, minimum=0)
        super().__init__()
        self.noise: np.ndarray | None = None
        self.n = n
        self.snapshots: dict[int, np.ndarray] = {}

    def _take(self, epoch: int) -> None:
        if self.noise is None:
            latent_dim = self.model.latent_dim
            rng = np.random.default_rng(self.seed)
            self.noise = rng.normal(size=(self.n, latent_dim)).astype(np.float32)
        self.snapshots[epoch] = np.asarray(self.model.generator(self.noise, training=False))

    def on_train_begin(self, logs: dict | None = None) -> None:
        """Take the untrained generator's snapshot when epoch 0 is asked for."""
        if 0 in self.epochs and 0 not in self.snapshots:
            self._take(0)

    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        """Take a snapshot when the epoch just finished is one of ``epochs``."""
        if epoch + 1 in self.epochs:
            self._take(epoch + 1)
