"""``scripts/run COMMAND …`` runs the command, as the README says, and installs nothing.

``scripts/run`` sourced ``scripts/setup`` without arguments, and bash then
gives a sourced script the caller's own: ``scripts/run --help`` asked pip to
install the extra "--help" (a long traceback), ``scripts/run transcribe F``
reinstalled Lesson Lab first (pip and the network, on a school computer
offline). A command after ``scripts/test`` must need nothing more.
"""

from __future__ import annotations

import hashlib
import subprocess
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STAMP = ROOT / ".venv" / ".lesson-lab-installed"


def _set_up_by_scripts_test() -> bool:
    """Whether .venv is as scripts/setup left it for the tests (else running
    scripts/run here could install packages, which no test may do)."""
    if not STAMP.is_file():
        return False
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return STAMP.read_text().split() == [digest, ".[test]"]


@pytest.mark.skipif(not _set_up_by_scripts_test(),
                    reason=".venv was not set up by scripts/test (scripts/setup test)")
@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_scripts_run_passes_its_arguments_to_lesson_lab(args):
    before = STAMP.read_text()
    finished = subprocess.run([str(ROOT / "scripts" / "run"), *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert "pip" not in finished.stdout + finished.stderr
    assert "Installing" not in finished.stdout
    if args == ["--version"]:
        assert finished.stdout.strip() == f"Lesson Lab {version('lesson-lab')}"
    else:
        assert finished.stdout.startswith("usage: lesson-lab")
    assert STAMP.read_text() == before  # nothing installed again
