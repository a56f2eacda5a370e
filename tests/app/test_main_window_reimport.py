"""A document imported again: replace the earlier lesson, keep both, or cancel.

A trainer who updates their slides and imports them again got a second
lesson with the same title beside the first, and nothing to tell which was
current. Now the window asks (app/main_files.py, widgets/import_notes.py).
Real worker thread, real files; the question's answer is given.
"""

from __future__ import annotations

import pytest

from lessons.model import plain_text
from tests.fixtures.question_box import NextBox
from tests.fixtures.word_documents import word_document
from widgets.import_notes import KEEP_BOTH, REPLACE, ask_reimport

WAIT = 20_000


@pytest.fixture
def lessons_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "data"))
    return tmp_path / "data" / "lessons"


def _imported(qtbot, window, source, expected):
    job = window.import_lesson_path(source)
    assert job is not None
    # Done when the window has heard the outcome (replacing, the lesson shown may not change).
    qtbot.waitUntil(lambda: job.finished.is_set() and window.statusBar().toolTip().startswith(
        "Imported as") or bool(window.messages), timeout=WAIT)
    assert window.lesson_path == expected, window.messages
    window.statusBar().setToolTip("")


def _titles(window) -> list[str]:
    return [e.lesson.title for e in window.library.entries() if e.lesson is not None]


@pytest.mark.parametrize(("answer", "second"), [(REPLACE, "Volcanoes.md"),
                                                (KEEP_BOTH, "Volcanoes (2).md")])
def test_a_document_imported_again_replaces_the_lesson_or_is_kept_beside_it(
        qtbot, opened, tmp_path, lessons_folder, answer, second):
    source = tmp_path / "Volcanoes.docx"
    word_document(source, "Volcanoes", "A volcano is an opening in the Earth's crust.")
    window = opened.open(folders=None)
    _imported(qtbot, window, source, lessons_folder / "Volcanoes.md")
    assert window.reimports == []  # nothing asked the first time

    word_document(source, "Volcanoes", "Lava is hot, melted rock.")  # the teacher's update
    window.ask_reimport = lambda *asked: window.reimports.append(asked) or answer
    _imported(qtbot, window, source, lessons_folder / second)
    assert window.reimports == [("Volcanoes.docx", "Volcanoes", "Volcanoes.md")]
    assert "Lava is hot" in (lessons_folder / second).read_text(encoding="utf-8")
    assert "Lava is hot" in plain_text(window.lesson)  # the new import is what is shown
    if answer == REPLACE:
        assert sorted(p.name for p in lessons_folder.glob("*.md")) == ["Volcanoes.md"]
        assert _titles(window).count("Volcanoes") == 1
    else:
        assert "A volcano is" in (lessons_folder / "Volcanoes.md").read_text(encoding="utf-8")
        assert _titles(window).count("Volcanoes") == 2


def test_cancel_imports_nothing(qtbot, opened, tmp_path, lessons_folder):
    source = tmp_path / "Volcanoes.docx"
    word_document(source, "Volcanoes", "A volcano is an opening in the Earth's crust.")
    window = opened.open(folders=None)
    _imported(qtbot, window, source, lessons_folder / "Volcanoes.md")
    before = (lessons_folder / "Volcanoes.md").read_bytes()
    window.ask_reimport = lambda *asked: ""
    assert window.import_lesson_path(source) is None
    assert sorted(p.name for p in lessons_folder.glob("*.md")) == ["Volcanoes.md"]
    assert (lessons_folder / "Volcanoes.md").read_bytes() == before


@pytest.mark.parametrize(("button", "answer"), [("Replace it", REPLACE), ("Keep both", KEEP_BOTH),
                                                ("Cancel", "")])
def test_the_question_names_the_document_and_the_lesson(qtbot, button, answer):
    box = NextBox(button, lambda shown: (shown.text(), shown.informativeText(),
                                         shown.defaultButton().text()))
    try:
        assert ask_reimport(None, "Plants.pptx", "Parts of a plant", "Plants.md") == answer
    finally:
        box.stop()
    [(text, more, default)] = box.seen
    assert text == ("Your lessons already have “Parts of a plant” (Plants.md), the lesson a "
                    "file called “Plants.pptx” would make.")
    assert more.startswith("If it came from this file before, replace it with this import?")
    # It may have come from another file of the same name: keeping both is the safe default.
    assert default.replace("&", "") == "Keep both"
