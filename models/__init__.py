"""Speech-model management: catalogue, locate, download, verify, import, remove.

Pure Python (standard library and platformdirs): no Qt, no speech engine.
The names below are the public API the command line and the GUI use.
"""

from models.catalogue import (
    CatalogueEntry,
    LanguageWithoutModel,
    downloadable,
    find_entry,
    languages_without_model,
    load_catalogue,
)
from models.download import OfficialEntry, fetch_official_list
from models.errors import (
    AlreadyInstalled,
    BadModelName,
    BundledModel,
    Cancelled,
    ChecksumMismatch,
    DownloadFailed,
    DownloadInterrupted,
    InvalidModel,
    ModelError,
    ModelNotInstalled,
    NotAnArchive,
    NotEnoughSpace,
    SourceNotFound,
    UnknownModel,
    UnsafeArchive,
    format_megabytes,
)
from models.install import (
    CHECKSUM_NOT_APPLICABLE,
    CHECKSUM_NOT_LISTED,
    CHECKSUM_UNCHECKED,
    CHECKSUM_VERIFIED,
    InstallResult,
    check_free_space,
    import_model,
    install_model,
)
from models.inventory import (
    InstalledModel,
    bundled_model_path,
    discard_partial,
    find_installed,
    list_installed,
    partial_downloads,
    remove_model,
    verify_path,
)
from models.layout import ModelCheck
from models.paths import archive_url, base_url, model_list_url, models_dir
from models.progress import COPY, DOWNLOAD, UNPACK, Progress

__all__ = [
    "AlreadyInstalled",
    "BadModelName",
    "BundledModel",
    "CHECKSUM_NOT_APPLICABLE",
    "CHECKSUM_NOT_LISTED",
    "CHECKSUM_UNCHECKED",
    "CHECKSUM_VERIFIED",
    "COPY",
    "Cancelled",
    "CatalogueEntry",
    "ChecksumMismatch",
    "DOWNLOAD",
    "DownloadFailed",
    "DownloadInterrupted",
    "InstallResult",
    "InstalledModel",
    "InvalidModel",
    "LanguageWithoutModel",
    "ModelCheck",
    "ModelError",
    "ModelNotInstalled",
    "NotAnArchive",
    "NotEnoughSpace",
    "OfficialEntry",
    "Progress",
    "SourceNotFound",
    "UNPACK",
    "UnknownModel",
    "UnsafeArchive",
    "archive_url",
    "base_url",
    "bundled_model_path",
    "check_free_space",
    "discard_partial",
    "downloadable",
    "fetch_official_list",
    "find_entry",
    "find_installed",
    "format_megabytes",
    "import_model",
    "install_model",
    "languages_without_model",
    "list_installed",
    "load_catalogue",
    "model_list_url",
    "models_dir",
    "partial_downloads",
    "remove_model",
    "verify_path",
]
