"""``lesson-lab bench busy`` and the OpenMP wait policy the engines load with
(speech/stt/openmp.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from speech.stt import openmp
from tests.fixtures.cli import lesson_lab

ROOT = Path(__file__).resolve().parents[2]
OPENMP = openmp.VARIABLES
SHOW = f"import json, os, speech.stt; print(json.dumps([os.environ.get(n) for n in {OPENMP}]))"


def _openmp_after_importing_speech(**env) -> list:
    environment = {k: v for k, v in os.environ.items() if k not in OPENMP}
    finished = subprocess.run([sys.executable, "-c", SHOW], cwd=ROOT, capture_output=True,
                              text=True, env={**environment, **env}, timeout=60, check=True)
    return json.loads(finished.stdout)


def test_the_engines_load_with_threads_that_spin_briefly_then_sleep():
    assert _openmp_after_importing_speech() == [None, "1000"]


def test_a_policy_or_spin_count_set_by_whoever_started_the_app_is_kept():
    assert _openmp_after_importing_speech(OMP_WAIT_POLICY="ACTIVE") == ["ACTIVE", None]
    assert _openmp_after_importing_speech(OMP_WAIT_POLICY="PASSIVE") == ["PASSIVE", None]
    assert _openmp_after_importing_speech(GOMP_SPINCOUNT="50") == [None, "50"]


@pytest.mark.slow
def test_bench_busy_reports_every_policy_from_real_reads():
    result = lesson_lab("bench", "busy", "--rounds", "1", "--competitors", "0",
                        "--sentences", "1", timeout=900)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["competitors"], report["rounds"], report["sentences"]) == (0, 1, 1)
    in_force = {policy: report[policy]["runs"][0]["in_force"]
                for policy in ("app", "passive", "spinning")}
    assert in_force == {
        "app": {"OMP_WAIT_POLICY": None, "GOMP_SPINCOUNT": "1000"},
        "passive": {"OMP_WAIT_POLICY": "PASSIVE", "GOMP_SPINCOUNT": None},
        "spinning": {"OMP_WAIT_POLICY": None, "GOMP_SPINCOUNT": "300000"},
    }
    for policy in in_force:
        figures = report[policy]
        assert figures["decode_s"] > 0 and figures["cpu_s"] > 0
        assert figures["decode_s"] == figures["runs"][0]["decode_s"]
        assert figures["over_app"] == pytest.approx(
            figures["decode_s"] / report["app"]["decode_s"], abs=0.01)


def test_bench_busy_refuses_a_bad_number_in_one_sentence():
    result = lesson_lab("bench", "busy", "--competitors", "9")
    assert result.returncode != 0
    assert result.stderr.strip().endswith("--competitors must be a whole number from 0 to 4.")
