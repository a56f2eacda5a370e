"""Key-words lists in real Word and text files, imported, loaded back and opened to edit.

The documents are built here with python-docx (or written as text), imported
through the real importer into a lessons folder, and read with the real
loader; the round trip goes through the real command line and the lesson
editor's details form.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from lessons.checker import check
from lessons.import_key_words import MAX_WORDS
from lessons.importers import import_into_folder
from lessons.lesson_docx import write_lesson_docx
from lessons.library import builtin_folder, lesson_files
from lessons.loader import load_lesson
from lessons.model import plain_text
from lessons.profile import Profile

ROOT = Path(__file__).resolve().parents[2]

# A Year 9 geography lesson as a teacher might write it: a glossary table with
# a bold header row, one word with no meaning yet, then the lesson.
RIVER_WORDS = [
    ("source", "Where a river starts, usually in hills or mountains."),
    ("mouth", "Where a river meets the sea."),
    ("tributary", "A smaller river that joins a larger one."),
    ("confluence", "The place where two rivers meet."),
    ("meander", "A bend in a river."),
    ("V-shaped valley", "A steep valley that a river cuts in the uplands: shaped like a V."),
    ("flood plain", "The flat land beside a river that is covered when it floods."),
    ("discharge", "The amount of water flowing past a point, in cubic metres a second."),
]


def rivers_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Rivers and flooding", style="Title")
    document.add_paragraph("In this lesson we follow the River Severn from its source to "
                           "the sea.")
    document.add_heading("Key vocabulary", level=2)
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Key word", "Meaning"), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for word, meaning in RIVER_WORDS + [("impermeable", "")]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = word, meaning
    document.add_heading("The River Severn", level=2)
    document.add_paragraph("The Severn is the longest river in Britain. Its source is on "
                           "Plynlimon in Wales and its mouth is the Bristol Channel.")
    document.add_paragraph("Gather in the hills", style="List Bullet")
    document.add_paragraph("Flow to the sea", style="List Bullet")
    document.add_paragraph("Task: Mark the source, a tributary and the mouth on the map.")
    document.save(path)
    return path


def import_file(source: Path, folder: Path):
    """Import ``source`` into ``folder``: the lesson loaded back and the import's notes."""
    target, result = import_into_folder(source, folder)
    loaded = load_lesson(target)
    assert loaded.ok and not loaded.problems, loaded.problems
    return target, loaded.lesson, [problem.message for problem in result.problems]


def vocabulary(lesson) -> list[tuple[str, str]]:
    return [(entry.word, entry.definition) for entry in lesson.vocabulary]


def test_a_glossary_table_in_a_word_document_becomes_the_key_words(tmp_path):
    target, lesson, notes = import_file(rivers_docx(tmp_path / "Rivers.docx"),
                                        tmp_path / "lessons")
    assert vocabulary(lesson) == RIVER_WORDS
    assert notes[0] == ("8 key words were taken from 'Key vocabulary' into the lesson's "
                        "details; Lesson Lab shows them with their meanings under 'Key words' "
                        "at the end of the lesson.")
    assert notes[1] == ("'impermeable' under 'Key vocabulary' was left as text: it has no "
                        "meaning beside it.")
    # The word with no meaning stays in the table, under its header row; the rest is
    # the lesson's key words, as in the built-in lessons.
    text = target.read_text(encoding="utf-8")
    assert "vocabulary:\n  source: Where a river starts, usually in hills or mountains.\n" in text
    assert "| **Key word** | **Meaning** |\n|---|---|\n| impermeable |  |\n" in text
    assert "tributary" not in text.split("\n---\n", 1)[1].split("## The River Severn")[0]
    assert [s.heading for s in lesson.sections] == ["", "Key vocabulary", "The River Severn"]
    # Key words are what the checker's key-word rules and the lesson view go by.
    findings = {f.rule.id for f in check(lesson, Profile()).findings}
    assert "SLCN-vocabulary-list" not in findings and "SLCN-highlight-vocabulary" in findings


