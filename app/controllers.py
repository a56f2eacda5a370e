"""Wiring the speech controllers into the main window, after it is up.

``app/gui.py`` calls :func:`attach_controllers` on the first event-loop turn
after the window is shown. Each controller module is imported here, so no
speech library is part of start-up; the controllers load their engines on
their own worker threads. A controller that fails to start is reported in
the status bar and the rest carry on: its menu keeps the disabled
placeholder that says so.

What each one is connected to:

- read aloud (``app.read_aloud.ReadAloudController``): reads the lesson view
  (the adapted pane in side by side); its actions fill the Read aloud menu
  and tool bar, with its voice menu and speed control; voice and speed are
  remembered in the settings; the voice is named in the status bar.
- dictation (``app.dictation_controller.DictationController``): drives the
  dictation dock; the lesson's key words become its vocabulary; the engine
  and the microphone's state go to the status bar; "Read back" goes to read
  aloud, which highlights each word in the pupil's text (app/read_back.py);
  the microphone chosen is remembered.
- live captions (``app.captions_controller.CaptionsController``): a
  CaptionsWindow, toggled from Dictation > Live captions (Ctrl+Shift+C); it
  starts with the window's profile and the caption settings saved last time,
  and every change to them is saved.

:func:`use_speech_model` is how the model manager's "Use for dictation"
reaches the settings, the engine menu and both speech controllers.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from app.settings import COMMANDS_SHOWN, TYPING_ECHO, WORD_BANK_SHOWN
from widgets import keys

CAPTIONS_SHORTCUT = keys.LIVE_CAPTIONS


def _tr(text: str) -> str:
    return QCoreApplication.translate("Controllers", text)


def attach_controllers(window, names=("read aloud", "dictation", "captions")) -> list[str]:
    """Make and attach the controllers named; returns the names that started."""
    makers = {"read aloud": attach_read_aloud, "dictation": attach_dictation,
              "captions": attach_captions}
    attached = []
    for name in names:
        try:
            makers[name](window)
        except Exception as error:  # noqa: BLE001 - one broken part must not close the app
            message = _tr("{part} could not start: {error}").format(
                part=name.capitalize(), error=error)
            window.show_status(message, 0)
            if name == "dictation":
                window.dictation_could_not_start(message)  # where the pupil looks
            continue
        attached.append(name)
    return attached


def lesson_words(lesson) -> list[str]:
    """A lesson's key words (none without a lesson), for the speech engines."""
    return [entry.word for entry in lesson.vocabulary] if lesson is not None else []


def word_bank(lesson) -> list[tuple[str, str]]:
    """A lesson's key words with their meanings (none without a lesson), for the word bank."""
    return [(entry.word, entry.definition) for entry in lesson.vocabulary] if lesson else []


def attach_read_aloud(window):
    """Read aloud on the window's lesson view."""
    from app.read_aloud import ReadAloudController

    settings = window.settings
    controller = ReadAloudController(window.view, window, device=settings.output_device or None,
                                     voice_id=settings.voice or None,
                                     rate_scale=settings.rate)
    window.attach_read_aloud(controller)
    from app.read_aloud_message import attach_message_bar

    attach_message_bar(window, controller)  # problems stay above the lesson until dismissed
    menu = window.act.menus["read"]
    menu.addSeparator()
    voices = controller.voice_menu(menu)
    voices.setTitle(_tr("&Voice"))
    menu.addMenu(voices)
    speed = controller.rate_widget()
    speed.setAccessibleName(_tr("Reading speed"))
    window.act.toolbars["read"].addWidget(speed)

    def voice_changed(name: str) -> None:
        window.set_voice_status(_tr("Voice: {voice}").format(voice=name) if name else
                                _tr("Voice: none (words highlight in silence)"))
        if controller.voice_id():
            settings.voice = controller.voice_id()

    controller.voice_changed.connect(voice_changed)
    controller.rate_changed.connect(lambda scale: setattr(settings, "rate", scale))
    controller.status_changed.connect(window.show_status)
    controller.error.connect(window.show_status)
    # Side by side reads the adapted pane, the one the teacher is adapting.
    window.act.side_by_side.toggled.connect(
        lambda on: controller.set_view(window.side_by_side.adapted if on else window.view))
    return controller


def attach_dictation(window):
    """The dictation controller behind the dictation dock."""
    from app.dictation_controller import DictationController

    settings = window.settings
    controller = DictationController(
        window.dictation_panel, engine=settings.engine, model_path=settings.model or None,
        microphone=settings.input_device or None, vocabulary=lesson_words(window.lesson),
        parent=window)
    window.attach_dictation(controller)
    controller.status_changed.connect(window.show_status)
    controller.listening_changed.connect(lambda _on: _show_microphone(window))
    controller.microphone_changed.connect(lambda name: setattr(settings, "input_device", name))
    controller.worker.engine_ready.connect(
        lambda name: window.set_engine_status(_tr("Dictation: {engine}").format(engine=name)))
    window.lesson_changed.connect(lambda lesson: controller.set_vocabulary(lesson_words(lesson)))
    # The lesson's key words as the pupil's word bank, under their text.
    window.dictation_panel.set_word_bank(word_bank(window.lesson))
    # The word bank and the spoken commands stay folded away, or not, from one start
    # to the next, as the pupil or teacher left them.
    for fold, key in ((window.dictation_panel.word_bank, WORD_BANK_SHOWN),
                      (window.dictation_panel.commands, COMMANDS_SHOWN)):
        fold.set_expanded(settings.flag(key, True))
        fold.toggle.toggled.connect(lambda shown, key=key: settings.set(key, shown))
    window.lesson_changed.connect(
        lambda lesson: window.dictation_panel.set_word_bank(word_bank(lesson)))
    if window.read_aloud is not None:
        from app.read_back import attach_read_back

        # Read back highlights each word in the pupil's text (app/read_back.py).
        attach_read_back(window.dictation_panel, controller, window.read_aloud)
        window.read_aloud.speaking_changed.connect(controller.make_way_for_reading)
        # "Hear it" in the word bank: the key word and its meaning, as in the lesson.
        window.dictation_panel.word_bank.hear_requested.connect(
            window.read_aloud.speak_vocabulary)
        _attach_typing_echo(window, controller)
    else:  # read aloud could not start (the status bar said why): say so where the pupil looks
        window.dictation_panel.word_bank.set_can_hear(False)
        controller.read_back.connect(lambda _text: window.dictation_panel.show_message(
            _tr("Read back needs read aloud, which could not start on this computer."), "error"))
    controller.offer_recovery()
    return controller


