"""Checker rules for pupils with speech, language and communication needs (SLCN).

The advice teachers are given for SLCN: short sentences, one idea at a time,
active rather than passive verbs, key words taught explicitly, and text
pitched at or below the pupils' language level. Every rule here is a
heuristic, and its findings say so where it matters:

- **Long sentences**: words per sentence (lessons/readability.py splits the
  sentences) over a limit for the key stage: 12 words for EYFS and KS1, 15
  for KS2, 20 otherwise.
- **Passive voice**: a form of *be* (``is``, ``was``, ``been``, …), up to two
  words such as ``not`` or ``often``, then a past participle (a word ending
  in ``-ed`` or one of the irregular participles below). It misses passives
  with ``get`` and can mistake an adjective for a participle (``the door was
  closed``); ``is called``, ``is named``, ``is known as`` and ``was born``
  are left out because lessons use them to name things.
- **Unexplained key terms**: words of three or more syllables that are not
  everyday words (lessons/common_words.txt), not names (capitalised away from
  the start of a sentence) and not in the vocabulary list (nor a form of a
  word in it: ``evaporates`` is covered by ``evaporation``), used at least
  twice, or once if four syllables or more. Short subject words (lava,
  stamen) are missed, and a long everyday word missing from the list is
  reported.
- **Reading age**: Flesch–Kincaid grade + 5 (SMOG shown beside it), compared
  with the age of pupils in the lesson's year group or key stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lessons.checker_context import CheckContext, TextUnit
from lessons.checker_model import DYSLEXIA, PROFILE_FIX, SLCN, Finding, Fix, Rule
from lessons.readability import (
    Readability,
    count_syllables,
    readability,
    split_sentences,
    words,
)

LONG_SENTENCE = Rule(
    "SLCN-long-sentence",
    "Speech, language and communication needs: long sentences",
    "SLCN classroom guidance",
    "Pupils with language needs can hold only a few words in mind at once, so they lose "
    "the meaning of long sentences before they reach the end.",
    {SLCN: 3, DYSLEXIA: 1},
    cap=6,
)
PASSIVE = Rule(
    "SLCN-passive",
    "Speech, language and communication needs: passive voice",
    "SLCN classroom guidance",
    "In a passive sentence the doer comes last or not at all, which pupils with language "
    "needs often misread as the other way round.",
    {SLCN: 2},
    cap=5,
)
KEY_TERMS = Rule(
    "SLCN-key-terms",
    "Speech, language and communication needs: key words explained",
    "SLCN classroom guidance",
    "Pupils with language needs learn new words best when they are taught explicitly, "
    "with a child-friendly definition they can go back to.",
    {SLCN: 3},
    cap=5,
)
NO_VOCABULARY = Rule(
    "SLCN-vocabulary-list",
    "Speech, language and communication needs: a vocabulary list",
    "SLCN classroom guidance",
    "A list of key words with simple definitions lets adults pre-teach them and pupils "
    "check them during the lesson.",
    {SLCN: 8},
)
HIGHLIGHT = Rule(
    "SLCN-highlight-vocabulary",
    "Speech, language and communication needs: key words highlighted",
    "SLCN classroom guidance",
    "Highlighted key words, with their definitions a click away, help pupils spot and "
    "understand the words the lesson depends on.",
    {SLCN: 5},
)
READING_AGE = Rule(
    "SLCN-reading-age",
    "Speech, language and communication needs: reading age of the text",
    "Flesch–Kincaid and SMOG (estimates)",
    "Text written above the pupils' age is much harder again for pupils whose language "
    "is behind their age.",
    {SLCN: 10, DYSLEXIA: 4},
)
RULES = (LONG_SENTENCE, PASSIVE, KEY_TERMS, NO_VOCABULARY, HIGHLIGHT, READING_AGE)

SENTENCE_LIMITS = {"EYFS": 12, "KS1": 12, "KS2": 15}
DEFAULT_SENTENCE_LIMIT = 20
# Ages of pupils (youngest, oldest) in each key stage, in England.
KEY_STAGE_AGES = {
    "EYFS": (4, 5), "KS1": (5, 7), "KS2": (7, 11), "KS3": (11, 14), "KS4": (14, 16),
    "KS5": (16, 18),
}  # fmt: skip

BE_VERBS = {
    "am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't",
    "weren't", "it's", "that's", "there's", "he's", "she's", "what's", "who's",
}  # fmt: skip
# Words allowed between the verb and the participle ("is not seen", "is often used").
BETWEEN = {
    "not", "also", "often", "always", "never", "then", "still", "usually", "sometimes",
    "being", "all", "just", "only", "now", "mostly", "mainly", "easily", "quickly", "slowly",
    "carefully", "widely", "first", "later", "already", "even", "ever", "rarely",
}  # fmt: skip
IRREGULAR_PARTICIPLES = {
    "arisen", "awoken", "beaten", "begun", "bent", "bitten", "blown", "bought", "bound",
    "bred", "broken", "brought", "built", "burnt", "caught", "chosen", "cut", "dealt",
    "done", "drawn", "dreamt", "driven", "drunk", "dug", "eaten", "fed", "felt", "fought",
    "forbidden", "forgiven", "forgotten", "found", "frozen", "given", "ground", "grown",
    "heard", "held", "hidden", "hit", "hung", "hurt", "kept", "knit", "known", "laid", "led",
    "learnt", "left", "lent", "lit", "lost", "made", "meant", "met", "mistaken", "mown",
    "overtaken", "paid", "proven", "put", "read", "ridden", "rung", "said", "seen", "sent",
    "set", "sewn", "shaken", "shed", "shot", "shown", "shrunk", "shut", "slain", "sold",
    "sought", "sown", "spelt", "spent", "spilt", "split", "spoilt", "spoken", "spread",
    "spun", "stolen", "struck", "stuck", "stung", "sung", "sunk", "swept", "sworn",
    "swum", "taken", "taught", "thought", "thrown", "told", "torn", "trodden", "undertaken",
    "understood", "undone", "upset", "withdrawn", "woken", "won", "worn", "wound",
    "woven", "written",
}  # fmt: skip
# Words ending "-ed" that are not participles, and participles used as
# adjectives of feeling, which teachers would not call passive.
NOT_PARTICIPLES = {
    "bed", "red", "shed", "fed", "led", "wed", "need", "seed", "speed", "feed", "weed",
    "bleed", "breed", "greed", "deed", "indeed", "proceed", "exceed", "succeed", "hundred",
    "sacred", "naked", "wicked", "rugged", "ragged", "crooked", "beloved", "tired",
    "excited", "interested", "worried", "scared", "bored", "pleased", "surprised",
    "frightened", "amazed", "annoyed", "confused", "embarrassed", "delighted",
    "disappointed", "relaxed", "married", "ashamed", "supposed", "determined",
    "prepared", "allowed", "talented", "shared", "aged",
}  # fmt: skip
NAMING = {"called", "named", "born"}

COMMON_WORDS_FILE = Path(__file__).with_name("common_words.txt")
_RUNNING_TEXT = ("paragraph", "item", "task", "quote")
_SUFFIXES = ("ies", "ied", "ier", "iest", "ily", "es", "ed", "ing", "ly", "s", "er", "est")


def check(ctx: CheckContext) -> list[Finding]:
    """Every SLCN finding for this lesson and profile."""
    findings = _sentences(ctx)
    findings += _key_terms(ctx)
    findings += _vocabulary(ctx)
    findings += _reading_age(ctx)
    return findings


def lesson_readability(ctx: CheckContext) -> Readability:
    """Readability estimates of the lesson's running text (no headings or table cells)."""
    if ctx.readability is None:
        ctx.readability = readability([u.text for u in ctx.units() if u.kind in _RUNNING_TEXT])
    return ctx.readability


