"""Speech models at every interface size: each line of the dialog readable, none on another.

At 250% on a 1920 x 1080 screen the "Chosen model" box drew the model's
description and its "Status:" lines on top of each other: Qt sizes a window
by its contents' least height, which leaves out that words wrapped onto more
lines need more height, and the dialog stayed 720 px tall. The real dialog
with its real controller and rows (the catalogue's descriptions wrap onto two
or three lines at 250%), on the offscreen screen (800 x 800: at 250% the
dialog cannot show everything and must scroll): opened at each size, and made
each size while open, as View › Interface size does. Each label must be at
least as tall as its words need at its width, and none may overlap another.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.model_manager import ModelManager
from app.ui_scale import apply_ui_scale
from widgets.model_manager_dialog import KEEP_DOWNLOADING, ModelManagerDialog
from widgets.screen_fit import fit_after_new_size, size_before_new_size

SIZES = (1.0, 1.5, 2.0, 2.5)
WAIT_MS = 30_000


@pytest.fixture
def scale_back(qtbot):
    yield
    apply_ui_scale(1.0, QApplication.instance())


@pytest.fixture
def models_root(tmp_path, monkeypatch):
    root = tmp_path / "models-folder"
    monkeypatch.setenv("LESSON_LAB_MODELS", str(root))
    monkeypatch.delenv("LESSON_LAB_MODEL_BASE_URL", raising=False)
    return root


def _open(qtbot, root) -> tuple[ModelManagerDialog, ModelManager]:
    dialog = ModelManagerDialog()
    qtbot.addWidget(dialog)
    dialog.ask_close_during_download = lambda count: KEEP_DOWNLOADING
    controller = ModelManager(dialog, base_url="http://127.0.0.1:9/", root=root)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: len(dialog.rows()) > 1, timeout=WAIT_MS)
    return dialog, controller


def _place(label: QLabel, window: QWidget) -> QRect:
    return QRect(label.mapTo(window, QPoint(0, 0)), label.size())


def _shown(label: QLabel) -> bool:
    """True for a label with words that a person can see some of (not scrolled away)."""
    if not label.isVisible() or not label.text().strip():
        return False
    seen = label.visibleRegion().boundingRect()
    return not seen.isEmpty()


def _unreadable(dialog: ModelManagerDialog) -> list[str]:
    """Each label squeezed below the height its words need, or drawn over another."""
    QApplication.processEvents()
    labels = [w for w in dialog.findChildren(QLabel) if _shown(w)]
    found = []
    for label in labels:
        need = label.heightForWidth(label.width()) if label.wordWrap() else (
            label.sizeHint().height())
        if label.height() < need:
            found.append(f"{label.text()!r} is {label.height()} px tall, needs {need}")
    for i, one in enumerate(labels):
        for other in labels[i + 1:]:
            if one.isAncestorOf(other) or other.isAncestorOf(one):
                continue
            if _place(one, dialog).intersects(_place(other, dialog)):
                found.append(f"{one.text()!r} and {other.text()!r} overlap")
    return found


def _settled(qtbot, dialog: ModelManagerDialog) -> list[str]:
    """What :func:`_unreadable` finds once new words have been laid out (Qt lays out a
    new label's words, then its box, then the window, one event after another)."""
    try:
        qtbot.waitUntil(lambda: not _unreadable(dialog), timeout=1000)
    except qtbot.TimeoutError:
        pass
    return _unreadable(dialog)


def _every_row(qtbot, dialog: ModelManagerDialog, where: str) -> list[str]:
    found = []
    for row in dialog.rows():
        dialog.select(row.name)
        found += [f"{where}, {row.title}: {problem}" for problem in _settled(qtbot, dialog)]
    return found


@pytest.mark.usefixtures("scale_back")
def test_every_line_is_readable_when_opened_at_each_size(qtbot, models_root):
    found = []
    for scale in SIZES:
        apply_ui_scale(scale, QApplication.instance())
        dialog, controller = _open(qtbot, models_root)
        found += _every_row(qtbot, dialog, f"opened at {scale:.0%}")
        area = dialog.screen().availableGeometry()
        assert dialog.height() <= area.height(), f"taller than the screen at {scale:.0%}"
        dialog.close()
        controller.shutdown()
        qtbot.waitUntil(controller.is_idle, timeout=WAIT_MS)
    assert found == [], "\n".join(found)


@pytest.mark.usefixtures("scale_back")
def test_every_line_is_readable_when_the_size_changes_while_open(qtbot, models_root):
    dialog, controller = _open(qtbot, models_root)
    found = []
    for scale in (*SIZES, 1.0):
        size_before_new_size(dialog)
        apply_ui_scale(scale, QApplication.instance())
        fit_after_new_size(dialog)
        found += _every_row(qtbot, dialog, f"made {scale:.0%}")
        area = dialog.screen().availableGeometry()
        assert area.contains(dialog.frameGeometry()), f"off the screen at {scale:.0%}"
    assert found == [], "\n".join(found)
    controller.shutdown()
    qtbot.waitUntil(controller.is_idle, timeout=WAIT_MS)
