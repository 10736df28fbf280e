"""Peak memory of ``fit`` and ``accuracy`` against plain Keras, each in a fresh process.

``make bench`` prints these figures and ``tests/training/test_fit_memory.py``
asserts them: the package must not copy what Keras does not (a practitioner's
arrays can be most of the machine's memory).
"""

from __future__ import annotations

import subprocess
import sys

__all__ = ["MODES", "peak_memory"]

# Peak resident memory (ru_maxrss, MiB) of one call in a fresh process: after
# TensorFlow started up and the model ran once, and at the end.
_SCRIPT = """
import resource, sys
import numpy as np
import keras
from dlcourse.evaluation import accuracy
from dlcourse.training import fit, set_seed

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

mode = sys.argv[1]
set_seed(0)
if mode.endswith("fit"):
    x = np.random.default_rng(0).standard_normal(size=(250_000, 120), dtype=np.float32)
    y = (x[:, 0] > 0).astype(np.float32)  # 114 MiB of inputs
    model = keras.Sequential([keras.Input(shape=(120,)),
                              keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    model.fit(x[:512], y[:512], epochs=1, batch_size=256, verbose=0)
else:
    x = np.random.default_rng(0).random(size=(3_000, 32, 32, 3), dtype=np.float32)
    y = np.zeros(len(x), dtype=np.int64)  # 35 MiB of images through a small CNN
    model = keras.Sequential([keras.Input(shape=(32, 32, 3)),
                              keras.layers.Conv2D(32, 3, activation="relu"),
                              keras.layers.GlobalAveragePooling2D(),
                              keras.layers.Dense(10, activation="softmax")])
    model.predict(x[:32], verbose=0)
before = peak()
if mode == "keras-fit":
    model.fit(x, y, epochs=1, batch_size=4096, verbose=0)
elif mode == "fit":
    fit(model, x, y, epochs=1, batch_size=4096)
elif mode == "keras-predict":
    model.predict(x, verbose=0).argmax(axis=1)
else:
    accuracy(model, x, y)
print(before, peak())
"""

#: What :func:`peak_memory` can measure: the package's call and plain Keras' for the same job.
MODES = ("keras-fit", "fit", "keras-predict", "accuracy")


def peak_memory(mode: str, timeout: float = 600) -> tuple[float, float]:
    """Peak memory in MiB, before and after one call of ``mode``, in a fresh process.

    Examples
    --------
    >>> before, after = peak_memory("accuracy")  # doctest: +SKIP
    >>> after - before < 100                     # doctest: +SKIP
    True
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    result = subprocess.run([sys.executable, "-c", _SCRIPT, mode], capture_output=True,
                            text=True, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"measuring {mode} failed:\n{result.stderr[-2000:]}")
    before, after = (float(v) for v in result.stdout.split()[-2:])
    return before, after
