"""The fetcher: packaged assets and our own drawings only; every other URL refused and recorded."""

import pytest

from planner.render.fetcher import PackagedAssetFetcher, RefusedURL
from planner.resources import templates_dir


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "http://example.com/x.png",
    "https://example.com/font.woff2",
    "data:image/svg+xml,<svg/>",
    "ftp://example.com/x.css",
])
def test_foreign_urls_are_refused_and_recorded(url):
    fetcher = PackagedAssetFetcher()
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.refused == [url] and fetcher.served == []


def test_escaping_the_templates_folder_is_refused():
    fetcher = PackagedAssetFetcher()
    url = (templates_dir() / ".." / "pyproject.toml").as_uri()
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    css_outside = (templates_dir().resolve().parent / "outside.css").as_uri()
    with pytest.raises(RefusedURL):
        fetcher.fetch(css_outside)
    assert len(fetcher.refused) == 2


def test_a_packaged_stylesheet_is_served():
    fetcher = PackagedAssetFetcher()
    response = fetcher.fetch((templates_dir() / "programme.css").resolve().as_uri())
    assert b"font-family" in response.read()
    assert fetcher.refused == [] and len(fetcher.served) == 1


def test_a_template_is_not_an_asset():
    fetcher = PackagedAssetFetcher()
    with pytest.raises(RefusedURL):
        fetcher.fetch((templates_dir() / "programme.html").resolve().as_uri())


def test_drawings_registered_by_the_renderer_are_served_from_memory():
    fetcher = PackagedAssetFetcher(generated={"figures/a-end-96x72.svg": b"<svg/>"})
    url = fetcher.base_url() + "figures/a-end-96x72.svg"
    assert fetcher.fetch(url).read() == b"<svg/>"
    with pytest.raises(RefusedURL):
        fetcher.fetch(fetcher.base_url() + "figures/b-end-96x72.svg")
