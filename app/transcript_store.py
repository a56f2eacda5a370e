"""Crash-safe storage of the pupil's dictation, so nothing is lost.

Each run of the app that dictates is one *session*, kept as one small JSON file
in ``<data folder>/transcripts/`` (the data folder is ``LESSON_LAB_DATA`` or
the platform's user data folder for "lesson-lab"):

* ``save(text)`` writes the whole current text at once, atomically: a
  temporary file in the same folder, flushed and fsync'd, then ``os.replace``
  over the session file, then the folder is fsync'd. A crash, a SIGKILL or a
  power cut therefore leaves either the previous complete text or the new
  complete text on disk, never half of one. Throttling is the caller's job:
  ``save`` always writes straight away.
* ``mark_closed()`` on a normal close marks the session finished.
* On the next start ``recover()`` finds the newest session that was never
  marked finished and whose owner is gone, and returns its text and when it
  was saved. The user then restores it (``restore_recovered()``, which copies
  the text into the new session before closing the old one) or declines
  (``discard_recovered()``); either way the old file stays in the kept history.
* A session that is still running in another copy of the app holds an
  operating-system lock on its ``.lock`` file, so it is never offered as
  "recovered". The lock dies with its process, however the process ends.
* Only the last ``keep`` finished transcripts are kept; unfinished ones are
  never deleted until the user has been offered them.

Pure Python, no Qt: the controller decides when to call it.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lessons.data_folder import data_folder
from lessons.save_problem import disk_cause

TRANSCRIPTS_FOLDER = "transcripts"
FORMAT_VERSION = 1
DEFAULT_KEEP = 20
_SUFFIX = ".json"
_LOCK_SUFFIX = ".lock"
_TEMP_PREFIX = ".tmp-"
# A whole lesson's dictation is tens of kilobytes; a transcript file far bigger
# than this is not one of ours, and reading it would hold up every save.
MAX_TRANSCRIPT_BYTES = 16 * 1024 * 1024
# How a transcript file begins (``_write``: the keys in this order, the text last),
# so the text of one cut short by a failing disk can still be read.
_HEAD = re.compile(r'\{"version": \d+, "session": "[^"\\]*", "saved_at": "([^"\\]*)", '
                   r'"closed": (true|false), "text": "')


def transcripts_dir() -> Path:
    """The folder holding saved transcripts (not created here)."""
    return data_folder() / TRANSCRIPTS_FOLDER


class TranscriptSaveError(OSError):
    """The transcript could not be written; the message is one plain sentence."""


@dataclass(frozen=True)
class RecoveredTranscript:
    """Text left by a session that ended without closing normally."""

    text: str
    saved_at: datetime  # local time of the last complete save
    session_id: str
    path: Path


@dataclass(frozen=True)
class SavedTranscript:
    """One transcript file on disk, finished or not."""

    session_id: str
    text: str
    saved_at: datetime
    closed: bool
    path: Path


class TranscriptStore:
    """The current session's transcript and the recovery of earlier ones.

    ``folder`` defaults to ``transcripts_dir()``; ``keep`` is how many finished
    transcripts to keep.
    """

    def __init__(self, folder: Path | None = None, keep: int = DEFAULT_KEEP) -> None:
        if keep < 1:
            raise ValueError("keep at least one transcript")
        self.folder = Path(folder) if folder is not None else transcripts_dir()
        self.keep = keep
        now = datetime.now()
        # Sortable by start time; the random part keeps two starts in one second apart.
        self.session_id = f"{now:%Y%m%d-%H%M%S}-{os.getpid()}-{secrets.token_hex(3)}"
        self._lock: _SessionLock | None = None
        self._offered: RecoveredTranscript | None = None
        self._closed = False
        self._text = ""

    @property
    def path(self) -> Path:
        """The current session's transcript file (written on the first save)."""
        return self.folder / f"{self.session_id}{_SUFFIX}"

    def save(self, text: str) -> Path:
        """Write ``text`` as the current session's transcript, atomically, now.

        Raises ``TranscriptSaveError`` (an ``OSError``) with a plain sentence
        when the disk refuses; the previous save is then still intact.
        """
        try:
            if self._lock is None:
                self.folder.mkdir(parents=True, exist_ok=True)
                self._lock = _SessionLock(self.folder / f"{self.session_id}{_LOCK_SUFFIX}")
                self._prune()
            self._write(self.path, text, closed=False)
        except OSError as error:
            raise TranscriptSaveError(_cannot_save(error, self.folder)) from error
        self._text = text
        self._closed = False
        return self.path

    def mark_closed(self) -> None:
        """Mark the current session finished (normal close); safe to call twice."""
        if self._lock is None or self._closed:
            return
        self._write(self.path, self._text, closed=True)
        self._closed = True
        self._lock.release()
        self._lock = None
        self._prune()

    def recover(self) -> RecoveredTranscript | None:
        """The newest unfinished transcript of a session that is gone, or ``None``.

        Empty transcripts are not offered. A file that cannot be read is skipped.
        """
        for record in self._unfinished():
            if record.text.strip():
                self._offered = RecoveredTranscript(
                    record.text, record.saved_at, record.session_id, record.path)
                return self._offered
        self._offered = None
        return None

    def discard_recovered(self) -> None:
        """The user declined the recovered text: mark it finished (it stays in the history)."""
        offered = self._take_offered()
        if offered is not None:
            self._write(offered.path, offered.text, closed=True,
                        saved_at=offered.saved_at)

    def restore_recovered(self) -> str:
        """Copy the recovered text into this session, then mark the old one finished.

        Saving first means a crash between the two steps still leaves the text
        recoverable. Returns the text, or "" when nothing was offered.
        """
        offered = self._take_offered()
        if offered is None:
            return ""
        self.save(offered.text)
        self._write(offered.path, offered.text, closed=True, saved_at=offered.saved_at)
        return offered.text

    def transcripts(self) -> list[SavedTranscript]:
        """Every readable transcript in the folder, newest first."""
        found = []
        for path in self._files():
            record = _read(path)
            if record is not None:
                found.append(record)
        found.sort(key=lambda r: (r.saved_at, r.session_id), reverse=True)
        return found

    # ------------------------------------------------------------------ private

    def _take_offered(self) -> RecoveredTranscript | None:
        offered, self._offered = self._offered, None
        if offered is None or offered.session_id == self.session_id:
            return None
        return offered

    def _unfinished(self) -> list[SavedTranscript]:
        """Unfinished transcripts of sessions whose process has gone, newest first."""
        return [
            r for r in self.transcripts()
            if not r.closed and r.session_id != self.session_id
            and not _SessionLock.held_elsewhere(self._lock_path(r.session_id))
        ]

    def _lock_path(self, session_id: str) -> Path:
        return self.folder / f"{session_id}{_LOCK_SUFFIX}"

    def _files(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return [p for p in self.folder.iterdir()
                if p.suffix == _SUFFIX and not p.name.startswith(".")]

    def _write(self, path: Path, text: str, closed: bool,
               saved_at: datetime | None = None) -> None:
        try:
            when = (saved_at or datetime.now()).astimezone()
        except (OverflowError, ValueError, OSError):  # a damaged date read back: now instead
            when = datetime.now().astimezone()
        data = {
            "version": FORMAT_VERSION,
            "session": path.stem,
            "saved_at": when.isoformat(timespec="milliseconds"),
            "closed": closed,
            "text": text,
        }
        atomic_write_text(path, json.dumps(data, ensure_ascii=False))

    def _prune(self) -> None:
        """Keep the newest ``keep`` finished transcripts; tidy leftovers of dead sessions."""
        finished = [r for r in self.transcripts() if r.closed]
        for record in finished[self.keep:]:
            _unlink(record.path)
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.suffix == _LOCK_SUFFIX and path.stem != self.session_id:
                finished = _is_closed(self.folder / (path.stem + _SUFFIX))
                if finished and not _SessionLock.held_elsewhere(path):
                    _unlink(path)
            elif path.name.startswith(_TEMP_PREFIX):
                # "<prefix><session>.<random>": a temp file left by a session that died mid-write.
                owner = path.name[len(_TEMP_PREFIX):].split(".", 1)[0]
                if owner != self.session_id and not _SessionLock.held_elsewhere(
                        self._lock_path(owner)):
                    _unlink(path)


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) so that readers see all of it or none of it."""
    path = Path(path)
    fd, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f"{_TEMP_PREFIX}{path.stem}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        _unlink(Path(temporary))
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no folder handles for this."""
    if sys.platform.startswith("win"):
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _cannot_save(error: OSError, folder: Path) -> str:
    """The panel's sentence when the safety copy cannot be written: the text is still there."""
    return (f"A copy of your dictation could not be saved: {disk_cause(error, folder)}. "
            "Your words are still here: press Save… to keep them somewhere else, "
            "such as a USB stick.")


