"""What is installed: list, check, remove.

Installed Vosk models are the folders in :func:`models.paths.models_dir`.
Models that come with the app (the Whisper ``tiny.en`` model) are found
through the package that ships them, without importing any engine.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import uuid
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from models.catalogue import CatalogueEntry, find_entry, languages_without_model, load_catalogue
from models.errors import BundledModel, ModelNotInstalled, NotAnArchive, SourceNotFound
from models.install import MARKER_FILE
from models.layout import LoadCheck, ModelCheck, check_archive, check_folder, check_model_root
from models.paths import (
    PARTIAL_FOLDER,
    REMOVING_PREFIX,
    check_name,
    is_valid_name,
    models_dir,
    partial_download_path,
)

# Files a CTranslate2 Whisper model folder needs.
_WHISPER_FILES = ("model.bin", "config.json")
_LANGUAGE_IN_NAME = re.compile(r"^vosk-model-(?:small-)?([a-z]{2,3})(?:-([a-z]{2}))?(?:-|$)")


@dataclass(frozen=True)
class InstalledModel:
    """One model on this computer."""

    name: str
    engine: str  # "vosk" or "whisper"
    language: str  # lower-case code such as "en-us"; "" if unknown
    language_name: str  # "English (US)", or "Unknown language"
    path: Path
    size_bytes: int  # space used on disk
    missing: tuple[str, ...]  # files a usable model needs but this one lacks
    bundled: bool = False  # installed with the app
    source: str = ""  # where it was downloaded or imported from, if recorded
    checksum: str = ""  # "verified", "unchecked", ... if recorded

    @property
    def valid(self) -> bool:
        """True when the engine can use it."""
        return not self.missing

    def status_text(self) -> str:
        """A short phrase for lists: ready, installed with the app, or what is missing."""
        if self.missing:
            return "not usable: missing " + ", ".join(self.missing)
        return "installed with the app" if self.bundled else "ready"


def folder_size(folder: Path) -> int:
    """Bytes used by the files under ``folder`` (links not followed)."""
    total = 0
    for current, _dirs, names in os.walk(folder):
        for name in names:
            try:
                total += (Path(current) / name).lstat().st_size
            except OSError:
                continue
    return total


def _language_names() -> dict[str, str]:
    names = {entry.language: entry.language_name for entry in load_catalogue()}
    names.update({item.language: item.language_name for item in languages_without_model()})
    return names


def _guess_language(name: str) -> str:
    match = _LANGUAGE_IN_NAME.match(name)
    if not match:
        return ""
    return "-".join(part for part in match.groups() if part)


def _read_marker(folder: Path) -> dict:
    try:
        data = json.loads((folder / MARKER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def bundled_model_path(entry: CatalogueEntry) -> Path | None:
    """Where a bundled model's files are, or ``None`` if its package is absent."""
    if not entry.bundled or not entry.package:
        return None
    try:
        spec = importlib.util.find_spec(entry.package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder / entry.package_folder if entry.package_folder else folder


def _bundled_models() -> list[InstalledModel]:
    found = []
    for entry in load_catalogue():
        folder = bundled_model_path(entry)
        if folder is None or not folder.is_dir():
            continue
        missing = tuple(name for name in _WHISPER_FILES if not (folder / name).is_file())
        found.append(
            InstalledModel(
                name=entry.name,
                engine=entry.engine,
                language=entry.language,
                language_name=entry.language_name,
                path=folder,
                size_bytes=folder_size(folder),
                missing=missing,
                bundled=True,
                source="installed with the app",
            )
        )
    return found


def describe_installed(folder: Path) -> InstalledModel:
    """Details of one model folder in the models folder."""
    marker = _read_marker(folder)
    entry = find_entry(folder.name)
    language = (
        (entry.language if entry else "") or marker.get("language") or _guess_language(folder.name)
    )
    language_name = (entry.language_name if entry else "") or _language_names().get(
        language, language or "Unknown language"
    )
    return InstalledModel(
        name=folder.name,
        engine=entry.engine if entry else str(marker.get("engine", "vosk")),
        language=language,
        language_name=language_name,
        path=folder,
        size_bytes=folder_size(folder),
        missing=check_model_root(folder).missing,
        source=str(marker.get("source", "")),
        checksum=str(marker.get("checksum", "")),
    )


def list_installed(root: Path | None = None, include_bundled: bool = True) -> list[InstalledModel]:
    """Every installed model: bundled ones first, then the models folder by name."""
    root = Path(root) if root else models_dir()
    found = _bundled_models() if include_bundled else []
    if root.is_dir():
        for child in sorted(root.iterdir(), key=lambda path: path.name.lower()):
            if child.name.startswith(".") or not child.is_dir():
                continue
            found.append(describe_installed(child))
    return found


def installed_names(root: Path | None = None) -> set[str]:
    """Names of installed models, bundled ones included."""
    return {model.name for model in list_installed(root)}


def find_installed(name: str, root: Path | None = None) -> InstalledModel | None:
    """The installed model called ``name``, or ``None``."""
    for model in list_installed(root):
        if model.name == name:
            return model
    return None


def remove_model(name: str, root: Path | None = None) -> None:
    """Delete an installed model. Refuses bundled models and names with separators.

    The folder is first renamed to a hidden name, so it vanishes from lists at
    once even if deleting a large model takes a while.
    """
    check_name(name)
    entry = find_entry(name)
    if entry is not None and entry.bundled:
        raise BundledModel(name)
    root = Path(root) if root else models_dir()
    folder = root / name
    if folder.is_symlink():
        folder.unlink()
        return
    if not folder.is_dir():
        raise ModelNotInstalled(name)
    doomed = root / f"{REMOVING_PREFIX}{uuid.uuid4().hex}"
    os.rename(folder, doomed)
    shutil.rmtree(doomed, ignore_errors=True)


def partial_downloads(root: Path | None = None) -> dict[str, int]:
    """Downloads that stopped part-way and can be resumed: name -> bytes so far."""
    folder = (Path(root) if root else models_dir()) / PARTIAL_FOLDER
    found: dict[str, int] = {}
    if folder.is_dir():
        for part in folder.glob("*.zip.part"):
            name = part.name[: -len(".zip.part")]
            if is_valid_name(name):
                found[name] = part.stat().st_size
    return found


def discard_partial(name: str, root: Path | None = None) -> bool:
    """Delete a resumable download; True if there was one."""
    part = partial_download_path(name, Path(root) if root else None)
    if part.exists():
        part.unlink()
        return True
    return False


def verify_path(target: Path | str, root: Path | None = None,
                load_check: LoadCheck | None = None) -> ModelCheck:
    """Check a folder, a zip file, or an installed model's name.

    A folder may be the model itself or hold one model folder; a zip file is
    checked from its listing without unpacking it. With ``load_check``, a
    Vosk model folder with every file is also tried with the speech engine,
    and ``damage`` says why it cannot be used (a zip is not unpacked for this:
    importing it tries it).
    """
    path = Path(target).expanduser()
    if path.is_dir():
        return _tried(check_folder(path), load_check)
    if path.is_file():
        try:
            return check_archive(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError) as error:
            raise NotAnArchive(str(path)) from error
    name = str(target)
    if is_valid_name(name):
        folder = (Path(root) if root else models_dir()) / name
        if folder.is_dir():
            return _tried(check_model_root(folder), load_check)
        entry = find_entry(name)
        bundled = bundled_model_path(entry) if entry else None
        if bundled is not None and bundled.is_dir():
            missing = tuple(f for f in _WHISPER_FILES if not (bundled / f).is_file())
            return ModelCheck(path=bundled, missing=missing, engine=entry.engine)
    raise SourceNotFound(str(target))


def _tried(check: ModelCheck, load_check: LoadCheck | None) -> ModelCheck:
    """``check`` with what ``load_check`` found, for a complete Vosk model folder."""
    if load_check is None or not check.ok or check.engine != "vosk":
        return check
    model_root = check.path / check.root if check.root else check.path
    why = load_check(model_root)
    return replace(check, damage=why) if why else check
