"""The app's remembered choices, in one QSettings file.

The file is ``settings.ini`` in the Lesson Lab data folder when
``LESSON_LAB_DATA`` is set (the tests set it to a temporary folder, so a test
never touches a real user's settings), otherwise in the platform's user
configuration folder for ``lesson-lab``. An explicit path can be given too.

Every value has a typed accessor, so a missing or damaged entry gives the
default, never an exception: settings written by a newer or older version,
or edited by hand, must not stop the app from opening.

A settings file that cannot be written (a folder in its place, a read-only
or full disk) loses every choice silently: QSettings says nothing. So
:func:`settings_problem` looks once at start (app/startup_notices.py) and the
teacher is told, in one sentence, that their choices will not be remembered.

Keys other parts of the app use (the controllers may read and write them):

======================  =========  =====================================================
key                     type       meaning
======================  =========  =====================================================
speech/engine           str        "auto", "vosk" or "whisper"
speech/model            str        a model folder, "" for the engine's default
speech/voice            str        the text-to-speech voice id, "" for the default
speech/rate             float      reading speed as a multiple of normal (0.5 to 2)
audio/input             str        the microphone's id, "" for the default
audio/output            str        the speaker's id, "" for the default
lesson/last             str        the path of the last lesson shown
lesson/profile          str        the name of the preset or profile chosen
window/geometry         bytes      QMainWindow.saveGeometry()
window/state            bytes      QMainWindow.saveState() (docks and tool bars)
window/dock_homes       str        docks tabbed at a large size: their own sides, as
                                   JSON (see :attr:`AppSettings.dock_homes`)
ui/scale                float      the size of the whole interface, 1.0 to 2.5
ui/welcome_shown        bool       the first-run welcome has been shown
captions/settings       str        the live captions' look and place, as JSON (see
                                   :attr:`AppSettings.captions`)
files/folder_<kind>     str        the folder a file dialog for that kind of file last
                                   used ("lessons", "pdf", "word", "dictation",
                                   "reflection"; see app/recent_folders.py)
files/format_dictation  str        "txt" or "docx": the format dictation was saved in
                                   last (app/dictation_unsaved.py)
======================  =========  =====================================================
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from lessons.save_problem import disk_cause

DATA_ENV = "LESSON_LAB_DATA"
FILE_NAME = "settings.ini"

ENGINE = "speech/engine"
MODEL = "speech/model"
VOICE = "speech/voice"
RATE = "speech/rate"
INPUT_DEVICE = "audio/input"
OUTPUT_DEVICE = "audio/output"
LAST_LESSON = "lesson/last"
PROFILE = "lesson/profile"
GEOMETRY = "window/geometry"
STATE = "window/state"
DOCK_HOMES = "window/dock_homes"
UI_SCALE = "ui/scale"
WELCOME_SHOWN = "ui/welcome_shown"
CAPTIONS = "captions/settings"
WORD_BANK_SHOWN = "dictation/word_bank_shown"
COMMANDS_SHOWN = "dictation/commands_shown"
TYPING_ECHO = "dictation/speak_as_i_type"

MIN_UI_SCALE = 1.0
MAX_UI_SCALE = 2.5


def settings_path() -> Path:
    """Where the settings file lives (not created here)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override).expanduser() / FILE_NAME
    return Path(platformdirs.user_config_dir("lesson-lab", appauthor=False)) / FILE_NAME


def settings_problem(path: str | Path | None = None) -> str | None:
    """One plain sentence when the settings file (default: ``settings_path()``) cannot be
    written, so nothing chosen would be remembered; None when it can.

    Makes the folder if it is missing, opens the file for writing (without changing
    it) and writes a small file beside it, then takes that away: QSettings writes a
    new file there and renames it into place. Touches the disk: call it off the GUI
    thread.
    """
    path = Path(path) if path is not None else settings_path()
    folder = path.parent
    try:
        if path.is_dir():
            cause = _tr("there is a folder called “{name}” where that file should be").format(
                name=path.name)
        elif folder.exists() and not folder.is_dir():
            cause = _tr("there is a file called “{name}” where Lesson Lab needs a folder").format(
                name=folder.name)
        else:
            folder.mkdir(parents=True, exist_ok=True)
            if path.exists():
                with open(path, "r+b"):  # a read-only file refuses here; nothing is written
                    pass
            _try_writing(folder)
            return None
    except OSError as error:
        cause = disk_cause(error, path)
    return _tr("Lesson Lab cannot save your settings in {path}: {cause}, so the profile, "
               "voice, speaker, interface size and captions you choose will not be "
               "remembered next time.").format(path=path, cause=cause)


