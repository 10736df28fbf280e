"""fit(checkpoint_dir=...) deletes only what it wrote, and resumes only its own run."""

import json
from pathlib import Path

import keras
import numpy as np
import pytest

from dlcourse.models import build_mlp
from dlcourse.training import fit, set_seed

STATE = "dlcourse-fit-state"


@pytest.fixture
def data():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 2)).astype(np.float32)
    return x, (x[:, 0] > 0).astype(np.float32)


class Interrupt(Exception):
    """Stands for a crash or a kill."""


class InterruptAt(keras.callbacks.Callback):
    """Interrupt training as epoch ``epoch`` (0-based) begins: the epochs before it are saved."""

    def __init__(self, epoch):
        super().__init__()
        self.epoch = epoch

    def on_epoch_begin(self, epoch, logs=None):
        if epoch == self.epoch:
            raise Interrupt


def model_of(hidden=(8,)):
    set_seed(0)
    return build_mlp(2, hidden_units=hidden)


def interrupted_run(data, folder, epochs=5, after=4):
    with pytest.raises(Interrupt):
        fit(model_of(), *data, epochs=epochs, checkpoint_dir=folder, callbacks=[InterruptAt(after)])
    [metadata] = Path(folder).rglob("training_metadata.json")
    assert json.loads(metadata.read_text())["epoch"] == after


def test_the_users_folder_and_files_survive(data, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("my notes")
    history = fit(model_of(), *data, epochs=2, checkpoint_dir=mine)
    assert len(history.history["loss"]) == 2
    assert (mine / "notes.txt").read_text() == "my notes"
    assert sorted(p.name for p in mine.iterdir()) == ["notes.txt"]   # fit's state removed


def test_the_working_folder_survives(data, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("notes.txt").write_text("my notes")
    fit(model_of(), *data, epochs=2, checkpoint_dir=".")
    assert tmp_path.is_dir() and Path("notes.txt").read_text() == "my notes"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_missing_folder_is_created_and_kept(data, tmp_path):
    fit(model_of(), *data, epochs=1, checkpoint_dir=tmp_path / "new" / "run")
    assert (tmp_path / "new" / "run").is_dir() and not (tmp_path / "new" / "run" / STATE).exists()


def test_a_state_folder_fit_did_not_make_is_refused_and_kept(data, tmp_path):
    (tmp_path / STATE).mkdir()
    (tmp_path / STATE / "mine.txt").write_text("mine")
    with pytest.raises(ValueError, match="exists but was not made by fit"):
        fit(model_of(), *data, epochs=1, checkpoint_dir=tmp_path)
    assert (tmp_path / STATE / "mine.txt").read_text() == "mine"


def test_a_file_the_user_put_in_the_state_folder_survives(data, tmp_path):
    interrupted_run(data, tmp_path)
    (tmp_path / STATE / "mine.txt").write_text("mine")
    fit(model_of(), *data, epochs=5, checkpoint_dir=tmp_path)
    assert [p.name for p in (tmp_path / STATE).iterdir()] == ["mine.txt"]


def test_an_interrupted_run_resumes_only_its_own_state(data, tmp_path):
    interrupted_run(data, tmp_path)
    # Other epochs: refused, not "resumed" into an empty History and the old weights.
    with pytest.raises(ValueError, match="epochs 5 there, 3 here"):
        fit(model_of(), *data, epochs=3, checkpoint_dir=tmp_path)
    # Another architecture, and other epochs.
    with pytest.raises(ValueError, match=r"holds the saved state of another run \(.*epochs 5 there, "
                                         r"3 here.*\).*another checkpoint_dir, or delete the folder "
                                         + f"'{tmp_path / STATE}'"):
        fit(model_of((4, 4)), *data, epochs=3, checkpoint_dir=tmp_path)
    with pytest.raises(ValueError, match=r"layers .* there, .* here"):
        fit(model_of((4, 4)), *data, epochs=5, checkpoint_dir=tmp_path)
    with pytest.raises(ValueError, match="batch_size 32 there, 16 here"):
        fit(model_of(), *data, epochs=5, batch_size=16, checkpoint_dir=tmp_path)
    with pytest.raises(ValueError, match="rows 64 there, 40 here"):
        fit(model_of(), data[0][:40], data[1][:40], epochs=5, checkpoint_dir=tmp_path)
    # The same model and settings (the layers' names differ: built again) resume it.
    history = fit(model_of(), *data, epochs=5, checkpoint_dir=tmp_path)
    assert history.epoch == [4]
    assert list(tmp_path.iterdir()) == []


def test_resumed_equals_uninterrupted_in_process(data, tmp_path):
    interrupted_run(data, tmp_path / "a", after=2)
    resumed = model_of()
    fit(resumed, *data, epochs=5, checkpoint_dir=tmp_path / "a")
    whole = model_of()
    fit(whole, *data, epochs=5, checkpoint_dir=tmp_path / "b")
    for a, b in zip(resumed.get_weights(), whole.get_weights()):
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-6)


def test_the_state_is_removed_after_a_diverging_run(tmp_path):
    set_seed(0)
    x = np.random.default_rng(0).normal(size=(64, 3)) * 1e3
    y = x @ np.array([1.0, -2.0, 0.5])
    model = build_mlp(3, (8,), output_activation=None, compiled=False)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=1.0), loss="mse")
    with pytest.raises(FloatingPointError):
        fit(model, x, y, epochs=50, checkpoint_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []
