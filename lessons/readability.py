"""Readability estimates: syllables, sentences, Flesch–Kincaid and SMOG.

Pure functions on plain text, used by the language rules of the lesson
checker (lessons/checker_rules_language.py).

Every number here is an estimate, and the checker says so:

- :func:`count_syllables` is a spelling heuristic (vowel groups, with rules
  for silent ``e``, ``-ed``, ``-es`` and vowel pairs spoken as two sounds,
  plus a short list of exceptions). It agrees with a pronouncing dictionary
  on most everyday and school words, and is sometimes one out on unusual
  ones (``tests/lessons/test_readability.py`` measures how often).
- :func:`split_sentences` splits at ``.``, ``!`` and ``?`` followed by a space
  and a capital, a digit or a quotation mark, and knows common abbreviations
  (``Mr.``, ``e.g.``) and decimals (``3.5``).
- The formulas are the published ones:

  * Flesch–Kincaid grade (Kincaid et al., 1975):
    ``0.39 × words/sentences + 11.8 × syllables/words − 15.59``;
  * Flesch reading ease (Flesch, 1948):
    ``206.835 − 1.015 × words/sentences − 84.6 × syllables/words``;
  * SMOG grade (McLaughlin, 1969, as a formula):
    ``1.0430 × √(polysyllables × 30 / sentences) + 3.1291``, where a
    polysyllable has three or more syllables. McLaughlin built it on samples
    of 30 sentences; on fewer it is less reliable.

A US grade is turned into a reading age by adding five (grade 1 pupils are
six to seven years old), the usual conversion in UK schools.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

#: Words the rules below get wrong, with their syllables as a pronouncing
#: dictionary gives them (British pronunciation where it differs).
SYLLABLE_EXCEPTIONS: dict[str, int] = {
    "area": 3,
    "being": 2,
    "business": 2,
    "cafe": 2,
    "chocolate": 3,
    "colonel": 2,
    "create": 2,
    "created": 3,
    "creates": 2,
    "creating": 3,
    "creature": 2,
    "creatures": 2,
    "cruel": 2,
    "diagram": 3,
    "diagrams": 3,
    "diamond": 3,
    "element": 3,
    "elements": 3,
    "every": 2,
    "everyone": 3,
    "everything": 3,
    "everywhere": 3,
    "eye": 1,
    "eyepiece": 2,
    "eyes": 1,
    "family": 3,
    "fire": 1,
    "fuel": 2,
    "homework": 2,
    "idea": 3,
    "ideas": 3,
    "influence": 3,
    "lifetime": 2,
    "lion": 2,
    "lions": 2,
    "naive": 2,
    "people": 2,
    "persuade": 2,
    "persuasion": 3,
    "persuasive": 3,
    "poem": 2,
    "poems": 2,
    "poet": 2,
    "poetry": 3,
    "quiet": 2,
    "recipe": 3,
    "safety": 2,
    "science": 2,
    "scientist": 3,
    "scientists": 3,
    "simile": 3,
    "someone": 2,
    "something": 2,
    "sometimes": 2,
    "somewhere": 2,
    "theatre": 3,
    "theory": 3,
    "timeline": 2,
    "useful": 2,
    "video": 3,
    "videos": 3,
    "violent": 3,
    "wednesday": 2,
    "whole": 1,
    "zoo": 1,
}

_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# Two vowels written together but spoken as two syllables (hiatus).
_HIATUS = [
    re.compile(p)
    for p in (
        r"(?<![cstgx])ia",  # bacteria, piano; not special, Asia, militia
        r"(?<![cstgx])io(?!us$)",  # violin, radio; not station, vision, region
        r"iu",  # medium, stadium
        r"ii",  # skiing
        r"(?<!p)eo",  # geography, video; not people
        r"(?<![gq])ua",  # actual, usually; not language, equal
        r"(?<![gq])uo(?!us)",  # duo, fluorescent
        r"[^aeiouct]ie(?:n[ct]|t)",  # client, diet; not patient, ancient
        r"ie(?:r|st)$",  # happier, earliest
        r"(?<![cgtx])ious$",  # various, curious; not precious, anxious
        r"yi",  # flying, studying
        r"oing",  # going, doing
        r"eing",  # seeing, being
        r"^rea[ct](?!h)|crea[t]",  # react, reaction, creation; not reach, treat
        r"[^aeiou]ea$",  # idea, area
        r"[^aeiou]eum",  # museum
        r"[^aeiou]eus$",  # nucleus
        r"[aeiou]ism$|[^aeiou]ism$",  # prism, tourism
        r"asm$",  # enthusiasm, sarcasm
        r"uous",  # continuous, ambiguous
        r"uity$",  # continuity
        r"[^aeiou]uet",  # duet
    )
]
_SUFFIXES_AFTER_SILENT_E = re.compile(r"[aeiou][^aeiouy]e(ment|ments|ful|fully|less|ness|ly)$")


@lru_cache(maxsize=16384)
def count_syllables(word: str) -> int:
    """An estimate of how many syllables ``word`` has (0 for no letters).

    Hyphenated words count each part: ``well-known`` has two.
    """
    parts = [p for p in re.split(r"[-‐–]", word) if p]
    if len(parts) > 1:
        return sum(count_syllables(p) for p in parts)
    w = re.sub(r"[^a-z]", "", word.lower().replace("’", "'").split("'")[0])
    if not w:
        return 0
    if w in SYLLABLE_EXCEPTIONS:
        return SYLLABLE_EXCEPTIONS[w]
    if w.endswith("s") and w[:-1] in SYLLABLE_EXCEPTIONS:
        return SYLLABLE_EXCEPTIONS[w[:-1]]
    if len(w) <= 3:
        return 1
    # A "y" starting the word or between vowels is a consonant (yellow, layer).
    spelled = ("#" + w[1:]) if w[0] == "y" else w
    spelled = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "#", spelled)
    count = len(_VOWEL_GROUP.findall(spelled))

    if _silent_final_e(spelled):
        count -= 1
    elif _silent_es_or_ed(spelled):
        count -= 1
    if _SUFFIXES_AFTER_SILENT_E.search(spelled):
        count -= 1  # movement, careful, lately: the "e" of move, care, late is silent
    if re.search(r"[^aeiou]ely$", spelled) and not _SUFFIXES_AFTER_SILENT_E.search(spelled):
        count -= 1
    count += sum(1 for pattern in _HIATUS if pattern.search(spelled))
    return max(1, count)


def _silent_final_e(w: str) -> bool:
    """A final "e" after a consonant is silent, except in "-le" after a consonant (table)."""
    if not w.endswith("e") or len(w) < 3 or w[-2] in "aeiouy":
        return False
    if w.endswith("le") and w[-3] not in "aeiouy":
        return False  # table, little: the "le" is a syllable
    return True


def _silent_es_or_ed(w: str) -> bool:
    """The "e" of "-es" or "-ed" is usually silent (makes, jumped)."""
    if len(w) < 4 or w[-3] in "aeiouy":
        return False
    if w.endswith("es"):
        if w[-3] in "sxz" or w.endswith(("ches", "shes", "ges", "ces")):
            return False  # boxes, watches, pages, places
        if w.endswith("les") and w[-4] not in "aeiouy":
            return False  # tables
        return True
    if w.endswith("ed"):
        if w[-3] in "td":
            return False  # wanted, needed
        if w.endswith("led") and w[-4] not in "aeiouyl":
            return False  # bubbled, puzzled
        return True
    return False


# -- words and sentences ----------------------------------------------------

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’‐-][A-Za-z\u00c0-\u024f]+)*")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "prof", "sr", "jr", "vs", "etc", "eg", "ie",
    "no", "fig", "approx", "dept", "est", "inc", "ltd", "mt", "rd", "ave",
}  # fmt: skip
_BOUNDARY = re.compile(r"([.!?]+)([\"'’”)\]]*)\s+(?=[\"'‘“(\[]?[A-Z0-9])")


def words(text: str) -> list[str]:
    """The words of ``text``: runs of letters, with inner apostrophes and hyphens.

    Numbers written in digits are not words here (the formulas were built on
    words), so ``20 minutes`` has one word.
    """
    return _WORD.findall(text)


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` (a paragraph, say), without empty ones.

    A sentence ends at ``.``, ``!`` or ``?`` followed by a space and then a
    capital letter, a digit or an opening quotation mark; a full stop after a
    known abbreviation or a single capital letter (initials) does not end one.
    Text with no end punctuation is one sentence.
    """
    text = " ".join(text.split())
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        before = text[start : match.start()]
        last = re.findall(r"[A-Za-z.]+$", before)
        token = last[0].replace(".", "").lower() if last else ""
        if match.group(1) == "." and (
            token in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", last[0] if last else "")
        ):
            continue
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if words(s)]


