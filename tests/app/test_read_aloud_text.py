"""What to read aloud and where each spoken word is: pure functions, no Qt, no engine."""

from __future__ import annotations

import pytest

from app.read_aloud_text import (
    DocumentText,
    TextBlock,
    block_sentences,
    plan_from,
    plan_lesson,
    plan_section,
    plan_selection,
    plan_text,
    section_range,
    words_of,
)
from speech.tts.word_timing import word_spans

SEP = "\u2029"  # QTextDocument's paragraph separator


def document(*blocks: tuple[int, str]) -> DocumentText:
    """A document from (heading level, text) blocks, joined as QTextDocument joins them."""
    text, made = "", []
    for level, body in blocks:
        if made:
            text += SEP
        made.append(TextBlock(len(text), len(text) + len(body), level))
        text += body
    return DocumentText(text, tuple(made))


LESSON = document(
    (1, "Rivers"),
    (0, "Rivers start high up in hills. They flow down to the sea."),
    (2, "How rivers flow"),
    (0, "Water flows downhill, e.g. in a valley. Mr. Jones said “Look!” Then it rains."),
    (3, "In the mountains"),
    (0, "It is cold."),
    (2, "Floods"),
    (0, "Heavy rain can flood a town\u00a0centre"),
)


def sentence_texts(plan) -> list[str]:
    return [plan.document.text[s.start:s.end] for s in plan.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        ("Use a ruler, e.g. a long one. Then draw.",
         ["Use a ruler, e.g. a long one.", "Then draw."]),
        ("Ask Mr. Jones and Dr. Patel. Then go.", ["Ask Mr. Jones and Dr. Patel.", "Then go."]),
        ("J. K. Rowling wrote it. Read it.", ["J. K. Rowling wrote it.", "Read it."]),
        ("He said “Stop!” Then he ran.", ["He said “Stop!”", "Then he ran."]),
        ("Wait... Now go.", ["Wait...", "Now go."]),
        ("It weighs 3.5 kg. Lift it.", ["It weighs 3.5 kg.", "Lift it."]),
        ("   Spaces around.   ", ["Spaces around."]),
        ("\ufffc", []),  # a picture has no words
        ("— . —", []),
    ],
)
def test_sentences_in_a_block(text, expected):
    doc = DocumentText(text, (TextBlock(0, len(text)),))
    assert [text[s.start:s.end] for s in block_sentences(doc, doc.blocks[0])] == expected


def test_the_lesson_plan_is_every_sentence_block_by_block():
    assert sentence_texts(plan_lesson(LESSON)) == [
        "Rivers", "Rivers start high up in hills.", "They flow down to the sea.",
        "How rivers flow", "Water flows downhill, e.g. in a valley.", "Mr. Jones said “Look!”",
        "Then it rains.", "In the mountains", "It is cold.", "Floods",
        "Heavy rain can flood a town\u00a0centre",
    ]


def test_a_chunk_maps_every_spoken_word_back_to_the_document():
    plan = plan_lesson(LESSON)
    index, located = 0, []
    while index < len(plan.sentences):
        chunk = plan.chunk(index, max_chars=60)
        assert "\u2029" not in chunk.text and "\u00a0" not in chunk.text
        for start, end in word_spans(chunk.text):
            spoken = chunk.locate(start, end - start)
            if spoken is None:
                continue
            word = LESSON.text[spoken.start:spoken.start + spoken.length]
            assert word == chunk.text[start:end]
            sentence = plan.sentences[spoken.sentence]
            assert sentence.start <= spoken.start < sentence.end
            located.append(word)
        index += chunk.count
    assert located == words_of(LESSON.text)


def test_blocks_without_an_end_mark_get_a_full_stop_for_the_pause():
    chunk = plan_lesson(LESSON).chunk(0, max_chars=10_000)
    assert chunk.text.startswith("Rivers. Rivers start high up in hills. They flow")
    assert "How rivers flow. Water flows" in chunk.text
    assert "said “Look!” Then it rains." in chunk.text
    assert chunk.text.endswith("town centre.")
    assert chunk.count == len(plan_lesson(LESSON).sentences)


def test_chunks_hold_whole_sentences_and_at_least_one():
    plan = plan_lesson(LESSON)
    chunk = plan.chunk(1, max_chars=40)
    assert chunk.text == "Rivers start high up in hills."
    assert plan.chunk(4, max_chars=5).count == 1  # one long sentence is never split


def test_plan_from_the_caret_starts_at_the_word_under_it():
    caret = LESSON.text.index("flow down") + 2
    assert sentence_texts(plan_from(LESSON, caret))[:2] == ["flow down to the sea.",
                                                             "How rivers flow"]
    between = LESSON.text.index(" to the sea")
    assert sentence_texts(plan_from(LESSON, between))[0] == "to the sea."


def test_plan_selection_is_widened_to_whole_words():
    start = LESSON.text.index("ills.")  # inside "hills"
    end = LESSON.text.index("the sea") + 2  # inside "the"
    assert sentence_texts(plan_selection(LESSON, start, end)) == ["hills.", "They flow down to the"]
    # Backwards selections read the same.
    assert sentence_texts(plan_selection(LESSON, end, start)) == ["hills.", "They flow down to the"]
    space = LESSON.text.index(" to the sea")
    assert not plan_selection(LESSON, space, space + 1), "a space alone has nothing to read"


def test_sections_run_from_their_heading_to_the_next_of_their_rank():
    text = LESSON.text
    caret = text.index("Mr. Jones")
    start, end = section_range(LESSON, caret)
    assert text[start:end].startswith("How rivers flow")
    assert "In the mountains" in text[start:end], "a ## section takes in its ### sections"
    assert text[end:].startswith("Floods")
    inner = section_range(LESSON, text.index("cold"))
    assert text[inner[0]:inner[1]] == f"In the mountains{SEP}It is cold.{SEP}"
    front = section_range(LESSON, 2)
    assert text[front[0]:front[1]].startswith("Rivers") and text[front[1]:].startswith("How")
    assert sentence_texts(plan_section(LESSON, text.index("Heavy"))) == [
        "Floods", "Heavy rain can flood a town\u00a0centre"]


def test_text_before_any_heading_is_a_section_of_its_own():
    doc = document((0, "Read this first."), (2, "Part one"), (0, "Then this."))
    assert sentence_texts(plan_section(doc, 3)) == ["Read this first."]


def test_sentence_at_finds_the_sentence_holding_a_position():
    plan = plan_lesson(LESSON)
    text = LESSON.text
    assert plan.sentence_at(text.index("They")) == 2
    assert plan.sentence_at(text.index("sea.") + 3) == 2
    assert plan.sentence_at(len(text)) == len(plan.sentences) - 1


def test_text_outside_the_view_and_empty_text():
    plan = plan_text("erosion. When water wears away rock.")
    assert sentence_texts(plan) == ["erosion.", "When water wears away rock."]
    assert not plan_lesson(document((0, "   "), (0, "\ufffc")))
