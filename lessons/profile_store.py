"""The user's own adaptation profiles, saved as JSON files in their data folder.

Users duplicate a preset (or another profile of theirs), edit it, rename it,
save it and delete it. Each profile is one file in ``<data>/profiles/``, in
the same format as the built-in presets (``Profile.to_dict()``); the profile's
name is inside the file, so the file name is only a tidy label.

* The data folder is ``LESSON_LAB_DATA`` if set, otherwise the platform's
  user data folder for "lesson-lab" (``platformdirs``).
* Writes are atomic (a temporary file in the same folder, then a rename), so a
  crash or a full disk never leaves half a profile behind.
* A file that cannot be read (damaged, far too big, not a profile) is
  skipped with a plain message (``ProfileStore.problems()``), never a crash,
  and is left on disk untouched. A file saved with a byte-order mark (Windows
  Notepad's UTF-8) reads as any other.
* A setting (or colour) this version does not know, from a newer Lesson Lab,
  is left out and said in ``problems()`` as a warning (``skipped`` False): the
  rest of the profile loads, and saving the profile again keeps the setting in
  its file for the version that knows it.
* A profile that cannot be written or deleted (a full or read-only disk)
  raises :class:`ProfileSaveError`, an ``OSError`` whose text is one plain
  sentence (lessons/save_problem.py); the saved profiles are as they were.
* Names are unique, ignoring case and punctuation, and may not be the name of
  a built-in preset.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path

from lessons.atomic_file import write_text_atomically
from lessons.data_folder import data_folder
from lessons.loader import utf16_text
from lessons.presets import find_preset, name_key, preset_names
from lessons.profile import Colours, Profile
from lessons.save_problem import save_problem

PROFILES_FOLDER = "profiles"
MAX_NAME_LENGTH = 60
# A saved profile is about 1 KB; a file far bigger is not one, and reading it
# would slow every look at the folder (the store reads it afresh each time).
MAX_PROFILE_BYTES = 256 * 1024


def profiles_dir() -> Path:
    """The folder holding the user's own profiles (not created here)."""
    return data_folder() / PROFILES_FOLDER


class ProfileNameError(ValueError):
    """A name the user typed cannot be used; the message says why, plainly."""


class ProfileSaveError(OSError):
    """A profile could not be written or deleted; ``str()`` is one plain sentence.

    Keeps the disk's error number (``errno``), so callers that word the
    problem themselves (``save_problem``) still can.
    """

    def __init__(self, error: OSError, action: str = "saved") -> None:
        super().__init__(error.errno, error.strerror, error.filename)
        self.sentence = save_problem(error, "The profile", action=action, place_fixed=True)

    def __str__(self) -> str:
        return self.sentence


@dataclass(frozen=True)
class ProfileProblem:
    """A profile file that could not be read (``skipped``), or was read without
    something this version does not know (a warning: the profile is in the list)."""

    path: Path
    reason: str
    skipped: bool = True
    name: str = ""  # the profile's name, when it was read

    @property
    def message(self) -> str:
        """One plain sentence for the user."""
        if not self.skipped:
            return f'The profile "{self.name}" ({self.path.name}) was read without {self.reason}.'
        return (
            f'The profile file "{self.path.name}" could not be read, '
            f"so it was skipped: {self.reason}."
        )




@dataclass(frozen=True)
class _Entry:
    profile: Profile
    path: Path
    unknown: dict  # what this version does not know, kept for the file's next save


