"""The welcome names speech models as a teacher would, not by their engines.

The usability review: the welcome said "Whisper tiny.en" and "add an English
Vosk model", words a teacher or pupil does not know. The engine names stay on
the command line (``lesson-lab engines``), not in the welcome.
"""

from __future__ import annotations

import re

from app.speech_report import EngineInfo, SpeechReport, VoiceInfo
from app.welcome import WelcomeDialog, welcome_points

TECHNICAL = re.compile(r"whisper|vosk|tiny\.en|engine", re.IGNORECASE)

WHISPER = EngineInfo("whisper", "Whisper tiny.en: English, installed with the app, no "
                     "download needed.", True, "", "English, built in")
VOSK = EngineInfo("vosk", "Vosk: live word-by-word results and lesson word lists; needs a "
                  "Vosk model.", True, "", "English (UK), small")
NO_VOSK = EngineInfo("vosk", VOSK.description, False, "No English Vosk model is installed.")
VOICE = VoiceInfo("gmw/en-GB", "English (Received Pronunciation)", "en-gb")


def _report(*engines: EngineInfo) -> SpeechReport:
    return SpeechReport(engines, engines[0].description, (VOICE,), VOICE.name, "espeak-ng")


def test_the_built_in_model_is_named_in_plain_words():
    points = dict(welcome_points(_report(NO_VOSK, WHISPER), "Ctrl+Shift+M"))
    assert points["Dictation"] == ("Dictation works now, with the built-in English speech "
                                   "model (installed with the app, no download needed).")
    assert points["Better speech models"] == (
        "For live, word-by-word dictation and lesson word lists, add an English "
        "word-by-word speech model from Tools > Speech models (Ctrl+Shift+M): download "
        "it, or import it from a zip file or a USB stick.")


def test_a_word_by_word_model_is_named_as_the_speech_models_window_names_it():
    points = dict(welcome_points(_report(VOSK, WHISPER)))
    assert points["Dictation"] == (
        "Dictation works now, with a word-by-word speech model (English (UK), small) and "
        "the built-in English speech model (installed with the app, no download needed).")


def test_no_engine_name_in_what_the_welcome_shows(qtbot):
    for report in (_report(NO_VOSK, WHISPER), _report(VOSK, WHISPER), None):
        dialog = WelcomeDialog(report, "Ctrl+Shift+M")
        qtbot.addWidget(dialog)
        shown = " ".join([dialog.text(), dialog.body.text(),
                          dialog.body.accessibleDescription()])
        assert not TECHNICAL.search(shown), TECHNICAL.search(shown)


def test_with_no_voices_the_welcome_says_why_and_what_to_do():
    report = SpeechReport((WHISPER,), WHISPER.description, (), "", "none",
                          "The computer's eSpeak NG voices are missing or damaged.")
    points = dict(welcome_points(report))
    assert points["Read aloud"] == (
        "This computer has no text-to-speech voices, so read aloud highlights each word in "
        "silence. The computer's eSpeak NG voices are missing or damaged.")


def test_a_screen_reader_hears_each_heading_with_its_words(qtbot):
    # The description a reader hears had the sentences but not the headings shown
    # above them ("Dictation", "Your privacy").
    dialog = WelcomeDialog(_report(NO_VOSK, WHISPER), "Ctrl+Shift+M")
    qtbot.addWidget(dialog)
    described = dialog.body.accessibleDescription()
    assert described.startswith("Dictation: Dictation works now")
    assert "Your privacy: Nothing leaves this computer." in described
