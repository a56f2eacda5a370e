"""What dictation and captions say when a speech model will not load.

Two cases (``speech.stt.fallback`` does the loading):

* the automatic choice passed over a damaged model and listens with the next
  one: :func:`replaced_message` says so once, and where to put it right;
* the teacher chose the model ("Use for dictation"), so nothing else is
  tried: :func:`chosen_model_failed_message` keeps the error and says how
  to get going again.

And one before any model: the teacher chose an engine (Dictation › Speech
engine, perhaps on another day) that cannot run here now, most often Vosk
with no Vosk model installed: :func:`engine_unavailable_message`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from speech.stt.base import DamagedModelError, Recogniser
from speech.stt.choice import EngineUnavailable
from speech.stt.fallback import LoadOutcome
from speech.stt.model_names import engine_display_name, is_bundled_whisper


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpeechFallback", text)


def replaced_message(outcome: LoadOutcome) -> str:
    """The sentence for models passed over by the automatic choice ("" when none were)."""
    passed = outcome.passed_over
    if not passed:
        return ""
    names = [engine_display_name(p.engine, p.path) for p in passed]
    damaged = all(p.damaged for p in passed)
    loaded = outcome.loaded
    if is_bundled_whisper(loaded.engine, loaded.path):
        instead = _tr("the built-in English model")
    else:
        instead = _tr("the {name} model").format(
            name=engine_display_name(loaded.engine, loaded.path))
    if len(names) == 1:
        text = (_tr("The {name} speech model could not be loaded (its files are damaged), "
                    "so {instead} is used instead.") if damaged else
                _tr("The {name} speech model could not be loaded, so {instead} is used "
                    "instead.")).format(name=names[0], instead=instead)
        return text + " " + _tr("Remove or replace it in Tools › Speech models.")
    listed = _tr("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])
    text = (_tr("The {names} speech models could not be loaded (their files are damaged), "
                "so {instead} is used instead.") if damaged else
            _tr("The {names} speech models could not be loaded, so {instead} is used "
                "instead.")).format(names=listed, instead=instead)
    return text + " " + _tr("Remove or replace them in Tools › Speech models.")


def chosen_model_failed_message(error: BaseException, engine: type[Recogniser],
                                path: Path | None) -> str:
    """The error for a model the teacher chose, with the way to carry on."""
    if isinstance(error, DamagedModelError):
        text = _tr("The {name} speech model chosen for dictation could not be loaded: "
                   "its files are damaged.").format(name=engine_display_name(engine, path))
    else:
        text = str(error)
    return text + " " + _tr("To carry on, choose Automatic choice (Alt+A) in Tools › Speech "
                            "models, or remove the model there.")


def engine_unavailable_message(error: EngineUnavailable) -> str:
    """One sentence for an engine chosen by name that cannot run here, with what to do."""
    if error.name == "vosk" and "model" in error.reason.lower():
        return _tr("No word-by-word speech model is installed: add one in Tools › "
                   "Speech models, or choose Automatic in Dictation › Speech engine.")
    return str(error) + " " + _tr("Choose Automatic in Dictation › Speech engine.")