class ProfileStore:
    """The user's saved profiles in one folder. Every call reads the folder afresh."""

    def __init__(self, folder: Path | None = None, builtin_names: Iterable[str] | None = None):
        """``folder`` defaults to ``profiles_dir()``; ``builtin_names`` to the presets' names."""
        self.folder = Path(folder) if folder is not None else profiles_dir()
        names = preset_names() if builtin_names is None else builtin_names
        self._builtin = {name_key(n): n for n in names}

    # Reading -----------------------------------------------------------------

    def profiles(self) -> list[Profile]:
        """Every readable profile, sorted by name (case and punctuation ignored)."""
        entries, _ = self._scan()
        return [e.profile for e in entries]

    def problems(self) -> list[ProfileProblem]:
        """The files skipped because they could not be read, with the reason for each,
        and the profiles read without settings this version does not know."""
        _, skipped = self._scan()
        return skipped

    def names(self) -> list[str]:
        """The names of the saved profiles, sorted."""
        return [p.name for p in self.profiles()]

    def find(self, name: str) -> Profile | None:
        """The saved profile called ``name`` (case and punctuation ignored), or ``None``."""
        entry = self._entry(name)
        return entry.profile if entry else None

    def get(self, name: str) -> Profile:
        """The saved profile called ``name``; ``KeyError`` with a plain message if none."""
        profile = self.find(name)
        if profile is None:
            raise KeyError(f'you have no saved profile called "{name}"')
        return profile

    # Names -------------------------------------------------------------------

    def check_name(self, name: str, *, renaming: str | None = None) -> str:
        """``name`` tidied (spaces trimmed and collapsed), or ``ProfileNameError``.

        When ``renaming`` is the profile's current name, that profile's own name
        does not count as taken (so "my profile" can become "My profile").
        """
        if not isinstance(name, str):
            raise ProfileNameError("a profile name must be text")
        tidy = " ".join(name.split())
        if not tidy:
            raise ProfileNameError("a profile needs a name")
        if len(tidy) > MAX_NAME_LENGTH:
            raise ProfileNameError(f"a profile name can be at most {MAX_NAME_LENGTH} characters")
        if any(unicodedata.category(c).startswith("C") for c in tidy):
            raise ProfileNameError("a profile name cannot contain control characters")
        key = name_key(tidy)
        if not key:
            raise ProfileNameError("a profile name needs at least one letter or digit")
        if key in self._builtin:
            raise ProfileNameError(
                f'"{self._builtin[key]}" is the name of a built-in preset; choose another name'
            )
        if renaming is not None and name_key(renaming) == key:
            return tidy
        existing = self._entry(tidy)
        if existing is not None:
            raise ProfileNameError(f'you already have a profile called "{existing.profile.name}"')
        return tidy

    def suggest_name(self, base: str) -> str:
        """A free name for a copy of ``base``: "Dyslexia (copy)", then "(copy 2)", …"""
        stem = re.sub(r"\s*\(copy(?: \d+)?\)$", "", " ".join(base.split())) or "My profile"
        stem = stem[: MAX_NAME_LENGTH - len(" (copy 999)")].rstrip()
        for number in range(1, 1000):
            candidate = f"{stem} (copy)" if number == 1 else f"{stem} (copy {number})"
            try:
                return self.check_name(candidate)
            except ProfileNameError:
                continue
        raise ProfileNameError("there are too many copies of this profile already")

    # Writing -----------------------------------------------------------------

    def add(self, profile: Profile) -> Profile:
        """Save ``profile`` as a new profile; its name must be free. Returns what was saved."""
        name = self.check_name(profile.name)
        saved = replace(profile, name=name, builtin=False)
        saved.validate()
        self._write(self._free_path(name), saved)
        return saved

    def save(self, profile: Profile) -> Profile:
        """Save ``profile``, replacing the saved profile of the same name if there is one.

        This is "Save" in the profile editor. Built-in presets cannot be
        overwritten: duplicate them first. Returns what was saved.
        """
        entry = self._entry(profile.name)
        if entry is None:
            return self.add(profile)
        saved = replace(profile, name=entry.profile.name, builtin=False)
        saved.validate()
        self._write(entry.path, saved, entry.unknown)
        return saved

    def duplicate(self, source: Profile | str, new_name: str | None = None) -> Profile:
        """Save a copy of ``source`` (a profile, or the name of a preset or saved profile).

        Without ``new_name`` the copy is called "<name> (copy)". Returns the copy.
        """
        if isinstance(source, str):
            found = self.find(source) or find_preset(source)
            if found is None:
                raise KeyError(f'there is no preset or saved profile called "{source}"')
            source = found
        name = new_name if new_name is not None else self.suggest_name(source.name)
        return self.add(source.renamed(name))

    def rename(self, old_name: str, new_name: str) -> Profile:
        """Give the saved profile ``old_name`` a new name. Returns the renamed profile."""
        entry = self._entry(old_name)
        if entry is None:
            raise KeyError(f'you have no saved profile called "{old_name}"')
        name = self.check_name(new_name, renaming=entry.profile.name)
        renamed = entry.profile.renamed(name)
        # Rewrite the same file first (one atomic step), then give the file a
        # matching name if that is free; a crash between the two loses nothing.
        self._write(entry.path, renamed, entry.unknown)
        target = self.folder / f"{_slug(name)}.json"
        if target != entry.path and not target.exists():
            try:
                os.replace(entry.path, target)
            except OSError:
                pass  # the profile is already renamed; only the file name is stale
        return renamed

    def delete(self, name: str) -> None:
        """Delete the saved profile ``name``. Built-in presets cannot be deleted."""
        entry = self._entry(name)
        if entry is None:
            if name_key(name) in self._builtin:
                raise ProfileNameError("built-in presets cannot be deleted")
            raise KeyError(f'you have no saved profile called "{name}"')
        try:
            entry.path.unlink()
        except OSError as error:
            raise ProfileSaveError(error, "deleted") from error

    # Inside ------------------------------------------------------------------

    def _entry(self, name: str) -> _Entry | None:
        key = name_key(name)
        entries, _ = self._scan()
        return next((e for e in entries if name_key(e.profile.name) == key), None)

    def _scan(self) -> tuple[list[_Entry], list[ProfileProblem]]:
        entries: list[_Entry] = []
        skipped: list[ProfileProblem] = []
        if not self.folder.is_dir():
            return entries, skipped
        taken: dict[str, Path] = {}
        # Hidden files are temporary files of a write in progress (or left by a crash).
        paths = sorted(p for p in self.folder.glob("*.json") if not p.name.startswith("."))
        for path in paths:
            try:
                profile, unknown = _read_profile(path)
            except ValueError as error:
                skipped.append(ProfileProblem(path, str(error)))
                continue
            key = name_key(profile.name)
            if key in self._builtin:
                reason = f'its name is the same as the built-in preset "{self._builtin[key]}"'
                skipped.append(ProfileProblem(path, reason))
            elif key in taken:
                reason = f'"{taken[key].name}" already holds a profile called "{profile.name}"'
                skipped.append(ProfileProblem(path, reason))
            else:
                taken[key] = path
                entries.append(_Entry(profile, path, unknown))
                if unknown:
                    skipped.append(ProfileProblem(path, _unknown_words(unknown), skipped=False,
                                                  name=profile.name))
        entries.sort(key=lambda e: _sort_key(e.profile.name))
        return entries, skipped

    def _free_path(self, name: str) -> Path:
        stem = _slug(name)
        path = self.folder / f"{stem}.json"
        number = 2
        while path.exists():
            path = self.folder / f"{stem}-{number}.json"
            number += 1
        return path

    def _write(self, path: Path, profile: Profile, unknown: dict | None = None) -> None:
        data = profile.to_dict()
        # Settings from a newer version go back into the file as they came.
        for key, value in (unknown or {}).items():
            if key == "colours":
                data["colours"] = {**value, **data["colours"]}
            else:
                data[key] = value
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_text_atomically(path, text)
        except OSError as error:  # the file is as it was: whole or not at all
            raise ProfileSaveError(error) from error


