"""Load a lesson file: front matter and body into a :class:`LoadResult`.

The loader never raises. Whatever is wrong with a file comes back as
problems with the file, the line and one plain sentence, so a library with
one bad file still loads the rest. Two severities:

- ``error``: part of the file could not be used. When the lesson itself
  cannot be built (unreadable, binary, not UTF-8, too big, no front matter,
  YAML that does not parse, no title) ``lesson`` is None; otherwise the
  lesson is returned without the part that was wrong (say, a duration that
  is not a number).
- ``warning``: everything loaded, but something needs fixing (an image with
  no alt text or no file, a ``#`` heading, a field Lesson Lab does not use).

Lessons larger than :data:`MAX_LESSON_BYTES` are refused with a plain
message: a real lesson is a few kilobytes, and a huge file is almost
certainly the wrong file.
"""

from __future__ import annotations

import codecs
import errno
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

from lessons.front_matter import read_front_matter
from lessons.markdown_body import parse_body
from lessons.model import Image, Lesson, LoadResult, Problem, Section

MAX_LESSON_BYTES = 2 * 1024 * 1024
NOT_LESSON_SUFFIXES = {
    ".docx": "a Word document",
    ".doc": "a Word document",
    ".odt": "an OpenDocument text file",
    ".pdf": "a PDF",
    ".rtf": "a rich text file",
}
_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
NOT_TEXT = "This file is not a text file (it holds binary data), so it cannot be a lesson."
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:(//)?")


def load_lesson(path: str | Path) -> LoadResult:
    """Load one lesson file. Never raises: problems come back in the result."""
    try:
        return _load(Path(path))
    except Exception as error:  # noqa: BLE001 - a last resort; see the module docstring
        return _unexpected(str(path), error)


def parse_lesson_text(text: str, source: str | Path | None = None) -> LoadResult:
    """Parse a lesson from text (an editor's buffer, say). Never raises.

    ``source`` names the file in problems, and image paths are checked
    relative to its folder; with no source, image files are not checked.
    """
    try:
        return _parse(text, Path(source) if source is not None else None)
    except Exception as error:  # noqa: BLE001 - a last resort; see the module docstring
        return _unexpected(str(source) if source is not None else "<lesson>", error)


def _unexpected(file: str, error: Exception) -> LoadResult:
    message = (
        "Lesson Lab could not read this lesson because of an unexpected error "
        f"({type(error).__name__}: {error})."
    )
    return LoadResult(None, (Problem(file, 1, message),))


def _refuse(file: str, message: str, line: int = 1) -> LoadResult:
    return LoadResult(None, (Problem(file, line, message),))


def _load(path: Path) -> LoadResult:
    file = str(path)
    kind = NOT_LESSON_SUFFIXES.get(path.suffix.lower())
    if kind:
        return _refuse(file, f"This is {kind}, not a lesson file: import it first.")
    try:
        if path.is_dir():
            return _refuse(file, "This is a folder, not a lesson file.")
        if not path.exists():
            return _refuse(file, _missing(path))
        if not path.is_file():
            return _refuse(file, "This is not an ordinary file, so it cannot be a lesson.")
        size = path.stat().st_size
        if size > MAX_LESSON_BYTES:
            return _refuse(file, _too_big(size))
        with path.open("rb") as handle:
            data = handle.read(MAX_LESSON_BYTES + 1)
    except PermissionError:
        return _refuse(file, "Lesson Lab is not allowed to read this file.")
    except OSError as error:
        return _refuse(file, f"This file cannot be read ({error.strerror or error}).")
    if len(data) > MAX_LESSON_BYTES:  # it grew while we looked
        return _refuse(file, _too_big(len(data)))
    text, problem = decode_lesson_bytes(data, file)
    if problem is not None:
        return LoadResult(None, (problem,))
    return _parse(text, path)


def _missing(path: Path) -> str:
    """Why ``path`` is not there: gone, or a shortcut (link) to nothing or to itself."""
    if not path.is_symlink():
        return "This file cannot be found."
    try:
        path.resolve(strict=True)
    except RuntimeError:  # a link that leads back to itself (Python 3.10 to 3.12)
        return "This is a link that leads back to itself, so there is no lesson to open."
    except OSError as error:
        if error.errno == errno.ELOOP:  # the same, from Python 3.13
            return "This is a link that leads back to itself, so there is no lesson to open."
    return "This is a link to a file that is no longer there."


def _too_big(size: int) -> str:
    return (
        f"This file is {size / (1024 * 1024):.1f} MB, which is too big for a lesson "
        f"(the largest Lesson Lab opens is {MAX_LESSON_BYTES // (1024 * 1024)} MB)."
    )


def utf16_text(data: bytes) -> str | None:
    """The text of UTF-16 bytes that start with a byte-order mark, else None.

    Windows Notepad's "Unicode" (and "Unicode big endian") saves text so: two
    bytes a character, many of them zero, which would otherwise look like a
    binary file. Raises UnicodeDecodeError when such bytes are damaged (an odd
    number of them, half a character pair).
    """
    if data.startswith(codecs.BOM_UTF32_LE):  # not UTF-16, though it starts the same way
        return None
    for mark, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(mark):
            return data[len(mark):].decode(codec)
    return None


def decode_lesson_bytes(data: bytes, file: str) -> tuple[str, Problem | None]:
    """The text of a lesson file, or a problem saying why it is not text.

    UTF-8 (with or without a byte-order mark), or UTF-16 with one.
    """
    if not data.strip():
        return "", Problem(file, 1, "This file is empty.")
    try:
        wide = utf16_text(data)
    except UnicodeDecodeError as error:
        read = error.object[:error.start].decode(error.encoding, errors="replace")
        return "", Problem(
            file,
            read.count("\n") + 1,
            "This file is saved as Unicode (UTF-16) text, but this line is damaged, so "
            "Lesson Lab cannot read it; save the file as UTF-8 and try again.",
        )
    if wide is not None:
        if not wide.strip():
            return "", Problem(file, 1, "This file is empty.")
        return _not_binary(wide, file)
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        return "", Problem(file, line, NOT_TEXT)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return "", Problem(
            file,
            line,
            "This file is not saved as UTF-8 text, so Lesson Lab cannot read this line; "
            "save the file as UTF-8 and try again.",
        )
    return _not_binary(text, file)


def _not_binary(text: str, file: str) -> tuple[str, Problem | None]:
    """``text``, or a problem when it is mostly control characters (binary data)."""
    controls = _CONTROL.findall(text)
    if len(controls) > max(8, len(text) // 100):
        first = _CONTROL.search(text)
        line = text.count("\n", 0, first.start() if first else 0) + 1
        return "", Problem(file, line, NOT_TEXT)
    return text, None


def _parse(text: str, source: Path | None) -> LoadResult:
    file = str(source) if source is not None else "<lesson>"
    if len(text) > MAX_LESSON_BYTES // 4 and len(text.encode("utf-8")) > MAX_LESSON_BYTES:
        return _refuse(file, _too_big(len(text.encode("utf-8"))))
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return _refuse(file, "This file is empty.")
    lines = text.split("\n")

    opening = next(i for i, line in enumerate(lines) if line.strip())
    if lines[opening].rstrip() != "---":
        return _refuse(
            file,
            "This lesson has no details at the top: it should start with a '---' line, then the "
            "title and other details, then another '---' line.",
            opening + 1,
        )
    closing = next(
        (i for i in range(opening + 1, len(lines)) if _FENCE.match(lines[i])), None
    )
    if closing is None:
        return _refuse(
            file,
            "The details at the top start on this line but have no closing '---' line.",
            opening + 1,
        )

    front = read_front_matter(
        "\n".join(lines[opening + 1 : closing]), first_line=opening + 2, file=file
    )
    problems = list(front.problems)
    if front.fields is None:
        return LoadResult(None, tuple(problems))

    body_text = "\n".join(lines[closing + 1 :])
    body = parse_body(body_text, first_line=closing + 2, file=file)
    problems.extend(body.problems)
    sections = _check_images(body.sections, source, file, problems)
    if not sections:
        problems.append(
            Problem(file, closing + 1, "This lesson has no text after its details at the top.",
                    "warning")
        )
    lesson = Lesson(sections=sections, source=source, body=body_text, **front.fields)
    problems.sort(key=lambda problem: problem.line)
    return LoadResult(lesson, tuple(problems))


def _check_images(
    sections: tuple[Section, ...], source: Path | None, file: str, problems: list[Problem]
) -> tuple[Section, ...]:
    """Report images with no alt text or no file; fill in the paths that exist."""
    base = source.parent if source is not None else None
    checked: list[Section] = []
    for section in sections:
        blocks = []
        for block in section.blocks:
            if isinstance(block, Image):
                block = _check_image(block, base, file, problems)
            blocks.append(block)
        checked.append(replace(section, blocks=tuple(blocks)))
    return tuple(checked)


def _check_image(image: Image, base: Path | None, file: str, problems: list[Problem]) -> Image:
    if not image.alt.strip():
        problems.append(
            Problem(
                file,
                image.line,
                f"The image '{image.src}' has no alt text, so a screen reader cannot "
                "describe it.",
                "warning",
            )
        )
    if _URL.match(image.src) and not re.match(r"^[a-zA-Z]:[\\/]", image.src):
        problems.append(
            Problem(
                file,
                image.line,
                f"The image '{image.src}' is not a file beside the lesson; Lesson Lab "
                "works offline, so save the image into the lesson's folder.",
                "warning",
            )
        )
        return image
    if base is None:
        return image
    path = base / unquote(image.src)
    if not path.is_file():
        problems.append(
            Problem(
                file, image.line, f"The image file '{image.src}' cannot be found.", "warning"
            )
        )
        return image
    return replace(image, path=path)
