"""The HTML programme on a phone: at 375 px no text overlaps and nothing scrolls sideways.

Run in a real Chromium driven by Playwright (issue 13, Build 7): Debian's `chromium`
package (installed by .ci/run) at /usr/bin/chromium, or Playwright's own browser. The
test skips, saying why, only when neither can be started.
"""

from __future__ import annotations

import shutil

import pytest

from planner.render import render_document
from tests.render.plan_factory import make_plan, make_profile

PHONE = {"width": 375, "height": 812}

# Every text fragment must sit inside the box of the block that holds it (a cell, a
# paragraph, a heading): a label running into its value, or a menu off the screen, fails.
FIND_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const holder = node.parentElement.closest('td, th, p, li, h1, h2, h3, h4, a, div');
    if (!holder || holder.getClientRects().length === 0) continue;
    const style = getComputedStyle(node.parentElement);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const box = holder.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width === 0) continue;
      if (r.right > width + 1 || r.left < -1 || r.right > box.right + 1 || r.left < box.left - 1) {
        problems.push(holder.tagName + ': ' + node.textContent.trim().slice(0, 40));
        break;
      }
    }
  }
  return problems.slice(0, 10);
}"""


def _browser(playwright):
    """Debian's chromium first (what CI installs), else Playwright's own download."""
    candidates = [path for path in (shutil.which("chromium"), shutil.which("chromium-browser")) if path]
    errors = []
    for path in candidates + [None]:
        try:
            return playwright.chromium.launch(executable_path=path, args=["--no-sandbox"])
        except Exception as error:      # this browser cannot start here: try the next
            errors.append(f"{path or 'playwright chromium'}: {str(error).splitlines()[0]}")
    pytest.skip("no Chromium could be started for the phone-width test (" + "; ".join(errors) + ")")


@pytest.fixture(scope="module")
def phone_page(catalog, tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    profile = make_profile(name="Maria Aparecida dos Santos Souza", weeks=12)
    html = render_document(make_plan(catalog, profile), "html", catalog=catalog, large=False)
    path = tmp_path_factory.mktemp("phone") / "programme.html"
    path.write_bytes(html)
    with sync_api.sync_playwright() as playwright:
        browser = _browser(playwright)
        page = browser.new_page(viewport=PHONE)
        page.goto(path.as_uri())
        yield page
        browser.close()


def test_nothing_scrolls_sideways_at_phone_width(phone_page):
    scroll, client = phone_page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, f"the page is {scroll} px wide on a {client} px screen"


def test_no_text_runs_out_of_its_box_at_phone_width(phone_page):
    assert phone_page.evaluate(FIND_OVERFLOW) == []
