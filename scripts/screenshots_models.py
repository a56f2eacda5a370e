"""Screenshot of the model manager mid-download (run by ``scripts/screenshots_models``).

Sets up a throwaway models folder with one installed model and one paused
download, serves a model zip from a local HTTP server on 127.0.0.1 at about
1.2 MB/s, resumes that download through the dialog's own Resume button, and
saves the window once the download is well under way.

Usage: python scripts/screenshots_models.py OUT.png WORK_FOLDER
"""

from __future__ import annotations

import hashlib
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.model_manager import ModelManager  # noqa: E402
from tests.fixtures.http_server import ModelServer  # noqa: E402
from tests.models.fakes import official_entry, write_fake_model  # noqa: E402
from widgets.model_manager_dialog import KEEP_DOWNLOADING, ModelManagerDialog  # noqa: E402

DOWNLOADING = "vosk-model-small-en-gb-0.15"
INSTALLED = "vosk-model-small-en-us-0.15"
PAUSED = "vosk-model-small-pl-0.22"


def _sparse(path: Path, size: int) -> None:
    """A file of ``size`` zero bytes that takes no disk space (sizes look real)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.truncate(size)


def _big_archive(work: Path) -> bytes:
    """A model zip about as big as the real one (stored, so zeros stay big)."""
    folder = write_fake_model(work / "src" / DOWNLOADING)
    _sparse(folder / "am" / "final.mdl", 42_000_000)
    target = work / f"{DOWNLOADING}.zip"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{DOWNLOADING}/{path.relative_to(folder).as_posix()}")
    return target.read_bytes()


def main(out: Path, work: Path) -> int:
    models_root = work / "models"
    installed = write_fake_model(models_root / INSTALLED, full_graph=True)
    _sparse(installed / "am" / "final.mdl", 39_000_000)
    _sparse(models_root / ".partial" / f"{PAUSED}.zip.part", 17_400_000)
    data = _big_archive(work)
    (models_root / ".partial" / f"{DOWNLOADING}.zip.part").write_bytes(data[:15_000_000])

    server = ModelServer().start()
    server.add(f"{DOWNLOADING}.zip", data)
    entry = official_entry(DOWNLOADING, data, md5=hashlib.md5(data).hexdigest())
    server.add_model_list([entry])
    server.delay_per_chunk = 0.013  # 16 KiB each: about 1.2 MB/s, like a school network

    app = QApplication(sys.argv[:1])
    from app.safe_gc import collect_between_events

    collect_between_events(app)  # Python's cycle collector between Qt events, as in the app
    dialog = ModelManagerDialog()
    dialog.ask_close_during_download = lambda count: KEEP_DOWNLOADING
    manager = ModelManager(dialog, base_url=server.base_url, root=models_root)
    dialog.move(0, 0)
    dialog.show()
    state = {"started": False, "code": 1}

    def poll() -> None:
        row = dialog.row(DOWNLOADING)
        if row is None:
            return
        if not state["started"]:
            dialog.select(DOWNLOADING)
            dialog.download_button.click()  # says "Resume": a partial is waiting
            state["started"] = True
            return
        progress = row.progress
        if progress and progress.percent and progress.percent >= 42 and "/s" in progress.text:
            dialog.table.setFocus()
            dialog.grab().save(str(out))
            state["code"] = 0
            app.quit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(100)
    QTimer.singleShot(120_000, app.quit)  # never hang a script
    app.exec()
    manager.shutdown()
    server.stop()
    return state["code"]


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve(), Path(sys.argv[2])))
