"""Where a file dialog starts: the folder last used for the same kind of file.

A pupil who saved yesterday's dictation in "My work" finds that folder again
today, and a teacher exporting PDFs to a shared drive is not sent back to the
home folder each time. Each kind of file ("dictation", "pdf", "lessons",
"reflection", "sound", "captions", "models") has its own folder, so saving a PDF
does not move where lessons are opened from. A remembered folder that has gone
(a USB stick taken out) falls back to the home folder.
"""

from __future__ import annotations

from pathlib import Path

from app.settings import AppSettings

_KEY = "files/folder_{kind}"


def start_folder(settings: AppSettings, kind: str) -> Path:
    """The folder to open the dialog for ``kind`` in: the last one used, or home."""
    remembered = settings.text(_KEY.format(kind=kind))
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    return Path.home()


def start_path(settings: AppSettings, kind: str, file_name: str = "") -> str:
    """``start_folder`` joined with a suggested ``file_name``, as a dialog wants it."""
    folder = start_folder(settings, kind)
    return str(folder / file_name) if file_name else str(folder)


def remember(settings: AppSettings, kind: str, chosen: str | Path) -> None:
    """Remember the folder of ``chosen`` (a file the person picked) for ``kind``."""
    if chosen:
        settings.set(_KEY.format(kind=kind), str(Path(chosen).expanduser().parent))
