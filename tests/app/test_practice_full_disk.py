"""Practice mode when the reflection log's disk is full: the teacher's answers still get out.

The log lives on a real tiny tmpfs filled to the last byte
(tests/fixtures/small_disk.py, root only: skipped with the reason elsewhere);
the export goes to another real folder, as to a USB stick.
"""

from __future__ import annotations

import docx
import pytest

from app.practice.practice_window import PracticeWindow
from lessons.reflection import ReflectionStore
from tests.fixtures.small_disk import SmallDisk

SCENARIO = "year10-dyslexia-visual-stress-inspector-calls"


@pytest.fixture
def disk(tmp_path):
    with SmallDisk(tmp_path / "disk") as mounted:
        yield mounted


def test_a_full_log_disk_is_said_plainly_and_the_record_can_still_be_exported(
        qtbot, disk, tmp_path):
    window = PracticeWindow(reflections=ReflectionStore(disk.path / "log"))
    window.ask_save_before_closing = lambda: "discard"  # when the test ends
    qtbot.addWidget(window)
    window.start_scenario(SCENARIO)
    messages = []
    window.show_message = lambda text, kind="info": messages.append((text, kind))
    disk.fill()

    assert window.save_session() is None
    assert messages == [(
        "The practice record could not be saved in your reflection log: the disk is full. "
        "Your answers are still here: save again once this is put right, or export the record "
        "to another place, such as a USB stick.", "error")]

    usb = tmp_path / "USB stick"
    usb.mkdir()
    out = window.export("docx", usb / "record.docx")
    assert out == usb / "record.docx"
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "An Inspector Calls" in text
    assert not (disk.path / "log").exists() or not list((disk.path / "log").glob("*.json"))
