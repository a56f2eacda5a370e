"""Sub-commands: ``lesson-lab bench BENCHMARK``: measurements, printed as JSON.

Speed and memory targets are measured here, never by timed assertions in
tests. Each benchmark's work lives in its own module (``app/bench_*.py``);
this file only declares its sub-command. To add one, write a
``_register_NAME(benchmarks)`` function like ``_register_simulate`` below and
call it from ``register``.
"""

from __future__ import annotations

import json
import shutil

from app.cli_errors import CliError


def register(subparsers) -> None:
    """Add this group's sub-commands to the ``lesson-lab`` parser."""
    parser = subparsers.add_parser(
        "bench",
        help="measure how fast parts of Lesson Lab run (JSON)",
        description="Measure how fast parts of Lesson Lab run on this machine. "
        "Results are printed as JSON.",
    )
    benchmarks = parser.add_subparsers(dest="bench_action", metavar="BENCHMARK", required=True)
    _register_simulate(benchmarks)
    _register_stt(benchmarks)
    _register_tts(benchmarks)
    _register_ui(benchmarks)
    _register_commands(benchmarks)
    _register_busy(benchmarks)


def _need_espeak() -> None:
    """One plain sentence, not a traceback, when espeak-ng is not there to speak the audio."""
    if shutil.which("espeak-ng") is None:
        raise CliError("The benchmark speaks its sentences with espeak-ng, which is not installed.")


# ------------------------------------------------------------------ simulate


def _register_simulate(benchmarks) -> None:
    simulate = benchmarks.add_parser(
        "simulate",
        help="time one frame of each vision simulation on a lesson",
        description="Time one frame of each vision simulation, and of all of them at "
        "once, on a built-in lesson rendered offscreen at 1920 x 1080.",
    )
    simulate.add_argument("--frames", type=int, default=15,
                          help="frames to time for each simulation (median reported)")
    simulate.add_argument("--width", type=int, default=1920, help="view width in pixels")
    simulate.add_argument("--height", type=int, default=1080, help="view height in pixels")
    simulate.add_argument("--strength", type=float, default=0.5,
                          help="strength of every simulation, from 0.05 to 1")
    simulate.set_defaults(handler=_simulate)


def _simulate(args) -> int:
    if args.frames < 1 or args.frames > 1000:
        raise CliError("--frames must be a whole number from 1 to 1000.")
    if not (64 <= args.width <= 7680 and 64 <= args.height <= 4320):
        raise CliError("--width and --height must be between 64 and 7680 by 4320 pixels.")
    if not 0.05 <= args.strength <= 1.0:
        raise CliError("--strength must be between 0.05 and 1.")
    from app.bench_simulate import measure

    report = measure(args.width, args.height, args.frames, args.strength)
    print(json.dumps(report, indent=2))
    return 0


# ------------------------------------------------------------------ stt


def _register_stt(benchmarks) -> None:
    stt = benchmarks.add_parser(
        "stt",
        help="speed, delay, accuracy and memory of each speech-to-text engine",
        description="Stream the same spoken classroom sentences (espeak-ng) through each "
        "speech-to-text engine in real time and report real-time factor against the raw "
        "engine, delay to the first partial and to the final, word error rate and memory.",
    )
    stt.add_argument("--vosk-model", metavar="PATH",
                     help="Vosk model folder to measure (default: an installed English model)")
    stt.add_argument("--fast", action="store_true",
                     help="feed audio as fast as possible (real-time factor only, no delays)")
    stt.add_argument("--sentences", type=int, default=22,
                     help="how many classroom sentences to speak (1 to 22)")
    stt.add_argument("--voice", default="en-gb", help="espeak-ng voice (default en-gb)")
    stt.add_argument("--wpm", type=int, default=150, help="speaking rate in words a minute")
    stt.set_defaults(handler=_stt)


def _stt(args) -> int:
    from app.bench_stt import BENCH_SENTENCES, run

    if not 1 <= args.sentences <= len(BENCH_SENTENCES):
        raise CliError(f"--sentences must be a whole number from 1 to {len(BENCH_SENTENCES)}.")
    if not 80 <= args.wpm <= 400:
        raise CliError("--wpm must be between 80 and 400 words a minute.")
    _need_espeak()
    if args.vosk_model:
        from speech.stt.vosk_files import describe_problem

        problem = describe_problem(args.vosk_model)
        if problem:
            raise CliError(problem)
    report = run(args.vosk_model, args.fast, args.sentences, args.voice, args.wpm)
    print(json.dumps(report, indent=2))
    return 0


# ------------------------------------------------------------------ tts


def _register_tts(benchmarks) -> None:
    tts = benchmarks.add_parser(
        "tts",
        help="time from a read-aloud request to the first audio, against the raw engine",
        description="Synthesise classroom passages with Lesson Lab's read-aloud pipeline and "
        "with pyttsx3 on its own, and report the time to the first audio sample and the "
        "whole synthesis time of each.",
    )
    tts.add_argument("--repeats", type=int, default=5, help="runs of each passage (1 to 50)")
    tts.set_defaults(handler=_tts)


def _tts(args) -> int:
    if not 1 <= args.repeats <= 50:
        raise CliError("--repeats must be a whole number from 1 to 50.")
    from app.bench_tts import run

    print(json.dumps(run(args.repeats), indent=2))
    return 0


# ------------------------------------------------------------------ ui


