"""Exports are written on a worker thread while the window carries on (app/main_exports.py).

The real writers run; each is held at its start by a gate this test opens, so
the test can look at the window while the file is being written.
"""

from __future__ import annotations

import threading

import pytest

from tests.app.main_window_helpers import choose

WAIT = 60_000


class Gate:
    """Wraps a writer: records the thread it runs on and waits until opened."""

    def __init__(self, write) -> None:
        self.write = write
        self.opened = threading.Event()
        self.started = threading.Event()
        self.thread = None

    def __call__(self, *args, **kwargs):
        self.thread = threading.current_thread()
        self.started.set()
        self.opened.wait(30)
        return self.write(*args, **kwargs)


@pytest.fixture
def gated_pdf(monkeypatch):
    import app.pdf_export

    gate = Gate(app.pdf_export.export_pdf)
    monkeypatch.setattr(app.pdf_export, "export_pdf", gate)
    yield gate
    gate.opened.set()  # never leave a writer waiting


def test_the_window_carries_on_while_the_pdf_is_written(qtbot, qtlog, opened, tmp_path,
                                                        gated_pdf):
    window = opened.open()
    choose(window, "The water cycle")
    window.ask_pdf_path = lambda suggestion: str(tmp_path / "sheet.pdf")
    finished: list = []
    window.export_finished.connect(finished.append)

    assert window.export_pdf()
    assert gated_pdf.started.wait(10)
    assert gated_pdf.thread is not threading.main_thread()
    # Meanwhile: the window says so, works (another lesson opens), and one export at a time.
    assert window.statusBar().currentMessage() == "Saving the PDF…"
    assert not window.act.export_pdf.isEnabled() and not window.act.export_docx.isEnabled()
    assert window.is_exporting()
    choose(window, "Cells")
    assert window.lesson.title == "Cells"
    window.ask_docx_path = lambda suggestion: pytest.fail("not asked while a PDF is saved")
    assert not window.export_docx()
    assert window.messages[-1] == ("The PDF is still being saved. Try again when it has "
                                   "finished.")

    gated_pdf.opened.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=WAIT)
    assert finished == [tmp_path / "sheet.pdf"]
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
    assert window.statusBar().currentMessage().startswith(f"Saved {tmp_path / 'sheet.pdf'} (")
    assert window.act.export_pdf.isEnabled() and not window.is_exporting()
    # Qt's text layout had the event dispatcher a QThread gives it (on a plain Python
    # thread: "QBasicTimer::start: current thread's event dispatcher has already been
    # destroyed").
    assert not [record.message for record in qtlog.records if "thread" in record.message]


def test_closing_while_the_pdf_is_written_waits_for_it_then_closes(qtbot, opened, tmp_path,
                                                                   gated_pdf):
    window = opened.open()
    choose(window, "The water cycle")
    target = tmp_path / "sheet.pdf"
    window.ask_pdf_path = lambda suggestion: str(target)
    assert window.export_pdf()
    assert gated_pdf.started.wait(10)

    assert not window.close()  # not yet: the file first
    assert window.isVisible()
    assert window.statusBar().currentMessage() == (
        "The PDF is being saved; Lesson Lab will close when it has finished.")
    gated_pdf.opened.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)
    assert target.read_bytes().startswith(b"%PDF") and target.read_bytes().rstrip().endswith(
        b"%%EOF")