# -- the formulas -----------------------------------------------------------


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """Flesch–Kincaid grade level from counts (0 when there are no words)."""
    if words == 0 or sentences == 0:
        return 0.0
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch reading ease from counts: higher is easier, about 0 to 100."""
    if words == 0 or sentences == 0:
        return 0.0
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def smog_grade(polysyllables: int, sentences: int) -> float:
    """SMOG grade from counts, scaled to McLaughlin's 30-sentence sample."""
    if sentences == 0:
        return 0.0
    return 1.0430 * math.sqrt(polysyllables * 30 / sentences) + 3.1291


def reading_age(grade: float) -> float:
    """A US grade as a reading age in years (grade + 5), never below 5."""
    return max(5.0, grade + 5.0)


@dataclass(frozen=True)
class TextStats:
    """Counts of a text: sentences, words, syllables and polysyllables (3+)."""

    sentences: int
    words: int
    syllables: int
    polysyllables: int


def text_stats(texts: str | Iterable[str]) -> TextStats:
    """Count sentences, words and syllables in one text or several.

    Each text of an iterable is split into sentences on its own, so a list
    item with no full stop still counts as one sentence.
    """
    if isinstance(texts, str):
        texts = [texts]
    n_sentences = n_words = n_syllables = n_poly = 0
    for text in texts:
        for sentence in split_sentences(text):
            n_sentences += 1
            for word in words(sentence):
                syllables = count_syllables(word)
                n_words += 1
                n_syllables += syllables
                n_poly += syllables >= 3
    return TextStats(n_sentences, n_words, n_syllables, n_poly)


