"""The windows a teacher opens from the menus, as a screen reader (Orca) gets them over
AT-SPI: the lesson editor with its checker, the reflection log, trainer mode and the
caption history (tests/accessibility/show_windows_for_reader.py).

Every state is read on the real bus with the checks of test_reader.py: each is a
window to the reader (not a "filler"), every control is named in words with its
role, text areas read as they show, and every label's words reach the reader (a
label's fixed name must not stand in place of what it shows). Then the windows'
messages are shown with a listener registered, and each must arrive as an
announcement.
"""

from __future__ import annotations

import pytest

from tests.accessibility.reader import ShownApp
from tests.accessibility.reader_checks import unheard, verdict

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

# Problems found and not fixed yet, as in test_reader.py. None is left.
KNOWN_GAPS: dict[tuple[str, str, str], str] = {}


@pytest.fixture(scope="module", params=["editor", "tools"])
def shown(request, reader_bus, tmp_path_factory):
    app = ShownApp(reader_bus, request.param,
                   tmp_path_factory.mktemp(f"reader-{request.param}"),
                   module="tests.accessibility.show_windows_for_reader")
    try:
        yield app
    finally:
        app.close()


def test_every_window_reaches_the_reader_named_with_its_words(shown):
    walks = [shown.walk(state) for state in shown.states]
    problems = verdict(walks, KNOWN_GAPS)
    assert not problems, problems


def test_every_message_is_announced_to_the_reader(shown):
    said, heard = shown.announcements()
    missing = unheard(said, heard, {})
    assert not missing, missing
