"""Help › About: what Lesson Lab is, its version and licence, where it keeps things.

The version comes from the installed distribution's metadata (a copy run
from source without installing says so). The folders are the ones the app
really uses, read from the same helpers that the library, profile store,
transcript store, reflection log and model manager use, so the box cannot
name a folder the app does not. The text is selectable (a teacher can copy a
folder's path) and the box closes with Escape or Enter.
"""

from __future__ import annotations

import html
import importlib.metadata
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from widgets.screen_fit import fit_size

DISTRIBUTION = "lesson-lab"
LICENCE = "MIT"


def _tr(text: str) -> str:
    return QCoreApplication.translate("AboutDialog", text)


def app_version() -> str:
    """The installed version ("0.1.0"), or a plain note when it is not installed."""
    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return _tr("not known (running from a copy that is not installed)")


@dataclass(frozen=True)
class Place:
    """One kind of thing the app keeps, and the folder it is kept in."""

    what: str
    folder: Path


def app_places(profiles_folder: Path | None = None) -> list[Place]:
    """Where lessons, profiles, transcripts, reflections and speech models are kept.

    ``profiles_folder`` is the profile store's own folder when a window has one.
    """
    from app.transcript_store import transcripts_dir
    from lessons.library import user_folder
    from lessons.profile_store import profiles_dir
    from lessons.reflection import reflections_dir
    from models.paths import models_dir
    from speech.stt.whisper_model import bundled_model_path

    places = [
        Place(_tr("Your lessons"), user_folder()),
        Place(_tr("Your profiles"), profiles_folder or profiles_dir()),
        Place(_tr("Dictation transcripts"), transcripts_dir()),
        Place(_tr("Reflection log"), reflections_dir()),
        Place(_tr("Speech models you download or import"), models_dir()),
    ]
    bundled = bundled_model_path()
    if bundled is not None:
        places.append(Place(_tr("Built-in English speech model"), bundled))
    return places


# The parts that matter to a school's IT team, with their own licences.
THIRD_PARTY = (
    ("Qt 6 and PySide6", "the windows and controls", "LGPL 3"),
    ("Whisper tiny.en, run by faster-whisper (CTranslate2)",
     "built-in English dictation and captions", "MIT"),
    ("Vosk", "dictation and captions with a downloaded model", "Apache 2.0"),
    ("pyttsx3, with espeak-ng on Linux", "reading aloud with the computer's voices",
     "MPL 2.0; GPL 3"),
    ("Atkinson Hyperlegible, Lexend, OpenDyslexic and Comic Neue",
     "the accessible fonts", "SIL Open Font Licence"),
)


def about_html(version: str, places: list[Place]) -> str:
    """The About box's text as simple HTML (headings, paragraphs, lists)."""
    esc = html.escape
    rows = "".join(f"<li>{esc(p.what)}: <code>{esc(str(p.folder))}</code></li>" for p in places)
    parts = "".join(f"<li>{esc(name)}: {esc(use)} ({esc(licence)})</li>"
                    for name, use, licence in THIRD_PARTY)
    what = _tr("Practise adapting lessons for pupils with SEND: lesson views, reading aloud "
               "and dictation, with pupil scenarios and a reflection log.")
    offline = _tr("Runs offline: pupils’ voices and work never leave this computer.")
    download = _tr("Only a speech model download that you start yourself uses the internet.")
    licence = _tr("Lesson Lab is free software under the {licence} licence.").format(
        licence=LICENCE)
    return (
        f"<h2>{esc(_tr('Lesson Lab'))}</h2>"
        f"<p>{esc(_tr('Version {version}').format(version=version))}</p>"
        f"<p>{esc(what)}</p>"
        f"<p><b>{esc(offline)}</b> {esc(download)}</p>"
        f"<h3>{esc(_tr('Where things are kept'))}</h3><ul>{rows}</ul>"
        f"<h3>{esc(_tr('Licence'))}</h3><p>{esc(licence)}</p>"
        f"<h3>{esc(_tr('Made with'))}</h3><ul>{parts}</ul>"
    )


class AboutDialog(QDialog):
    """Help › About Lesson Lab: selectable text, closed with Escape, Enter or Close."""

    def __init__(self, places: list[Place] | None = None, parent: QWidget | None = None,
                 version: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("About Lesson Lab"))
        self.version = version if version is not None else app_version()
        self.places = places if places is not None else app_places()
        self.text = QTextBrowser()
        self.text.setAccessibleName(_tr("About Lesson Lab"))
        self.text.setOpenLinks(False)  # nothing here goes to the internet
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setHtml(about_html(self.version, self.places))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        # Room for every line without scrolling when the screen allows.
        metrics = self.fontMetrics()
        width, height = metrics.averageCharWidth() * 100, metrics.height() * 40
        self.resize(fit_size(self, QSize(width, height)))
        self.text.setFocus()

    def plain_text(self) -> str:
        """What the box says, as plain text."""
        return self.text.toPlainText()