def label_docx(path: Path) -> Path:
    """A bold "Key words:" paragraph (not a heading), then lists and lines of entries."""
    document = docx.Document()
    document.add_heading("Healthy friendships", level=1)
    document.add_paragraph("Today we think about what makes a good friend.")
    document.add_paragraph().add_run("Key words:").bold = True
    document.add_paragraph("self-esteem – how you feel about yourself", style="List Bullet")
    document.add_paragraph("peer pressure - when friends push you to do something",
                           style="List Bullet")
    document.add_paragraph("trust: believing that someone will be honest: and kind",
                           style="List Bullet")
    document.add_paragraph("compromise", style="List Bullet")
    # Lines broken with Shift+Enter, and a word and its meaning lined up with a tab.
    broken = document.add_paragraph()
    run = broken.add_run("respect – treating people well")
    run.add_break()
    run.add_text("empathy — understanding how someone else feels")
    run.add_break(WD_BREAK.LINE)
    run.add_text("loyalty = sticking by a friend")
    tabbed = document.add_paragraph()
    tabbed.add_run("boundary").bold = True
    tabbed.add_run("\ta line you choose not to let others cross")
    document.add_paragraph("Talk to your partner about a time a friend helped you.")
    document.add_paragraph("kindness – not part of the list any more")
    document.save(path)
    return path


def test_a_key_words_label_with_lists_and_lines_in_a_word_document(tmp_path):
    target, lesson, notes = import_file(label_docx(tmp_path / "Friends.docx"), tmp_path)
    assert vocabulary(lesson) == [
        ("self-esteem", "how you feel about yourself"),
        ("peer pressure", "when friends push you to do something"),
        ("trust", "believing that someone will be honest: and kind"),
        ("respect", "treating people well"),
        ("empathy", "understanding how someone else feels"),
        ("loyalty", "sticking by a friend"),
        ("boundary", "a line you choose not to let others cross"),
    ]
    assert notes[0].startswith("7 key words were taken from 'Key words'")
    assert notes[1] == ("'compromise' under 'Key words' was left as text: it has no meaning "
                        "beside it.")
    body = target.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert "Key words:" in body and "- compromise\n" in body  # left under its label
    assert "self-esteem" not in body and "boundary" not in body
    assert "Talk to your partner" in body and "kindness – not part of the list" in body


def test_a_key_words_heading_over_a_paragraph_and_a_three_column_table(tmp_path):
    document = docx.Document()
    document.add_heading("Persuasive writing", level=1)
    document.add_heading("Key words", level=2)
    document.add_paragraph("We will meet lots of new words today: listen out for them.")
    document.add_heading("Glossary", level=2)
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Word", "Meaning", "Example"), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for cell, text in zip(table.rows[1].cells, ("rhetoric", "Persuasive speaking.",
                                                "Martin Luther King"), strict=True):
        cell.text = text
    document.add_heading("Audience", level=2)
    document.add_paragraph("Who are you writing for?")
    document.save(tmp_path / "Persuasion.docx")
    target, lesson, notes = import_file(tmp_path / "Persuasion.docx", tmp_path)
    assert lesson.vocabulary == ()
    assert [s.heading for s in lesson.sections] == ["Key words", "Glossary", "Audience"]
    assert "listen out for them" in plain_text(lesson) and "Martin Luther King" in plain_text(
        lesson)
    assert notes[0].startswith("Nothing under 'Key words' was read as key words")
    assert any("'Glossary' has 3 columns, so it was left as text" in n for n in notes)


def test_a_table_with_no_header_row_and_a_word_given_twice(tmp_path):
    document = docx.Document()
    document.add_heading("Cells", level=1)
    document.add_heading("Word bank", level=2)
    for word, meaning in (("nucleus", "Controls the cell."), ("cell membrane", "A thin skin.")):
        document.add_paragraph(f"{word} – {meaning}", style="List Number")
    document.add_heading("Glossary", level=2)
    table = document.add_table(rows=2, cols=2)
    for row, (word, meaning) in zip(table.rows, (("Nucleus", "The cell's control centre."),
                                                 ("chloroplast", "Where a plant makes food.")),
                                    strict=True):
        row.cells[0].text, row.cells[1].text = word, meaning
    document.add_heading("Looking at cells", level=2)
    document.add_paragraph("Use a microscope.")
    document.save(tmp_path / "Cells.docx")
    target, lesson, notes = import_file(tmp_path / "Cells.docx", tmp_path)
    assert vocabulary(lesson) == [("nucleus", "Controls the cell."),
                                  ("cell membrane", "A thin skin."),
                                  ("chloroplast", "Where a plant makes food.")]
    assert "'Nucleus | The cell's control centre.' under 'Glossary' was left as text: " \
           "'Nucleus' is a key word already." in notes
    assert [s.heading for s in lesson.sections] == ["Glossary", "Looking at cells"]


