"""Importing other files as lessons: the parts every importer shares.

An importer turns a document into a :class:`Lesson`, then
:func:`finish_import` writes it as a lesson file and loads that file back,
so the result carries real line numbers and the loader's own checks (an
image with no alt text is reported exactly as in a hand-written lesson).

:func:`import_lesson_file` picks the importer by file extension;
:func:`import_into_folder` also chooses a free name in a folder.

An import may run on a worker thread and be stopped from another one (the
window closing) through an :class:`ImportStop`: the importer checks it as it
reads, and writes the lesson and its pictures only while holding it, so a
stop either comes before anything is written or waits the moment it takes
to finish writing. Nothing is left half-written either way.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from lessons.file_names import free_path
from lessons.inline import drop_prefix
from lessons.loader import MAX_LESSON_BYTES, load_lesson
from lessons.markdown_body import TASK_LABEL
from lessons.model import Block, Lesson, ListBlock, LoadResult, Problem, Task, spans_text
from lessons.writer import lesson_to_markdown, write_lesson

# A picture in the lesson's Markdown: it is not text a pupil can read.
_PICTURE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


class LessonImportError(Exception):
    """A document that cannot be imported; the message is one plain sentence."""


class ImportStopped(Exception):
    """The import was stopped (see :class:`ImportStop`) before anything was written."""


class ImportStop:
    """Lets one thread stop an import running on another, never half-way through a write.

    The importer calls :meth:`check` as it reads (cheap: a flag) and writes
    only inside :meth:`writing`. :meth:`request` sets the flag and then waits
    for a write already under way to finish, so afterwards nothing more is
    written and nothing is left half-written.
    """

    def __init__(self) -> None:
        self._stopped = threading.Event()
        self._write = threading.Lock()

    @property
    def requested(self) -> bool:
        """True once :meth:`request` has been called."""
        return self._stopped.is_set()

    def check(self) -> None:
        """Raise ImportStopped if a stop has been requested."""
        if self._stopped.is_set():
            raise ImportStopped

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold off a stop while the files are written; raise ImportStopped if one came first."""
        with self._write:
            self.check()
            yield

    def request(self, timeout: float = 10.0) -> bool:
        """Stop the import; wait (at most ``timeout`` seconds) for a write under way.

        True when nothing is being written any more (the usual case at once:
        writing a lesson takes milliseconds); False only if a write is still
        going after ``timeout`` (a very slow disk).
        """
        self._stopped.set()
        if not self._write.acquire(timeout=timeout):
            return False
        self._write.release()
        return True


def _check(stop: ImportStop | None) -> None:
    if stop is not None:
        stop.check()


@contextmanager
def _writing(stop: ImportStop | None) -> Iterator[None]:
    if stop is None:
        yield
    else:
        with stop.writing():
            yield


#: What can be imported, by extension: the kind of file, as the messages name it.
IMPORTABLE = {".docx": "Word document", ".pptx": "PowerPoint presentation",
              ".txt": "plain text file"}


def check_import_paths(source: str | Path, out: str | Path, *, overwrite: bool) -> None:
    """Raise LessonImportError unless ``source`` can be read and ``out`` written."""
    source, out = Path(source), Path(out)
    if not source.exists():
        raise LessonImportError(f"The file '{source}' cannot be found.")
    if source.is_dir():
        raise LessonImportError(f"'{source}' is a folder; give the document to import.")
    if out.suffix.lower() != ".md":
        raise LessonImportError(f"The lesson file name should end in '.md', not '{out.name}'.")
    if out.is_dir():
        raise LessonImportError(f"'{out}' is a folder; give the lesson file name to write.")
    if out.exists() and not overwrite:
        raise LessonImportError(
            f"The file '{out}' already exists; choose another name or allow replacing it."
        )


def import_lesson_file(source: str | Path, out: str | Path, *, overwrite: bool = False,
                       stop: ImportStop | None = None):
    """Import a document (see :data:`IMPORTABLE`) as the lesson file ``out``.

    Returns the :class:`LoadResult` of the written file. Raises
    LessonImportError (one plain sentence) when the document cannot be imported,
    and ImportStopped when ``stop`` was requested before anything was written.
    """
    source = Path(source)
    suffix = source.suffix.lower()
    if suffix == ".docx":
        from lessons.import_docx import import_docx

        return import_docx(source, out, overwrite=overwrite, stop=stop)
    if suffix == ".pptx":
        from lessons.import_pptx import import_pptx

        return import_pptx(source, out, overwrite=overwrite, stop=stop)
    if suffix == ".txt":
        from lessons.import_text import import_text

        return import_text(source, out, overwrite=overwrite, stop=stop)
    if suffix == ".doc":
        raise LessonImportError(
            "This is an older Word document (.doc); open it in Word and save it as .docx first."
        )
    if suffix == ".ppt":
        raise LessonImportError(
            "This is an older PowerPoint presentation (.ppt); open it in PowerPoint and save "
            "it as .pptx first."
        )
    *others, last = [f"{kind}s ({ext})" for ext, kind in IMPORTABLE.items()]
    kinds = f"{', '.join(others)} and {last}"
    shown = f"'{suffix}' files" if suffix else "files with no extension"
    raise LessonImportError(f"Lesson Lab can import {kinds}, not {shown}.")


