"""The one exception a command handler raises to stop with a clear message,
and argparse's own complaints turned into one plain line."""

from __future__ import annotations

import re


class CliError(Exception):
    """A problem the user can fix: printed as one line, exit status non-zero."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


_INVALID_NUMBER = re.compile(
    r"^argument (?P<arg>.+?): invalid (?P<kind>int|float) value: (?P<value>.*)$"
)
_INVALID_CHOICE = re.compile(
    r"^argument (?P<arg>.+?): invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)$"
)
_EXPECTED_VALUE = re.compile(r"^argument (?P<arg>.+?): expected (?:one|at least one) argument")
_REQUIRED = re.compile(r"^the following arguments are required: (?P<names>.*)$")
_UNRECOGNISED = re.compile(r"^unrecognized arguments: (?P<extras>.*)$")
_ONE_OF = re.compile(r"^one of the arguments (?P<names>.*) is required$")
_NOT_WITH = re.compile(r"^argument (?P<arg>.+?): not allowed with argument (?P<other>.+)$")
_ARGUMENT = re.compile(r"^argument (?P<arg>.+?): (?P<rest>.*)$")


def _unquote(text: str) -> str:
    return text.strip().strip("'\"")


def _join(items: list[str], word: str) -> str:
    """``a``, ``a or b``, ``a, b or c`` (``word`` is "or" or "and")."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


def _command(prog: str) -> str:
    """``lesson-lab say`` as "The say command"; ``lesson-lab`` itself as "Lesson Lab"."""
    words = prog.split(maxsplit=1)
    return f"The {words[1]} command" if len(words) == 2 else "Lesson Lab"


# What an argument's placeholder stands for, in words.
_PLACEHOLDERS = {"FILE": "a file", "PATH": "a file or folder", "TEXT": "some text",
                 "NAME": "a name", "ID": "an id"}


def _needed(name: str) -> str:
    """``FILE`` as "a file (FILE)"; an option such as ``--out`` as it is."""
    words = _PLACEHOLDERS.get(name)
    return f"{words} ({name})" if words else name


def plain_usage_error(message: str, prog: str, commands: frozenset[str] = frozenset()) -> str:
    """argparse's complaint ``message`` about ``prog`` as one plain sentence.

    ``commands`` are the names argparse gives this parser's sub-command
    argument (``COMMAND``, ``ACTION``), so a wrong sub-command reads as one.
    The sentence ends with a pointer to the right ``--help``. Values the user
    typed are in curly quotes; a command to type is in straight ones, so it
    can be copied into a terminal.
    """
    help_hint = f'Run "{prog} --help" for the commands.'
    if match := _INVALID_CHOICE.match(message):
        value = _unquote(match["value"])
        if match["arg"] in commands:
            return f"“{value}” is not a {prog} command. {help_hint}"
        choices = [_unquote(choice) for choice in match["choices"].split(",")]
        sentence = f"{match['arg']} cannot be “{value}”: choose {_join(choices, 'or')}"
    elif match := _INVALID_NUMBER.match(message):
        kind = "a whole number" if match["kind"] == "int" else "a number"
        sentence = f"{match['arg']} needs {kind}, not “{_unquote(match['value'])}”"
    elif match := _EXPECTED_VALUE.match(message):
        sentence = f"{match['arg']} needs a value after it"
    elif match := _REQUIRED.match(message):
        names = [
            "one of its own commands" if name in commands else _needed(name)
            for name in match["names"].split(", ")
        ]
        sentence = f"{_command(prog)} needs {_join(names, 'and')}"
        if commands:
            return f"{sentence}. {help_hint}"
    elif match := _ONE_OF.match(message):
        sentence = f"{_command(prog)} needs one of {_join(match['names'].split(), 'or')}"
    elif match := _NOT_WITH.match(message):
        sentence = f"{match['arg']} cannot be used together with {match['other']}"
    elif match := _UNRECOGNISED.match(message):
        sentence = f"{_command(prog)} does not understand “{match['extras']}”"
    elif match := _ARGUMENT.match(message):
        sentence = f"{match['arg']}: {match['rest']}"
    else:
        sentence = message[:1].upper() + message[1:]
    sentence = sentence.rstrip(".")
    if prog != "lesson-lab":
        help_hint = f'Run "{prog} --help" to see how to use it.'
    return f"{sentence}. {help_hint}"