def test_a_table_titled_key_vocabulary_across_both_columns(tmp_path):
    # Common in knowledge organisers: no heading, the table's first row (two cells
    # merged) names it.
    document = docx.Document()
    document.add_heading("Earth and space", level=1)
    document.add_paragraph("The Earth is one of eight planets.")
    table = document.add_table(rows=4, cols=2)
    table.style = "Table Grid"
    title = table.cell(0, 0).merge(table.cell(0, 1))
    title.paragraphs[0].add_run("Key vocabulary").bold = True
    for row, (word, meaning) in zip(table.rows[1:], (("orbit", "The path of a planet."),
                                                     ("axis", "The line the Earth spins round."),
                                                     ("", "")), strict=True):
        row.cells[0].text, row.cells[1].text = word, meaning
    document.add_paragraph("Question: How long does the Earth take to orbit the Sun?")
    document.save(tmp_path / "Space.docx")
    target, lesson, notes = import_file(tmp_path / "Space.docx", tmp_path)
    assert vocabulary(lesson) == [("orbit", "The path of a planet."),
                                  ("axis", "The line the Earth spins round.")]
    assert notes == ["2 key words were taken from 'Key vocabulary' into the lesson's details; "
                     "Lesson Lab shows them with their meanings under 'Key words' at the end "
                     "of the lesson."]
    body = target.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert "|" not in body and "Key vocabulary" not in body and "> Question:" in body


@pytest.mark.slow
def test_built_in_lessons_saved_as_word_documents_come_back_with_their_key_words(tmp_path):
    # Lesson Lab's own Word export ends with "Key words" and "word: meaning" lines,
    # the shape of a teacher's glossary.
    for path in lesson_files(builtin_folder()):
        original = load_lesson(path).lesson
        saved = write_lesson_docx(original, Profile(), tmp_path / f"{path.stem}.docx").path
        target, lesson, notes = import_file(saved, tmp_path / "lessons")
        short = [e for e in original.vocabulary if len(e.word.split()) <= MAX_WORDS]
        assert lesson.vocabulary == tuple(short), path.name
        for entry in original.vocabulary:
            if entry not in short:  # too long to be sure of: left as text, and named
                assert any(n.startswith(f"'{entry.word}: ") and "too long" in n
                           for n in notes), notes
                assert entry.word in target.read_text(encoding="utf-8")


RIVERS_TEXT = """\
Rivers and flooding

In this lesson we follow the River Severn from its source to the sea.

Key words:
source – where a river starts, often in hills or mountains
mouth - where a river meets the sea
meander: a bend in a river
erosion – when water wears away rock and soil: it happens
  fastest in a flood
flood plain\tthe flat land beside a river that floods
self-esteem – not geography, but a hyphenated word all the same
the place where two rivers join together – confluence
deposition –

THE RIVER SEVERN
The Severn is the longest river in Britain.

Task: Label the source and the mouth on the map.
"""


def test_a_key_words_list_in_a_text_file(tmp_path):
    source = tmp_path / "Rivers.txt"
    source.write_text(RIVERS_TEXT, encoding="utf-8")
    target, lesson, notes = import_file(source, tmp_path / "lessons")
    assert vocabulary(lesson) == [
        ("source", "where a river starts, often in hills or mountains"),
        ("mouth", "where a river meets the sea"),
        ("meander", "a bend in a river"),
        ("erosion", "when water wears away rock and soil: it happens fastest in a flood"),
        ("flood plain", "the flat land beside a river that floods"),
        ("self-esteem", "not geography, but a hyphenated word all the same"),
    ]
    assert notes == [
        "6 key words were taken from 'Key words' into the lesson's details; Lesson Lab shows "
        "them with their meanings under 'Key words' at the end of the lesson.",
        "'the place where two rivers join together – confluence' under 'Key words' was left "
        "as text: the part before the '–' is too long for a key word (at most 5 words).",
        "'deposition –' under 'Key words' was left as text: it has no meaning after the '–'.",
    ]
    body = target.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert body.startswith("\nIn this lesson we follow the River Severn")
    assert "Key words:\n\nthe place where two rivers join together – confluence\n\n" \
           "deposition –\n\n## THE RIVER SEVERN" in body


