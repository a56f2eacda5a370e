"""``lesson-lab bench busy`` and the OpenMP wait policy the engines load with
(speech/stt/openmp.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.cli import lesson_lab

ROOT = Path(__file__).resolve().parents[2]
POLICY = "import os, speech.stt; print(os.environ['OMP_WAIT_POLICY'])"


def _policy_after_importing_speech(**env) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    finished = subprocess.run([sys.executable, "-c", POLICY], cwd=ROOT, capture_output=True,
                              text=True, env={**environment, **env}, timeout=60, check=True)
    return finished.stdout.strip()


def test_the_engines_load_with_threads_that_wait_asleep():
    assert _policy_after_importing_speech() == "PASSIVE"


def test_a_policy_set_by_whoever_started_the_app_is_kept():
    assert _policy_after_importing_speech(OMP_WAIT_POLICY="ACTIVE") == "ACTIVE"


@pytest.mark.slow
def test_bench_busy_reports_both_policies_from_real_reads():
    result = lesson_lab("bench", "busy", "--rounds", "1", "--competitors", "0",
                        "--sentences", "1", timeout=900)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["competitors"], report["rounds"], report["sentences"]) == (0, 1, 1)
    passive, spinning = report["passive"], report["spinning"]
    assert [r["wait_policy"] for r in passive["runs"]] == ["PASSIVE"]
    assert [r["wait_policy"] for r in spinning["runs"]] == ["libgomp default"]
    for figures in (passive, spinning):
        assert figures["decode_s"] > 0 and figures["cpu_s"] > 0
        assert figures["decode_s"] == figures["runs"][0]["decode_s"]
    assert report["spinning_over_passive"] == pytest.approx(
        spinning["decode_s"] / passive["decode_s"], abs=0.01)


def test_bench_busy_refuses_a_bad_number_in_one_sentence():
    result = lesson_lab("bench", "busy", "--competitors", "9")
    assert result.returncode != 0
    assert result.stderr.strip().endswith("--competitors must be a whole number from 0 to 4.")
