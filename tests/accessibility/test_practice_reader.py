"""Practice mode as a screen reader (Orca) gets it over AT-SPI: names, roles, announcements.

One app process (scene "practice") shows the practice window: the list of
pupils, then a scenario's three steps (adapt, see it as a pupil might,
reflect), each read over the real accessibility bus, with the checker dock
beside them. Then the checker's and step 3's messages are shown with a
listener registered.
"""

from __future__ import annotations

import pytest

from tests.accessibility.conftest import start_scene
from tests.accessibility.reader_checks import unheard, verdict

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

STEPS = "QApplication.PracticeWindow.QStackedWidget.QWidget.QTabWidget.qt_tabwidget_stackedwidget"
KNOWN_GAPS: dict[tuple[str, str, str], str] = {
    # KNOWN GAP in a file this change could not touch (another engineer's):
    # app/practice/reflection_page.py, ReflectionPage.__init__: the QScrollArea round
    # the reflection questions takes a Tab stop and has no accessible name (Orca says
    # nothing there). Fix: scroll.setAccessibleName(self.tr("Reflection questions")).
    ("Practice mode", f"{STEPS}.ReflectionPage.QScrollArea", "has no name"):
        "app/practice/reflection_page.py: the scroll area round the questions",
}
KNOWN_UNANNOUNCED: dict[str, str] = {
    # KNOWN GAP in a file this change could not touch: app/practice/reflection_page.py,
    # ReflectionPage.show_status only sets the status label's text; nothing reaches the
    # bus (no announcement, no name change), so "Saved…" and "Exported…" are silent.
    # Fix: widgets.announce.announce(self.status, text) there.
    "Saved to your reflection log.": "app/practice/reflection_page.py show_status",
}


@pytest.fixture(scope="module")
def shown(reader_bus, tmp_path_factory):
    yield from start_scene(reader_bus, "practice", tmp_path_factory)


@pytest.fixture(scope="module")
def walks(shown):
    return [shown.walk(state) for state in shown.states]


def test_every_control_reaches_the_reader_named_with_its_role(walks):
    problems = verdict(walks, KNOWN_GAPS)
    assert not problems, problems


def test_practice_messages_are_announced_to_the_reader(shown):
    said, heard = shown.announcements()
    missing = unheard(said, heard, KNOWN_UNANNOUNCED)
    assert not missing, missing
