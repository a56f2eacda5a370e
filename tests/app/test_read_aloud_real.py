"""Read aloud with the real parts: eSpeak NG through pyttsx3, the real player, the
PulseAudio virtual speaker (its monitor recorded) and a real LessonView (offscreen)."""

from __future__ import annotations

import wave

import numpy as np
import pytest

from app.read_aloud import ReadAloudController
from app.read_aloud_text import words_of
from lessons.model import Lesson, Paragraph, Section, Span
from speech.tts.pyttsx3_engine import Pyttsx3Synthesiser
from tests.app.read_aloud_doubles import rivers_lesson
from tests.fixtures.pulse import SPEAKER_DEVICE
from tests.widgets.samples import make_view

pytestmark = pytest.mark.slow

LOUD = 300  # int16: well above the null sink's digital silence
WAIT = 60_000
# Under 200 characters: the controller reads it as one chunk, one sound.
PARAGRAPH = ("Rivers start high up in hills and mountains. They flow downhill, "
             "carving valleys as they go. Heavy rain can make a river burst its banks!")


def _lesson(text: str) -> Lesson:
    return Lesson(title="", sections=(Section("", 2, (Paragraph((Span(text),), 1),), 1),))


def _loud_span(samples: np.ndarray, rate: int) -> float:
    loud = np.nonzero(np.abs(samples) > LOUD)[0]
    return (loud[-1] - loud[0]) / rate if len(loud) else 0.0


class Reader:
    """A real controller on a view, recording its signals."""

    def __init__(self, qtbot, view, device=SPEAKER_DEVICE) -> None:
        self.qtbot = qtbot
        self.controller = ReadAloudController(view, device=device)
        self.words: list[str] = []
        self.errors: list[str] = []
        self.controller.word_highlighted.connect(lambda _s, _n, word: self.words.append(word))
        self.controller.error.connect(self.errors.append)
        qtbot.waitUntil(self.controller.voices_known, timeout=WAIT)

    def wait_finished(self) -> None:
        self.qtbot.waitUntil(lambda: not self.controller.is_speaking(), timeout=WAIT)


@pytest.fixture
def reader(qtbot):
    made = []

    def make(view, **options):
        made.append(Reader(qtbot, view, **options))
        return made[-1]

    yield make
    for r in made:
        assert r.controller.shutdown(wait=10)


@pytest.mark.pulse
def test_a_paragraph_is_heard_with_every_word_highlighted_in_order(qtbot, reader,
                                                                   virtual_speaker):
    view = make_view(qtbot, _lesson(PARAGRAPH), size=(700, 400))
    r = reader(view)
    assert r.controller.engine_name() == "pyttsx3"
    assert r.controller.voice_name() == "English (Received Pronunciation)"
    recording = virtual_speaker.start_recording()
    assert r.controller.read_lesson()
    r.wait_finished()
    qtbot.wait(300)  # the last of the sound leaves the sink
    heard = virtual_speaker.stop_recording(recording)

    assert r.errors == []
    assert r.words == words_of(PARAGRAPH)
    # The speaker played it: sound, for about as long as the voice speaks the paragraph.
    spoken = Pyttsx3Synthesiser().synthesise(PARAGRAPH + ".")
    expected = _loud_span(spoken.samples, spoken.sample_rate)
    assert np.abs(heard).max() > 3000
    assert _loud_span(heard, virtual_speaker.rate) == pytest.approx(expected, abs=0.4)


@pytest.mark.pulse
def test_pause_and_resume_with_the_real_player(qtbot, reader, virtual_speaker):
    view = make_view(qtbot, _lesson(PARAGRAPH), size=(700, 400))
    r = reader(view)
    c = r.controller
    recording = virtual_speaker.start_recording()
    c.read_lesson()
    qtbot.waitUntil(lambda: len(r.words) >= 3, timeout=WAIT)
    c.pause()
    qtbot.wait(700)  # sound already in the device's buffer plays out
    held = len(r.words)
    qtbot.wait(800)
    assert len(r.words) == held, "no words while paused"
    c.resume()
    r.wait_finished()
    qtbot.wait(300)
    heard = virtual_speaker.stop_recording(recording)
    assert r.words == words_of(PARAGRAPH), "carried on from the same word, none repeated"
    spoken = Pyttsx3Synthesiser().synthesise(PARAGRAPH + ".")
    # The pause shows as extra silence in what the speaker played.
    assert _loud_span(heard, virtual_speaker.rate) > (
        _loud_span(spoken.samples, spoken.sample_rate) + 0.8)


