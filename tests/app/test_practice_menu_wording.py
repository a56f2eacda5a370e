"""The Practice menu names the reflection's exports as step 3's buttons do.

Fails on the old menu, which still said "Export as Markdown…" and "Export as
PDF…" after the buttons became "Save as a text document (.md)…" and "Save as
a PDF…".
"""

from __future__ import annotations

import pytest

from app.practice.practice_window import PracticeWindow
from lessons.reflection import ReflectionStore


@pytest.fixture
def window(qtbot, tmp_path) -> PracticeWindow:
    win = PracticeWindow(reflections=ReflectionStore(tmp_path / "log"))
    qtbot.addWidget(win)
    return win


def test_export_menu_items_match_the_reflection_buttons(window):
    page = window.reflections
    pairs = ((window.export_docx_action, page.export_docx_button),
             (window.export_pdf_action, page.export_pdf_button))
    for action, button in pairs:
        assert action.text() == button.text()
        assert action.toolTip() == button.toolTip()
    assert window.export_docx_action.text().replace("&", "") == "Save as a Word document…"
    assert window.export_pdf_action.text().replace("&", "") == "Save as a PDF…"
    menu_texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert not [t for t in menu_texts if "Export" in t or "Markdown" in t or ".md" in t]

