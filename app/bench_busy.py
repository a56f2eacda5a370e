"""``lesson-lab bench busy``: Whisper on a computer with other work to do.

CTranslate2's OpenMP threads spin while they wait, unless told to wait
asleep (speech/stt/openmp.py, which the app does). This measures both on the
same audio in the same run: with a busy program beside it (a loop on one
processor, standing in for a browser or a video in a classroom), a fresh
process loads the bundled model on a worker thread, as the app does, and
reads a recording of the bench's first four sentences (``--sentences``) three
times. Once
with the app's passive policy, once with libgomp's own default (spinning),
in turn, ``rounds`` times.

For each: the median time of a read (``decode_s``) and the processor time
the process used for all three (``cpu_s``); and ``spinning_over_passive``,
the ratio of the medians.
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


def run(rounds: int = 2, competitors: int = 1, sentences: int = SENTENCES) -> dict:
    """Measure both policies ``rounds`` times each beside ``competitors`` busy loops, on
    a recording of the bench's first ``sentences`` sentences."""
    from app.bench_stt import build_audio

    with tempfile.TemporaryDirectory(prefix="lesson-lab-bench-busy-") as folder:
        wav = Path(build_audio(Path(folder), sentences, "en-gb", 150)["wav"])
        busy = [subprocess.Popen([sys.executable, "-c", _BUSY_LOOP]) for _ in range(competitors)]
        try:
            runs: dict[str, list[dict]] = {"passive": [], "spinning": []}
            for _ in range(rounds):
                for policy in runs:
                    runs[policy].append(_child(wav, policy))
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
    report["spinning_over_passive"] = round(
        report["spinning"]["decode_s"] / report["passive"]["decode_s"], 2)
    return report


def _child(wav: Path, policy: str) -> dict:
    env = dict(os.environ)
    env.pop("OMP_WAIT_POLICY", None)  # the child sets it, or leaves libgomp's default
    finished = subprocess.run([sys.executable, "-m", "app.bench_busy", str(wav), policy],
                              env=env, capture_output=True, text=True, timeout=1800,
                              cwd=Path(__file__).resolve().parents[1])
    lines = [line for line in finished.stdout.splitlines() if line.startswith("{")]
    if finished.returncode != 0 or not lines:
        raise RuntimeError(f"The measuring process failed: {finished.stderr[-500:]}")
    return json.loads(lines[-1])


def _measure(wav: str, policy: str) -> dict:
    """In the child: load as the app does (a worker thread), then time the reads."""
    if policy == "spinning":
        import ctranslate2  # noqa: F401 - libgomp reads its policy now, with none set

        in_force = "libgomp default"
    else:
        import speech.stt  # noqa: F401 - sets the app's policy (speech/stt/openmp.py)

        in_force = os.environ["OMP_WAIT_POLICY"]
    import threading

    from speech.audio_files import decode_audio_file
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
            "wait_policy": in_force}


if __name__ == "__main__":
    print(json.dumps(_measure(sys.argv[1], sys.argv[2])), flush=True)
