"""Training: seeds, ``fit``, saving and resuming, timing, and several devices or machines.

- :mod:`dlcourse.training.seeds`: :func:`set_seed`, so a run repeats
- :mod:`dlcourse.training.fitting`: :func:`fit`, ``model.fit`` with the inputs checked,
  a validation split, early stopping, resuming and a guard against divergence
- :mod:`dlcourse.training.saving`: :func:`save_model` and :func:`load_model`
- :mod:`dlcourse.training.timing`: :class:`EpochTimer`, seconds per epoch
- :mod:`dlcourse.training.pipeline`: the in-memory ``tf.data`` pipeline
- :mod:`dlcourse.training.distributed`: ``tf.distribute`` on several devices and machines

Importing it loads TensorFlow (quietly).
"""

from dlcourse.training.fitting import fit
from dlcourse.training.saving import load_model, save_model
from dlcourse.training.seeds import seed_offset, set_seed
from dlcourse.training.timing import EpochTimer

__all__ = ["EpochTimer", "fit", "load_model", "save_model", "seed_offset", "set_seed"]
