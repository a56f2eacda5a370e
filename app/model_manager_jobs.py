"""The model manager's jobs: download, import, check ("Verify") and remove a speech model.

Each method starts one job on a daemon worker thread (the controller's
``_start``, which reports back on the GUI thread). The worker gets what it
needs as plain values taken on the GUI thread (the models folder, the
catalogue, the name the table shows), never the controller. A job already
running for the same model is not started twice. Importing and Verify also
try a Vosk model with the speech engine (the controller's ``_load_check``);
removing the model dictation uses is noted, so that its end turns the choice
back to automatic.

A mixin for :class:`app.model_manager.ModelManager` (it uses the
controller's ``_jobs``, ``_root``, ``_base_url``, ``_load_check``,
``_failures``, ``_removing_chosen``, ``_called``, ``_catalogue``, ``rows``,
``choice`` and ``_start``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

import models
from app.model_manager_names import friendly_name
from app.model_rows import DOWNLOAD_JOB, IMPORT_JOB, IMPORT_KEY_PREFIX, REMOVE_JOB, VERIFY_JOB, Job


def _tr(text: str) -> str:
    # Not QObject.tr: workers call this, and the controller may be gone by then.
    return QCoreApplication.translate("ModelManager", text)


class ModelJobs:
    """The controller's ``download``, ``import_from``, ``verify`` and ``remove``."""

    def download(self, name: str) -> None:
        """Download (or resume) the model called ``name``."""
        if name in self._jobs:
            return
        base_url, root, called = self._base_url, self._root, self._called(name)

        def work(job: Job, progress) -> tuple[str, object]:
            result = models.install_model(
                name, base_url=base_url, progress=progress, cancel=job.cancel, root=root
            )
            note = _tr("'{name}' is installed and ready to use.").format(name=called)
            return f"{note} {result.checksum_note}", result

        self._failures.pop(name, None)
        self._start(Job(name, DOWNLOAD_JOB), work)

    def import_from(self, path: str) -> None:
        """Install a model from the zip file or folder at ``path``."""
        key = IMPORT_KEY_PREFIX + str(path)
        if key in self._jobs:
            return
        root, catalogue, load_check = self._root, self._catalogue(), self._load_check

        def work(job: Job, progress) -> tuple[str, object]:
            result = models.import_model(path, progress=progress, cancel=job.cancel, root=root,
                                         load_check=load_check)
            return _tr("'{name}' is imported and ready to use.").format(
                name=friendly_name(catalogue, result.name)
            ), result

        self._start(Job(key, IMPORT_JOB), work)

    def verify(self, name: str) -> None:
        """Check the installed model ``name`` and say what, if anything, is missing."""
        if name in self._jobs:
            return
        root, called, load_check = self._root, self._called(name), self._load_check

        def work(job: Job, progress) -> tuple[str, object]:
            check = models.verify_path(name, root=root, load_check=load_check)
            if check.damage:
                raise models.ModelError(
                    _tr(
                        "'{name}' has every file it needs, but they are damaged, so it cannot "
                        "be used. Remove it, then download or import it again."
                    ).format(name=called)
                )
            if not check.ok:
                raise models.ModelError(
                    _tr(
                        "'{name}' cannot be used because it is missing {files}. Remove it, "
                        "then download or import it again."
                    ).format(name=called, files=", ".join(check.missing))
                )
            return _tr("'{name}' has every file it needs.").format(name=called), check

        self._start(Job(name, VERIFY_JOB), work)

    def remove(self, name: str) -> None:
        """Delete an installed model, or throw away a partial download (already confirmed)."""
        if name in self._jobs:
            return
        root, called = self._root, self._called(name)
        rows = self.rows()
        installed = {row.name for row in rows if row.installed}
        _engine, path = self.choice()
        if path and any(row.name == name and row.in_use for row in rows):
            self._removing_chosen.add(name)

        def work(job: Job, progress) -> tuple[str, object]:
            if name in installed:
                models.remove_model(name, root=root)
                return _tr("'{name}' has been removed.").format(name=called), None
            if not models.discard_partial(name, root=root):
                raise models.ModelNotInstalled(name)
            return _tr("The partial download of '{name}' has been thrown away.").format(
                name=called
            ), None

        self._start(Job(name, REMOVE_JOB), work)
