"""The catalogue of speech models Lesson Lab offers (``catalogue.json``).

The catalogue is data, not code: one entry per model, English first (English
(UK) before the others, for schools in England), then the small models for
languages common among pupils learning English as an additional language in
England. It also names those languages that have no
official Vosk model, so the app can say so plainly rather than show nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from models.errors import format_megabytes
from models.paths import archive_url

# How big a model is, in words: "big-lgraph" models are Vosk's middle size.
_SIZE_WORDS = {"small": "small", "big": "large", "big-lgraph": "medium", "bundled": "built in"}


@dataclass(frozen=True)
class CatalogueEntry:
    """One model Lesson Lab knows about."""

    name: str
    engine: str  # "vosk" or "whisper"
    language: str  # lower-case BCP 47 code, such as "en-gb" or "pl"
    language_name: str  # "English (UK)"
    size_mb: int  # download size in megabytes (1 MB = 1,000,000 bytes)
    licence: str  # "" when the published table does not state one
    accuracy: str  # a plain sentence about how well it works
    type: str  # "small", "big", "big-lgraph" or "bundled"
    vocabulary_lists: bool  # whether the engine can limit it to a word list
    size_bytes: int | None = None  # exact size on the official list, if known
    bundled: bool = False  # installed with the app, never downloaded
    package: str | None = None  # Python package that ships a bundled model
    package_folder: str | None = None  # folder inside that package

    @property
    def display_name(self) -> str:
        """The name a teacher sees: "English (UK), small"; the file name stays ``name``."""
        size = _SIZE_WORDS.get(self.type, self.type)
        return f"{self.language_name}, {size}"

    @property
    def display_name_with_size(self) -> str:
        """"English (UK), small — 43 MB", for places that show no size column."""
        return f"{self.display_name} — {format_megabytes(self.download_bytes)}"

    @property
    def url(self) -> str:
        """Download address, honouring ``LESSON_LAB_MODEL_BASE_URL`` (empty if bundled)."""
        return "" if self.bundled else archive_url(self.name)

    def url_for(self, base: str | None) -> str:
        """Download address from a chosen base address (empty if bundled)."""
        return "" if self.bundled else archive_url(self.name, base)

    @property
    def download_bytes(self) -> int:
        """Best known download size in bytes (exact if known, else from ``size_mb``)."""
        return self.size_bytes if self.size_bytes else self.size_mb * 1_000_000

    @property
    def licence_text(self) -> str:
        """The licence, or a sentence saying where to find it."""
        return self.licence or _raw()["unverified_licence"]


@dataclass(frozen=True)
class LanguageWithoutModel:
    """A language common in English schools that has no official Vosk model."""

    language: str
    language_name: str


@lru_cache(maxsize=1)
def _raw() -> dict:
    text = resources.files("models").joinpath("catalogue.json").read_text(encoding="utf-8")
    return json.loads(text)


def load_catalogue() -> list[CatalogueEntry]:
    """Every catalogue entry, in display order (English first)."""
    return [CatalogueEntry(**item) for item in _raw()["models"]]


def find_entry(name: str) -> CatalogueEntry | None:
    """The catalogue entry called ``name``, or ``None``."""
    for entry in load_catalogue():
        if entry.name == name:
            return entry
    return None


def downloadable() -> list[CatalogueEntry]:
    """Entries that can be downloaded (everything but bundled models)."""
    return [entry for entry in load_catalogue() if not entry.bundled]


def languages_without_model() -> list[LanguageWithoutModel]:
    """Languages common among EAL pupils that have no official Vosk model."""
    return [LanguageWithoutModel(**item) for item in _raw()["no_official_model"]]
