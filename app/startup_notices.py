"""What Lesson Lab tells a teacher once at start: problems found before their work meets them.

Looked for off the GUI thread (each look touches the disk), on the first turn
of the event loop after the window is shown (app/gui.py), then said together
in one message:

* the data folder cannot take a file (lessons/data_folder.py);
* the settings file cannot be written, so no choice would be remembered
  (app/settings.py);
* saved profiles that could not be read, and why, so a profile missing from
  the Profile list is not a mystery; and profiles read without a setting this
  version does not know (lessons/profile_store.py).

Each problem is one plain sentence; a long list of damaged files is cut short.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.settings import settings_problem
from lessons.data_folder import data_folder_problem
from lessons.profile_store import ProfileProblem, ProfileStore

# More damaged profiles than this are counted, not listed: the message must fit a screen.
MAX_LISTED = 5


@dataclass(frozen=True)
class StartupNotices:
    """What the looks at start found; empty when all is well."""

    data_folder: str | None = None
    settings: str | None = None
    profiles_folder: Path | None = None
    profiles: list[ProfileProblem] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.data_folder or self.settings or self.profiles)


def look(store: ProfileStore, data: Path | None = None,
         settings: Path | None = None) -> StartupNotices:
    """Look for problems to tell at start. Touches the disk: call it off the GUI thread.

    ``data`` is the data folder (default: lessons.data_folder.data_folder()),
    ``settings`` the settings file (default: app.settings.settings_path()).
    """
    return StartupNotices(data_folder=data_folder_problem(data),
                          settings=settings_problem(settings),
                          profiles_folder=store.folder, profiles=store.problems())


def notice_text(notices: StartupNotices) -> str:
    """The message for ``notices``: plain sentences, one paragraph a kind ("" when none)."""
    paragraphs = []
    if notices.data_folder:
        paragraphs.append(notices.data_folder)
    if notices.settings:
        paragraphs.append(notices.settings)
    skipped = [p for p in notices.profiles if p.skipped]
    warned = [p for p in notices.profiles if not p.skipped]
    if skipped:
        lines = [_tr("Some of your saved profiles could not be read, so they are not in the "
                     "Profile list.")]
        lines += [f"• {problem.message}" for problem in skipped[:MAX_LISTED]]
        if len(skipped) > MAX_LISTED:
            lines.append(_tr("• {count} more profile files could not be read either.").format(
                count=len(skipped) - MAX_LISTED))
        lines.append(_tr("The files are left as they were, in {folder}.").format(
            folder=notices.profiles_folder))
        paragraphs.append("\n".join(lines))
    if warned:
        lines = [_tr("Some of your profiles hold settings this version of Lesson Lab does "
                     "not know (from a newer version, perhaps); they are in the Profile list "
                     "without them.")]
        lines += [f"• {problem.message}" for problem in warned[:MAX_LISTED]]
        if len(warned) > MAX_LISTED:
            lines.append(_tr("• {count} more profiles were read the same way.").format(
                count=len(warned) - MAX_LISTED))
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def tell_at_start(window) -> None:
    """Look in the background, then tell ``window``'s user once (``show_message``)."""
    store = window.store
    settings = window.settings.path

    def told(notices: StartupNotices) -> None:
        text = notice_text(notices)
        if text:
            window.show_message(text)

    window.background.run(lambda: look(store, settings=settings), told,
                          name="startup-notices")


def _tr(text: str) -> str:
    return QCoreApplication.translate("StartupNotices", text)
