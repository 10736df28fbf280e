"""dlcourse.environment: the install check for bug reports."""

import sys

import pytest

from dlcourse.tools.environment import Check, check_environment, check_requirement, main


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
    assert str(Check("x", "2.0", ">=2", True, "2.0")) == "[OK] x 2.0 (wanted >=2; lock 2.0)"


def test_bad_requirement_is_named():
    with pytest.raises(TypeError, match="requirement must be a string"):
        check_requirement(3)


def test_runs_as_a_module():
    import subprocess

    out = subprocess.run([sys.executable, "-m", "dlcourse.tools.environment"],
                         capture_output=True, text=True)
    assert out.returncode == 0 and "[OK] tensorflow" in out.stdout


def test_each_package_is_compared_with_the_lock(tmp_path):
    from dlcourse.tools.environment import read_lock

    lock = tmp_path / "constraints.txt"
    lock.write_text("# comment\nNumPy==0.1 ; python_version >= '3.0'\nfoo==1.0 ; python_version < '3.0'\n")
    pins = read_lock(lock)
    assert pins == {"numpy": "0.1"}  # markers that do not hold here are skipped
    differs = check_requirement("numpy>=1", pins)
    assert differs.ok and differs.status == "DIFF" and "; lock 0.1)" in str(differs)
    assert read_lock(tmp_path / "missing.txt") == {}


def test_this_environment_matches_the_lock():
    checks = check_environment()
    assert all(c.locked is not None for c in checks[1:]), "every dependency is locked"
    assert [str(c) for c in checks if c.status != "OK"] == []
