"""``lesson-lab lessons export --docx`` and ``--out-dir … --format docx``: Word documents."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import docx
import pytest

from app.cli import main

LIBRARY = Path(__file__).resolve().parents[2] / "lessons" / "library"
WATER = LIBRARY / "ks2-year4-geography-water-cycle.md"
FIRE = LIBRARY / "ks1-year2-history-great-fire-of-london.md"


def test_one_lesson_to_a_named_word_document(qapp, tmp_path, capsys):
    target = tmp_path / "water.docx"
    assert main(["lessons", "export", str(WATER), "--preset", "Dyslexia",
                 "--docx", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"Wrote {target} (Dyslexia, Comic Neue)." in out
    assert "Word shows Comic Neue only on a computer where it is installed" in out
    document = docx.Document(str(target))
    assert document.paragraphs[0].text == "The water cycle"
    assert document.styles["Normal"].font.name == "Comic Neue"
    assert len(document.inline_shapes) == 1


def test_a_folder_of_lessons_as_word_documents(qapp, tmp_path, capsys):
    out = tmp_path / "word"
    assert main(["lessons", "export", str(WATER), str(FIRE), "--preset",
                 "high contrast yellow on black", "--out-dir", str(out),
                 "--format", "docx"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [FIRE.stem + ".docx", WATER.stem + ".docx"]
    printed = capsys.readouterr().out
    assert printed.count("does not print") == 1  # one note for the run, not one per lesson
    assert docx.Document(str(out / (FIRE.stem + ".docx"))).paragraphs[0].text == \
        "The Great Fire of London"


@pytest.mark.parametrize(("args", "message"), [
    ([str(WATER), "--preset", "Dyslexia", "--docx", "{tmp}/x.pdf"], "should end in .docx"),
    ([str(WATER), str(FIRE), "--preset", "Dyslexia", "--docx", "{tmp}/x.docx"], "--out-dir"),
    ([str(WATER), "--preset", "Dyslexia", "--docx", "{tmp}/no/x.docx"], "does not exist"),
    ([str(WATER), "--preset", "Dyslexia", "--pdf", "{tmp}/x.pdf", "--format", "docx"],
     "use --docx instead"),
    ([str(WATER), "--preset", "Purple", "--docx", "{tmp}/x.docx"], "no preset or saved profile"),
])
def test_bad_input_exits_non_zero_with_one_clear_line(tmp_path, capsys, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert main(["lessons", "export", *args]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".docx", ".pdf")]


def test_a_folder_where_the_file_should_go_is_said_plainly(qapp, tmp_path, capsys):
    out = tmp_path / "word"
    (out / f"{WATER.stem}.docx").mkdir(parents=True)  # a real failure: a folder by that name
    assert main(["lessons", "export", str(WATER), "--preset", "Dyslexia", "--out-dir",
                 str(out), "--format", "docx"]) == 1
    err = capsys.readouterr().err
    assert err == (f"lesson-lab: '{out / WATER.stem}.docx' could not be saved: there is a "
                   "folder with that name. Choose another name.\n")


def test_a_document_open_in_word_says_to_close_it(qapp, tmp_path, capsys, monkeypatch):
    # Windows refuses to replace a file Word has open: PermissionError, errno 13.
    def refused(path, _data):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr("lessons.word_document.write_bytes_atomically", refused)
    target = tmp_path / "water.docx"
    assert main(["lessons", "export", str(WATER), "--preset", "Dyslexia",
                 "--docx", str(target)]) == 1
    err = capsys.readouterr().err
    assert err == (f"lesson-lab: '{target}' could not be saved: permission was refused. If "
                   "it is open in Word or another program, close it there and try again, "
                   "or save it in another folder.\n")
