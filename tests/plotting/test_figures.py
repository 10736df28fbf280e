"""dlcourse.plotting: style and figures."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from dlcourse.plotting import (  # noqa: E402
    plot_decision_regions,
    plot_history,
    plot_network,
    use_style,
)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_use_style_sets_the_book_style():
    plt.rcParams["axes.spines.top"] = True
    use_style()
    assert plt.rcParams["axes.spines.top"] is False
    assert plt.rcParams["axes.grid"] is True


def test_plot_history_draws_training_and_validation_per_metric():
    history = {"loss": [1.0, 0.5, 0.3], "val_loss": [1.1, 0.7, 0.6], "accuracy": [0.5, 0.8, 0.9]}
    fig = plot_history(history)
    loss_ax, acc_ax = fig.axes
    assert [line.get_label() for line in loss_ax.get_lines()] == ["training", "validation"]
    assert len(acc_ax.get_lines()) == 1  # no val_accuracy in this history
    np.testing.assert_array_equal(loss_ax.get_lines()[1].get_ydata(), [1.1, 0.7, 0.6])
    assert loss_ax.get_xlabel() == "epoch" and acc_ax.get_ylabel() == "accuracy"


def test_plot_history_reads_a_keras_history_object():
    class FakeHistory:
        history = {"loss": [2.0, 1.0]}

    fig = plot_history(FakeHistory(), metrics=["loss"], title="run")
    assert len(fig.axes) == 1 and fig._suptitle.get_text() == "run"


def test_plot_history_bad_arguments():
    with pytest.raises(TypeError, match="history must be a keras History or a non-empty dict"):
        plot_history([1, 2])
    with pytest.raises(ValueError, match=r"metrics has unknown name\(s\) \['auc'\]"):
        plot_history({"loss": [1.0]}, metrics=["auc"])


def test_decision_regions_colour_the_plane_by_prediction():
    X = np.array([[-1.0, -1.0], [1.0, 1.0], [-1.0, 1.0], [1.0, -1.0]])
    y = np.array([0, 1, 0, 1])
    ax = plot_decision_regions(
        lambda g: (g[:, 0] > 0).astype(int), X, y,
        feature_names=["a", "b"], class_names=["left", "right"], resolution=20,
    )
    assert ax.get_xlabel() == "a" and ax.get_ylabel() == "b"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["left", "right"]
    assert len(ax.collections) >= 3  # filled regions and one scatter per class


def test_decision_regions_ask_the_model_about_the_plane_in_feature_order():
    # Features on very different scales: a transposed grid would ask about
    # points far outside the data, and the model sees column 0 as feature 0.
    x = np.array([[-1.0, 10.0], [1.0, 20.0], [-1.0, 20.0], [1.0, 10.0]])
    asked = []

    def model(grid):
        asked.append(np.array(grid))
        return (grid[:, 0] > 0).astype(int)

    ax = plot_decision_regions(model, x, [0, 1, 0, 1], resolution=20)
    grid = asked[0]
    assert grid.shape[1] == 2
    assert -2 < grid[:, 0].min() < -1 and 1 < grid[:, 0].max() < 2
    assert 8 < grid[:, 1].min() < 10 and 20 < grid[:, 1].max() < 22
    x0, x1 = ax.get_xlim()
    assert x0 <= grid[:, 0].min() + 1e-6 and grid[:, 0].max() - 1e-6 <= x1


def test_decision_regions_bad_arguments():
    f = lambda g: np.zeros(len(g), dtype=int)  # noqa: E731
    with pytest.raises(ValueError, match=r"x must have exactly 2 columns \(features\), got shape \(3, 3\)"):
        plot_decision_regions(f, np.zeros((3, 3)), [0, 0, 0])
    with pytest.raises(ValueError, match="x and y must have the same number of rows"):
        plot_decision_regions(f, np.zeros((3, 2)), [0, 1])
    with pytest.raises(ValueError, match="class_names must name all 2 classes"):
        plot_decision_regions(f, np.zeros((2, 2)), [0, 1], class_names=["one"])
    with pytest.raises(ValueError, match="resolution must be an integer >= 10"):
        plot_decision_regions(f, np.zeros((2, 2)), [0, 1], resolution=5)


def test_plot_network_draws_one_circle_per_neuron():
    ax = plot_network([3, 4, 2], node_labels=[["a", "b", "c"], list("wxyz"), ["p", "q"]])
    assert len(ax.patches) == 9
    texts = [t.get_text() for t in ax.texts]
    assert {"input", "hidden 1", "output", "a", "q"} <= set(texts)


def test_plot_network_bad_arguments():
    with pytest.raises(ValueError, match="at least 2 layers"):
        plot_network([3])
    with pytest.raises(ValueError, match=r"layer_sizes\[1\] must be an integer >= 1, got 0"):
        plot_network([3, 0])
    with pytest.raises(ValueError, match="at most 12"):
        plot_network([3, 50])
    with pytest.raises(ValueError, match="layer_names must hold 2 names"):
        plot_network([3, 1], layer_names=["in"])
    with pytest.raises(TypeError, match="layer_sizes must be a list"):
        plot_network("3,1")


@pytest.mark.parametrize(
    "history, kwargs, error, message",
    [
        ({"loss": 0.5}, {}, ValueError, r"history\['loss'\] must be a non-empty list with one value per epoch, got 0.5"),
        ({"loss": []}, {}, ValueError, r"history\['loss'\] must be a non-empty list"),
        ({"loss": [1.0, 0.5], "val_loss": [1.0]}, {}, ValueError,
         r"history\['val_loss'\] has 1 values but history\['loss'\] has 2"),
        ({"loss": [1.0, float("nan")]}, {}, ValueError, r"history\['loss'\] must hold only finite numbers"),
        ({"loss": [1.0]}, {"metrics": []}, ValueError, r"metrics must name at least one curve, got \[\]"),
    ],
)
def test_plot_history_refuses_curves_it_cannot_draw(history, kwargs, error, message):
    with pytest.raises(error, match=message):
        plot_history(history, **kwargs)


@pytest.mark.parametrize(
    "y, message",
    [
        ([-1, 1], r"y must hold class labels in 0 .. n_classes - 1, got labels from -1 to 1"),
        ([0.5, 1.0], "y must hold integer class labels"),
    ],
)
def test_decision_regions_refuse_labels_they_would_drop(y, message):
    with pytest.raises(ValueError, match=message):
        plot_decision_regions(lambda g: np.zeros(len(g), dtype=int), np.eye(2), y)


def test_decision_regions_refuse_empty_data():
    with pytest.raises(ValueError, match="x must hold at least one row"):
        plot_decision_regions(lambda g: np.zeros(len(g), dtype=int), np.zeros((0, 2)), [])
