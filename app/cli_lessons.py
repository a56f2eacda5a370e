"""Sub-commands: ``lesson-lab lessons list|validate|import``.

The work is done by the ``lessons`` package; this module turns its results
into terminal output and its errors into one clear line. Each sub-command
has its own ``_add_…`` function (its arguments) and handler. Other modules
add more actions to the group (``lessons export`` is app/cli_export.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli_errors import CliError
from app.cli_groups import group_actions


def register(subparsers) -> None:
    """Add this group's sub-commands to the ``lesson-lab`` parser.

    This module owns the ``lessons`` group and makes it; other modules add
    their actions to it through app/cli_groups.py.
    """
    if "lessons" not in subparsers.choices:
        parser = subparsers.add_parser(
            "lessons",
            help="work with lesson files",
            description="Work with lesson files: list the library, check files, "
            "import documents and more.",
        )
        parser.add_subparsers(dest="lessons_action", metavar="ACTION", required=True)
    actions = group_actions(subparsers, "lessons", "work with lesson files", "lessons_action")
    _add_list(actions)
    _add_validate(actions)
    _add_import(actions)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# ------------------------------------------------------------------ list


def _add_list(actions) -> None:
    listing = actions.add_parser(
        "list",
        help="show the lessons in the library",
        description="Show each lesson's title, subject, key stage and file, one per line. "
        "With no --folder, lists the built-in lessons and your own.",
    )
    listing.add_argument(
        "--folder",
        action="append",
        metavar="DIR",
        help="list the lessons in this folder instead (may be given more than once)",
    )
    listing.set_defaults(handler=_list)


def _list(args) -> int:
    from lessons.library import scan_library, user_folder

    folders = None
    if args.folder:
        folders = [Path(folder) for folder in args.folder]
        for folder in folders:
            if not folder.exists():
                raise CliError(f"The folder '{folder}' cannot be found.")
            if not folder.is_dir():
                raise CliError(f"'{folder}' is a file, not a folder.")
    scan = scan_library(folders)
    loaded = [entry for entry in scan.entries if entry.lesson is not None]
    rows = [
        (entry.title, entry.subject or "-", entry.key_stage or "-", str(entry.path))
        for entry in loaded
    ]
    if rows:
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        for title, subject, stage, path in rows:
            print(f"{title:<{widths[0]}}  {subject:<{widths[1]}}  {stage:<{widths[2]}}  {path}")
    else:
        where = ", ".join(str(f) for f in folders) if folders else f"the library or {user_folder()}"
        print(f"No lessons found in {where}.")
    for problem in scan.folder_problems:
        print(f"lesson-lab: {problem.file}: {problem.message}", file=sys.stderr)
    failed = [entry for entry in scan.entries if entry.lesson is None]
    if failed:
        names = " ".join(str(entry.path) for entry in failed)
        print(
            f"lesson-lab: {_plural(len(failed), 'file')} could not be loaded; "
            f"'lesson-lab lessons validate {names}' says why.",
            file=sys.stderr,
        )
    return 0


# ------------------------------------------------------------------ validate


def _add_validate(actions) -> None:
    validate = actions.add_parser(
        "validate",
        help="check lesson files and folders for problems",
        description="Check lesson files (and every lesson in any folder given). Prints each "
        "problem as file:line: message. Exit status 1 when there are problems.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="a lesson file or folder")
    validate.set_defaults(handler=_validate)


def _validate(args) -> int:
    from lessons.library import lesson_files
    from lessons.loader import load_lesson

    files: list[Path] = []
    for given in args.paths:
        path = Path(given)
        if path.is_dir():
            try:
                found = lesson_files(path)
            except OSError as error:
                raise CliError(
                    f"The folder '{path}' cannot be read ({error.strerror or error})."
                ) from error
            if not found:
                raise CliError(f"There are no lesson files (.md) in the folder '{path}'.")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise CliError(f"'{path}' cannot be found.")
    problems = 0
    with_problems = 0
    for path in files:
        result = load_lesson(path)
        for problem in result.problems:
            print(problem)
        problems += len(result.problems)
        with_problems += bool(result.problems)
    if problems == 0:
        print(f"{_plural(len(files), 'lesson')}, no problems")
        return 0
    print(
        f"{_plural(len(files), 'lesson')}, {_plural(problems, 'problem')} "
        f"in {_plural(with_problems, 'file')}"
    )
    return 1


# ------------------------------------------------------------------ import


def _add_import(actions) -> None:
    importing = actions.add_parser(
        "import",
        help="turn a Word document, PowerPoint presentation or text file into a lesson file",
        description="Import a Word document (.docx), PowerPoint presentation (.pptx) or plain "
        "text file (.txt) as a lesson file. With no --out the lesson goes into your lessons "
        "folder, named after the document, as File › Import does in the app (a lesson already "
        "there is kept and the new one named '<name> (2).md'). Pictures are saved in an "
        "'images' folder beside the lesson; a presentation's speaker notes become the "
        "lesson's notes for adults.",
    )
    importing.add_argument("file", metavar="FILE",
                           help="the .docx, .pptx or .txt file to import")
    importing.add_argument(
        "--out", metavar="LESSON.md",
        help="the lesson file to write (default: a new lesson in your lessons folder)",
    )
    importing.add_argument(
        "--force", action="store_true",
        help="replace the lesson file if it already exists (with no --out: the lesson made "
        "before from a document of the same name)",
    )
    importing.set_defaults(handler=_import)


def _import(args) -> int:
    from lessons.importers import (
        LessonImportError,
        import_into_folder,
        import_lesson_file,
        make_lessons_folder,
    )
    from lessons.library import user_folder
    from lessons.model import Image

    source = Path(args.file)
    try:
        if args.out is None and not args.force:
            # As File › Import: into the user's lessons, never over a lesson already there.
            out, result = import_into_folder(source, user_folder())
        else:
            # --force with no --out replaces the lesson made from this document before.
            out = Path(args.out) if args.out is not None else user_folder() / f"{source.stem}.md"
            if out.exists() and not out.is_dir() and not args.force:
                raise CliError(f"'{out}' already exists; add --force to replace it.")
            if args.out is None:
                make_lessons_folder(out.parent)
            result = import_lesson_file(source, out, overwrite=args.force)
    except LessonImportError as error:
        raise CliError(str(error)) from error
    for problem in result.problems:
        print(problem)
    if result.lesson is None:
        raise CliError(f"'{out}' was written but cannot be loaded back.")
    lesson = result.lesson
    blocks = [block for section in lesson.sections for block in section.blocks]
    images = sum(isinstance(block, Image) for block in blocks)
    where = "" if args.out is not None else " in your lessons folder"
    print(
        f"Imported '{source}' as '{out}'{where}: \"{lesson.title}\", "
        f"{_plural(len(lesson.sections), 'section')}, {_plural(images, 'picture')}."
    )
    return 0
