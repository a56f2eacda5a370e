"""Closing with dictated text never saved to a file: the pupil is asked, and nothing is lost.

The real main window, dictation controller, panel, worker threads and
autosave, with a scripted recogniser and microphone (``Dictating``). The
last test answers the real question box.
"""

from __future__ import annotations

import shutil

from app.dictation_unsaved import CANCEL, DISCARD, SAVE
from tests.app.test_main_window_close import Dictating
from tests.fixtures.question_box import NextBox
from widgets.dictation_save import SaveStart


def _dictated(qtbot, opened, tmp_path) -> tuple:
    window = opened.open()
    dictating = Dictating(qtbot, window, tmp_path / "transcripts")
    dictating.say_a_phrase_and_begin_another()
    return window, dictating


def test_cancel_keeps_the_app_open_with_the_text_and_dictation_can_start_again(
        qtbot, opened, tmp_path):
    window, dictating = _dictated(qtbot, opened, tmp_path)
    dictating.answer = CANCEL

    assert not window.close()

    assert dictating.asked == [CANCEL]
    assert window.isVisible()
    text = dictating.controller.text()
    assert "rain falls" in text.lower() and "down to the sea" in text.lower(), (
        "the phrase being said at the close was not finished first")
    assert window.dictation_panel.text() == text
    assert not dictating.controller.is_listening()
    dictating.controller.start()  # closing was cancelled: Start works again
    qtbot.waitUntil(dictating.controller.is_listening)

    dictating.answer = DISCARD
    assert window.close()


def test_save_writes_the_whole_text_then_closes(qtbot, opened, tmp_path):
    window, dictating = _dictated(qtbot, opened, tmp_path)
    target = tmp_path / "My story.txt"
    dictating.answer = SAVE
    window.dictation_panel.ask_save_path = lambda: (str(target), "txt")

    assert window.close()

    written = target.read_text(encoding="utf-8")
    assert "rain falls" in written.lower() and "down to the sea" in written.lower()
    assert not window.isVisible()


def test_a_save_that_fails_keeps_the_app_open_and_says_why(qtbot, opened, tmp_path):
    window, dictating = _dictated(qtbot, opened, tmp_path)
    dictating.answer = SAVE
    missing = tmp_path / "no such folder" / "story.txt"
    window.dictation_panel.ask_save_path = lambda: (str(missing), "txt")

    assert not window.close()

    assert window.isVisible() and not missing.exists()
    assert "does not exist" in window.dictation_panel.message()
    assert "rain falls" in window.dictation_panel.text().lower()
    dictating.answer = DISCARD
    assert window.close()


def test_text_already_saved_closes_without_a_question(qtbot, opened, tmp_path):
    window = opened.open()
    dictating = Dictating(qtbot, window, tmp_path / "transcripts")
    dictating.controller.start()
    qtbot.waitUntil(dictating.controller.is_listening)
    dictating.rack.last.chunks(1)
    qtbot.waitUntil(lambda: "rain falls" in dictating.controller.text().lower())
    dictating.controller.stop()
    qtbot.waitUntil(lambda: not dictating.controller.worker.is_busy())
    saved = tmp_path / "saved.txt"
    window.dictation_panel.ask_save_path = lambda: (str(saved), "txt")
    window.dictation_panel.save()
    qtbot.waitUntil(lambda: "Saved as saved.txt." in window.dictation_panel.message())

    assert window.close()
    assert dictating.asked == []


def test_nothing_dictated_closes_without_a_question(qtbot, opened, tmp_path):
    window = opened.open()
    dictating = Dictating(qtbot, window, tmp_path / "transcripts")
    assert window.close()
    assert dictating.asked == []


def test_the_real_question_offers_save_dont_save_and_cancel(qtbot, opened, tmp_path):
    window, dictating = _dictated(qtbot, opened, tmp_path)
    del dictating.controller.ask_save_on_close  # the real question box
    seen = NextBox("&Cancel", lambda box: (box.windowTitle(), [b.text() for b in box.buttons()]),
                   first_ms=50).seen
    try:
        assert not window.close()
        (title, buttons), = seen
        assert title == "Save your dictation?"
        # The buttons' order is the platform's.
        assert sorted(buttons) == sorted(["&Save…", "&Don't save", "&Cancel"])
    finally:
        dictating.controller.ask_save_on_close = lambda: DISCARD
    assert window.close()


def test_when_no_copy_could_be_kept_the_question_says_the_text_will_be_lost(
        qtbot, opened, tmp_path):
    # A full disk: the autosave reports it could not write. "Don't save" would
    # lose everything, and the question must not promise a copy in the transcripts.
    window = opened.open()
    dictating = Dictating(qtbot, window, tmp_path / "transcripts")

    def full(_text: str) -> None:
        raise OSError(28, "No space left on device")

    dictating.store.save = full  # every autosave write fails, on the real disk thread
    dictating.say_a_phrase_and_begin_another()
    qtbot.waitUntil(lambda: "could not be saved" in window.dictation_panel.message()
                    or "No space" in window.dictation_panel.message())
    del dictating.controller.ask_save_on_close  # the real question box
    seen = NextBox("&Cancel", lambda box: box.informativeText(), first_ms=50).seen
    try:
        assert not window.close()
        (said,) = seen
        assert "could not keep a copy" in said and "will be lost" in said
        assert "A copy is kept" not in said
    finally:
        dictating.controller.ask_save_on_close = lambda: DISCARD
    assert window.close()


