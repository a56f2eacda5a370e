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
from app.recent_folders import remember, start_path
from app.settings import AppSettings
from lessons.file_names import export_file_name
from widgets.save_as import ask_save_as

FOLDER_KIND = "sound"  # the folder last used for sound files (app/recent_folders.py)


class SoundFileExport:
    """The controller's "Save as a sound file" methods (mixed into ReadAloudController)."""

    def ask_wav_path(self, suggested: str) -> str | None:
        """Ask where to save a WAV file (tests replace this). None when cancelled."""
        # The ending added, and a file it would replace asked about (widgets/save_as.py),
        # in the folder sound files went to last time.
        settings = AppSettings()
        chosen = ask_save_as(self._view.window(), self.tr("Save as a sound file"),
                             start_path(settings, FOLDER_KIND, suggested),
                             [(self.tr("Sound files"), "wav")])
        if chosen is None:
            return None
        remember(settings, FOLDER_KIND, chosen[0])
        return chosen[0]

    def export_lesson_wav(self, path: str | Path | None = None) -> bool:
        """Save everything shown as a WAV file (asks where unless ``path`` is given)."""
        return self._export(plan_lesson(self._snapshot()), path, self.tr("lesson"))

    def export_section_wav(self, path: str | Path | None = None) -> bool:
        """Save the section at the caret as a WAV file."""
        plan = plan_section(self._snapshot(), self._view.textCursor().position())
        return self._export(plan, path, self.tr("section"), named_by_heading=True)

    def _export(self, plan: ReadingPlan, path, what: str, named_by_heading: bool = False) -> bool:
        if self._engine_problem:
            self.error.emit(self._engine_problem)
            return False
        if not plan:
            self.error.emit(self.tr("There are no words to save as a sound file."))
            return False
        if path is None:
            path = self.ask_wav_path(_suggested_name(self._view.lesson(), plan, named_by_heading))
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


def _suggested_name(lesson, plan: ReadingPlan, named_by_heading: bool) -> str:
    """"The water cycle.wav" for a lesson, "The water cycle - Condensation.wav" for a
    section (its heading is the plan's first sentence)."""
    title = lesson.title if lesson is not None else "Lesson"
    if named_by_heading and plan.sentences:
        first = plan.sentences[0]
        heading = plan.document.text[first.start:first.end].strip().rstrip(".")
        title = f"{title} - {heading}" if heading else title
    return export_file_name(title, "", "wav")
