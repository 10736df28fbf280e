"""Check that this Python environment can run the book.

Run ``python -m dlcourse.environment`` (or ``make check-env``): it prints
one ``[OK]`` or ``[FAIL]`` line per requirement of dlcourse, which is the
first thing to paste into a bug report.
"""

from __future__ import annotations

import importlib.metadata
import platform
import sys
from dataclasses import dataclass

from packaging.requirements import Requirement
from packaging.version import Version

MIN_PYTHON = (3, 10)


@dataclass(frozen=True)
class Check:
    """One line of the report: what was checked, what was found, and whether it will do."""

    name: str
    found: str
    wanted: str
    ok: bool

    def __str__(self) -> str:
        return f"[{'OK' if self.ok else 'FAIL'}] {self.name} {self.found} (wanted {self.wanted})"


def check_requirement(requirement: str) -> Check:
    """Check one requirement string, such as ``"numpy>=1.26"``.

    Examples
    --------
    >>> str(check_requirement("surely-not-installed-package>=1"))
    '[FAIL] surely-not-installed-package not installed (wanted >=1)'
    """
    if not isinstance(requirement, str):
        raise TypeError(f"requirement must be a string such as 'numpy>=1.26', got {requirement!r}")
    req = Requirement(requirement)
    wanted = str(req.specifier) or "any version"
    try:
        version = importlib.metadata.version(req.name)
    except importlib.metadata.PackageNotFoundError:
        return Check(req.name, "not installed", wanted, False)
    return Check(req.name, version, wanted, req.specifier.contains(Version(version), prereleases=True))


def check_environment(extras: tuple[str, ...] = ("book", "test")) -> list[Check]:
    """Check Python and every requirement of dlcourse (with ``extras``).

    Examples
    --------
    >>> checks = check_environment()
    >>> checks[0].name
    'python'
    """
    python = ".".join(map(str, sys.version_info[:3]))
    checks = [Check("python", python, ">=" + ".".join(map(str, MIN_PYTHON)),
                    sys.version_info[:2] >= MIN_PYTHON)]
    seen = set()
    for line in importlib.metadata.requires("dlcourse") or []:
        req = Requirement(line)
        if req.marker is not None and not any(req.marker.evaluate({"extra": e}) for e in extras):
            continue
        if req.name in seen:
            continue
        seen.add(req.name)
        checks.append(check_requirement(f"{req.name}{req.specifier}"))
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
    print("(the book needs no GPU: every chapter runs on a CPU)")
    return 0 if all(c.ok for c in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
