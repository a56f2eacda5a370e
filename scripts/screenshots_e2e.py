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
PUPIL = ["The sun heats the water in the sea.",
         "The water vapour rises up into the sky and cools down to make clouds."]
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


def main(out: Path, only: list[str] | None = None) -> int:
    """Take the pictures (``only`` some of them, by name) into ``out``."""
    work = Path(tempfile.mkdtemp(prefix="lesson-lab-e2e-shots-"))
    log, fed = work / "events.jsonl", work / "fed"
    shots = {name: out / f"{name}.png" for name in
             ("dictation-in-progress", "read-aloud-highlight", "captions-projector")}
    blocks = {
        "read-aloud-highlight": [
            {"wait": "voices", "timeout": 60},
            {"select_text": READ_FROM, "caret": True},
            {"key": "F5"},  # read from the caret
            {"wait": "highlights:12", "timeout": 60},
            {"screenshot": str(shots["read-aloud-highlight"])},
            {"key": "Shift+F5"},
            {"wait": "not_reading"},
        ],
        "dictation-in-progress": [
            {"key": "F9"},
            {"wait": "listening", "timeout": 90},
            {"wait": "dictating", "timeout": 90},
            {"screenshot": str(shots["dictation-in-progress"])},
            {"wait": f"file:{fed}-pupil", "timeout": 60},
            {"wait": "settled", "timeout": 90},
            {"key": "F9"},
            {"wait": "not_listening", "timeout": 90},
        ],
        "captions-projector": [
            {"key": "F11"},
            {"wait": "projector"},
            {"activate": True},
            {"wait": "active"},
            {"key": "Ctrl+Shift+C"},
            {"wait": "captions_listening", "timeout": 60},
            {"wait": f"file:{fed}-teacher", "timeout": 60},
            {"wait": "caption_settled", "timeout": 90},
            {"screenshot": str(shots["captions-projector"])},
        ],
    }
    steps = [{"wait": "library"}, {"select_lesson": LESSON}, {"profile": PROFILE},
             {"activate": True}, {"wait": "active"}]
    for name in only or list(blocks):
        steps += blocks[name]
    steps.append({"quit": True})
    with VirtualAudio() as audio:
        pupil, teacher = spoken(PUPIL, work, "pupil"), spoken(TEACHER, work, "teacher")
        script = work / "script.json"
        script.write_text(json.dumps({
            "log": str(log), "maximise": True, "steps": steps,
            "settings": {"engine": "whisper", "input_device": MIC_DEVICE,
                         "output_device": SPEAKER_DEVICE, "welcome_shown": True},
        }), encoding="utf-8")
        env = dict(os.environ, **audio.env, QT_QPA_PLATFORM="xcb",
                   LESSON_LAB_DATA=str(work / "data"))
        app = subprocess.Popen([sys.executable, "-m", "app.e2e_harness", str(script)],
                               cwd=ROOT, env=env)
        cues = [("listening", pupil, "pupil"), ("captions_listening", teacher, "teacher")]
        while app.poll() is None:
            seen = events(log)
            for cue in [c for c in cues if any(e["event"] == c[0] and e["value"] for e in seen)]:
                cues.remove(cue)
                _event, speech, name = cue
                audio.say(speech)
                audio.wait_until_said(60)
                Path(f"{fed}-{name}").touch()
            time.sleep(0.05)
    done = [e for e in events(log) if e["event"] == "done"]
    if app.returncode != 0 or not done or done[-1]["code"] != 0:
        print(f"the run failed: {done[-1]['reason'] if done else app.returncode}",
              file=sys.stderr)
        return 1
    for name, path in shots.items():
        if only and name not in only:
            continue
        print(f"{path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs", sys.argv[2:]))
