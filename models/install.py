"""Installing models: download from the catalogue, or import a zip or folder.

Every route ends the same way. The model is unpacked or copied into a hidden
``.installing-*`` folder inside the models folder, checked file by file, and
only then renamed into place - one atomic step on one disk. If anything fails
or the user cancels, the hidden folder is deleted and nothing is left behind
except a resumable ``.part`` download.

An import can also be given a ``load_check`` (see ``models.layout.LoadCheck``):
the copy in the hidden folder is then tried with the speech engine before it
is put in place, so a folder with every file but damaged ones is refused
(``DamagedModel``) and nothing is installed. models/ imports no engine: the
app passes the check in.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import stat
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from models import archive as archive_mod
from models.catalogue import find_entry
from models.download import download, fetch_official_list, file_md5
from models.errors import (
    DOWNLOAD_ADVICE,
    AlreadyInstalled,
    BundledModel,
    Cancelled,
    ChecksumMismatch,
    DamagedModel,
    DownloadInterrupted,
    InvalidModel,
    ModelError,
    NotAnArchive,
    NotEnoughSpace,
    SourceNotFound,
    UnknownModel,
    UnsafeArchive,
)
from models.layout import LoadCheck, check_folder, check_model_root, find_root, missing_files
from models.paths import (
    INSTALLING_PREFIX,
    REMOVING_PREFIX,
    archive_url,
    check_name,
    is_valid_name,
    models_dir,
    partial_download_path,
)
from models.progress import CHECK, COPY, Progress, ProgressCallback, Reporter

#: Room needed to download and unpack, as a multiple of the download size.
DOWNLOAD_SPACE_FACTOR = 2.5
#: Room needed to copy or unpack an import, as a multiple of its unpacked size.
IMPORT_SPACE_FACTOR = 1.05
#: Written into each installed model folder; Vosk ignores it.
MARKER_FILE = ".lesson-lab-install.json"
STALE_SECONDS = 6 * 3600

CHECKSUM_VERIFIED = "verified"
CHECKSUM_UNCHECKED = "unchecked"
CHECKSUM_NOT_LISTED = "not listed"
CHECKSUM_NOT_APPLICABLE = "not applicable"
_CHECKSUM_NOTES = {
    CHECKSUM_VERIFIED: "The download matches the official checksum.",
    CHECKSUM_UNCHECKED: "The checksum could not be checked because the official "
    "model list could not be reached.",
    CHECKSUM_NOT_LISTED: "The checksum could not be checked because the official "
    "model list has no checksum for this model.",
    CHECKSUM_NOT_APPLICABLE: "Imported from this computer, so there was no official "
    "checksum to check.",
}


@dataclass(frozen=True)
class InstallResult:
    """What an install or import did."""

    name: str
    path: Path
    source: str  # the address or path it came from
    checksum: str  # one of the CHECKSUM_* values
    resumed_from: int = 0  # bytes already on disk when the download started

    @property
    def checksum_note(self) -> str:
        """One sentence about the checksum, for the user."""
        return _CHECKSUM_NOTES[self.checksum]


def check_free_space(needed_bytes: int, folder: Path) -> None:
    """Raise :class:`NotEnoughSpace` unless ``folder``'s disk has ``needed_bytes`` free."""
    free = shutil.disk_usage(folder).free
    if free < needed_bytes:
        raise NotEnoughSpace(needed_bytes, free)


def clean_leftovers(root: Path | None = None, older_than: float = STALE_SECONDS) -> None:
    """Delete hidden work folders left by a crash or power cut."""
    root = root or models_dir()
    if not root.is_dir():
        return
    cutoff = time.time() - older_than
    for child in root.iterdir():
        if child.name.startswith((INSTALLING_PREFIX, REMOVING_PREFIX)):
            try:
                if child.stat().st_mtime < cutoff:
                    shutil.rmtree(child, ignore_errors=True)
            except OSError:
                continue