def test_entries_each_in_a_paragraph_of_their_own_in_a_text_file(tmp_path):
    # One line each with blank lines between: short lines like these would be
    # headings anywhere else in a text file.
    source = tmp_path / "Space.txt"
    source.write_text("Earth and space\n\nKEY VOCABULARY\n\norbit – the path of a planet\n\n"
                      "axis - the line the Earth spins round\n\nThe Moon\n\n"
                      "The Moon orbits the Earth.\n", encoding="utf-8")
    _, lesson, notes = import_file(source, tmp_path)
    assert vocabulary(lesson) == [("orbit", "the path of a planet"),
                                  ("axis", "the line the Earth spins round")]
    assert [s.heading for s in lesson.sections] == ["The Moon"]
    assert notes[0].startswith("2 key words were taken from 'KEY VOCABULARY'")


def test_a_key_words_heading_over_a_plain_paragraph_in_a_text_file(tmp_path):
    source = tmp_path / "Story.txt"
    source.write_text("Writing a recount\n\nKey words\n\nUse time words such as first, next "
                      "and finally.\nThey help the reader.\n", encoding="utf-8")
    _, lesson, notes = import_file(source, tmp_path)
    assert lesson.vocabulary == ()
    assert [s.heading for s in lesson.sections] == ["Key words"]
    assert plain_text(lesson).endswith("Use time words such as first, next and finally. "
                                       "They help the reader.")
    assert notes == ["Nothing under 'Key words' was read as key words, so it was left as "
                     "text: write each one as 'word – meaning' on its own line, or in a table "
                     "of two columns."]


def lesson_lab(*args) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "app.cli", *map(str, args)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_imported_key_words_validate_on_the_command_line(tmp_path):
    words = tmp_path / "Words.txt"
    words.write_text("Odd key words\n\nGlossary\n\n- on – a word YAML reads as true\n"
                     "- 12:00 noon – a time\n- null: nothing at all\n- “quoted” – marks\n"
                     "- #hashtag – a tag\n\nThe lesson\n\nSome text.\n", encoding="utf-8")
    for source in (rivers_docx(tmp_path / "Rivers.docx"), words):
        out = tmp_path / "out" / f"{source.stem}.md"
        imported = lesson_lab("lessons", "import", source, "--out", out)
        assert imported.returncode == 0, imported.stderr
        assert "key words were taken from" in imported.stdout
        validated = lesson_lab("lessons", "validate", out)
        assert validated.returncode == 0 and validated.stdout.strip() == "1 lesson, no problems"
    assert vocabulary(load_lesson(tmp_path / "out" / "Words.md").lesson) == [
        ("on", "a word YAML reads as true"), ("12:00 noon", "a time"),
        ("null", "nothing at all"), ("quoted", "marks"), ("#hashtag", "a tag")]


def test_an_imported_lesson_opens_in_the_details_form_to_edit(qtbot, tmp_path):
    from widgets.lesson_editor import LessonEditor

    target, lesson, _ = import_file(rivers_docx(tmp_path / "Rivers.docx"), tmp_path)
    editor = LessonEditor()
    qtbot.addWidget(editor)
    editor.set_text(target.read_text(encoding="utf-8"), target)
    form = editor.details
    assert form.key_words.entries() == lesson.vocabulary and len(lesson.vocabulary) == 8
    assert not form.key_words.is_read_only() and form.locked_fields() == {}
    assert not form.showing_text()


