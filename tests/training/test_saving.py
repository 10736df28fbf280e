"""A saved model loads back with the same predictions; junk files are refused."""

import numpy as np
import pytest

from dlcourse.data import load_penguins
from dlcourse.models import build_mlp
from dlcourse.training import fit, load_model, save_model, set_seed


def test_a_trained_model_round_trips_its_predictions(tmp_path):
    set_seed(0)
    data = load_penguins()
    model = build_mlp(data.n_features, output_units=3, output_activation="softmax")
    fit(model, data.x_train, data.y_train, epochs=3)
    loaded = load_model(save_model(model, tmp_path / "penguins.keras"))
    np.testing.assert_array_equal(model.predict(data.x_test, verbose=0),
                                  loaded.predict(data.x_test, verbose=0))


def test_files_that_are_not_models_are_refused(tmp_path):
    text = tmp_path / "notes.keras"
    text.write_text("not a model")
    with pytest.raises(ValueError, match="not a saved Keras model"):
        load_model(text)
    with pytest.raises(ValueError, match="not a file"):
        load_model(tmp_path / "missing.keras")
    with pytest.raises(ValueError, match=r"\.keras"):
        save_model(build_mlp(2), tmp_path / "model.h5")
    with pytest.raises(TypeError, match="model"):
        save_model("model", tmp_path / "m.keras")


def test_a_trained_gan_round_trips_with_its_optimizers(tmp_path):
    from dlcourse.models import GAN, build_discriminator, build_generator

    set_seed(0)
    gan = GAN(build_generator(4, 2, (8,)), build_discriminator(2, (8,)))
    gan.compile(d_learning_rate=2e-4, g_learning_rate=3e-4, label_smoothing=0.1)
    real = np.random.default_rng(0).normal(size=(64, 2)).astype("float32")
    gan.fit(real, epochs=2, batch_size=16, verbose=0)
    loaded = load_model(save_model(gan, tmp_path / "gan.keras"))
    noise = np.random.default_rng(1).normal(size=(5, 4)).astype("float32")
    assert isinstance(loaded, GAN) and loaded.label_smoothing == 0.1
    np.testing.assert_array_equal(gan.generator(noise).numpy(), loaded.generator(noise).numpy())
    np.testing.assert_array_equal(gan.discriminator(real).numpy(), loaded.discriminator(real).numpy())
    for ours, theirs in zip(gan.g_optimizer.variables, loaded.g_optimizer.variables):
        np.testing.assert_array_equal(np.asarray(ours), np.asarray(theirs))


@pytest.mark.parametrize("name", ["mlp", "cnn", "cnn1d", "rnn", "pooling", "recurrent",
                                  "transformer", "factorization"])
def test_every_model_the_package_builds_round_trips(tmp_path, name):
    from dlcourse import models

    builders = {
        "mlp": (lambda: models.build_mlp(3), np.ones((2, 3))),
        "cnn": (lambda: models.build_cnn((8, 8, 1), 3, filters=(4,), dense_units=None),
                np.ones((2, 8, 8, 1))),
        "cnn1d": (lambda: models.build_cnn1d((20, 2), 3), np.ones((2, 20, 2))),
        "rnn": (lambda: models.build_rnn(5, cell="lstm"), np.ones((2, 5, 1))),
        "pooling": (lambda: models.build_pooling_classifier(50, 6, 4), np.array([[1, 2, 0, 0, 0, 0]] * 2)),
        "recurrent": (lambda: models.build_recurrent_classifier(50, 6, 4),
                      np.array([[1, 2, 3, 0, 0, 0]] * 2)),
        "transformer": (lambda: models.build_transformer_classifier(50, 6, 8),
                        np.array([[1, 2, 3, 0, 0, 0]] * 2)),
        "factorization": (lambda: models.build_matrix_factorization(4, 5, 2),
                          np.array([[0, 1], [3, 4]])),
    }
    build, x = builders[name]
    model = build()
    loaded = load_model(save_model(model, tmp_path / f"{name}.keras"))
    np.testing.assert_allclose(np.asarray(loaded(x)), np.asarray(model(x)), rtol=1e-5)
