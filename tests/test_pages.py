"""The reader's pages of the built site: home, actors, timeline, sources, feed, links; and their size at scale."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import BUILT_SITES, PROJECT_SITE_URL
from generator.site import render
from generator.model import ActorPosition, Briefing, Citation, Item, SourceRef

SEED_SLUG = "turkey-prepares-to-host-u-s-iran-talks-amid-rising-regional"
FISHERIES_SLUG = "norway-and-chile-sign-fisheries-accord-in-oslo"
ATOM = "{http://www.w3.org/2005/Atom}"


class LinksAndIds(HTMLParser):
    """Every href/src in a page, and every id it defines."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])


def page_url(site: Path, html: Path) -> str:
    return PROJECT_SITE_URL + html.relative_to(site).as_posix().removesuffix("index.html")


def target_file(site: Path, url: str) -> Path | None:
    """The file GitHub Pages would serve for an address inside the site, or None if it is outside."""
    if not url.startswith(PROJECT_SITE_URL):
        return None
    path = site / unquote(urlsplit(url).path.removeprefix(urlsplit(PROJECT_SITE_URL).path))
    return path / "index.html" if path.is_dir() else path


def read(site: Path, relative: str) -> str:
    return (site / relative).read_text(encoding="utf-8")


@pytest.fixture(params=sorted(BUILT_SITES))
def built_site(request) -> Path:
    """The site as each builder that publishes it built it (MkDocs with the plugin; Zensical)."""
    return request.getfixturevalue(BUILT_SITES[request.param])


def test_every_internal_link_and_anchor_resolves(built_site: Path):
    parsed: dict[Path, LinksAndIds] = {}
    for html in built_site.rglob("*.html"):
        parsed[html] = LinksAndIds()
        parsed[html].feed(html.read_text(encoding="utf-8"))
    checked, broken = 0, []
    for html, page in parsed.items():
        for link in page.links:
            url = urljoin(page_url(built_site, html), link)
            target = target_file(built_site, url)
            if target is None:
                continue
            checked += 1
            fragment = unquote(urlsplit(url).fragment)
            if not target.is_file():
                broken.append(f"{html.relative_to(built_site)}: {link}")
            elif fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else set()
                if fragment not in ids:
                    broken.append(f"{html.relative_to(built_site)}: {link} (no such anchor)")
    assert checked > 500  # the check really followed the site's links (607 when written)
    assert broken == []


def test_home_shows_briefings_as_cards_newest_first(published_site: Path):
    home = read(published_site, "index.html")
    fisheries, seed = home.index(f'href="briefings/{FISHERIES_SLUG}/"'), home.index(f'href="briefings/{SEED_SLUG}/"')
    assert fisheries < seed  # 2026-03-12 before 2026-02-05
    card = home[seed:home.index("</li>", seed)]
    assert "2026-02-05" in card and "2 sources" in card
    assert "Turkey is preparing to host talks" in card  # the bottom line
    for actor in ("turkey", "iran", "united-states"):
        assert f'href="actors/{actor}/"' in card


def test_actor_page_lists_positions_with_links_to_briefing_and_source(published_site: Path):
    page = read(published_site, "actors/turkey/index.html")
    assert "Erdogan" in page
    assert re.search(rf'href="\.\./\.\./briefings/{SEED_SLUG}/#[qs]-[0-9a-f]{{8}}"', page)
    assert re.search(r'href="\.\./\.\./articles/[\w-]+/#s\d+"', page)
    index = read(published_site, "actors/index.html")
    for actor in ("chile", "iran", "norway", "turkey", "united-states"):
        assert f'href="{actor}/"' in index


def test_briefing_links_each_actor_to_its_page(published_site: Path):
    page = read(published_site, f"briefings/{SEED_SLUG}/index.html")
    assert 'href="../../actors/turkey/"' in page


def test_tag_pages_list_their_briefings_and_briefings_link_their_tags(published_site: Path):
    index = read(published_site, "tags/index.html")
    for tag in ("iran", "turkey", "united-states", "norway", "chile"):
        assert f'href="{tag}/"' in index
    assert 'href="egypt/"' not in index  # Egypt is named once, as where Erdogan flew back from: no tag
    page = read(published_site, "tags/iran/index.html")
    assert f'href="../../briefings/{SEED_SLUG}/"' in page and FISHERIES_SLUG not in page
    briefing = read(published_site, f"briefings/{SEED_SLUG}/index.html")
    assert 'href="../../tags/iran/"' in briefing


def test_timeline_lists_dated_events_newest_first(published_site: Path):
    page = read(published_site, "timeline/index.html")
    march, january = page.index("2026-03-10"), page.index("2026-01-14")
    assert march < january
    assert "Norway and Chile signed a fisheries accord" in page
    assert f'href="../briefings/{FISHERIES_SLUG}/#t-' in page


def test_sources_page_lists_every_article_with_its_briefing(published_site: Path):
    page = read(published_site, "sources/index.html")
    articles = sorted(p.parent.name for p in (published_site / "articles").glob("*/index.html"))
    assert len(articles) == 4
    for article in articles:
        assert f'href="../articles/{article}/"' in page
    assert "TASS" in page and "Test Wire" in page


