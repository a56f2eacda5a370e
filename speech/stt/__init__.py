"""Streaming speech-to-text engines behind one small interface (base.py)."""

from speech.stt.openmp import wait_asleep

# Before any engine library is loaded: see openmp.py.
wait_asleep()
