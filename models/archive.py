"""Unpacking model zip files safely.

A zip file from the internet or a USB stick is checked in full before a
single byte is written: no absolute paths, no ``..``, no links, no device
files, no password-protected entries, no duplicates, and a limit on the total
unpacked size (the zip bomb guard). While unpacking, each file is also held
to the size it declared, because the declared size is only a claim.
"""

from __future__ import annotations

import errno
import re
import shutil
import stat
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from models.errors import ModelError, NotAnArchive, NotEnoughSpace, UnsafeArchive, format_megabytes
from models.progress import UNPACK, ProgressCallback, Reporter

#: No Vosk model unpacks to more than a few gigabytes; this leaves room.
DEFAULT_MAX_UNPACKED_BYTES = 12_000_000_000
MAX_ENTRIES = 100_000
# Model files compress by two or three times at most; a far larger ratio on a
# large total means a zip bomb.
MAX_RATIO = 200
_RATIO_FLOOR = 100_000_000
_CHUNK = 1 << 16
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class ArchivePlan:
    """A zip file that passed every check, ready to unpack."""

    path: Path
    members: tuple[tuple[zipfile.ZipInfo, str], ...]  # (entry, safe relative path)
    unpacked_bytes: int  # total declared size of the files


def _safe_relative(name: str) -> str:
    """The entry name as a relative POSIX path, or raise UnsafeArchive."""
    if "\x00" in name:
        raise UnsafeArchive(f"the name '{name!r}' contains a null character.")
    clean = name.replace("\\", "/")
    if clean.startswith("/") or _DRIVE.match(clean):
        raise UnsafeArchive(f"'{name}' would be written outside the models folder.")
    parts = [part for part in PurePosixPath(clean).parts if part not in ("", ".")]
    if ".." in parts:
        raise UnsafeArchive(f"'{name}' would be written outside the models folder.")
    return "/".join(parts)


def _file_type_problem(info: zipfile.ZipInfo) -> str | None:
    mode = info.external_attr >> 16
    if not mode:
        return None
    kind = stat.S_IFMT(mode)
    if kind == stat.S_IFLNK:
        return f"it contains a link ('{info.filename}')."
    if kind in (stat.S_IFCHR, stat.S_IFBLK, stat.S_IFIFO, stat.S_IFSOCK):
        return f"it contains a device or special file ('{info.filename}')."
    return None


def plan_extraction(
    path: Path, max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES
) -> ArchivePlan:
    """Check every entry of a zip file; raise UnsafeArchive or NotAnArchive."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
        raise NotAnArchive(str(path)) from error
    if len(infos) > MAX_ENTRIES:
        raise UnsafeArchive(f"it holds more than {MAX_ENTRIES} files.")
    members: list[tuple[zipfile.ZipInfo, str]] = []
    seen: set[str] = set()
    total = compressed = 0
    for info in infos:
        relative = _safe_relative(info.filename)
        problem = _file_type_problem(info)
        if problem:
            raise UnsafeArchive(problem)
        if info.flag_bits & 0x1:
            raise UnsafeArchive(f"'{info.filename}' is protected by a password.")
        if not relative:
            continue
        if relative in seen:
            raise UnsafeArchive(f"it contains '{relative}' more than once.")
        seen.add(relative)
        if not info.is_dir():
            total += info.file_size
            compressed += info.compress_size
        members.append((info, relative))
    if total > max_unpacked_bytes:
        raise UnsafeArchive(
            f"it would unpack to {format_megabytes(total)}, more than the "
            f"{format_megabytes(max_unpacked_bytes)} any speech model needs."
        )
    if total > _RATIO_FLOOR and total > MAX_RATIO * max(compressed, 1):
        raise UnsafeArchive("it would unpack to far more than its own size (a zip bomb).")
    return ArchivePlan(path=path, members=tuple(members), unpacked_bytes=total)


def extract(
    plan: ArchivePlan,
    destination: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> None:
    """Unpack a checked zip into ``destination`` (an empty folder).

    Files are written with ordinary permissions whatever the zip says. On any
    error the caller deletes ``destination``; nothing is written elsewhere.
    """
    destination = Path(destination)
    top = destination.resolve()
    reporter = Reporter(UNPACK, plan.unpacked_bytes, progress, cancel)
    try:
        with zipfile.ZipFile(plan.path) as archive:
            for info, relative in plan.members:
                reporter.check_cancel()
                target = destination / relative
                # Belt and braces: the name check already rules this out.
                if top not in target.resolve().parents and target.resolve() != top:
                    raise UnsafeArchive(f"'{info.filename}' would be written outside its folder.")
                if info.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                _copy_member(archive, info, target, reporter)
    except zipfile.BadZipFile as error:
        raise UnsafeArchive(f"it is damaged ({error}).") from error
    except NotImplementedError as error:
        raise NotAnArchive(str(plan.path)) from error
    except OSError as error:
        if error.errno == errno.ENOSPC:
            free = shutil.disk_usage(destination).free
            raise NotEnoughSpace(plan.unpacked_bytes, free) from error
        raise ModelError(f"The model could not be unpacked: {error.strerror or error}.") from error


def _copy_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, reporter: Reporter
) -> None:
    written = 0
    with archive.open(info) as source, open(target, "xb") as sink:
        while True:
            chunk = source.read(_CHUNK)
            if not chunk:
                break
            written += len(chunk)
            if written > info.file_size:
                raise UnsafeArchive(f"'{info.filename}' holds more data than it declares.")
            sink.write(chunk)
            reporter.advance(len(chunk))
            reporter.check_cancel()
    target.chmod(0o644)