# -- sentences --------------------------------------------------------------


@dataclass(frozen=True)
class _Sentence:
    text: str
    words: int
    line: int


def _lesson_sentences(ctx: CheckContext) -> list[_Sentence]:
    sentences = []
    for unit in ctx.units():
        if unit.kind not in _RUNNING_TEXT:
            continue
        flat = " ".join(unit.text.split())
        position = 0
        for sentence in split_sentences(flat):
            start = flat.find(sentence, position)
            start = position if start < 0 else start
            position = start + len(sentence)
            line = ctx.line_of_word(unit, len(words(flat[:start])))
            sentences.append(_Sentence(sentence, len(words(sentence)), line))
    return sentences


def sentence_limit(key_stage: str) -> int:
    """The most words a sentence should have for pupils with SLCN at this key stage."""
    return SENTENCE_LIMITS.get(key_stage.upper().replace(" ", ""), DEFAULT_SENTENCE_LIMIT)


def _sentences(ctx: CheckContext) -> list[Finding]:
    limit = sentence_limit(ctx.lesson.key_stage)
    sentences = _lesson_sentences(ctx)
    long = [s for s in sentences if s.words > limit]
    longest = max(long, key=lambda s: s.words, default=None)
    findings = []
    stage = ctx.lesson.key_stage or "this lesson"
    for s in long:
        note = " (the longest in the lesson)" if s is longest and len(long) > 1 else ""
        findings.append(
            Finding(
                LONG_SENTENCE,
                f"This sentence has {s.words} words{note}; for pupils with speech, language and "
                f"communication needs aim for "
                f"{limit} or fewer at {stage}: {_quote(s.text)}",
                file=ctx.file,
                line=s.line,
            )
        )
    for s in sentences:
        phrase = passive_phrase(s.text)
        if phrase:
            findings.append(
                Finding(
                    PASSIVE,
                    f"“{phrase}” looks passive (a rough check: look for yourself); saying who does "
                    f"what first is easier to follow: {_quote(s.text)}",
                    file=ctx.file,
                    line=s.line,
                )
            )
    return findings


