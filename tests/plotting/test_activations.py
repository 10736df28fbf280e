"""dlcourse.plotting: activation and gradient-norm figures."""

import matplotlib
import pytest

from dlcourse.plotting import plot_activations, plot_gradient_norms

matplotlib.use("Agg")


def test_activations_figure_has_a_panel_per_function_with_its_derivative():
    fig = plot_activations()
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu"]
    assert all(len(ax.get_lines()) == 3 for ax in visible)  # zero line, function, derivative


def test_gradient_norms_on_a_log_axis():
    ax = plot_gradient_norms({"a": {"l1": 1e-6, "l2": 1.0}, "b": [0.5, 0.5]})
    assert ax.get_yscale() == "log" and len(ax.get_lines()) == 2


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match=r"names must hold names from .*got 'softmax'"):
        plot_activations(["softmax"])
    with pytest.raises(TypeError, match="names must be a non-empty list"):
        plot_activations("relu")
    with pytest.raises(ValueError, match="norms\\['a'\\] must be positive"):
        plot_gradient_norms({"a": [0.0, 1.0]})
    with pytest.raises(TypeError, match="norms must be a non-empty dict"):
        plot_gradient_norms([1.0])
