"""WeasyPrint, imported without searching for its C libraries the slow way.

On import WeasyPrint opens Pango, HarfBuzz, fontconfig and GObject through cffi,
trying the Windows and macOS names of each before the Linux one. cffi answers
every name it cannot open directly with `ctypes.util.find_library`, which on
Linux runs `ldconfig -p` and then gcc and ld, one process after another: 54
processes and about a third of a second of every `planner render`, for names that
do not exist here (measured with cProfile; issue 13 asks 1.5 s for a whole print).

The Linux names (`libpango-1.0.so.0`, ...) are opened directly by the dynamic
loader, which searches LD_LIBRARY_PATH and the system's library cache itself, so
during the import `find_library` answers "not found" at once. Should a library be
found only by that search, the import is simply done again the usual way.
Everything from WeasyPrint that the renderer uses is imported here, first.
"""

from __future__ import annotations

import sys


def _import_weasyprint() -> None:
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        import weasyprint  # noqa: F401
        return
    import ctypes.util
    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        import weasyprint  # noqa: F401
    except OSError:
        for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
            del sys.modules[name]
        ctypes.util.find_library = search
        import weasyprint  # noqa: F401
    finally:
        ctypes.util.find_library = search


_import_weasyprint()

from weasyprint import HTML  # noqa: E402
from weasyprint.images import SVGImage  # noqa: E402
from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: E402

__all__ = ["HTML", "SVGImage", "URLFetcher", "URLFetcherResponse"]
