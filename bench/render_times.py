"""Time render_document on a saved plan, in a process of its own: prints the seconds of each run as JSON.

The bench runs this as a child so the figure does not depend on what the bench
process has built up before (plans, documents, caches): a clinician's process
holds one plan and the catalog, and so does this one.
Usage: python bench/render_times.py PLAN.json RUNS [standard|large]  ->  [2.31, 2.29, ...]
"""

from __future__ import annotations

import json
import sys
import time


def main() -> int:
    from planner.catalog import default_catalog
    from planner.planfile import load_plan
    from planner.render import render_document

    plan, runs = load_plan(sys.argv[1]), int(sys.argv[2])
    large = len(sys.argv) > 3 and sys.argv[3] == "large"
    catalog = default_catalog()
    render_document(plan, "pdf", catalog=catalog, paper="a4", large=large)   # warm-up: templates, fonts, C types
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        render_document(plan, "pdf", catalog=catalog, paper="a4", large=large)
        seconds.append(time.perf_counter() - started)
    print(json.dumps(seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
