"""Where speech models live on this computer, and where they come from.

Models are kept in the user's data folder (``platformdirs``), one folder per
model, named after the model. Work in progress lives in hidden folders inside
the same folder, so a finished install is a single rename on one disk:

* ``.partial/NAME.zip.part`` - a download that can be resumed,
* ``.installing-*`` - an archive being extracted and checked,
* ``.removing-*`` - a model being deleted.

Names starting with a dot are never listed as models.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

from models.errors import BadModelName

#: Set by tests (and by anyone who keeps models elsewhere, such as a shared drive).
MODELS_ENV = "LESSON_LAB_MODELS"
#: Where archives and the official model list are fetched from.
BASE_URL_ENV = "LESSON_LAB_MODEL_BASE_URL"
OFFICIAL_BASE_URL = "https://alphacephei.com/vosk/models"

PARTIAL_FOLDER = ".partial"
INSTALLING_PREFIX = ".installing-"
REMOVING_PREFIX = ".removing-"

# Letters, digits, dots, dashes and underscores; no leading dot, no separators.
_NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


def models_dir() -> Path:
    """The folder holding installed models (not created here).

    ``LESSON_LAB_MODELS`` overrides the platform's user data folder.
    """
    override = os.environ.get(MODELS_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("lesson-lab", appauthor=False)) / "models"


def base_url(override: str | None = None) -> str:
    """The address models are downloaded from, without a trailing slash.

    An explicit ``override`` wins, then ``LESSON_LAB_MODEL_BASE_URL``, then the
    official Vosk address.
    """
    url = override or os.environ.get(BASE_URL_ENV) or OFFICIAL_BASE_URL
    return url.rstrip("/")


def archive_url(name: str, base: str | None = None) -> str:
    """The address of a model's zip file: ``BASE/NAME.zip``."""
    return f"{base_url(base)}/{check_name(name)}.zip"


def model_list_url(base: str | None = None) -> str:
    """The address of the official model list (JSON with names and MD5 sums)."""
    return f"{base_url(base)}/model-list.json"


def check_name(name: str) -> str:
    """Return ``name`` if it can safely be a folder name, else raise BadModelName."""
    if not isinstance(name, str) or not _NAME_PATTERN.match(name) or ".." in name:
        raise BadModelName(str(name))
    return name


def is_valid_name(name: str) -> bool:
    """Whether ``name`` would pass :func:`check_name`."""
    try:
        check_name(name)
    except BadModelName:
        return False
    return True


def model_path(name: str, root: Path | None = None) -> Path:
    """The folder an installed model called ``name`` lives in."""
    return (root or models_dir()) / check_name(name)


def partial_download_path(name: str, root: Path | None = None) -> Path:
    """Where the resumable ``.part`` file of a model's download is kept."""
    return (root or models_dir()) / PARTIAL_FOLDER / f"{check_name(name)}.zip.part"
