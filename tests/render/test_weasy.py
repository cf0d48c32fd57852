"""WeasyPrint is imported without ctypes' library search (no gcc, ld or ldconfig runs)."""

from __future__ import annotations

import subprocess
import sys

import pytest

COUNT_PROCESSES = """
import subprocess
started = []
real = subprocess.Popen.__init__
def counting(self, *args, **kwargs):
    started.append(args[0] if args else kwargs.get("args"))
    real(self, *args, **kwargs)
subprocess.Popen.__init__ = counting
import ctypes.util
search = ctypes.util.find_library
import planner.render.weasy
import weasyprint
assert planner.render.weasy.HTML is weasyprint.HTML
assert ctypes.util.find_library is search, "find_library left patched"
print(len(started))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the library search is skipped on Linux only")
def test_importing_weasyprint_starts_no_process():
    result = subprocess.run([sys.executable, "-c", COUNT_PROCESSES], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"
