"""The controllers' libraries imported off the GUI thread (app/background_imports.py, run
as a background job by app/gui.py), and the background jobs themselves (app/background.py)."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject

from app.background import Background
from app.background_imports import SPEECH_MODULES, import_speech_modules


def _module(folder, name: str, body: str) -> str:
    (folder / f"{name}.py").write_text(body)
    return name


def test_modules_are_imported_on_a_thread_then_the_gui_thread_carries_on(qtbot, tmp_path,
                                                                       monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    slow = _module(tmp_path, "lesson_lab_slow_import",
                   "import threading\nIMPORTED_ON = threading.current_thread().name\n")
    broken = _module(tmp_path, "lesson_lab_broken_import", "raise ImportError('no')\n")
    later = _module(tmp_path, "lesson_lab_later_import", "VALUE = 3\n")
    called_on = []
    runner = Background()
    # As app/gui.py runs it.
    runner.run(lambda: import_speech_modules((slow, broken, later)),
               lambda _none: called_on.append(threading.current_thread()), name="import-speech")
    qtbot.waitUntil(lambda: bool(called_on), timeout=10_000)
    assert called_on == [threading.main_thread()]
    assert sys.modules[slow].IMPORTED_ON == "import-speech"
    # One that fails does not stop the rest; its real importer reports it.
    assert sys.modules[later].VALUE == 3 and broken not in sys.modules


def test_the_speech_modules_are_what_the_controllers_import():
    assert {"app.read_aloud", "app.dictation_controller", "app.captions_controller"} <= set(
        SPEECH_MODULES)


def test_a_background_job_holds_no_reference_to_its_callbacks_owner(qtbot):
    # The job's thread holds only the work: a window dropped while its job
    # runs is freed on the GUI thread, never later on the job's thread.
    import gc
    import weakref

    release, results = threading.Event(), []

    class Owner(QObject):
        def done(self, value) -> None:
            results.append(value)

    owner = Owner()
    owner.runner = Background(owner)
    owner.runner.run(lambda: release.wait(10) and "scanned", owner.done)
    gone = weakref.ref(owner)
    del owner
    gc.collect()
    assert gone() is None  # freed here while the job still runs
    release.set()
    qtbot.wait(100)  # its answer finds nobody and is dropped
    assert results == []
    keeper = Owner()
    keeper.runner = Background(keeper)
    keeper.runner.run(lambda: "second", keeper.done)
    qtbot.waitUntil(lambda: results == ["second"])
