"""Stopping an import from another thread (the window closing): never half-way through a write."""

from __future__ import annotations

import threading

import pytest

from lessons.importers import ImportStop, ImportStopped, import_into_folder, import_lesson_file
from tests.fixtures.word_documents import word_document
from tests.lessons.lesson_helpers import tiny_png


def files_in(folder) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def lesson_with_a_picture(tmp_path):
    picture = tmp_path / "sun.png"
    picture.write_bytes(tiny_png())
    return word_document(tmp_path / "Sun.docx", "The sun", "The sun is a star.", picture=picture)


def test_a_stop_waits_for_a_write_under_way_and_nothing_is_written_after(tmp_path):
    stop = ImportStop()
    answers: list[bool] = []
    with stop.writing():  # as an importer holds it while writing a lesson
        other = threading.Thread(target=lambda: answers.append(stop.request(timeout=0.05)))
        other.start()
        other.join()
    assert answers == [False], "the write was not cut short: the stop says it is still going"
    assert stop.requested and stop.request(timeout=5)
    out = tmp_path / "lessons" / "Sun.md"
    out.parent.mkdir()
    with pytest.raises(ImportStopped):
        import_lesson_file(lesson_with_a_picture(tmp_path), out, stop=stop)
    assert files_in(tmp_path / "lessons") == []


@pytest.mark.parametrize("kind", ["docx", "txt"])
def test_an_import_not_stopped_writes_the_lesson_and_its_pictures(tmp_path, kind):
    if kind == "docx":
        source = lesson_with_a_picture(tmp_path)
        expected = ["Sun.md", "images/Sun-1.png"]
    else:
        source = tmp_path / "Sun.txt"
        source.write_text("The sun\n\nThe sun is a star.\n", encoding="utf-8")
        expected = ["Sun.md"]
    folder = tmp_path / "lessons"
    target, result = import_into_folder(source, folder, stop=ImportStop())
    assert target == folder / "Sun.md" and result.lesson.title == "The sun"
    assert files_in(folder) == expected
    again, _ = import_into_folder(source, folder)
    assert again == folder / "Sun (2).md", "never replaces a lesson"
