"""dlcourse.plotting.style: colours every reader can tell apart, figures drawn for the column.

Colour-vision deficiency is simulated with the matrices of Machado, Oliveira
& Fernandes (2009), "A physiologically-based model for simulation of color
vision deficiency", IEEE TVCG 15(6), severity 1.0, applied to linear RGB;
distances are CIE 1976 Delta E in CIELAB (D65).
"""

import itertools

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgb

from dlcourse.plotting import PALETTE, use_style

matplotlib.use("Agg")

MACHADO_2009 = {
    "normal": np.eye(3),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
}
SRGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375],
                        [0.2126729, 0.7151522, 0.0721750],
                        [0.0193339, 0.1191920, 0.9503041]])
D65 = np.array([0.95047, 1.0, 1.08883])
#: Colours a line plot may need: every pair of the first N must stay apart.
N_COLOURS = 6
#: Smallest Delta E (CIE76) between two colours of the palette, as seen.
MIN_DELTA_E = 15.0


def simulated_lab(colour, vision: str) -> np.ndarray:
    """CIELAB of an sRGB colour as seen with the given colour vision."""
    srgb = np.asarray(to_rgb(colour))
    linear = np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)
    linear = np.clip(MACHADO_2009[vision] @ linear, 0, 1)
    xyz = SRGB_TO_XYZ @ linear / D65
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def closest_pair(colours, vision: str) -> tuple[float, str, str]:
    return min((float(np.linalg.norm(simulated_lab(a, vision) - simulated_lab(b, vision))), a, b)
               for a, b in itertools.combinations(colours, 2))


@pytest.mark.parametrize("vision", list(MACHADO_2009))
def test_palette_colours_stay_apart(vision):
    use_style()
    cycle = plt.rcParams["axes.prop_cycle"].by_key()["color"][:N_COLOURS]
    assert len(cycle) == N_COLOURS
    distance, a, b = closest_pair(cycle, vision)
    assert distance >= MIN_DELTA_E, (
        f"{a} and {b} are only Delta E {distance:.1f} apart with {vision}")


def test_the_check_catches_the_old_clash():
    """Seaborn's 'colorblind' orange (#DE8F05) and vermilion (#D55E00) merge under deuteranopia."""
    distance, _, _ = closest_pair(["#DE8F05", "#D55E00"], "deuteranopia")
    assert distance < MIN_DELTA_E
    assert closest_pair(["#DE8F05", "#D55E00"], "normal")[0] > distance


def test_lines_differ_by_style_as_well_as_colour():
    use_style()
    cycle = list(plt.rcParams["axes.prop_cycle"])[:N_COLOURS]
    styles = [str(entry["linestyle"]) for entry in cycle]
    assert len(set(styles)) == len(styles), styles
    fig, ax = plt.subplots()
    lines = [ax.plot([0, 1], [k, k])[0] for k in range(3)]
    assert len({line.get_linestyle() for line in lines}) == 3
    assert [matplotlib.colors.to_hex(line.get_color()) for line in lines] == [
        c.lower() for c in PALETTE[:3]]
    plt.close(fig)


def test_default_figure_fits_the_column_with_readable_text():
    """At 100 dpi the default figure is at most the column's ~690 px, its smallest text >= 9 px."""
    use_style()
    width_px = plt.rcParams["figure.figsize"][0] * plt.rcParams["figure.dpi"]
    assert width_px <= 690
    smallest_pt = min(matplotlib.font_manager.FontProperties(size=plt.rcParams[key]).get_size_in_points()
                      for key in ("xtick.labelsize", "ytick.labelsize", "legend.fontsize",
                                  "axes.labelsize", "axes.titlesize"))
    shown_scale = min(1.0, 690 / width_px)
    assert smallest_pt * plt.rcParams["figure.dpi"] / 72 * shown_scale >= 9