def import_into_folder(source: str | Path, folder: str | Path, *,
                       stop: ImportStop | None = None) -> tuple[Path, LoadResult]:
    """Import ``source`` as a new lesson in ``folder``, named after it; never replaces one.

    Returns the lesson file written and its :class:`LoadResult`. Raises
    LessonImportError (one plain sentence) or ImportStopped.
    """
    source, folder = Path(source), Path(folder)
    make_lessons_folder(folder)
    target = free_path(folder, source.stem, "md")
    return target, import_lesson_file(source, target, stop=stop)


def make_lessons_folder(folder: Path) -> None:
    """Make the folder lessons are imported into; LessonImportError when it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LessonImportError(
            f"The lessons folder '{folder}' cannot be made ({error.strerror or error})."
        ) from error


def take_details(lesson: Lesson, file: str, *,
                 slides: bool = False) -> tuple[Lesson, list[Problem]]:
    """The lesson's key words and learning objectives, moved from its text into its details.

    Every importer calls this on what it read (lessons/import_key_words.py,
    lessons/import_objectives.py); the notes say what was taken. ``slides``:
    the lesson was read from slides (objectives are looked for on the slide
    after the title slide too).
    """
    from lessons.import_key_words import take_key_words
    from lessons.import_objectives import take_objectives

    lesson, notes = take_key_words(lesson, file)
    lesson, more = take_objectives(lesson, file, slides=slides)
    return lesson, notes + more


def finish_import(lesson, out: Path, *, overwrite: bool, notes: list[Problem],
                  pictures: dict[str, bytes] | None = None,
                  stop: ImportStop | None = None) -> LoadResult:
    """Write an imported lesson (and its ``pictures``) beside ``out`` and load it back.

    ``notes`` are problems found in the source document; they come first.
    ``pictures`` maps paths relative to the lesson's folder (``images/x-1.png``)
    to their bytes. A document with no words, or too long to open as one
    lesson, is refused before anything is written; so is one whose ``stop``
    was requested. If the lesson cannot be written, the pictures written for
    it are removed again.
    """
    _check(stop)
    lesson = tasks_out_of_lists(lesson)
    markdown = lesson_to_markdown(lesson)
    size = len(markdown.encode("utf-8"))
    if size > MAX_LESSON_BYTES:
        raise LessonImportError(
            f"This document is too long for one lesson ({size / (1024 * 1024):.1f} MB of "
            f"text; Lesson Lab opens lessons up to {MAX_LESSON_BYTES // (1024 * 1024)} MB): "
            "split it into smaller documents.")
    body = markdown.split("\n---\n", 1)[-1]  # after the details at the top
    if not any(ch.isalnum() for ch in _PICTURE.sub("", body)):
        raise LessonImportError("This document has no text to make a lesson from.")
    with _writing(stop):
        written = _write_pictures(out.parent, pictures or {})
        try:
            write_lesson(lesson, out, overwrite=overwrite)
        except FileExistsError as error:
            _remove(written)
            raise LessonImportError(
                f"The file '{out}' already exists; choose another name or allow replacing it."
            ) from error
        except OSError as error:
            _remove(written)
            raise LessonImportError(
                f"The lesson file '{out}' cannot be written ({error.strerror or error})."
            ) from error
    loaded = load_lesson(out)
    return LoadResult(loaded.lesson, tuple(notes) + loaded.problems)


def tasks_out_of_lists(lesson: Lesson) -> Lesson:
    """``lesson`` with each bullet that starts "Task:" or "Question:" a task of its own.

    A document's paragraph so labelled is a task already; on slides the task is
    often one of the bullets. Numbered lists are left whole, as a task taken out
    of one would start the numbers again after it.
    """
    sections = tuple(replace(section, blocks=tuple(
        part for block in section.blocks for part in (
            _tasks_apart(block) if isinstance(block, ListBlock) and not block.ordered
            else (block,))))
        for section in lesson.sections)
    return replace(lesson, sections=sections)


def labelled_task(spans, line: int) -> Task | None:
    """The task that imported text labelled "Task:" or "Question:" is, or None."""
    label = TASK_LABEL.match(spans_text(spans))
    if label is None:
        return None
    return Task(label.group("kind").lower(), drop_prefix(spans, label.end()), line)


def _tasks_apart(listed: ListBlock) -> list[Block]:
    parts: list[Block] = []
    items: list = []
    for item in listed.items:
        task = labelled_task(item, listed.line)
        if task is None:
            items.append(item)
            continue
        if items:
            parts.append(ListBlock(tuple(items), False, listed.line))
            items = []
        parts.append(task)
    if items:
        parts.append(ListBlock(tuple(items), False, listed.line))
    return parts


def _write_pictures(folder: Path, pictures: dict[str, bytes]) -> list[Path]:
    """Write each picture under ``folder``; on a failure remove those written and refuse."""
    written: list[Path] = []
    for relative, data in pictures.items():
        path = folder / relative
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        except OSError as error:
            _remove(written + [path])
            raise LessonImportError(
                f"The picture '{path.name}' cannot be saved ({error.strerror or error})."
            ) from error
        written.append(path)
    return written


def _remove(paths: list[Path]) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # already refusing with the error that matters


def title_from_file_name(path: Path) -> str:
    """A readable title from a file name: ``water_cycle-notes`` → ``Water cycle notes``."""
    words = path.stem.replace("_", " ").replace("-", " ").split()
    text = " ".join(words)
    return text[:1].upper() + text[1:] if text else "Untitled lesson"