@pytest.mark.pulse
def test_stop_silences_the_speaker(qtbot, reader, virtual_speaker):
    view = make_view(qtbot, _lesson(PARAGRAPH * 2), size=(700, 400))
    r = reader(view)
    r.controller.read_lesson()
    qtbot.waitUntil(lambda: len(r.words) >= 2, timeout=WAIT)
    r.controller.stop()
    qtbot.wait(800)  # what the device had buffered plays out
    recording = virtual_speaker.start_recording()
    qtbot.wait(1000)
    after = virtual_speaker.stop_recording(recording)
    assert len(after) > 0 and np.abs(after).max() < LOUD, "nothing more is played"
    assert len(r.words) < len(words_of(PARAGRAPH))


@pytest.mark.pulse
def test_missing_speakers_are_one_plain_sentence_and_the_app_carries_on(qtbot, reader, pulse):
    view = make_view(qtbot, _lesson("Hello there, class."), size=(600, 300))
    r = reader(view, device=9999)
    r.controller.read_lesson()
    qtbot.waitUntil(lambda: bool(r.errors), timeout=WAIT)
    r.wait_finished()
    (message,) = r.errors
    assert "speaker" in message and "not found" in message and "\n" not in message
    assert view.extraSelections() == []


def test_saving_the_lesson_as_a_real_wav(qtbot, reader, tmp_path):
    view = make_view(qtbot, rivers_lesson(), size=(700, 400))
    r = reader(view, device=None)
    saved = []
    r.controller.export_finished.connect(saved.append)
    r.controller.ask_wav_path = lambda suggested: str(tmp_path / suggested)
    assert r.controller.export_lesson_wav()
    qtbot.waitUntil(lambda: bool(saved), timeout=WAIT)
    assert saved == [str(tmp_path / "Rivers.wav")]
    with wave.open(saved[0], "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        rate = wav.getframerate()
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16)
    seconds = len(samples) / rate
    words = len(words_of(view.document().toPlainText()))
    normal = words / 175 * 60  # eSpeak NG's normal rate, words a minute
    assert 0.6 * normal < seconds < 2.0 * normal
    assert np.abs(samples).max() > 3000 and _loud_span(samples, rate) > 0.8 * seconds
    assert r.errors == []


@pytest.mark.pulse
def test_words_after_emoji_are_highlighted_where_they_are(qtbot, reader, virtual_speaker):
    # An emoji is one character in Python and two positions in the lesson's document:
    # each used to move every later highlight one letter early (" Plant" for "Plants").
    text = "🌱 Plants grow in soil. 🌍 The Earth is round and 🌞 the sun is hot."
    view = make_view(qtbot, _lesson(text), size=(700, 400))
    r = reader(view)
    assert r.controller.read_lesson()
    r.wait_finished()
    assert r.errors == []
    assert r.words == words_of(text)


@pytest.mark.pulse
def test_with_espeak_data_missing_the_reading_says_why_it_is_silent(qtbot, reader, tmp_path,
                                                                   monkeypatch, virtual_speaker):
    from speech.tts.pyttsx3_engine import ESPEAK_DATA_MISSING, espeak_starts

    monkeypatch.setenv("ESPEAK_DATA_PATH", str(tmp_path))  # an empty folder: no voice data
    espeak_starts.cache_clear()
    try:
        view = make_view(qtbot, _lesson(PARAGRAPH), size=(700, 400))
        r = reader(view)
        said: list[str] = []
        r.controller.status_changed.connect(said.append)
        assert r.controller.engine_name() == "none"
        assert r.controller.read_lesson()
        r.wait_finished()
        assert r.words == words_of(PARAGRAPH)  # highlighted in silence
        assert ("Reading aloud without a voice: the words are highlighted in silence. "
                + ESPEAK_DATA_MISSING) in said
    finally:
        espeak_starts.cache_clear()
