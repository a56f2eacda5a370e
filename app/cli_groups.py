"""Adding a sub-command to a group another module owns (``lessons``, ``bench``).

Several engineers add actions to the same command group, each in their own
module, so no one edits another's file: the group's owner registers first
(app/cli.py lists it earlier), and a later module finds the group here and
adds its action, or makes the group when it is not there yet.
"""

from __future__ import annotations

import argparse


def group_actions(subparsers, name: str, help_text: str, dest: str):
    """The sub-command group of the ``lesson-lab NAME`` command, made if needed.

    argparse has no public way to reach a parser's existing sub-command group,
    so this looks among its actions; that class has been stable since Python 3.2.
    """
    parser = subparsers.choices.get(name)
    if parser is None:
        parser = subparsers.add_parser(name, help=help_text, description=help_text)
    for action in parser._actions:  # noqa: SLF001 - see the docstring
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return action
    return parser.add_subparsers(dest=dest, metavar="ACTION")
