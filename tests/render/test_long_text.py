"""Long unbroken text wraps inside its box, and every script prints (no boxes, nothing cut).

Word boxes come from `pdftotext -bbox` (poppler-utils, installed by .ci/run).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from planner.render import render_document
from tests.render.plan_factory import make_plan, make_profile

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

UUID = "3f2b9c1e-7d4a-4e8b-9a61-0c5d2e7f8a93"
NAME = "高橋美咲" + "AVeryLongFamilyNameWithoutAnySpaces" * 2
NOTES = ("Keepthekneesoverthetoes" * 200)[:4000]
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


@pytest.fixture(scope="module")
def pages(catalog, tmp_path_factory):
    profile = make_profile(name=NAME, weeks=8, days=("mon", "thu"), clinician={
        "name": "ดร. สมชาย ใจดี", "clinic": "दिल्ली फिजियोथेरेपी क्लिनिक", "phone": "+91 11 2345 6789", "notes": NOTES})
    profile = profile.model_copy(update={"client": profile.client.model_copy(update={"id": UUID})})
    pdf = tmp_path_factory.mktemp("long") / "long.pdf"
    pdf.write_bytes(render_document(make_plan(catalog, profile), "pdf", catalog=catalog))
    html = subprocess.run(["pdftotext", "-f", "1", "-l", "4", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    found = []
    for page in html.split("<page ")[1:]:
        width = float(re.search(r'width="([\d.]+)"', page)[1])
        found.append((width, [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in WORD.findall(page)]))
    return found


def overlap(one, other, slack: float = 1.5) -> bool:
    """Boxes that share more than `slack` points both ways (line boxes of tall scripts touch)."""
    return (min(one[2], other[2]) - max(one[0], other[0]) > slack
            and min(one[3], other[3]) - max(one[1], other[1]) > slack)


def test_nothing_runs_off_the_page(pages):
    for width, words in pages:
        assert all(0 <= word[0] and word[2] <= width for word in words), \
            [w[4][:30] for w in words if w[2] > width]


def test_no_word_overprints_another(pages):
    for _, words in pages:
        for index, word in enumerate(words):
            for other in words[index + 1:]:
                assert not overlap(word[:4], other[:4]), (word[4][:30], other[4][:30])


def test_the_whole_note_is_printed(pages):
    text = "".join(w[4] for _, words in pages for w in words)
    assert text.count("Keepthekneesoverthetoes") >= 4000 // 23 - 2


def test_every_script_prints_without_boxes(pages):
    text = "".join(w[4] for _, words in pages for w in words)
    for fragment in ("高橋美咲", "สมชาย", "दिल्ली", UUID[:8]):
        assert fragment in text
