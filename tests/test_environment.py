"""dlcourse.environment: the install check for bug reports."""

import sys

import pytest

from dlcourse.environment import Check, check_environment, check_requirement, main


def test_this_environment_passes():
    checks = check_environment()
    names = [c.name for c in checks]
    assert names[0] == "python" and {"tensorflow", "keras", "pytest", "jupyter-book"} <= set(names)
    assert all(c.ok for c in checks), [str(c) for c in checks if not c.ok]


def test_missing_and_too_old_packages_fail():
    assert not check_requirement("surely-not-installed-package>=1").ok
    too_new = check_requirement("numpy>=999")
    assert not too_new.ok and str(too_new).startswith("[FAIL] numpy ")
    assert check_requirement("numpy").ok


def test_report_prints_one_line_per_check(capsys):
    assert main() == 0
    out = capsys.readouterr().out
    assert "[OK] python" in out and "[FAIL]" not in out


def test_check_reads_as_a_line():
    assert str(Check("x", "1.0", ">=2", False)) == "[FAIL] x 1.0 (wanted >=2)"


def test_bad_requirement_is_named():
    with pytest.raises(TypeError, match="requirement must be a string"):
        check_requirement(3)


def test_runs_as_a_module():
    import subprocess

    out = subprocess.run([sys.executable, "-m", "dlcourse.environment"],
                         capture_output=True, text=True)
    assert out.returncode == 0 and "[OK] tensorflow" in out.stdout