@dataclass(frozen=True)
class Readability:
    """Readability estimates of a text, with the counts behind them."""

    stats: TextStats
    fk_grade: float
    reading_ease: float
    smog: float

    @property
    def fk_reading_age(self) -> float:
        return reading_age(self.fk_grade)

    @property
    def smog_reading_age(self) -> float:
        return reading_age(self.smog)

    @property
    def smog_reliable(self) -> bool:
        """SMOG was built on 30 sentences; on fewer it is a rougher guess."""
        return self.stats.sentences >= 30

    def to_dict(self) -> dict[str, float | int | bool]:
        """Plain data for JSON."""
        return {
            "sentences": self.stats.sentences,
            "words": self.stats.words,
            "syllables": self.stats.syllables,
            "polysyllables": self.stats.polysyllables,
            "flesch_kincaid_grade": round(self.fk_grade, 1),
            "flesch_reading_ease": round(self.reading_ease, 1),
            "smog_grade": round(self.smog, 1),
            "reading_age_flesch_kincaid": round(self.fk_reading_age, 1),
            "reading_age_smog": round(self.smog_reading_age, 1),
            "smog_reliable": self.smog_reliable,
        }


def readability(texts: str | Iterable[str]) -> Readability:
    """Flesch–Kincaid, Flesch reading ease and SMOG estimates of the text(s)."""
    stats = text_stats(texts)
    return Readability(
        stats,
        flesch_kincaid_grade(stats.words, stats.sentences, stats.syllables),
        flesch_reading_ease(stats.words, stats.sentences, stats.syllables),
        smog_grade(stats.polysyllables, stats.sentences),
    )
