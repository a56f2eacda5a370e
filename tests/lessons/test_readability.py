"""Readability: syllables, sentences and the published formulas.

The syllable counter is a spelling heuristic, so it is measured rather than
trusted: TUNED are words it was written against (dictionary counts, British
pronunciation); HELD_OUT are school words written down before it was run on
them and never tuned on. Measured when written: 134 of 136 tuned words and
94 of 100 held-out words exact, and none more than one syllable out.
"""

from __future__ import annotations

import math

import pytest

from lessons.readability import (
    SYLLABLE_EXCEPTIONS,
    count_syllables,
    flesch_kincaid_grade,
    flesch_reading_ease,
    readability,
    reading_age,
    smog_grade,
    split_sentences,
    text_stats,
    words,
)

TUNED = [
    ("the", 1),
    ("cat", 1),
    ("water", 2),
    ("table", 2),
    ("tables", 2),
    ("little", 2),
    ("make", 1),
    ("makes", 1),
    ("jumped", 1),
    ("wanted", 2),
    ("needed", 2),
    ("played", 1),
    ("boxes", 2),
    ("places", 2),
    ("pages", 2),
    ("called", 1),
    ("happy", 2),
    ("happier", 3),
    ("earliest", 3),
    ("flying", 2),
    ("studying", 3),
    ("going", 2),
    ("seeing", 2),
    ("every", 2),
    ("yellow", 2),
    ("layer", 2),
    ("royal", 2),
    ("station", 2),
    ("vision", 2),
    ("special", 2),
    ("actual", 3),
    ("usually", 4),
    ("language", 2),
    ("equal", 2),
    ("violin", 3),
    ("radio", 3),
    ("piano", 3),
    ("medium", 3),
    ("geography", 4),
    ("biology", 4),
    ("bacteria", 4),
    ("australia", 3),
    ("various", 3),
    ("curious", 3),
    ("delicious", 3),
    ("precious", 2),
    ("movement", 2),
    ("careful", 2),
    ("lately", 2),
    ("completely", 3),
    ("safely", 2),
    ("evaporation", 5),
    ("condensation", 4),
    ("precipitation", 5),
    ("collection", 3),
    ("infiltration", 4),
    ("transpiration", 4),
    ("photosynthesis", 5),
    ("hypotenuse", 4),
    ("triangle", 3),
    ("rectangle", 3),
    ("fraction", 2),
    ("numerator", 4),
    ("denominator", 5),
    ("chlorophyll", 3),
    ("nucleus", 3),
    ("membrane", 2),
    ("cytoplasm", 4),
    ("mitochondria", 5),
    ("ecosystem", 4),
    ("environment", 4),
    ("government", 3),
    ("temperature", 4),
    ("continuous", 4),
    ("enthusiasm", 4),
    ("prism", 2),
    ("tourism", 3),
    ("museum", 3),
    ("reaction", 3),
    ("create", 2),
    ("idea", 3),
    ("area", 3),
    ("quiet", 2),
    ("science", 2),
    ("client", 2),
    ("through", 1),
    ("thought", 1),
    ("though", 1),
    ("beautiful", 3),
    ("because", 2),
    ("before", 2),
    ("after", 2),
    ("different", 3),
    ("important", 3),
    ("remember", 3),
    ("together", 3),
    ("another", 3),
    ("animal", 3),
    ("animals", 3),
    ("interesting", 4),
    ("information", 4),
    ("communication", 5),
    ("persuasive", 3),
    ("argument", 3),
    ("audience", 3),
    ("inspector", 3),
    ("responsibility", 6),
    ("community", 4),
    ("healthy", 2),
    ("friendship", 2),
    ("hydrograph", 3),
    ("discharge", 2),
    ("flooding", 2),
    ("erosion", 3),
    ("tributary", 4),
    ("continue", 3),
    ("argue", 2),
    ("blue", 1),
    ("rescue", 2),
    ("fire", 1),
    ("hour", 1),
    ("our", 1),
    ("house", 1),
    ("houses", 2),
    ("horses", 2),
    ("eaten", 2),
    ("people", 2),
    ("below", 2),
    ("island", 2),
    ("abbreviation", 5),
    ("vocabulary", 5),
    ("definition", 4),
    ("anglo-saxons", 4),
    ("vikings", 2),
    ("shrewsbury", 3),
    ("gloucester", 2),
]

