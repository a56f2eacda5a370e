"""Turning what ``models/`` knows into the model manager's table rows.

:func:`take_snapshot` reads the disk (installed models, partial downloads), so
only worker threads call it. :func:`build_rows` is pure: it lays the snapshot
and the running jobs out as :class:`widgets.model_table.ModelRow` values, with
every state said in words.
"""

from __future__ import annotations

import itertools
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

import models
from widgets.model_table import ModelRow, RowProgress

DOWNLOAD_JOB = "download"
IMPORT_JOB = "import"
VERIFY_JOB = "verify"
REMOVE_JOB = "remove"
#: Import jobs have no model name until they finish; their rows use this prefix.
IMPORT_KEY_PREFIX = "import:"

_sequence = itertools.count(1)
_sequence_lock = threading.Lock()


def _tr(text: str) -> str:
    return QCoreApplication.translate("ModelManager", text)


@dataclass(frozen=True)
class Snapshot:
    """What is on disk at one moment; a higher ``sequence`` is newer."""

    sequence: int
    installed: tuple[models.InstalledModel, ...]
    catalogue: tuple[models.CatalogueEntry, ...]
    partials: dict[str, int]
    #: The folder of the model the Vosk engine takes when none is chosen
    #: (the first English one), and whether the vosk library is here at all.
    default_vosk: Path | None = None
    vosk_available: bool = False


@dataclass
class Job:
    """One piece of work running on a worker thread, as the GUI thread sees it."""

    key: str  # the model's name, or IMPORT_KEY_PREFIX + path
    kind: str  # DOWNLOAD_JOB, IMPORT_JOB, VERIFY_JOB or REMOVE_JOB
    cancel: threading.Event = field(default_factory=threading.Event)
    progress: models.Progress | None = None
    cancelling: bool = False


def take_snapshot(root: Path | None = None) -> Snapshot:
    """Read the models folder now (worker threads only: it walks folders)."""
    with _sequence_lock:
        sequence = next(_sequence)
    import importlib.util

    # The engine's own rule, so "chosen automatically" names the model it really
    # takes: not one that has already failed to load in this process.
    from speech.stt.fallback import automatic_vosk_model

    return Snapshot(
        sequence=sequence,
        installed=tuple(models.list_installed(root)),
        catalogue=tuple(models.load_catalogue()),
        partials=models.partial_downloads(root),
        default_vosk=automatic_vosk_model(),
        vosk_available=importlib.util.find_spec("vosk") is not None,
    )


def _same_folder(a: str | Path, b: str | Path) -> bool:
    # No resolve(): this runs on the GUI thread and must not touch the disk.
    return os.path.normpath(os.path.expanduser(str(a))) == os.path.normpath(
        os.path.expanduser(str(b)))


def model_in_use(snapshot: Snapshot, engine: str, model_path: str) -> tuple[str | None, bool]:
    """(name of the installed model dictation uses, True if chosen automatically).

    ``engine`` and ``model_path`` are the settings' ``speech/engine`` and
    ``speech/model``. The name is None when the model is not in the list (a
    folder elsewhere, or an engine that cannot run here).
    """
    if model_path:
        for model in snapshot.installed:
            if _same_folder(model.path, model_path):
                return model.name, False
        return None, False
    bundled_whisper = next((m.name for m in snapshot.installed
                            if m.bundled and m.engine == "whisper"), None)
    default_vosk = None
    if snapshot.default_vosk is not None:
        default_vosk = next((m.name for m in snapshot.installed
                             if _same_folder(m.path, snapshot.default_vosk)), None)
    if engine == "whisper":
        return bundled_whisper, False
    if engine == "vosk":
        return default_vosk, True
    if snapshot.vosk_available and default_vosk is not None:
        return default_vosk, True
    return bundled_whisper, True


def engine_text(engine: str) -> str:
    """``"vosk"`` -> ``"Vosk"``, ``"whisper"`` -> ``"Whisper"``."""
    return {"vosk": "Vosk", "whisper": "Whisper"}.get(engine, engine.title())


def kind_text(engine: str) -> str:
    """How a model writes, in a teacher's words, shown instead of its engine's name:
    Vosk writes word by word as the pupil speaks, Whisper whole phrases after a pause."""
    if engine == "vosk":
        return _tr("Word by word")
    if engine == "whisper":
        return _tr("Phrase by phrase")
    return engine_text(engine)


def describe_progress(progress: models.Progress) -> RowProgress:
    """A progress report as a percentage and a sentence."""
    stage = {
        models.DOWNLOAD: _tr("Downloading"),
        models.UNPACK: _tr("Unpacking"),
        models.COPY: _tr("Copying"),
    }.get(progress.stage, _tr("Working"))
    if progress.stage == models.CHECK:
        return RowProgress(None, _tr("Checking that the speech engine can load it…"))
    fraction = progress.fraction
    percent = None if fraction is None else int(fraction * 100)
    done = models.format_megabytes(progress.done)
    if progress.total:
        amount = _tr("{done} of {total}").format(
            done=done, total=models.format_megabytes(progress.total)
        )
    else:
        amount = done
    text = f"{stage}: {percent}%, {amount}" if percent is not None else f"{stage}: {amount}"
    if progress.rate > 0:
        text += _tr(" at {rate}/s").format(rate=models.format_megabytes(progress.rate))
    if progress.stage == models.DOWNLOAD and progress.total and progress.done >= progress.total:
        text = _tr("Downloaded {amount}; checking the file").format(amount=amount)
    return RowProgress(percent, text)


