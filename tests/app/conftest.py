"""Fixtures shared by the app tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def opened(qtbot, tmp_path):
    """Main windows opened on isolated settings (tests/app/main_window_helpers.Opened),
    all closed at the end."""
    from tests.app.main_window_helpers import Opened

    made = Opened(qtbot, tmp_path)
    yield made
    made.close_all()
