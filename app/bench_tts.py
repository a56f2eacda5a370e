"""``lesson-lab bench tts``: how soon read aloud starts, against the raw engine.

For each classroom passage, on the same text in the same run:

* ``first_audio_s``: from the request to the first synthesised samples in
  Lesson Lab's pipeline (word timings included) — what a pupil waits before
  hearing anything;
* ``synth_s`` and ``raw_synth_s``: the whole synthesis in the pipeline, and
  pyttsx3 on its own writing the same text to a WAV file; ``overhead`` is
  their ratio;
* ``raw_first_audio_s``: the ``espeak-ng`` program's first byte on stdout,
  a reference for the engine's own start-up.

Medians over ``repeats`` runs are reported, with the worst first audio.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSAGES = (
    "Rain falls from the clouds and fills the rivers.",
    "The water cycle shows how water moves between the sea, the air and the land. "
    "The sun warms the sea, and water evaporates into the air as water vapour.",
    "Volcanoes can erupt when pressure builds up under the ground. Hot, molten rock "
    "called magma rises through cracks in the crust. When it reaches the surface it is "
    "called lava, and it can flow for many kilometres before it cools and hardens.",
)


def _espeak_first_byte(text: str, voice: str) -> float | None:
    if shutil.which("espeak-ng") is None:
        return None
    began = time.perf_counter()
    with subprocess.Popen(
        ["espeak-ng", "-v", voice, "--stdout", text],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    ) as process:
        process.stdout.read(1)
        first = time.perf_counter() - began
        process.stdout.read()
    return first


def _raw_times(text: str, wav: Path, repeats: int, voice_id: str | None, rate: float) -> list:
    """pyttsx3 alone, in a process of its own (libespeak-ng has one callback a process)."""
    script = (
        "import json, sys\n"
        "from speech.tts.pyttsx3_engine import raw_save_wav_times\n"
        "a = json.loads(sys.argv[1])\n"
        "print(json.dumps(raw_save_wav_times(a['text'], a['wav'], a['repeats'], a['voice'],"
        " a['rate'])))\n"
    )
    arguments = {"text": text, "wav": str(wav), "repeats": repeats, "voice": voice_id,
                 "rate": rate}
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(arguments)],
        capture_output=True, text=True, timeout=120, check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(repeats: int = 5) -> dict:
    """Measure every passage ``repeats`` times and return the JSON-ready report."""
    from speech.tts.choose import create_synthesiser
    from speech.tts.pyttsx3_engine import Pyttsx3Synthesiser

    engine, reason = create_synthesiser()
    report: dict = {"engine": engine.name, "voice": None, "repeats": repeats, "passages": []}
    if not isinstance(engine, Pyttsx3Synthesiser):
        report["note"] = f"No speech engine to measure: {reason}"
        return report
    voice = engine.voice
    report["voice"] = voice.id if voice else None
    espeak_voice = "en-gb"
    first, synth, raw, raw_first = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="lesson-lab-bench-tts-") as folder:
        wav = Path(folder) / "raw.wav"
        for text in PASSAGES:
            row_first, row_synth = [], []
            for _ in range(repeats):
                began = time.perf_counter()
                synthesis = engine.synthesise(text)
                row_synth.append(time.perf_counter() - began)
                row_first.append(synthesis.first_audio_after)
                raw_first.append(_espeak_first_byte(text, espeak_voice))
            row_raw = _raw_times(text, wav, repeats, report["voice"], engine.rate)
            report["passages"].append({
                "words": len(text.split()),
                "audio_s": round(synthesis.duration, 3),
                "first_audio_s": round(statistics.median(row_first), 4),
                "synth_s": round(statistics.median(row_synth), 4),
                "raw_synth_s": round(statistics.median(row_raw), 4),
            })
            first += row_first
            synth += row_synth
            raw += row_raw
    engine.close()
    report["first_audio_s"] = round(statistics.median(first), 4)
    report["first_audio_worst_s"] = round(max(first), 4)
    report["synth_s"] = round(statistics.median(synth), 4)
    report["raw_synth_s"] = round(statistics.median(raw), 4)
    raw_median = statistics.median(raw)
    report["overhead"] = round(statistics.median(synth) / raw_median, 2) if raw_median else None
    firsts = [f for f in raw_first if f is not None]
    report["raw_first_audio_s"] = round(statistics.median(firsts), 4) if firsts else None
    return report
