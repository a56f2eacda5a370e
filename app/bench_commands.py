"""``lesson-lab bench commands``: how well the spoken commands survive real recognition.

Every dictation script (``app.bench_commands_scripts``) is spoken by
espeak-ng in each British voice, one utterance at a time with a pause of
``GAP_S`` between them, as a pupil pauses. The audio goes in 100 ms chunks
through the path the dictation panel uses: the Whisper recogniser in
dictation mode (steered towards the command words), then each Final through
the dictation text rules with the options the dictation controller sets for
Whisper (``app.dictation_controller.engine_options``). One recogniser per
voice, reset before each script, as the app resets it when dictation starts.
``lesson-lab transcribe --dictation`` reads a file the same way.

Partial results are off: they are only shown while a phrase is spoken, the
Finals never depend on them (the app turns them off itself when it falls
behind), and they would double the time on a shared machine.

The JSON gives, per voice and overall, the share of commands carried out
correctly, the share whose words were left as text, the word error rate of
the other words, how many scripts came out exactly as expected, breakdowns by
command and by where the command falls in an utterance, and every failure
with the expected and written text and what Whisper heard; and every script
as heard (each Final with the utterances it was heard in) and as written, so
the figures can be checked or scored again. ``rules_alone`` is the same
scoring on the scripts' own words, as if heard perfectly: the ceiling, so a
failure can be told from a recognition error. How each command is scored is
in ``app.bench_commands_score``.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import numpy as np

from app.bench_commands_score import ScriptResult, replay, rules_alone, score_script
from app.bench_commands_scripts import FAST_SCRIPTS, SCRIPTS, Script, scripts_named

#: The British voices espeak-ng ships (see ``espeak-ng --voices=en``).
VOICES = ("en-gb", "en-gb-x-rp", "en-gb-scotland", "en-gb-x-gbclan", "en-gb-x-gbcwmd")
RATE = 16_000
CHUNK_S = 0.1
LEAD_S = 0.5  # quiet before the first utterance
GAP_S = 1.0  # the pupil's pause between utterances
TAIL_S = 1.0  # quiet after the last, before dictation stops
WORDS_PER_MINUTE = 150
_LOUD = 300  # int16 level above which a sample is speech, not espeak-ng's padding
_MARGIN_S = 0.1  # kept either side of the loud part of each utterance


def voice_exists(voice: str) -> bool:
    """Whether espeak-ng can speak with ``voice``."""
    result = subprocess.run(["espeak-ng", "-v", voice, "-q", "x"], capture_output=True)
    return result.returncode == 0 and not result.stderr.strip()


def speak_script(script: Script, voice: str, folder: Path, wpm: int = WORDS_PER_MINUTE):
    """The script as one stream (int16, 16 kHz) and each utterance's (first, last) sound in s."""
    from speech.audio_files import decode_audio_file

    pieces = [np.zeros(round(LEAD_S * RATE), np.int16)]
    position = pieces[0].size
    spans = []
    for index, text in enumerate(script.spoken()):
        path = folder / f"{script.name}-{index}.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(wpm), "-w", str(path), text],
                       check=True, capture_output=True)
        clip = decode_audio_file(path)
        loud = np.flatnonzero(np.abs(clip.astype(np.int32)) > _LOUD)
        if loud.size:  # espeak-ng's own padding varies by voice: the pause is GAP_S for all
            margin = round(_MARGIN_S * RATE)
            clip = clip[max(0, loud[0] - margin) : loud[-1] + margin]
        spans.append(((position + _MARGIN_S * RATE) / RATE,
                      (position + clip.size - _MARGIN_S * RATE) / RATE))
        pause = GAP_S if index + 1 < len(script.said) else TAIL_S
        pieces += [clip, np.zeros(round(pause * RATE), np.int16)]
        position += clip.size + pieces[-1].size
    return np.concatenate(pieces), spans


def hear(recogniser, samples: np.ndarray) -> list:
    """Stream ``samples`` in 100 ms chunks as the microphone delivers them; the Finals."""
    from speech.stt.base import EngineError, Final

    recogniser.reset()
    chunk = round(CHUNK_S * RATE)
    events = []
    for start in range(0, samples.size, chunk):
        events.extend(recogniser.accept(samples[start : start + chunk]))
    events.extend(recogniser.flush())
    for event in events:
        if isinstance(event, EngineError):
            raise RuntimeError(event.message)
    return [e for e in events if isinstance(e, Final)]


def utterances_of(final, spans: Sequence[tuple[float, float]]) -> frozenset[int]:
    """The utterances a Final's words were heard in (each word by its middle)."""
    found = set()
    for word in final.words:
        middle = (word.start + word.end) / 2
        for index in range(len(spans)):
            # Each utterance owns the audio up to halfway through the pauses either side.
            low = (spans[index - 1][1] + spans[index][0]) / 2 if index else float("-inf")
            high = ((spans[index][1] + spans[index + 1][0]) / 2 if index + 1 < len(spans)
                    else float("inf"))
            if low <= middle < high:
                found.add(index)
    return frozenset(found)