def _attach_typing_echo(window, dictation) -> None:
    """Dictation › Speak as I type: the pupil's typing said a word or sentence at a time."""
    from app.typing_echo import TypingEcho

    settings = window.settings
    echo = TypingEcho(window.dictation_panel, window.read_aloud, dictation,
                      settings.text(TYPING_ECHO), parent=dictation)
    window.typing_echo = echo
    modes = echo.actions(window)
    modes.triggered.connect(lambda action: settings.set(TYPING_ECHO, action.data()))
    menu = window.act.menus["dictation"].addMenu(_tr("Speak as I &type"))
    menu.setObjectName("menu-speak-as-i-type")
    menu.addActions(modes.actions())
    menu.setToolTipsVisible(True)
    menu.menuAction().setToolTip(_tr("Hear each word or sentence typed in the Dictation "
                                     "panel, to check it is the one meant"))


CAPTIONS_FOLDER = "captions"  # app.recent_folders' name for where captions are saved


def attach_captions(window):
    """Live captions in their own always-on-top window, toggled from the Dictation menu."""
    from app.captions_controller import CaptionsController
    from app.recent_folders import remember, start_folder
    from widgets.captions_window import CaptionsWindow

    settings = window.settings
    captions = CaptionsWindow(saved_caption_settings(settings))
    # The profile chosen now, not only later changes: "Lesson profile colours"
    # must show the lesson's colours from the first caption.
    captions.set_profile(window.profile())
    captions.settings_changed.connect(
        lambda chosen: setattr(settings, "captions", dataclasses.asdict(chosen)))
    # Saving the history opens where captions were saved last time.
    captions.history.start_folder = lambda: start_folder(settings, CAPTIONS_FOLDER)
    captions.history.saved.connect(lambda path: remember(settings, CAPTIONS_FOLDER, path))
    controller = CaptionsController(
        captions, engine=settings.engine, model_path=settings.model or None,
        microphone=settings.input_device or None, vocabulary=lesson_words(window.lesson),
        parent=window)
    action = QAction(_tr("Live &captions"), window)
    action.setCheckable(True)
    action.setShortcut(QKeySequence(CAPTIONS_SHORTCUT))
    action.setStatusTip(_tr("Show what you say as large captions, live"))
    action.triggered.connect(lambda _checked=False: controller.toggle())
    # Ticked while the band is up, also while it says why it is not listening,
    # so choosing it again puts the band away rather than trying once more.
    controller.shown_changed.connect(action.setChecked)
    # Clicked on, the band is the active window: Ctrl+Shift+C works there too.
    captions.addAction(action)
    controller.listening_changed.connect(lambda _on: _show_microphone(window))
    controller.status_changed.connect(window.show_status)
    controller.error.connect(window.show_status)
    window.lesson_changed.connect(lambda lesson: controller.set_vocabulary(lesson_words(lesson)))
    # The same key words stand out in the captions, bold and underlined.
    captions.set_key_words(lesson_words(window.lesson))
    window.lesson_changed.connect(lambda lesson: captions.set_key_words(lesson_words(lesson)))
    window.profile_changed.connect(captions.set_profile)
    window.attach_captions(controller, [action])
    window.captions_window = captions
    window.destroyed.connect(captions.deleteLater)
    return controller


def saved_caption_settings(settings):
    """The caption settings kept in ``settings``; a damaged or odd value gives its default."""
    from widgets.caption_settings import CaptionSettings

    saved = settings.captions
    defaults = CaptionSettings()
    values = {}
    for field in dataclasses.fields(CaptionSettings):
        value, default = saved.get(field.name), getattr(defaults, field.name)
        # Only a value of the default's own type (an int will do for a float):
        # a hand-edited file must not stop the captions from opening.
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, float):
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        else:
            ok = type(value) is type(default)
        if ok:
            values[field.name] = value
    return CaptionSettings(**values).checked()


def use_speech_model(window, engine: str, model_path: str = "", note: str = "") -> None:
    """Dictation and captions listen with ``engine`` and ``model_path`` (at once if listening).

    ``model_path`` "" means the engine's own model (the built-in Whisper one,
    or for "auto" whatever suits best). The choice is saved, the Dictation >
    Speech engine menu follows it, and ``note`` (if any) goes to the status bar.
    """
    settings = window.settings
    settings.engine = engine
    settings.model = model_path
    act = getattr(window, "act", None)
    if act is not None:
        for action in act.engines.actions():
            action.setChecked(action.data() == engine)
    for controller in (getattr(window, "dictation", None), getattr(window, "captions", None)):
        if controller is not None:
            controller.set_engine(engine, model_path or None)
    if note:
        window.show_status(note)


def _show_microphone(window) -> None:
    """The microphone is live while dictation or captions listen."""
    live = any(c is not None and c.is_listening() for c in (window.dictation, window.captions))
    window.set_microphone_live(live)
