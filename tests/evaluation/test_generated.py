"""dlcourse.generative: mode coverage and classifier-based class coverage."""

import matplotlib
import numpy as np
import pytest

from dlcourse.data import make_ring, ring_centers
from dlcourse.evaluation import class_coverage, mode_coverage, nearest_distance

matplotlib.use("Agg")


def test_real_ring_covers_every_mode():
    cover = mode_coverage(make_ring(2000), ring_centers(), std=0.05)
    assert cover.n_covered == cover.n_modes == 8
    assert cover.share_near > 0.98


def test_collapsed_samples_cover_few_modes():
    points = make_ring(2000)
    centers = ring_centers()
    on_two = points[np.linalg.norm(points - centers[0], axis=1) < 0.3]
    on_two = np.concatenate([on_two, points[np.linalg.norm(points - centers[3], axis=1) < 0.3]])
    cover = mode_coverage(on_two, centers, std=0.05)
    assert cover.n_covered == 2 and cover.covered[[0, 3]].all()


def test_a_mode_needs_its_share():
    centers = ring_centers()
    points = np.concatenate([np.repeat(centers, [200] * 7 + [5], axis=0)])
    cover = mode_coverage(points, centers, std=0.05)  # 5 < 0.25 * 1405 / 8
    assert cover.n_covered == 7 and not cover.covered[7]


def test_far_points_count_nowhere():
    cover = mode_coverage(np.zeros((100, 2)), ring_centers(), std=0.05)
    assert cover.n_covered == 0 and cover.share_near == 0.0


def test_mode_coverage_refuses_bad_input():
    with pytest.raises(ValueError, match="columns"):
        mode_coverage(np.zeros((5, 3)), ring_centers(), std=0.1)
    with pytest.raises(ValueError, match="std"):
        mode_coverage(np.zeros((5, 2)), ring_centers(), std=0.0)
    with pytest.raises(ValueError, match="samples"):
        mode_coverage(np.full((5, 2), np.nan), ring_centers(), std=0.1)


def test_class_coverage_counts_and_confidence():
    probs = np.array([[0.8, 0.1, 0.1], [0.1, 0.8, 0.1], [0.5, 0.3, 0.2], [0.9, 0.05, 0.05]])
    cover = class_coverage(lambda x: probs, np.zeros((4, 2)))
    assert cover.counts.tolist() == [3, 1, 0]
    assert cover.n_present == 2 and cover.largest_share == 0.75
    assert np.isclose(cover.mean_confidence, (0.8 + 0.8 + 0.5 + 0.9) / 4)


def test_class_coverage_with_a_keras_classifier_and_sklearn():
    from sklearn.linear_model import LogisticRegression

    from dlcourse.data import load_digits
    from dlcourse.models import build_mlp

    data = load_digits()
    sk = LogisticRegression(max_iter=300).fit(data.x_train, data.y_train)
    cover = class_coverage(sk, data.x_test)
    assert cover.n_present == 10 and cover.largest_share < 0.15
    model = build_mlp(64, (8,), 10, output_activation="softmax")
    assert class_coverage(model, data.x_test[:20]).counts.sum() == 20
    with pytest.raises(ValueError, match="rows of shape"):
        class_coverage(model, np.zeros((3, 5)))


def test_class_coverage_refuses_scores_that_are_not_probabilities():
    with pytest.raises(ValueError, match="probabilities"):
        class_coverage(lambda x: np.ones((len(x), 3)), np.zeros((4, 2)))
    with pytest.raises(ValueError, match="one row of class probabilities"):
        class_coverage(lambda x: np.zeros(len(x)), np.zeros((4, 2)))
    with pytest.raises(TypeError, match="classifier"):
        class_coverage(object(), np.zeros((4, 2)))


def test_nearest_distance():
    d = nearest_distance(np.array([[0.0, 0.0], [2.0, 0.0]]), np.array([[0.0, 1.0]]), batch=1)
    np.testing.assert_allclose(d, [1.0, np.sqrt(5)])


def test_class_coverage_of_a_classifier_that_outputs_logits():
    import keras

    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(3)])
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    samples = np.random.default_rng(0).normal(size=(50, 2))
    logits = np.asarray(model(samples))
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    cover = class_coverage(model, samples)
    np.testing.assert_array_equal(cover.counts, np.bincount(logits.argmax(1), minlength=3))
    assert cover.mean_confidence == pytest.approx(probs.max(axis=1).mean(), rel=1e-5)