def _read(path: Path) -> SavedTranscript | None:
    try:
        if path.stat().st_size > MAX_TRANSCRIPT_BYTES:
            return None
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    try:
        data = json.loads(raw)
        saved_at = datetime.fromisoformat(data["saved_at"])
        text = data["text"]
        closed = data["closed"]
        if not isinstance(text, str) or not isinstance(closed, bool):
            return None
    except (ValueError, KeyError, TypeError, RecursionError):
        return _salvage(path, raw)
    local = _local_time(saved_at, path)
    return SavedTranscript(path.stem, text, local, closed, path) if local else None


def _salvage(path: Path, raw: str) -> SavedTranscript | None:
    """The text of an unfinished transcript cut short (a failing disk, a power cut on
    a disk that ignores flushes), as far as it goes; None for anything else."""
    head = _HEAD.match(raw)
    if head is None or head.group(2) != "false":
        return None
    try:  # the text is whole, and something after it is damaged
        text = json.decoder.scanstring(raw, head.end())[0]
    except ValueError:
        text = None
    rest = raw[head.end():].rstrip("\0")  # a cut-off write can end in zero bytes
    # Drop what cannot be read at the end: half an escape (at most 12 characters,
    # two \uXXXX), or the end of a text that was complete.
    for cut in range(len(rest), max(-1, len(rest) - 13), -1) if text is None else ():
        try:
            text = json.loads(f'"{rest[:cut]}"')
            break
        except ValueError:
            continue
    if not text:
        return None
    try:
        saved_at = datetime.fromisoformat(head.group(1))
    except ValueError:
        saved_at = None
    local = _local_time(saved_at, path)
    return SavedTranscript(path.stem, text, local, False, path) if local else None


