"""Sub-commands: speech (``say``, ``voices``, ``transcribe``, ``engines``).

Each sub-command has its own ``_register_…`` function and handler; heavy
libraries (pyttsx3, sounddevice) are imported inside the handlers only.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli_errors import CliError


def register(subparsers) -> None:
    """Add this group's sub-commands to the ``lesson-lab`` parser."""
    _register_say(subparsers)
    _register_voices(subparsers)
    _register_transcribe(subparsers)
    _register_engines(subparsers)


# --- say ---------------------------------------------------------------------------


def _register_say(subparsers) -> None:
    parser = subparsers.add_parser(
        "say",
        help="read text aloud, or save it as a WAV file",
        description="Read TEXT aloud with the computer's voice, or save the speech to a WAV file.",
    )
    parser.add_argument("text", metavar="TEXT", help="the words to say (put them in quotes)")
    parser.add_argument("--voice", metavar="ID", help="voice to use (see: lesson-lab voices)")
    parser.add_argument("--rate", metavar="WPM", type=float, help="speaking rate, words a minute")
    parser.add_argument("--out", metavar="FILE.wav", type=Path, help="save to a WAV file instead")
    parser.add_argument(
        "--device", metavar="NAME", help="speakers to use, by name or number (default: the usual)"
    )
    parser.add_argument(
        "--words", action="store_true", help="print each word as it is spoken, with its time"
    )
    parser.set_defaults(handler=_say)


def _tts_engine(voice: str | None, rate: float | None):
    """The pyttsx3 engine set to ``voice`` and ``rate``, or a ``CliError``."""
    from speech.tts.base import SynthesisError
    from speech.tts.pyttsx3_engine import Pyttsx3Synthesiser

    if voice is not None and not voice.strip():
        # An empty --voice "" used to be ignored silently: say so instead.
        raise CliError('No voice was given after --voice. Run "lesson-lab voices" to see them.')
    availability = Pyttsx3Synthesiser.availability()
    if not availability.available:
        raise CliError(availability.reason)
    try:
        engine = Pyttsx3Synthesiser()
        if voice is not None:
            engine.set_voice(voice)
        if rate is not None:
            engine.set_rate(rate)
    except SynthesisError as error:
        hint = ' Run "lesson-lab voices" to see them.' if voice and "voice" in str(error) else ""
        raise CliError(f"{error}{hint}") from error
    return engine


def _check_out_path(path: Path) -> None:
    if path.suffix.lower() != ".wav":
        raise CliError(f"The output file must end in .wav (got {path.name}).")
    if path.is_dir():
        raise CliError(f"{path} is a folder; give a file name ending in .wav.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CliError(f"The folder {folder} does not exist.")


def _say(args) -> int:
    text = args.text or ""
    if not text.strip():
        raise CliError('There is no text to say. Put the words in quotes: lesson-lab say "Hello".')
    if args.out is not None:
        _check_out_path(args.out)
    engine = _tts_engine(args.voice, args.rate)
    if args.out is not None:
        return _say_to_file(engine, text, args.out, args.words)
    return _say_aloud(engine, text, args.device, args.words)


def _say_to_file(engine, text: str, path: Path, show_words: bool) -> int:
    from speech.tts.base import SynthesisError

    try:
        synthesis = engine.save_wav(text, path)
    except SynthesisError as error:
        raise CliError(str(error)) from error
    if show_words:
        for word in synthesis.words:
            _print_word(text, word, word.time)
    print(f"Saved {synthesis.duration:.1f} seconds of speech to {path}.")
    return 0


def _say_aloud(engine, text: str, device: str | None, show_words: bool) -> int:
    from speech.playback import PlaybackError, WordStarted

    chosen = int(device) if device is not None and device.isdigit() else device
    try:
        for event in engine.speak(text, device=chosen):
            if isinstance(event, PlaybackError):
                raise CliError(event.message)
            if show_words and isinstance(event, WordStarted):
                _print_word(text, event.word, event.position)
    except KeyboardInterrupt:
        engine.stop()
        raise
    return 0


def _print_word(text: str, word, seconds: float) -> None:
    mark = " (estimated)" if word.estimated else ""
    print(f"{seconds:6.2f} s  {word.word(text)}{mark}")
    sys.stdout.flush()


# --- voices -------------------------------------------------------------------------


def _register_voices(subparsers) -> None:
    parser = subparsers.add_parser(
        "voices",
        help="list the voices for reading aloud",
        description="List the text-to-speech voices on this computer; * marks the default.",
    )
    parser.add_argument(
        "--language", metavar="CODE", help="only voices whose language starts with CODE, e.g. en"
    )
    parser.set_defaults(handler=_voices)


def _voices(args) -> int:
    engine = _tts_engine(None, None)
    default = engine.default_voice()
    voices = engine.voices()
    if args.language:
        wanted = args.language.lower().replace("_", "-")
        voices = [v for v in voices if v.language.lower().replace("_", "-").startswith(wanted)]
        if not voices:
            raise CliError(f"No voices for the language “{args.language}”.")
    if not voices:
        raise CliError("There are no voices on this computer.")
    id_width = max(len("ID"), *(len(v.id) for v in voices))
    language_width = max(len("LANGUAGE"), *(len(v.language) for v in voices))
    print(f"  {'ID':<{id_width}}  {'LANGUAGE':<{language_width}}  NAME")
    for voice in voices:
        mark = "*" if default is not None and voice.id == default.id else " "
        print(f"{mark} {voice.id:<{id_width}}  {voice.language:<{language_width}}  {voice.name}")
    print("(* the default voice)")
    return 0


# --- transcribe and engines: app/cli_transcribe.py ----------------------------------


def _register_transcribe(subparsers) -> None:
    from app.cli_transcribe import register_transcribe

    register_transcribe(subparsers)


def _register_engines(subparsers) -> None:
    from app.cli_transcribe import register_engines

    register_engines(subparsers)
