"""The engine-independent parts of streaming: the stable prefix and the speech detector."""

import numpy as np

from speech.stt.agreement import StablePrefix
from speech.stt.vad import FRAME, FRAME_SECONDS, SpeechDetector


def test_a_word_is_stable_once_two_guesses_agree():
    prefix = StablePrefix()
    assert prefix.update("the water") == ("the water", "")
    assert prefix.update("the water cycle") == ("the water cycle", "the water")
    # A later guess changes a stable word: the shown word does not flicker.
    shown, stable = prefix.update("a water cycle shows")
    assert stable == "the water"
    assert shown == "the water cycle shows"


def test_stable_prefix_never_shrinks_and_ignores_case_and_punctuation():
    prefix = StablePrefix()
    prefix.update("Plants need light")
    # The same words, spelt as the newest guess spells them (tests/speech/test_stt_agreement.py).
    _shown, stable = prefix.update("plants, need light and")
    assert stable == "plants, need light"
    _shown, stable = prefix.update("plans")
    assert stable == "plants, need light"
    prefix.clear()
    assert prefix.stable == ""


def _decisions(detector, samples):
    out = []
    for i in range(0, len(samples) - FRAME + 1, FRAME):
        decision, _level = detector.push(samples[i : i + FRAME])
        if decision:
            out.append((decision, (i + FRAME) / 16_000))
    return out


def test_speech_detector_finds_a_spoken_sentence(speak):
    from speech.audio_files import decode_audio_file

    clip = decode_audio_file(speak("Plants need light and water to make their own food."))
    quiet = np.zeros(16_000, np.int16)
    stream = np.concatenate([quiet, clip, quiet, quiet])
    loud = np.flatnonzero(np.abs(stream.astype(int)) > 300)
    onset, end = loud[0] / 16_000, loud[-1] / 16_000
    decisions = _decisions(SpeechDetector(), stream)
    assert [d for d, _t in decisions] == ["start", "end"]
    (_, started), (_, ended) = decisions
    assert onset <= started <= onset + 0.2
    detector = SpeechDetector()
    assert end + 0.5 <= ended <= end + detector.end_frames * FRAME_SECONDS + 0.1


def test_steady_room_noise_is_not_speech():
    rng = np.random.default_rng(1)
    hum = (rng.normal(0, 600, 16_000 * 5)).astype(np.int16)  # about -35 dBFS of hiss
    assert _decisions(SpeechDetector(), hum) == []
