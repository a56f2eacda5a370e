"""The ``lesson-lab`` command: opens the app, or runs one of its sub-commands.

Each group of sub-commands lives in its own module (``cli_speech``,
``cli_models``, ``cli_lessons``, ``cli_bench``) with a ``register(subparsers)``
function. Heavy libraries are imported inside the handlers, never here, so
``lesson-lab --help`` stays instant.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from app import (
    bench_views,
    cli_bench,
    cli_export,
    cli_lessons,
    cli_models,
    cli_practice,
    cli_presets,
    cli_review,
    cli_speech,
)
from app.cli_errors import CliError, plain_usage_error

# cli_export, cli_review and bench_views add ``lessons export``, ``lessons review``
# and ``bench views`` to the groups cli_lessons and cli_bench make, so each comes
# after its group's owner.
COMMAND_GROUPS = (
    cli_speech, cli_models, cli_lessons, cli_export, cli_review, cli_presets, cli_bench,
    bench_views,
    cli_practice,
)


USAGE_EXIT = 2  # argparse's own status for a command typed wrongly
_PROG_SEEN = "_lesson_lab_prog"  # namespace key: the deepest sub-command parsed


class LessonLabParser(argparse.ArgumentParser):
    """argparse with every complaint on one plain line (``--help`` is unchanged).

    argparse prints a usage block over several lines, then its own wording.
    A teacher who mistypes a command gets one sentence and where to find help,
    as for every other error. Sub-command parsers are made of this class too.
    """

    def parse_known_args(self, args=None, namespace=None):
        namespace = namespace if namespace is not None else argparse.Namespace()
        # Sub-command parsers run after their parent and copy their namespace
        # into it, so this ends up naming the deepest command reached.
        setattr(namespace, _PROG_SEEN, self.prog)
        return super().parse_known_args(args, namespace)

    def parse_args(self, args=None, namespace=None):
        parsed, extras = self.parse_known_args(args, namespace)
        prog = getattr(parsed, _PROG_SEEN, self.prog)
        if hasattr(parsed, _PROG_SEEN):
            delattr(parsed, _PROG_SEEN)
        if extras:
            # argparse would blame the top-level parser; name the command used.
            self._fail(plain_usage_error(f"unrecognized arguments: {' '.join(extras)}", prog))
        return parsed

    def error(self, message: str):
        commands = frozenset(
            action.metavar or action.dest
            for action in self._actions
            if isinstance(action, argparse._SubParsersAction)
        )
        self._fail(plain_usage_error(message, self.prog, commands))

    def _fail(self, sentence: str):
        self.exit(USAGE_EXIT, f"lesson-lab: {sentence}\n")


def _version() -> str:
    """The installed package's version ("unknown" when run from a folder uninstalled)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lesson-lab")
    except PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered."""
    parser = LessonLabParser(
        prog="lesson-lab",
        description="Lesson Lab: offline practice for inclusive teaching. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"Lesson Lab {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script. Returns the process exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from app.gui import run_gui

            return run_gui()
        return int(handler(args) or 0)
    except CliError as error:
        print(f"lesson-lab: {error}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:
        # The reader went away (``lesson-lab lessons list | head``): not an error.
        # Point stdout at devnull so the interpreter's final flush stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("lesson-lab: stopped.", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - one clear line, never a traceback
        if os.environ.get("LESSON_LAB_DEBUG"):
            raise
        print(f"lesson-lab: something went wrong: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
