"""What can go wrong when managing speech models, as plain sentences.

Every error's ``str()`` is one sentence a teacher can act on; the command
line prints it as it is and the GUI shows it in a message box.
"""

from __future__ import annotations

from collections.abc import Sequence


class ModelError(Exception):
    """Base class: a problem with a speech model that the user can understand."""


class UnknownModel(ModelError):
    """The name is neither in the catalogue nor on the official model list."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"There is no model called '{name}'. "
            "Run 'lesson-lab models list' to see the models you can install."
        )
        self.name = name


class BadModelName(ModelError):
    """A name that could not be a model folder (path separators, dots, spaces)."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"'{name}' is not a model name: use the name shown by "
            "'lesson-lab models list', without any folder in front of it."
        )
        self.name = name


class ModelNotInstalled(ModelError):
    """Removing or checking a model that is not in the models folder."""

    def __init__(self, name: str) -> None:
        super().__init__(f"No model called '{name}' is installed.")
        self.name = name


class AlreadyInstalled(ModelError):
    """A model folder of that name is already there."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"A model called '{name}' is already installed. "
            "Remove it first if you want to install it again."
        )
        self.name = name


class BundledModel(ModelError):
    """The model came with the app and cannot be removed or replaced."""

    def __init__(self, name: str) -> None:
        super().__init__(f"'{name}' is installed with the app and cannot be removed on its own.")
        self.name = name


class NotEnoughSpace(ModelError):
    """Free disk space is below what the download and extraction need."""

    def __init__(self, needed_bytes: int, free_bytes: int) -> None:
        super().__init__(
            "There is not enough free disk space to install this model: "
            f"it needs {format_megabytes(needed_bytes)} and "
            f"{format_megabytes(free_bytes)} is free."
        )
        self.needed_bytes = needed_bytes
        self.free_bytes = free_bytes


class DownloadFailed(ModelError):
    """The server could not be reached or answered with an error."""


class DownloadInterrupted(DownloadFailed):
    """The connection dropped part-way; the partial file is kept for resuming."""

    def __init__(self, done: int, total: int | None) -> None:
        of_total = f" of {format_megabytes(total)}" if total else ""
        super().__init__(
            f"The download stopped after {format_megabytes(done)}{of_total}. "
            "Try again: it will carry on from where it stopped."
        )
        self.done = done
        self.total = total


class Cancelled(ModelError):
    """The user cancelled; any partial download is kept for resuming."""

    def __init__(self, what: str = "The installation") -> None:
        super().__init__(f"{what} was cancelled.")


class ChecksumMismatch(ModelError):
    """The downloaded file is not the one on the official list."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"The downloaded file for '{name}' does not match the official "
            "checksum, so it has been deleted. It may have been damaged on the "
            "way: please try again."
        )
        self.name = name


class UnsafeArchive(ModelError):
    """A zip file (or folder) that would write outside its folder, or holds links or devices."""

    def __init__(self, reason: str, what: str = "This zip file") -> None:
        super().__init__(f"{what} cannot be used safely: {reason}")
        self.reason = reason


class SourceNotFound(ModelError):
    """Importing or checking a path that does not exist."""

    def __init__(self, path: str) -> None:
        super().__init__(f"There is no file or folder at {path}.")
        self.path = path


class NotAnArchive(ModelError):
    """The file is not a zip file Lesson Lab can read."""

    def __init__(self, path: str) -> None:
        super().__init__(f"'{path}' is not a zip file that Lesson Lab can open.")
        self.path = path


IMPORT_ADVICE = ("Import the whole model folder, or the .zip file just as it was "
                 "downloaded.")
DOWNLOAD_ADVICE = "Try downloading it again."
DAMAGED_ADVICE = "Copy it again from where it was first downloaded, or download it again."


class InvalidModel(ModelError):
    """A folder or archive that is not a complete Vosk model."""

    def __init__(self, missing: Sequence[str], where: str = "This folder",
                 advice: str = IMPORT_ADVICE) -> None:
        names = ", ".join(missing)
        # What to do first, in plain words; the file names last, for whoever helps.
        super().__init__(f"{where} is not a complete speech model: some of its files are "
                         f"missing. {advice} (Missing: {names}.)")
        self.missing = list(missing)


class DamagedModel(ModelError):
    """Every file a model needs is there, but the speech engine cannot load them."""

    def __init__(self, where: str, why: str, advice: str = DAMAGED_ADVICE) -> None:
        super().__init__(f"{where} holds a damaged speech model ({why}), so nothing was "
                         f"installed. {advice}")
        self.why = why


def format_megabytes(count: int | float) -> str:
    """``'40 MB'``, ``'1.8 GB'`` or ``'0.3 MB'``: sizes as people read them."""
    megabytes = count / 1_000_000
    if megabytes >= 1000:
        return f"{megabytes / 1000:.1f} GB"
    if megabytes >= 10:
        return f"{megabytes:.0f} MB"
    return f"{megabytes:.1f} MB"
