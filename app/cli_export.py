"""Sub-command: ``lesson-lab lessons export``: clear-print PDFs of adapted lessons.

    lesson-lab lessons export LESSON.md --preset "Dyslexia" --pdf OUT.pdf
    lesson-lab lessons export worksheets/*.md --preset "Low vision" --out-dir print/

Several lessons (or folders of lessons) go into one folder, one PDF each,
so a whole department's worksheets can be prepared in one go. Every lesson is
loaded and checked before anything is written, so a bad file stops the run
with one clear line and no half-finished set of PDFs.

The ``lessons`` group belongs to app/cli_lessons.py; this module adds its
``export`` action to that group (see app/cli_groups.py), so it is registered
after cli_lessons in app/cli.py.
"""

from __future__ import annotations

from pathlib import Path

from app.cli_errors import CliError
from app.cli_groups import group_actions

PRINT_CHOICES = ("profile", "black-on-white", "black-on-cream")


def register(subparsers) -> None:
    """Add ``export`` to the ``lessons`` group of the ``lesson-lab`` parser."""
    actions = group_actions(subparsers, "lessons", "work with lesson files", "lessons_command")
    parser = actions.add_parser(
        "export",
        help="export adapted lessons as clear-print A4 PDFs",
        description="Export lessons adapted with a preset (or one of your saved profiles) "
        "as A4 PDFs in clear print, with the profile's font embedded.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="lesson files (.md), or folders of them")
    parser.add_argument("--preset", required=True, metavar="NAME",
                        help='a preset or saved profile, e.g. "Dyslexia"')
    out = parser.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", metavar="OUT.pdf", help="the PDF to write (one lesson)")
    out.add_argument("--out-dir", metavar="DIR",
                     help="a folder for the PDFs, one per lesson (made if needed)")
    parser.add_argument("--print-colours", choices=PRINT_CHOICES, default="profile",
                        help="print in the profile's colours (default), or black on "
                        "white or cream paper")
    parser.set_defaults(handler=run_export)


def run_export(args) -> int:
    """Handler of ``lesson-lab lessons export``."""
    profile = _profile(args.preset)
    sources = _lesson_paths(args.paths)
    if args.pdf and len(sources) > 1:
        raise CliError("--pdf names one file, but there are several lessons; "
                       "use --out-dir to export them all.")
    lessons = [(path, _load(path)) for path in sources]
    if args.pdf:
        target = Path(args.pdf)
        if target.suffix.lower() != ".pdf":
            raise CliError(f"the file to write should end in .pdf, not '{target.name}'.")
        if not target.parent.is_dir():
            raise CliError(f"the folder '{target.parent}' does not exist.")
        targets = [target]
    else:
        folder = Path(args.out_dir)
        if folder.exists() and not folder.is_dir():
            raise CliError(f"'{folder}' is a file, not a folder.")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CliError(f"cannot make the folder '{folder}': {error.strerror}.") from error
        targets = _pdf_names(folder, [path for path, _ in lessons])

    from app.pdf_export import ensure_gui_application, export_pdf

    ensure_gui_application()
    notes = set()
    for (_source, lesson), target in zip(lessons, targets, strict=True):
        try:
            result = export_pdf(lesson, profile, target, colours=args.print_colours)
        except OSError as error:
            raise CliError(f"cannot write '{target}': {error}.") from error
        pages = "page" if result.pages == 1 else "pages"
        print(f"Wrote {target} ({result.pages} {pages}, {profile.name}).")
        if result.font_note:
            notes.add(result.font_note)
    for note in sorted(notes):
        print(f"Note: {note}")
    return 0


def _profile(name: str):
    from lessons.presets import find_preset
    from lessons.profile_store import ProfileStore

    profile = find_preset(name) or ProfileStore().find(name)
    if profile is None:
        raise CliError(f'there is no preset or saved profile called "{name}"; '
                       "'lesson-lab presets' lists them.")
    return profile


def _lesson_paths(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = sorted(p for p in path.glob("*.md") if p.is_file())
            if not inside:
                raise CliError(f"the folder '{path}' has no lesson files (.md) in it.")
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            raise CliError(f"the file '{path}' cannot be found.")
    return found


def _load(path: Path):
    from lessons.loader import load_lesson

    result = load_lesson(path)
    if not result.ok:
        errors = [p for p in result.problems if p.severity == "error"] or list(result.problems)
        detail = str(errors[0]) if errors else f"{path}: the lesson could not be read"
        raise CliError(f"{detail} Nothing was exported.")
    return result.lesson


def _pdf_names(folder: Path, sources: list[Path]) -> list[Path]:
    """One PDF name per lesson: its file name, numbered when two share one."""
    used: set[str] = set()
    names = []
    for source in sources:
        stem, n = source.stem, 1
        name = f"{stem}.pdf"
        while name.lower() in used:
            n += 1
            name = f"{stem}-{n}.pdf"
        used.add(name.lower())
        names.append(folder / name)
    return names
