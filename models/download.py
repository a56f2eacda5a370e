"""Downloading model archives: resumable, cancellable, with progress.

A download writes into a ``.part`` file. If it stops part-way (the network
drops, the user cancels, the laptop sleeps), the next attempt asks the server
for the rest with an HTTP ``Range`` request. A server that ignores ``Range``
answers with the whole file, and the download then starts again cleanly.

The official model list (``model-list.json``) gives each model's size and MD5
checksum. It is fetched from the same base address as the archives, so tests
and school mirrors can serve their own.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import re
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from models.errors import Cancelled, DownloadFailed, DownloadInterrupted
from models.paths import model_list_url
from models.progress import DOWNLOAD, ProgressCallback, Reporter

_CHUNK = 1 << 16
_USER_AGENT = "LessonLab/0.1 (+offline model manager)"
_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)")
_UNSATISFIED_RANGE = re.compile(r"bytes\s+\*/(\d+)")
_MAX_LIST_BYTES = 5_000_000


@dataclass(frozen=True)
class OfficialEntry:
    """One model on the official Vosk list."""

    name: str
    md5: str
    size: int | None
    language: str
    language_name: str
    obsolete: bool
    type: str


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _open(url: str, headers: dict[str, str], timeout: float):
    request = urllib.request.Request(
        url, headers={"User-Agent": _USER_AGENT, "Accept-Encoding": "identity", **headers}
    )
    return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - http(s) only


def fetch_official_list(
    base: str | None = None, timeout: float = 10.0
) -> dict[str, OfficialEntry] | None:
    """The official model list by name, or ``None`` if it cannot be read.

    ``None`` means the checksum cannot be checked; callers say so and go on.
    """
    url = model_list_url(base)
    try:
        with _open(url, {}, timeout) as response:
            raw = response.read(_MAX_LIST_BYTES + 1)
    except (OSError, http.client.HTTPException, ValueError):
        return None
    if len(raw) > _MAX_LIST_BYTES:
        return None
    try:
        items = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(items, list):
        return None
    entries: dict[str, OfficialEntry] = {}
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            continue
        size = item.get("size")
        entries[item["name"]] = OfficialEntry(
            name=item["name"],
            md5=str(item.get("md5", "")).lower(),
            size=int(size) if isinstance(size, (int, float)) or str(size).isdigit() else None,
            language=str(item.get("lang", "")),
            language_name=str(item.get("lang_text", "")),
            obsolete=str(item.get("obsolete", "false")).lower() == "true",
            type=str(item.get("type", "")),
        )
    return entries


def file_md5(path: Path, cancel: threading.Event | None = None) -> str:
    """The MD5 checksum of a file, as lower-case hex."""
    digest = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            if cancel is not None and cancel.is_set():
                raise Cancelled("The check")
            digest.update(chunk)
    return digest.hexdigest()


def download(
    url: str,
    part_path: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    timeout: float = 30.0,
) -> Path:
    """Download ``url`` into ``part_path``, resuming what is already there.

    Returns ``part_path`` once it holds the whole file. Raises
    :class:`DownloadInterrupted` (the ``.part`` is kept), :class:`Cancelled`
    (kept too), or :class:`DownloadFailed`.
    """
    part_path = Path(part_path)
    part_path.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(2):  # a second pass only after discarding a bad .part
        have = part_path.stat().st_size if part_path.exists() else 0
        headers = {"Range": f"bytes={have}-"} if have else {}
        try:
            response = _open(url, headers, timeout)
        except urllib.error.HTTPError as error:
            error.close()
            if error.code == 416 and have:
                match = _UNSATISFIED_RANGE.search(error.headers.get("Content-Range", ""))
                if match and int(match.group(1)) == have:
                    return part_path  # the .part already holds the whole file
                part_path.unlink()
                continue
            if error.code == 404:
                raise DownloadFailed(f"The model file was not found at {url}.") from error
            raise DownloadFailed(
                f"The server at {_host(url)} refused the download (HTTP {error.code})."
            ) from error
        except (OSError, http.client.HTTPException, ValueError) as error:
            raise DownloadFailed(
                f"Lesson Lab could not reach {_host(url)}. Check the internet connection "
                "and try again, or import the model from a zip file."
            ) from error
        with response:
            start, total = _plan_body(response, have)
            if start is None:
                part_path.unlink(missing_ok=True)
                continue
            _receive(response, part_path, start, total, progress, cancel)
        return part_path
    raise DownloadFailed(
        f"The server at {_host(url)} sent the file in a way Lesson Lab cannot resume."
    )


def _plan_body(response, have: int) -> tuple[int | None, int | None]:
    """Where the body starts in the file and the file's total size.

    ``(None, None)`` asks the caller to discard the ``.part`` and start again.
    """
    length = response.headers.get("Content-Length")
    length = int(length) if length and length.isdigit() else None
    if response.status == 206:
        match = _CONTENT_RANGE.search(response.headers.get("Content-Range", ""))
        if not match or int(match.group(1)) != have:
            return None, None
        total = match.group(3)
        return have, int(total) if total != "*" else None
    # 200: a fresh download, or a server that ignored Range: start from zero.
    return 0, length


def _receive(
    response,
    part_path: Path,
    start: int,
    total: int | None,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> None:
    reporter = Reporter(DOWNLOAD, total, progress, cancel, start=start)
    mode = "ab" if start else "wb"
    with open(part_path, mode) as sink:
        if start:
            sink.truncate(start)
        while True:
            reporter.check_cancel("The download")
            try:
                chunk = response.read(_CHUNK)
            except (OSError, http.client.HTTPException) as error:
                raise DownloadInterrupted(reporter.done, total) from error
            if not chunk:
                break
            sink.write(chunk)
            reporter.advance(len(chunk))
    if total is not None and reporter.done < total:
        raise DownloadInterrupted(reporter.done, total)
    if total is not None and reporter.done > total:
        part_path.unlink(missing_ok=True)
        raise DownloadFailed(
            "The server sent more data than it announced, so the download was discarded."
        )