HELD_OUT = [
    ("habitat", 3),
    ("predator", 3),
    ("mammal", 2),
    ("reptile", 2),
    ("amphibian", 4),
    ("skeleton", 3),
    ("digestion", 3),
    ("oxygen", 3),
    ("carbon", 2),
    ("dioxide", 3),
    ("molecule", 3),
    ("atom", 2),
    ("electron", 3),
    ("magnetic", 3),
    ("gravity", 3),
    ("friction", 2),
    ("volcano", 3),
    ("earthquake", 2),
    ("continent", 3),
    ("equator", 3),
    ("climate", 2),
    ("weather", 2),
    ("medieval", 3),
    ("monarch", 2),
    ("parliament", 3),
    ("democracy", 4),
    ("invasion", 3),
    ("emperor", 3),
    ("soldier", 2),
    ("pharaoh", 2),
    ("pyramid", 3),
    ("decimal", 3),
    ("percentage", 3),
    ("multiply", 3),
    ("division", 3),
    ("perimeter", 4),
    ("symmetry", 3),
    ("parallel", 3),
    ("vertical", 3),
    ("horizontal", 4),
    ("equation", 3),
    ("algebra", 3),
    ("adjective", 3),
    ("adverb", 2),
    ("pronoun", 2),
    ("metaphor", 3),
    ("onomatopoeia", 6),
    ("narrator", 3),
    ("stanza", 2),
    ("rhyme", 1),
    ("chorus", 2),
    ("rhythm", 2),
    ("orchestra", 3),
    ("instrument", 3),
    ("algorithm", 4),
    ("program", 2),
    ("variable", 4),
    ("keyboard", 2),
    ("internet", 3),
    ("sequence", 2),
    ("selection", 3),
    ("repetition", 4),
    ("debugging", 3),
    ("bullying", 3),
    ("kindness", 2),
    ("respect", 2),
    ("emotions", 3),
    ("feelings", 2),
    ("wellbeing", 3),
    ("breathing", 2),
    ("exercise", 3),
    ("nutrition", 3),
    ("vitamins", 3),
    ("protein", 2),
    ("meander", 3),
    ("floodplain", 2),
    ("estuary", 4),
    ("deposition", 4),
    ("saturated", 4),
    ("rainfall", 2),
    ("reservoir", 3),
    ("immigration", 4),
    ("revolution", 4),
    ("industrial", 4),
    ("factory", 3),
    ("railway", 2),
    ("evacuee", 4),
    ("rationing", 3),
    ("wartime", 2),
    ("appeared", 2),
    ("decided", 3),
    ("stopped", 1),
    ("hoped", 1),
    ("smiled", 1),
    ("hurried", 2),
    ("carried", 2),
    ("tried", 1),
    ("loved", 1),
    ("listened", 2),
    ("travelled", 2),
]


@pytest.mark.parametrize(("word", "expected"), TUNED + HELD_OUT)
def test_every_word_is_at_most_one_syllable_out(word, expected):
    assert abs(count_syllables(word) - expected) <= 1


def _exact_share(table):
    checked = [(w, n) for w, n in table if w not in SYLLABLE_EXCEPTIONS]
    return sum(count_syllables(w) == n for w, n in checked) / len(checked)


def test_most_tuned_words_are_exact():
    assert _exact_share(TUNED) >= 0.95


def test_most_held_out_words_are_exact():
    # Measured at 0.94 when written; the floor leaves room for small changes.
    assert _exact_share(HELD_OUT) >= 0.90


@pytest.mark.parametrize(
    ("word", "expected"),
    [("well-known", 2), ("Water", 2), ("don't", 1), ("children's", 2), ("", 0), ("123", 0)],
)
def test_syllables_of_hyphens_capitals_apostrophes_and_non_words(word, expected):
    assert count_syllables(word) == expected


# -- sentences and words ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The cat sat. The dog ran!", ["The cat sat.", "The dog ran!"]),
        ("Is it wet? Yes.", ["Is it wet?", "Yes."]),
        ("Mr. Smith met Dr. Jones.", ["Mr. Smith met Dr. Jones."]),
        ("Add 3.5 grams. Stir well.", ["Add 3.5 grams.", "Stir well."]),
        ("Use e.g. a ruler. Then draw.", ["Use e.g. a ruler.", "Then draw."]),
        ("J. K. Rowling wrote it.", ["J. K. Rowling wrote it."]),
        ('He said "Stop!" Then he left.', ['He said "Stop!"', "Then he left."]),
        ("a list item with no full stop", ["a list item with no full stop"]),
        ("It ended in 1948. Then it grew.", ["It ended in 1948.", "Then it grew."]),
        ("Over  two\nlines. Still  one.", ["Over two lines.", "Still one."]),
        ("   ", []),
        ("...", []),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_words_skip_numbers_and_keep_inner_apostrophes_and_hyphens():
    assert words("In 1666 the well-known fire didn't stop for 4 days.") == [
        "In", "the", "well-known", "fire", "didn't", "stop", "for", "days",
    ]  # fmt: skip


