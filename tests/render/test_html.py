"""HTML output: profile text escaped, nothing fetched from outside, a self-contained page."""

import re

import pytest

from planner.render import render_document
from planner.render.html import render_html
from planner.render.view import build_programme
from tests.render.plan_factory import make_plan, make_profile

HOSTILE_NAME = 'Eve <img src="file:///etc/passwd"> <b>bold</b>'
HOSTILE_NOTE = ('<style>body { background: url(http://example.com/x.png) }</style>'
                '<link rel="stylesheet" href="http://example.com/x.css"> url(file:///etc/shadow) & more')


@pytest.fixture(scope="module")
def hostile_plan(catalog):
    profile = make_profile(name=HOSTILE_NAME, weeks=8, medications=("<script>alert(1)</script>",),
                           clinician={"name": "<i>Dr</i>", "clinic": '"><svg onload=x>', "notes": HOSTILE_NOTE})
    return make_plan(catalog, profile, notes=[HOSTILE_NOTE])


@pytest.mark.parametrize("media", ["screen", "print"])
def test_profile_text_is_escaped_everywhere(hostile_plan, catalog, media):
    html = render_html(build_programme(hostile_plan, catalog), media=media)
    assert '<img src="file:' not in html and "<script>" not in html and "<b>bold</b>" not in html
    assert "<style>body { background" not in html and '<link rel="stylesheet"' not in html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html or "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_screen_html_references_nothing_outside_itself(small_plan, catalog):
    html = render_document(small_plan, "html", catalog=catalog).decode("utf-8")
    links = re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', html)
    assert all(link.startswith("#") for link in links), links
    assert "url(" not in html and "@import" not in html
    assert html.count("<svg") > 1     # drawings inline


def test_screen_html_has_every_section(small_plan, catalog):
    html = render_document(small_plan, "html", catalog=catalog).decode("utf-8")
    for anchor in ("cover", "overview", "weeks", "guide", "nutrition", "diary", "reassessment"):
        assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html


def test_unknown_format_or_paper_is_refused(small_plan, catalog):
    with pytest.raises(ValueError):
        render_document(small_plan, "docx", catalog=catalog)
    with pytest.raises(ValueError):
        render_document(small_plan, "pdf", catalog=catalog, paper="a3")
