"""The dictation panel and status bar as a pupil meets them once dictation is ready,
without loading a speech model: for the window-fitting children, whose sizes depend
on them (run on an X display)."""

from __future__ import annotations

from app.controllers import word_bank
from speech.dictation import COMMAND_PHRASES


def dictation_ready(window) -> None:
    """Give ``window``'s dictation panel its message, word bank and spoken commands, and
    its status bar the speech model and voice, as on this computer."""
    panel = window.dictation_panel
    panel.set_commands([(c.phrase, c.description) for c in COMMAND_PHRASES])
    panel.set_word_bank(word_bank(window.lesson))
    panel.show_message("Dictation is ready. Press F9 or Start dictation to begin.", "info")
    window.speech_status.set_engine("Dictation: English, built in")
    window.speech_status.set_voice("Voice: English (Received Pronunciation)")
