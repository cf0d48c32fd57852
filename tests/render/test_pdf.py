"""The printed programme: what it says, what it fetched, and that it is the same every time."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from planner.render import render_document
from planner.render.fetcher import PackagedAssetFetcher
from planner.render.pdf import render_pdf
from planner.render.view import SECTION_TITLES, build_programme
from planner.render.words import long_date
from tests.render.conftest import pdf_text, squashed
from tests.render.plan_factory import make_plan, make_profile

A4 = (595, 842)          # points, rounded
LETTER = (612, 792)

UNICODE_NAME = "Zoë Ødegård-Nguyễn"
UNICODE_CLINICIAN = "Łukasz Żółć"
HOSTILE_NAME = 'Zoë <img src="file:///etc/passwd"> <b>Ødegård</b>'
HOSTILE_NOTES = [
    '<style>body { background: url(file:///etc/shadow) }</style>',
    '<link rel="stylesheet" href="http://example.com/evil.css">',
    "x { background-image: url(http://example.com/track.png) }",
]


def page_size(data: bytes, index: int = 0) -> tuple[int, int]:
    box = PdfReader(io.BytesIO(data)).pages[index].mediabox
    return round(float(box.width)), round(float(box.height))


@pytest.fixture(scope="module")
def small_pdf(small_plan, catalog) -> bytes:
    return render_document(small_plan, "pdf", catalog=catalog)


@pytest.fixture(scope="module")
def small_text(small_pdf) -> str:
    return pdf_text(small_pdf)


@pytest.fixture(scope="module")
def small_pages(small_pdf) -> list[str]:
    """Each page's text, whitespace collapsed."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(small_pdf)).pages]


def test_pdf_names_the_client_and_every_exercise(small_plan, small_text):
    assert small_plan.profile.client.name in small_text
    for name in {i.name for w in small_plan.weeks for s in w.sessions for i in s.exercises}:
        assert squashed(name) in small_text, name


def test_pdf_prints_the_protein_target(small_plan, small_text):
    assert f"{round(small_plan.nutrition.daily_protein_g)} g of protein a day" in small_text


def test_pdf_prints_every_stop_rule(small_plan, small_text):
    assert "STOP RULES" in small_text
    for rule in small_plan.stop_rules:
        assert squashed(rule) in small_text, rule


def page_sections(pages: list[str]) -> list[str]:
    """The section each page belongs to, read from its running footer."""
    sections = []
    for number, text in enumerate(pages, start=1):
        before = text.split(f" Page {number} of ")[0]
        if re.search(r"Weeks? \d+(–\d+)?$", before):
            sections.append("Week by week")
        else:
            sections.append(next((t for _, t in SECTION_TITLES if before.endswith(t)), "?"))
    return sections


def test_pdf_has_every_section_in_reading_order(small_pages):
    sections = page_sections(small_pages)
    assert "?" not in sections
    assert list(dict.fromkeys(sections)) == [title for _, title in SECTION_TITLES]


def test_every_page_says_page_x_of_y(small_pages):
    for number, text in enumerate(small_pages, start=1):
        assert f"Page {number} of {len(small_pages)}" in text


def test_running_head_carries_client_version_and_date(small_plan, small_pages):
    date = small_plan.history[-1].date
    for text in small_pages[1:]:
        assert small_plan.profile.client.name in text and f"Plan version {small_plan.version}" in text
        assert long_date(date) in text


def test_every_week_is_opened_by_exactly_one_block(small_plan, small_pages):
    # A block of weeks opens with "WEEKS 1–4 OF 8"; every week is in exactly one.
    weeks = len(small_plan.weeks)
    openings = [(i, m) for i, text in enumerate(small_pages)
                for m in re.findall(rf"WEEKS? (\d+)(?:–(\d+))? OF {weeks}", text)]
    covered = [n for _, (first, last) in openings for n in range(int(first), int(last or first) + 1)]
    assert covered == [w.week for w in small_plan.weeks]


def test_metadata_dates_come_from_the_plan(small_plan, small_pdf):
    info = PdfReader(io.BytesIO(small_pdf)).metadata
    stamp = small_plan.history[-1].date.strftime("D:%Y%m%d")
    assert info["/CreationDate"].startswith(stamp) and info["/ModDate"].startswith(stamp)
    assert small_plan.profile.client.name in info["/Title"]


def test_same_plan_same_bytes(small_plan, small_pdf, catalog):
    # A second render, over a second later: nothing may depend on the clock.
    assert render_document(small_plan, "pdf", catalog=catalog) == small_pdf


def test_a4_by_default_letter_on_request(small_pdf, catalog):
    assert page_size(small_pdf) == A4
    plan = make_plan(catalog, make_profile(weeks=8, days=("mon", "thu")), nutrition=False)
    letter = render_document(plan, "pdf", catalog=catalog, paper="letter")
    assert page_size(letter) == LETTER and page_size(letter, -1) == LETTER


@pytest.fixture(scope="module")
def hostile_render(catalog):
    profile = make_profile(name=HOSTILE_NAME, weeks=8, days=("mon", "thu"),
                           medications=('<img src="http://example.com/pixel.gif">',),
                           clinician={"name": UNICODE_CLINICIAN, "clinic": "<iframe src=file:///etc/hosts>",
                                      "notes": "\n".join(HOSTILE_NOTES)})
    plan = make_plan(catalog, profile, notes=list(HOSTILE_NOTES))
    fetcher = PackagedAssetFetcher()
    data = render_pdf(build_programme(plan, catalog), fetcher=fetcher)
    return data, fetcher


def test_markup_in_profile_text_prints_literally(hostile_render):
    data, _ = hostile_render
    text = pdf_text(data)
    assert squashed(HOSTILE_NAME) in text
    for note in HOSTILE_NOTES:
        assert squashed(note) in text
    assert '<img src="http://example.com/pixel.gif">' in text
    assert "<iframe src=file:///etc/hosts>" in text


def test_rendering_fetched_nothing_but_our_own_drawings(hostile_render):
    _, fetcher = hostile_render
    assert fetcher.refused == []
    assert fetcher.generated and all(url in fetcher.generated for url in fetcher.served)


def test_accented_and_non_latin_names_print_with_bundled_fonts(hostile_render, catalog):
    data, _ = hostile_render
    text = pdf_text(data)
    assert "Zoë" in text and "Ødegård" in text and UNICODE_CLINICIAN in text
    reader = PdfReader(io.BytesIO(data))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    # Noto Sans (first in the list) or DejaVu Sans (its fallback for symbols): never a stray font.
    assert fonts and all("Noto-Sans" in name or "DejaVu" in name for name in fonts), fonts


def test_full_vietnamese_name_survives(catalog):
    plan = make_plan(catalog, make_profile(name=UNICODE_NAME, weeks=8, days=("mon", "thu")), nutrition=False)
    html = render_document(plan, "html", catalog=catalog).decode("utf-8")
    assert UNICODE_NAME in html
