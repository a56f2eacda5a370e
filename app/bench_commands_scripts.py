"""The dictation scripts of ``lesson-lab bench commands``: what a pupil says, what they expect.

Each script is what a Year 5–9 pupil might dictate, one utterance per pause,
with the spoken commands in square brackets, and the exact text the pupil
expects on screen. The brackets only tell the bench which words are
commands; espeak-ng says the words without them. Numbers are written as
digits where a pupil would write digits ("25", "150 grams"); espeak-ng says
them as words ("twenty-five"), as a pupil would.

``COMMAND_MARKS`` is the bench's answer key: the mark each spoken command
asks for, taken from the command list the pupil sees
(``speech.dictation.COMMAND_PHRASES``), not from the rules that carry it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Punctuation and layout commands -> the mark each puts in the text.
COMMAND_MARKS: dict[str, str] = {
    "full stop": ".",
    "comma": ",",
    "question mark": "?",
    "exclamation mark": "!",
    "colon": ":",
    "semicolon": ";",
    "new line": "\n",
    "new paragraph": "\n\n",
    "open bracket": "(",
    "close bracket": ")",
    "quote": "\u201c",
    "unquote": "\u201d",
}
# Editing commands, said on their own -> the change the text rules report (Change.value).
EDIT_CHANGES: dict[str, str] = {"scratch that": "scratched", "undo that": "undone"}

_BRACKETED = re.compile(r"\[([^\]]+)\]")


@dataclass(frozen=True)
class Command:
    """One spoken command in a script."""

    phrase: str  # "full stop"
    utterance: int  # which utterance of the script says it
    position: str  # "start", "middle" or "end" of the utterance, or "alone"

    @property
    def mark(self) -> str | None:
        """The mark it asks for, or None for an editing command."""
        return COMMAND_MARKS.get(self.phrase)


@dataclass(frozen=True)
class Script:
    """A short dictation: utterances (commands in [brackets]) and the text expected."""

    name: str
    said: tuple[str, ...]
    expected: str

    def spoken(self) -> tuple[str, ...]:
        """Each utterance as spoken: the words alone, no brackets."""
        return tuple(" ".join(_BRACKETED.sub(r"\1", u).split()) for u in self.said)

    def commands(self) -> list[Command]:
        """Every command, in the order said, with where it falls in its utterance."""
        found = []
        for index, utterance in enumerate(self.said):
            parts = _BRACKETED.split(utterance)  # words, command, words, command, ...
            for at in range(1, len(parts), 2):
                before = any(p.strip() for p in parts[:at:2])
                after = any(p.strip() for p in parts[at + 1 :: 2])
                position = {(False, True): "start", (True, True): "middle",
                            (True, False): "end"}.get((before, after), "alone")
                found.append(Command(" ".join(parts[at].split()), index, position))
        return found

    def removed_utterances(self) -> frozenset[int]:
        """Utterances whose text an editing command takes away for good.

        "scratch that" removes the last piece of text and "undo that" goes back
        on the last change (the command list's own words), counted in utterances.
        """
        edits = {c.utterance: c.phrase for c in self.commands() if c.phrase in EDIT_CHANGES}
        alive: list[int] = []
        history: list[list[int]] = []
        for index in range(len(self.said)):
            edit = edits.get(index)
            if edit == "undo that":
                alive = history.pop() if history else alive
            else:
                history.append(alive)
                alive = alive[:-1] if edit == "scratch that" else [*alive, index]
        return frozenset(i for i in range(len(self.said)) if i not in edits and i not in alive)

    def edit_utterances(self) -> frozenset[int]:
        """Utterances that are an editing command."""
        return frozenset(c.utterance for c in self.commands() if c.phrase in EDIT_CHANGES)


def _script(name: str, said: tuple[str, ...] | str, expected: str) -> Script:
    return Script(name, (said,) if isinstance(said, str) else said, expected)


SCRIPTS: tuple[Script, ...] = (
    _script("otter", "my favourite animal is the otter [full stop]",
            "My favourite animal is the otter."),
    _script("letter", ("dear Grandma [comma]",
                       "[new line] thank you for the lovely present [exclamation mark]"),
            "Dear Grandma,\nthank you for the lovely present!"),
    _script("bus", "what time does the bus leave [question mark]",
            "What time does the bus leave?"),
    _script("kit", "you will need three things [colon] a pencil [comma] a ruler and a rubber "
            "[full stop]", "You will need three things: a pencil, a ruler and a rubber."),
    _script("rain", "it was raining [semicolon] we stayed inside [full stop]",
            "It was raining; we stayed inside."),
    _script("tiger", "the tiger [open bracket] the largest cat [close bracket] lives in Asia "
            "[full stop]", "The tiger (the largest cat) lives in Asia."),
    _script("teacher", "the teacher said [quote] line up quietly [unquote] [full stop]",
            "The teacher said \u201cline up quietly\u201d."),
    _script("park", ("I went to the park on Saturday [full stop]", "my dog is called Biscuit",
                     "[scratch that]", "we played football [full stop]"),
            "I went to the park on Saturday. We played football."),
    _script("answer", ("the answer is 25 [full stop]", "[scratch that]", "[undo that]"),
            "The answer is 25."),
    _script("dragon", ("once upon a time there was a dragon [full stop] [new paragraph]",
                       "the dragon lived in a cave [full stop]"),
            "Once upon a time there was a dragon.\n\nThe dragon lived in a cave."),
    _script("floor", ("watch out", "[exclamation mark] the floor is wet [exclamation mark]"),
            "Watch out! The floor is wet!"),
    _script("class", "there are 32 pupils in our class [full stop]",
            "There are 32 pupils in our class."),
    _script("sky", "why is the sky blue [question mark] I think it is the sunlight [full stop]",
            "Why is the sky blue? I think it is the sunlight."),
    _script("cake", ("the ingredients are", "[colon] flour [comma] sugar and eggs [full stop]"),
            "The ingredients are: flour, sugar and eggs."),
    _script("school", "some pupils walk to school [semicolon] others come by bus [full stop]",
            "Some pupils walk to school; others come by bus."),
    _script("shopping", "shopping list [colon] [new line] apples [new line] bread [new line] "
            "milk", "Shopping list:\napples\nbread\nmilk"),
    _script("capital", ("the capital of France is Berlin", "[scratch that]",
                        "the capital of France is Paris [full stop]"),
            "The capital of France is Paris."),
    _script("flour", ("we need 150 grams of flour [full stop]", "[scratch that]", "[undo that]",
                      "[new paragraph] then add two eggs [full stop]"),
            "We need 150 grams of flour.\n\nThen add two eggs."),
    _script("brother", "my brother [open bracket] who is seven [close bracket] loves dinosaurs "
            "[full stop]", "My brother (who is seven) loves dinosaurs."),
    _script("help", "[quote] help [exclamation mark] [unquote] shouted Tom [full stop]",
            "\u201cHelp!\u201d shouted Tom."),
    _script("paint", ("first [comma]", "mix the paint [full stop]"), "First, mix the paint."),
    _script("cup", ("can you believe it [question mark]", "we won the cup [exclamation mark]"),
            "Can you believe it? We won the cup!"),
    _script("match", "remember [colon] bring your kit on Wednesday [semicolon] we have a match "
            "[full stop]", "Remember: bring your kit on Wednesday; we have a match."),
    _script("wolf", "what happened next [question mark] [new paragraph] the wolf knocked on the "
            "door [full stop]", "What happened next?\n\nThe wolf knocked on the door."),
    _script("sign", "the sign said [quote] keep out [unquote]",
            "The sign said \u201ckeep out\u201d"),
    _script("score", ("my score was 18 out of 20 [full stop]", "I was pleased", "[scratch that]"),
            "My score was 18 out of 20."),
)

#: ``--fast``: every command at least once, in a third of the time.
FAST_SCRIPTS: tuple[str, ...] = (
    "letter", "kit", "rain", "tiger", "teacher", "answer", "dragon", "sky",
)


def scripts_named(names: list[str] | tuple[str, ...]) -> list[Script]:
    """The scripts called ``names``, in that order; raises KeyError naming an unknown one."""
    by_name = {s.name: s for s in SCRIPTS}
    return [by_name[name] for name in names]
