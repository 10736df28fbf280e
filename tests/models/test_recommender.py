"""dlcourse.models.recommender: bias baseline, matrix factorisation, neighbours."""

import numpy as np
import pytest

from dlcourse.models import (
    build_matrix_factorization,
    fit_bias_baseline,
    nearest_items,
    rmse,
)
from dlcourse.training import fit, set_seed


def low_rank_ratings(n_users=30, n_items=40, seed=0):
    rng = np.random.default_rng(seed)
    P, Q = rng.normal(size=(n_users, 2)), rng.normal(size=(n_items, 2))
    user_bias, item_bias = rng.normal(0, 0.5, n_users), rng.normal(0, 0.5, n_items)
    X = np.array([(u, i) for u in range(n_users) for i in range(n_items)])
    y = 3 + user_bias[X[:, 0]] + item_bias[X[:, 1]] + (P[X[:, 0]] * Q[X[:, 1]]).sum(1)
    return X, y.astype(np.float32)


def test_rmse_by_hand():
    assert rmse([1, 2, 3], [1, 2, 3]) == 0
    assert rmse([0, 0], [3, 4]) == pytest.approx(np.sqrt(12.5))
    with pytest.raises(ValueError, match="same number of rows"):
        rmse([1, 2], [1])


def test_bias_baseline_recovers_pure_biases():
    X, _ = low_rank_ratings()
    y = 3 + 0.5 * (X[:, 0] % 2) - 0.25 * (X[:, 1] % 3)
    baseline = fit_bias_baseline(X, y, 30, 40, reg=0.0, n_iter=20)
    assert rmse(y, baseline.predict(X)) < 1e-6


def test_regularisation_shrinks_biases_of_rarely_rated_items():
    X = np.array([[0, 0], [1, 0], [2, 0], [3, 0], [0, 1]])
    y = np.array([3.0, 3.0, 3.0, 3.0, 5.0])
    loose = fit_bias_baseline(X, y, 4, 2, reg=0.0)
    shrunk = fit_bias_baseline(X, y, 4, 2, reg=5.0)
    assert abs(shrunk.item_bias[1]) < abs(loose.item_bias[1])


def test_matrix_factorization_beats_biases_on_low_rank_data():
    set_seed(0)
    X, y = low_rank_ratings()
    baseline = fit_bias_baseline(X, y, 30, 40)
    model = build_matrix_factorization(30, 40, 4, mean=float(y.mean()), l2=0.0,
                                       learning_rate=0.02)
    fit(model, X, y, epochs=60, batch_size=64, validation_split=0.0)
    predicted = model.predict(X, verbose=0).ravel()
    assert rmse(y, predicted) < 0.5 * rmse(y, baseline.predict(X))


def test_parameters_are_embeddings_and_biases():
    assert build_matrix_factorization(5, 7, 3).count_params() == (5 + 7) * (3 + 1)


@pytest.mark.parametrize("X, match", [
    (np.array([[0, 1, 2]]), "2 columns"), (np.array([[0.5, 1]]), "integer"),
    (np.array([[-1, 1]]), "non-negative"), (np.array([[9, 0]]), "user index 9"),
    (np.array([[0, 9]]), "item index 9"),
])
def test_bad_pairs_are_refused(X, match):
    with pytest.raises(ValueError, match=match):
        fit_bias_baseline(X, [3.0], 2, 2)


def test_nearest_items_finds_a_twin():
    model = build_matrix_factorization(3, 4, 2)
    layer = model.get_layer("item_embedding")
    layer.set_weights([np.array([[1, 0], [0, 1], [2, 0.1], [-1, 0]], dtype="float32")])
    indices, similarity = nearest_items(model, 0, k=2)
    assert indices.tolist() == [2, 1] and similarity[0] > 0.99


def test_nearest_items_refuses_bad_arguments():
    model = build_matrix_factorization(3, 4, 2)
    with pytest.raises(ValueError, match="item"):
        nearest_items(model, 4)
    with pytest.raises(ValueError, match="k"):
        nearest_items(model, 0, k=4)
    with pytest.raises(TypeError, match="model"):
        nearest_items("model", 0)
    with pytest.raises(ValueError, match="among"):
        nearest_items(model, 0, among=[1, 7])


def test_nearest_items_searches_only_among_candidates():
    model = build_matrix_factorization(3, 4, 2)
    model.get_layer("item_embedding").set_weights(
        [np.array([[1, 0], [0, 1], [2, 0.1], [-1, 0]], dtype="float32")])
    indices, _ = nearest_items(model, 0, k=2, among=[0, 1, 3])
    assert indices.tolist() == [1, 3]


@pytest.mark.parametrize("pair, eager, graph", [
    ([3, 0], "user index 3 is out of range: rows for user indices 0 .. 2 only",
     "user index 3 or more is out of range"),
    ([-1, 0], "user index -1 is out of range",  # a plain Embedding reads row -1: the last
     "user index below 0 is out of range"),
    ([0, 4], "item index 4 is out of range: rows for item indices 0 .. 3 only",
     "item index 4 or more is out of range"),
    ([1.5, 0], "user indices must be whole numbers, got 1.5",  # a plain Embedding truncates
     "user indices must be whole numbers"),
])
def test_matrix_factorization_refuses_indices_it_has_no_row_for(pair, eager, graph):
    import tensorflow as tf

    model = build_matrix_factorization(3, 4, 2)
    x = np.array([[0, 0], pair], dtype="float32")
    with pytest.raises(ValueError, match=eager):
        model(x)  # eagerly, as dlcourse.evaluation calls a model
    with pytest.raises(tf.errors.InvalidArgumentError, match=graph):
        model.predict(x, verbose=0)  # in a compiled graph
    # the refusal leaves the model whole: it still trains and predicts
    fit(model, np.array([[0, 0], [2, 3]]), np.array([3.0, 4.0]), epochs=1, validation_split=0.0)
    assert model.predict(np.array([[2, 3]]), verbose=0).shape == (1, 1)
