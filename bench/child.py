"""Run one `python -m MODULE ...` and print its wall time and peak memory as JSON.

A separate small process, because on Linux a child's max RSS starts from the
RSS of the process that forked it: measured straight from the benchmark (which
holds plans and PDFs in memory) every child would look as big as the bench.
Usage: python bench/child.py MODULE ARGS...  ->  {"seconds": ..., "peak_mb": ..., "status": ..., "stderr": ...}
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main() -> int:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", *sys.argv[1:]],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kib / 1024, "status": done.returncode,
                      "stderr": done.stderr.decode("utf-8", "replace")[-2000:]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