def _sort_key(name: str) -> tuple:
    """Sort by name as people expect: case and punctuation ignored, "copy 2" before "copy 10"."""
    parts = re.split(r"(\d+)", name_key(name))
    return tuple(int(p) if p.isdigit() else p for p in parts), name.casefold()


def _slug(name: str) -> str:
    """A safe file name stem for ``name``: ASCII letters, digits and dashes."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower()))[:50].strip("-")
    return slug or "profile"


def _read_profile(path: Path) -> tuple[Profile, dict]:
    """Read one saved profile; ``ValueError`` with a plain reason if it is unusable.

    Also returns what this version does not know (settings, and colours under
    "colours"), left out of the profile.
    """
    try:
        if path.stat().st_size > MAX_PROFILE_BYTES:
            raise ValueError("it is far too big to be a profile")
        data = path.read_bytes()
        # Windows Notepad starts a UTF-8 file with a byte-order mark ("utf-8-sig"),
        # and its "Unicode" is UTF-16 with one: both read as lessons are read.
        text = utf16_text(data)
        if text is None:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("it is not a text file") from None
    except OSError as error:
        raise ValueError(f"it could not be opened ({error.strerror or error})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"it is not valid JSON (line {error.lineno})") from None
    except RecursionError:  # brackets nested thousands deep: damaged, and no profile
        raise ValueError("it is not valid JSON") from None
    if not isinstance(data, dict):
        raise ValueError("it does not hold a profile")
    known, unknown = _split_unknown(data)
    if not known:
        raise ValueError("it does not hold a profile")
    _check_types(known)
    return Profile.from_dict(known, builtin=False), unknown


_SETTINGS = frozenset(f.name for f in fields(Profile)) - {"builtin"}
_COLOURS = frozenset(f.name for f in fields(Colours))


def _split_unknown(data: dict) -> tuple[dict, dict]:
    """``data`` as what this version knows, and what it does not (a newer version's)."""
    known = {k: v for k, v in data.items() if k in _SETTINGS}
    unknown = {k: v for k, v in data.items() if k not in _SETTINGS}
    colours = known.get("colours")
    if isinstance(colours, dict):
        known["colours"] = {k: v for k, v in colours.items() if k in _COLOURS}
        extra = {k: v for k, v in colours.items() if k not in _COLOURS}
        if extra:
            unknown["colours"] = extra
    return known, unknown


def _unknown_words(unknown: dict) -> str:
    """What a newer version's settings were left out, for a warning's sentence."""
    names = [k for k in unknown if k != "colours"]
    names += [f"{k} colour" for k in unknown.get("colours", {})]
    listed = ", ".join(f'"{name.replace("_", " ")}"' for name in sorted(names))
    what = "a setting" if len(names) == 1 else "settings"
    return f"{what} this version of Lesson Lab does not know ({listed})"


_DEFAULTS = Profile()


def _check_types(data: dict) -> None:
    """Refuse settings of the wrong kind (a hand-edited "18" for a number, say)."""
    known = {f.name for f in fields(Profile)}
    for key, value in data.items():
        if key not in known or key == "builtin":
            continue  # a newer version's setting: _split_unknown has set it aside
        if key == "colours":
            if not isinstance(value, dict):
                raise ValueError("its colours are not a list of named colours")
            for colour, code in value.items():
                if not isinstance(code, str):
                    raise ValueError(f"the {colour} colour must look like #1a2b3c")
            continue
        _check_value(key, value, getattr(_DEFAULTS, key))


def _check_value(key: str, value: object, default: object) -> None:
    setting = key.replace("_", " ")
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    else:
        ok = isinstance(value, str)
    if not ok:
        kind = {bool: "true or false", int: "a whole number", float: "a number"}.get(
            type(default), "text"
        )
        raise ValueError(f'the setting "{setting}" must be {kind}')
