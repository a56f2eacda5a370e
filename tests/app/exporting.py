"""Exporting from the main window as a teacher does, and waiting for the file: the
window writes it on a worker thread (app/main_exports.py)."""

from __future__ import annotations

WAIT = 60_000


def exported(qtbot, window, export):
    """Start ``export`` (the window's export_pdf, export_docx or export_pptx) and wait
    for it: the file saved, or None when none was (asked nothing, cancelled, failed)."""
    finished: list = []
    window.export_finished.connect(finished.append)
    try:
        if not export():
            return None
        qtbot.waitUntil(lambda: bool(finished), timeout=WAIT)
    finally:
        window.export_finished.disconnect(finished.append)
    return finished[0]
