"""The convolution widget's digits (book/_ext/widgets/conv.json) are the package's data.

The widget (chapter 4) shows a few of scikit-learn's 8x8 digits; its JSON
is written by ``book/_ext/book_widgets.py`` (run it to regenerate). Here:
the file is what that script writes now, and every digit it holds, scaled
by its ``scale``, is a row of ``dlcourse.data.load_digits`` with its label.
"""

import importlib.util
import json

import numpy as np
from conftest import ROOT

from dlcourse.data import load_digits

EXT = ROOT / "book" / "_ext" / "book_widgets.py"
DATA = ROOT / "book" / "_ext" / "widgets" / "conv.json"


def _extension():
    spec = importlib.util.spec_from_file_location("book_widgets", EXT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_conv_widget_data_is_up_to_date(tmp_path):
    fresh = _extension().write_digits(tmp_path / "conv.json")
    assert json.loads(DATA.read_text(encoding="utf-8")) == json.loads(fresh.read_text(encoding="utf-8")), (
        "book/_ext/widgets/conv.json is stale: run `python book/_ext/book_widgets.py`")


def test_conv_widget_digits_are_rows_of_load_digits():
    payload = json.loads(DATA.read_text(encoding="utf-8"))
    data = load_digits()
    x = np.concatenate([data.x_train, data.x_test])
    y = np.concatenate([data.y_train, data.y_test])
    assert len(payload["digits"]) >= 3
    for digit in payload["digits"]:
        image = np.array(digit["pixels"], dtype=float) / payload["scale"]
        assert image.shape == (8, 8)
        matches = np.flatnonzero(np.abs(x - image.reshape(64)).max(axis=1) < 1e-12)
        assert len(matches) and (y[matches] == digit["label"]).all(), digit["index"]
