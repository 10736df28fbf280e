"""dlcourse.models.GAN, its builders and its snapshot callback."""

import keras
import numpy as np
import pytest

from dlcourse.data import make_ring, ring_centers
from dlcourse.models import GAN, SampleSnapshots, build_discriminator, build_generator
from dlcourse.training import set_seed


def small_gan(latent_dim=2, dim=2):
    return GAN(build_generator(latent_dim, dim, (16,)), build_discriminator(dim, (16,)))


def test_builders_have_the_promised_shapes():
    g = build_generator(3, 64, (32, 16), output_activation="sigmoid")
    d = build_discriminator(64, (32,))
    assert g.input_shape == (None, 3) and g.output_shape == (None, 64)
    assert g.layers[-1].activation.__name__ == "sigmoid"
    assert d.input_shape == (None, 64) and d.output_shape == (None, 1)
    assert d.layers[-1].activation.__name__ == "linear"  # a logit


@pytest.mark.parametrize("bad", [0, -3])
def test_latent_dim_must_be_positive(bad):
    with pytest.raises(ValueError, match="latent_dim"):
        build_generator(bad, 2)


def test_mismatched_generator_and_discriminator_are_refused():
    with pytest.raises(ValueError, match=r"samples of shape \(3,\).*\(2,\)"):
        GAN(build_generator(2, 3, (8,)), build_discriminator(2, (8,)))


def test_discriminator_must_output_one_logit():
    two = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(2)])
    with pytest.raises(ValueError, match="one logit"):
        GAN(build_generator(2, 2, (8,)), two)


def test_generator_must_take_noise_vectors():
    images = keras.Sequential([keras.Input(shape=(2, 2)), keras.layers.Flatten(),
                               keras.layers.Dense(2)])
    with pytest.raises(ValueError, match="latent_dim"):
        GAN(images, build_discriminator(2, (8,)))


@pytest.mark.parametrize("bad", [None, "generator", np.zeros(3)])
def test_non_models_are_refused(bad):
    with pytest.raises(TypeError, match="generator must be a keras.Model"):
        GAN(bad, build_discriminator(2))


def test_fit_needs_compile_and_fitting_samples():
    gan = small_gan()
    with pytest.raises(ValueError, match="compile"):
        gan.fit(np.zeros((64, 2)))
    gan.compile()
    with pytest.raises(ValueError, match="x has samples of shape"):
        gan.fit(np.zeros((64, 3)))
    with pytest.raises(ValueError, match="finite"):
        gan.fit(np.full((64, 2), np.nan))
    with pytest.raises(ValueError, match="batch_size"):
        gan.fit(np.zeros((10, 2)), batch_size=32)


@pytest.mark.parametrize("kwargs", [{"d_learning_rate": 0}, {"g_learning_rate": -1.0},
                                    {"label_smoothing": 0.5}, {"beta_1": 1.0}])
def test_compile_refuses_bad_settings(kwargs):
    with pytest.raises(ValueError, match=next(iter(kwargs))):
        small_gan().compile(**kwargs)


def test_history_has_epoch_means_and_every_step():
    set_seed(0)
    gan = small_gan()
    gan.compile()
    history = gan.fit(make_ring(256), epochs=3, batch_size=64)
    h = history.history
    assert len(h["d_loss"]) == len(h["g_loss"]) == 3
    assert len(h["d_loss_step"]) == len(h["g_loss_step"]) == 3 * 4
    # The epoch mean is the mean of that epoch's steps.
    np.testing.assert_allclose(h["d_loss"][1], np.mean(h["d_loss_step"][4:8]), rtol=1e-5)
    np.testing.assert_allclose(h["g_loss"][2], np.mean(h["g_loss_step"][8:]), rtol=1e-5)
    # A second fit starts a fresh log.
    again = gan.fit(make_ring(256), epochs=1, batch_size=64, steps_per_epoch=5)
    assert len(again.history["d_loss_step"]) == 5


def test_training_repeats_with_the_seed():
    runs = []
    for _ in range(2):
        set_seed(1)
        gan = small_gan()
        gan.compile()
        gan.fit(make_ring(128), epochs=2, batch_size=64)
        runs.append(gan.generate(20, seed=0))
    np.testing.assert_allclose(runs[0], runs[1], atol=1e-6)


def test_a_gan_learns_the_ring():
    """A short run already moves the samples out to the ring (radius 2)."""
    set_seed(0)
    gan = GAN(build_generator(2, 2, (32, 32)), build_discriminator(2, (32, 32)))
    gan.compile(2e-3, 2e-3)
    before = np.hypot(*gan.generate(500, seed=0).T).mean()
    gan.fit(make_ring(2048), epochs=1, batch_size=128, steps_per_epoch=300)
    after = np.hypot(*gan.generate(500, seed=0).T).mean()
    assert abs(after - 2.0) < abs(before - 2.0) and abs(after - 2.0) < 0.5, (before, after)


def test_snapshots_use_fixed_noise_at_the_chosen_epochs():
    set_seed(0)
    gan = small_gan()
    gan.compile()
    snaps = SampleSnapshots([0, 1, 3], n=7, seed=2)
    gan.fit(make_ring(128), epochs=3, batch_size=64, callbacks=snaps)
    assert sorted(snaps.snapshots) == [0, 1, 3]
    assert all(s.shape == (7, 2) for s in snaps.snapshots.values())
    np.testing.assert_allclose(snaps.snapshots[3], gan.generate(7, seed=2), atol=1e-6)


@pytest.mark.parametrize("epochs", [[], "1", [-1], None])
def test_snapshots_refuse_bad_epochs(epochs):
    with pytest.raises((TypeError, ValueError), match="epochs"):
        SampleSnapshots(epochs)


def test_time_steps_compiled_and_eager():
    set_seed(0)
    gan = small_gan()
    gan.compile()
    x = make_ring(64)
    compiled = gan.time_steps(x, steps=3)
    eager = gan.time_steps(x, steps=2, eager=True)
    assert compiled > 0 and eager > 0
    with pytest.raises(ValueError, match="shape"):
        gan.time_steps(np.zeros((8, 3)))


def test_ring_data():
    points = make_ring(1000, 8, radius=3.0, std=0.01, seed=1)
    centers = ring_centers(8, 3.0)
    nearest = np.linalg.norm(points[:, None] - centers[None], axis=2).argmin(axis=1)
    assert np.bincount(nearest).tolist() == [125] * 8
    assert points.dtype == np.float32
    with pytest.raises(ValueError, match="n_samples"):
        make_ring(3, 8)
    with pytest.raises(ValueError, match="std"):
        make_ring(std=0)
    with pytest.raises(ValueError, match="radius"):
        ring_centers(radius=-1)
