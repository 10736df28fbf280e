"""A generative adversarial network as one ``keras.Model`` (chapter 6).

:class:`GAN` holds a generator and a discriminator and trains them against
each other in its own ``train_step``, so ``gan.fit(x)`` works like any Keras
model and runs as a compiled graph. Builders for small dense generators and
discriminators, and the callback that snapshots samples during training,
live in :mod:`dlcourse.models.gan_parts`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse._checks import (
    _describe,
    check_array,
    check_bool,
    check_float,
    check_int,
    check_keras_model,
)
from dlcourse._keras import keras, tf
from dlcourse.training.pipeline import in_memory_dataset

__all__ = ["GAN", "output_range"]


def _single_shape(name: str, model: Any, which: str) -> tuple:
    try:
        shape = getattr(model, which)
    except (AttributeError, ValueError):
        shape = None
    if shape is None or (shape and isinstance(shape[0], (tuple, list))):
        raise ValueError(
            f"{name} must have one defined {which.replace('_', ' ')}: build it from "
            f"keras.Input(shape=...), got {_describe(shape)}"
        )
    return tuple(shape)


def output_range(model: Any, sample_shape: tuple, *, seed: int = 0) -> tuple[float, float]:
    """The smallest and largest output of ``model`` on probe inputs of ``sample_shape``.

    The probes are standard normal inputs scaled by 1, 10 and 100, and
    uniform ones in [0, 1]: a model whose outputs stay in [0, 1] on all of
    them squashes its output (a sigmoid, wherever it sits, behind a
    ``Reshape`` or inside a nested model), while a linear output (a logit)
    leaves that range. Judging by behaviour, not by ``layers[-1]``. A model
    whose output is one constant (a last layer that starts at zero) cannot
    show by its outputs whether it squashes them: it is probed again with
    its trainable weights moved at random, and then restored.

    Examples
    --------
    >>> from dlcourse.models import build_discriminator
    >>> low, high = output_range(build_discriminator(2, (8,)), (2,))
    >>> bool(low < 0 < high and high - low > 1)   # a logit: not squashed
    True
    """
    if not isinstance(model, keras.Model):
        raise TypeError(f"model must be a keras.Model, got {_describe(model)}")
    if (not isinstance(sample_shape, (tuple, list)) or not sample_shape
            or not all(isinstance(n, (int, np.integer)) and n > 0 for n in sample_shape)):
        raise TypeError(f"sample_shape must be a tuple of positive ints, got "
                        f"{_describe(sample_shape)}")
    rng = np.random.default_rng(check_int("seed", seed, minimum=0))
    shape = tuple(int(n) for n in sample_shape)
    probes = [rng.normal(size=(64, *shape)) * scale for scale in (1, 10, 100)]
    probes.append(rng.uniform(size=(64, *shape)))
    batch = np.concatenate(probes).astype("float32")
    outputs = keras.ops.convert_to_numpy(model(batch, training=False))
    if np.ptp(outputs) <= 1e-6:  # one constant: judge the model with its weights moved
        outputs = _outputs_with_moved_weights(model, batch, rng)
    return float(np.min(outputs)), float(np.max(outputs))


def _outputs_with_moved_weights(model: Any, batch: np.ndarray, rng: Any) -> np.ndarray:
    """``model``'s outputs on ``batch`` with its trainable weights moved at random (restored after)."""
    saved = [np.array(keras.ops.convert_to_numpy(v)) for v in model.trainable_variables]
    try:
        for variable, value in zip(model.trainable_variables, saved):
            variable.assign((value + rng.normal(scale=0.5, size=value.shape)).astype(value.dtype))
        return keras.ops.convert_to_numpy(model(batch, training=False))
    finally:
        for variable, value in zip(model.trainable_variables, saved):
            variable.assign(value)


