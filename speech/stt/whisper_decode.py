"""One Whisper decode of a stretch of audio, as the streaming engine and the file path need it.

Whisper tiny.en understands a phrase much better when it also hears the
speech before it: on espeak-ng's British voice a phrase decoded on its own
loses about one word in five, the same phrase heard at the end of the last
half-minute of the recording about one in twelve, as good as decoding the
whole file. Re-decoding that earlier speech every time would cost a lot and
could change words already given, so the decoder is *forced* through the
text already settled for it (faster-whisper's ``prefix``) and only the new
phrase is searched for. The alignment still covers the whole window, so the
new words get true times.

Text from before the window, a lesson's key words and the dictation hint go
into the prompt (Whisper's "previous text"), inside a token budget so none of
them pushes another out and the decoder always has room for the new words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from speech.stt import whisper_window
from speech.stt.base import SAMPLE_RATE, Final, Word
from speech.stt.vad import FRAME

#: Steers Whisper to write spoken commands as words ("full stop") rather than
#: acting on them itself; speech/dictation.py then turns them into marks. It
#: names every command the pupil is shown: left out, colon, semicolon, the
#: brackets and "undo that" were misheard ("code and", "semico when", "opened
#: racket", "a new mat"). In short groups, not one long list: given a long list
#: Whisper sometimes read on through it ("close bracket, unquote, unquote,
#: unquote" in place of the pupil's words). Measured with ``lesson-lab bench
#: commands``: 74% of commands carried out with the old short list, 91% with
#: this.
DICTATION_PROMPT = (
    "Comma, full stop, question mark, exclamation mark. Colon, semicolon. "
    "Open bracket, close bracket. Quote, unquote. New line, new paragraph. "
    "Scratch that, undo that."
)

# Token budgets (Whisper's decoder holds 448 tokens: prompt, prefix and new text).
KEY_WORD_TOKENS = 28  # a lesson's key words (the dictation hint is always whole: 43)
_PROMPT_TOKENS = 100  # the whole prompt, earlier text included
PREFIX_TOKENS = 120  # settled text the decoder is forced through (28 s at 190 words a minute)
_MAX_TOKENS = 448  # prompt, prefix and new text together
# New text allowed per second of new audio: fast speech is about 4 tokens a
# second; a bound stops a rare repetition loop from running to the limit.
_TOKENS_PER_SECOND = 7
_MIN_NEW_TOKENS = 12
# Speech after the last word decoded: this long of frames no more than this far
# below the loudest frame (and above the quietest speech the phrase finder takes).
_MORE_SPEECH_S = 0.5
_SPEECH_BELOW_PEAK_DB = 20.0
_QUIETEST_SPEECH_DB = -50.0
# faster-whisper's own thresholds for a segment that is not speech.
_NO_SPEECH = 0.6
_UNSURE_LOGPROB = -1.0


@dataclass(frozen=True)
class Decoded:
    """What one decode found after the forced prefix; word times from the audio's start."""

    text: str
    words: tuple[Word, ...] = ()


def count_tokens(native, text: str) -> int:
    """How many Whisper tokens ``text`` takes (as faster-whisper encodes it)."""
    if not text.strip():
        return 0
    return len(native.hf_tokenizer.encode(" " + text.strip(), add_special_tokens=False).ids)


def tail_within(native, text: str, budget: int) -> str:
    """The longest run of whole words at the end of ``text`` that fits ``budget`` tokens."""
    words = text.split()
    low, high = 0, len(words)  # binary search for the first word to keep
    while low < high:
        middle = (low + high) // 2
        if count_tokens(native, " ".join(words[middle:])) <= budget:
            high = middle
        else:
            low = middle + 1
    return " ".join(words[low:])


@dataclass(frozen=True)
class Hint:
    """What steers Whisper besides the earlier text: a lesson's key words, the dictation hint."""

    key_words: str = ""
    dictation: str = ""


def join_hint(vocabulary: Sequence[str], dictation: bool) -> Hint:
    """The hint for the prompt: the lesson's key words and, in dictation, the command words."""
    return Hint(", ".join(vocabulary) + "." if vocabulary else "",
                DICTATION_PROMPT if dictation else "")