def test_feed_is_valid_atom_with_briefing_dates(published_site: Path):
    root = ET.fromstring((published_site / "feed.xml").read_bytes())
    assert root.tag == f"{ATOM}feed"

    def one(element, name):
        [found] = element.findall(f"{ATOM}{name}")
        return found

    def rfc3339(text: str) -> datetime:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", text), text
        return datetime.fromisoformat(text)

    # RFC 4287 §4.1.1: exactly one id, title and updated; an author (here on the feed); ids are absolute IRIs.
    assert one(root, "title").text == "Briefings"
    assert one(root, "id").text.startswith("urn:uuid:")
    assert one(one(root, "author"), "name").text
    entries = root.findall(f"{ATOM}entry")
    assert [one(e, "title").text for e in entries][:2] == [
        "Norway and Chile sign fisheries accord in Oslo",
        "Turkey prepares to host US–Iran talks as Erdogan says both sides want diplomacy"]
    assert len({one(e, "id").text for e in entries}) == len(entries)
    dates = [rfc3339(one(e, "updated").text) for e in entries]
    assert dates == sorted(dates, reverse=True)
    # the feed's date is its newest briefing's, not the time of the build
    assert rfc3339(one(root, "updated").text) == dates[0] == datetime.fromisoformat("2026-03-12T00:00:00+00:00")
    feed_url = PROJECT_SITE_URL + "feed.xml"
    self_link = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert [urljoin(feed_url, link.get("href")) for link in self_link] == [feed_url]
    for entry in entries:
        assert one(entry, "id").text.startswith("urn:uuid:")
        assert one(entry, "summary").text  # the bottom line
        [link] = entry.findall(f"{ATOM}link")
        target = target_file(published_site, urljoin(feed_url, link.get("href")))
        assert target is not None and target.is_file(), link.get("href")


def test_pages_advertise_the_feed(built_site: Path):
    home = read(built_site, "index.html")
    assert re.search(r'<link rel="alternate" type="application/atom\+xml" title="Briefings" href="(\./)?feed\.xml">', home)


def test_404_page_loads_assets_from_the_project_path(built_site: Path):
    page = read(built_site, "404.html")
    assets = re.findall(r'(?:href|src)="([^"]*assets/[^"]+)"', page)
    assert assets and all(a.startswith("/repo/assets/") for a in assets), assets


# ------------------------------------------------------------------ at scale, without MkDocs


def synthetic_briefings(count: int) -> list[Briefing]:
    briefings = []
    for n in range(count):
        date = f"20{24 + n // 365:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        cite = (Citation(source=1, sentence=0, start=0, end=10),)
        briefings.append(Briefing(
            slug=f"story-{n:04d}", title=f"Story number {n}", date=date,
            bottom_line=(Item(id=f"s-{n:08x}", text=f"Bottom line of story {n}.", citations=cite),),
            tags=("Turkey",),
            positions=(ActorPosition(actor="TUR", label="Turkey", flag="🇹🇷", people=(),
                                     items=(Item(id=f"q-{n:08x}", text=f"Turkey on story {n}.", citations=cite),)),),
            timeline=(Item(id=f"t-{n:08x}", text=f"Event of story {n}.", date=date, citations=cite),),
            sources=(SourceRef(number=1, path=f"seeds/{n}.txt", source_id=f"a-{n:04d}", title=f"Article {n}", label=f"Article {n}",
                               outlet="Wire", date=date, url=None),)))
    return briefings


def test_index_pages_stay_small_as_briefings_accumulate():
    briefings = synthetic_briefings(1000)
    home = render.render_home(briefings)
    assert home.count("-   **[") == render.HOME_LATEST
    assert "(archive.md)" in home
    listings = {**render.render_archive(briefings), **render.render_actors(briefings),
                **render.render_timeline(briefings), **render.render_sources(briefings),
                **render.render_tags(briefings)}
    assert len([uri for uri in listings if uri == "archive.md" or uri.startswith("archive/")]) == 10
    assert len([uri for uri in listings if uri.startswith("actors/turkey")]) == 50
    assert len([uri for uri in listings if uri.startswith("tags/turkey")]) == 10
    # every line of every listing made it onto exactly one page
    assert sum(page.count("(../briefings/story-") + page.count("(briefings/story-")
               for uri, page in listings.items() if uri.startswith(("archive", "sources"))) == 2000
    largest = max(len(page.encode("utf-8")) for page in listings.values())
    assert largest < 25_000, largest


def test_listing_pages_link_to_their_neighbours():
    pages = render.render_archive(synthetic_briefings(250))
    assert list(pages) == ["archive.md", "archive/2.md", "archive/3.md"]
    assert "[Older →](archive/2.md)" in pages["archive.md"] and "← Newer" not in pages["archive.md"]
    assert "[← Newer](../archive.md)" in pages["archive/2.md"] and "[Older →](3.md)" in pages["archive/2.md"]
    assert "Page 3 of 3" in pages["archive/3.md"] and "Older →" not in pages["archive/3.md"]
