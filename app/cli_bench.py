"""Sub-commands: bench (not built yet)."""

from __future__ import annotations


def register(subparsers) -> None:
    """Add this group's sub-commands to the ``lesson-lab`` parser."""
