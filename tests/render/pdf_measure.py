"""What a printed page holds, read back from the PDF: text sizes, how full it is, its section.

Sizes are effective point sizes (the font size times the text and graphics scale), so
they are what a reader sees on paper, whatever way WeasyPrint wrote them.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import ContentStream

MM = 72 / 25.4
TOP_MARGIN, BOTTOM_MARGIN = 20 * MM, 18 * MM      # print.css @page margins


@dataclass
class Page:
    number: int
    section: str
    sizes: list[tuple[float, str, float]]   # (effective size, text, height on the page) of every text run
    body_top: float                     # highest and lowest text inside the page body (pt from the bottom)
    body_bottom: float
    height: float
    drawings: list[tuple[float, float]]  # (width, height) in mm of every form placed (our drawings)
    text: str = ""                      # the page's text, as pypdf lays it out

    @property
    def fill(self) -> float:
        """The share of the page body the content reaches down to (0..1)."""
        body = self.height - TOP_MARGIN - BOTTOM_MARGIN
        return max(0.0, min(1.0, (self.height - TOP_MARGIN - self.body_bottom) / body))


def _scale(matrix) -> float:
    a, b = matrix[0], matrix[1]
    return (a * a + b * b) ** 0.5


def _multiply(m, n):
    return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
            m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
            m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]]


def _drawings(page, reader) -> list[tuple[float, float]]:
    """The printed size of every form XObject placed on the page (each exercise drawing is one)."""
    xobjects = page["/Resources"].get("/XObject", {}) if "/Resources" in page else {}
    stack = [[1.0, 0.0, 0.0, 1.0, 0.0, 0.0]]
    sizes = []
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"q":
            stack.append(list(stack[-1]))
        elif operator == b"Q" and len(stack) > 1:
            stack.pop()
        elif operator == b"cm":
            stack[-1] = _multiply([float(x) for x in operands], stack[-1])
        elif operator == b"Do" and operands[0] in xobjects:
            form = xobjects[operands[0]].get_object()
            if form.get("/Subtype") != "/Form":
                continue
            box = [float(x) for x in form.get("/BBox", [0, 0, 0, 0])]
            matrix = _multiply([float(x) for x in form.get("/Matrix", [1, 0, 0, 1, 0, 0])], stack[-1])
            sizes.append((round((box[2] - box[0]) * _scale(matrix) / MM, 1),
                          round((box[3] - box[1]) * abs(matrix[3]) / MM, 1)))
    return sizes


def pages(data: bytes) -> list[Page]:
    """Every page with its text runs' sizes, its fill and the section named in its footer."""
    reader = PdfReader(io.BytesIO(data))
    result = []
    for number, page in enumerate(reader.pages, start=1):
        height = float(page.mediabox.height)
        runs: list[tuple[float, str, float]] = []      # (size, text, y)

        def visit(text, cm, tm, font_dict, font_size):
            if not text.strip():
                return
            matrix = _multiply(tm, cm)
            runs.append((round(font_size * _scale(matrix), 2), text.strip(), matrix[5]))

        # One pass: the visitor collects the runs, and the call returns the page's text.
        text = page.extract_text(visitor_text=visit) or ""
        footer = next((line for line in text.split("\n") if re.search(r"Page \d+ of \d+", line)), "")
        section = re.sub(r"\s*Page \d+ of \d+.*", "", footer).strip()
        if re.fullmatch(r"Weeks? \d+(–\d+)?", section):
            section = "Week by week"
        inside = [y for _, _, y in runs if BOTTOM_MARGIN < y < height - TOP_MARGIN]
        result.append(Page(number=number, section=section,
                           sizes=runs,
                           body_top=max(inside, default=height - TOP_MARGIN),
                           body_bottom=min(inside, default=height - TOP_MARGIN), height=height,
                           drawings=_drawings(page, reader), text=text))
    return result


def in_body(page: Page) -> list[tuple[float, str]]:
    """Text runs inside the page body: not the running head or foot."""
    return [(size, text) for size, text, y in page.sizes if BOTTOM_MARGIN < y < page.height - TOP_MARGIN]
