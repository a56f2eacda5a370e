"""Screenshots of speech at work, taken during a real run (run by scripts/screenshots_e2e).

    python scripts/screenshots_e2e.py OUT_FOLDER [NAME...]

(NAMEs: dictation-in-progress, read-aloud-highlight, captions-projector; all by default.)

Needs a real X display of 1920 x 1080 (the wrapper starts Xvfb) and
PulseAudio. The app runs as ``lesson-lab`` starts it, driven by
``python -m app.e2e_harness`` with real key presses, in an isolated data
folder, with a private PulseAudio server as its microphone and speakers
(app/bench_audio_devices.py). espeak-ng speaks into the microphone in real
time. Three pictures, each the whole screen as the X server drew it:

- dictation-in-progress.png: a pupil dictating, settled text and the words
  still being heard;
- read-aloud-highlight.png: a paragraph read aloud, the spoken word
  highlighted;
- captions-projector.png: the lesson in projector mode with live captions
  along the bottom while the teacher speaks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.bench_audio_devices import MIC_DEVICE, SPEAKER_DEVICE, VirtualAudio  # noqa: E402
from speech.audio_files import decode_audio_file  # noqa: E402

LESSON = "The water cycle"
PROFILE = "Dyslexia"
# Said as a pupil dictates: with the spoken command "full stop".
PUPIL = ["The sun heats the water in the sea full stop",
         "The water vapour rises up into the sky full stop",
         "It cools down and turns into tiny drops of water full stop",
         "The drops join together to make clouds full stop",
         "When the drops get heavy they fall as rain full stop",
         "The rain flows back to the sea in rivers full stop"]
READ_FROM = "As the water vapour rises higher"
TEACHER = ["Today we are going to find out where rain comes from."]
GAP_S = 0.8


def spoken(sentences: list[str], folder: Path, name: str):
    """espeak-ng says the sentences (a pause between them) as 16 kHz samples."""
    import numpy as np

    pieces = []
    for number, sentence in enumerate(sentences):
        wav = folder / f"{name}{number}.wav"
        subprocess.run(["espeak-ng", "-v", "en-gb", "-s", "145", "-w", str(wav), sentence],
                       check=True, capture_output=True)
        pieces += [decode_audio_file(wav), np.zeros(int(GAP_S * 16000), dtype=np.int16)]
    return np.concatenate(pieces)


def events(log: Path) -> list[dict]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").split("\n")
            if line.endswith("}")]


def shoot(audio: VirtualAudio, work: Path, shot: Path, steps: list[dict],
          speech=None, cue: str = "", after: list[dict] | None = None) -> bool:
    """One run of the app for one picture; ``speech`` is said when the log shows ``cue``;
    ``after`` are the steps between the picture and closing the app."""
    log, fed = work / f"{shot.stem}.jsonl", work / f"{shot.stem}.fed"
    steps = [{"wait": "library"}, {"select_lesson": LESSON}, {"profile": PROFILE},
             {"activate": True}, {"wait": "active"},
             *[{k: v.replace("FED", str(fed)) if isinstance(v, str) else v
                for k, v in step.items()} for step in steps],
             {"screenshot": str(shot)}, *(after or []), {"quit": True}]
    script = work / f"{shot.stem}.json"
    script.write_text(json.dumps({
        "log": str(log), "maximise": True, "steps": steps, "timeout": 900,
        "settings": {"engine": "whisper", "input_device": MIC_DEVICE,
                     "output_device": SPEAKER_DEVICE, "welcome_shown": True},
    }), encoding="utf-8")
    env = dict(os.environ, **audio.env, QT_QPA_PLATFORM="xcb",
               LESSON_LAB_DATA=str(work / f"{shot.stem}-data"))
    app = subprocess.Popen([sys.executable, "-m", "app.e2e_harness", str(script)],
                           cwd=ROOT, env=env)
    while app.poll() is None:
        if speech is not None and any(e["event"] == cue and e["value"] for e in events(log)):
            audio.say(speech)
            speech = None
            audio.wait_until_said(120)
            fed.touch()
        time.sleep(0.05)
    done = [e for e in events(log) if e["event"] == "done"]
    if app.returncode != 0 or not done or done[-1]["code"] != 0:
        reason = done[-1]["reason"] if done else f"exit code {app.returncode}"
        print(f"{shot.name}: the run failed: {reason}", file=sys.stderr)
        return False
    print(f"{shot} ({shot.stat().st_size // 1024} KB)")
    return True


def main(out: Path, only: list[str] | None = None) -> int:
    """Take the pictures (``only`` some of them, by name) into ``out``."""
    work = Path(tempfile.mkdtemp(prefix="lesson-lab-e2e-shots-"))
    plans = {
        "read-aloud-highlight": ([
            {"wait": "voices", "timeout": 60},
            {"select_text": READ_FROM, "caret": True},
            {"key": "F5"},  # read from the caret
            {"wait": "highlights:12", "timeout": 60},
        ], None, "", [{"key": "Shift+F5"}, {"wait": "not_reading"}]),
        # The pupil is still speaking when the first sentence settles: the level
        # meter moves, and the words still being heard follow the settled text.
        "dictation-in-progress": ([
            {"key": "F9"},
            {"wait": "listening", "timeout": 90},
            {"wait": "dictating", "timeout": 180},
        ], PUPIL, "listening",
            # Closing while Whisper decodes can crash the process at exit: end cleanly.
            [{"key": "F9"}, {"wait": "not_listening", "timeout": 400}]),
        "captions-projector": ([
            {"key": "F11"},
            {"wait": "projector"},
            {"activate": True},
            {"wait": "active"},
            {"key": "Ctrl+Shift+C"},
            {"wait": "captions_listening", "timeout": 60},
            {"wait": "file:FED", "timeout": 120},
            {"wait": "caption_settled", "timeout": 180},
        ], TEACHER, "captions_listening",
            [{"key": "Ctrl+Shift+C"}, {"wait": "captions_idle", "timeout": 400}]),
    }
    ok = True
    with VirtualAudio() as audio:
        for name in only or list(plans):
            steps, sentences, cue, after = plans[name]
            speech = spoken(sentences, work, name) if sentences else None
            ok = shoot(audio, work, out / f"{name}.png", steps, speech, cue, after) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs", sys.argv[2:]))
