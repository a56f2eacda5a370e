"""Child of tests/app/test_export_outlives_window.py: a reflection log saving a PDF in
the background while the window that opened it (the practice window) closes and is
deleted, taking the log window with it; then the app quits before the file is done.

Run as ``python -m tests.app.export_outlives_window_child FOLDER``. Qt aborts the
process ("QThread: Destroyed while thread is still running") if the export's QThread
goes with the window; otherwise it prints ``written`` once ``app.shutdown.finish``
has let the file be finished.
"""

from __future__ import annotations

import gc
import sys
import threading
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

import app.practice.reflection_log_saving as saving
from app.practice.reflection_log_window import ReflectionLogWindow
from app.practice.session import write_records
from app.shutdown import finish
from lessons.reflection import ReflectionStore
from tests.lessons.reflection_helpers import MAYA, make_session


def main(folder: Path) -> int:
    qapp = QApplication([])
    store = ReflectionStore(folder / "log")
    store.save(make_session(MAYA, started=datetime(2025, 3, 1, tzinfo=timezone.utc)))
    started, opened = threading.Event(), threading.Event()

    def held(*args):  # the real writer, held at its start until the app has quit
        started.set()
        opened.wait(30)
        return write_records(*args)

    saving.write_records = held
    practice = QWidget()  # stands in for the practice window, deleted when closed
    practice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    practice.show()
    log = ReflectionLogWindow(practice, store)
    log.setWindowFlag(Qt.WindowType.Window)
    log.show()
    target = folder / "term.pdf"
    if not (log.save("all", "pdf", target) and started.wait(10)):
        return 2
    del log
    practice.close()  # the log window goes with it
    QTimer.singleShot(100, gc.collect)
    QTimer.singleShot(300, qapp.quit)
    qapp.exec()
    gc.collect()
    threading.Timer(0.5, opened.set).start()  # the writer carries on after the quit
    code = finish(0)
    data = target.read_bytes() if target.exists() else b""
    print("written" if data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
          else "not written", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
