"""Which engines exist, which can run here, and which one "auto" picks.

Fallback order (as NVDA does for synthesisers): an installed English Vosk
model, else the bundled Whisper model, else the null engine. Engine classes
are imported without importing their libraries, so listing them is cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from speech.stt.base import Availability, Recogniser
from speech.stt.null_engine import NullRecogniser
from speech.stt.vosk_engine import VoskRecogniser
from speech.stt.whisper_engine import WhisperRecogniser

#: Every engine, in "auto" preference order.
ENGINES: tuple[type[Recogniser], ...] = (VoskRecogniser, WhisperRecogniser, NullRecogniser)
AUTO = "auto"


class UnknownEngine(ValueError):
    """A name that is not one of the engines; the message lists the real ones."""

    def __init__(self, name: str) -> None:
        names = ", ".join([AUTO] + [e.name for e in ENGINES])
        super().__init__(f"There is no speech engine called '{name}'. Choose one of: {names}.")
        self.name = name


@dataclass(frozen=True)
class EngineChoice:
    """The engine to use, the model to load (None: the engine's default), and why."""

    engine: type[Recogniser]
    model_path: Path | None
    reason: str


def engine_names() -> list[str]:
    """Names accepted by :func:`engine_class` and :func:`choose_engine`."""
    return [AUTO] + [e.name for e in ENGINES]


def engine_class(name: str) -> type[Recogniser]:
    """The engine class called ``name``; raises UnknownEngine."""
    for engine in ENGINES:
        if engine.name == name.strip().lower():
            return engine
    raise UnknownEngine(name)


def engine_report() -> list[tuple[type[Recogniser], Availability]]:
    """Every engine with whether it can run here and, if not, why not."""
    return [(engine, engine.availability()) for engine in ENGINES]


def choose_engine(preference: str = AUTO, model_path: str | Path | None = None) -> EngineChoice:
    """Pick an engine by name, or the best available one for ``"auto"``.

    With a ``model_path`` a named engine is returned as it is (the model is
    checked when it loads); without one, a named engine that cannot run here
    raises EngineUnavailable with its own reason. Raises UnknownEngine for a
    name that is not an engine.
    """
    path = Path(model_path).expanduser() if model_path else None
    if preference.strip().lower() != AUTO:
        engine = engine_class(preference)
        if path is None:
            state = engine.availability()
            if not state.available:
                raise EngineUnavailable(engine.name, state.reason)
        return EngineChoice(engine, path, "chosen by name")
    if path is not None:
        # A folder with a Vosk model, or a Whisper model folder (model.bin).
        engine = WhisperRecogniser if (path / "model.bin").exists() else VoskRecogniser
        return EngineChoice(engine, path, "matches the model folder given")
    reasons = []
    for engine in ENGINES:
        state = engine.availability()
        if state.available:
            why = "; ".join(reasons) if reasons else "first choice"
            return EngineChoice(engine, None, why)
        reasons.append(f"{engine.name}: {state.reason}")
    return EngineChoice(NullRecogniser, None, "; ".join(reasons))


class EngineUnavailable(ValueError):
    """A named engine cannot run here; the message says why."""

    def __init__(self, name: str, reason: str) -> None:
        # "Vosk", "Whisper": the engine's name as the menus and the README write it.
        super().__init__(f"The {name.capitalize()} engine cannot run here: "
                         f"{reason[:1].lower() + reason[1:]}")
        self.name = name
        self.reason = reason