def build_prompt(native, hint: Hint, earlier: str) -> str | None:
    """The prompt: the end of the earlier text, the dictation hint, then the key words.

    The key words go last, nearest the new speech, where Whisper heeds them
    most; the dictation hint, always whole, works from before them. Heard as
    the first phrase of a dictation, 22 classroom sentences in five British
    voices lost 22.7% of their words this way (as with the old short hint),
    23.3% with the key words before the hint. The key words and the earlier
    text are cut to their budgets, so neither pushes the hint out: with one
    budget for both, the longer hint left a lesson's key words 7 tokens, and
    "The water cycle shows" came out as "But what a cycle shows".
    """
    key_words = tail_within(native, hint.key_words, KEY_WORD_TOKENS) if hint.key_words else ""
    steer = " ".join(part for part in (hint.dictation, key_words) if part)
    room = _PROMPT_TOKENS - count_tokens(native, steer)
    earlier = tail_within(native, earlier, room) if earlier and room > 0 else ""
    prompt = " ".join(part for part in (earlier, steer) if part)
    return prompt or None


def decode(
    native,
    audio: np.ndarray,
    *,
    prefix: str = "",
    prompt: str | None = None,
    new_seconds: float | None = None,
    beam_size: int = 5,
    with_words: bool = True,
    fit_encoder: bool = False,
) -> Decoded:
    """Decode ``audio`` (int16, at most 30 s) after forcing ``prefix``; return only the new part.

    ``prefix`` is the text already settled for the start of the audio (keep
    it within PREFIX_TOKENS); ``new_seconds`` is how much of the audio is new,
    which bounds how much new text may come. ``fit_encoder`` encodes only
    as much as the audio needs (whisper_window.py): cheaper, for partials.
    """
    if new_seconds is None:
        new_seconds = audio.size / SAMPLE_RATE
    prefix = " ".join(prefix.split())
    prefix_tokens = count_tokens(native, prefix)
    # CTranslate2 counts the forced prefix as generated text, and
    # faster-whisper checks prompt + prefix + that against the decoder's size.
    used = 3 + count_tokens(native, prompt or "") + prefix_tokens
    room = prefix_tokens + _MIN_NEW_TOKENS + round(_TOKENS_PER_SECOND * new_seconds)
    segments = whisper_window.first_window_segments(
        native,
        audio.astype(np.float32) / 32768.0,
        fit=fit_encoder,
        beam_size=beam_size,
        # One segment for the window: the settled text is all in the prefix.
        without_timestamps=True,
        word_timestamps=with_words,
        initial_prompt=prompt,
        prefix=prefix or None,
        max_new_tokens=max(1, min(room, _MAX_TOKENS - used)),
    )
    segments = iter(segments)
    first = next(segments, None)
    if first is None:
        return Decoded("")
    if not with_words:
        return Decoded(_after_prefix_text(first.text, prefix))
    new = _after_prefix_words(first.words or (), prefix)
    # With word timings faster-whisper goes on from the last word it placed. After
    # the quiet that ends a phrase that is a waste (and Whisper invents "Thank you."
    # there), but Whisper sometimes ends its text at a full stop with a sentence
    # still to come: that sentence is decoded too, or the pupil's words are lost.
    while new and _speech_after(audio, new[-1].end):
        more = next(segments, None)
        if more is None or _sounds_like_silence(more):
            break
        words = _after_prefix_words(more.words or (), "")
        if words and _same_word(words[0], new[-1]):
            words = words[1:]  # the last word heard again: its end was placed early
        if not words:
            break  # nothing more heard: loud noise, not a sentence
        new.extend(words)
    return Decoded(" ".join(w.text for w in new), tuple(new))


def _sounds_like_silence(segment) -> bool:
    """Whisper's own test for text it made up over no speech (its transcribe drops these)."""
    return (getattr(segment, "no_speech_prob", 0.0) > _NO_SPEECH
            and getattr(segment, "avg_logprob", 0.0) < _UNSURE_LOGPROB)


def _same_word(word: Word, before: Word) -> bool:
    def bare(text: str) -> str:
        return "".join(ch for ch in text.lower() if ch.isalnum())

    return bare(word.text) == bare(before.text) and word.start - before.end < _MORE_SPEECH_S


