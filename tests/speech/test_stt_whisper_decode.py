"""One Whisper decode in context (speech/stt/whisper_decode.py), with the real tiny.en model."""

from __future__ import annotations

import numpy as np
import pytest
from faster_whisper.transcribe import Word as NativeWord

from speech.audio_files import decode_audio_file
from speech.stt import whisper_decode, whisper_window
from speech.stt.loader import shared_loader
from speech.stt.wer import word_error_rate

FIRST = "The Romans built long straight roads across Britain."
SECOND = "Rain falls from the clouds and fills the rivers."


@pytest.fixture(scope="module")
def native():
    return shared_loader().load_now("whisper").model.native


def words(*texts):
    return [NativeWord(start=i * 0.3, end=i * 0.3 + 0.25, word=t, probability=0.9)
            for i, t in enumerate(texts)]


@pytest.mark.parametrize("decoded,prefix,new", [
    ((" The", " sky.", " Rain", " falls"), "The sky.", ["Rain", "falls"]),
    ((" The", " sky.", " Rain"), "", ["The", "sky.", "Rain"]),
    # A mark written straight after the forced text joins its last word.
    ((" the", " sky,", " rain"), "the sky", ["rain"]),
    ((" the", " skyline", " rain"), "the sky", ["line", "rain"]),
    # The decoder stopped inside the forced text: nothing new was heard.
    ((" The", " sky"), "The sky is blue.", []),
])
def test_only_the_words_after_the_forced_text_are_new(decoded, prefix, new):
    found = whisper_decode._after_prefix_words(words(*decoded), prefix)
    assert [w.text for w in found] == new
    assert all(w.end >= w.start >= 0.0 for w in found)


def test_the_prompt_ends_with_the_dictation_hint_whole_then_the_key_words(native):
    hint = whisper_decode.join_hint(["photosynthesis", "chlorophyll"], dictation=True)
    earlier = " ".join(["The water cycle shows how water moves."] * 40)
    prompt = whisper_decode.build_prompt(native, hint, earlier)
    steer = f"{whisper_decode.DICTATION_PROMPT} photosynthesis, chlorophyll."
    assert prompt.endswith(" " + steer)
    assert whisper_decode.count_tokens(native, prompt) <= whisper_decode._PROMPT_TOKENS
    # The newest earlier words are the ones kept.
    assert prompt[: -len(steer)].strip().endswith("water moves.")
    assert whisper_decode.build_prompt(native, whisper_decode.Hint(), "") is None


def test_many_key_words_are_cut_to_their_budget_and_never_push_out_the_hint(native):
    words = [f"keyword{n}" for n in range(60)]
    hint = whisper_decode.join_hint(words, dictation=True)
    prompt = whisper_decode.build_prompt(native, hint, "Earlier words. " * 50)
    before, _hint, key_words = prompt.partition(whisper_decode.DICTATION_PROMPT)
    assert key_words.strip().endswith("keyword59.")  # the last key words are kept
    assert 0 < whisper_decode.count_tokens(native, key_words) <= whisper_decode.KEY_WORD_TOKENS
    assert before.strip(), "the earlier text still has room"
    assert whisper_decode.count_tokens(native, prompt) <= whisper_decode._PROMPT_TOKENS


def test_the_dictation_hint_names_every_spoken_command_but_the_other_names_for_them():
    from speech.dictation_commands import COMMAND_PHRASES

    hint = whisper_decode.DICTATION_PROMPT.lower()
    own = [c.phrase for c in COMMAND_PHRASES if not c.description.startswith("the same as")]
    assert len(own) == 14
    assert [phrase for phrase in own if phrase not in hint] == []


def test_tail_within_keeps_whole_words_from_the_end(native):
    text = "one two three four five six seven eight nine ten"
    tail = whisper_decode.tail_within(native, text, 4)
    assert text.endswith(tail) and tail.split() == text.split()[-len(tail.split()):]
    assert whisper_decode.count_tokens(native, tail) <= 4
    assert whisper_decode.tail_within(native, text, 100) == text


