"""Whisper's worker threads wait for work asleep, not spinning (OpenMP's passive wait).

CTranslate2, under faster-whisper, does its sums on OpenMP threads (its own
copy of GNU libgomp). By default those threads spin on the processor while
they wait for the next sum. On a computer with other work to do that is
ruinous: on this project's 2-core machine, with another program busy, one
decode of four sentences (loaded as the app loads it, on a worker thread)
took from 1.7 s to 60 s and burnt up to 141 s of processor time, where the
passive policy took 1.1 to 1.3 s and 3.3 s every time (measured by hand;
``lesson-lab bench busy`` measures it). A school laptop always has other work
to do, and the spinning also takes the processor from the app's own window.

The policy is read once, when libgomp is loaded (the first import of
ctranslate2), so it is set before that: by importing ``speech.stt``, which
every use of the engines does first. A value set by whoever started the
program is kept.
"""

from __future__ import annotations

import os

WAIT_POLICY = "PASSIVE"


def wait_asleep() -> str:
    """Ask OpenMP threads loaded from now on to wait asleep; returns the policy in force."""
    return os.environ.setdefault("OMP_WAIT_POLICY", WAIT_POLICY)
