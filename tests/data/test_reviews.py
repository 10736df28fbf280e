"""dlcourse.data: the fine-food reviews, faces and MovieLens loaders."""

import numpy as np
import pytest

from dlcourse.data import REVIEW_CLASSES, load_faces, load_reviews


def test_reviews_have_the_published_sizes_and_shares():
    texts, labels = load_reviews("train")
    assert texts.shape == (4000,) and labels.shape == (4000,)
    assert labels.dtype == np.int64 and set(np.unique(labels)) == {0, 1}
    assert int(labels.sum()) == 2600  # "great" reviews
    test_texts, test_labels = load_reviews("test")
    assert len(test_texts) == 1000 and int(test_labels.sum()) == 658
    assert REVIEW_CLASSES == ("other", "great")


def test_cleaning_removes_html_tags():
    raw, _ = load_reviews("train", clean=False)
    clean, _ = load_reviews("train")
    assert any("<br />" in text for text in raw)
    assert not any("<br />" in text for text in clean)


@pytest.mark.parametrize("split", ["validation", "Train", "training_data"])
def test_unknown_split_is_refused_by_name(split):
    with pytest.raises(ValueError, match="split must be one of"):
        load_reviews(split)


def test_split_and_clean_must_have_the_right_types():
    with pytest.raises(TypeError, match="split"):
        load_reviews(0)
    with pytest.raises(TypeError, match="clean"):
        load_reviews("train", clean="yes")


def test_faces_are_balanced_images_in_unit_range():
    data = load_faces()
    assert data.x_train.shape == (150, 25, 25, 1) and data.x_test.shape == (50, 25, 25, 1)
    assert data.x_train.dtype == np.float32
    assert 0 <= data.x_train.min() and data.x_train.max() <= 1
    assert np.bincount(data.y_test).tolist() == [25, 25]
    assert data.class_names == ("non-face", "face")


def test_faces_refuse_a_bad_test_size():
    with pytest.raises(ValueError, match="test_size"):
        load_faces(test_size=1.5)