def _local_time(saved_at: datetime | None, path: Path) -> datetime | None:
    """When a transcript was saved, in the user's own time zone without a fixed offset.

    A damaged date that reads as a date but cannot be shown in local time
    (``9999-12-31T23:59:59-12:00`` overflows) counts as no date: the file's own
    time is used instead, so its text is still offered and sorted sensibly.
    None only when even that cannot be had.
    """
    if saved_at is not None:
        try:
            return saved_at.astimezone().replace(tzinfo=None) if saved_at.tzinfo else saved_at
        except (OverflowError, ValueError, OSError):
            pass
    try:
        return datetime.fromtimestamp(path.stat().st_mtime)
    except (OverflowError, ValueError, OSError):
        return None


def _is_closed(path: Path) -> bool:
    """True for a finished transcript, or a lock whose transcript is missing or unreadable."""
    record = _read(path)
    return record is None or record.closed


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


class _SessionLock:
    """An exclusive operating-system lock held by the session's process while it lives."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stream = open(path, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
        if not _try_lock(self._stream):
            self._stream.close()
            raise RuntimeError(f"the transcript lock {path.name} is already taken")

    def release(self) -> None:
        """Let go of the lock and remove its file."""
        _unlock(self._stream)
        self._stream.close()
        _unlink(self.path)

    def __del__(self) -> None:
        # A store dropped without mark_closed() is like a crash: its transcript
        # stays unfinished and the lock goes, so the next start offers the text.
        stream = getattr(self, "_stream", None)
        if stream is not None and not stream.closed:
            stream.close()

    @staticmethod
    def held_elsewhere(path: Path) -> bool:
        """True when another live process holds the lock at ``path``."""
        try:
            stream = open(path, "r+b")  # noqa: SIM115 - never creates the file
        except FileNotFoundError:
            return False
        except OSError:
            return True  # cannot tell: assume the owner is alive rather than steal its text
        try:
            if _try_lock(stream):
                _unlock(stream)
                return False
            return True
        finally:
            stream.close()


if sys.platform.startswith("win"):
    import msvcrt

    def _try_lock(stream) -> bool:
        try:
            stream.seek(0)
            msvcrt.locking(stream.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(stream) -> None:
        try:
            stream.seek(0)
            msvcrt.locking(stream.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _try_lock(stream) -> bool:
        try:
            fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(stream) -> None:
        fcntl.flock(stream.fileno(), fcntl.LOCK_UN)
