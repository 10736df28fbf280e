"""dlcourse.models.text and dlcourse.plotting.attention."""

import matplotlib
import numpy as np
import pytest

from dlcourse.models import (
    attention_weights,
    build_pooling_classifier,
    build_recurrent_classifier,
    build_transformer_classifier,
    build_vectorizer,
)
from dlcourse.plotting import plot_attention
from dlcourse.training import fit, set_seed

matplotlib.use("Agg")

TEXTS = ["great tea", "awful tea", "great great coffee", "awful coffee"] * 10
LABELS = np.array([1, 0, 1, 0] * 10)


def test_vectorizer_pads_cuts_and_marks_unknown_words():
    vectorize = build_vectorizer(TEXTS, max_tokens=20, sequence_length=3)
    ids = vectorize(["great tea", "great tea tea tea", "delicious tea"]).numpy()
    assert ids.shape == (3, 3)
    assert ids[0, 2] == 0            # padded at the end
    assert ids[1].tolist() == ids[1][:3].tolist() and 0 not in ids[1]  # cut
    assert ids[2, 0] == 1            # an unknown word


@pytest.mark.parametrize("texts", ["great tea", [], ["ok", 3], None])
def test_vectorizer_refuses_what_is_not_a_list_of_texts(texts):
    with pytest.raises((TypeError, ValueError), match="texts"):
        build_vectorizer(texts)


@pytest.mark.parametrize("build", [build_pooling_classifier, build_recurrent_classifier,
                                   build_transformer_classifier])
def test_each_classifier_learns_a_toy_sentiment(build):
    set_seed(0)
    vectorize = build_vectorizer(TEXTS, max_tokens=20, sequence_length=4)
    X = vectorize(TEXTS).numpy()
    model = build(20, 4, 8)
    fit(model, X, LABELS, epochs=30, batch_size=8, validation_split=0.0)
    predicted = (model(X.astype("float32")).numpy().ravel() > 0.5).astype(int)
    assert model.output_shape == (None, 1) and model.loss == "binary_crossentropy"
    assert (predicted == LABELS).mean() == 1.0


def test_builders_refuse_bad_arguments_by_name():
    with pytest.raises(ValueError, match="vocab_size"):
        build_pooling_classifier(1, 10)
    with pytest.raises(ValueError, match="cell"):
        build_recurrent_classifier(100, 10, cell="rnn")
    with pytest.raises(ValueError, match="dropout"):
        build_transformer_classifier(100, 10, dropout=1.0)
    with pytest.raises(TypeError, match="num_heads"):
        build_transformer_classifier(100, 10, num_heads=2.5)


def test_attention_rows_are_distributions_over_the_real_words():
    set_seed(0)
    model = build_transformer_classifier(50, 8, 8, num_heads=2)
    weights = attention_weights(model, [[4, 9, 3, 7, 0, 0, 0, 0]])
    assert weights.shape == (2, 4, 4)
    np.testing.assert_allclose(weights.sum(axis=-1), 1, atol=1e-5)
    assert (weights >= 0).all()


def test_attention_matches_the_models_own_attention_mask():
    """Padding never changes what the real words attend to."""
    set_seed(0)
    model = build_transformer_classifier(50, 8, 8, num_heads=1)
    short = attention_weights(model, [4, 9, 3, 0, 0, 0, 0, 0])
    np.testing.assert_allclose(short.sum(axis=-1), 1, atol=1e-5)
    assert short.shape == (1, 3, 3)


@pytest.mark.parametrize("ids, match", [
    ([0] * 8, "only padding"), ([1, 2], "sequence length"), ([1.5] * 8, "integer"),
    ([[1] * 8, [1] * 8], "one row"),
])
def test_attention_weights_refuse_bad_ids(ids, match):
    model = build_transformer_classifier(50, 8, 8)
    with pytest.raises(ValueError, match=match):
        attention_weights(model, ids)


def test_attention_weights_need_a_transformer():
    with pytest.raises(ValueError, match="attention"):
        attention_weights(build_pooling_classifier(50, 8), [1] * 8)
    with pytest.raises(TypeError, match="model"):
        attention_weights("model", [1] * 8)


def test_plot_attention_labels_both_axes_and_checks_shapes():
    ax = plot_attention(np.full((2, 3, 3), 1 / 3), ["a", "b", "c"], title="t")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b", "c"]
    with pytest.raises(ValueError, match="tokens"):
        plot_attention(np.eye(3), ["a", "b"])
    with pytest.raises(ValueError, match="square"):
        plot_attention(np.ones((2, 3)), ["a", "b"])
    with pytest.raises(TypeError, match="tokens"):
        plot_attention(np.eye(2), "ab")


@pytest.mark.parametrize("build", [build_pooling_classifier, build_recurrent_classifier,
                                   build_transformer_classifier])
def test_token_ids_beyond_the_vocabulary_are_refused(build):
    import tensorflow as tf

    model = build(10, 4, 4)
    assert model(np.array([[1, 9, 0, 0]])).shape == (1, 1)
    for bad, match in (([1, 10, 0, 0], "token id 10 is out of range"),
                       ([1, -1, 0, 0], "token id -1 is out of range")):
        with pytest.raises(ValueError, match=match + r".*vocab_size=10.*max_tokens"):
            model(np.array([bad]))
    with pytest.raises(tf.errors.InvalidArgumentError, match="token id 10 or more"):
        model.predict(np.array([[1, 12, 0, 0]]), verbose=0)
    with pytest.raises(ValueError, match="token id 10 is out of range"):
        attention_weights(model, [1, 10, 0, 0]) if build is build_transformer_classifier \
            else model(np.array([[10, 1, 0, 0]]))


def test_models_with_checked_embeddings_save_and_load(tmp_path):
    import keras

    model = build_transformer_classifier(10, 4, 4)
    model.save(tmp_path / "model.keras")
    loaded = keras.models.load_model(tmp_path / "model.keras")
    x = np.array([[1, 2, 3, 0]])
    np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0))
    with pytest.raises(ValueError, match="token id 10"):
        loaded(np.array([[10, 0, 0, 0]]))
