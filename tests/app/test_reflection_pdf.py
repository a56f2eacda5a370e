"""Practice records as A4 PDFs, read back with poppler (pdftotext, pdfinfo, pdffonts)
and pdfium (the font and place of each character)."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from app.reflection_pdf import export_reflection_pdf
from lessons.reflection import ReflectionStore
from lessons.scenarios import get_scenario
from tests.app.pdf_chars import find, lines, page_chars
from tests.lessons.reflection_helpers import AISHA, BST, FIRST_ANSWER, MAYA, make_session


def _text(pdf: Path) -> str:
    """The PDF's words, with the layout's line breaks and spacing squeezed out."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return " ".join(out.split())


def _info(pdf: Path) -> str:
    return subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout


def test_saved_record_as_pdf_has_the_scores_and_reflections(qapp, monkeypatch, tmp_path):
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "data"))
    ReflectionStore().save(make_session())
    (session,) = ReflectionStore().sessions()
    out = export_reflection_pdf([session], tmp_path / "record.pdf")
    assert out == tmp_path / "record.pdf"
    info = _info(out)
    assert re.search(r"Page size:\s+595(\.\d+)? x 842(\.\d+)? pts \(A4\)", info)
    assert "Title:           Adapting “The water cycle” for Maya (Year 4)" in info
    assert "Creator:         Lesson Lab" in info
    text = _text(out)
    assert "Date: Friday 14 March 2025 at 09:30" in text
    assert "Visual impairment 41 93 +52 90 (reached)" in text
    assert "Dyslexia 55 60 +5 no target" in text
    assert "Font size: 12 pt → 18 pt" in text
    assert "Lesson text: 1 line changed and 2 added." in text
    assert session.reflections[0].question in text
    assert FIRST_ANSWER in text
    assert "Her QTVI suggested a tactile copy." in text
    assert "Nothing was sent anywhere." in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "record.pdf"]


def test_several_records_as_one_log(qapp, tmp_path):
    maya = make_session(started=datetime(2025, 3, 14, 9, 30, tzinfo=timezone.utc))
    aisha = make_session(AISHA, started=datetime(2025, 5, 2, 15, 5, tzinfo=BST),
                         after="Dyslexia", scores_before={"dyslexia": 48},
                         scores_after={"dyslexia": 86},
                         answers={"What did you change first, and why?": "The font and tint."})
    out = export_reflection_pdf([aisha, maya], tmp_path / "log.pdf")
    assert "Title:           Lesson Lab practice log" in _info(out)
    text = _text(out)
    assert text.index("for Maya (Year 4)") < text.index("for Aisha (Year 10)")
    assert "Dyslexia 48 86 +38 85 (reached)" in text
    assert "The font and tint." in text
    assert text.count("Nothing was sent anywhere.") == 1


def test_a_new_export_replaces_an_old_file(qapp, tmp_path):
    out = tmp_path / "record.pdf"
    out.write_text("an old file")
    export_reflection_pdf([make_session()], out)
    assert out.read_bytes().startswith(b"%PDF")


def test_a_folder_that_does_not_exist_or_no_records(qapp, tmp_path):
    with pytest.raises(OSError, match="does not exist"):
        export_reflection_pdf([make_session()], tmp_path / "missing" / "record.pdf")
    with pytest.raises(ValueError, match="no practice records"):
        export_reflection_pdf([], tmp_path / "record.pdf")
    assert list(tmp_path.iterdir()) == []


def test_nothing_is_printed_in_italics(qapp, tmp_path):
    """The BDA style guide: italics are harder for many dyslexic readers to read."""
    out = export_reflection_pdf([make_session()], tmp_path / "record.pdf")
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           check=True).stdout
    assert "AtkinsonHyperlegible-Regular" in fonts  # the list is really read
    assert not re.search(r"italic|oblique", fonts, re.IGNORECASE), fonts


