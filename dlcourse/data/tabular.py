"""Small real tables bundled with scikit-learn: breast cancer and diabetes."""

from __future__ import annotations

import numpy as np

from dlcourse.data.split import SplitData, standardize_split, stratified_split

__all__ = ["load_breast_cancer", "load_diabetes"]


def load_breast_cancer(test_size: float = 0.2, seed: int = 0) -> SplitData:
    """Load the Wisconsin breast-cancer measurements, split and standardised.

    569 tumours, each described by 30 measurements of cell nuclei in a
    digitised image of a fine-needle aspirate (Street, Wolberg & Mangasarian,
    1993); label 0 is malignant (212), label 1 benign (357). The data ship
    with scikit-learn (BSD-3 licence). The split is stratified; the scaling
    is fitted on the training part only.

    Examples
    --------
    >>> from dlcourse.data import load_breast_cancer
    >>> data = load_breast_cancer()
    >>> data.x_train.shape, data.class_names
    ((455, 30), ('malignant', 'benign'))
    """
    from sklearn.datasets import load_breast_cancer as _load_raw

    raw = _load_raw()
    x_train, x_test, y_train, y_test = stratified_split(
        raw.data, raw.target.astype(np.int64), test_size, seed
    )
    x_train, x_test = standardize_split(x_train, x_test)
    return SplitData(x_train, x_test, y_train, y_test,
                     feature_names=tuple(map(str, raw.feature_names)),
                     class_names=tuple(map(str, raw.target_names)))


def load_diabetes(test_size: float = 0.2, seed: int = 0) -> SplitData:
    """Load the diabetes regression data, split and standardised.

    442 patients, 10 baseline measurements (age, sex, body-mass index,
    blood pressure and six blood serum values) and, as the target, a
    measure of disease progression one year later (Efron et al., 2004). The
    data ship with scikit-learn (BSD-3 licence). The features and the target
    are standardised with the training part's statistics, so a model that
    always predicts 0 predicts the training mean. There are no classes:
    ``class_names`` is empty and ``y`` holds float32 values.

    Examples
    --------
    >>> from dlcourse.data import load_diabetes
    >>> data = load_diabetes()
    >>> data.x_train.shape, data.y_train.dtype, data.feature_names[2]
    ((353, 10), dtype('float32'), 'bmi')
    """
    from sklearn.datasets import load_diabetes as _load_raw

    raw = _load_raw(scaled=False)
    # A regression target has no classes to stratify by: stratify by its
    # quartile, so both parts cover the whole range.
    quartile = np.digitize(raw.target, np.quantile(raw.target, [0.25, 0.5, 0.75]))
    order = np.arange(len(raw.target))
    train_rows, test_rows, _, _ = stratified_split(order, quartile, test_size, seed)
    x_train, x_test = standardize_split(raw.data[train_rows], raw.data[test_rows])
    y_train, y_test = standardize_split(raw.target[train_rows, None], raw.target[test_rows, None])
    return SplitData(x_train, x_test, y_train.ravel(), y_test.ravel(),
                     feature_names=tuple(map(str, raw.feature_names)), class_names=())
