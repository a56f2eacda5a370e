"""Practice mode end to end: a real window under Xvfb, driven start to export.

The test starts its own X server (Xvfb on a free display), runs the practice
harness (``python -m app.practice --self-test``) in a real xcb window, which
picks a pupil with the arrow keys and Enter, applies a preset and three
fixes with mouse clicks, flips the simulation with F8, types the
reflections, saves and exports; then the test reads the exported record, as
a Word document (python-docx) and through ``pdftotext``, and the saved JSON
record.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest

from app.practice.harness import SELF_TEST_SCENARIO
from lessons.reflection import PracticeSession
from lessons.scenarios import get_scenario
from tests.fixtures.child_report import last_json

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _free_display() -> int:
    number = 140
    while Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
        number += 1
    return number


@pytest.fixture
def xvfb():
    """A private X server, 1600x1000; yields its DISPLAY and stops it by its PID."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    for _attempt in range(5):
        number = _free_display()
        server = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 10
        while server.poll() is None and not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        if server.poll() is None and socket.exists():
            break
        server.kill()  # another server took the number first: try the next one
        server.wait()
    else:
        pytest.fail("Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_a_scenario_from_start_to_export_in_a_real_window(xvfb, tmp_path) -> None:
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb",
               LESSON_LAB_DATA=str(tmp_path / "data"))
    out = tmp_path / "exports"
    run = subprocess.run([sys.executable, "-m", "app.practice", "--self-test", str(out)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    outcome = last_json(run)
    assert run.returncode == 0, outcome.get("error", run.stderr)

    scenario = get_scenario(SELF_TEST_SCENARIO)
    before, after = outcome["scores_before"], outcome["scores_after"]
    assert after["dyslexia"] > before["dyslexia"]
    assert outcome["flipped_label"].startswith("Unadapted lesson")

    # The saved record: in the data folder the test gave, nowhere else.
    record = Path(outcome["record"])
    assert record.parent == tmp_path / "data" / "reflections"
    session = PracticeSession.from_dict(json.loads(record.read_text(encoding="utf-8")))
    assert session.scores_before["dyslexia"] < session.scores_after["dyslexia"]
    answers = [r.answer for r in session.reflections]
    assert len(answers) == len(scenario.reflection_prompts)
    assert all(answer.startswith(f"Answer {n}:") for n, answer in enumerate(answers, 1))

    # The exports hold the scores and the reflections.
    document = docx.Document(outcome["word"])
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert ["Dyslexia", str(before["dyslexia"]), str(after["dyslexia"]),
            f"+{after['dyslexia'] - before['dyslexia']}"] in [row[:4] for row in rows]
    texts = [(p.style.name, p.text) for p in document.paragraphs]
    for number, (question, answer) in enumerate(
            zip(scenario.reflection_prompts, answers, strict=True), start=1):
        heading = texts.index(("Heading 3", f"{number}. {question}"))
        assert texts[heading + 1] == ("Normal", answer)
    pdf = subprocess.run(["pdftotext", "-layout", outcome["pdf"], "-"], capture_output=True,
                         text=True, check=True).stdout
    flat = " ".join(pdf.split())
    assert "Scores before and after" in flat
    assert f"Dyslexia {before['dyslexia']} {after['dyslexia']}" in flat
    for answer in answers:
        assert answer in flat
