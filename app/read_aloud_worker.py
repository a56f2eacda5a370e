"""The read-aloud worker thread: it alone owns the synthesiser and the player.

The controller (app/read_aloud.py) puts jobs on a queue: read a plan from a
sentence, save a plan as a WAV, or quit. The worker synthesises a chunk of
sentences at a time (speech.tts), plays it (speech.playback.Player) and
reports each word when the audio clock reaches it. Results go back only
through app/thread_relay, addressed by the controller's key: they arrive on
the GUI thread, so the GUI never waits on synthesis or on audio, and the
thread holds no Qt object. Once the controller has gone the worker winds
down.

Every reading has a generation number. The controller stops a reading by
raising the generation (``supersede``) and stopping the player in hand; the
worker checks the generation before every chunk, under the same lock that
publishes the player it is about to start, so a stopped reading never plays
another sound. Pause and resume work the same way: a player started while
the reading is paused starts paused.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication

from app import thread_relay
from app.read_aloud_text import CHUNK_CHARS, FIRST_CHUNK_CHARS, ReadingPlan
from speech.playback import PlaybackError, PlaybackFinished, Player, WordStarted
from speech.tts.base import Synthesis, SynthesisCancelled, Synthesiser, SynthesisError


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReadAloud", text)


SynthesiserFactory = Callable[[], tuple[Synthesiser, str]]
PlayerFactory = Callable[[object], Player]


def default_synthesiser() -> tuple[Synthesiser, str]:
    """The best engine installed, and why a better one was not used ("" when it was)."""
    from speech.tts.choose import create_synthesiser

    return create_synthesiser()


@dataclass(frozen=True)
class ReadJob:
    """Read ``plan`` from sentence ``first`` with this voice and rate."""

    generation: int
    plan: ReadingPlan
    first: int
    voice_id: str | None
    rate_scale: float


@dataclass(frozen=True)
class ExportJob:
    """Save ``plan`` to a WAV file at ``path``."""

    plan: ReadingPlan
    path: Path
    voice_id: str | None
    rate_scale: float


class ReadAloudWorker:
    """A daemon thread that runs read and export jobs one at a time.

    ``relay_key`` is the controller's ``app.thread_relay`` key. Reports go
    to it as ``(name, args)``: engine_ready (voices, voice id in use, why not
    a better engine), engine_failed (message), chunk_started (generation,
    chunk serial, first sentence), word_reached (generation, serial, start,
    length, sentence, time in the audio), reading_done (generation,
    completed), reading_failed (generation, message), export_done (path,
    seconds), export_failed (message) and problem (message).
    """

    def __init__(self, relay_key: int, synthesiser_factory: SynthesiserFactory | None = None,
                 player_factory: PlayerFactory | None = None, device=None) -> None:
        self._relay_key = relay_key
        self._make_synthesiser = synthesiser_factory or default_synthesiser
        self._make_player = player_factory or Player
        self.device = device
        self.lock = threading.Lock()
        self.generation = 0
        self.paused = False
        self.live: tuple[int, Player] | None = None  # (chunk serial, player) now playing
        self.synthesiser: Synthesiser | None = None
        self._serial = 0
        self._exporting = False
        self._jobs: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="read-aloud", daemon=True)
        self._thread.start()

    # ----- the controller's side (GUI thread) ---------------------------------------

    def submit(self, job: ReadJob | ExportJob) -> None:
        """Queue a job; it runs when the jobs before it are done."""
        self._jobs.put(job)

    def supersede(self) -> int:
        """Stop the reading in hand at once; returns the new generation. Never blocks."""
        with self.lock:
            self.generation += 1
            live, self.paused = self.live, False
        if live is not None:
            live[1].stop()
        synthesiser = self.synthesiser
        if synthesiser is not None and not self._exporting:
            synthesiser.stop()  # interrupts a synthesis in progress
        return self.generation

    def cancel_export(self) -> None:
        """Stop making a sound file, if one is being made."""
        synthesiser = self.synthesiser
        if synthesiser is not None and self._exporting:
            synthesiser.stop()

    def set_paused(self, paused: bool) -> None:
        """Pause or resume the sound now playing, and any chunk that starts meanwhile."""
        with self.lock:
            self.paused = paused
            live = self.live
        if live is not None:
            if paused:
                live[1].pause()
            else:
                live[1].resume()

    def quit(self) -> None:
        """Stop reading and let the thread end (without waiting for it)."""
        self.supersede()
        self._jobs.put(None)

    def join(self, timeout: float) -> bool:
        """Wait for the thread to end (tests and the benchmark only); True when it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # ----- the worker thread ------------------------------------------------------

    def _send(self, name: str, *args) -> None:
        """Report to the controller; if it has gone, wind down."""
        if not thread_relay.post(self._relay_key, (name, args)):
            self.quit()

    def _run(self) -> None:
        if not self._start_engine():
            return
        try:
            while True:
                job = self._jobs.get()
                if job is None:
                    return
                if isinstance(job, ReadJob):
                    self._read(job)
                else:
                    self._export(job)
        finally:
            try:
                self.synthesiser.close()
            except SynthesisError:
                pass

    def _start_engine(self) -> bool:
        try:
            synthesiser, reason = self._make_synthesiser()
        except (SynthesisError, OSError, RuntimeError) as error:
            message = _tr("Reading aloud cannot start: {error}").format(error=error)
            self._send("engine_failed", message)
            return False
        self.synthesiser = synthesiser
        voice = synthesiser.voice
        self._send("engine_ready", synthesiser.voices(), voice.id if voice else "", reason)
        return True

    def _configure(self, voice_id: str | None, rate_scale: float) -> None:
        synthesiser = self.synthesiser
        current = synthesiser.voice
        if voice_id and (current is None or current.id != voice_id):
            try:
                synthesiser.set_voice(voice_id)
            except SynthesisError as error:
                self._send("problem", str(error))
        try:
            synthesiser.set_rate_scale(rate_scale)
        except SynthesisError as error:
            self._send("problem", str(error))

    def _read(self, job: ReadJob) -> None:
        if job.generation != self.generation:
            return
        self._configure(job.voice_id, job.rate_scale)
        plan, index, size = job.plan, job.first, FIRST_CHUNK_CHARS
        while index < len(plan.sentences):
            chunk = plan.chunk(index, size)
            size = CHUNK_CHARS
            try:
                synthesis = self.synthesiser.synthesise(chunk.text)
            except SynthesisCancelled:
                return
            except SynthesisError as error:
                if job.generation == self.generation:
                    self._send("reading_failed", job.generation, str(error))
                return
            self._serial += 1
            player = self._make_player(self.device)
            with self.lock:
                if job.generation != self.generation:
                    return
                self.live = (self._serial, player)
                if self.paused:
                    player.pause()
            self._send("chunk_started", job.generation, self._serial, chunk.first)
            try:
                outcome = self._play(job.generation, chunk, synthesis, player)
            finally:
                with self.lock:
                    self.live = None
            if outcome is not True:
                if isinstance(outcome, str) and job.generation == self.generation:
                    self._send("reading_failed", job.generation, outcome)
                return
            index += chunk.count
        self._send("reading_done", job.generation, True)

    def _play(self, generation: int, chunk, synthesis: Synthesis, player: Player):
        """Play one chunk: True when it played to the end, False when stopped, or an error."""
        serial = self._serial
        for event in player.play(synthesis.samples, synthesis.sample_rate, synthesis.words):
            if isinstance(event, WordStarted):
                spoken = chunk.locate(event.word.offset, event.word.length)
                if spoken is not None:
                    self._send("word_reached", generation, serial, spoken.start,
                               spoken.length, spoken.sentence, event.word.time)
            elif isinstance(event, PlaybackError):
                return event.message
            elif isinstance(event, PlaybackFinished):
                return event.completed
        return False

    def _export(self, job: ExportJob) -> None:
        self._exporting = True
        try:
            self._export_plan(job)
        finally:
            self._exporting = False

    def _export_plan(self, job: ExportJob) -> None:
        self._configure(job.voice_id, job.rate_scale)
        plan, pieces, rate, index = job.plan, [], 0, 0
        try:
            while index < len(plan.sentences):
                chunk = plan.chunk(index, CHUNK_CHARS)
                synthesis = self.synthesiser.synthesise(chunk.text)
                if rate and synthesis.sample_rate != rate:
                    raise SynthesisError(_tr("The voice changed part way through the sound file."))
                rate = synthesis.sample_rate
                pieces.append(synthesis.samples)
                index += chunk.count
            samples = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int16)
            whole = Synthesis(" ".join(plan.document.text[s.start:s.end]
                                       for s in plan.sentences), samples, rate)
            whole.write_wav(job.path)
        except SynthesisCancelled:
            self._send("export_failed", _tr("Saving the sound file was stopped."))
            return
        except SynthesisError as error:
            self._send("export_failed", str(error))
            return
        self._send("export_done", str(job.path), whole.duration)
