"""How far the read-aloud highlight lags behind the voice (for ``lesson-lab bench ui``).

A paragraph is read aloud in a real LessonView (off-screen when there is no
display) by the real ``ReadAloudController``, engine and player. Each time a
word is highlighted on the GUI thread, the controller notes the word's start
in the audio (``WordStarted.word.time``) and where the audio clock is at that
moment (``Player.position``: what has reached the speaker by the DAC's
clock). The drift is the difference in milliseconds: how long after its sound
began a word was highlighted. The target is 100 ms.

Run it on its own: ``python -m app.bench_read_aloud [--device NAME] [--rate 1.0]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

from app.headless import offscreen_without_display

TARGET_MS = 100.0
PARAGRAPH = (
    "The water cycle shows how water moves between the sea and the sky. "
    "The sun heats the water in the seas, lakes and rivers. Some of it rises into the "
    "air as an invisible gas called water vapour. High in the sky the vapour cools and "
    "turns back into tiny drops, which gather together to make clouds. When the drops "
    "grow heavy they fall as rain, and the rivers carry the water back to the sea."
)


def measure_highlight_drift(text: str = PARAGRAPH, device: int | str | None = None,
                            rate_scale: float = 1.0, voice_id: str | None = None,
                            timeout: float = 180.0) -> dict:
    """Read ``text`` aloud on ``device`` and report the highlight drift in milliseconds.

    Returns ``median_ms``, ``p90_ms``, ``max_ms`` and ``min_ms`` (None when no
    word was measured), ``words`` measured, ``words_in_text``, ``within_target``
    (the median and the 90th percentile under 100 ms), the engine, voice,
    device and speed, and ``error`` (one plain sentence, or None).
    """
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    if QCoreApplication.instance() is None:
        offscreen_without_display()
    app = QApplication.instance() or QApplication(sys.argv[:1])

    from app.read_aloud import ReadAloudController
    from app.read_aloud_text import words_of
    from app.safe_gc import collect_between_events
    from lessons.model import Lesson, Paragraph, Section, Span
    from widgets.lesson_view import LessonView

    collect_between_events(app)  # as in the app: never inside Qt's own code

    view = LessonView()
    view.resize(1000, 700)
    view.set_lesson(Lesson(title="", sections=(Section("", 2, (Paragraph((Span(text),), 1),),
                                                        1),)))
    view.show()
    controller = ReadAloudController(view, device=device, voice_id=voice_id,
                                     rate_scale=rate_scale)
    errors: list[str] = []
    highlighted: list[str] = []
    loop = QEventLoop()
    controller.error.connect(errors.append)
    controller.error.connect(loop.quit)
    controller.word_highlighted.connect(lambda _s, _n, word: highlighted.append(word))
    controller.voices_changed.connect(loop.quit)
    controller.speaking_changed.connect(lambda speaking: speaking or loop.quit())
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    started = time.monotonic()
    try:
        if not controller.voices_known():
            loop.exec()  # the engine starts on the worker thread
        controller.record_drift(True)
        if controller.read_lesson() and not errors:
            loop.exec()
        timed_out = controller.is_speaking()
        samples = controller.drift_samples()
        engine, voice = controller.engine_name(), controller.voice_name()
    finally:
        controller.shutdown(wait=5.0)
        view.close()
        view.deleteLater()
        app.processEvents()
    drifts = sorted((heard - word_time) * 1000.0 for word_time, heard in samples)
    error = errors[0] if errors else None
    if error is None and timed_out:
        error = f"Reading aloud did not finish within {timeout:g} seconds."
    report = {
        "median_ms": _round(statistics.median(drifts)) if drifts else None,
        "p90_ms": _round(drifts[min(len(drifts) - 1, int(0.9 * len(drifts)))]) if drifts
        else None,
        "max_ms": _round(drifts[-1]) if drifts else None,
        "min_ms": _round(drifts[0]) if drifts else None,
        "words": len(drifts),
        "words_highlighted": len(highlighted),
        "words_in_text": len(words_of(text)),
        "target_ms": TARGET_MS,
        "within_target": bool(drifts) and statistics.median(drifts) < TARGET_MS
        and drifts[min(len(drifts) - 1, int(0.9 * len(drifts)))] < TARGET_MS,
        "engine": engine,
        "voice": voice,
        "device": device if device is not None else "default",
        "rate_scale": rate_scale,
        "seconds": _round(time.monotonic() - started),
        "error": error,
    }
    return report


def _round(value: float) -> float:
    return round(value, 1)


def main(argv: list[str] | None = None) -> int:
    """Print the drift report as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", help="output device name or number (default: the default)")
    parser.add_argument("--rate", type=float, default=1.0, help="speed, 0.5 to 2 (default 1)")
    parser.add_argument("--voice", help="voice id (default: British English)")
    args = parser.parse_args(argv)
    device = int(args.device) if args.device and args.device.isdigit() else args.device
    report = measure_highlight_drift(device=device, rate_scale=args.rate, voice_id=args.voice)
    print(json.dumps(report, indent=2))
    return 0 if report["error"] is None else 1


if __name__ == "__main__":
    sys.exit(main())