def _try_writing(folder: Path) -> None:
    handle, probe = tempfile.mkstemp(dir=folder, prefix=".", suffix=".check")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(b"Lesson Lab checks that it can save its settings here.\n" * 8)
            stream.flush()
            os.fsync(stream.fileno())
    finally:
        Path(probe).unlink(missing_ok=True)


def _tr(text: str) -> str:
    return QCoreApplication.translate("AppSettings", text)


class AppSettings:
    """Typed access to the settings file. Cheap to make; every write is saved soon."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else settings_path()
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    # ----- generic, typed ------------------------------------------------------------

    def text(self, key: str, default: str = "") -> str:
        """The string at ``key``, or ``default``."""
        value = self._qsettings.value(key, default)
        return value if isinstance(value, str) else default

    def number(self, key: str, default: float, low: float | None = None,
               high: float | None = None) -> float:
        """The number at ``key`` (clamped to ``low``..``high``), or ``default``."""
        try:
            value = float(self._qsettings.value(key, default))
        except (TypeError, ValueError):
            return default
        if value != value:  # NaN
            return default
        if low is not None:
            value = max(low, value)
        if high is not None:
            value = min(high, value)
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        """The yes/no at ``key``, or ``default``."""
        value = self._qsettings.value(key, default)
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes")
        return default

    def data(self, key: str) -> QByteArray:
        """The bytes at ``key`` (empty when none)."""
        value = self._qsettings.value(key, QByteArray())
        if isinstance(value, QByteArray):
            return value
        if isinstance(value, bytes):
            return QByteArray(value)
        return QByteArray()

    def set(self, key: str, value) -> None:
        """Remember ``value`` at ``key``."""
        self._qsettings.setValue(key, value)

    def remove(self, key: str) -> None:
        """Forget ``key``."""
        self._qsettings.remove(key)

    def sync(self) -> None:
        """Write everything to disk now."""
        self._qsettings.sync()

    # ----- named settings ------------------------------------------------------------

    @property
    def engine(self) -> str:
        return self.text(ENGINE, "auto") or "auto"

    @engine.setter
    def engine(self, name: str) -> None:
        self.set(ENGINE, name)

    @property
    def model(self) -> str:
        return self.text(MODEL)

    @model.setter
    def model(self, path: str) -> None:
        self.set(MODEL, path)

    @property
    def voice(self) -> str:
        return self.text(VOICE)

    @voice.setter
    def voice(self, voice_id: str) -> None:
        self.set(VOICE, voice_id)

    @property
    def rate(self) -> float:
        return self.number(RATE, 1.0, 0.5, 2.0)

    @rate.setter
    def rate(self, scale: float) -> None:
        self.set(RATE, float(scale))

    @property
    def input_device(self) -> str:
        return self.text(INPUT_DEVICE)

    @input_device.setter
    def input_device(self, device: str) -> None:
        self.set(INPUT_DEVICE, device)

    @property
    def output_device(self) -> str:
        return self.text(OUTPUT_DEVICE)

    @output_device.setter
    def output_device(self, device: str) -> None:
        self.set(OUTPUT_DEVICE, device)

    @property
    def last_lesson(self) -> str:
        return self.text(LAST_LESSON)

    @last_lesson.setter
    def last_lesson(self, path: str) -> None:
        self.set(LAST_LESSON, path)

    @property
    def profile(self) -> str:
        return self.text(PROFILE)

    @profile.setter
    def profile(self, name: str) -> None:
        self.set(PROFILE, name)

    @property
    def ui_scale(self) -> float:
        return self.number(UI_SCALE, 1.0, MIN_UI_SCALE, MAX_UI_SCALE)

    @ui_scale.setter
    def ui_scale(self, scale: float) -> None:
        self.set(UI_SCALE, float(scale))

    @property
    def welcome_shown(self) -> bool:
        return self.flag(WELCOME_SHOWN)

    @welcome_shown.setter
    def welcome_shown(self, shown: bool) -> None:
        self.set(WELCOME_SHOWN, bool(shown))

    @property
    def captions(self) -> dict:
        """The live captions' settings as a plain dict ({} when none or damaged).

        Kept as one JSON string so a new caption setting needs no new key; the
        captions window checks every value before using it.
        """
        try:
            value = json.loads(self.text(CAPTIONS) or "{}")
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    @captions.setter
    def captions(self, values: dict) -> None:
        self.set(CAPTIONS, json.dumps(dict(values), sort_keys=True))

    @property
    def dock_homes(self) -> dict:
        """Docks tabbed at a large interface size: object name -> own side ({} when none)."""
        try:
            value = json.loads(self.text(DOCK_HOMES) or "{}")
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    @dock_homes.setter
    def dock_homes(self, homes: dict) -> None:
        self.set(DOCK_HOMES, json.dumps(dict(homes), sort_keys=True))
