"""The only door WeasyPrint has to the outside: the project's packaged assets, nothing else.

A programme carries free text from a profile. Autoescaping keeps that text from
becoming markup, and this fetcher is the second wall: should any URL reach
WeasyPrint anyway (a file:// path, http(s), data:, a font), it is refused and
recorded, so tests can assert what was asked for.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from planner.render.weasy import URLFetcher, URLFetcherResponse

from planner.resources import templates_dir

ASSET_SUFFIXES = {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png",
                  ".ttf": "font/ttf", ".otf": "font/otf", ".woff2": "font/woff2"}


class RefusedURL(ValueError):
    """A URL outside the packaged assets; WeasyPrint logs it and draws nothing."""


class PackagedAssetFetcher(URLFetcher):
    """Serve packaged files inside templates/ and the drawings our own code made for this
    document; refuse and record every other URL.

    `generated` maps a path relative to templates/ (e.g. "figures/squat-end.svg") to the
    bytes our renderer produced; it lets one drawing be parsed once and used many times.
    """

    def __init__(self, root: Path | None = None, generated: dict[str, bytes] | None = None):
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.root = (root or templates_dir()).resolve()
        self.generated: dict[str, bytes] = {}
        self.served: list[str] = []
        self.refused: list[str] = []
        self.register(generated or {})

    def register(self, generated: dict[str, bytes]) -> None:
        """Add drawings made by our renderer, by path relative to templates/."""
        for name, data in generated.items():
            self.generated[(self.root / name).as_uri()] = data

    def base_url(self) -> str:
        """The base every relative URL in the programme resolves against."""
        return self.root.as_uri() + "/"

    def asset_path(self, url: str) -> Path | None:
        """The packaged file a URL names, or None when it is not one of ours."""
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost") or parts.query:
            return None
        path = Path(unquote(parts.path)).resolve()
        if path.suffix.lower() not in ASSET_SUFFIXES or not path.is_file():
            return None
        if not path.is_relative_to(self.root):
            return None
        return path

    def fetch(self, url, headers=None):
        if url in self.generated:
            self.served.append(url)
            return URLFetcherResponse(url, self.generated[url], {"Content-Type": "image/svg+xml"})
        path = self.asset_path(url)
        if path is None:
            self.refused.append(url)
            raise RefusedURL(f"refused to fetch {url[:200]!r}: not a packaged asset")
        self.served.append(url)
        return URLFetcherResponse(path.as_uri(), path.read_bytes(),
                                  {"Content-Type": ASSET_SUFFIXES[path.suffix.lower()]})
