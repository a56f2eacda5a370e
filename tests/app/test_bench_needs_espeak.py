"""Without espeak-ng, each benchmark that speaks its audio says so in one sentence.

Checked in this process (app/cli_bench.py) with ``shutil.which`` finding no espeak-ng, and each
benchmark's own work replaced by a failure, so nothing is measured (and no
speech engine loads) whatever the check does.
"""

from __future__ import annotations

import shutil

import pytest

from app.cli import main

FOUND = shutil.which
SENTENCE = "lesson-lab: The benchmark speaks its sentences with espeak-ng, which is not installed."


def _ran(*_args, **_kwargs):
    raise AssertionError("the benchmark ran without espeak-ng")


@pytest.mark.parametrize("benchmark, work", [("stt", "app.bench_stt"), ("ui", "app.bench_ui"),
                                             ("commands", "app.bench_commands"),
                                             ("busy", "app.bench_busy")])
def test_a_benchmark_that_speaks_refuses_in_one_sentence_without_espeak(
        benchmark, work, monkeypatch, capsys):
    monkeypatch.setattr(f"{work}.run", _ran)
    monkeypatch.setattr(shutil, "which",
                        lambda name, *a, **k: None if name == "espeak-ng" else FOUND(name, *a, **k))
    assert main(["bench", benchmark]) != 0
    assert capsys.readouterr().err.strip() == SENTENCE
