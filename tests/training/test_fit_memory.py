"""fit and accuracy copy nothing Keras does not: their peak memory is that of plain Keras."""

import pytest

from dlcourse.tools.memory import peak_memory


@pytest.mark.slow
def test_fit_peaks_no_higher_than_model_fit_by_half():
    keras_before, keras_peak = peak_memory("keras-fit")
    fit_before, fit_peak = peak_memory("fit")
    assert fit_peak <= 1.5 * keras_peak, (fit_before, fit_peak, keras_before, keras_peak)
    # Without a copy of the 114 MiB training set (the old fit added 3 to 4 of them).
    assert fit_peak - fit_before < 120, (fit_before, fit_peak)


@pytest.mark.slow
def test_accuracy_peaks_no_higher_than_model_predict_by_half():
    keras_before, keras_peak = peak_memory("keras-predict")
    ours_before, ours_peak = peak_memory("accuracy")
    assert ours_peak <= 1.5 * keras_peak, (ours_before, ours_peak, keras_before, keras_peak)


def test_an_unknown_mode_is_named():
    with pytest.raises(ValueError, match="mode must be one of"):
        peak_memory("predict")