def test_answers_are_upright_and_each_question_is_bold_with_space_above(qapp, tmp_path):
    session = make_session()
    out = export_reflection_pdf([session], tmp_path / "record.pdf")
    chars = [char for page in page_chars(out) for char in page]
    questions = [find(chars, r.question) for r in session.reflections]
    answers = [find(chars, text) for text in (FIRST_ANSWER, "She follows the arrows with a "
                                              "finger.", "Her QTVI suggested a tactile copy.")]
    unanswered = [find(question[-1:] and chars[chars.index(question[-1]) + 1:], "Not answered.")
                  for question in questions[2:]]
    for printed in questions + answers + unanswered:
        assert printed, "a question or answer is missing from the PDF"
    for printed in answers + unanswered:
        assert {c.font for c in printed} == {"AtkinsonHyperlegible-Regular"}
    for printed in questions:
        assert {c.font for c in printed} == {"AtkinsonHyperlegible-Bold"}
    # Space sets each question apart from the answer above it, more than from its own.
    first, second = questions[1], answers[1]
    above = answers[0][-1].bottom - first[0].top
    below = first[-1].bottom - second[0].top
    assert above > 1.5 * below > 0


def test_pages_are_numbered_and_no_question_ends_a_page_without_its_answer(qapp, tmp_path):
    """Answers of many lengths move the questions down the pages; none is left behind."""
    prompts = get_scenario(MAYA).reflection_prompts
    sentence = "I made the print bigger and checked it with her QTVI."
    for count in range(0, 40, 2):
        answers = dict.fromkeys(prompts, "")
        answers[prompts[0]] = " ".join([sentence] * count) or "Yes."
        out = export_reflection_pdf([make_session(answers=answers)], tmp_path / "record.pdf")
        pages = page_chars(out)
        body = []
        for number, chars in enumerate(pages, start=1):
            printed = lines(chars)
            footer = "".join(c.text for c in printed[-1])
            assert footer == f"Page{number}of{len(pages)}", footer
            last = printed[-2]
            assert not all("Bold" in c.font for c in last), (
                f"{count} sentences: page {number} ends with the heading "
                f"{''.join(c.text for c in last)!r}")
            body += [c for line in printed[:-1] for c in line]
        # Without the page numbers, so a sentence that runs on over a page reads whole.
        every = "".join(c.text for c in body)
        # No line printed at the foot of one page and again at the top of the next.
        assert every.count("".join(prompts[1].split())) == 1
        assert every.count("".join(sentence.split())) == count


def _page_lines(pdf: Path) -> list[list[str]]:
    """Each page's lines as poppler reads that page alone (``pdftotext -f N -l N``)."""
    count = int(re.search(r"Pages:\s+(\d+)", _info(pdf)).group(1))
    pages = []
    for number in range(1, count + 1):
        out = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
                             capture_output=True, text=True, check=True).stdout
        pages.append([" ".join(line.split()) for line in out.splitlines() if line.strip()])
    return pages


def test_no_line_is_read_twice_at_a_page_break(qapp, tmp_path):
    """Qt draws the line before each page's first one too, hidden by the clip; a
    screen reader or pdftotext still read it, at the foot of one page and the
    top of the next. Answers of many lengths move the breaks through the text."""
    prompts = get_scenario(MAYA).reflection_prompts
    for count in range(6, 40, 3):
        answers = dict.fromkeys(prompts, "")
        # Numbered sentences, so no two printed lines are alike.
        sentences = [f"On day {day} I made the print bigger and checked it with her QTVI."
                     for day in range(1, count + 1)]
        answers[prompts[0]] = " ".join(sentences)
        out = export_reflection_pdf([make_session(answers=answers)], tmp_path / "record.pdf")
        pages = _page_lines(out)
        assert len(pages) >= 3
        for number, (page, following) in enumerate(zip(pages, pages[1:], strict=False), 1):
            assert page[-1] == f"Page {number} of {len(pages)}", page[-1]
            body = page[:-1]
            assert following[0] not in body[-3:], (
                f"{count} sentences: {following[0]!r} ends page {number} and starts the next")
        read = " ".join(line for page in pages for line in page[:-1])
        for sentence in sentences:
            assert read.count(sentence) == 1, f"{count} sentences: {sentence!r}"