def _saved_then_changed(qtbot, opened, tmp_path, folder, *, full_disk: bool = False) -> tuple:
    """Dictated, saved to ``folder``/Monday.txt from the panel, then a sentence typed.

    With ``full_disk`` every autosave write fails from the typing on."""
    window = opened.open()
    dictating = Dictating(qtbot, window, tmp_path / "transcripts")
    dictating.say_a_phrase_and_begin_another()
    dictating.controller.stop()
    qtbot.waitUntil(lambda: not dictating.controller.worker.is_busy())
    monday = folder / "Monday.txt"
    window.dictation_panel.ask_save_path = lambda: (str(monday), "txt")
    window.dictation_panel.save()
    qtbot.waitUntil(lambda: window.dictation_panel.message() == "Saved as Monday.txt.")
    if full_disk:
        def full(_text: str) -> None:
            raise OSError(28, "No space left on device")

        dictating.store.save = full
    editor = window.dictation_panel.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " It rained all day.")
    qtbot.waitUntil(lambda: dictating.controller.text().endswith("It rained all day."))
    if full_disk:
        qtbot.waitUntil(lambda: "could not be saved" in window.dictation_panel.message()
                        or "No space" in window.dictation_panel.message())
    return window, dictating, monday


def _question(box) -> tuple:
    return box.text(), box.informativeText(), sorted(b.text() for b in box.buttons())


def test_changed_since_saved_asks_about_that_file_and_save_writes_it_with_no_dialog(
        qtbot, opened, tmp_path):
    window, dictating, monday = _saved_then_changed(qtbot, opened, tmp_path, tmp_path)
    before = monday.read_text(encoding="utf-8")
    asked_where = []
    window.dictation_panel.ask_save_path = lambda: asked_where.append(True)
    del dictating.controller.ask_save_on_close  # the real question box
    seen = NextBox("&Save", _question, first_ms=50).seen

    assert window.close()

    (question, detail, buttons), = seen
    assert question == ("You have changed your writing since you saved it as Monday.txt. "
                        "Save the changes to Monday.txt?")
    assert "has not been saved" not in question
    assert "Monday.txt keeps what you saved before" in detail
    assert buttons == sorted(["&Save", "&Don't save", "&Cancel"])  # no "…": nothing more asked
    assert asked_where == []
    after = monday.read_text(encoding="utf-8")
    assert after == dictating.controller.text() + "\n" and after != before
    assert after.endswith("It rained all day.\n")


def test_changed_since_saved_on_a_full_disk_says_the_changes_will_be_lost_and_asks_where(
        qtbot, opened, tmp_path):
    stick = tmp_path / "USB stick"
    stick.mkdir()
    window, dictating, monday = _saved_then_changed(qtbot, opened, tmp_path, tmp_path,
                                                    full_disk=True)
    # Save… opens the dialog (starting at Monday.txt), so the pupil can choose a USB stick.
    assert window.dictation_panel.save_start().file == str(monday)
    window.dictation_panel.ask_save_path = lambda: (str(stick / "Monday.txt"), "txt")
    del dictating.controller.ask_save_on_close  # the real question box
    seen = NextBox("&Save…", _question, first_ms=50).seen

    assert window.close()

    (question, detail, buttons), = seen
    assert "changed your writing since you saved it as Monday.txt" in question
    assert "could not keep a copy" in detail and "will be lost" in detail
    assert "copy of the changes is kept" not in detail and "keeps what you saved" not in detail
    assert buttons == sorted(["&Save…", "&Don't save", "&Cancel"])
    assert (stick / "Monday.txt").read_text(encoding="utf-8").endswith("It rained all day.\n")


def test_changed_since_saved_to_a_usb_stick_taken_out_asks_to_save_somewhere_else(
        qtbot, opened, tmp_path):
    stick = tmp_path / "USB stick"
    stick.mkdir()
    window, dictating, monday = _saved_then_changed(qtbot, opened, tmp_path, stick)
    shutil.rmtree(stick)
    del dictating.controller.ask_save_on_close  # the real question box
    seen = NextBox("&Cancel", _question, first_ms=50).seen
    try:
        assert not window.close()
        (question, detail, buttons), = seen
        assert "The folder you saved Monday.txt in has gone" in question
        assert "Save your writing somewhere else?" in question
        assert "A copy is kept" in detail
        assert buttons == sorted(["&Save…", "&Don't save", "&Cancel"])
    finally:
        dictating.controller.ask_save_on_close = lambda: DISCARD
    assert window.close()


def test_a_save_at_closing_is_where_save_opens_in_the_next_session(qtbot, opened, tmp_path):
    work = tmp_path / "My work"
    work.mkdir()
    window, dictating = _dictated(qtbot, opened, tmp_path)
    dictating.answer = SAVE
    window.dictation_panel.ask_save_path = lambda: (str(work / "Story.docx"), "docx")
    assert window.close()

    again = opened.open()
    Dictating(qtbot, again, tmp_path / "transcripts 2")
    assert again.dictation_panel.save_start() == SaveStart(str(work), "docx", "")


def test_every_closing_question_is_short_enough_for_a_pupil(qtbot, opened, tmp_path):
    # The pupil's review: the questions were long adult sentences. Each is now one
    # short question, and no sentence of its detail runs past 25 words.
    from app.dictation_unsaved import UnsavedDictation

    class Asking(UnsavedDictation):
        def __init__(self, saved: str, kept: bool) -> None:
            self._saved_file, self._copy_kept = (saved, "txt"), kept

    saved = str(tmp_path / "Monday.txt")
    gone = str(tmp_path / "gone" / "Monday.txt")
    for path, kept in ((("", True), ("", False), (saved, True), (saved, False), (gone, True))):
        question, detail = Asking(path, kept)._close_question()
        assert question.count("?") == 1 and question.endswith("?"), question
        assert len(question.split()) <= 25, question
        for sentence in detail.split(". "):
            assert len(sentence.split()) <= 25, sentence
        assert "folder" not in detail, detail  # not "Lesson Lab's transcripts folder"
