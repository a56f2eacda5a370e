"""The model manager's controller: runs ``models/`` off the GUI thread for the dialog.

Every call into ``models/`` (listing, downloading, importing, checking,
removing) runs on a daemon worker thread. Workers hold no Qt object: they
talk back through app/thread_relay, addressed by the controller's key, so
the GUI thread never waits on the network or the disk, never joins a
thread, and a controller dropped while a worker runs is freed on the GUI
thread.

Downloads report every 64 KiB; :class:`ProgressThrottle` passes on about ten
reports a second so a fast download does not flood the event loop. Cancelling
sets a ``threading.Event``: the worker stops at its next chunk and the partial
download stays on disk, so the row then offers "Resume".

The controller, not the dialog, owns the downloads: closing the dialog with
"Keep downloading" leaves them running, and a dialog attached later shows
their progress. :meth:`ModelManager.shutdown` (at app exit) asks every job
to stop without waiting for it.

Importing and "Verify" also try a Vosk model with the speech engine, in a
separate process (``speech.stt.vosk_probe``): a folder with every file but
damaged ones is refused, or reported as damaged.

"Use for dictation" on an installed row makes it the model dictation and
captions use: the choice goes into the app's settings (``speech/engine`` and
``speech/model``) and out through ``model_chosen``; the row in use says so.
Removing the chosen model goes back to the automatic choice.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

import models
from app import thread_relay
from app.model_manager_choice import ModelChoice
from app.model_manager_jobs import ModelJobs
from app.model_manager_names import friendly_name, with_friendly_name
from app.model_manager_progress import ProgressThrottle
from app.model_rows import (
    DOWNLOAD_JOB,
    IMPORT_JOB,
    Job,
    Snapshot,
    build_rows,
    take_snapshot,
)
from widgets.model_manager_dialog import ModelManagerDialog, ModelRow


def _tr(text: str) -> str:
    # Not QObject.tr: workers call this, and the controller may be gone by then.
    return QCoreApplication.translate("ModelManager", text)


# How a job ended (the ``outcome`` of ``job_finished``).
SUCCEEDED = "succeeded"
CANCELLED = "cancelled"
FAILED = "failed"


def _looking() -> str:
    return _tr("Looking for speech models on this computer…")


class ModelManager(ModelJobs, ModelChoice, QObject):
    """Bridges ``models/`` and a :class:`ModelManagerDialog`.

    Signals: ``rows_changed()`` after the rows shown change,
    ``job_finished(key, outcome, message)`` when a download, import, check
    or removal ends (``outcome`` is ``"succeeded"``, ``"cancelled"`` or
    ``"failed"``; ``message`` is the sentence shown to the user), and
    ``model_chosen(engine, model_path, note)`` when the model dictation uses
    changes. With ``settings`` (an :class:`app.settings.AppSettings`) the
    choice is read from and saved there. The jobs (``app.model_manager_jobs``)
    and the choice (``app.model_manager_choice``) come from mixins.
    """

    rows_changed = Signal()
    job_finished = Signal(str, str, str)
    #: engine ("auto", "vosk", "whisper"), model folder ("" for the engine's own), a note
    model_chosen = Signal(str, str, str)

    def __init__(
        self,
        dialog: ModelManagerDialog | None = None,
        *,
        base_url: str | None = None,
        root: Path | None = None,
        progress_interval: float = 0.1,
        settings=None,
        load_check: models.LoadCheck | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        if load_check is None:
            from speech.stt.vosk_probe import load_problem

            load_check = load_problem
        self._load_check = load_check
        self._choice = ("auto", "")  # used when there are no settings
        self._removing_chosen: set[str] = set()
        self._base_url = base_url
        self._root = Path(root) if root else None
        self._interval = progress_interval
        self._dialog: ModelManagerDialog | None = None
        self._snapshot: Snapshot | None = None
        self._jobs: dict[str, Job] = {}
        self._totals: dict[str, int] = {}
        self._failures: dict[str, str] = {}
        self._scans = 0  # scans running now
        self._relay_key = thread_relay.register(self)
        if dialog is not None:
            self.attach(dialog)
        self.refresh()

    def vosk_ready(self) -> bool | None:
        """Whether the Vosk engine can run (library and an English model); None before
        the first look at the models folder."""
        if self._snapshot is None:
            return None
        return self._snapshot.vosk_available and self._snapshot.default_vosk is not None

    # ----- the dialog ----------------------------------------------------------------

    def attach(self, dialog: ModelManagerDialog) -> None:
        """Show rows in ``dialog`` and act on its intents (one dialog at a time)."""
        if self._dialog is not None:
            self._disconnect(self._dialog)
        self._dialog = dialog
        dialog.download_requested.connect(self.download)
        dialog.cancel_requested.connect(self.cancel)
        dialog.import_requested.connect(self.import_from)
        dialog.verify_requested.connect(self.verify)
        dialog.remove_requested.connect(self.remove)
        dialog.use_requested.connect(self.use_model)
        dialog.automatic_requested.connect(self.use_automatic)
        dialog.destroyed.connect(self._dialog_destroyed)
        if self._snapshot is None:
            dialog.show_message(_looking())
        self._push_rows()

    def _disconnect(self, dialog: ModelManagerDialog) -> None:
        for signal, slot in (
            (dialog.download_requested, self.download),
            (dialog.cancel_requested, self.cancel),
            (dialog.import_requested, self.import_from),
            (dialog.verify_requested, self.verify),
            (dialog.remove_requested, self.remove),
            (dialog.use_requested, self.use_model),
            (dialog.automatic_requested, self.use_automatic),
            (dialog.destroyed, self._dialog_destroyed),
        ):
            signal.disconnect(slot)

    def _dialog_destroyed(self, *_args) -> None:
        self._dialog = None

    def rows(self) -> list[ModelRow]:
        """The rows as they stand (the dialog shows the same).

        Models in the catalogue show a name a teacher can read ("English (UK),
        small"); the file name (``row.name``) stays the key and is shown beside it.
        """
        rows = build_rows(self._snapshot, self._jobs, self._totals, self._failures,
                          self.choice())
        return [replace(row, label=self.display_name(row.name)) if not row.label else row
                for row in rows]

    def display_name(self, name: str) -> str:
        """"English (UK), small" for a catalogue model; "" for others (they keep their name)."""
        called = self._called(name)
        return "" if called == name else called

    def _called(self, name: str) -> str:
        """What the table and messages call the model ``name``."""
        return friendly_name(self._catalogue(), name)

    def _catalogue(self) -> tuple[models.CatalogueEntry, ...]:
        return self._snapshot.catalogue if self._snapshot is not None else ()

    def busy(self) -> list[str]:
        """Keys of the downloads and imports running now."""
        return [key for key, job in self._jobs.items() if job.kind in (DOWNLOAD_JOB, IMPORT_JOB)]

    def is_idle(self) -> bool:
        """True when no worker thread is running (no job, no scan)."""
        return not self._jobs and self._scans == 0

    # ----- intents ------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the models folder again on a worker thread."""
        self._scans += 1
        root, key = self._root, self._relay_key

        def scan() -> None:
            try:
                snapshot = take_snapshot(root)
            except (OSError, models.ModelError):
                snapshot = None
            thread_relay.post(key, ("scanned", snapshot))

        threading.Thread(target=scan, name="model-scan", daemon=True).start()

    def cancel(self, key: str) -> None:
        """Ask the job ``key`` to stop; it ends at its next chunk (no waiting here)."""
        job = self._jobs.get(key)
        if job is None or job.kind not in (DOWNLOAD_JOB, IMPORT_JOB):
            return
        job.cancel.set()
        job.cancelling = True
        self._push_row(key)

    def shutdown(self) -> None:
        """Ask every job to stop (at app exit). Partial downloads stay resumable."""
        for job in self._jobs.values():
            job.cancel.set()

    # ----- workers ---------------------------------------------------------------------

    def _start(self, job: Job, work) -> None:
        """Run ``work(job, progress_callback)`` on a daemon thread."""
        self._jobs[job.key] = job
        relay_key, root = self._relay_key, self._root
        throttle = ProgressThrottle(self._interval)

        def report(progress: models.Progress) -> None:
            if throttle.should_send(progress):
                thread_relay.post(relay_key, ("progress", job.key, progress))

        def run() -> None:
            result = None
            try:
                message, result = work(job, report)
                outcome = SUCCEEDED
            except models.Cancelled as error:
                outcome, message = CANCELLED, str(error)
            except models.ModelError as error:
                outcome, message = FAILED, str(error)
            except Exception as error:  # noqa: BLE001 - a worker must always report back
                outcome, message = FAILED, _tr(
                    "Something unexpected went wrong: {error}"
                ).format(error=error)
            try:
                snapshot = take_snapshot(root)
            except (OSError, models.ModelError):
                snapshot = None
            thread_relay.post(relay_key, ("finished", job.key, outcome, message, result,
                                          snapshot))

        self._push_rows()
        threading.Thread(target=run, name=f"model-{job.kind}", daemon=True).start()

    def _on_relayed(self, message: tuple) -> None:
        """A worker's report, now on the GUI thread: ("progress" | "finished" | "scanned", …)."""
        kind, *args = message
        getattr(self, f"_on_{kind}")(*args)

    def _on_progress(self, key: str, progress: models.Progress) -> None:
        job = self._jobs.get(key)
        if job is None:
            return
        job.progress = progress
        if job.kind == DOWNLOAD_JOB and progress.stage == models.DOWNLOAD and progress.total:
            self._totals[key] = progress.total
        self._push_row(key)

    def _on_finished(self, key: str, outcome: str, message: str, result, snapshot) -> None:
        job = self._jobs.pop(key, None)
        # Messages from models/ name the model by file, as the command line needs.
        message = with_friendly_name(message, key, self._called(key))
        self._apply(snapshot)
        if key in self._removing_chosen:
            self._removing_chosen.discard(key)
            if outcome == SUCCEEDED:
                # The folder is gone: dictation must not keep asking for it.
                note = self.tr(
                    "Dictation and captions used it, so they will now choose a speech "
                    "model for themselves.")
                message = f"{message} {note}"
                self._remember_choice("auto", "")
                self.model_chosen.emit("auto", "", message)
        if job is not None and job.kind == DOWNLOAD_JOB:
            if outcome == FAILED:
                self._failures[key] = message
            if outcome == CANCELLED and self._snapshot and key in self._snapshot.partials:
                message += " " + self.tr(
                    "What has arrived so far is kept: choose Resume to carry on."
                )
        self._push_rows()
        if self._dialog is not None:
            if outcome == FAILED:
                self._dialog.show_error(message)
            else:
                self._dialog.show_message(message)
            if job is not None and job.kind == IMPORT_JOB and outcome == SUCCEEDED:
                self._dialog.select(result.name)
        self.job_finished.emit(key, outcome, message)

    def _on_scanned(self, snapshot: Snapshot | None) -> None:
        self._scans -= 1
        first = self._snapshot is None
        if snapshot is None and self._dialog is not None:
            self._dialog.show_error(self.tr("The models folder could not be read."))
        self._apply(snapshot)
        self._push_rows()
        if first and self._dialog is not None and self._dialog.message_text() == _looking():
            self._dialog.show_message("")

    def _apply(self, snapshot: Snapshot | None) -> None:
        """Keep the newest snapshot (scans may finish out of order)."""
        if snapshot is not None and (
            self._snapshot is None or snapshot.sequence > self._snapshot.sequence
        ):
            self._snapshot = snapshot

    def _push_rows(self) -> None:
        if self._dialog is not None:
            rows = self.rows()
            self._dialog.set_rows(rows)
            self._dialog.set_in_use(self._in_use_text(), self.choice() == ("auto", ""))
        self.rows_changed.emit()

    def _push_row(self, key: str) -> None:
        if self._dialog is None:
            return
        for row in self.rows():
            if row.name == key:
                self._dialog.update_row(row)
                return


MODELS_FOLDER = "models"  # app.recent_folders' name for where models are imported from


def open_model_manager(
    parent=None, *, base_url: str | None = None, root: Path | None = None, settings=None
) -> tuple[ModelManagerDialog, ModelManager]:
    """Make the dialog and its controller (the controller is parented to ``parent``).

    Keep the controller for the app's lifetime so downloads outlive the dialog.
    The choice of model is kept in ``settings``, or else in the main window's
    (``parent.settings``); with a main window as ``parent``, a choice also
    reaches its dictation and captions (:func:`app.controllers.use_speech_model`).
    """
    from app.settings import AppSettings

    window_settings = getattr(parent, "settings", None)
    if settings is None and isinstance(window_settings, AppSettings):
        settings = window_settings
    dialog = ModelManagerDialog(parent)
    if settings is not None:  # Import opens where a model was last imported from
        from app.recent_folders import remember, start_folder

        dialog.start_folder = lambda: start_folder(settings, MODELS_FOLDER)
        dialog.import_requested.connect(lambda path: remember(settings, MODELS_FOLDER, path))
    manager = ModelManager(dialog, base_url=base_url, root=root, settings=settings,
                           parent=parent)
    if isinstance(window_settings, AppSettings) and hasattr(parent, "show_status"):
        from app.controllers import use_speech_model

        manager.model_chosen.connect(
            lambda engine, path, note: use_speech_model(parent, engine, path, note))
    return dialog, manager