def run(voices: Sequence[str], scripts: Sequence[Script], wpm: int = WORDS_PER_MINUTE,
        fast: bool = False, key_words: Sequence[str] = ()) -> dict:
    """Speak, recognise and score every script in every voice; the report as a dict.

    ``key_words`` are given to Whisper as a lesson's key words are when a
    lesson is open in the app.
    """
    from app.dictation_controller import engine_options
    from speech.dictation import DictationOptions
    from speech.stt.choice import engine_class
    from speech.stt.loader import ModelLoader

    began = time.perf_counter()
    loaded = ModelLoader().load_now(engine_class("whisper"))
    options = engine_options(DictationOptions(), loaded.engine.name)
    results: dict[str, list[ScriptResult]] = {}
    heard: dict[tuple[str, str], list[tuple[str, frozenset[int]]]] = {}
    audio_s = 0.0
    with tempfile.TemporaryDirectory(prefix="lesson-lab-commands-") as folder:
        for voice in voices:
            recogniser = loaded.recogniser(dictation=True, partials=False)
            if key_words:
                recogniser.set_vocabulary(key_words)
            results[voice] = []
            for script in scripts:
                samples, spans = speak_script(script, voice, Path(folder), wpm)
                audio_s += samples.size / RATE
                phrases = hear(recogniser, samples)
                finals = [(f.text, utterances_of(f, spans)) for f in phrases]
                heard[voice, script.name] = finals
                results[voice].append(score_script(script, replay(finals, options)))
    ceiling = [rules_alone(script, options) for script in scripts]
    return {
        "engine": loaded.engine.name,
        "model": str(loaded.path) if loaded.path else None,
        "text_rules": asdict(options),
        "fast": fast,
        "key_words": list(key_words),
        "audio": {"voices": list(voices), "scripts": [s.name for s in scripts],
                  "words_per_minute": wpm, "chunk_s": CHUNK_S, "pause_s": GAP_S,
                  "seconds": round(audio_s, 1)},
        "machine": {"cpus": os.cpu_count(), "run_s": round(time.perf_counter() - began, 1)},
        "overall": figures([r for voice in voices for r in results[voice]]),
        "voices": {voice: figures(results[voice]) for voice in voices},
        "rules_alone": figures(ceiling),
        "failures": [_failure(voice, r, c, [text for text, _u in heard[voice, r.script.name]])
                     for voice in voices for r in results[voice]
                     for c in r.commands if not c.correct],
        "scripts": [{"voice": voice, "script": r.script.name, "got": r.got, "exact": r.exact,
                     "heard": [{"text": text, "utterances": sorted(utterances)}
                               for text, utterances in heard[voice, r.script.name]]}
                    for voice in voices for r in results[voice]],
    }


def figures(results: Sequence[ScriptResult]) -> dict:
    """The summary figures of some scored scripts (all computed from the results)."""
    commands = [c for r in results for c in r.commands]
    words = sum(r.words for r in results)
    errors = sum(r.word_errors for r in results)
    return {
        "commands": len(commands),
        "correct": sum(c.correct for c in commands),
        "correct_share": _share(sum(c.correct for c in commands), len(commands)),
        "left_as_words": sum(c.left_as_words for c in commands),
        "left_as_words_share": _share(sum(c.left_as_words for c in commands), len(commands)),
        "words": words,
        "word_errors": errors,
        "wer": _share(errors, words),
        "extra_marks": sum(r.extra_marks for r in results),
        "scripts": len(results),
        "exact_scripts": sum(r.exact for r in results),
        "by_command": _tally(commands, lambda c: c.command.phrase),
        "by_position": _tally(commands, lambda c: c.command.position),
    }


def _tally(commands, key) -> dict:
    table: dict[str, dict] = {}
    for c in commands:
        row = table.setdefault(key(c), {"commands": 0, "correct": 0, "left_as_words": 0})
        row["commands"] += 1
        row["correct"] += c.correct
        row["left_as_words"] += c.left_as_words
    return dict(sorted(table.items()))


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _failure(voice: str, result: ScriptResult, command, heard: list[str]) -> dict:
    return {
        "voice": voice,
        "script": result.script.name,
        "command": command.command.phrase,
        "utterance": command.command.utterance,
        "position": command.command.position,
        "outcome": command.outcome,
        "left_as_words": command.left_as_words,
        "in_its_place": command.heard_as,
        "expected": result.script.expected,
        "got": result.got,
        "whisper_heard": heard,
    }


def chosen_scripts(fast: bool, names: Sequence[str] | None) -> list[Script]:
    """The scripts to run: those named, else the ``--fast`` set, else all of them."""
    if names:
        return scripts_named(names)
    return scripts_named(FAST_SCRIPTS) if fast else list(SCRIPTS)
