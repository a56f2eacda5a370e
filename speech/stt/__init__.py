"""Streaming speech-to-text engines behind one small interface (base.py)."""

from speech.stt.openmp import spin_briefly

# Before any engine library is loaded: see openmp.py.
spin_briefly()
