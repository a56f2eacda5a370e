"""A stand-in for the measuring app: it reports, then never closes (test_bench_ui.py)."""

import json
import sys
import time

from app.bench_ui_child import say

if __name__ == "__main__":
    json.loads(sys.argv[1])
    say("result", peak_mb=1.0)
    sys.stdout.flush()
    time.sleep(600)
