"""Plots of chapter 7's medicine, sensors and challenges pages."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from dlcourse.plotting import (  # noqa: E402
    plot_adversarial_examples,
    plot_confusion_matrix,
    plot_recordings,
    plot_saliency,
    plot_threshold_tradeoff,
)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_confusion_matrix_shows_the_counts():
    fig = plot_confusion_matrix([0, 0, 1, 1, 1], [0, 1, 1, 1, 0], ["benign", "malignant"])
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == ["1", "1", "1", "2"]  # rows: true 0 (1, 1), true 1 (1, 2)
    assert fig.axes[0].get_ylabel() == "true"
    with pytest.raises(ValueError, match="labels go up to 2"):
        plot_confusion_matrix([0, 2], [0, 1], ["a", "b"])


def test_threshold_tradeoff_curves_are_monotone():
    y = np.array([0, 0, 1, 1, 0, 1])
    ax = plot_threshold_tradeoff(y, [0.1, 0.4, 0.35, 0.8, 0.2, 0.9], 0.3)
    sens, spec = (line.get_ydata() for line in ax.get_lines()[:2])
    assert np.all(np.diff(sens) <= 0) and np.all(np.diff(spec) >= 0)
    assert sens[0] == 1 and spec[-1] == 1
    with pytest.raises(ValueError, match="both positive"):
        plot_threshold_tradeoff([1, 1], [0.2, 0.3])


def test_recordings_one_panel_per_class_one_line_per_channel():
    X = np.random.default_rng(0).normal(size=(6, 20, 3))
    fig = plot_recordings(X, [0, 1, 2, 0, 1, 2], ["a", "b", "c"], ["x", "y", "z"])
    assert len(fig.axes) == 3 and all(len(ax.get_lines()) == 3 for ax in fig.axes)
    assert [ax.get_title() for ax in fig.axes] == ["a", "b", "c"]
    with pytest.raises(ValueError, match="channel_names"):
        plot_recordings(X, [0] * 6, ["a"], ["x"])


def test_adversarial_and_saliency_grids():
    x = np.random.default_rng(0).random((3, 8, 8, 1))
    fig = plot_adversarial_examples(x, [x, x], [0.0, 0.1], [[1, 2, 3], [4, 5, 6]])
    assert len(fig.axes) == 6 and fig.axes[4].get_title() == "-> 5"
    with pytest.raises(ValueError, match="one entry per epsilon"):
        plot_adversarial_examples(x, [x], [0.0, 0.1], [[1, 2, 3]])
    fig = plot_saliency(x, x[..., 0], ["a", "b", "c"])
    assert len(fig.axes) == 6
    with pytest.raises(ValueError, match="one value per pixel"):
        plot_saliency(x, np.ones((3, 4, 4)))