@pytest.mark.slow
def test_a_decode_forced_through_the_first_sentence_gives_only_the_second(native, speak):
    first, second = (decode_audio_file(speak(t)) for t in (FIRST, SECOND))
    gap = np.zeros(16_000, np.int16)
    audio = np.concatenate([gap[:4_000], first, gap, second, gap[:3_200]])
    second_starts = (4_000 + first.size + gap.size) / 16_000

    decoded = whisper_decode.decode(native, audio, prefix=FIRST,
                                    new_seconds=(second.size + 3_200) / 16_000)
    assert word_error_rate(SECOND, decoded.text) <= 0.25
    assert decoded.words and decoded.text == " ".join(w.text for w in decoded.words)
    # The times are the second sentence's, in the whole window.
    assert decoded.words[0].start >= second_starts - 0.5
    assert decoded.words[-1].end <= audio.size / 16_000 + 0.01

    text_only = whisper_decode.decode(native, audio, prefix=FIRST, beam_size=1,
                                      with_words=False)
    assert word_error_rate(SECOND, text_only.text) <= 0.35 and not text_only.words


@pytest.mark.parametrize("samples,frames", [
    (16_000 * 3, 1_000),  # a short phrase: 10 s at least
    (0, 1_000),
    (16_000 * 12, 1_300),  # 12 s of speech and 1 s of quiet
    (16_000 * 12 + 1, 1_400),  # whole seconds, rounded up
    (16_000 * 29, 3_000),  # never past Whisper's 30 s
    (16_000 * 60, 3_000),
])
def test_the_encoder_hears_the_audio_and_a_second_of_quiet_in_whole_seconds(samples, frames):
    assert whisper_window.encoder_frames(samples) == frames


@pytest.mark.slow
def test_a_short_phrase_is_encoded_in_10_seconds_and_still_understood(native, speak,
                                                                       monkeypatch):
    audio = decode_audio_file(speak(FIRST))
    heard = []
    encode = native.encode
    monkeypatch.setattr(native, "encode", lambda features: heard.append(features.shape)
                        or encode(features))
    decoded = whisper_decode.decode(native, audio, fit_encoder=True)
    # The encoder heard 10 s, not the 30 s faster-whisper pads every window to.
    assert heard == [(80, 1_000)]
    assert word_error_rate(FIRST, decoded.text) <= 0.25
    assert decoded.words[-1].end <= audio.size / 16_000 + 0.01
    # A Final's decode (the default) still hears the whole 30 s.
    heard.clear()
    whisper_decode.decode(native, audio)
    assert heard == [(80, 3_000)]


def _words(*timed: tuple[str, float, float], confidence: float = 0.9):
    from speech.stt.base import Word

    return tuple(Word(text, start, end, confidence) for text, start, end in timed)


@pytest.mark.parametrize(
    ("words", "made_up"),
    [
        # Seen at the end of a 6.28 s dictated recording: no sound behind it,
        # and little confidence (0.0 to 0.8, 0.2 on average).
        (_words(("Question", 6.0, 6.24), ("mark,", 6.24, 6.24), ("yes,", 6.24, 6.24),
                ("yes,", 6.24, 6.24), ("yes.", 6.24, 6.24), confidence=0.2), True),
        # The same timing heard with confidence: quick real speech, kept.
        (_words(("Yes,", 3.0, 3.0), ("yes.", 3.0, 3.0)), False),
        # Quick speech: one or two words may take no time; the sentence is real.
        (_words(("yes,", 1.84, 1.98), ("it", 2.32, 2.32), ("is", 2.32, 2.48),
                ("raining.", 2.48, 2.86), confidence=0.2), False),
        (_words(("Comma,", 0.0, 0.48), ("new", 0.86, 0.86), ("paragraph,", 0.86, 0.86),
                ("the", 1.08, 1.1), ("end.", 1.1, 1.3)), False),
        (_words(("Hello.", 0.5, 0.5)), False),  # one word alone is not judged
        ((), False),
    ],
)
def test_a_sentence_whose_words_take_no_time_is_made_up(words, made_up):
    assert whisper_decode.made_up(words) is made_up