def passive_phrase(sentence: str) -> str | None:
    """The first passive-looking phrase in ``sentence`` (``"is made"``), or None.

    A heuristic: see the module docstring for what it misses and mistakes.
    """
    tokens = [
        t.lower().replace("’", "'") for t in re.findall(r"[A-Za-z]+(?:['’][A-Za-z]+)?", sentence)
    ]
    for i, token in enumerate(tokens):
        if token not in BE_VERBS:
            continue
        j = i + 1
        while j < len(tokens) and j <= i + 2 and tokens[j] in BETWEEN:
            j += 1
        if j >= len(tokens):
            continue
        word = tokens[j]
        if word in NAMING or (word == "known" and j + 1 < len(tokens) and tokens[j + 1] == "as"):
            continue
        if _is_participle(word):
            return " ".join(tokens[i : j + 1])
    return None


def _is_participle(word: str) -> bool:
    if word in NOT_PARTICIPLES:
        return False
    if word in IRREGULAR_PARTICIPLES:
        return True
    return len(word) >= 4 and word.endswith("ed") and not word.endswith("eed")


def _quote(text: str, limit: int = 12) -> str:
    parts = text.split()
    shown = " ".join(parts[:limit]) + (" …" if len(parts) > limit else "")
    return f"“{shown}”"