@keras.saving.register_keras_serializable(package="dlcourse")
class GAN(keras.Model):
    """A generator and a discriminator, trained against each other by ``fit``.

    The generator maps noise vectors of length ``latent_dim`` (read from its
    input shape) to samples; the discriminator maps a sample to one *logit*
    (no sigmoid: the loss applies it), high for "real". Each training step
    (Goodfellow et al., 2014) takes a batch of real samples and

    1. updates the discriminator to label real samples 1 and generated
       ones 0 (binary cross-entropy);
    2. updates the generator to make the discriminator label its samples
       1 (the "non-saturating" generator loss).

    ``fit(x, epochs=..., batch_size=...)`` takes the real samples only (no
    labels). Its History holds the epoch means ``"d_loss"`` and
    ``"g_loss"``, and every step's losses in ``"d_loss_step"`` and
    ``"g_loss_step"``.

    Parameters
    ----------
    generator : keras.Model
        Input ``(latent_dim,)``, output the shape of one sample.
    discriminator : keras.Model
        Input the shape of one sample, output ``(1,)``: a logit.

    Examples
    --------
    >>> from dlcourse.models import GAN, build_discriminator, build_generator
    >>> gan = GAN(build_generator(4, 2, (8,)), build_discriminator(2, (8,)))
    >>> gan.latent_dim, gan.sample_shape
    (4, (2,))
    >>> gan.compile()
    >>> gan.generate(3, seed=0).shape
    (3, 2)
    """

    def __init__(self, generator: keras.Model, discriminator: keras.Model, **kwargs: Any) -> None:
        for name, model in (("generator", generator), ("discriminator", discriminator)):
            check_keras_model(name, model)
        g_in = _single_shape("generator", generator, "input_shape")
        g_out = _single_shape("generator", generator, "output_shape")
        d_in = _single_shape("discriminator", discriminator, "input_shape")
        d_out = _single_shape("discriminator", discriminator, "output_shape")
        if len(g_in) != 2 or g_in[1] is None or g_in[1] <= 0:
            raise ValueError(
                f"generator must take noise vectors, input shape (None, latent_dim) with "
                f"latent_dim > 0, got input shape {g_in}"
            )
        if g_out[1:] != d_in[1:]:
            raise ValueError(
                f"generator and discriminator do not fit together: the generator makes "
                f"samples of shape {g_out[1:]}, but the discriminator reads samples of shape "
                f"{d_in[1:]}"
            )
        if d_out[1:] != (1,):
            raise ValueError(
                f"discriminator must output one logit per sample, shape (None, 1), got "
                f"{d_out}: end it with Dense(1) and no activation"
            )
        low, high = output_range(discriminator, d_in[1:])
        if low >= 0 and high <= 1:
            raise ValueError(
                f"discriminator must output a logit, but its outputs stay in [0, 1] on probe "
                f"inputs (from {low:.3g} to {high:.3g}): it already applies a sigmoid (or a "
                "softmax), perhaps before a Reshape. The GAN's loss applies the sigmoid itself, "
                "so end the discriminator with Dense(1) and no activation"
            )
        super().__init__(**kwargs)
        self.generator = generator
        self.discriminator = discriminator
        self.latent_dim = int(g_in[1])
        self.sample_shape = tuple(int(n) for n in g_out[1:])
        # Every step's (d_loss, g_loss), written inside the compiled step;
        # fit sizes the log for its run and copies it into the History.
        self.step_log = tf.Variable(tf.zeros((1, 2)), shape=tf.TensorShape([None, 2]),
                                    trainable=False, name="step_log")
        self.step_count = tf.Variable(0, trainable=False, name="step_count")
        self.d_tracker = keras.metrics.Mean(name="d_loss")
        self.g_tracker = keras.metrics.Mean(name="g_loss")
        # Seeded from the global seed (set_seed), so runs repeat.
        self.seed_generator = keras.random.SeedGenerator(int(np.random.randint(2**31 - 1)))
        self.built = True  # its two networks are built, and so is all it holds

    def get_config(self) -> dict:
        """The generator and the discriminator, so ``model.save`` stores the whole GAN."""
        return {
            "name": self.name,
            "generator": keras.saving.serialize_keras_object(self.generator),
            "discriminator": keras.saving.serialize_keras_object(self.discriminator),
        }

    @classmethod
    def from_config(cls, config: dict) -> "GAN":
        """Rebuild a saved GAN (``keras.saving.load_model`` calls this)."""
        config = dict(config)
        generator = keras.saving.deserialize_keras_object(config.pop("generator"))
        discriminator = keras.saving.deserialize_keras_object(config.pop("discriminator"))
        return cls(generator, discriminator, **config)

    def compile(
        self,
        d_learning_rate: float = 1e-3,
        g_learning_rate: float = 1e-3,
        *,
        beta_1: float = 0.5,
        label_smoothing: float = 0.0,
        **kwargs: Any,
    ) -> None:
        """Give each network its own Adam optimizer.

        Parameters
        ----------
        d_learning_rate, g_learning_rate : float, default 1e-3
            Learning rates of the discriminator and the generator, > 0.
        beta_1 : float, default 0.5
            Adam's momentum; 0.5 (Radford et al., 2016) is steadier for GANs
            than Keras' default 0.9.
        label_smoothing : float, default 0.0
            Train the discriminator on "real" labels ``1 - label_smoothing``
            instead of 1, in [0, 0.5): a remedy against an overconfident
            discriminator.

        Examples
        --------
        >>> from dlcourse.models import GAN, build_discriminator, build_generator
        >>> gan = GAN(build_generator(4, 2, (8,)), build_discriminator(2, (8,)))
        >>> gan.compile(d_learning_rate=2e-4, g_learning_rate=2e-4)
        """
        d_lr = check_float("d_learning_rate", d_learning_rate, low=0, low_open=True)
        g_lr = check_float("g_learning_rate", g_learning_rate, low=0, low_open=True)
        beta_1 = check_float("beta_1", beta_1, low=0, high=1, high_open=True)
        self.label_smoothing = check_float(
            "label_smoothing", label_smoothing, low=0, high=0.5, high_open=True
        )
        self._gan_compile_config = {"d_learning_rate": d_lr, "g_learning_rate": g_lr,
                                    "beta_1": beta_1, "label_smoothing": self.label_smoothing}
        self.d_optimizer = keras.optimizers.Adam(d_lr, beta_1=beta_1)
        self.g_optimizer = keras.optimizers.Adam(g_lr, beta_1=beta_1)
        self.bce = keras.losses.BinaryCrossentropy(from_logits=True)
        super().compile(**kwargs)
        self._gan_compiled = True

    def get_compile_config(self) -> dict | None:
        """The arguments ``compile`` was given, saved with the model."""
        return getattr(self, "_gan_compile_config", None)

    def compile_from_config(self, config: dict) -> None:
        """Compile a loaded GAN as it was compiled when saved."""
        self.compile(**config)
        # Built now, so the saved optimizer states load into them.
        self.d_optimizer.build(self.discriminator.trainable_variables)
        self.g_optimizer.build(self.generator.trainable_variables)

    @property
    def metrics(self) -> list:
        """The trackers of both losses (reset by Keras every epoch)."""
        return [self.d_tracker, self.g_tracker]

    def call(self, noise: Any, training: bool = False) -> Any:
        """Generate samples from noise (what the model computes)."""
        return self.generator(noise, training=training)

    def train_step(self, data: Any) -> dict:
        """One step of each player on a batch of real samples (what ``fit`` repeats)."""
        real = data[0] if isinstance(data, (tuple, list)) else data
        real = tf.cast(real, "float32")
        batch = tf.shape(real)[0]
        noise = keras.random.normal((batch, self.latent_dim), seed=self.seed_generator)
        ones = tf.ones((batch, 1))
        with tf.GradientTape() as tape:
            fake = self.generator(noise, training=True)
            real_logits = self.discriminator(real, training=True)
            fake_logits = self.discriminator(fake, training=True)
            d_loss = (self.bce(ones * (1.0 - self.label_smoothing), real_logits)
                      + self.bce(tf.zeros((batch, 1)), fake_logits))
        weights = self.discriminator.trainable_weights
        self.d_optimizer.apply_gradients(zip(tape.gradient(d_loss, weights), weights))

        noise = keras.random.normal((batch, self.latent_dim), seed=self.seed_generator)
        with tf.GradientTape() as tape:
            fake_logits = self.discriminator(self.generator(noise, training=True), training=True)
            g_loss = self.bce(ones, fake_logits)
        weights = self.generator.trainable_weights
        self.g_optimizer.apply_gradients(zip(tape.gradient(g_loss, weights), weights))

        at = tf.minimum(self.step_count, tf.shape(self.step_log)[0] - 1)
        self.step_log.scatter_nd_update([[at]], [tf.stack([d_loss, g_loss])])
        self.step_count.assign_add(1)
        self.d_tracker.update_state(d_loss)
        self.g_tracker.update_state(g_loss)
        return {"d_loss": self.d_tracker.result(), "g_loss": self.g_tracker.result()}

    def fit(  # type: ignore[override]
        self,
        x: Any = None,
        *,
        epochs: int = 1,
        batch_size: int = 64,
        callbacks: Any = (),
        verbose: int = 0,
        steps_per_epoch: int | None = None,
        **kwargs: Any,
    ) -> keras.callbacks.History:
        """Train on real samples ``x`` (no labels); return the History.

        Checks ``x`` against the discriminator's input, reshuffles it every
        epoch, drops the last incomplete batch, and stores every step's
        losses (``"d_loss_step"``, ``"g_loss_step"``) next to the epoch
        means (``"d_loss"``, ``"g_loss"``).

        Examples
        --------
        >>> import numpy as np
        >>> from dlcourse.models import GAN, build_discriminator, build_generator
        >>> gan = GAN(build_generator(4, 2, (8,)), build_discriminator(2, (8,)))
        >>> gan.compile()
        >>> history = gan.fit(np.zeros((64, 2)), epochs=2, batch_size=32)
        >>> len(history.history["d_loss"]), len(history.history["g_loss_step"])
        (2, 4)
        """
        if not getattr(self, "_gan_compiled", False):
            raise ValueError("the GAN must be compiled before fitting: call gan.compile() first")
        x = check_array("x", x, ndim=len(self.sample_shape) + 1).astype(np.float32)
        if x.shape[1:] != self.sample_shape:
            raise ValueError(
                f"x has samples of shape {x.shape[1:]}, but the generator makes and the "
                f"discriminator reads samples of shape {self.sample_shape}"
            )
        epochs = check_int("epochs", epochs, minimum=1)
        batch_size = check_int("batch_size", batch_size, minimum=1)
        verbose = check_int("verbose", verbose, minimum=0)
        if len(x) < batch_size:
            raise ValueError(
                f"x has {len(x)} samples, fewer than one batch of batch_size={batch_size}"
            )
        if steps_per_epoch is not None:
            steps_per_epoch = check_int("steps_per_epoch", steps_per_epoch, minimum=1)
        if isinstance(callbacks, keras.callbacks.Callback):
            callbacks = [callbacks]
        data = in_memory_dataset(x, None, batch_size, shuffle=True, drop_remainder=True,
                                 repeat=steps_per_epoch is not None)
        per_epoch = steps_per_epoch or len(x) // batch_size
        self.step_log.assign(tf.zeros((epochs * per_epoch, 2)))
        self.step_count.assign(0)
        history = super().fit(
            data, epochs=epochs, callbacks=list(callbacks),
            verbose=verbose, steps_per_epoch=steps_per_epoch, shuffle=False, **kwargs,
        )
        done = min(int(self.step_count.numpy()), epochs * per_epoch)
        log = self.step_log.numpy()[:done]
        history.history["d_loss_step"] = log[:, 0].tolist()
        history.history["g_loss_step"] = log[:, 1].tolist()
        return history

    def generate(self, n: int, *, seed: int | None = None) -> np.ndarray:
        """Return ``n`` generated samples as a NumPy array.

        ``seed`` fixes the noise, so the same generator gives the same
        samples (used to follow one set of samples through training).

        Examples
        --------
        >>> from dlcourse.models import GAN, build_discriminator, build_generator
        >>> gan = GAN(build_generator(4, 2, (8,)), build_discriminator(2, (8,)))
        >>> gan.generate(5, seed=1).shape
        (5, 2)
        """
        n = check_int("n", n, minimum=1)
        if seed is None:
            noise = np.random.normal(size=(n, self.latent_dim))
        else:
            seed = check_int("seed", seed, minimum=0)
            noise = np.random.default_rng(seed).normal(size=(n, self.latent_dim))
        return np.asarray(self.generator(noise.astype(np.float32), training=False))

    def time_steps(self, x: Any, *, steps: int = 20, eager: bool = False) -> float:
        """Return the mean seconds of one training step on the batch ``x``.

        ``eager=False`` runs ``train_step`` as a compiled TensorFlow graph
        (``tf.function``, as ``fit`` does), after one untimed call that
        traces it; ``eager=True`` runs the same Python code op by op. The
        weights train during the timing: time a copy if they matter.

        Examples
        --------
        >>> import numpy as np
        >>> from dlcourse.models import GAN, build_discriminator, build_generator
        >>> gan = GAN(build_generator(4, 2, (8,)), build_discriminator(2, (8,)))
        >>> gan.compile()
        >>> gan.time_steps(np.zeros((32, 2)), steps=2) > 0
        True
        """
        import time

        if not getattr(self, "_gan_compiled", False):
            raise ValueError("the GAN must be compiled before timing: call gan.compile() first")
        x = check_array("x", x, ndim=len(self.sample_shape) + 1)
        if x.shape[1:] != self.sample_shape:
            raise ValueError(
                f"x has samples of shape {x.shape[1:]}, expected {self.sample_shape}"
            )
        steps = check_int("steps", steps, minimum=1)
        eager = check_bool("eager", eager)
        batch = tf.constant(x, dtype="float32")
        step = self.train_step if eager else tf.function(self.train_step)
        step(batch)  # warm up: trace the graph, build the optimizers' slots
        start = time.perf_counter()
        for _ in range(steps):
            logs = step(batch)
        float(logs["d_loss"])  # wait for the last step to finish
        return (time.perf_counter() - start) / steps
