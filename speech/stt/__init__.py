"""Streaming speech-to-text engines behind one small interface (base.py)."""
