"""A lesson plan pasted from an email into a text file: its greeting and sign-off.

A teacher often saves a colleague's email as the lesson ("Hi all,", the
plan, "Thanks, Jo"). :func:`title_after_greeting` is asked when the text's
first line ends in a comma, which no title does: a greeting ("Hi all,",
"Dear Year 5 team,", "Morning,"), or the first line of a sentence broken
by the email. The title is then, in this order, the value of a "Lesson:" or
"Title:" line near the top, the next line when it is short enough to be a
title, or the file name; the note says which and why.

:func:`find_sign_off` finds the email's sign-off near the end ("Thanks,
Jo", "Many thanks", "Best wishes", "Kind regards", on a line of its own or
after the last sentence, and the signature below it; a lone first name as
the last line of an email that opened with a greeting), so the importer
leaves it out of the lesson and says so: it is never a key word, nor
anything a pupil reads.

No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_GREETING = re.compile(
    r"^(?:hi|hiya|hello|hey|dear|morning|afternoon|evening|greetings|good\s+(?:morning|"
    r"afternoon|evening|day))\b", re.IGNORECASE)
_GREETING_WORDS = 4  # "Dear Year 5 team," and shorter: a greeting, whatever its words
_TITLE_LABEL = re.compile(r"^\s*(?:lesson(?:\s+title)?|title)\s*:\s*(\S.*)$", re.IGNORECASE)
_LOOK_FOR_LABEL = 12  # lines below the greeting searched for "Lesson: …"
_TITLE_CHARS = 80  # a title broken over lines is joined up to this length


@dataclass(frozen=True)
class EmailTitle:
    """The title found below a first line that is not one.

    ``used`` are the indexes of the lines the title was taken from (they leave
    the body); ``start`` is the index the body starts at (after a greeting,
    which is left out; at the first line itself when it is text to keep).
    """

    title: str
    used: tuple[int, ...]
    start: int
    note: str


def is_greeting(line: str) -> bool:
    """Whether ``line`` greets the reader: short, or starting "Hi", "Dear"…, and ending in
    a comma ("Hi all,", "Dear colleagues,", "Everyone,")."""
    text = " ".join(line.split())
    return text.endswith(",") and (len(text.split()) <= _GREETING_WORDS
                                   or bool(_GREETING.match(text)))


def title_after_greeting(lines: list[str], first: int, fallback: str,
                         is_title: Callable[[str], bool]) -> EmailTitle | None:
    """The title when ``lines[first]`` (the first line that is not blank) ends in a comma.

    ``fallback`` is the title made from the file name; ``is_title(line)`` says
    whether a line is short and plain enough to be a title. None when the
    first line does not end in a comma (it is the title, as ever).
    """
    opening = " ".join(lines[first].split())
    if not opening.endswith(","):
        return None
    greeting = is_greeting(opening)
    start = first + 1 if greeting else first
    what = (f"The first line, '{opening}', is a greeting, so it was left out"
            if greeting else f"The first line, '{_shortened(opening)}', ends in a comma, so it "
            "is not a title and was kept as text")
    labelled = _labelled_title(lines, first + 1)
    if labelled is not None:
        title, used = labelled
        return EmailTitle(title, used, start, f"{what}; the title was taken from "
                          f"'{lines[used[0]].strip().split(':')[0]}:' on line {used[0] + 1}.")
    after = next((i for i in range(first + 1, len(lines)) if lines[i].strip()), None)
    if greeting and after is not None and is_title(lines[after].strip()) \
            and _stands_alone(lines, after):
        title = " ".join(lines[after].split())
        return EmailTitle(title, (after,), start,
                          f"{what}; the next line, '{title}', was taken as the title.")
    return EmailTitle(fallback, (), start,
                      f"{what}; the title '{fallback}' was made from the file name.")


def _labelled_title(lines: list[str], start: int) -> tuple[str, tuple[int, ...]] | None:
    """A "Lesson: …" or "Title: …" line near the top: its value (with the lines an email
    broke it onto) and the indexes of its lines."""
    seen = 0
    for index in range(start, len(lines)):
        if not lines[index].strip():
            continue
        seen += 1
        if seen > _LOOK_FOR_LABEL:
            return None
        label = _TITLE_LABEL.match(lines[index])
        if label is None:
            continue
        words, used = [label.group(1).strip()], [index]
        following = index + 1
        # "Lesson: Adding fractions with the same" / "denominator": the phone broke the line.
        while (following < len(lines) and lines[following][:1].islower()
               and words[-1][-1:] not in ".!?:" and len(" ".join(words)) < _TITLE_CHARS):
            words.append(lines[following].strip())
            used.append(following)
            following += 1
        title = " ".join(" ".join(words).split()).rstrip(".")
        if len(title) <= 120:
            return title, tuple(used)
        return None
    return None


def _stands_alone(lines: list[str], index: int) -> bool:
    """Whether the line at ``index`` has no line straight below it (a title, not the
    first line of a paragraph or list)."""
    return index + 1 >= len(lines) or not lines[index + 1].strip()


def _shortened(text: str) -> str:
    return text if len(text) <= 60 else text[:59].rstrip() + "…"


# -- the sign-off ------------------------------------------------------------------

_SIGN_OFF = (r"(?:many\s+thanks|thanks(?:\s+(?:again|all|so\s+much|everyone))?|thank\s+you"
             r"(?:\s+(?:all|again|everyone))?|best\s+wishes|best|kind\s+regards|warm\s+regards"
             r"|regards|cheers|all\s+the\s+best|speak\s+soon)")
# The sign-off, then (after a comma, a dash or nothing) a name of a word or two.
_NAME = r"(?:[\s,–-]+(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*)?)?[\s,.!]*"
_SIGN_OFF_LINE = re.compile(rf"^(?i:{_SIGN_OFF}){_NAME}$")
_SIGN_OFF_AFTER = re.compile(rf"(?<=[.!?])\s+((?i:{_SIGN_OFF}){_NAME})$")
_LONE_NAME = re.compile(r"^[A-Z][a-z'’-]{1,14}[.!]?$")
# A thank-you said to the class ("Thank you everyone."): the lesson's own words
# unless the text is an email or a name or signature goes with it.
_SAID_TO_CLASS = re.compile(rf"^(?i:{_SIGN_OFF})[.!]$")
_SIGNATURE_LINES = 6  # lines below a sign-off that may be its signature
_SIGNATURE_CHARS = 100  # a longer line is the lesson's, not a signature


@dataclass(frozen=True)
class SignOff:
    """Where an email's sign-off starts: the line, and the column in it (0: the whole line)."""

    line: int
    column: int
    text: str  # the sign-off as written ("Thanks, Jo")
    below: int  # lines of signature below it


