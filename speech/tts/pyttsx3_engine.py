"""The computer's own voices through pyttsx3 (the only module that imports it).

On Linux pyttsx3 drives eSpeak NG through its ctypes binding of
libespeak-ng (``pyttsx3.drivers._espeak``), initialised in retrieval mode:
the library hands back audio in blocks together with events. Each word event
carries the word's character position in the text AND the sample number where
it starts in the audio, so this engine synthesises through that binding with
its own callback and keeps both. Word times are the engine's own, to the sample.

pyttsx3's own ``say``/``runAndWait`` are not used on Linux: they play through
``aplay`` and report words without times. On Windows (SAPI5) and macOS
(NSSpeech) pyttsx3 exposes no audio times, so there the text is saved to a
file with ``save_to_file`` and word times are ESTIMATED from the audio
(``word_timing.estimate_word_times``) and marked as such.
"""

from __future__ import annotations

import ctypes
import functools
import subprocess
import sys
import tempfile
import threading
import time
import wave
from pathlib import Path

import numpy as np

from speech.tts.base import (
    AudioCallback,
    Availability,
    Synthesis,
    SynthesisCancelled,
    Synthesiser,
    SynthesisError,
    UnknownVoice,
    Voice,
)
from speech.tts.word_timing import align_word_events, estimate_word_times

# libespeak-ng always synthesises at 22.05 kHz; its normal rate is 175 wpm.
ESPEAK_SAMPLE_RATE = 22_050
ESPEAK_NORMAL_RATE = 175.0
# libespeak-ng is one instance for the whole process and not thread-safe:
# starting it, listing its voices and each synthesis take this lock (two
# threads starting it at once corrupted the heap: "corrupted double-linked list").
_ESPEAK_LOCK = threading.Lock()
_NOT_STARTED = "The computer's text-to-speech could not start"


ESPEAK_DATA_MISSING = (
    "The computer's eSpeak NG voices are missing or damaged. On Debian or Ubuntu: "
    "sudo apt-get install --reinstall espeak-ng-data")
# libespeak-ng ends the whole process (C exit()) when its voice data is missing,
# which froze the app: it is tried once in a separate process first.
_ESPEAK_TRY = ("from pyttsx3.drivers import _espeak; import sys; "
               "sys.exit(0 if _espeak.Initialize(_espeak.AUDIO_OUTPUT_RETRIEVAL, 1000) > 0 else 1)")
_ESPEAK_TRY_SECONDS = 60  # a busy school laptop; it takes about 0.1 s


def espeak_starts() -> bool:
    """Whether libespeak-ng starts here, tried in a child process (once per process).

    The child inherits the environment, so ``ESPEAK_DATA_PATH`` counts as it
    would here. A try that does not finish in time counts as a start (a slow
    computer is not a broken one), and so does a child that failed in Python
    rather than in eSpeak. Threads that ask at once (the speech report and
    read aloud, at start) wait for the one try.
    """
    with _ESPEAK_TRY_LOCK:
        return _tried_espeak()


_ESPEAK_TRY_LOCK = threading.Lock()


