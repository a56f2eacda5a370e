"""A Vosk model folder on disk: is it complete, and which words does it know?

Nothing here imports vosk: these are plain file checks, cheap enough to run
before a slow load, so a broken folder gives a clear message instead of the
library's "Failed to create a model".
"""

from __future__ import annotations

import struct
import threading
from pathlib import Path

# OpenFst binary headers (fst/fst.h, fst/symbol-table.cc).
_FST_MAGIC = 2125659606
_SYMBOL_TABLE_MAGIC = 2125658996
_HAS_INPUT_SYMBOLS = 0x1


class VoskModelError(ValueError):
    """A Vosk model folder is missing or incomplete; the message is plain English."""


def describe_problem(folder: str | Path) -> str | None:
    """Why ``folder`` is not a usable Vosk model, or None when it looks complete.

    Follows the two layouts Vosk accepts: the current one (am/, conf/, graph/)
    and the old flat one (final.mdl, HCLG.fst and mfcc.conf side by side).
    """
    folder = Path(folder)
    if not folder.exists():
        return f"There is no speech model folder at {folder}."
    if not folder.is_dir():
        return f"{folder} is a file, not a speech model folder."
    if (folder / "am" / "final.mdl").exists():
        required = [folder / "am" / "final.mdl", folder / "conf" / "mfcc.conf"]
        graph = folder / "graph"
    elif (folder / "final.mdl").exists():
        required = [folder / "final.mdl", folder / "mfcc.conf"]
        graph = folder
    else:
        return f"{folder} does not hold a Vosk speech model (there is no acoustic model file)."
    has_static = (graph / "HCLG.fst").is_file()
    has_lookahead = (graph / "HCLr.fst").is_file() and (graph / "Gr.fst").is_file()
    if not (has_static or has_lookahead):
        return f"The speech model in {folder} is incomplete: its decoding graph is missing."
    for path in required:
        if not path.is_file() or path.stat().st_size == 0:
            return f"The speech model in {folder} is incomplete: {path.name} is missing or empty."
    return None


def check_model_folder(folder: str | Path) -> Path:
    """Return ``folder`` as a Path if it looks like a complete model, else raise VoskModelError."""
    problem = describe_problem(folder)
    if problem:
        raise VoskModelError(problem)
    return Path(folder)


def supports_vocabulary(folder: str | Path) -> bool:
    """Whether the model can be limited to a word list at run time.

    Only "lookahead" models (HCLr.fst + Gr.fst, the small and lgraph models)
    can; a big static HCLG.fst graph ignores a grammar.
    """
    folder = Path(folder)
    graph = folder / "graph" if (folder / "graph").is_dir() else folder
    return (graph / "HCLr.fst").is_file() and (graph / "Gr.fst").is_file()


_vocabulary_cache: dict[Path, frozenset[str] | None] = {}
_vocabulary_lock = threading.Lock()


def model_vocabulary(folder: str | Path) -> frozenset[str] | None:
    """Every word the model can recognise, or None if the folder does not say.

    Read from graph/words.txt when present, otherwise from the word symbol
    table stored inside graph/Gr.fst. Cached per folder (it is ~0.5 s of work).
    """
    folder = Path(folder).resolve()
    with _vocabulary_lock:
        if folder not in _vocabulary_cache:
            _vocabulary_cache[folder] = _read_vocabulary(folder)
        return _vocabulary_cache[folder]


def _read_vocabulary(folder: Path) -> frozenset[str] | None:
    graph = folder / "graph" if (folder / "graph").is_dir() else folder
    words_txt = graph / "words.txt"
    if words_txt.is_file():
        with words_txt.open(encoding="utf-8", errors="replace") as handle:
            return frozenset(line.split(maxsplit=1)[0] for line in handle if line.strip())
    gr = graph / "Gr.fst"
    if gr.is_file():
        try:
            return read_fst_input_symbols(gr)
        except (OSError, ValueError, struct.error):
            return None
    return None


def read_fst_input_symbols(path: Path) -> frozenset[str] | None:
    """The input symbol table of an OpenFst binary file, or None if it has none."""
    with path.open("rb") as handle:
        magic, = struct.unpack("<i", handle.read(4))
        if magic != _FST_MAGIC:
            raise ValueError("not an OpenFst file")
        _read_string(handle)  # fst type
        _read_string(handle)  # arc type
        _version, flags = struct.unpack("<ii", handle.read(8))
        handle.read(8 + 8 + 8 + 8)  # properties, start state, state and arc counts
        if not flags & _HAS_INPUT_SYMBOLS:
            return None
        magic, = struct.unpack("<i", handle.read(4))
        if magic != _SYMBOL_TABLE_MAGIC:
            raise ValueError("bad symbol table")
        _read_string(handle)  # table name
        _available_key, size = struct.unpack("<qq", handle.read(16))
        if not 0 <= size < 50_000_000:
            raise ValueError("implausible symbol table size")
        data = handle.read()
    words = []
    offset = 0
    for _ in range(size):
        length, = struct.unpack_from("<i", data, offset)
        offset += 4
        words.append(data[offset : offset + length].decode("utf-8", "replace"))
        offset += length + 8  # the symbol's int64 key follows
    return frozenset(words)


def _read_string(handle) -> str:
    length, = struct.unpack("<i", handle.read(4))
    if not 0 <= length < 10_000:
        raise ValueError("implausible string length")
    return handle.read(length).decode("utf-8", "replace")
