"""Ending the process cleanly once the main window has closed.

Why this exists: when the window closes, the speech-engine thread may be in
the middle of a Whisper decode (faster-whisper, CTranslate2), and a native
decode cannot be interrupted; a microphone stream may still be closing
inside PortAudio. If the interpreter tears down while such a thread is still
running native code (modules freed, the libraries' exit handlers and static
destructors run under it), the process dies with SIGSEGV on its way out.
A thread inside a faster-whisper transcribe when ``main`` returns is enough
to show it (tests/app/test_shutdown.py).

So the run path calls :func:`finish` with the event loop's exit code, after
the window has gone (the window's ``closeEvent`` has already stopped every
microphone, let dictation finish the phrase being said for a few seconds at
most (``DictationController.finish_last_words``), asked every engine to stop
and handed the last text to the autosave). It:

1. waits for every dictation transcript to reach the disk, with its
   "closed normally" mark (at most ``SAVE_WAIT_S``), before anything else;
2. asks every speech pipeline to stop (again: cheap) and joins its threads
   (microphone capture, engine) for at most ``THREAD_WAIT_S``: enough for
   the engine to finish the one decode it is in (see the figures at
   ``THREAD_WAIT_S``). With nothing decoding they end at once, and the
   window has already gone, so closing never feels slow;
3. if one is still running after that, saves the settings, flushes the
   output and ends the process with ``os._exit(code)``, so interpreter
   teardown never runs under it. Otherwise it returns ``code`` and Python
   exits as usual.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

# The disk thread writes one small file and fsyncs it; a few seconds covers a slow disk.
SAVE_WAIT_S = 5.0
# One decode, measured on a shared two-core machine: a final decode (tiny.en, beam 5,
# word times) took up to 2.1 s alone and up to 5.9 s inside the running app under load.
THREAD_WAIT_S = 6.0


def finish(
    code: int,
    *,
    thread_wait_s: float = THREAD_WAIT_S,
    save_wait_s: float = SAVE_WAIT_S,
    end_process: Callable[[int], object] = os._exit,
) -> int:
    """End the app after its window has closed; returns ``code`` if the process may exit normally.

    If a speech thread is still busy after ``thread_wait_s``, the process is
    ended with ``end_process(code)`` (``os._exit``) instead, once the
    transcripts and settings are safely written.
    """
    # Only what this process has used: importing an engine module now would
    # start the sound library on the way out.
    autosave = sys.modules.get("app.transcript_autosave")
    if autosave is not None:
        autosave.finish_saving(save_wait_s)
    background = sys.modules.get("app.background")
    if background is not None:
        background.wait_for_qt_threads()  # an export being written is finished, not cut off
    pipeline = sys.modules.get("app.speech_pipeline")
    busy = pipeline.wind_down(thread_wait_s) if pipeline is not None else []
    if not busy:
        return code
    names = ", ".join(sorted({thread.name for thread in busy}))
    print(f"Lesson Lab: still busy after {thread_wait_s:g} s ({names}); "
          "ending without waiting for it.", file=sys.stderr)
    _save_settings()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass  # no console, or it has gone: nothing to lose
    end_process(code)
    return code  # only when end_process returns (tests)


def _save_settings() -> None:
    # os._exit skips QSettings' own save at exit; the window saved its own on
    # close, and this writes anything changed since (every QSettings on the
    # same file shares its pending changes).
    try:
        from app.settings import AppSettings

        AppSettings().sync()
    except Exception:  # noqa: BLE001, S110 - ending anyway; the settings were saved on close
        pass
