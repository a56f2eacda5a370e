"""``lesson-lab bench simulate``: the report's shape, on a small view (never judged on time)."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from widgets.simulation.filters import ORDER


def test_bench_simulate_prints_a_frame_time_for_every_simulation(qapp, capsys):
    assert main(["bench", "simulate", "--width", "320", "--height", "200",
                 "--frames", "2"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["benchmark"] == "simulate"
    assert report["size"] == [320, 200]
    assert report["lesson"].endswith(".md")
    for key in ("frame_ms_200p", "filter_ms_200p"):
        assert list(report[key]) == list(ORDER), key
        assert all(ms > 0 for ms in report[key].values()), key
    assert report["render_ms_200p"] > 0
    assert report["all_on"]["frame_ms"] > 0 and report["all_on"]["filter_ms"] > 0
    assert report["target_ms"] == 40.0
    assert set(report["over_target"]) <= set(ORDER)
    assert report["machine"]["qt_platform"] == "offscreen"


@pytest.mark.parametrize(("argv", "message"), [
    (["--frames", "0"], "--frames must be"),
    (["--width", "10"], "--width and --height must be"),
    (["--strength", "0"], "--strength must be between 0.05 and 1"),
])
def test_bad_arguments_fail_plainly(capsys, argv, message):
    assert main(["bench", "simulate", *argv]) == 1
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error