def test_a_dash_list_of_key_words_ends_at_a_blank_line_and_text_in_another_form(tmp_path):
    # Under a "Key words" heading: what follows the list after a blank line is the
    # lesson's text again ("Fractions are everywhere: …" is shaped like a key word).
    source = tmp_path / "Fractions.txt"
    source.write_text("Fractions\n\nStarter\n\nShow a pizza cut into 8 slices.\n\nKey words\n\n"
                      "- numerator – the top number\n- denominator – the bottom number\n\n"
                      "Fractions are everywhere: pizzas, cakes and clocks.\n"
                      "Plenary: exit ticket.\n\nHomework\n\nSheet 3.\n", encoding="utf-8")
    target, lesson, notes = import_file(source, tmp_path / "lessons")
    assert vocabulary(lesson) == [("numerator", "the top number"),
                                  ("denominator", "the bottom number")]
    assert [s.heading for s in lesson.sections] == ["Starter", "Homework"]
    assert [line for line in plain_text(lesson).split("\n") if line] == [
        "Starter", "Show a pizza cut into 8 slices.",
        "Fractions are everywhere: pizzas, cakes and clocks. Plenary: exit ticket.",
        "Homework", "Sheet 3."]
    assert notes == ["2 key words were taken from 'Key words' into the lesson's details; "
                     "Lesson Lab shows them with their meanings under 'Key words' at the end "
                     "of the lesson."]


def test_an_emailed_plan_keeps_its_plenary_and_drops_its_sign_off(tmp_path):
    # "Key words" straight above its list (a label, not a heading), as emails have it.
    source = tmp_path / "Thursday.txt"
    source.write_text("Hi all,\n\nLesson: Adding fractions\n\nStarter\n- Show a pizza\n\n"
                      "Key words\n- numerator – the top number in a fraction\n"
                      "- denominator – the bottom number in a fraction\n\n"
                      "Plenary: exit ticket.\nThanks, Jo\n", encoding="utf-8")
    target, lesson, notes = import_file(source, tmp_path / "lessons")
    assert vocabulary(lesson) == [("numerator", "the top number in a fraction"),
                                  ("denominator", "the bottom number in a fraction")]
    body = target.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert body.rstrip().endswith("- Show a pizza\n\nPlenary: exit ticket.")
    assert "Thanks" not in body and "Key words" not in body
    assert "'Thanks, Jo' on line 13 is the email's sign-off, so it was left out of the " \
           "lesson." in notes


def test_lesson_parts_and_sign_offs_are_never_key_words():
    from lessons.import_key_words import read_entry

    for line in ("Plenary: exit ticket.", "Starter – show a pizza", "Thanks – Jo",
                 "Kind regards: Jo", "WILF: three reasons"):
        assert read_entry(line) is None, line
    assert read_entry("numerator – the top number").word == "numerator"


def test_a_paragraph_after_a_key_words_table_goes_on_in_the_section_before(tmp_path):
    document = docx.Document()
    document.add_heading("Rocks", level=1)
    document.add_heading("Questions", level=2)
    document.add_paragraph("Which rock is the hardest?")
    document.add_heading("Key words", level=2)
    table = document.add_table(rows=2, cols=2)
    for row, pair in zip(table.rows, (("igneous", "made from cooled magma"),
                                      ("sedimentary", "made from layers")), strict=True):
        row.cells[0].text, row.cells[1].text = pair
    document.add_paragraph("metamorphic – changed by heat")  # one more entry: still the list
    extension = document.add_paragraph()
    extension.add_run("Extension:").italic = True
    extension.add_run(" find a fossil in a sedimentary rock.")
    document.add_heading("Homework", level=2)
    document.add_paragraph("Bring in a rock.")
    document.save(tmp_path / "Rocks.docx")
    target, lesson, notes = import_file(tmp_path / "Rocks.docx", tmp_path)
    assert vocabulary(lesson) == [("igneous", "made from cooled magma"),
                                  ("sedimentary", "made from layers"),
                                  ("metamorphic", "changed by heat")]
    assert [s.heading for s in lesson.sections] == ["Questions", "Homework"]
    body = target.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert "Which rock is the hardest?\n\n*Extension:* find a fossil in a sedimentary " \
           "rock.\n\n## Homework" in body
    assert notes[0].startswith("3 key words were taken from 'Key words'")