def is_sign_off(line: str) -> bool:
    """Whether ``line`` is a sign-off ("Thanks, Jo", "Many thanks", "Kind regards,")."""
    return bool(_SIGN_OFF_LINE.match(" ".join(line.split())))


def find_sign_off(lines: list[str], start: int, *, email: bool) -> SignOff | None:
    """The sign-off in the last lines of ``lines`` (from ``start`` on), or None.

    Only the last few lines are looked at, and only a sign-off with nothing
    below it but a short signature counts, so "thanks" in a lesson's text is
    never taken. ``email``: the text opened with a greeting, so a lone first
    name as the last line ("Jo") signs it off too.
    """
    filled = [index for index in range(start, len(lines)) if lines[index].strip()]
    found: SignOff | None = None
    for count, index in enumerate(reversed(filled[-(_SIGNATURE_LINES + 1):])):
        text = " ".join(lines[index].split())
        if is_sign_off(text):
            if _signs_off(text, count, email):
                found = SignOff(index, 0, text, count)
        else:
            after = _SIGN_OFF_AFTER.search(text)
            if after is not None and _signs_off(after.group(1).strip(), count, email):
                # "Plenary: exit ticket. Thanks, Jo"
                return SignOff(index, lines[index].rindex(after.group(1).split()[0]),
                               after.group(1).strip(), count)
        if len(text) > _SIGNATURE_CHARS:
            break  # the lesson's own text: nothing above it is a signature
    if found is None and email and filled and filled[-1] > start \
            and _LONE_NAME.match(lines[filled[-1]].strip()):
        return SignOff(filled[-1], 0, lines[filled[-1]].strip(), 0)
    return found


def _signs_off(said: str, below: int, email: bool) -> bool:
    """Whether a sign-off's words end the text as an email would, not as said to a class."""
    return email or below > 0 or not _SAID_TO_CLASS.match(said)


def sign_off_note(sign_off: SignOff) -> str:
    """The import note for a sign-off left out."""
    below = {0: "", 1: " and the line below it"}.get(
        sign_off.below, f" and the {sign_off.below} lines below it")
    return (f"'{_shortened(sign_off.text)}' on line {sign_off.line + 1}{below} "
            f"{'are' if below else 'is'} the email's sign-off, so "
            f"{'they were' if below else 'it was'} left out of the lesson.")
