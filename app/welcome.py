"""The first-run welcome: what works now, where better models come from, and privacy.

Shown once (the main window remembers it in the settings) and again from
Help > Welcome. Its facts come from :mod:`app.speech_report`, so it says what
this computer really has, not what it might have.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.speech_report import EngineInfo, SpeechReport
from widgets.relative_font import set_relative_font


def _tr(text: str) -> str:
    return QCoreApplication.translate("Welcome", text)


def engine_words(engine: EngineInfo) -> str:
    """What a dictation engine is, in a teacher's words, not the engine's own name:
    "the built-in English speech model" rather than "Whisper tiny.en". The engine's
    name stays for the command line (``lesson-lab engines``)."""
    if engine.name == "whisper":
        return _tr("the built-in English speech model (installed with the app, no "
                   "download needed)")
    if engine.name == "vosk":
        if engine.model:
            return _tr("a word-by-word speech model ({model})").format(model=engine.model)
        return _tr("a word-by-word speech model")
    return engine.description


def welcome_points(report: SpeechReport | None, models_key: str = "") -> list[tuple[str, str]]:
    """The welcome as (heading, sentence) pairs, from what this computer has."""
    keys = f" ({models_key})" if models_key else ""
    if report is None:
        dictation = _tr("Lesson Lab could not check dictation on this computer. Dictation "
                        "will say what is wrong when you start it.")
        reading = _tr("Read aloud will use the computer's voices if it has any.")
    else:
        working = [e for e in report.engines if e.available and e.name != "none"]
        if working:
            names = _tr(" and ").join(engine_words(e) for e in working)
            dictation = _tr("Dictation works now, with {models}.").format(models=names)
        else:
            dictation = _tr("Dictation cannot work on this computer yet: {reason}").format(
                reason="; ".join(e.reason for e in report.engines if e.reason))
        english = report.english_voices
        if english:
            reading = _tr("Read aloud can use {n} English voices on this computer, starting "
                          "with {voice}. {others} other voices are installed.").format(
                n=len(english), voice=report.default_voice, others=len(report.voices)
                - len(english))
        elif report.voices:
            reading = _tr("Read aloud can use {n} voices on this computer, but none is "
                          "English.").format(n=len(report.voices))
        else:
            reading = _tr("This computer has no text-to-speech voices, so read aloud "
                          "highlights each word in silence.")
            if report.voice_note:
                reading += " " + report.voice_note
    better = _tr("For live, word-by-word dictation and lesson word lists, add an English "
                 "word-by-word speech model from Tools > Speech models{keys}: download it, "
                 "or import it from a zip file or a USB stick.").format(keys=keys)
    privacy = _tr("Nothing leaves this computer. Lessons, profiles, dictation and "
                  "recordings stay here. Lesson Lab uses the internet only when you ask "
                  "it to download a speech model.")
    return [(_tr("Dictation"), dictation), (_tr("Read aloud"), reading),
            (_tr("Better speech models"), better), (_tr("Your privacy"), privacy)]


def welcome_html(points: list[tuple[str, str]]) -> str:
    """The points as simple HTML: a heading and a paragraph each."""
    parts = [f"<h3>{escape(heading)}</h3><p>{escape(text)}</p>" for heading, text in points]
    return "".join(parts)


class WelcomeDialog(QDialog):
    """The welcome. Signal ``models_requested()`` when the user asks for speech models."""

    models_requested = Signal()

    def __init__(self, report: SpeechReport | None, models_key: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Welcome to Lesson Lab"))
        self.setAccessibleName(_tr("Welcome to Lesson Lab"))
        title = QLabel(_tr("Welcome to Lesson Lab"))
        set_relative_font(title, 1.5, bold=True)
        intro = QLabel(_tr("Practise adapting lessons, reading aloud and dictation, all on "
                           "this computer."))
        intro.setWordWrap(True)
        self.points = welcome_points(report, models_key)
        self.body = QLabel(welcome_html(self.points))
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAccessibleName(_tr("What Lesson Lab can do on this computer"))
        # With its headings ("Dictation: …"), as a sighted reader sees them.
        self.body.setAccessibleDescription(" ".join(f"{heading}: {text}"
                                                    for heading, text in self.points))
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        self.models_button = QPushButton(_tr("Speech &models…"))
        self.models_button.setAccessibleName(_tr("Open the speech models"))
        self.models_button.setAutoDefault(False)
        self.start_button = QPushButton(_tr("&Start"))
        self.start_button.setDefault(True)
        buttons.addButton(self.models_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.models_button.clicked.connect(self._models)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(title.fontMetrics().averageCharWidth() * 70)
        self.start_button.setFocus()

    def text(self) -> str:
        """Everything the welcome says, as plain text."""
        return "\n".join(f"{heading}: {text}" for heading, text in self.points)

    def _models(self) -> None:
        self.accept()
        self.models_requested.emit()
