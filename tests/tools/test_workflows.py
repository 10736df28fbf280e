"""The CI workflows as a supply chain: zizmor finds nothing, every action is pinned by SHA.

zizmor (the test extra) audits .github/workflows offline (--offline: no
GitHub API, no network); any finding fails the test with zizmor's report.
"""

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yaml"))


def _zizmor() -> str:
    # Beside this Python first (make test runs .venv/bin/python, and .venv/bin
    # need not be on PATH), else on PATH.
    for folder in (sysconfig.get_path("scripts"), str(Path(sys.executable).parent)):
        candidate = Path(folder) / ("zizmor.exe" if os.name == "nt" else "zizmor")
        if candidate.is_file():
            return str(candidate)
    found = shutil.which("zizmor")
    if found is None:
        pytest.skip("zizmor is not installed (it comes with the test extra: make setup)")
    return found


def _audit(path: Path) -> subprocess.CompletedProcess:
    # No token in the environment: with --offline zizmor never calls GitHub anyway.
    env = {k: v for k, v in os.environ.items() if k not in ("GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN")}
    env["NO_COLOR"] = "1"
    return subprocess.run([_zizmor(), "--offline", str(path)], capture_output=True, text=True,
                          env=env, timeout=120)


def test_zizmor_finds_nothing_in_the_workflows():
    assert FILES, "no workflow found"
    audit = _audit(WORKFLOWS)
    assert audit.returncode == 0, f"zizmor reports findings (exit {audit.returncode}):\n{audit.stdout}{audit.stderr}"


def test_zizmor_fails_a_workflow_with_findings(tmp_path):
    # The check above can fail: an unpinned, credential-keeping checkout is reported.
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - uses: actions/checkout@v4\n")
    audit = _audit(bad.parent)
    assert audit.returncode != 0 and "unpinned-uses" in audit.stdout + audit.stderr


USES = re.compile(r"^\s*(?:-\s*)?uses:\s*(\S+)(.*)$", re.M)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_sha_with_its_tag(path):
    # Without zizmor too: owner/repo@<40 hex digits>  # vX.Y.Z
    uses = USES.findall(path.read_text())
    assert uses, f"{path.name} uses no action"
    for ref, rest in uses:
        if ref.startswith("./"):
            continue  # an action of this repository
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), f"{path.name}: {ref} is not pinned by SHA"
        assert re.fullmatch(r"\s*#\s*v\d+(\.\d+)*\s*", rest), f"{path.name}: {ref} lacks its '# vX.Y.Z' comment"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_permissions_are_granted_per_job(path):
    text = path.read_text()
    assert re.search(r"^permissions:\s*\{\}\s*$", text, re.M), f"{path.name}: no workflow-level permissions: {{}}"
    assert "persist-credentials: false" in text or "actions/checkout" not in text