def _register_ui(benchmarks) -> None:
    ui = benchmarks.add_parser(
        "ui",
        help="start-up, memory, window stalls during dictation and read aloud, highlight drift",
        description="Open Lesson Lab and measure the time to an interactive window, peak "
        "memory with the speech engine loaded, the longest stall of the window while "
        "dictation runs on spoken sentences and while a lesson is read aloud, and how far "
        "the read-aloud highlight lags the voice. Uses a private PulseAudio microphone and "
        "speaker when pulseaudio is installed.",
    )
    ui.add_argument("--sentences", type=int, default=3,
                    help="spoken classroom sentences to dictate (1 to 22)")
    ui.add_argument("--read-seconds", type=float, default=20.0,
                    help="how long to read the lesson aloud (2 to 600 seconds)")
    ui.add_argument("--drift-sentences", type=int, default=5,
                    help="sentences read aloud to measure the highlight drift (1 to 5)")
    ui.add_argument("--startup-runs", type=int, default=3,
                    help="start-ups to time (the median is reported, 1 to 20)")
    ui.set_defaults(handler=_ui)


def _ui(args) -> int:
    from app.bench_stt import BENCH_SENTENCES

    if not 1 <= args.sentences <= len(BENCH_SENTENCES):
        raise CliError(f"--sentences must be a whole number from 1 to {len(BENCH_SENTENCES)}.")
    if not 2 <= args.read_seconds <= 600:
        raise CliError("--read-seconds must be between 2 and 600.")
    if not 1 <= args.drift_sentences <= 5:
        raise CliError("--drift-sentences must be a whole number from 1 to 5.")
    if not 1 <= args.startup_runs <= 20:
        raise CliError("--startup-runs must be a whole number from 1 to 20.")
    _need_espeak()
    from app.bench_ui import run

    report = run(args.sentences, args.read_seconds, args.drift_sentences, args.startup_runs)
    print(json.dumps(report, indent=2))
    return 0


# ------------------------------------------------------------------ commands


def _register_commands(benchmarks) -> None:
    commands = benchmarks.add_parser(
        "commands",
        help="how well spoken commands (full stop, new paragraph, scratch that) are obeyed",
        description="Speak short dictation scripts with British espeak-ng voices, feed them "
        "through Whisper and the dictation text rules as the dictation panel does, and report "
        "the share of spoken commands carried out correctly, the share left as words, the word "
        "error rate of the other words, and every failure.",
    )
    commands.add_argument("--voices", metavar="LIST",
                          help="espeak-ng voices, separated by commas (default: "
                          "en-gb, en-gb-x-rp, en-gb-scotland, en-gb-x-gbclan, en-gb-x-gbcwmd)")
    commands.add_argument("--fast", action="store_true",
                          help="a smaller set of scripts that still says every command")
    commands.add_argument("--scripts", metavar="LIST",
                          help="only these scripts, by name, separated by commas")
    commands.add_argument("--wpm", type=int, default=150,
                          help="speaking rate in words a minute (default 150)")
    commands.add_argument("--key-words", metavar="LIST",
                          help="a lesson's key words, separated by commas, given to Whisper "
                          "as the app gives them when a lesson is open")
    commands.set_defaults(handler=_commands)


def _names(text: str | None) -> list[str]:
    return [name.strip() for name in (text or "").split(",") if name.strip()]


def _commands(args) -> int:
    from app.bench_commands import VOICES, chosen_scripts, run, voice_exists
    from app.bench_commands_scripts import SCRIPTS

    if not 80 <= args.wpm <= 400:
        raise CliError("--wpm must be between 80 and 400 words a minute.")
    _need_espeak()
    voices = _names(args.voices) or list(VOICES)
    for voice in voices:
        if not voice_exists(voice):
            raise CliError(f"espeak-ng has no voice called '{voice}' (see: espeak-ng --voices=en).")
    known = [script.name for script in SCRIPTS]
    unknown = [name for name in _names(args.scripts) if name not in known]
    if unknown:
        raise CliError(f"There is no script called '{unknown[0]}'; the scripts are: "
                       f"{', '.join(known)}.")
    from speech.stt.base import ModelLoadError

    try:
        report = run(voices, chosen_scripts(args.fast, _names(args.scripts)), args.wpm, args.fast,
                     key_words=_names(args.key_words))
    except (ModelLoadError, RuntimeError) as error:  # the model, or Whisper mid-run
        raise CliError(str(error)) from error
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


# ------------------------------------------------------------------ busy


def _register_busy(benchmarks) -> None:
    busy = benchmarks.add_parser(
        "busy",
        help="Whisper beside busy programs: how its threads wait, three ways",
        description="Read the same recording with Whisper in fresh processes beside busy "
        "programs (or none), with Lesson Lab's short OpenMP spin, with the passive wait "
        "policy and with libgomp's spinning default, and report the time of a read and "
        "the processor time used by each.",
    )
    busy.add_argument("--rounds", type=int, default=2, help="runs of each policy (1 to 10)")
    busy.add_argument("--competitors", type=int, default=1,
                      help="busy programs running beside it (0 to 4)")
    busy.add_argument("--sentences", type=int, default=4,
                      help="sentences in the recording read (1 to 22)")
    busy.set_defaults(handler=_busy)


def _busy(args) -> int:
    if not 1 <= args.rounds <= 10:
        raise CliError("--rounds must be a whole number from 1 to 10.")
    if not 0 <= args.competitors <= 4:
        raise CliError("--competitors must be a whole number from 0 to 4.")
    if not 1 <= args.sentences <= 22:
        raise CliError("--sentences must be a whole number from 1 to 22.")
    _need_espeak()
    from app.bench_busy import run

    print(json.dumps(run(args.rounds, args.competitors, args.sentences), indent=2))
    return 0
