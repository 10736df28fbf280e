"""dlcourse.data.load_movielens: ratings split so every test user and movie is known."""

import numpy as np
import pytest

from dlcourse.data import load_movielens


@pytest.fixture(scope="module")
def data():
    return load_movielens()


def test_sizes_and_ranges(data):
    assert (data.n_users, data.n_items) == (671, 9066)
    assert len(data.y_train) + len(data.y_test) == 100004
    assert 0.08 < len(data.y_test) / 100004 < 0.1
    assert data.x_train.dtype == np.int64 and data.x_train.shape[1] == 2
    assert data.y_train.min() >= 0.5 and data.y_train.max() <= 5
    assert data.x_train[:, 0].max() == data.n_users - 1
    assert len(data.item_names) == data.n_items


def test_every_test_user_and_movie_has_training_ratings(data):
    assert set(data.x_test[:, 0]) <= set(data.x_train[:, 0])
    assert set(data.x_test[:, 1]) <= set(data.x_train[:, 1])


def test_titles_line_up_with_indices(data):
    assert "Toy Story" in data.item_names
    assert data.item_names.index("Toy Story") == 0  # movieId 1 is the smallest id


def test_split_repeats_with_the_seed(data):
    again = load_movielens(seed=0)
    np.testing.assert_array_equal(again.x_test, data.x_test)
    assert not np.array_equal(load_movielens(seed=1).x_test[:50], data.x_test[:50])


def test_min_ratings_keeps_only_popular_movies():
    popular = load_movielens(min_ratings=50)
    assert popular.n_items < 1000
    assert np.bincount(np.r_[popular.x_train[:, 1], popular.x_test[:, 1]]).min() >= 50


@pytest.mark.parametrize("kwargs, match", [
    ({"test_size": 0}, "test_size"), ({"test_size": "0.1"}, "test_size"),
    ({"seed": -1}, "seed"), ({"min_ratings": 0}, "min_ratings"),
])
def test_bad_arguments_are_refused_by_name(kwargs, match):
    with pytest.raises((TypeError, ValueError), match=match):
        load_movielens(**kwargs)
