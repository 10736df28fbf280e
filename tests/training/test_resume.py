"""fit survives a kill (checkpoint_dir) and stops a diverging run with its cause."""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

EPOCHS = 8

# A training script run in a subprocess: it logs each epoch it runs, and
# writes its final weights. PAUSE slows the epochs so the test can kill it.
SCRIPT = """
import json, sys, time
from pathlib import Path
import numpy as np
from dlcourse.data import load_penguins
from dlcourse.models import build_mlp
from dlcourse.training import fit, set_seed
import keras

out, checkpoint, pause = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])

class Log(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        with open(out / "epochs.log", "a") as f:
            f.write(f"{epoch}\\n")
        time.sleep(pause)

set_seed(0)
data = load_penguins()
model = build_mlp(data.n_features, (16,), output_units=3, output_activation="softmax")
history = fit(model, data.x_train, data.y_train, epochs=%d, batch_size=16,
              checkpoint_dir=None if checkpoint == "-" else checkpoint, callbacks=[Log()])
np.savez(out / "weights.npz", *model.get_weights())
(out / "history.json").write_text(json.dumps(history.history["loss"]))
""" % EPOCHS


def _start(out: Path, checkpoint: str, pause: float) -> subprocess.Popen:
    out.mkdir(exist_ok=True)
    (out / "train.py").write_text(SCRIPT)
    return subprocess.Popen([sys.executable, str(out / "train.py"), str(out), checkpoint, str(pause)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _epochs(out: Path) -> list[int]:
    log = out / "epochs.log"
    return [int(line) for line in log.read_text().split()] if log.exists() else []


def _weights(out: Path) -> list[np.ndarray]:
    with np.load(out / "weights.npz") as saved:
        return [saved[k] for k in sorted(saved.files, key=lambda k: int(k.split("_")[1]))]


def _finish(process: subprocess.Popen) -> None:
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()[-2000:]


@pytest.mark.slow
def test_a_killed_run_resumes_where_it_stopped_and_ends_as_an_uninterrupted_one(tmp_path):
    checkpoint = str(tmp_path / "checkpoint")
    first = _start(tmp_path / "first", checkpoint, pause=0.5)
    deadline = time.monotonic() + 240
    while len(_epochs(tmp_path / "first")) < 3:
        assert first.poll() is None, first.stderr.read().decode()[-2000:]
        assert time.monotonic() < deadline, "the training subprocess made no progress"
        time.sleep(0.1)
    first.send_signal(signal.SIGKILL)
    first.wait()
    state = Path(checkpoint) / "dlcourse-fit-state"                 # fit's own subfolder
    saved = json.loads((state / "training_metadata.json").read_text())["epoch"]
    assert 2 <= saved < EPOCHS   # the epoch being logged when killed may not be saved

    second = _start(tmp_path / "second", checkpoint, pause=0.0)
    _finish(second)
    resumed = _epochs(tmp_path / "second")
    assert resumed == list(range(saved, EPOCHS)), resumed          # resumed from the saved epoch
    assert saved + len(json.loads((tmp_path / "second" / "history.json").read_text())) == EPOCHS
    assert not state.exists() and Path(checkpoint).is_dir()          # only fit's state removed

    whole = _start(tmp_path / "whole", str(tmp_path / "other"), pause=0.0)
    _finish(whole)
    for resumed_w, whole_w in zip(_weights(tmp_path / "second"), _weights(tmp_path / "whole")):
        np.testing.assert_allclose(resumed_w, whole_w, rtol=0, atol=1e-6)


def test_a_diverging_run_stops_at_once_and_names_the_cause():
    import keras

    from dlcourse.models import build_mlp
    from dlcourse.training import fit, set_seed

    set_seed(0)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 3)) * 1e3                       # unscaled
    y = x @ np.array([1.0, -2.0, 0.5])
    model = build_mlp(3, (8,), output_activation=None, compiled=False)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=1.0), loss="mse")
    with pytest.raises(FloatingPointError, match="learning rate too high.*unscaled inputs") as info:
        fit(model, x, y, epochs=50)
    assert len(info.value.history.history["loss"]) < 50         # stopped, not 50 NaN epochs


def test_checkpoint_dir_and_strategy_are_checked():
    import tensorflow as tf

    from dlcourse.data import load_penguins
    from dlcourse.models import build_mlp
    from dlcourse.training import fit

    data = load_penguins()
    model = build_mlp(data.n_features, output_units=3, output_activation="softmax")
    with pytest.raises(TypeError, match="checkpoint_dir"):
        fit(model, data.x_train, data.y_train, epochs=1, checkpoint_dir=3)
    with pytest.raises(TypeError, match="strategy"):
        fit(model, data.x_train, data.y_train, epochs=1, strategy="mirrored")
    with pytest.raises(ValueError, match="outside strategy.scope"):
        fit(model, data.x_train, data.y_train, epochs=1,
            strategy=tf.distribute.OneDeviceStrategy("/cpu:0"))


def test_a_model_built_in_the_strategy_scope_trains():
    import tensorflow as tf

    from dlcourse.data import load_penguins
    from dlcourse.models import build_mlp
    from dlcourse.training import fit

    data = load_penguins()
    strategy = tf.distribute.OneDeviceStrategy("/cpu:0")
    with strategy.scope():
        model = build_mlp(data.n_features, output_units=3, output_activation="softmax")
    history = fit(model, data.x_train, data.y_train, epochs=2, strategy=strategy)
    assert len(history.history["loss"]) == 2
