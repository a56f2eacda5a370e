"""Nothing is lost: autosave after each phrase and typed edit, recovery, saving as files."""

from __future__ import annotations

import gc

from docx import Document
from PySide6.QtCore import Qt

from app.transcript_store import TranscriptStore
from speech.stt.base import Final
from tests.app.dictation_rig import rig  # noqa: F401 - the fixture
from tests.fixtures.question_box import NextBox


def test_each_phrase_is_saved_at_once(rig):  # noqa: F811
    r = rig([Final("the romans built roads full stop")], interval_ms=60_000)
    r.start()
    r.hear(1)
    r.wait_for_text("The romans built roads.")
    # The throttle timer is a minute long here: this save came from the Final itself.
    r.qtbot.waitUntil(lambda: r.store.saves == ["The romans built roads."])
    assert r.saved_text() == "The romans built roads."


def test_a_burst_of_typing_is_saved_once_after_the_pause(rig):  # noqa: F811
    r = rig(interval_ms=300)
    r.panel.editor.setFocus()
    r.qtbot.keyClicks(r.panel.editor, "My story")
    assert r.store.saves == []  # nothing yet: the GUI thread did not write
    r.qtbot.waitUntil(lambda: r.store.saves == ["My story"])
    r.qtbot.wait(400)
    assert r.store.saves == ["My story"]  # eight keystrokes, one write


def test_nothing_is_written_before_anything_is_dictated(rig):  # noqa: F811
    r = rig()
    r.start()
    r.hear(3)
    r.autosave.wait_until_idle(10)
    assert r.store.saves == [] and not r.store.path.exists()


def test_a_normal_close_is_not_offered_again(rig, tmp_path):  # noqa: F811
    r = rig([Final("finished work")])
    r.start()
    r.hear(1)
    r.wait_for_text("Finished work")
    r.controller.shutdown()
    r.autosave.wait_until_idle(10)
    assert TranscriptStore(tmp_path / "transcripts").recover() is None


def _crashed_session(folder, text: str) -> None:
    """A session that saved ``text`` and then died without closing."""
    crashed = TranscriptStore(folder)
    crashed.save(text)
    del crashed  # its lock goes with it, as when the process is killed
    gc.collect()


def test_recovered_text_is_offered_and_brought_back(rig, tmp_path):  # noqa: F811
    _crashed_session(tmp_path / "transcripts", "Rain falls from the clouds.")
    r = rig([Final("and fills the rivers full stop")])
    asked = []
    r.controller.ask_restore = lambda text: asked.append(text) or True
    with r.qtbot.waitSignal(r.controller.recovery_finished) as done:
        assert r.controller.offer_recovery()
    assert done.args == [True]
    assert asked == ["Rain falls from the clouds."]
    assert r.panel.text() == "Rain falls from the clouds."
    # Dictation carries on after it, and scratch that cannot remove it.
    r.start()
    r.hear(1)
    r.wait_for_text("Rain falls from the clouds. And fills the rivers.")
    assert r.saved_text() == "Rain falls from the clouds. And fills the rivers."
    # Offered once: the old session is now finished.
    assert TranscriptStore(tmp_path / "transcripts").recover() is None


def test_the_question_is_asked_with_the_time_the_text_was_saved(rig, tmp_path,  # noqa: F811
                                                                 monkeypatch):
    from datetime import datetime

    from app import dictation_controller

    _crashed_session(tmp_path / "transcripts", "Rain falls from the clouds.")
    r = rig()
    asked = []
    monkeypatch.setattr(dictation_controller, "ask_to_bring_back",
                        lambda parent, text, saved_at: asked.append((text, saved_at)) or False)
    with r.qtbot.waitSignal(r.controller.recovery_finished):
        r.controller.offer_recovery()
    [(text, saved_at)] = asked
    assert text == "Rain falls from the clouds."
    assert isinstance(saved_at, datetime)
    assert abs((datetime.now() - saved_at).total_seconds()) < 600  # saved by this test


def test_declined_recovery_starts_afresh_and_is_not_offered_again(rig, tmp_path):  # noqa: F811
    _crashed_session(tmp_path / "transcripts", "An old story.")
    r = rig()
    r.controller.ask_restore = lambda text: False
    with r.qtbot.waitSignal(r.controller.recovery_finished) as done:
        r.controller.offer_recovery()
    assert done.args == [False]
    assert r.panel.text() == ""
    r.autosave.wait_until_idle(10)
    assert TranscriptStore(tmp_path / "transcripts").recover() is None
    kept = [t.text for t in TranscriptStore(tmp_path / "transcripts").transcripts()]
    assert "An old story." in kept  # still in the history


def test_no_question_when_there_is_nothing_to_recover(rig):  # noqa: F811
    r = rig()
    r.controller.ask_restore = lambda text: (_ for _ in ()).throw(AssertionError("asked"))
    with r.qtbot.waitSignal(r.controller.recovery_finished) as done:
        r.controller.offer_recovery()
    assert done.args == [False]


def test_save_as_text_and_word_files(rig, tmp_path):  # noqa: F811
    r = rig([Final("the great fire of london full stop new paragraph it started in a bakery")])
    r.start()
    r.hear(1)
    expected = "The great fire of london.\n\nIt started in a bakery"
    r.wait_for_text(expected)
    for fmt in ("txt", "docx"):
        target = tmp_path / f"story.{fmt}"
        r.panel.ask_save_path = lambda target=target, fmt=fmt: (str(target), fmt)
        r.qtbot.mouseClick(r.panel.save_button, Qt.MouseButton.LeftButton)
        r.qtbot.waitUntil(lambda target=target: f"Saved as {target.name}." == r.panel.message())
    assert (tmp_path / "story.txt").read_text(encoding="utf-8") == expected + "\n"
    paragraphs = [p.text for p in Document(str(tmp_path / "story.docx")).paragraphs]
    assert paragraphs == expected.split("\n\n")  # "new paragraph": a Word paragraph


def test_a_save_that_fails_is_said_in_the_panel(rig, tmp_path):  # noqa: F811
    r = rig([Final("hello")])
    r.start()
    r.hear(1)
    r.wait_for_text("Hello")
    r.panel.ask_save_path = lambda: (str(tmp_path / "missing" / "story.txt"), "txt")
    r.qtbot.mouseClick(r.panel.save_button, Qt.MouseButton.LeftButton)
    r.qtbot.waitUntil(lambda: r.panel.message_bar.kind == "error")
    assert "does not exist" in r.panel.message()


def test_the_recovery_question_shows_the_text_and_can_bring_it_back(rig, tmp_path, qtbot):  # noqa: F811
    _crashed_session(tmp_path / "transcripts", "The moon goes around the earth.")
    r = rig()
    box = NextBox("Bring it back", lambda box: {
        "title": box.windowTitle(), "detail": box.informativeText(),
        "buttons": sorted(b.text().replace("&", "") for b in box.buttons())})
    with qtbot.waitSignal(r.controller.recovery_finished, timeout=10_000) as done:
        r.controller.offer_recovery()
    box.stop()
    assert done.args == [True]
    [seen] = box.seen
    assert seen["title"] == "Bring back your dictation?"
    assert seen["buttons"] == ["Bring it back", "Start afresh"]
    # How much, when it was saved, and how it ends.
    assert seen["detail"].startswith("6 words, last saved today at ")
    assert seen["detail"].endswith("It ends:\nThe moon goes around the earth.")
    assert r.panel.text() == "The moon goes around the earth."
