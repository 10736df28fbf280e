"""Saving a trained model and loading it back (the ``.keras`` format)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from dlcourse._checks import check_keras_model, check_path
from dlcourse._keras import keras

__all__ = ["load_model", "save_model"]


def save_model(model: keras.Model, path: str | Path) -> Path:
    """Save ``model`` (architecture, weights, optimizer state) to a ``.keras`` file.

    Parameters
    ----------
    model : keras.Model
        The model to save.
    path : str or Path
        The file to write; it must end in ``.keras``.

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from dlcourse.models import build_mlp
    >>> from dlcourse.training import load_model, save_model
    >>> file = save_model(build_mlp(4), pathlib.Path(tempfile.mkdtemp()) / "m.keras")
    >>> load_model(file).count_params()
    2433
    """
    check_keras_model("model", model)
    path = check_path("path", path)
    if path.suffix != ".keras":
        raise ValueError(f"path must end in .keras (Keras 3's model format), got {str(path)!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    model.save(path)
    return path


def load_model(path: str | Path, custom_objects: dict[str, Any] | None = None) -> keras.Model:
    """Load a model saved with :func:`save_model` (or ``model.save``).

    The package's own custom models are registered with Keras, so they load
    without ``custom_objects``.

    Parameters
    ----------
    path : str or Path
        A ``.keras`` file.
    custom_objects : dict, optional
        Classes or functions of your own that the model uses, by name.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from dlcourse.models import build_mlp
    >>> from dlcourse.training import load_model, save_model
    >>> file = save_model(build_mlp(2, (3,)), pathlib.Path(tempfile.mkdtemp()) / "m.keras")
    >>> load_model(file).layers[-1].name
    'output'
    """
    path = check_path("path", path)
    if custom_objects is not None and not isinstance(custom_objects, dict):
        raise TypeError(f"custom_objects must be a dict or None, got {type(custom_objects).__name__}")
    if not path.is_file():
        raise ValueError(f"path {str(path)!r} is not a file")
    if path.suffix != ".keras" or not zipfile.is_zipfile(path):
        raise ValueError(
            f"path {str(path)!r} is not a saved Keras model: expected a .keras file written "
            "by save_model or model.save"
        )
    try:
        return keras.saving.load_model(path, custom_objects=custom_objects)
    except (ValueError, KeyError, OSError, TypeError) as error:
        raise ValueError(f"path {str(path)!r} could not be loaded as a Keras model: {error}") from None
