"""The least any Whisper streaming can cost, for ``lesson-lab bench stt``.

The issue's goal is streaming at most 1.2x the raw engine, faster-whisper
reading the whole recording in 30 s windows. Whisper has no streaming
state, so words shown while a pupil is still speaking come from decoding
the unfinished phrase, and each phrase must be decoded again when it ends.
This measures the cheapest form of both on the bench's own sentences, in
the same run as the raw engine:

* one partial decode per sentence, halfway through it: greedy, the phrase
  alone, no prompt, no word timings, the encoder at its shortest window
  (whisper_window.py) — cheaper than any partial the app makes;
* one final decode per sentence: the phrase alone, beam search and word
  timings (what a Final must carry), but without the earlier speech that
  keeps Whisper accurate (so its word error rate is given too).

``overhead`` here is (finals + partials) / raw: if it is over 1.2, no
streaming that shows words while they are spoken can meet the goal with
this model on this machine, whatever the code around it.
"""

from __future__ import annotations

import time

import numpy as np

SAMPLE_RATE = 16_000
LEAD_IN_S = 0.3  # audio kept before a sentence's first sound (as the detector's preroll)
TAIL_S = 0.2  # quiet after its last sound (as the engine keeps before deciding)


def measure(native, samples: np.ndarray, spans, sentences, raw_s: float) -> dict:
    """The cheapest partial and final decodes of every sentence, against ``raw_s``."""
    from speech.stt import whisper_decode
    from speech.stt.wer import word_error_rate

    partial_s = final_s = 0.0
    finals = []
    for onset, end in spans:
        start = max(0, round((onset - LEAD_IN_S) * SAMPLE_RATE))
        middle = round((onset + end) / 2 * SAMPLE_RATE)
        stop = min(samples.size, round((end + TAIL_S) * SAMPLE_RATE))
        began = time.perf_counter()
        whisper_decode.decode(native, samples[start:middle], beam_size=1,
                              with_words=False, fit_encoder=True)
        partial_s += time.perf_counter() - began
        began = time.perf_counter()
        decoded = whisper_decode.decode(native, samples[start:stop], beam_size=5,
                                        with_words=True, fit_encoder=True)
        final_s += time.perf_counter() - began
        finals.append(decoded.text)
    count = max(1, len(spans))
    return {
        "partial_decode_s": round(partial_s / count, 3),
        "final_decode_s": round(final_s / count, 3),
        "raw_s_per_sentence": round(raw_s / count, 3),
        "overhead": round((partial_s + final_s) / raw_s, 2) if raw_s > 0 else None,
        "partials_share": round(partial_s / raw_s, 2) if raw_s > 0 else None,
        "finals_share": round(final_s / raw_s, 2) if raw_s > 0 else None,
        "wer": round(word_error_rate(" ".join(sentences), " ".join(finals)), 4),
        "note": ("one greedy partial and one phrase-alone final per sentence: "
                 "the least any streaming with words shown while speaking can cost"),
    }
