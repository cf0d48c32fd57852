"""Programme -> HTML, for print (WeasyPrint) or for a screen.

One Jinja2 environment with autoescaping on for every template, whatever its
file name: profile text must never become markup.
"""

from __future__ import annotations

import functools

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from planner.render.view import Programme
from planner.resources import templates_dir

# Paper sizes the print CSS knows; a closed list, so nothing else reaches the stylesheet.
PAGE_SIZES = {"a4": "A4 portrait", "letter": "letter portrait"}
MEDIA = ("print", "screen")


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    """The template environment: autoescape everywhere, undefined names are errors."""
    return Environment(loader=FileSystemLoader(str(templates_dir())), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


@functools.lru_cache(maxsize=4)
def stylesheet(media: str, paper: str) -> Markup:
    """The CSS for a medium, read from the packaged templates (our own file, not user text)."""
    folder = templates_dir()
    parts = [(folder / "programme.css").read_text(encoding="utf-8"),
             (folder / f"{media}.css").read_text(encoding="utf-8")]
    if media == "print":
        parts.append(f"@page {{ size: {PAGE_SIZES[paper]}; }}\n")
    return Markup("\n".join(parts))


def render_html(programme: Programme, *, media: str = "screen") -> str:
    """The whole programme as one self-contained HTML document (styles inline, figures inline SVG)."""
    if media not in MEDIA:
        raise ValueError(f"unknown medium {media!r}; expected one of {MEDIA}")
    if programme.paper not in PAGE_SIZES:
        raise ValueError(f"unknown paper {programme.paper!r}; expected one of {tuple(PAGE_SIZES)}")
    template = environment().get_template("programme.html")
    return template.render(p=programme, media=media, stylesheet=stylesheet(media, programme.paper))
