"""Whisper's worker threads spin only briefly while they wait, then sleep.

CTranslate2, under faster-whisper, does its sums on OpenMP threads (its own
copy of GNU libgomp). Between sums a thread waits for the next one, and how
it waits decides how Whisper shares the computer:

* libgomp's default spins on the processor 300,000 times before sleeping.
  Beside two busy programs (a browser, the video being shown) the spinning
  threads fight them for this project's 2 cores: a read of four sentences
  took 31 s instead of 1.4 s (one run 60 s), burning 78 s of processor time
  that the app's own window also needed.
* ``OMP_WAIT_POLICY=PASSIVE`` never spins: the quickest beside busy
  programs (1.16 s), but each sum then waits for a sleeping thread to wake,
  and on a quiet computer a read took 0.93 s against 0.56 s, which put a
  pupil's final words 1.28 s after they stopped speaking, against 0.87 s
  with the short spin below (``lesson-lab bench stt``).
* A short spin (``GOMP_SPINCOUNT=1000``) keeps most of both: 0.67 s quiet,
  1.29 s beside one busy program and 1.39 s beside two.

``lesson-lab bench busy`` measures the three on the same audio, beside busy
programs or none (``--competitors 0``).

libgomp reads these once, when it is loaded (the first import of
ctranslate2), so they are set before that: by importing ``speech.stt``,
which every use of the engines does first. A policy or spin count set by
whoever started the program is kept. Other OpenMP libraries (Intel's, in
CTranslate2 for Windows) ignore ``GOMP_SPINCOUNT``; they were not measured
here.
"""

from __future__ import annotations

import os

SPIN_COUNT = "1000"
#: The settings that decide how libgomp's threads wait.
VARIABLES = ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")


def spin_briefly() -> None:
    """Ask libgomp threads loaded from now on to spin briefly, then sleep, while they wait."""
    if "OMP_WAIT_POLICY" not in os.environ:  # theirs decides the spin count
        os.environ.setdefault("GOMP_SPINCOUNT", SPIN_COUNT)


def in_force() -> dict[str, str | None]:
    """The wait settings in this process's environment (None where unset), for the benches."""
    return {name: os.environ.get(name) for name in VARIABLES}
