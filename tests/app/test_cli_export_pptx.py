"""``lesson-lab lessons export --pptx`` and ``--out-dir … --format pptx``: PowerPoint slides."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation

from app.cli import main

LIBRARY = Path(__file__).resolve().parents[2] / "lessons" / "library"
WATER = LIBRARY / "ks2-year4-geography-water-cycle.md"
FIRE = LIBRARY / "ks1-year2-history-great-fire-of-london.md"


def test_one_lesson_to_named_slides_as_a_real_process(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    target = tmp_path / "water.pptx"
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "lessons", "export", str(WATER),
         "--preset", "Dyslexia", "--pptx", str(target)],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    deck = Presentation(str(target))
    slides = len(deck.slides)
    assert f"Wrote {target} ({slides} slides, Dyslexia, Comic Neue)." in result.stdout
    assert "PowerPoint shows Comic Neue only on a computer where it is installed" in \
        result.stdout
    assert deck.slides[0].shapes.title.text_frame.text == "The water cycle"
    assert deck.slides[-1].shapes.title.text_frame.text.startswith("Key words")


def test_a_folder_of_lessons_as_slides(qapp, tmp_path, capsys):
    out = tmp_path / "slides"
    assert main(["lessons", "export", str(WATER), str(FIRE), "--preset", "Standard",
                 "--out-dir", str(out), "--format", "pptx"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [FIRE.stem + ".pptx", WATER.stem + ".pptx"]
    printed = capsys.readouterr().out
    assert printed.count("PowerPoint shows") == 1  # one note for the run, not one per lesson
    deck = Presentation(str(out / (FIRE.stem + ".pptx")))
    assert deck.slides[0].shapes.title.text_frame.text == "The Great Fire of London"


@pytest.mark.parametrize(("args", "message"), [
    ([str(WATER), "--preset", "Dyslexia", "--pptx", "{tmp}/x.pdf"], "should end in .pptx"),
    ([str(WATER), str(FIRE), "--preset", "Dyslexia", "--pptx", "{tmp}/x.pptx"], "--out-dir"),
    ([str(WATER), "--preset", "Dyslexia", "--pptx", "{tmp}/no/x.pptx"], "does not exist"),
    ([str(WATER), "--preset", "Dyslexia", "--docx", "{tmp}/x.docx", "--format", "pptx"],
     "use --pptx instead"),
    ([str(WATER), "--preset", "Purple", "--pptx", "{tmp}/x.pptx"], "no preset or saved profile"),
])
def test_bad_input_exits_non_zero_with_one_clear_line(tmp_path, capsys, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert main(["lessons", "export", *args]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".pptx", ".docx", ".pdf")]


def test_a_folder_where_the_file_should_go_is_said_plainly(qapp, tmp_path, capsys):
    out = tmp_path / "slides"
    (out / f"{WATER.stem}.pptx").mkdir(parents=True)
    assert main(["lessons", "export", str(WATER), "--preset", "Dyslexia", "--out-dir",
                 str(out), "--format", "pptx"]) == 1
    err = capsys.readouterr().err
    assert err == (f"lesson-lab: '{out / WATER.stem}.pptx' could not be saved: there is a "
                   "folder with that name. Choose another name.\n")
