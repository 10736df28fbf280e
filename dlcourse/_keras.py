"""Import Keras (TensorFlow backend) once, quietly.

Every dlcourse module that needs Keras or TensorFlow imports them from here
(``from dlcourse._keras import keras, tf``), so TensorFlow's C++ start-up
log is silenced at the source and the book shows no noise. What is hidden
is only that log: Python warnings raised during the import are shown once it
is done, and if the import fails, everything it printed is replayed before
the error propagates, so a broken install explains itself.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import warnings
from collections.abc import Iterator

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


@contextlib.contextmanager
def _stderr_fd_captured() -> Iterator[None]:
    """Send OS-level stderr (fd 2) to a temporary file; replay it if the block raises.

    TensorFlow's CUDA probe writes to fd 2 *before* its logging is set up,
    so TF_CPP_MIN_LOG_LEVEL cannot hide it on a machine without a GPU.
    """
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no real fd 2 (some embedded consoles)
        yield
        return
    with tempfile.TemporaryFile() as log:
        os.dup2(log.fileno(), 2)
        try:
            yield
        except BaseException:
            os.dup2(saved, 2)
            log.seek(0)
            os.write(2, log.read())
            raise
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def _import_quietly():  # noqa: ANN202
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        with _stderr_fd_captured():
            import keras
            import tensorflow as tf

            # The first device query probes for CUDA and logs an error when
            # no GPU driver is present: do it here, silenced, not in a cell.
            tf.config.list_physical_devices()
    for warning in caught:  # shown now, on the restored stderr
        warnings.warn_explicit(warning.message, warning.category, warning.filename,
                               warning.lineno, source=warning.source)
    return keras, tf


if "tensorflow" in sys.modules:
    import keras
    import tensorflow as tf
else:
    keras, tf = _import_quietly()

__all__ = ["keras", "tf"]