def _speech_after(audio: np.ndarray, seconds: float) -> bool:
    """Whether ``audio`` (int16) holds speech after ``seconds``: :data:`_MORE_SPEECH_S` of
    frames within :data:`_SPEECH_BELOW_PEAK_DB` of the loudest, not the quiet that ends
    a phrase (a classroom's noise is far quieter than a voice)."""
    count = audio.size // FRAME
    if not count:
        return False
    # Every frame's level at once (a final decode's window holds up to 1,000 frames).
    frames = audio[:count * FRAME].astype(np.float32).reshape(count, FRAME) / 32768.0
    power = np.mean(np.square(frames), axis=1)
    levels = 10.0 * np.log10(np.maximum(power, 1e-9))  # dB relative to full scale, -90 floor
    loud = levels >= max(levels.max() - _SPEECH_BELOW_PEAK_DB, _QUIETEST_SPEECH_DB)
    after = int(seconds * SAMPLE_RATE) // FRAME + 1  # the frame after the last word's end
    return int(loud[after:].sum()) * FRAME / SAMPLE_RATE >= _MORE_SPEECH_S


def _after_prefix_text(text: str, prefix: str) -> str:
    """``text`` without the forced ``prefix`` it starts with."""
    text = " ".join(text.split())
    if not prefix:
        return text
    if text.startswith(prefix):
        return text[len(prefix) :].strip()
    # The tokenizer wrote the prefix back differently: drop as many words.
    return " ".join(text.split()[len(prefix.split()) :])


def _after_prefix_words(words, prefix: str) -> list[Word]:
    """The words after the forced ``prefix``, as Word objects (punctuation kept on words)."""
    skip = len(" ".join(prefix.split()).replace(" ", ""))  # prefix characters, no spaces
    seen = 0
    new: list[Word] = []
    for w in words:
        text = w.word.strip()
        if not text:
            continue
        if seen < skip:
            seen += len(text.replace(" ", ""))
            if seen <= skip:
                continue
            # A word straddling the end of the prefix: keep only its new part.
            text = text[len(text) - (seen - skip) :]
            if not any(ch.isalnum() for ch in text):
                continue
        new.append(Word(text, float(w.start), float(w.end), float(w.probability)))
    return new


def transcribe_recording(
    native, samples: np.ndarray, *, hotwords: str | None = None
) -> list[Final]:
    """A whole recording decoded as faster-whisper reads a file: one Final per sentence.

    Whisper reads each 30 s window whole, with the text before it as context,
    so this is both the most accurate and the fastest way to transcribe a
    file. Word times are seconds from the start of the recording.
    """
    segments, _info = native.transcribe(
        np.asarray(samples, dtype=np.float32) / 32768.0,
        language="en",
        word_timestamps=True,
        # Whisper's own detector (Silero) leaves out the quiet: long quiet
        # stretches of a real lesson recording cost time and invite made-up
        # sentences, and a first word after quiet would be timed from the
        # start of the quiet.
        vad_filter=True,
        hallucination_silence_threshold=2.0,
        hotwords=hotwords,
    )
    finals = []
    for segment in segments:
        words = tuple(
            Word(w.word.strip(), round(float(w.start), 3), round(float(w.end), 3),
                 float(w.probability))
            for w in (segment.words or ())
            if w.word.strip()
        )
        if made_up(words):
            continue
        text = " ".join(w.text for w in words) if words else segment.text.strip()
        if text:
            finals.append(Final(text, words))
    return finals


def made_up(words: Sequence[Word]) -> bool:
    """True for a sentence most of whose words take no time and that Whisper doubts.

    The word alignment found no sound for them and Whisper gave them little
    confidence: it made them up, most often at the end of a recording from
    its prompt ("Question mark, yes, yes, yes." all at the last moment, 0.2
    confidence on average). Words spoken quickly may take no time, but they
    are heard with confidence.
    """
    if len(words) < 2:
        return False
    instant = sum(w.end - w.start < 0.01 for w in words)
    confidence = sum(w.confidence for w in words) / len(words)
    return instant * 2 > len(words) and confidence < 0.5
