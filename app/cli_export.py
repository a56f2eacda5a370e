"""Sub-command: ``lesson-lab lessons export``: adapted lessons as clear-print PDFs, Word or slides.

    lesson-lab lessons export LESSON.md --preset "Dyslexia" --pdf OUT.pdf
    lesson-lab lessons export LESSON.md --preset "Dyslexia" --docx OUT.docx
    lesson-lab lessons export LESSON.md --preset "Dyslexia" --pptx OUT.pptx
    lesson-lab lessons export worksheets/*.md --preset "Low vision" --out-dir print/
    lesson-lab lessons export worksheets/ --preset "Dyslexia" --out-dir word/ --format docx

Several lessons (or folders of lessons) go into one folder, one file each,
so a whole department's worksheets can be prepared in one go. Every lesson is
loaded and checked before anything is written, so a bad file stops the run
with one clear line and no half-finished set of files. A Word document
(app/docx_export.py) can be changed before printing; a PDF prints the same
everywhere, with its font embedded; PowerPoint slides (app/pptx_export.py)
take the adapted lesson back to teach from.

The ``lessons`` group belongs to app/cli_lessons.py; this module adds its
``export`` action to that group (see app/cli_groups.py), so it is registered
after cli_lessons in app/cli.py.
"""

from __future__ import annotations

from pathlib import Path

from app.cli_errors import CliError
from app.cli_groups import group_actions
from lessons.save_problem import save_problem

PRINT_CHOICES = ("profile", "black-on-white", "black-on-cream")
FORMATS = ("pdf", "docx", "pptx")


def register(subparsers) -> None:
    """Add ``export`` to the ``lessons`` group of the ``lesson-lab`` parser."""
    actions = group_actions(subparsers, "lessons", "work with lesson files", "lessons_command")
    parser = actions.add_parser(
        "export",
        help="export adapted lessons as clear-print A4 PDFs, Word documents or "
        "PowerPoint slides",
        description="Export lessons adapted with a preset (or one of your saved profiles) "
        "as A4 PDFs in clear print, with the profile's font embedded, as Word "
        "documents (.docx) to change before printing, or as PowerPoint slides (.pptx) "
        "to teach from.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="lesson files (.md), or folders of them")
    parser.add_argument("--preset", required=True, metavar="NAME",
                        help='a preset or saved profile, e.g. "Dyslexia"')
    out = parser.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", metavar="OUT.pdf", help="the PDF to write (one lesson)")
    out.add_argument("--docx", metavar="OUT.docx",
                     help="the Word document to write (one lesson)")
    out.add_argument("--pptx", metavar="OUT.pptx",
                     help="the PowerPoint slides to write (one lesson)")
    out.add_argument("--out-dir", metavar="DIR",
                     help="a folder for the files, one per lesson (made if needed)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="with --out-dir: PDFs (the default), Word documents or "
                        "PowerPoint slides")
    parser.add_argument("--print-colours", choices=PRINT_CHOICES, default="profile",
                        help="print in the profile's colours (default), or black on "
                        "white or cream paper")
    parser.set_defaults(handler=run_export)


def run_export(args) -> int:
    """Handler of ``lesson-lab lessons export``."""
    profile = _profile(args.preset)
    sources = _lesson_paths(args.paths)
    one = args.pdf or args.docx or args.pptx
    kind = ("pdf" if args.pdf else "docx" if args.docx else "pptx" if args.pptx
            else args.format or "pdf")
    if one and args.format and args.format != kind:
        raise CliError(f"--{kind} writes a .{kind} file, but --format asks for "
                       f".{args.format}; use --{args.format} instead.")
    if one and len(sources) > 1:
        raise CliError(f"--{kind} names one file, but there are several lessons; "
                       "use --out-dir to export them all.")
    lessons = [(path, _load(path)) for path in sources]
    if one:
        target = Path(one)
        if target.suffix.lower() != f".{kind}":
            raise CliError(f"the file to write should end in .{kind}, not '{target.name}'.")
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
        targets = _out_names(folder, [path for path, _ in lessons], kind)

    from app.pdf_export import ensure_gui_application

    ensure_gui_application()
    write = {"pdf": _write_pdf, "docx": _write_docx, "pptx": _write_pptx}[kind]
    notes: set[str] = set()
    for (_source, lesson), target in zip(lessons, targets, strict=True):
        try:
            done, found = write(lesson, profile, target, args.print_colours)
        except OSError as error:
            # Which file, then why in plain words (most often: it is open in Word).
            raise CliError(save_problem(error, f"'{target}'", target)) from error
        print(done)
        notes.update(found)
    for note in sorted(notes):
        print(f"Note: {note}")
    return 0


def _write_pdf(lesson, profile, target: Path, colours: str) -> tuple[str, tuple[str, ...]]:
    from app.pdf_export import export_pdf

    result = export_pdf(lesson, profile, target, colours=colours)
    pages = "page" if result.pages == 1 else "pages"
    notes = (result.font_note,) if result.font_note else ()
    return f"Wrote {target} ({result.pages} {pages}, {profile.name}).", notes


def _write_docx(lesson, profile, target: Path, colours: str) -> tuple[str, tuple[str, ...]]:
    from app.docx_export import export_docx

    result = export_docx(lesson, profile, target, colours=colours)
    font = profile.font_family
    notes = result.notes + (f"Word shows {font} only on a computer where it is installed; "
                            "another computer shows another font.",)
    if result.pictures_as_text:
        notes += ("A picture Word could not take is described in words instead.",)
    return f"Wrote {target} ({profile.name}, {font}).", notes


def _write_pptx(lesson, profile, target: Path, colours: str) -> tuple[str, tuple[str, ...]]:
    from app.pptx_export import export_pptx

    result = export_pptx(lesson, profile, target, colours=colours)
    font = profile.font_family
    notes = result.notes + (f"PowerPoint shows {font} only on a computer where it is "
                            "installed; another computer shows another font.",)
    slides = "slide" if result.slides == 1 else "slides"
    return f"Wrote {target} ({result.slides} {slides}, {profile.name}, {font}).", notes


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


def _out_names(folder: Path, sources: list[Path], kind: str) -> list[Path]:
    """One file name per lesson: its own name, numbered when two share one."""
    used: set[str] = set()
    names = []
    for source in sources:
        stem, n = source.stem, 1
        name = f"{stem}.{kind}"
        while name.lower() in used:
            n += 1
            name = f"{stem}-{n}.{kind}"
        used.add(name.lower())
        names.append(folder / name)
    return names