def install_model(
    name: str,
    *,
    base_url: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    replace: bool = False,
    retries: int = 2,
    root: Path | None = None,
) -> InstallResult:
    """Download a catalogue (or official-list) model and install it.

    Checks free space first (``DOWNLOAD_SPACE_FACTOR`` times the download),
    resumes a ``.part`` left by an earlier try, retries ``retries`` times
    when the connection drops, and checks the MD5 sum against the official
    list when that list can be reached. Raises a :class:`ModelError`.
    """
    check_name(name)
    entry = find_entry(name)
    if entry is not None and entry.bundled:
        raise BundledModel(name)
    root = _prepare_root(root)
    if (root / name).exists() and not replace:
        raise AlreadyInstalled(name)
    official = fetch_official_list(base_url)
    listed = official.get(name) if official else None
    if entry is None and listed is None:
        raise UnknownModel(name)
    size = (listed.size if listed and listed.size else None) or (
        entry.download_bytes if entry else 0
    )
    part = partial_download_path(name, root)
    resumed_from = part.stat().st_size if part.exists() else 0
    check_free_space(max(0, int(size * DOWNLOAD_SPACE_FACTOR) - resumed_from), root)

    url = archive_url(name, base_url)
    for attempt in range(retries + 1):
        try:
            download(url, part, progress=progress, cancel=cancel)
            break
        except DownloadInterrupted:
            if attempt == retries:
                raise

    if official is None:
        checksum = CHECKSUM_UNCHECKED
    elif listed is None or not listed.md5:
        checksum = CHECKSUM_NOT_LISTED
    else:
        if file_md5(part, cancel) != listed.md5:
            part.unlink(missing_ok=True)
            raise ChecksumMismatch(name)
        checksum = CHECKSUM_VERIFIED

    language = entry.language if entry else listed.language if listed else ""
    marker = _marker(name, url, checksum, language)
    try:
        plan = archive_mod.plan_extraction(part)
        path = _install_archive(plan, name, root, replace, marker, progress, cancel)
    except (UnsafeArchive, InvalidModel, NotAnArchive):
        # A bad archive does not get better by resuming it.
        part.unlink(missing_ok=True)
        raise
    part.unlink(missing_ok=True)
    return InstallResult(name, path, url, checksum, resumed_from)


def import_model(
    source: Path | str,
    *,
    name: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    replace: bool = False,
    root: Path | None = None,
    load_check: LoadCheck | None = None,
) -> InstallResult:
    """Install a model from a local zip file or folder (a USB stick, say).

    The folder may be the model itself or hold one model folder; the same goes
    for the zip. The model's name is ``name``, else the wrapper folder's name,
    else the zip's or folder's own name (made safe for a folder name). With
    ``load_check``, a model the engine cannot load raises ``DamagedModel``
    and nothing is installed.
    """
    source = Path(source).expanduser()
    if not source.exists():
        raise SourceNotFound(str(source))
    root = _prepare_root(root)
    if source.is_dir():
        return _import_folder(source, name, progress, cancel, replace, root, load_check)
    plan = archive_mod.plan_extraction(source)
    files = [rel for info, rel in plan.members if not info.is_dir()]
    wrapper = find_root(files)
    if wrapper:
        files = [rel[len(wrapper) + 1 :] for rel in files if rel.startswith(wrapper + "/")]
    missing = missing_files(files)
    if missing:
        raise InvalidModel(missing, where=f"The zip file {source.name}")
    final_name = _choose_name(name, wrapper or _strip_zip(source.name))
    marker = _marker(final_name, str(source), CHECKSUM_NOT_APPLICABLE, "")
    trial = _Trial(load_check, f"The zip file {source.name}", progress, cancel)
    path = _install_archive(plan, final_name, root, replace, marker, progress, cancel, trial)
    return InstallResult(final_name, path, str(source), CHECKSUM_NOT_APPLICABLE)


# ----------------------------------------------------------------- internals


def _prepare_root(root: Path | None) -> Path:
    root = Path(root) if root else models_dir()
    root.mkdir(parents=True, exist_ok=True)
    clean_leftovers(root)
    return root


def _strip_zip(filename: str) -> str:
    return filename[:-4] if filename.lower().endswith(".zip") else filename


def _choose_name(explicit: str | None, derived: str) -> str:
    if explicit:
        return check_name(explicit)
    if is_valid_name(derived):
        return derived
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", derived).strip("-._")
    return cleaned if is_valid_name(cleaned) else "imported-model"


