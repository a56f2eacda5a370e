"""Saving the lesson, or a section, read aloud as a WAV file for pupils at home.

A mixin for ``ReadAloudController``: it plans what to save, asks where
(``ask_wav_path``, which tests replace), and hands the job to the read-aloud
worker thread, which synthesises it chunk by chunk and writes it with
``Synthesis.write_wav``. Success and failure come back as plain sentences
(``status_changed``, ``error``) and ``export_finished(path)``.
"""

from __future__ import annotations

from pathlib import Path

from app.read_aloud_text import ReadingPlan, plan_lesson, plan_section
from app.read_aloud_worker import ExportJob
from widgets.save_as import ask_save_as


class SoundFileExport:
    """The controller's "Save as a sound file" methods (mixed into ReadAloudController)."""

    def ask_wav_path(self, suggested: str) -> str | None:
        """Ask where to save a WAV file (tests replace this). None when cancelled."""
        # The ending added, and a file it would replace asked about (widgets/save_as.py).
        chosen = ask_save_as(self._view.window(), self.tr("Save as a sound file"), suggested,
                             [(self.tr("Sound files"), "wav")])
        return chosen[0] if chosen is not None else None

    def export_lesson_wav(self, path: str | Path | None = None) -> bool:
        """Save everything shown as a WAV file (asks where unless ``path`` is given)."""
        return self._export(plan_lesson(self._snapshot()), path, self.tr("lesson"))

    def export_section_wav(self, path: str | Path | None = None) -> bool:
        """Save the section at the caret as a WAV file."""
        plan = plan_section(self._snapshot(), self._view.textCursor().position())
        return self._export(plan, path, self.tr("section"))

    def _export(self, plan: ReadingPlan, path, what: str) -> bool:
        if self._engine_problem:
            self.error.emit(self._engine_problem)
            return False
        if not plan:
            self.error.emit(self.tr("There are no words to save as a sound file."))
            return False
        if path is None:
            lesson = self._view.lesson()
            name = _file_name(lesson.title if lesson is not None else what)
            path = self.ask_wav_path(f"{name}.wav")
            if not path:
                return False
        path = Path(path)
        if path.suffix.lower() != ".wav":
            path = path.with_name(path.name + ".wav")
        self.stop()
        self._worker.submit(ExportJob(plan, path, self._voice_id, self._rate))
        self.status_changed.emit(self.tr("Saving the {what} as a sound file…").format(what=what))
        return True

    def _on_export_done(self, path: str, seconds: float) -> None:
        minutes, rest = divmod(round(seconds), 60)
        length = (self.tr("{m} min {s} s").format(m=minutes, s=rest) if minutes
                  else self.tr("{s} seconds").format(s=rest))
        self.status_changed.emit(self.tr("Saved the sound file {name} ({length}).").format(
            name=Path(path).name, length=length))
        self.export_finished.emit(path)


def _file_name(title: str) -> str:
    """A safe file name from a lesson title."""
    keep = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    return "-".join(keep.split()) or "lesson"
