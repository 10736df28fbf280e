"""Import Keras (TensorFlow backend) once, quietly.

Every dlcourse module that needs Keras imports it from here, so TensorFlow's
C++ start-up log is silenced at the source and the book shows no noise.
Python warnings and errors are untouched.
"""

from __future__ import annotations

import contextlib
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


@contextlib.contextmanager
def _stderr_fd_silenced():
    """Send OS-level stderr (fd 2) to /dev/null for the duration.

    TensorFlow's CUDA probe writes to fd 2 *before* its logging is set up,
    so TF_CPP_MIN_LOG_LEVEL cannot hide it on a machine without a GPU.
    Python-level exceptions still propagate normally.
    """
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no real fd 2 (some embedded consoles)
        yield
        return
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


if "tensorflow" in sys.modules:
    import keras
else:
    with _stderr_fd_silenced():
        import tensorflow as tf
        import keras

        # The first device query probes for CUDA and logs an error when no
        # GPU driver is present: do it here, silenced, not in a reader's cell.
        tf.config.list_physical_devices()

__all__ = ["keras"]
