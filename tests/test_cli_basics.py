"""The command line itself: help works and unknown commands fail cleanly."""

import subprocess
import sys


def test_help_lists_the_program():
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "lesson-lab" in result.stdout


def test_unknown_command_exits_non_zero_without_traceback():
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "no-such-command"], capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