def _busy_status(job: Job) -> tuple[str, RowProgress | None]:
    if job.cancelling:
        progress = describe_progress(job.progress) if job.progress else None
        return _tr("Cancelling…"), progress
    if job.kind == VERIFY_JOB:
        return _tr("Checking its files…"), None
    if job.kind == REMOVE_JOB:
        return _tr("Removing…"), None
    if job.progress is None:
        starting = _tr("Starting the download…") if job.kind == DOWNLOAD_JOB else _tr("Starting…")
        return starting, RowProgress(None, starting)
    progress = describe_progress(job.progress)
    return progress.text, progress


def _installed_row(model: models.InstalledModel, entry, job: Job | None,
                   in_use: bool = False, automatic: bool = False) -> ModelRow:
    if model.bundled:
        status = _tr("Installed with the app")
    elif model.missing:
        # The file names are for whoever helps: Verify lists them.
        status = _tr("Not usable: some of its files are missing (Verify says which)")
    else:
        status = _tr("Installed")
    if in_use:
        status = (_tr("{status}; in use for dictation and captions (chosen automatically)")
                  if automatic else _tr("{status}; in use for dictation and captions")
                  ).format(status=status)
    progress = None
    if job is not None:
        status, progress = _busy_status(job)
    if entry is not None:
        accuracy = entry.accuracy
    elif model.source:
        accuracy = _tr("Imported from {source}.").format(source=model.source)
    else:
        accuracy = _tr("No accuracy figures are known for this model.")
    return ModelRow(
        name=model.name,
        engine=engine_text(model.engine),
        kind=kind_text(model.engine),
        language=model.language_name,
        size_text=models.format_megabytes(model.size_bytes),
        accuracy=accuracy,
        status=status,
        installed=True,
        can_remove=not model.bundled,
        downloadable=False,
        busy=job is not None,
        progress=progress,
        path=str(model.path),
        broken=bool(model.missing),
        in_use=in_use,
        automatic=in_use and automatic,
    )


def _available_row(
    name: str,
    entry: models.CatalogueEntry | None,
    partial: int | None,
    total: int | None,
    job: Job | None,
    failure: str | None,
) -> ModelRow:
    size = total or (entry.download_bytes if entry else None)
    progress = None
    if job is not None:
        status, progress = _busy_status(job)
    elif partial is not None:
        if size:
            status = _tr("Paused at {done} of {total}: choose Resume to carry on").format(
                done=models.format_megabytes(partial), total=models.format_megabytes(size)
            )
            progress = RowProgress(
                min(100, int(partial * 100 / size)),
                _tr("Paused: {done} of {total} downloaded").format(
                    done=models.format_megabytes(partial), total=models.format_megabytes(size)
                ),
            )
        else:
            status = _tr("Paused at {done}: choose Resume to carry on").format(
                done=models.format_megabytes(partial)
            )
    elif failure is not None:
        status = _tr("Download failed: see the message below")
    else:
        status = _tr("Not installed")
    return ModelRow(
        name=name,
        engine=engine_text(entry.engine if entry else "vosk"),
        kind=kind_text(entry.engine if entry else "vosk"),
        language=entry.language_name if entry else "",
        size_text=models.format_megabytes(size) if size else _tr("unknown"),
        accuracy=entry.accuracy if entry else _tr("This model is not in Lesson Lab's list."),
        status=status,
        installed=False,
        can_remove=partial is not None and job is None,  # throw away the partial download
        downloadable=True,
        resumable=partial is not None,
        busy=job is not None,
        progress=progress,
    )


def _import_row(job: Job) -> ModelRow:
    source = Path(job.key[len(IMPORT_KEY_PREFIX) :])
    status, progress = _busy_status(job)
    return ModelRow(
        name=job.key,
        label=_tr("Importing {file}").format(file=source.name),
        engine="Vosk",
        kind=kind_text("vosk"),
        language="",
        size_text="",
        accuracy=_tr("Importing from {path}.").format(path=source),
        status=status,
        busy=True,
        progress=progress,
    )


def build_rows(
    snapshot: Snapshot | None,
    jobs: dict[str, Job],
    totals: dict[str, int] | None = None,
    failures: dict[str, str] | None = None,
    choice: tuple[str, str] = ("auto", ""),
) -> list[ModelRow]:
    """Rows in display order: installed (the app's own first), imports, then downloadable.

    ``totals`` holds download sizes learnt from the server this session (more
    exact than the catalogue); ``failures`` the last error per model name;
    ``choice`` the settings' (engine, model folder), which marks the row in use.
    """
    totals = totals or {}
    failures = failures or {}
    if snapshot is None:
        return [_import_row(job) for job in jobs.values() if job.kind == IMPORT_JOB]
    entries = {entry.name: entry for entry in snapshot.catalogue}
    rows: list[ModelRow] = []
    shown: set[str] = set()
    in_use, automatic = model_in_use(snapshot, *choice)
    for model in snapshot.installed:
        rows.append(_installed_row(model, entries.get(model.name), jobs.get(model.name),
                                   model.name == in_use, automatic))
        shown.add(model.name)
    rows.extend(_import_row(job) for job in jobs.values() if job.kind == IMPORT_JOB)
    wanted = [entry.name for entry in snapshot.catalogue if not entry.bundled]
    # Partial downloads and downloads of names the official list knows but the
    # catalogue does not (a school mirror's own model, say) come last.
    wanted += sorted(set(snapshot.partials) - set(wanted))
    wanted += sorted(
        key for key, job in jobs.items() if job.kind == DOWNLOAD_JOB and key not in wanted
    )
    for name in wanted:
        if name in shown:
            continue
        shown.add(name)
        rows.append(
            _available_row(
                name,
                entries.get(name),
                snapshot.partials.get(name),
                totals.get(name),
                jobs.get(name),
                failures.get(name),
            )
        )
    return rows
