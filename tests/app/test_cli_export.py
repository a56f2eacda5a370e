"""``lesson-lab lessons export``: clear-print PDFs from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

LIBRARY = Path(__file__).resolve().parents[2] / "lessons" / "library"
WATER = LIBRARY / "ks2-year4-geography-water-cycle.md"
FIRE = LIBRARY / "ks1-year2-history-great-fire-of-london.md"


def test_exports_several_lessons_without_a_display(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "print"
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "lessons", "export", str(WATER), str(FIRE),
         "--preset", "low vision large print", "--out-dir", str(out),
         "--print-colours", "black-on-cream"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    pdfs = sorted(p.name for p in out.glob("*.pdf"))
    assert pdfs == [FIRE.stem + ".pdf", WATER.stem + ".pdf"]
    assert "Wrote" in result.stdout and "Low vision — large print" in result.stdout
    text = subprocess.run(["pdftotext", str(out / pdfs[0]), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "The Great Fire of London" in text


def test_one_lesson_to_a_named_pdf(qapp, tmp_path, capsys):
    target = tmp_path / "water.pdf"
    assert main(["lessons", "export", str(WATER), "--preset", "Dyslexia",
                 "--pdf", str(target)]) == 0
    assert target.stat().st_size > 10_000
    assert str(target) in capsys.readouterr().out


@pytest.mark.parametrize(("args", "message"), [
    (["nowhere.md", "--preset", "Dyslexia", "--pdf", "{tmp}/x.pdf"], "cannot be found"),
    ([str(WATER), "--preset", "Purple", "--pdf", "{tmp}/x.pdf"], 'no preset or saved profile'),
    ([str(WATER), str(FIRE), "--preset", "Dyslexia", "--pdf", "{tmp}/x.pdf"], "--out-dir"),
    ([str(WATER), "--preset", "Dyslexia", "--pdf", "{tmp}/x.txt"], "should end in .pdf"),
    ([str(WATER), "--preset", "Dyslexia", "--pdf", "{tmp}/no/x.pdf"], "does not exist"),
])
def test_bad_input_exits_non_zero_with_one_clear_line(tmp_path, capsys, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert main(["lessons", "export", *args]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not list(tmp_path.rglob("*.pdf"))


def test_a_broken_lesson_stops_the_run_before_anything_is_written(tmp_path, capsys):
    broken = tmp_path / "broken.md"
    broken.write_text("no front matter here\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["lessons", "export", str(WATER), str(broken), "--preset", "Standard",
                 "--out-dir", str(out)]) == 1
    err = capsys.readouterr().err
    assert "broken.md:1:" in err and "Nothing was exported" in err
    assert not list(out.glob("*.pdf"))
