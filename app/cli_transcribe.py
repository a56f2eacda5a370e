"""``lesson-lab transcribe FILE...`` and ``lesson-lab engines``.

Registered from ``app/cli_speech.py``. Engines and audio libraries are
imported inside the handlers so ``lesson-lab --help`` stays instant.

A file is not a live stream: an engine that can read a whole recording at
once (Whisper: ``transcribe_recording``) does so, which is faster and more
accurate than streaming it. ``--stream`` feeds the file through the live
pipeline instead, as a microphone would. Vosk always streams, and so does
``--dictation``: the spoken commands act on the phrases a pupil says between
pauses ("scratch that" takes back the last one), which only the live pipeline
hears apart. Read whole, Whisper ran a pupil's phrases and commands together
and left "scratch that" as words (``bench commands``: 83% of commands carried
out, against 91% streamed).

With the automatic engine (the default, and no ``--model``) a model that will
not load is passed over for the next one, in the end the built-in Whisper
model, as dictation does (``speech.stt.fallback``): one sentence on standard
error says so, and the transcript follows as usual.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.cli_errors import CliError

# Audio is fed to the recogniser in 1 s pieces: a file needs no 100 ms pacing.
_FILE_CHUNK = 16_000


def register_transcribe(subparsers) -> None:
    """Add ``transcribe`` to the ``lesson-lab`` parser."""
    parser = subparsers.add_parser(
        "transcribe",
        help="write down the words spoken in audio files",
        description="Write down the words spoken in one or more audio files "
        "(WAV, FLAC, MP3 or OGG), offline.",
    )
    parser.add_argument("files", metavar="FILE", nargs="+", type=Path, help="audio files")
    parser.add_argument(
        "--engine",
        default="auto",
        metavar="NAME",
        help="auto (the default), vosk or whisper; see: lesson-lab engines",
    )
    parser.add_argument("--model", metavar="PATH", type=Path, help="a model folder to use")
    parser.add_argument(
        "--dictation",
        action="store_true",
        help="obey spoken commands such as 'full stop' and 'scratch that', as dictation "
        "does (the file goes through the live dictation pipeline, phrase by phrase)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print JSON with every word's time and confidence"
    )
    parser.add_argument(
        "--stream",
        action="store_true",
        help="feed the file through the live dictation pipeline, phrase by phrase, "
        "instead of reading it whole (Whisper reads files whole unless --dictation is given)",
    )
    parser.set_defaults(handler=transcribe_command)


def register_engines(subparsers) -> None:
    """Add ``engines`` to the ``lesson-lab`` parser."""
    parser = subparsers.add_parser(
        "engines",
        help="list the speech-to-text engines and whether each can run here",
        description="List every speech-to-text engine, whether it can run on this "
        "computer and, if not, why not.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=engines_command)


def _what_next(engine: str) -> str:
    """What to do when ``engine`` cannot run here ("" when there is nothing to say)."""
    if engine != "vosk":
        return ""
    return (" Install one with “lesson-lab models install vosk-model-small-en-gb-0.15” "
            "(or import one: “lesson-lab models import FILE.zip”), give a model folder "
            "with --model, or leave out --engine to use the built-in model.")


def transcribe_command(args) -> int:
    """Handler of ``lesson-lab transcribe``."""
    from speech.audio_files import AudioFileError, decode_audio_file
    from speech.stt.base import DamagedModelError, ModelLoadError
    from speech.stt.choice import EngineUnavailable, UnknownEngine, choose_engine
    from speech.stt.fallback import load_speech_model

    try:
        choose_engine(args.engine, args.model)  # a wrong name fails before the slow parts
    except EngineUnavailable as error:
        raise CliError(f"{error}{_what_next(error.name)}") from error
    except UnknownEngine as error:
        raise CliError(str(error)) from error
    # Check every file before the slow model load, so a typo fails at once.
    audio = []
    for path in args.files:
        try:
            audio.append((path, decode_audio_file(path)))
        except AudioFileError as error:
            raise CliError(str(error)) from error
    try:
        outcome = load_speech_model(args.engine, args.model)
    except DamagedModelError as error:
        # Chosen with --engine or --model, so nothing else was tried: say how to go on.
        raise CliError(f"{error} Leave out --engine and --model to let Lesson Lab choose "
                       "a model that works.") from error
    except (ModelLoadError, UnknownEngine, EngineUnavailable) as error:
        raise CliError(str(error)) from error
    loaded = outcome.loaded
    note = replaced_note(outcome)
    if note:
        print(note, file=sys.stderr)
    results = [
        transcribe_audio(loaded, samples, dictation=args.dictation, stream=args.stream)
        for _path, samples in audio
    ]
    if args.dictation:
        results = [_with_dictation(phrases, loaded.engine.name) for phrases in results]
    if args.json:
        report = {
            "engine": loaded.engine.name,
            "model": str(loaded.path) if loaded.path else None,
            "files": [
                _file_json(path, phrases, text)
                for (path, _samples), (phrases, text) in zip(audio, results, strict=True)
            ],
        }
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    for (path, _samples), (_phrases, text) in zip(audio, results, strict=True):
        if len(audio) > 1:
            print(f"{path.name}:")
        print(text if text else "(no speech heard)")
    return 0


def replaced_note(outcome) -> str:
    """One line about models the automatic choice passed over ("" when none were)."""
    from speech.stt.model_names import engine_display_name, is_bundled_whisper

    passed = outcome.passed_over
    if not passed:
        return ""
    names = [engine_display_name(p.engine, p.path) for p in passed]
    loaded = outcome.loaded
    instead = ("the built-in English model" if is_bundled_whisper(loaded.engine, loaded.path)
               else f"the {engine_display_name(loaded.engine, loaded.path)} model")
    one = len(names) == 1
    named = names[0] if one else ", ".join(names[:-1]) + " and " + names[-1]
    why = ""
    if all(p.damaged for p in passed):
        why = " (its files are damaged)" if one else " (their files are damaged)"
    folders = " ".join(p.path.name for p in passed if p.path is not None)
    fix = f" Remove or replace {'it' if one else 'them'}"
    fix += f" (lesson-lab models remove {folders})." if folders else "."
    return (f"The {named} speech model{'' if one else 's'} could not be loaded{why}, "
            f"so {instead} is used instead.{fix}")


def transcribe_audio(loaded, samples, *, dictation: bool = False, stream: bool = False):
    """One recording through ``loaded`` (a LoadedModel) as ``transcribe`` does it.

    Reads the recording whole when the engine can, unless ``stream`` or
    ``dictation`` is set, and otherwise streams it (see the module's
    docstring). Returns its Final phrases and their joined text; raises CliError with one plain
    sentence if the engine fails.
    """
    whole = getattr(loaded.engine, "transcribe_recording", None)
    if whole is None or stream or dictation:
        recogniser = loaded.recogniser(dictation=dictation, partials=False)
        return transcribe_samples(recogniser, samples)
    try:
        phrases = whole(loaded.model, samples)
    except Exception as error:  # noqa: BLE001 - one sentence, never a traceback
        name = loaded.engine.name.title()
        raise CliError(f"{name} could not read the recording: {error}") from error
    phrases = [p for p in phrases if p.text]
    return phrases, " ".join(p.text for p in phrases)


def transcribe_samples(recogniser, samples) -> tuple[list, str]:
    """Stream a whole recording; return its Final phrases and their joined text.

    Raises CliError if the engine reports an error.
    """
    from speech.stt.base import EngineError, Final

    events = []
    for start in range(0, len(samples), _FILE_CHUNK):
        events.extend(recogniser.accept(samples[start : start + _FILE_CHUNK]))
    events.extend(recogniser.flush())
    for event in events:
        if isinstance(event, EngineError):
            raise CliError(event.message)
    phrases = [e for e in events if isinstance(e, Final) and e.text]
    return phrases, " ".join(p.text for p in phrases)


def _with_dictation(result: tuple[list, str], engine_name: str) -> tuple[list, str]:
    """Apply the dictation text rules (speech/dictation.py) phrase by phrase."""
    from speech.dictation import DictationOptions, DictationState, apply_phrase

    phrases, _text = result
    whisper = engine_name == "whisper"
    options = DictationOptions(engine_punctuates=whisper, common_means_comma=whisper)
    state = DictationState()
    for phrase in phrases:
        state = apply_phrase(state, phrase.text, options)
    return phrases, state.text


def _file_json(path: Path, phrases: list, text: str) -> dict:
    return {
        "file": str(path),
        "text": text,
        "phrases": [
            {
                "text": phrase.text,
                "words": [
                    {
                        "word": w.text,
                        "start": round(w.start, 3),
                        "end": round(w.end, 3),
                        "confidence": round(w.confidence, 3),
                    }
                    for w in phrase.words
                ],
            }
            for phrase in phrases
        ],
    }


def engines_command(args) -> int:
    """Handler of ``lesson-lab engines``."""
    from speech.stt.choice import choose_engine, engine_report

    report = engine_report()
    auto = choose_engine("auto").engine
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "name": engine.name,
                        "description": engine.description,
                        "available": state.available,
                        "reason": state.reason,
                        "auto": engine is auto,
                    }
                    for engine, state in report
                ],
                indent=2,
            )
        )
        return 0
    width = max(len(engine.name) for engine, _state in report)
    for engine, state in report:
        mark = "*" if engine is auto else " "
        status = "available" if state.available else f"not available: {state.reason}"
        print(f"{mark} {engine.name:<{width}}  {status}")
        print(f"  {'':<{width}}  {engine.description}")
    print("(* the engine 'auto' uses)")
    return 0
