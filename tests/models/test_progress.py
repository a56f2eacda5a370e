"""The rate meter behind ``Progress.rate``, on a clock the test moves by hand."""

from __future__ import annotations

import pytest

from models.progress import DOWNLOAD, RateMeter, Reporter


class HandClock:
    """A clock that only moves when the test says so."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_rate_is_bytes_over_seconds_since_the_first_report():
    clock = HandClock()
    meter = RateMeter(window_seconds=3.0, clock=clock)
    assert meter.add(0) == 0.0  # one report: nothing to measure yet
    clock.now += 0.5
    assert meter.add(50_000) == pytest.approx(100_000)
    clock.now += 1.5
    assert meter.add(250_000) == pytest.approx(125_000)


def test_the_rate_follows_recent_reports_not_the_whole_download():
    clock = HandClock()
    meter = RateMeter(window_seconds=3.0, clock=clock)
    done = 0
    for _second in range(10):  # 1 MB a second for ten seconds...
        meter.add(done)
        clock.now += 1.0
        done += 1_000_000
    meter.add(done)
    for _second in range(4):  # ...then the network slows to 100 kB a second
        clock.now += 1.0
        done += 100_000
        rate = meter.add(done)
    assert rate == pytest.approx(100_000)


def test_no_time_passing_gives_zero_not_a_division_by_zero():
    meter = RateMeter(clock=HandClock())
    meter.add(0)
    assert meter.add(10_000) == 0.0


def test_a_resumed_download_counts_only_the_bytes_fetched_now():
    clock = HandClock()
    reports = []
    reporter = Reporter(DOWNLOAD, 1_000_000, reports.append, None, start=600_000, clock=clock)
    for _ in range(4):
        clock.now += 0.25
        reporter.advance(25_000)
    assert [r.done for r in reports] == [625_000, 650_000, 675_000, 700_000]
    # 100 kB in one second: the 600 kB already on disk are not counted as speed.
    assert [r.rate for r in reports] == pytest.approx([100_000] * 4)
    assert reports[-1].fraction == pytest.approx(0.7)
