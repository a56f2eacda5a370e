"""The speech model dictation and captions use, as the model manager chooses and shows it.

"Use for dictation" on an installed row makes it the model in use; "Choose
automatically" hands the choice back to dictation and captions. The choice
goes into the app's settings (``speech/engine`` and ``speech/model``), or is
kept on the controller when there are none, and out through
``model_chosen``; the dialog says which model is in use.

A mixin for :class:`app.model_manager.ModelManager` (it uses the
controller's ``_settings``, ``_choice``, ``_snapshot``, ``_jobs``,
``_dialog``, ``_called``, ``display_name``, ``_push_rows`` and
``model_chosen``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.model_rows import model_in_use


def _tr(text: str) -> str:
    return QCoreApplication.translate("ModelManager", text)


class ModelChoice:
    """The controller's ``choice``, ``use_model`` and ``use_automatic``, and the words
    saying which model is in use."""

    def choice(self) -> tuple[str, str]:
        """(engine, model folder) dictation and captions use; "" for the engine's own model."""
        if self._settings is not None:
            return self._settings.engine, self._settings.model
        return self._choice

    def use_model(self, name: str) -> None:
        """Make the installed model ``name`` the one dictation and captions use."""
        model = None
        if self._snapshot is not None:
            model = next((m for m in self._snapshot.installed if m.name == name), None)
        if model is None or model.missing or name in self._jobs:
            if self._dialog is not None:
                self._dialog.show_error(self.tr(
                    "'{name}' cannot be used for dictation: it is not installed with every "
                    "file it needs.").format(name=self._called(name)))
            return
        # The built-in Whisper model is Whisper's own: no folder, so an update of
        # the app's model package is picked up.
        path = "" if model.bundled and model.engine == "whisper" else str(model.path)
        note = self.tr(
            "Dictation and captions will use '{name}' from now on, straight away if they "
            "are listening.").format(name=self._called(name))
        self._choose(model.engine, path, note)

    def use_automatic(self) -> None:
        """Let dictation and captions choose a model for themselves again."""
        self._choose("auto", "", self.tr(
            "Dictation and captions will choose a speech model for themselves."))

    def _choose(self, engine: str, path: str, note: str) -> None:
        self._remember_choice(engine, path)
        self._push_rows()
        if self._dialog is not None:
            self._dialog.show_message(note)
        self.model_chosen.emit(engine, path, note)

    def _remember_choice(self, engine: str, path: str) -> None:
        self._choice = (engine, path)
        if self._settings is not None:
            self._settings.engine, self._settings.model = engine, path

    def _in_use_text(self) -> str:
        engine, path = self.choice()
        if self._snapshot is None:
            return ""
        name, automatic = model_in_use(self._snapshot, engine, path)
        if name is not None:
            name = self.display_name(name) or name
            if automatic:
                return _tr("Dictation and captions use: {name} (chosen automatically)").format(
                    name=name)
            return _tr("Dictation and captions use: {name}").format(name=name)
        if path:
            return _tr("Dictation and captions use the model in {path}").format(path=path)
        return _tr("Dictation and captions choose a speech model for themselves.")