def _marker(name: str, source: str, checksum: str, language: str) -> dict:
    return {
        "name": name,
        "engine": "vosk",
        "language": language,
        "source": source,
        "checksum": checksum,
        "installed_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


@dataclass(frozen=True)
class _Trial:
    """An import's load check, and what to call the source if the model is damaged."""

    check: LoadCheck | None
    where: str
    progress: ProgressCallback | None
    cancel: threading.Event | None

    def run(self, model_root: Path) -> None:
        """Raise DamagedModel if the engine cannot load ``model_root`` (or Cancelled)."""
        if self.check is None:
            return
        if self.progress is not None:
            self.progress(Progress(CHECK, 0, None, 0.0))
        why = self.check(model_root)
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled()
        if why:
            raise DamagedModel(self.where, why)


def _staged_install(
    name: str,
    root: Path,
    replace: bool,
    marker: dict,
    fill: Callable[[Path], Path],
    trial: _Trial | None = None,
) -> Path:
    """Run ``fill(staging)`` (returns the model root inside it), check, commit."""
    check_name(name)
    if (root / name).exists() and not replace:
        raise AlreadyInstalled(name)
    staging = Path(tempfile.mkdtemp(prefix=INSTALLING_PREFIX, dir=root))
    try:
        model_root = fill(staging)
        check = check_model_root(model_root)
        if not check.ok:
            raise InvalidModel(check.missing, where="The unpacked model",
                               advice=DOWNLOAD_ADVICE)
        if trial is not None:
            trial.run(model_root)  # the copy that would be installed, not the source
        (model_root / MARKER_FILE).write_text(json.dumps(marker, indent=2), encoding="utf-8")
        return _commit(model_root, root / name, replace)
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise ModelError(
                "The disk became full while installing the model. Free some space and try again."
            ) from error
        raise ModelError(f"The model could not be installed: {error.strerror or error}.") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _commit(staged: Path, destination: Path, replace: bool) -> Path:
    """Rename ``staged`` to ``destination``; an old model is swapped out first."""
    if not destination.exists():
        os.rename(staged, destination)
        return destination
    if not replace:
        raise AlreadyInstalled(destination.name)
    old = destination.parent / f"{REMOVING_PREFIX}{uuid.uuid4().hex}"
    os.rename(destination, old)
    try:
        os.rename(staged, destination)
    except OSError:
        os.rename(old, destination)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return destination


def _install_archive(
    plan: archive_mod.ArchivePlan,
    name: str,
    root: Path,
    replace: bool,
    marker: dict,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
    trial: _Trial | None = None,
) -> Path:
    check_free_space(int(plan.unpacked_bytes * IMPORT_SPACE_FACTOR), root)

    def fill(staging: Path) -> Path:
        unpacked = staging / "unpacked"
        unpacked.mkdir()
        archive_mod.extract(plan, unpacked, progress=progress, cancel=cancel)
        files = [rel for info, rel in plan.members if not info.is_dir()]
        wrapper = find_root(files)
        return unpacked / wrapper if wrapper else unpacked

    return _staged_install(name, root, replace, marker, fill, trial)


def _scan_folder(folder: Path) -> tuple[list[Path], int]:
    """Regular files under ``folder`` and their total size; refuse links and devices."""
    files: list[Path] = []
    total = 0
    for current, dirs, names in os.walk(folder):
        for entry in [*dirs, *names]:
            path = Path(current) / entry
            mode = path.lstat().st_mode
            relative = path.relative_to(folder).as_posix()
            if stat.S_ISLNK(mode):
                raise UnsafeArchive(f"it contains a link ('{relative}').", what="This folder")
            if stat.S_ISDIR(mode):
                continue
            if not stat.S_ISREG(mode):
                raise UnsafeArchive(
                    f"it contains a device or special file ('{relative}').", what="This folder"
                )
            files.append(path)
            total += path.stat().st_size
    return files, total


def _import_folder(
    source: Path,
    name: str | None,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
    replace: bool,
    root: Path,
    load_check: LoadCheck | None = None,
) -> InstallResult:
    check = check_folder(source)
    if not check.ok:
        raise InvalidModel(check.missing, where=f"The folder {source}")
    model_source = source / check.root if check.root else source
    if root.resolve() in [model_source.resolve(), *model_source.resolve().parents]:
        raise ModelError("This model is already in the models folder.")
    files, total = _scan_folder(model_source)
    final_name = _choose_name(name, model_source.name)
    check_free_space(int(total * IMPORT_SPACE_FACTOR), root)
    reporter = Reporter(COPY, total, progress, cancel)

    def fill(staging: Path) -> Path:
        target_root = staging / "copy"
        target_root.mkdir()
        for path in files:
            target = target_root / path.relative_to(model_source)
            target.parent.mkdir(parents=True, exist_ok=True)
            _copy_file(path, target, reporter)
        return target_root

    marker = _marker(final_name, str(model_source), CHECKSUM_NOT_APPLICABLE, "")
    trial = _Trial(load_check, f"The folder {model_source}", progress, cancel)
    path = _staged_install(final_name, root, replace, marker, fill, trial)
    return InstallResult(final_name, path, str(model_source), CHECKSUM_NOT_APPLICABLE)


def _copy_file(source: Path, target: Path, reporter: Reporter) -> None:
    with open(source, "rb") as reader, open(target, "xb") as writer:
        while chunk := reader.read(1 << 20):
            reporter.check_cancel()
            writer.write(chunk)
            reporter.advance(len(chunk))
    target.chmod(0o644)
