"""Faces and non-faces: scikit-image's bundled LFW subset (chapter 7, images)."""

from __future__ import annotations

import numpy as np

from dlcourse.data._requires import require
from dlcourse.data.split import SplitData, stratified_split

__all__ = ["FACE_CLASSES", "load_faces"]

#: ``FACE_CLASSES[k]`` is the name of label ``k``.
FACE_CLASSES = ("non-face", "face")


def load_faces(test_size: float = 0.25, seed: int = 0) -> SplitData:
    """Load 200 small grey images, 100 faces and 100 non-faces, split and scaled.

    The images ship with scikit-image (``skimage.data.lfw_subset()``): the
    faces are crops of the Labeled Faces in the Wild data set (Huang et
    al., 2007), the non-faces random crops of other photographs, each
    25x25 pixels (per-image licences in scikit-image). Pixel values are
    scaled to [0, 1]; the split is stratified.

    Parameters
    ----------
    test_size : float, default 0.25
        Fraction of the images held out for testing, in (0, 1).
    seed : int, default 0
        Seed of the shuffled split.

    Returns
    -------
    SplitData
        Images of shape ``(25, 25, 1)``; label 1 is a face, 0 a non-face.

    Examples
    --------
    >>> from dlcourse.data import load_faces
    >>> data = load_faces()
    >>> data.x_train.shape, data.x_test.shape, data.class_names
    ((150, 25, 25, 1), (50, 25, 25, 1), ('non-face', 'face'))
    """
    lfw_subset = require("skimage.data", by="load_faces").lfw_subset

    images = lfw_subset().astype(np.float32)  # already in [0, 1]
    labels = np.r_[np.ones(100), np.zeros(100)].astype(np.int64)
    x_train, x_test, y_train, y_test = stratified_split(images[..., None], labels, test_size, seed)
    return SplitData(x_train.astype(np.float32), x_test.astype(np.float32), y_train, y_test,
                     feature_names=(), class_names=FACE_CLASSES)
