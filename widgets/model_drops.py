"""A speech model's zip file or folder dropped on the speech models window is imported.

A mixin for :class:`widgets.model_manager_dialog.ModelManagerDialog`, which
turns drops on: the drop does what Import zip file… or Import from folder…
does once a file is chosen (``import_requested``). Anything else is named in
the window's message line, and nothing is imported.
"""

from __future__ import annotations

from pathlib import Path

from widgets.dropped_files import TakesFileDrops


class ModelDrops(TakesFileDrops):
    """Importing the model dropped on the window."""

    def files_dropped(self, files: list[Path]) -> bool:
        """Import the first of ``files`` if it is a zip file or a folder; else say why not."""
        path = files[0]
        if not (path.is_dir() or path.suffix.lower() == ".zip"):
            self.show_error(self.tr(
                "“{name}” is not a speech model. Drop a model's zip file or its folder here."
            ).format(name=path.name))
            return False
        self.import_requested.emit(str(path))
        if len(files) > 1:
            self.show_message(self.tr(
                "Only “{name}” is being imported: drop one model at a time.").format(
                    name=path.name))
        return True
