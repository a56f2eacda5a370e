"""The pure text rules behind ALL CAPS suppression and key-word highlighting."""

import pytest

from widgets.text_rules import capital_runs, vocabulary_matches, vocabulary_pattern


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("STOP AND THINK before you write.", [(0, "Stop and think")]),
        ("This is IMPORTANT.", [(8, "important")]),  # mid-sentence: no capital
        ("YES I CAN", [(0, "Yes I can")]),  # "I" keeps its capital
        ("WELL I'M READY. GO", [(0, "Well I'm ready")]),  # "GO" alone: maybe an acronym
        ("“STOP HERE,” she said.", [(1, "Stop here")]),  # a quotation mark is not a word
        ("WATER: IT EVAPORATES", [(0, "Water"), (7, "It evaporates")]),
        ("Pupils with SEN in KS2 and the BBC.", []),  # acronyms and digits stay
        ("A I", []),
        ("READ A BOOK", [(0, "Read a book")]),
        ("DON'T RUN", [(0, "Don't run")]),
        ("mixed Case Words", []),
        ("", []),
    ],
)
def test_capital_runs(text, expected):
    assert capital_runs(text) == expected


def test_a_run_after_the_text_before_it_in_its_paragraph_is_mid_sentence():
    # "Text in **ALL CAPITALS**": the bold span is its own text, after "Text in ".
    assert capital_runs("ALL CAPITALS", "Text in ") == [(0, "all capitals")]
    assert capital_runs("ALL CAPITALS", "Look. ") == [(0, "All capitals")]
    assert capital_runs("ALL CAPITALS") == [(0, "All capitals")]


def test_capital_run_replacements_keep_their_length():
    text = "WHEN THE SUN SHINES, WATER EVAPORATES."
    for start, replacement in capital_runs(text):
        original = text[start : start + len(replacement)]
        assert original.lower() == replacement.lower()


def test_vocabulary_matches_whole_words_any_case_and_plurals():
    words = ["water cycle", "cycle", "evaporation"]
    pattern = vocabulary_pattern(words)
    text = "The Water Cycle is a cycle. Cycles repeat; evaporations happen; bicycle no."
    found = vocabulary_matches(text, pattern, words)
    assert [(text[s:e], w) for s, e, w in found] == [
        ("Water Cycle", "water cycle"),
        ("cycle", "cycle"),
        ("Cycles", "cycle"),
        ("evaporations", "evaporation"),
    ]


def test_no_vocabulary_finds_nothing():
    assert vocabulary_matches("anything", vocabulary_pattern([]), []) == []


def test_marked_pieces_case_capitals_in_context_and_keep_key_words_apart():
    from lessons.model import Span
    from lessons.text_rules import marked_pieces

    spans = (Span("Avoid "), Span("ALL CAPITALS", bold=True), Span(" near the water\ncycle."))
    words = ["water cycle"]
    pieces = list(marked_pieces(spans, vocabulary_pattern(words), words, suppress_caps=True))
    assert [(text, span.bold, key) for text, span, key in pieces] == [
        ("Avoid ", False, False), ("all capitals", True, False), (" near the ", False, False),
        ("water cycle", False, True), (".", False, False)]
    plain = list(marked_pieces(spans, None, [], suppress_caps=False, vocab=False))
    said = "".join(text for text, _span, _key in plain)
    assert said == "Avoid ALL CAPITALS near the water cycle."
