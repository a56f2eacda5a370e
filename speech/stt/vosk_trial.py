"""Before this process first uses a Vosk model, try it in a child process; remember passes.

A Vosk model can load and then make Kaldi abort the whole process on its
first decode (a few bytes changed in ``am/final.mdl``: ``ASSERTION_FAILED``
in ``TraceBackBestPath``). In the app that would be a pupil's first F9 or a
trainer's captions, taking unsaved text with it. So the loader
(``speech.stt.loader``) calls :func:`check_before_first_use` before it loads
a Vosk model, on its loading thread: the model is tried in a child process
(``speech.stt.vosk_probe``, 4 to 8 s for the 265 MB Korean model), and a
model that crashes the child is a ``DamagedModelError``, which the
automatic choice passes over as it does a model that will not load.

A pass is remembered on disk, beside the models (``models.paths.models_dir``,
in a hidden file the model list passes over), keyed by a fingerprint of the folder's
files (relative path, size and modification time of each, and the vosk
version), so a model is tried once, not at every start: a changed file is a
new fingerprint and a new trial. A failure is remembered for this process
only, by the same fingerprint, and never stored as a pass. A model the
trial cannot judge ("not tried": too big, no Python to run it, stopped from
outside) is loaded as before, and nothing is remembered.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path

from speech.stt import vosk_files
from speech.stt.base import DamagedModelError, Progress
from speech.stt.folder_state import files_state, fingerprint
from speech.stt.vosk_probe import LOADED, ProbeResult, probe_model

#: The file, in the models folder (hidden: a dot name is never a model), listing
#: the fingerprints of models that passed.
PASSES_FILE = ".vosk-model-trials.json"
#: How many passes are kept (newest last): a school machine has a handful of models.
KEEP_PASSES = 32
#: A passes file bigger than this is not one Lesson Lab wrote, and is not read.
MAX_PASSES_BYTES = 64 * 1024

_lock = threading.Lock()
# Fingerprint -> why, for models whose trial failed in this process.
_failed: dict[str, str] = {}


def folder_fingerprint(folder: str | Path) -> str:
    """The fingerprint a trial of ``folder`` is remembered by (reads the folder, not the files).

    The model manager's install note is left out: the engine never reads it,
    and it is written after an import's own trial.
    """
    from models.install import MARKER_FILE

    return fingerprint(files_state(Path(folder), ignore=frozenset({MARKER_FILE})),
                       "vosk", _vosk_version())


def passed_before(folder: str | Path) -> bool:
    """Whether a trial already passed for the files now in ``folder``."""
    return folder_fingerprint(folder) in _read_passes()


def remember_pass(print_: str) -> None:
    """Store the fingerprint ``print_`` as a model that passed its trial (best effort)."""
    with _lock:
        passes = [p for p in _read_passes() if p != print_]
        passes.append(print_)
        try:
            _write_passes(passes[-KEEP_PASSES:])
        except OSError:
            pass  # a read-only models folder only means trying the model again next time


def check_before_first_use(folder: str | Path, progress: Progress | None = None) -> None:
    """Raise ``DamagedModelError`` if the Vosk model in ``folder`` crashes or fails in a trial.

    Takes seconds the first time for a folder's contents (call it off the GUI
    thread); milliseconds once a trial has passed. A folder with files
    missing is left to the load, which says which.
    """
    folder = Path(folder)
    if not folder.is_dir() or vosk_files.describe_problem(folder):
        return
    before = folder_fingerprint(folder)
    if before in _read_passes():
        return
    with _lock:
        failed = before in _failed
    if failed:
        raise DamagedModelError(_damaged(folder))
    if progress:
        progress(f"Checking the speech model {folder.name} before its first use…")
    if try_model(folder, before).damaged:
        raise DamagedModelError(_damaged(folder))


def try_model(folder: str | Path, before: str | None = None) -> ProbeResult:
    """Try the model in ``folder`` in a child process now, and remember what it found.

    A pass is stored (if the files did not change during the trial); a
    failure is kept for this process. ``before`` is the folder's fingerprint
    if the caller has just read it. Seconds: not on the GUI thread.
    """
    before = before or folder_fingerprint(folder)
    result = probe_model(folder)
    if result.damaged:
        with _lock:
            _failed[before] = result.why
    # Only a pass for the files that were tried: if they changed meanwhile, try again later.
    elif result.outcome == LOADED and folder_fingerprint(folder) == before:
        remember_pass(before)
    return result


def _damaged(folder: Path) -> str:
    # The words the Vosk load uses for a damaged model, so every message reads the same.
    return (f"The Vosk model in {folder} could not be loaded: "
            "its files are damaged or incomplete.")


def _vosk_version() -> str:
    # A new vosk may read a model differently: its passes are its own.
    from importlib import metadata

    try:
        return metadata.version("vosk")
    except metadata.PackageNotFoundError:
        return ""


def _read_passes() -> list[str]:
    path = _passes_path()
    try:
        if path.stat().st_size > MAX_PASSES_BYTES:
            return []  # not ours (32 passes are 3 KB): tried again, and rewritten on a pass
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        # None yet, or damaged (even nested thousands deep): a trial costs seconds,
        # never a crash, and the next pass writes the file afresh.
        return []
    passes = data.get("passed") if isinstance(data, dict) else None
    return [p for p in passes if isinstance(p, str)] if isinstance(passes, list) else []


def _write_passes(passes: list[str]) -> None:
    # Whole or not at all: another Lesson Lab (the command line) may read it meanwhile.
    folder = _passes_path().parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump({"passed": passes}, stream, indent=1)
        os.replace(temporary, folder / PASSES_FILE)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _passes_path() -> Path:
    from models.paths import models_dir

    return models_dir() / PASSES_FILE