# -- the formulas against published figures -----------------------------------


def test_flesch_kincaid_matches_wikipedias_worked_example():
    # "The Australian platypus is seemingly a hybrid of a mammal and reptilian
    # creature" is grade 11.3 with 24 syllables and 13 words (Wikipedia,
    # Flesch–Kincaid readability tests).
    assert flesch_kincaid_grade(words=13, sentences=1, syllables=24) == pytest.approx(
        11.3, abs=0.05
    )


def test_flesch_limits_published_for_one_syllable_one_word_sentences():
    # Wikipedia: the easiest reading ease possible is 121.22 and the lowest
    # Flesch–Kincaid grade −3.40, both for one-word sentences of one syllable.
    assert flesch_reading_ease(words=10, sentences=10, syllables=10) == pytest.approx(
        121.22, abs=0.005
    )
    assert flesch_kincaid_grade(words=10, sentences=10, syllables=10) == pytest.approx(
        -3.40, abs=0.005
    )


def test_the_cat_sat_on_the_mat():
    # The textbook easy sentence: six one-syllable words, reading ease about 116.
    stats = text_stats("The cat sat on the mat.")
    assert (stats.sentences, stats.words, stats.syllables, stats.polysyllables) == (1, 6, 6, 0)
    assert readability("The cat sat on the mat.").reading_ease == pytest.approx(116.1, abs=0.05)


def test_the_platypus_sentence_from_text_within_syllable_tolerance():
    text = "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."
    stats = text_stats(text)
    assert (stats.sentences, stats.words) == (1, 13)
    # Dictionaries differ on "Australian" and "reptilian"; allow two syllables.
    assert abs(stats.syllables - 24) <= 2
    assert readability(text).fk_grade == pytest.approx(11.3, abs=11.8 * 2 / 13 + 0.05)


# McLaughlin's SMOG conversion table (1969), as reproduced by the US National
# Cancer Institute: polysyllables in 30 sentences -> grade.
SMOG_TABLE = [
    (0, 2, 4), (3, 6, 5), (7, 12, 6), (13, 20, 7), (21, 30, 8), (31, 42, 9), (43, 56, 10),
    (57, 72, 11), (73, 90, 12), (91, 110, 13), (111, 132, 14), (133, 156, 15),
    (157, 182, 16), (183, 210, 17), (211, 240, 18),
]  # fmt: skip


@pytest.mark.parametrize(("low", "high", "grade"), SMOG_TABLE)
def test_smog_formula_agrees_with_mclaughlins_table(low, high, grade):
    middle = (low + high) // 2
    # The table rounds to the nearest perfect square, so the regression formula
    # lands within a grade of it in the middle of each band.
    assert abs(smog_grade(middle, 30) - grade) <= 1.0


def test_smog_formula_as_published_and_scaled_to_thirty_sentences():
    assert smog_grade(30, 30) == pytest.approx(1.0430 * math.sqrt(30) + 3.1291)
    # Fifteen sentences with 15 polysyllables scale to 30 in thirty sentences.
    assert smog_grade(15, 15) == pytest.approx(smog_grade(30, 30))
    assert smog_grade(0, 0) == 0.0


def test_text_counts_polysyllables_for_smog():
    text = "Photosynthesis happens. Evaporation is important. The cat sat."
    stats = text_stats(text)
    assert stats.sentences == 3
    assert stats.polysyllables == 3  # photosynthesis, evaporation, important
    assert readability(text).smog == pytest.approx(smog_grade(3, 3))


@pytest.mark.parametrize(("grade", "age"), [(1.0, 6.0), (6.3, 11.3), (-3.4, 5.0), (0.0, 5.0)])
def test_reading_age_is_grade_plus_five_never_below_five(grade, age):
    assert reading_age(grade) == pytest.approx(age)


def test_empty_text_gives_zeros_not_errors():
    r = readability("")
    assert r.stats.words == 0 and r.fk_grade == 0.0 and r.smog == 0.0
    assert r.to_dict()["smog_reliable"] is False


def test_harder_text_scores_higher_grades():
    easy = "The sun is hot. The sea is big. We swim in the sea. It is fun."
    hard = (
        "Photosynthesis, the biochemical transformation of electromagnetic radiation into "
        "chemical energy, occurs predominantly within chloroplasts, specialised organelles "
        "characteristic of photosynthetic organisms."
    )
    assert readability(hard).fk_grade > readability(easy).fk_grade + 10
    assert readability(hard).smog > readability(easy).smog + 5
