"""Check that this Python environment can run the book, and reproduce its numbers.

Run ``python -m dlcourse.environment`` (or ``make check-env``): it prints
one line per requirement of dlcourse, which is the first thing to paste
into a bug report:

- ``[OK]``: installed, in the range ``pyproject.toml`` allows, and the very
  version the lock (``constraints.txt``) pins, so the book's numbers repeat;
- ``[DIFF]``: in range, so everything works, but not the locked version:
  quoted numbers may differ slightly (``make test`` installs the lock);
- ``[FAIL]``: missing or out of range. The exit code is 1 only then.
"""

from __future__ import annotations

import importlib.metadata
import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from dlcourse._checks import check_path

__all__ = [
    "Check",
    "check_environment",
    "check_requirement",
    "LOCK_FILE",
    "main",
    "MIN_PYTHON",
    "read_lock",
]

MIN_PYTHON = (3, 10)
#: The lock of a source checkout (absent when dlcourse is installed from a wheel).
LOCK_FILE = Path(__file__).resolve().parents[2] / "constraints.txt"


@dataclass(frozen=True)
class Check:
    """One line of the report: what was checked, what was found, and whether it will do.

    ``locked`` is the version the lock pins (None when there is no lock or
    it does not pin this package).
    """

    name: str
    found: str
    wanted: str
    ok: bool
    locked: str | None = None

    @property
    def status(self) -> str:
        """``OK``, ``DIFF`` (in range, not the locked version) or ``FAIL``."""
        if not self.ok:
            return "FAIL"
        return "DIFF" if self.locked is not None and self.locked != self.found else "OK"

    def __str__(self) -> str:
        """One line of the report: ``[OK] numpy 2.1.0 (wanted >=1.26; lock 2.1.0)``."""
        lock = "" if self.locked is None else f"; lock {self.locked}"
        return f"[{self.status}] {self.name} {self.found} (wanted {self.wanted}{lock})"


def read_lock(path: str | Path = LOCK_FILE) -> dict[str, str]:
    """Return ``{package: version}`` pinned by a lock file for this Python.

    Lines whose environment marker does not hold here (another Python,
    another platform) are skipped. A missing file gives ``{}``.

    Examples
    --------
    >>> "tensorflow" in read_lock()                 # doctest: +SKIP
    True
    """
    path = check_path("path", path)
    if not path.is_file():
        return {}
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement:
            continue
        if req.marker is not None and not req.marker.evaluate():
            continue
        versions = [spec.version for spec in req.specifier if spec.operator == "=="]
        if versions:
            pins[canonicalize_name(req.name)] = versions[0]
    return pins


def check_requirement(requirement: str, lock: dict[str, str] | None = None) -> Check:
    """Check one requirement string, such as ``"numpy>=1.26"``, against a lock.

    Examples
    --------
    >>> str(check_requirement("surely-not-installed-package>=1"))
    '[FAIL] surely-not-installed-package not installed (wanted >=1)'
    """
    if lock is not None and not isinstance(lock, dict):
        raise TypeError(f"lock must be a dict of package versions (see read_lock), got {lock!r}")
    if not isinstance(requirement, str):
        raise TypeError(f"requirement must be a string such as 'numpy>=1.26', got {requirement!r}")
    req = Requirement(requirement)
    wanted = str(req.specifier) or "any version"
    locked = (lock or {}).get(canonicalize_name(req.name))
    try:
        version = importlib.metadata.version(req.name)
    except importlib.metadata.PackageNotFoundError:
        return Check(req.name, "not installed", wanted, False, locked)
    in_range = req.specifier.contains(Version(version), prereleases=True)
    return Check(req.name, version, wanted, in_range, locked)


def check_environment(extras: tuple[str, ...] = ("book", "test", "data")) -> list[Check]:
    """Check Python and every requirement of dlcourse (with ``extras``).

    The default extras are the book's install (``make setup``); an extra
    that includes another (``notebook`` includes ``data``) checks both.

    Examples
    --------
    >>> checks = check_environment()
    >>> checks[0].name
    'python'
    """
    if isinstance(extras, str) or not isinstance(extras, (tuple, list)):
        raise TypeError(f"extras must be a tuple of extra names such as ('book', 'test'), got {extras!r}")
    python = ".".join(map(str, sys.version_info[:3]))
    checks = [Check("python", python, ">=" + ".".join(map(str, MIN_PYTHON)),
                    sys.version_info[:2] >= MIN_PYTHON)]
    lock = read_lock()
    requirements = [Requirement(line) for line in importlib.metadata.requires("dlcourse") or []]

    def wanted(req: Requirement) -> bool:
        return req.marker is None or any(req.marker.evaluate({"extra": e}) for e in extras)

    # Follow the extras that include others ("dlcourse[data]"), to a fixed point.
    extras = set(extras)
    while True:
        more = {e for req in requirements if canonicalize_name(req.name) == "dlcourse"
                and wanted(req) for e in req.extras} - extras
        if not more:
            break
        extras |= more
    seen = {"dlcourse"}
    for req in requirements:
        if not wanted(req):
            continue
        if req.name in seen:
            continue
        seen.add(req.name)
        checks.append(check_requirement(f"{req.name}{req.specifier}", lock))
    return checks


def main() -> int:
    """Print the report; return 1 if anything fails, else 0.

    Examples
    --------
    >>> main()                                      # doctest: +SKIP
    dlcourse 0.1.0 on Linux-...
    [OK] python 3.11.7 (wanted >=3.10)
    ...
    0
    """
    import dlcourse

    print(f"dlcourse {dlcourse.__version__} on {platform.platform()}")
    checks = check_environment()
    for check in checks:
        print(check)
    if not LOCK_FILE.is_file():
        print("(no constraints.txt beside the package: versions checked against ranges only)")
    elif any(c.status == "DIFF" for c in checks):
        print("[DIFF]: works, but not the locked version, so the book's numbers may differ "
              "slightly; `make test` installs the locked versions")
    print("(the book needs no GPU: every chapter runs on a CPU)")
    return 0 if all(c.ok for c in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