@functools.cache
def _tried_espeak() -> bool:
    try:
        tried = subprocess.run([sys.executable, "-c", _ESPEAK_TRY], capture_output=True,
                               timeout=_ESPEAK_TRY_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        return True
    except OSError:
        return True  # no way to try first: start it here as before
    # eSpeak ends the child with a line of its own; a Python fault in the child (a
    # traceback) says nothing about the voices, and is left to the start here.
    return tried.returncode == 0 or b"Traceback" in tried.stderr


espeak_starts.cache_clear = _tried_espeak.cache_clear  # tests try again with other data


def _default_driver() -> str:
    if sys.platform == "win32":
        return "sapi5"
    if sys.platform == "darwin":
        return "nsss"
    return "espeak"


class _EspeakRun:
    """One synthesis: collects samples and word events from libespeak-ng's thread."""

    def __init__(self, espeak, on_audio: AudioCallback | None) -> None:
        self.espeak = espeak
        self.on_audio = on_audio
        self.blocks: list[np.ndarray] = []
        self.word_events: list[tuple[int, int]] = []  # (0-based char offset, sample)
        self.done = threading.Event()
        self.cancelled = False
        self.started = time.perf_counter()
        self.first_audio_after: float | None = None
        self.error: BaseException | None = None

    def callback(self, wav, numsamples, events) -> int:
        """libespeak-ng's synth callback. Returning 1 tells it to stop."""
        if self.cancelled or self.done.is_set():
            return 1
        try:
            index = 0
            while events[index].type != self.espeak.EVENT_LIST_TERMINATED:
                event = events[index]
                if event.type == self.espeak.EVENT_WORD:
                    self.word_events.append((event.text_position - 1, event.sample))
                elif event.type == self.espeak.EVENT_MSG_TERMINATED:
                    self.done.set()
                index += 1
            if numsamples > 0:
                data = ctypes.string_at(wav, numsamples * 2)
                block = np.frombuffer(data, dtype=np.int16)
                if self.first_audio_after is None:
                    self.first_audio_after = time.perf_counter() - self.started
                self.blocks.append(block)
                if self.on_audio is not None:
                    self.on_audio(block)
        except BaseException as error:  # noqa: BLE001 - never raise into C
            self.error = error
            self.done.set()
            return 1
        return 0


class Pyttsx3Synthesiser(Synthesiser):
    """Text-to-speech with the operating system's voices via pyttsx3."""

    name = "pyttsx3"
    description = (
        "The computer's own voices (eSpeak NG on Linux, SAPI5 on Windows, NSSpeech on macOS)."
    )

    @classmethod
    def availability(cls) -> Availability:
        try:
            import pyttsx3  # noqa: F401
        except ImportError:
            return Availability(False, "The pyttsx3 package is not installed.")
        if _default_driver() == "espeak":
            try:
                from pyttsx3.drivers import _espeak  # noqa: F401
            except (OSError, RuntimeError):
                return Availability(
                    False,
                    "eSpeak NG is not installed. On Debian or Ubuntu: "
                    "sudo apt-get install espeak-ng",
                )
            if not espeak_starts():
                return Availability(False, ESPEAK_DATA_MISSING)
        return Availability(True)

    def __init__(self, driver_name: str | None = None) -> None:
        import pyttsx3

        self._driver_name = driver_name or _default_driver()
        try:
            with _ESPEAK_LOCK:
                self._engine = pyttsx3.init(self._driver_name)
        except Exception as error:  # noqa: BLE001 - any driver failure is the same to a teacher
            raise SynthesisError(f"{_NOT_STARTED} ({error}).") from error
        self._espeak = None
        if self._driver_name == "espeak":
            from pyttsx3.drivers import _espeak

            self._espeak = _espeak
            self._normal = ESPEAK_NORMAL_RATE
        else:
            self._normal = float(self._engine.getProperty("rate") or 200)
        self._voices: list[Voice] | None = None
        self._run: _EspeakRun | None = None
        super().__init__()
        self._voice = self.default_voice()

    # --- voices and rate --------------------------------------------------------

    @property
    def normal_rate(self) -> float:
        return self._normal

    @property
    def driver_name(self) -> str:
        """pyttsx3's driver in use: ``espeak``, ``sapi5`` or ``nsss``."""
        return self._driver_name

    def voices(self) -> list[Voice]:
        if self._voices is None:
            found = []
            with _ESPEAK_LOCK:
                listed = list(self._engine.getProperty("voices") or [])
            for voice in listed:
                languages = list(getattr(voice, "languages", None) or [])
                language = languages[0] if languages else ""
                if isinstance(language, bytes):
                    language = language.decode("utf-8", "replace")
                found.append(
                    Voice(
                        id=str(voice.id),
                        name=str(voice.name or voice.id),
                        language=str(language).strip(),
                        gender=getattr(voice, "gender", None) or None,
                    )
                )
            self._voices = found
        return list(self._voices)

    @property
    def voice(self) -> Voice | None:
        return self._voice

    def set_voice(self, voice_id: str) -> Voice:
        wanted = voice_id.strip().lower()
        for voice in self.voices():
            if voice.id.lower() == wanted:
                self._voice = voice
                return voice
        raise UnknownVoice(f"The voice “{voice_id}” is not installed on this computer.")

    # --- synthesis --------------------------------------------------------------

    def _synthesise(self, text: str, on_audio: AudioCallback | None) -> Synthesis:
        if self._espeak is not None:
            return self._synthesise_espeak(text, on_audio)
        return self._synthesise_via_file(text, on_audio)

    def _cancel_synthesis(self) -> None:
        run = self._run
        if run is not None:
            run.cancelled = True

    def _synthesise_espeak(self, text: str, on_audio: AudioCallback | None) -> Synthesis:
        espeak = self._espeak
        run = _EspeakRun(espeak, on_audio)  # the clock for first_audio_after starts here
        # Generous: eSpeak NG runs hundreds of times faster than real time.
        deadline = time.monotonic() + 30 + len(text) / 100
        with _ESPEAK_LOCK:
            self._run = run
            try:
                espeak.SetSynthCallback(run.callback)
                if self._voice is not None and espeak.SetVoiceByName(self._voice.id.encode()) != 0:
                    raise UnknownVoice(f"The voice “{self._voice.name}” could not be loaded.")
                espeak.SetParameter(espeak.RATE, int(round(self.rate)), 0)
                status = espeak.Synth(text, flags=espeak.ENDPAUSE | espeak.CHARS_UTF8)
                if status != 0:
                    raise SynthesisError("The voice could not read this text.")
                # Synthesis runs on libespeak-ng's own thread; wait for its end mark.
                while not run.done.wait(0.02):
                    if run.cancelled:
                        espeak.Cancel()
                        raise SynthesisCancelled("Reading aloud was stopped.")
                    if time.monotonic() > deadline:
                        run.cancelled = True
                        espeak.Cancel()
                        raise SynthesisError("The voice stopped responding.")
                if run.cancelled:
                    raise SynthesisCancelled("Reading aloud was stopped.")
                if run.error is not None:
                    raise SynthesisError(f"The voice failed: {run.error}") from run.error
            finally:
                self._run = None
        samples = np.concatenate(run.blocks) if run.blocks else np.zeros(0, dtype=np.int16)
        duration = len(samples) / ESPEAK_SAMPLE_RATE
        events = [(offset, sample / ESPEAK_SAMPLE_RATE) for offset, sample in run.word_events]
        words = align_word_events(text, events, duration)
        return Synthesis(text, samples, ESPEAK_SAMPLE_RATE, words, run.first_audio_after)

    def _synthesise_via_file(self, text: str, on_audio: AudioCallback | None) -> Synthesis:
        """SAPI5 / NSSpeech: save to a file, read it back, ESTIMATE word times."""
        started = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="lesson-lab-tts-") as folder:
            # NSSpeech writes AIFF whatever the name; convert it with afconvert.
            native = Path(folder) / ("speech.aiff" if self._driver_name == "nsss" else "speech.wav")
            self._engine.setProperty("rate", int(round(self.rate)))
            if self._voice is not None:
                self._engine.setProperty("voice", self._voice.id)
            try:
                self._engine.save_to_file(text, str(native))
                self._engine.runAndWait()
                wav_path = native
                if native.suffix == ".aiff":
                    wav_path = Path(folder) / "speech.wav"
                    subprocess.run(
                        ["afconvert", "-f", "WAVE", "-d", "LEI16", str(native), str(wav_path)],
                        check=True,
                        capture_output=True,
                    )
                samples, rate = _read_wav_mono16(wav_path)
            except (OSError, RuntimeError, subprocess.CalledProcessError, wave.Error) as error:
                raise SynthesisError(f"The voice could not read this text ({error}).") from error
        first_audio_after = time.perf_counter() - started if len(samples) else None
        if on_audio is not None and len(samples):
            on_audio(samples)
        return Synthesis(
            text, samples, rate, estimate_word_times(text, samples, rate), first_audio_after
        )


def _read_wav_mono16(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as wav:
        if wav.getsampwidth() != 2:
            raise wave.Error("the voice wrote an unexpected sound format")
        rate, channels = wav.getframerate(), wav.getnchannels()
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16)
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1).astype(np.int16)
    return samples, rate



def raw_save_wav_times(text: str, path: str | Path, repeats: int, voice_id: str | None = None,
                       words_per_minute: float | None = None) -> list[float]:
    """pyttsx3 on its own, as a library user would call it: the benchmark's baseline.

    Seconds taken by each of ``repeats`` runs of ``save_to_file`` and
    ``runAndWait`` on one engine. No word timings, no first-audio callback.
    Run it in a process of its own: libespeak-ng keeps one synthesis
    callback per process, and Lesson Lab's engine sets its own.
    """
    import pyttsx3

    engine = pyttsx3.init(_default_driver())
    if voice_id:
        engine.setProperty("voice", voice_id)
    if words_per_minute:
        engine.setProperty("rate", int(round(words_per_minute)))
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        engine.save_to_file(text, str(path))
        engine.runAndWait()
        times.append(time.perf_counter() - began)
    return times
