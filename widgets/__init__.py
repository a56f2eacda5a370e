"""Qt widgets. They show lessons and emit intents; they never call engines."""

from widgets.none_guard import protect_none

# Before any widget runs: PySide6 6.12.0 on Python 3.11 would otherwise abort
# after a few thousand Qt calls (see widgets/none_guard.py).
protect_none()
