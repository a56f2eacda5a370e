"""The main window's speech hooks: the controllers attach here, and report here.

A mixin for :class:`app.main_window.MainWindow`. The read-aloud, dictation
and captions controllers (made in ``app/controllers.py``) are attached with
``attach_read_aloud``, ``attach_dictation`` and ``attach_captions``; they
report through ``set_engine_status``, ``set_voice_status`` and
``set_microphone_live`` (the status bar says it in words, with an icon for
the microphone). F9 and the Dictation > Speech engine menu act here too, and
Read aloud > Speaker (also a button on the Read aloud tool bar), whose choice
is remembered in the settings.

F9 (or Start dictation) pressed in the first seconds, before the dictation
controller is attached, is remembered: the panel says "Getting dictation
ready…" and dictation starts by itself once the controller is there; a second
press before then (or letting go of Hold to talk) cancels it, saying so.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QToolButton

from app.controllers import use_speech_model


class SpeechHooks:
    """Where speech controllers plug into the main window."""

    _dictation_wanted = False  # F9 pressed before dictation was ready: start when it is
    _early_stop_connected = False  # the panel's stop undoes an early press

    def attach_read_aloud(self, controller) -> None:
        """Use ``controller.actions()`` for the Read aloud menu, and its
        ``toolbar_actions()`` (or the same actions) for the Read aloud tool bar."""
        self.read_aloud = controller
        self.add_actions("read", controller.actions())
        short = getattr(controller, "toolbar_actions", controller.actions)
        self.set_toolbar_actions("read", short())
        if hasattr(controller, "controls"):
            self._attach_speaker_choice(controller.controls())

    def _attach_speaker_choice(self, controls) -> None:
        """Read aloud > Speaker, and the same menu from a Read aloud tool bar button."""
        menu = self.act.menus["read"]
        menu.addSeparator()
        speakers = controls.speaker_menu(menu)
        menu.addMenu(speakers)
        bar = self.act.toolbars["read"]
        bar.addAction(speakers.menuAction())
        button = bar.widgetForAction(speakers.menuAction())
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setAccessibleName(self.tr("Speaker for read aloud"))
        controls.speaker_chosen.connect(self._remember_speaker)

    def _remember_speaker(self, name: str) -> None:
        self.settings.output_device = name

    def attach_dictation(self, controller) -> None:
        """Let ``controller`` drive the dictation panel (and add its actions, if any)."""
        self.dictation = controller
        panel = self.dictation_panel
        panel.start_requested.disconnect(self._dictation_not_ready)
        if self._early_stop_connected:
            panel.stop_requested.disconnect(self._early_dictation_cancelled)
            self._early_stop_connected = False
        if hasattr(controller, "use_settings"):  # Save… opens where dictation was saved last
            controller.use_settings(self.settings)
        if hasattr(controller, "actions"):
            self.add_actions("dictation", list(controller.actions()))
        if self._dictation_wanted:
            # Pressed before dictation was ready: it starts now, by itself. On the next
            # turn, once whoever attaches it has connected its signals too.
            self._dictation_wanted = False
            QTimer.singleShot(0, self, self._start_wanted_dictation)

    def _start_wanted_dictation(self) -> None:
        if self.dictation is not None and not self.dictation.is_listening():
            if self.dictation_panel.message() == self._getting_ready_message():
                self.dictation_panel.clear_message()
            self.dictation.start()

    def attach_captions(self, controller, actions=None) -> None:
        """Keep the captions controller; ``actions`` (or its ``actions()``) join the
        Dictation menu in place of the placeholder."""
        self.captions = controller
        self.add_actions("dictation", actions if actions is not None else controller.actions())

    def set_engine_status(self, text: str) -> None:
        """Say in the status bar which speech-to-text engine is in use."""
        self.speech_status.set_engine(text)

    def set_voice_status(self, text: str) -> None:
        """Say in the status bar which text-to-speech voice is in use."""
        self.speech_status.set_voice(text)

    def set_microphone_live(self, live: bool) -> None:
        """Show in the status bar (icon and words) whether the microphone is listening."""
        self.speech_status.set_microphone_live(live)

    def toggle_dictation(self) -> None:
        """Start or stop dictation (F9), showing the dictation panel."""
        self.dictation_dock.show()
        self.dictation_dock.raise_()
        self.dictation_panel.toggle_listening()

    def set_engine_preference(self, name: str) -> None:
        """Listen with engine ``name`` ("auto", "vosk", "whisper"); at once while listening."""
        # A model chosen in Speech models belongs to its own engine: another
        # engine (or "auto") must not be handed that engine's folder.
        model = self.settings.model if name == self.settings.engine else ""
        use_speech_model(self, name, model)
        if self.speech_report is not None:
            from app.speech_report import engine_status_text

            self.set_engine_status(engine_status_text(self.speech_report, name))

    def _dictation_not_ready(self) -> None:
        """F9 or Start before the dictation controller is attached: remember it, or cancel it."""
        panel = self.dictation_panel
        if self._dictation_wanted:
            self._early_dictation_cancelled()
            return
        self._dictation_wanted = True
        if not self._early_stop_connected:
            # Hold to talk let go before dictation was ready: nothing is left to hear.
            panel.stop_requested.connect(self._early_dictation_cancelled)
            self._early_stop_connected = True
        panel.show_message(self._getting_ready_message(), "info")

    def _early_dictation_cancelled(self) -> None:
        if not self._dictation_wanted:
            return
        self._dictation_wanted = False
        self.dictation_panel.show_message(
            self.tr("Dictation was cancelled before it was ready, so it is not listening. "
                    "Press F9 to start it."), "info")

    def dictation_could_not_start(self, message: str) -> None:
        """The dictation controller failed to start: say so in the panel, forgetting an early F9."""
        self._dictation_wanted = False
        self.dictation_panel.show_message(message, "error")

    def _getting_ready_message(self) -> str:
        return self.tr("Getting dictation ready… It starts listening by itself in a moment.")