# -- key terms --------------------------------------------------------------


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The everyday words never reported as key terms (lessons/common_words.txt)."""
    text = COMMON_WORDS_FILE.read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def word_forms(word: str) -> set[str]:
    """``word`` and the base forms it might be an inflection of (families → family)."""
    w = word.lower()
    forms = {w}
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)]
            forms.add(stem)
            forms.add(stem + "e")
            if suffix.startswith("i"):
                forms.add(stem + "y")
            if len(stem) > 3 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # stopped → stop
    return forms


def is_common(word: str) -> bool:
    """True when ``word`` or its base form is in the everyday word list."""
    return bool(word_forms(word) & common_words())


def _covered(word: str, vocabulary: list[str]) -> bool:
    """True when ``word`` is a vocabulary word or shares a long enough beginning with one."""
    w = word.lower()
    for entry in vocabulary:
        if w == entry:
            return True
        shared = len(_common_prefix(w, entry))
        if shared >= max(5, min(len(w), len(entry)) - 3):
            return True
    return False


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


@dataclass
class _Term:
    word: str
    line: int
    uses: int
    syllables: int
    capitalised_inside: int = 0
    lower_inside: int = 0


def _key_terms(ctx: CheckContext) -> list[Finding]:
    vocabulary = [part.lower() for entry in ctx.lesson.vocabulary for part in words(entry.word)]
    terms: dict[str, _Term] = {}
    for unit in ctx.units():
        _collect_terms(ctx, unit, terms)
    findings = []
    for term in sorted(terms.values(), key=lambda t: t.line):
        if term.capitalised_inside and not term.lower_inside:
            continue  # a name: capitalised wherever it is not starting a sentence
        if term.uses < 2 and term.syllables < 4:
            continue
        if is_common(term.word) or _covered(term.word, vocabulary):
            continue
        uses = f" (used {term.uses} times)" if term.uses > 1 else ""
        findings.append(
            Finding(
                KEY_TERMS,
                f"“{term.word}”{uses} may be a key word, but it is not in the vocabulary list; "
                "if pupils need it, add it with a child-friendly definition (a rough check "
                "for long, less common words: look for yourself).",
                file=ctx.file,
                line=term.line,
            )
        )
    return findings


def _collect_terms(ctx: CheckContext, unit: TextUnit, terms: dict[str, _Term]) -> None:
    flat = " ".join(unit.text.split())
    for index, match in enumerate(re.finditer(r"[A-Za-z]+(?:['’-][A-Za-z]+)*", flat)):
        word = match.group(0)
        if "-" in word or "'" in word or "’" in word or len(word) < 5:
            continue
        before = flat[: match.start()].rstrip()
        # Only the first word of a heading or table cell is a sentence start:
        # a capital anywhere else marks a name.
        sentence_start = not before or before[-1] in ".!?:"
        key = word.lower()
        term = terms.get(key)
        if term is None:
            syllables = count_syllables(word)
            if syllables < 3:
                continue
            term = _Term(key, ctx.line_of_word(unit, index), 0, syllables)
            terms[key] = term
        term.uses += 1
        if not sentence_start and not word.isupper():
            if word[0].isupper():
                term.capitalised_inside += 1
            else:
                term.lower_inside += 1


# -- vocabulary and reading age ---------------------------------------------


def _vocabulary(ctx: CheckContext) -> list[Finding]:
    lesson = ctx.lesson
    if not lesson.vocabulary:
        return [
            Finding(
                NO_VOCABULARY,
                "This lesson has no key words. Add them, with child-friendly meanings, "
                "under Key words in the lesson editor's Lesson details.",
                file=ctx.file,
                line=1,
            )
        ]
    if not ctx.profile.highlight_vocabulary:
        return [
            Finding(
                HIGHLIGHT,
                f"The lesson's {len(lesson.vocabulary)} key words are not highlighted in the text.",
                fix=Fix(PROFILE_FIX, "Highlight key words", changes={"highlight_vocabulary": True}),
            )
        ]
    return []


def pupil_ages(year_group: str, key_stage: str) -> tuple[int, int] | None:
    """The youngest and oldest pupils' ages for a year group ("Year 4": 8 to 9) or key stage."""
    match = re.fullmatch(r"\s*year\s*(\d{1,2})\s*", year_group.lower())
    if match:
        year = int(match.group(1))
        return year + 4, year + 5
    if year_group.strip().lower() == "reception":
        return 4, 5
    return KEY_STAGE_AGES.get(key_stage.upper().replace(" ", ""))


def _reading_age(ctx: CheckContext) -> list[Finding]:
    ages = pupil_ages(ctx.lesson.year_group, ctx.lesson.key_stage)
    estimate = lesson_readability(ctx)
    if ages is None or estimate.stats.words < 30:
        return []  # too little text for the formulas to mean anything
    youngest, oldest = ages
    age = estimate.fk_reading_age
    if age <= oldest:
        return []
    over = age - oldest
    weights = {SLCN: 5, DYSLEXIA: 2} if over <= 2 else {SLCN: 10, DYSLEXIA: 4}
    who = ctx.lesson.year_group or ctx.lesson.key_stage
    smog_note = "" if estimate.smog_reliable else ", a rough guess on fewer than 30 sentences"
    return [
        Finding(
            READING_AGE,
            # Plain words first: what is wrong and what to do. The formulas' names
            # and figures follow as the source, for those who want them.
            f"The text may be too hard for pupils in {who} (aged {youngest} to "
            f"{oldest}): its estimated reading age is about {age:.0f}. Shorter sentences "
            "and everyday words bring it down. Reading ages from formulas are estimates, "
            f"so trust your own knowledge of the pupils too. Source: Flesch–Kincaid grade "
            f"{estimate.fk_grade:.1f}; SMOG suggests {estimate.smog_reading_age:.0f}"
            f"{smog_note}.",
            file=ctx.file,
            weights=weights,
        )
    ]
