"""Which voices the Voice menu offers a class, and in what order (speech.tts.base)."""

from __future__ import annotations

import pytest

from speech.tts.base import Voice, classroom_voices
from speech.tts.pyttsx3_engine import Pyttsx3Synthesiser

ESPEAK_LIKE = [
    Voice("gmw/en-us", "English (America)", "en-us"),
    Voice("art/piqd", "Klingon", "piqd"),
    Voice("gmw/en-gb-scotland", "English (Scotland)", "en-gb-scotland"),
    Voice("sit/cmn", "Chinese (Mandarin, latin as English)", "cmn"),
    Voice("art/eo", "Esperanto", "eo"),
    Voice("gmw/en", "English (Great Britain)", "en-gb"),
    Voice("roa/fr", "French (France)", "fr-fr"),
    Voice("gmw/en-gb-x-rp", "English (Received Pronunciation)", "en-gb-x-rp"),
    Voice("art/qya", "Quenya", "qya"),
    Voice("inc/pa", "Punjabi", "pa"),
]


def test_british_voices_come_first_and_invented_languages_are_left_out():
    english, others = classroom_voices(ESPEAK_LIKE)
    assert [v.name for v in english] == [
        "English (Received Pronunciation)", "English (Great Britain)", "English (Scotland)",
        "English (America)"]
    assert [v.name for v in others] == [
        "Chinese (Mandarin, latin as English)", "French (France)", "Punjabi"]


def test_voices_without_a_language_code_are_placed_by_their_names():
    zira = Voice("TTS_MS_EN-US_ZIRA", "Microsoft Zira Desktop - English (United States)")
    hazel = Voice("TTS_MS_EN-GB_HAZEL", "Microsoft Hazel Desktop - English (Great Britain)")
    hortense = Voice("TTS_MS_FR-FR_HORTENSE", "Microsoft Hortense Desktop - French")
    assert classroom_voices([zira, hortense, hazel]) == ([hazel, zira], [hortense])


@pytest.mark.skipif(not Pyttsx3Synthesiser.availability().available,
                    reason="no pyttsx3 voices on this computer")
def test_the_computers_own_voices_offer_no_invented_language():
    voices = Pyttsx3Synthesiser().voices()
    english, others = classroom_voices(voices)
    assert any(v.id.startswith("art/") for v in voices)  # espeak-ng has them …
    names = {v.name for v in english + others}
    assert not names & {"Klingon", "Quenya", "Sindarin", "Lojban", "Lang_Belta"}  # … not the menu
    assert english[0].language == "en-gb-x-rp"
    assert len(english) + len(others) == sum(not v.id.startswith("art/") for v in voices)
