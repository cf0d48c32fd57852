"""Where the packaged data lives: top-level folders in the repo, planner/_data in a wheel."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"packaged folder {name!r} is missing; reinstall planner")


def catalog_dir() -> Path:
    return _find("catalog")


def templates_dir() -> Path:
    return _find("templates")
