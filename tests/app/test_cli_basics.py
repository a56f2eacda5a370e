"""The command line itself: help works, and a command typed wrongly gets one plain line.

argparse on its own prints a usage block over several lines and its own
wording; Lesson Lab answers every mistake with one sentence and where to
find help, exit status 2, never a traceback.
"""

from __future__ import annotations

import pytest

from app.cli_errors import plain_usage_error
from tests.fixtures.cli import lesson_lab


def test_help_lists_the_program_and_its_commands():
    result = lesson_lab("--help")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("usage: lesson-lab [-h] [--version] COMMAND ...")
    for command in ("say", "voices", "transcribe", "models", "lessons"):
        assert command in result.stdout


def test_a_command_s_help_is_argparse_s_own():
    result = lesson_lab("say", "--help")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("usage: lesson-lab say [-h]")
    assert "--rate WPM" in result.stdout and "--voice ID" in result.stdout


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["no-such-command"],
            "lesson-lab: “no-such-command” is not a lesson-lab command. "
            'Run "lesson-lab --help" for the commands.',
        ),
        (
            ["say", "Hello", "--rate", "abc"],
            "lesson-lab: --rate needs a number, not “abc”. "
            'Run "lesson-lab say --help" to see how to use it.',
        ),
        (
            ["say", "Hello", "--rate"],
            "lesson-lab: --rate needs a value after it. "
            'Run "lesson-lab say --help" to see how to use it.',
        ),
        (
            ["transcribe"],
            "lesson-lab: The transcribe command needs a file (FILE). "
            'Run "lesson-lab transcribe --help" to see how to use it.',
        ),
        (
            ["say"],
            "lesson-lab: The say command needs some text (TEXT). "
            'Run "lesson-lab say --help" to see how to use it.',
        ),
        (
            ["say", "Hello", "--loudly"],
            "lesson-lab: The say command does not understand “--loudly”. "
            'Run "lesson-lab say --help" to see how to use it.',
        ),
        (
            ["models"],
            "lesson-lab: The models command needs one of its own commands. "
            'Run "lesson-lab models --help" for the commands.',
        ),
        (
            ["models", "frob"],
            "lesson-lab: “frob” is not a lesson-lab models command. "
            'Run "lesson-lab models --help" for the commands.',
        ),
        (
            ["--verbose"],
            'lesson-lab: Lesson Lab does not understand “--verbose”. Run "lesson-lab --help" '
            "for the commands.",
        ),
    ],
    ids=[
        "unknown-command",
        "rate-not-a-number",
        "rate-without-value",
        "transcribe-without-file",
        "say-without-text",
        "unknown-option",
        "models-without-action",
        "unknown-models-action",
        "unknown-top-level-option",
    ],
)
def test_a_command_typed_wrongly_gets_one_plain_line(args, line):
    result = lesson_lab(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert result.stderr.splitlines() == [line]


def test_argparse_wording_for_other_complaints_becomes_a_sentence():
    # Messages argparse gives for options other commands may add.
    assert plain_usage_error(
        "argument --engine: invalid choice: 'fast' (choose from 'auto', 'vosk', 'whisper')",
        "lesson-lab transcribe",
    ) == (
        "--engine cannot be “fast”: choose auto, vosk or whisper. "
        'Run "lesson-lab transcribe --help" to see how to use it.'
    )
    assert plain_usage_error(
        "argument --pages: invalid int value: '2.5'", "lesson-lab x"
    ).startswith("--pages needs a whole number, not “2.5”.")
    assert plain_usage_error(
        "the following arguments are required: PATH, --out", "lesson-lab lessons import"
    ).startswith("The lessons import command needs a file or folder (PATH) and --out.")
    assert plain_usage_error(
        "one of the arguments --pdf --out-dir is required", "lesson-lab lessons export"
    ).startswith("The lessons export command needs one of --pdf or --out-dir.")
    assert plain_usage_error(
        "argument --out-dir: not allowed with argument --pdf", "lesson-lab"
    ) == ('--out-dir cannot be used together with --pdf. Run "lesson-lab --help" for the commands.')
    # Anything else argparse might say still comes out as one sentence.
    assert plain_usage_error(
        "ambiguous option: --ra could match --rate, --raw", "lesson-lab say"
    ) == (
        "Ambiguous option: --ra could match --rate, --raw. "
        'Run "lesson-lab say --help" to see how to use it.'
    )


def test_version_says_which_lesson_lab_this_is():
    from importlib.metadata import version

    result = lesson_lab("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Lesson Lab {version('lesson-lab')}"
