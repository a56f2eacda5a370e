"""Sub-commands: ``lesson-lab models list|install|import|verify|remove``.

The work is done by the ``models`` package; this module only turns its
results and errors into terminal output. Installs run on a worker thread so
Ctrl+C can cancel them cleanly through a ``threading.Event``: a partial
download is kept and the next ``install`` carries on from where it stopped.

``import`` and ``verify`` also try a complete-looking Vosk model with the
speech engine (``speech.stt.vosk_probe``, in a separate process): a folder
whose files are all there but damaged is refused, or reported, in one sentence.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable

from app.cli_errors import CliError

EXIT_CANCELLED = 130


def register(subparsers) -> None:
    """Add this group's sub-commands to the ``lesson-lab`` parser."""
    parser = subparsers.add_parser(
        "models",
        help="list, install, import, check and remove speech models",
        description="Manage the speech models used for dictation and captions.",
    )
    actions = parser.add_subparsers(dest="models_action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="show installed models and models you can download")
    listing.add_argument("--details", action="store_true", help="add accuracy notes and licences")
    listing.add_argument("--json", action="store_true", help="print the lists as JSON")
    listing.set_defaults(handler=_list)

    install = actions.add_parser("install", help="download and install a model by name")
    install.add_argument("name", help="a model name from 'lesson-lab models list'")
    install.add_argument(
        "--base-url", help="download from this address instead of the official one"
    )
    install.add_argument("--replace", action="store_true", help="replace the model if installed")
    install.set_defaults(handler=_install)

    importing = actions.add_parser("import", help="install a model from a zip file or folder")
    importing.add_argument("path", help="a model zip file or folder, for example on a USB stick")
    importing.add_argument("--name", help="the name to install it under")
    importing.add_argument("--replace", action="store_true", help="replace the model if installed")
    importing.set_defaults(handler=_import)

    verify = actions.add_parser("verify", help="check that a folder or zip is a complete model")
    verify.add_argument("path", help="a model folder, a zip file, or an installed model's name")
    verify.set_defaults(handler=_verify)

    remove = actions.add_parser("remove", help="delete an installed model")
    remove.add_argument("name", help="the installed model's name")
    remove.set_defaults(handler=_remove)


# ------------------------------------------------------------------ handlers


def _status(model) -> str:
    """The model's state for the list: a Vosk model is "ready" once it has been tried.

    Its files can all be there and still be damaged; only trying it with the
    speech engine tells (as the app does before its first use, and ``models
    verify``), so one never tried says so rather than "ready".
    """
    if model.engine != "vosk" or not model.valid:
        return model.status_text()
    from speech.stt.vosk_trial import passed_before

    if passed_before(model.path):
        return model.status_text()
    return f"not tried yet ('lesson-lab models verify {model.name}' tries it)"


def _list(args) -> int:
    import models

    installed = models.list_installed()
    installed_names = {model.name for model in installed}
    available = [entry for entry in models.downloadable() if entry.name not in installed_names]
    partial = models.partial_downloads()
    if args.json:
        print(json.dumps(_as_json(models, installed, available, partial), indent=2))
        return 0
    print(f"Installed models (folder: {models.models_dir()})")
    if not installed:
        print("  none yet")
    for model in installed:
        size = models.format_megabytes(model.size_bytes)
        print(
            f"  {model.name:<34} {model.engine:<8} {model.language_name:<22} "
            f"{size:>8}  {_status(model)}"
        )
    print()
    print("Models you can download")
    for entry in available:
        size = models.format_megabytes(entry.download_bytes)
        print(f"  {entry.name:<34} {entry.language_name:<22} {size:>8}")
        if args.details:
            print(f"      Licence: {entry.licence_text}")
            print(f"      {entry.accuracy}")
    missing = ", ".join(item.language_name for item in models.languages_without_model())
    print()
    print(f"No official Vosk model yet for: {missing}.")
    for name, done in sorted(partial.items()):
        print(
            f"Partly downloaded: {name} ({models.format_megabytes(done)}). "
            f"Run 'lesson-lab models install {name}' to carry on."
        )
    return 0


def _as_json(models, installed, available, partial) -> dict:
    return {
        "folder": str(models.models_dir()),
        "installed": [
            {
                "name": m.name,
                "engine": m.engine,
                "language": m.language,
                "language_name": m.language_name,
                "size_bytes": m.size_bytes,
                "valid": m.valid,
                "missing": list(m.missing),
                "bundled": m.bundled,
                "path": str(m.path),
            }
            for m in installed
        ],
        "available": [
            {
                "name": e.name,
                "engine": e.engine,
                "language": e.language,
                "language_name": e.language_name,
                "size_mb": e.size_mb,
                "licence": e.licence_text,
                "accuracy": e.accuracy,
                "url": e.url,
            }
            for e in available
        ],
        "partial_downloads": partial,
    }


def _install(args) -> int:
    import models

    bar = TerminalProgress()

    def work(cancel: threading.Event):
        return models.install_model(
            args.name,
            base_url=args.base_url,
            progress=bar.update,
            cancel=cancel,
            replace=args.replace,
        )

    result = _run_cancellable(work, bar)
    if result is None:
        print(
            "Cancelled. What was downloaded is kept: run the same command again "
            "to carry on from where it stopped.",
            file=sys.stderr,
        )
        return EXIT_CANCELLED
    if result.resumed_from:
        print(f"Carried on from {models.format_megabytes(result.resumed_from)} already downloaded.")
    print(f"Installed {result.name} in {result.path}.")
    print(result.checksum_note)
    return 0


def _import(args) -> int:
    import models

    bar = TerminalProgress()

    from speech.stt.vosk_probe import load_problem

    def work(cancel: threading.Event):
        return models.import_model(
            args.path, name=args.name, progress=bar.update, cancel=cancel, replace=args.replace,
            load_check=load_problem,
        )

    result = _run_cancellable(work, bar)
    if result is None:
        print("Cancelled. Nothing was installed.", file=sys.stderr)
        return EXIT_CANCELLED
    print(f"Installed {result.name} in {result.path}.")
    return 0


def _verify(args) -> int:
    import models
    from speech.stt.vosk_probe import load_problem

    try:
        check = models.verify_path(args.path, load_check=load_problem)
    except models.ModelError as error:
        raise CliError(str(error)) from None
    if check.ok:
        print(check.describe())
        return 0
    print(f"{check.path}: {check.describe()}")
    return 1


def _remove(args) -> int:
    import models

    try:
        models.remove_model(args.name)
    except models.ModelError as error:
        raise CliError(str(error)) from None
    print(f"Removed {args.name}.")
    return 0


# ------------------------------------------------------------------- helpers


def _run_cancellable(work: Callable[[threading.Event], object], bar: TerminalProgress):
    """Run ``work(cancel)`` on a thread; Ctrl+C sets ``cancel``. ``None`` if cancelled."""
    import models

    cancel = threading.Event()
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["result"] = work(cancel)
        except BaseException as error:  # noqa: BLE001 - handed to the main thread
            outcome["error"] = error

    worker = threading.Thread(target=target, name="lesson-lab-models", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.1)
    except KeyboardInterrupt:
        cancel.set()
        bar.interrupted()
        worker.join()
    bar.finish()
    error = outcome.get("error")
    if isinstance(error, models.Cancelled) or (error is None and cancel.is_set()):
        return None
    if isinstance(error, models.ModelError):
        raise CliError(str(error)) from None
    if error is not None:
        raise error
    return outcome["result"]


class TerminalProgress:
    """A one-line progress bar on a terminal; a line every 10% otherwise."""

    _LABELS = {"download": "Downloading", "unpack": "Unpacking", "copy": "Copying"}
    _CHECKING = "Checking that the speech engine can load it…"
    _WIDTH = 24

    def __init__(self, stream=None) -> None:
        self._stream = stream or sys.stderr
        self._tty = bool(getattr(self._stream, "isatty", lambda: False)())
        self._stage: str | None = None
        self._last_draw = 0.0
        self._last_step = -1
        self._line_open = False
        self._lock = threading.Lock()

    def update(self, progress) -> None:
        """Called from the worker thread with a ``models.Progress``."""
        with self._lock:
            if progress.stage != self._stage:
                self._end_line()
                self._stage = progress.stage
                self._last_step = -1
                self._last_draw = 0.0
            finished = progress.total is not None and progress.done >= progress.total
            if self._tty:
                now = time.monotonic()
                if finished or now - self._last_draw >= 0.1:
                    self._last_draw = now
                    self._stream.write("\r" + self._describe(progress) + "  ")
                    self._stream.flush()
                    self._line_open = True
                return
            fraction = progress.fraction
            step = int(fraction * 10) if fraction is not None else progress.done // 10_000_000
            if step != self._last_step:
                self._last_step = step
                self._stream.write(self._describe(progress) + "\n")
                self._stream.flush()

    def _describe(self, progress) -> str:
        from models import CHECK, format_megabytes

        if progress.stage == CHECK:
            return self._CHECKING
        label = self._LABELS.get(progress.stage, progress.stage.capitalize())
        rate = f"  {format_megabytes(progress.rate)}/s" if progress.rate > 0 else ""
        fraction = progress.fraction
        if fraction is None:
            return f"{label}  {format_megabytes(progress.done)}{rate}"
        filled = int(fraction * self._WIDTH)
        bar = "#" * filled + "-" * (self._WIDTH - filled)
        return (
            f"{label}  [{bar}] {int(fraction * 100):3d}%  "
            f"{format_megabytes(progress.done)} of {format_megabytes(progress.total)}{rate}"
        )

    def _end_line(self) -> None:
        if self._line_open:
            self._stream.write("\n")
            self._stream.flush()
            self._line_open = False

    def interrupted(self) -> None:
        """Ctrl+C was pressed: end the bar's line so the next message starts cleanly."""
        with self._lock:
            self._end_line()

    def finish(self) -> None:
        """The work is over: end the bar's line."""
        with self._lock:
            self._end_line()
