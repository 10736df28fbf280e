"""Figure sizes of the multi-panel plots: wrapped and scaled to the book's column."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def test_panel_grid_wraps_and_scales_to_the_column():
    from dlcourse.plotting._axes import COLUMN_INCHES, fit_column, panel_grid

    assert panel_grid(4, 3.2, 2.6) == (2, 2, (6.4, 5.2))  # two per row
    assert panel_grid(1, 3.2, 2.6) == (1, 1, (3.2, 2.6))  # never widened
    rows, cols, (w, h) = panel_grid(6, 2.3, 2.3, n_cols=6)  # asked for: scaled
    assert (rows, cols) == (1, 6) and w == COLUMN_INCHES and h < 2.3
    assert fit_column(9.6, 3.0) == (6.4, 2.0)


def test_panel_axes_keeps_only_the_panels_asked_for():
    from dlcourse.plotting._axes import panel_axes

    fig, axes = panel_axes(3, 3.2, 2.6, sharey=True)
    assert axes.shape == (2, 2)
    assert list(fig.axes) == list(axes.ravel()[:3])  # the fourth cell is gone
    assert tuple(fig.get_size_inches()) == (6.4, 5.2)
    plt.close(fig)


def test_multi_panel_plots_fit_the_column():
    from dlcourse.plotting import plot_history, plot_recordings
    from dlcourse.plotting._axes import COLUMN_INCHES

    history = {"loss": [1.0, 0.5], "val_loss": [1.1, 0.6],
               "accuracy": [0.5, 0.8], "val_accuracy": [0.4, 0.7]}
    x = np.random.default_rng(0).normal(size=(4, 20, 6))
    for fig in (plot_history(history),
                plot_recordings(x, [0, 1, 2, 3], list("abcd"), list("uvwxyz"))):
        assert fig.get_figwidth() <= COLUMN_INCHES + 1e-9, fig.get_size_inches()
        plt.close(fig)
