"""Learning objectives found in an imported document (lessons/import_objectives.py)."""

from __future__ import annotations

import pytest

from lessons.import_objectives import is_objectives_heading, take_objectives
from lessons.import_text import text_to_lesson
from lessons.model import Lesson, ListBlock, Paragraph, Section, Span, spans_text


def _paragraphs(*texts: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph((Span(text),), 1) for text in texts)


def _opening(*blocks) -> Lesson:
    return Lesson(title="Plants", sections=(Section("", 2, tuple(blocks), 1),
                                            Section("Roots", 2, _paragraphs("Roots drink."), 5)))


@pytest.mark.parametrize(("said", "objective"), [
    ("LO: To name the parts of a plant.", "To name the parts of a plant."),
    ("L.O. – name the parts of a plant", "Name the parts of a plant"),
    ("WALT: name the parts of a plant", "Name the parts of a plant"),
    ("LI: I can name the parts of a plant.", "I can name the parts of a plant."),
    ("Learning objective: to name the parts of a plant", "To name the parts of a plant"),
    ("Today's learning objective - label a plant", "Label a plant"),
    ("We are learning to name the parts of a plant.", "We are learning to name the parts of "
                                                       "a plant."),
])
def test_a_labelled_line_at_the_top_is_an_objective(said, objective):
    lesson, notes = take_objectives(_opening(*_paragraphs("Year 1 Science", said)), "x.pptx")
    assert lesson.objectives == (objective,)
    assert lesson.sections[0].blocks == _paragraphs("Year 1 Science")
    assert notes[0].message.startswith("1 learning objective was taken")


@pytest.mark.parametrize("said", [
    "Lots of plants grow in spring.",  # "Lo" is not a label
    "Aims high, the rocket flew.",
    "Objectives of the Romans were to conquer.",
    "Success criteria: I can label a root.",
])
def test_other_lines_stay_where_they_were(said):
    lesson = _opening(*_paragraphs(said))
    assert take_objectives(lesson, "x.pptx") == (lesson, [])


def test_a_bare_label_takes_the_list_after_it():
    lesson, _notes = take_objectives(_opening(
        *_paragraphs("Learning objectives:"),
        ListBlock(((Span("Name a root"),), (Span("Name a stem"),)), False, 2)), "x.docx")
    assert lesson.objectives == ("Name a root", "Name a stem")
    assert lesson.sections[0].blocks == ()


def test_a_section_headed_objectives_moves_whole_and_goes():
    lesson = Lesson(title="Plants", sections=(
        Section("Learning objectives", 2, (ListBlock(((Span("Name a root"),),), False, 3),), 2),
        Section("Roots", 2, _paragraphs("Roots drink."), 5)))
    taken, notes = take_objectives(lesson, "x.docx")
    assert taken.objectives == ("Name a root",)
    assert [s.heading for s in taken.sections] == ["Roots"]
    assert len(notes) == 1


def test_labels_later_in_the_lesson_are_left_alone():
    lesson = Lesson(title="Plants", sections=(Section("Roots", 2, _paragraphs(
        "LO: name a root"), 1),))
    assert take_objectives(lesson, "x.docx") == (lesson, [])


@pytest.mark.parametrize(("heading", "names_objectives"), [
    ("Learning objectives", True), ("Lesson objectives:", True), ("LO", True),
    ("WALT", True), ("Objectives", True), ("Learning intentions", True),
    ("Roots", False), ("Objectives of the Roman army", False),
])
def test_objectives_headings(heading, names_objectives):
    assert is_objectives_heading(heading) is names_objectives


def test_a_text_file_with_an_lo_line_has_it_as_its_objective():
    lesson, _notes = text_to_lesson("Plants\n\nLO: name the parts of a plant\n\nRoots drink.\n")
    assert lesson.objectives == ("Name the parts of a plant",)


def test_a_text_file_with_objective_lines_one_under_another_has_one_objective_each():
    # A teacher's Notepad file: no blank line between the labelled lines.
    lesson, _notes = text_to_lesson(
        "Volcanoes\nLO: Name the parts of a volcano.\nWALT: explain why volcanoes erupt.\n"
        "We are learning to draw a volcano\nand label it.\n\nA volcano is an opening.\n")
    assert lesson.objectives == ("Name the parts of a volcano.", "Explain why volcanoes erupt.",
                                 "We are learning to draw a volcano and label it.")


def test_success_criteria_under_an_objectives_heading_stay_as_text():
    criteria = ListBlock(((Span("I can find the denominator"),),), False, 4)
    lesson = Lesson(title="Fractions", sections=(Section("Learning objective", 2, (
        Paragraph((Span("To add fractions with the same denominator."),), 2),
        Paragraph((Span("Success criteria:"),), 3), criteria), 1),))
    taken, notes = take_objectives(lesson, "x.pptx")
    assert taken.objectives == ("To add fractions with the same denominator.",)
    assert taken.sections[0].blocks == (Paragraph((Span("Success criteria:"),), 3), criteria)
    assert notes[0].message.startswith("1 learning objective was taken")


def test_a_name_with_a_hyphen_is_not_a_label():
    lesson = _opening(*_paragraphs("Aim-high Academy, Year 8"))
    assert take_objectives(lesson, "x.pptx") == (lesson, [])


def test_an_objective_given_twice_is_taken_once():
    lesson, notes = take_objectives(_opening(*_paragraphs(
        "LO: to add fractions", "WALT: to add fractions")), "x.pptx")
    assert lesson.objectives == ("To add fractions",)
    assert notes[0].message.startswith("1 learning objective was taken")


def test_a_bare_label_with_no_list_after_it_stays_with_its_lines():
    lesson, _notes = take_objectives(_opening(*_paragraphs(
        "LO: to add fractions", "Objectives:", "Add two halves.", "Add two thirds.")), "x.pptx")
    assert lesson.objectives == ("To add fractions",)
    assert lesson.sections[0].blocks == _paragraphs(
        "Objectives:", "Add two halves.", "Add two thirds.")


@pytest.mark.parametrize("text", [
    # The label on a line of its own, the objectives a line each under it ...
    "Volcanoes\n\nLearning objectives:\nTo name the parts of a volcano\n"
    "to explain why volcanoes erupt\n\nWhat happens\nMagma rises.\n",
    # ... or after a blank line.
    "Volcanoes\n\nLearning objectives:\n\nTo name the parts of a volcano\n"
    "To explain why volcanoes erupt\n\nWhat happens\nMagma rises.\n",
])
def test_objective_lines_under_a_label_of_their_own_are_one_objective_each(text):
    # The README review: a .txt with "Learning objectives:" and the objectives on
    # the lines under it gave one objective, the two joined.
    lesson, _notes = text_to_lesson(text)
    assert [o.lower() for o in lesson.objectives] == [
        "to name the parts of a volcano", "to explain why volcanoes erupt"]
    body = " ".join(spans_text(b.spans) for s in lesson.sections for b in s.blocks
                    if hasattr(b, "spans"))
    assert "Magma rises." in body and "volcano" not in body


def test_an_indented_line_still_carries_an_objective_on():
    lesson, _notes = text_to_lesson(
        "Volcanoes\n\nLearning objectives:\nTo name the parts of a volcano and\n"
        "   say what each part does\nTo explain why volcanoes erupt\n\nMagma rises.\n")
    assert [o.lower() for o in lesson.objectives] == [
        "to name the parts of a volcano and say what each part does",
        "to explain why volcanoes erupt"]
