"""``lesson-lab bench busy``: Whisper on a computer with other work to do.

How CTranslate2's OpenMP threads wait between sums decides how Whisper
shares the processor (speech/stt/openmp.py). This measures three ways on the
same audio in the same run, beside ``competitors`` busy programs (a loop on
one processor each, standing in for a browser or a video in a classroom), or
none for a quiet computer:

* ``app``: what Lesson Lab sets, a short spin and then sleep;
* ``passive``: never spin (``OMP_WAIT_POLICY=PASSIVE``);
* ``spinning``: libgomp's own default, 300,000 spins before sleeping.

For each, ``rounds`` times in turn, a fresh process loads the bundled model
on a worker thread, as the app does, and reads a recording of the bench's
first ``sentences`` sentences three times. Reported: the median time of a
read (``decode_s``), the processor time the process used for the three
(``cpu_s``), and each policy's median read against the app's
(``over_app``).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

READS = 3
SENTENCES = 4
_BUSY_LOOP = "while True: pass"
#: What each measured process starts with; speech.stt adds the app's own.
POLICIES = {
    "app": {},
    "passive": {"OMP_WAIT_POLICY": "PASSIVE"},
    "spinning": {"GOMP_SPINCOUNT": "300000"},
}


def run(rounds: int = 2, competitors: int = 1, sentences: int = SENTENCES) -> dict:
    """Measure every policy ``rounds`` times beside ``competitors`` busy loops, on a
    recording of the bench's first ``sentences`` sentences."""
    from app.bench_stt import build_audio

    with tempfile.TemporaryDirectory(prefix="lesson-lab-bench-busy-") as folder:
        wav = Path(build_audio(Path(folder), sentences, "en-gb", 150)["wav"])
        busy = [subprocess.Popen([sys.executable, "-c", _BUSY_LOOP]) for _ in range(competitors)]
        try:
            runs: dict[str, list[dict]] = {policy: [] for policy in POLICIES}
            for _ in range(rounds):
                for policy, env in POLICIES.items():
                    runs[policy].append(_child(wav, env))
        finally:
            for process in busy:
                process.kill()
                process.wait()
    report: dict = {"competitors": competitors, "rounds": rounds, "reads": READS,
                    "sentences": sentences}
    for policy, results in runs.items():
        report[policy] = {
            "decode_s": round(statistics.median(r["decode_s"] for r in results), 3),
            "cpu_s": round(statistics.median(r["cpu_s"] for r in results), 2),
            "runs": results,
        }
    for policy in POLICIES:
        report[policy]["over_app"] = round(
            report[policy]["decode_s"] / report["app"]["decode_s"], 2)
    return report


def _child(wav: Path, env: dict[str, str]) -> dict:
    from speech.stt.openmp import VARIABLES

    environment = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    finished = subprocess.run([sys.executable, "-m", "app.bench_busy", str(wav)],
                              env={**environment, **env}, capture_output=True, text=True,
                              timeout=1800, cwd=Path(__file__).resolve().parents[1])
    lines = [line for line in finished.stdout.splitlines() if line.startswith("{")]
    if finished.returncode != 0 or not lines:
        raise RuntimeError(f"The measuring process failed: {finished.stderr[-500:]}")
    return json.loads(lines[-1])


def _measure(wav: str) -> dict:
    """In the child: load as the app does (a worker thread), then time the reads."""
    import threading

    from speech.audio_files import decode_audio_file
    from speech.stt import openmp
    from speech.stt.whisper_engine import WhisperRecogniser

    samples = decode_audio_file(wav)
    loaded: dict = {}
    loader = threading.Thread(
        target=lambda: loaded.update(model=WhisperRecogniser.load_model(None)))
    loader.start()
    loader.join()
    times = []
    began_cpu = time.process_time()
    for _ in range(READS):
        began = time.perf_counter()
        WhisperRecogniser.transcribe_recording(loaded["model"], samples)
        times.append(time.perf_counter() - began)
    return {"decode_s": round(statistics.median(times), 3),
            "cpu_s": round(time.process_time() - began_cpu, 2),
            "in_force": openmp.in_force()}


if __name__ == "__main__":
    print(json.dumps(_measure(sys.argv[1])), flush=True)
