"""The data ``fit`` accepts, checked without copying large arrays.

Arrays (one per model input) with their targets and optional sample
weights, or a ``tf.data.Dataset`` / ``keras.utils.PyDataset`` that yields
its own batches. Arrays are checked as ``dlcourse._checks.check_array``
does, with its messages, but a NumPy array of numbers is returned as it is,
never converted to float64 (a copy twice its size for float32 inputs).
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np

from dlcourse._checks import check_array, check_model_input, check_rows_fit, check_same_length
from dlcourse._keras import keras, tf
from dlcourse.training._targets import check_targets

__all__ = ["Data", "builtin_loss", "check_class_weight", "check_data", "check_numbers",
           "is_stream", "stream_kind"]

_CHUNK_BYTES = 16 * 2**20  # rows checked for NaN at a time: a bounded temporary


@dataclass
class Data:
    """What ``fit`` trains or validates on.

    ``x`` is an array, a tuple or dict of arrays (one per model input), or a
    dataset yielding its own batches; then ``y`` and ``sample_weight`` are None.
    """

    x: Any
    y: np.ndarray | None = None
    sample_weight: np.ndarray | None = None

    @property
    def is_stream(self) -> bool:
        return self.y is None

    @property
    def inputs(self) -> list[np.ndarray]:
        """The input arrays, in a list (none for a dataset)."""
        return [] if self.is_stream else tf.nest.flatten(self.x)

    @property
    def arrays(self) -> tuple[Any, ...]:
        """``(x, y)`` or ``(x, y, sample_weight)``, as ``model.fit`` takes them."""
        if self.sample_weight is None:
            return (self.x, self.y)
        return (self.x, self.y, self.sample_weight)

    def __len__(self) -> int:
        return len(self.y)


def is_stream(value: Any) -> bool:
    """Whether ``value`` is a ``tf.data.Dataset`` or a ``keras.utils.PyDataset``."""
    return isinstance(value, (tf.data.Dataset, keras.utils.PyDataset))


def stream_kind(value: Any) -> str:
    """``"tf.data.Dataset"`` or ``"keras.utils.PyDataset"``, for messages."""
    return "tf.data.Dataset" if isinstance(value, tf.data.Dataset) else "keras.utils.PyDataset"


def builtin_loss(model: keras.Model) -> bool:
    """Whether the model's loss is one of Keras' (a name, a Keras function or class).

    A loss of one's own may take any targets, so ``fit`` checks them only
    for Keras' losses.
    """
    loss = getattr(model, "loss", None)
    if isinstance(loss, str):
        return True
    owner = loss if callable(loss) and not isinstance(loss, keras.losses.Loss) else type(loss)
    return getattr(owner, "__module__", "").split(".")[0] == "keras"


def check_numbers(name: str, value: Any, *, ndim: tuple[int, ...]) -> np.ndarray:
    """``check_array(name, value, ndim=ndim)``, but a NumPy array of numbers comes back uncopied."""
    if not (isinstance(value, np.ndarray) and value.dtype.kind in "biuf" and value.ndim > 0):
        return check_array(name, value, ndim=ndim)
    if value.ndim not in ndim:  # check_array's message
        wanted = " or ".join(f"{d}-D" for d in ndim)
        raise ValueError(f"{name} must be a {wanted} array, got shape {value.shape}")
    check_array(name, value[:1], ndim=ndim)  # the emptiness check, on one row
    if value.dtype.kind == "f":
        step = max(1, _CHUNK_BYTES // max(1, value[:1].nbytes))
        for start in range(0, len(value), step):
            if not np.isfinite(value[start:start + step]).all():
                check_array(name, value[start:start + step])  # raises, with its message
    return value


def check_data(model: keras.Model, x: Any, y: Any, sample_weight: Any, *,
               names: tuple[str, str, str] = ("x", "y", "sample_weight"),
               like: Data | None = None) -> Data:
    """Check inputs, targets and weights against each other and the model.

    ``like``: the training data, whose input ranks validation inputs must share.
    """
    if is_stream(x):
        for name, value in zip(names[1:], (y, sample_weight)):
            if value is not None:
                raise ValueError(
                    f"{name} must be None when {names[0]} is a {stream_kind(x)}: "
                    "the dataset yields the targets (and weights) with the inputs"
                )
        return Data(x)
    x = _check_inputs(names[0], x, model, like)
    y = check_numbers(names[1], y, ndim=(1, 2))
    check_same_length(names[0], tf.nest.flatten(x)[0], names[1], y)
    if builtin_loss(model):
        y = check_targets(names[1], y, model)
    if sample_weight is not None:
        sample_weight = check_numbers(names[2], sample_weight, ndim=(1,))
        check_same_length(names[1], y, names[2], sample_weight)
        if sample_weight.min() < 0:
            raise ValueError(f"{names[2]} must hold weights >= 0, got {sample_weight.min():g}")
    return Data(x, y, sample_weight)


def _n_inputs(model: keras.Model) -> int:
    try:
        return len(model.inputs)
    except (AttributeError, ValueError, TypeError):
        return 1


def _check_inputs(name: str, x: Any, model: keras.Model, like: Data | None) -> Any:
    """One array, or for a model with several inputs a list, tuple or dict of them."""
    n_inputs = _n_inputs(model)
    if n_inputs == 1 or not isinstance(x, (list, tuple, dict)):
        ndim = (2, 3, 4, 5) if like is None or like.is_stream else (like.inputs[0].ndim,)
        x = check_numbers(name, x, ndim=ndim)
        check_model_input(name, model, x)
        return x
    if len(x) != n_inputs:
        raise ValueError(f"{name} holds {len(x)} arrays, but the model has {n_inputs} inputs")
    keys = list(x) if isinstance(x, dict) else range(len(x))
    checked = {key: check_numbers(f"{name}[{key!r}]", x[key], ndim=(1, 2, 3, 4, 5))
               for key in keys}
    first = f"{name}[{keys[0]!r}]"
    for key in keys:
        check_same_length(first, checked[keys[0]], f"{name}[{key!r}]", checked[key])
    if isinstance(x, dict):
        return checked  # Keras matches the names with the model's inputs
    for key, tensor in zip(keys, model.inputs):
        shape = tuple(tensor.shape)
        if len(shape) == checked[key].ndim:  # other ranks: Keras adds an axis of 1, or refuses
            check_rows_fit(f"{name}[{key}]", shape, checked[key])
    return tuple(checked[key] for key in keys)


def check_class_weight(class_weight: Any) -> dict[int, float] | None:
    """None, or a dict mapping class labels (ints >= 0) to weights >= 0."""
    if class_weight is None:
        return None
    if not isinstance(class_weight, dict):
        raise TypeError(
            "class_weight must be a dict {class label: weight}, "
            f"got {type(class_weight).__name__}"
        )
    for label, weight in class_weight.items():
        if (isinstance(label, bool) or not isinstance(label, numbers.Integral) or label < 0
                or isinstance(weight, bool) or not isinstance(weight, numbers.Real)
                or not np.isfinite(weight) or weight < 0):
            raise ValueError(
                "class_weight must map class labels (integers >= 0) to weights (numbers >= 0), "
                f"got {label!r}: {weight!r}"
            )
    return {int(label): float(weight) for label, weight in class_weight.items()}
