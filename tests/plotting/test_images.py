"""dlcourse.plotting.images: grids of images, the confusion matrix, filters and feature maps."""

import matplotlib
import numpy as np
import pytest

from dlcourse.plotting import (
    plot_confusion_matrix,
    plot_feature_maps,
    plot_filters,
    plot_image_grid,
)

matplotlib.use("Agg")


def test_image_grid_shapes_and_titles():
    fig = plot_image_grid(np.zeros((10, 28, 28, 1)), titles=[str(k) for k in range(10)], n_cols=4)
    assert len(fig.axes) == 12
    assert [ax.get_title() for ax in fig.axes[:3]] == ["0", "1", "2"]
    assert len(plot_image_grid(np.zeros((2, 5, 5, 3))).axes) == 2  # colour images


def test_confusion_matrix_counts():
    fig = plot_confusion_matrix([0, 0, 1, 2, 2], [0, 1, 1, 2, 0], ["a", "b", "c"])
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == ["1", "1", "0", "0", "1", "0", "1", "0", "1"]  # row by row
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["a", "b", "c"]


def test_filters_and_feature_maps():
    assert len(plot_filters(np.ones((3, 3, 2, 5))).axes) == 5
    assert len(plot_feature_maps(np.ones((6, 6, 4)), n_cols=2).axes) == 4


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="titles must hold one string per image: got 2 for 3"):
        plot_image_grid(np.zeros((3, 4, 4)), titles=["a", "b"])
    with pytest.raises(ValueError, match="images must have 1 or 3 channels"):
        plot_image_grid(np.zeros((3, 4, 4, 5)))
    with pytest.raises(ValueError, match="y_true and y_pred must have the same number of rows"):
        plot_confusion_matrix([0, 1], [0])
    with pytest.raises(ValueError, match="y_pred must hold integer class labels"):
        plot_confusion_matrix([0, 1], [0.5, 1])
    with pytest.raises(ValueError, match="class_names names 2 classes, but the labels go up to 2"):
        plot_confusion_matrix([0, 2], [0, 1], ["a", "b"])
    with pytest.raises(ValueError, match="pass maps\\[0\\]"):
        plot_feature_maps(np.zeros((2, 4, 4, 3)))


def test_sliding_window_and_receptive_field_diagrams():
    from dlcourse.plotting import plot_receptive_field, plot_sliding_window

    ax = plot_sliding_window(5, 3)
    assert ax.get_title() == "5x5 input, 3x3 kernel, stride 1, 'valid': 3x3 output"
    assert "7x7 input" in plot_sliding_window(7, 3, stride=2).get_title()
    assert "5x5 output" in plot_sliding_window(5, 3, padding="same").get_title()
    assert "3x3, 5x5, 7x7" in plot_receptive_field(3, 3).get_title()
    with pytest.raises(ValueError, match="size must be at most 12"):
        plot_sliding_window(20, 3)
    with pytest.raises(ValueError, match="kernel_size must be odd"):
        plot_receptive_field(2)


def test_uint8_colour_images_keep_their_colours():
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, size=(2, 6, 6, 3), dtype=np.uint8)
    fig = plot_image_grid(images)
    drawn = np.asarray(fig.axes[0].images[0].get_array())
    assert drawn.dtype == np.uint8  # imshow reads colour floats as 0 .. 1: 255.0 is white
    np.testing.assert_array_equal(drawn, images[0])
    # floats in [0, 1] are drawn as they are; floats 0 .. 255 are refused, with the fix
    floats = plot_image_grid(images / 255.0).axes[1].images[0].get_array()
    np.testing.assert_allclose(floats, images[1] / 255.0)
    with pytest.raises(ValueError, match=r"values in \[0, 1\], got values from .* images / 255"):
        plot_image_grid(images.astype(float))
    with pytest.raises(ValueError, match="integer images must hold values 0 .. 255"):
        plot_image_grid(np.full((1, 4, 4, 3), 300))


def test_uint8_grey_images_use_the_0_255_scale():
    image = np.full((1, 4, 4), 128, dtype=np.uint8)
    drawn = plot_image_grid(image).axes[0].images[0]
    assert drawn.get_clim() == (0, 255)


def test_a_single_image_is_one_image_not_strips():
    assert len(plot_image_grid(np.zeros((32, 32, 3), dtype=np.uint8)).axes) == 1
    assert len(plot_image_grid(np.zeros((28, 20, 1))).axes) == 1
    assert len(plot_image_grid(np.zeros((28, 20))).axes) == 1
    assert plot_image_grid(np.zeros((32, 24, 3))).axes[0].images[0].get_array().shape == (
        32, 24, 3)
    with pytest.raises(ValueError, match=r"one image with 3 channel\(s\) or as 5 grey images "
                                         r"of 3 x 3 pixels: pass images\[None\]"):
        plot_image_grid(np.zeros((5, 3, 3)))
    assert len(plot_image_grid(np.zeros((5, 3, 3, 1))).axes) == 5
    assert len(plot_filters(np.ones((3, 3, 1, 5))).axes) == 5  # 3 x 3 kernels stay grey


def _label_boxes(fig, labels):
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    return [label.get_window_extent(renderer) for label in labels]


@pytest.mark.parametrize("names", [["benign", "malignant"],
                                   ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat"]])
def test_confusion_matrix_tick_labels_do_not_overlap(names):
    from dlcourse.plotting import use_style

    use_style()
    n = len(names)
    y_true = np.repeat(np.arange(n), 20)
    fig = plot_confusion_matrix(y_true, y_true, names)
    ax = fig.axes[0]
    for labels in (ax.get_xticklabels(), ax.get_yticklabels()):
        boxes = _label_boxes(fig, labels)
        overlapping = [(a, b) for a, b in zip(boxes, boxes[1:]) if a.overlaps(b)]
        assert not overlapping, [label.get_text() for label in labels]


def test_confusion_matrix_errors_never_look_like_correct_cells():
    """6 false alarms next to 60 correct answers: a different hue, not the same dark blue."""
    y_true = np.array([0] * 66 + [1] * 30)
    y_pred = np.array([0] * 60 + [1] * 6 + [1] * 30)
    ax = plot_confusion_matrix(y_true, y_pred, ["benign", "malignant"]).axes[0]
    rgba = ax.images[0].get_array()
    correct, error = np.asarray(rgba[0, 0][:3]), np.asarray(rgba[0, 1][:3])
    assert correct[2] > correct[0]  # blue
    assert error[0] > error[2]  # orange
    assert [t.get_text() for t in ax.texts] == ["60", "6", "0", "30"]


def test_receptive_field_legend_names_each_square():
    from dlcourse.plotting import plot_receptive_field

    assert plot_receptive_field(3, 3).get_legend() is None  # off by default
    ax = plot_receptive_field(3, 3, legend=True)
    names = [t.get_text() for t in ax.get_legend().get_texts()]
    assert names == ["one output pixel", "after 1 layer: 3 × 3",
                     "after 2 layers: 5 × 5", "after 3 layers: 7 × 7"]
    # each entry has its square's colour
    handles = ax.get_legend().legend_handles
    squares = {p.get_label(): p.get_edgecolor() for p in ax.patches
               if not p.get_label().startswith("_")}
    assert [h.get_edgecolor() for h in handles[1:]] == [squares[n] for n in names[1:]]
    with pytest.raises(TypeError, match="legend must be True or False"):
        plot_receptive_field(3, 2, legend="yes")
