"""The recovery question says how much text there is, when it was saved, and how it ends."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.recovery_question import ENDING_CHARS, ask_to_bring_back, describe, ending, when_saved

NOW = datetime(2026, 11, 28, 10, 45)
LONG = " ".join(f"Sentence {n} about the water cycle." for n in range(1, 301))


def test_when_it_was_saved_in_everyday_words():
    assert when_saved(datetime(2026, 11, 28, 10, 42), NOW) == "today at 10:42"
    assert when_saved(datetime(2026, 11, 27, 15, 10), NOW) == "yesterday at 15:10"
    assert when_saved(datetime(2026, 11, 24, 9, 5), NOW) == "on Tuesday 24 November at 09:05"
    assert when_saved(datetime(2025, 12, 1, 9, 5), NOW) == "on Monday 1 December 2025 at 09:05"


def test_the_ending_starts_at_a_whole_word_and_keeps_the_last_words():
    tail = ending(LONG)
    assert tail.startswith("…") and tail.endswith("Sentence 300 about the water cycle.")
    assert len(tail) <= ENDING_CHARS + 1
    assert LONG.endswith(tail[1:])  # whole words from the end, nothing changed
    assert LONG[-len(tail[1:]) - 1] == " "
    assert ending("Short text. ") == "Short text."


def test_the_description_gives_the_size_the_time_and_the_end():
    text = describe(LONG, datetime(2026, 11, 28, 10, 42), NOW)
    assert text.startswith("1,800 words, last saved today at 10:42.")
    assert "It ends:" in text and text.endswith("Sentence 300 about the water cycle.")
    assert "Sentence 1 about" not in text  # the start says little after a long session
    assert describe("Hello", None).startswith("1 word.")


def test_the_question_shows_the_description_and_brings_the_text_back(qtbot):
    seen = {}

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        seen["title"], seen["info"] = box.windowTitle(), box.informativeText()
        next(b for b in box.buttons() if b.text() == "&Bring it back").click()

    QTimer.singleShot(0, answer)
    assert ask_to_bring_back(None, LONG, datetime(2026, 11, 28, 10, 42)) is True
    assert seen["title"] == "Bring back your dictation?"
    assert seen["info"].startswith("1,800 words, last saved")
    assert seen["info"].endswith("Sentence 300 about the water cycle.")


def test_emoji_are_not_counted_as_words():
    # Found in the pupil review: "My dog 🐶 likes the park 🌍" was "7 words".
    assert describe("My dog 🐶 likes the park 🌍", None).startswith("5 words.")
