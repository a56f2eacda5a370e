"""What speech works on this computer now: the dictation engines and the voices.

The welcome and the status bar ask here rather than guessing. The question
imports the text-to-speech library (pyttsx3) and looks at the speech models,
so it is asked on a worker thread after the window is up
(:class:`SpeechReportLoader`), never at start-up.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app import thread_relay


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpeechReport", text)


@dataclass(frozen=True)
class EngineInfo:
    """One dictation engine: its name, what it is, and whether it can run here."""

    name: str
    description: str
    available: bool
    reason: str = ""
    model: str = ""  # the model it would use, as Tools › Speech models names it


@dataclass(frozen=True)
class VoiceInfo:
    """One installed text-to-speech voice."""

    id: str
    name: str
    language: str = ""

    @property
    def english(self) -> bool:
        """True for an English voice (British, American and so on)."""
        return self.language.lower().startswith("en")


@dataclass(frozen=True)
class SpeechReport:
    """Dictation engines (best first), the one "auto" would choose, and the voices."""

    engines: tuple[EngineInfo, ...]
    chosen_engine: str  # the description of what "auto" picks, "" when none can run
    voices: tuple[VoiceInfo, ...]
    default_voice: str  # the name of the voice read aloud starts with, "" when none
    voice_engine: str  # the text-to-speech engine's description
    voice_note: str = ""  # why the computer's voices could not be used, "" when they can

    @property
    def english_voices(self) -> tuple[VoiceInfo, ...]:
        """The English voices."""
        return tuple(v for v in self.voices if v.english)

    @property
    def dictation_works(self) -> bool:
        """True when a real engine (not the silent stand-in) can listen."""
        return any(e.available and e.name != "none" for e in self.engines)


def speech_report() -> SpeechReport:
    """Ask speech/ what can run here. Slow-ish (imports pyttsx3): call it off the GUI thread."""
    from app.speech_pipeline import engine_display_name
    from speech.stt.choice import choose_engine, engine_report
    from speech.tts.choose import create_synthesiser

    engines = tuple(
        EngineInfo(engine.name, getattr(engine, "description", engine.name),
                   availability.available, availability.reason,
                   engine_display_name(engine, None) if availability.available else "")
        for engine, availability in engine_report()
    )
    chosen = choose_engine("auto").engine
    chosen_text = "" if chosen.name == "none" else getattr(chosen, "description", chosen.name)
    synthesiser, note = create_synthesiser()
    try:
        voices = tuple(VoiceInfo(v.id, v.name, v.language or "") for v in synthesiser.voices())
        default = synthesiser.default_voice()
        engine_text = getattr(synthesiser, "description", synthesiser.name)
    finally:
        synthesiser.close()
    return SpeechReport(engines, chosen_text, voices, default.name if default else "",
                        engine_text, note)


def engine_status_text(report: SpeechReport, preference: str = "auto") -> str:
    """The status bar's words for the engine dictation will use with ``preference``
    ("auto" or an engine's name)."""
    for engine in report.engines:
        if engine.name == preference and engine.name != "none":
            if engine.available:
                return _tr("Dictation: {engine}").format(engine=_model_name(engine))
            return _tr("Dictation: {engine} cannot run").format(
                engine=_short(engine.description))
    for engine in report.engines:
        if engine.available and engine.name != "none":
            return _tr("Dictation: {engine}").format(engine=_model_name(engine))
    return _tr("Dictation: no engine can run")


def voice_status_text(report: SpeechReport) -> str:
    """The status bar's words for the voice read aloud starts with."""
    if report.default_voice:
        return _tr("Voice: {voice}").format(voice=report.default_voice)
    return _tr("Voice: none (words highlight in silence)")


def _model_name(engine: EngineInfo) -> str:
    # As the dictation panel names it once listening: "English, built in".
    return engine.model or _short(engine.description)


def _short(description: str) -> str:
    # "Whisper tiny.en: English, installed…" -> "Whisper tiny.en"
    return description.split(":", 1)[0].strip()


class SpeechReportLoader(QObject):
    """Runs :func:`speech_report` on a daemon thread; ``ready`` or ``failed`` on the GUI thread.

    The thread holds no reference to the loader (app/thread_relay.py): if it
    dropped the last one, the loader would be destroyed on that thread and
    the app could crash.
    """

    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, report=speech_report) -> None:
        super().__init__(parent)
        self._report = report
        self._key = thread_relay.register(self)
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start asking (once)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=_ask, args=(self._report, self._key),
                                        name="speech-report", daemon=True)
        self._thread.start()

    def _on_relayed(self, payload: tuple) -> None:
        kind, value = payload
        (self.ready if kind == "ready" else self.failed).emit(value)


def _ask(report, key: int) -> None:
    try:
        result = report()
    except Exception as error:  # noqa: BLE001 - a broken engine must not stop the app
        thread_relay.post(key, ("failed", str(error) or error.__class__.__name__))
        return
    thread_relay.post(key, ("ready", result))
