"""The Atom feed of the latest briefings, made with feedgen.

The feed is a file of the site like any page, so it is built from the
briefings alone: entry dates are briefing dates (never the build time), ids
are URNs derived from slugs (stable however the site is hosted), and links are
relative to the feed's own address, which RFC 4287 resolves against the
document (so the feed works under any project path without knowing it).
"""
from __future__ import annotations

import datetime as dt
import re
import uuid

from feedgen.feed import FeedGenerator

from ..model import Briefing

FEED_ENTRIES = 50  # the latest briefings a reader's feed client sees
FEED_TITLE = "Briefings"
# Fixed namespace for the feed's ids: the same slug always gives the same id.
_ID_NAMESPACE = uuid.UUID("5d0f7c8e-3b1a-4c52-9a51-0b8e2c6f4d17")


# Characters no page or feed may carry: those XML 1.0 forbids (C0 controls but tab and line
# breaks, lone surrogates, U+FFFE, U+FFFF), which lxml refuses to write, and the ones
# HTML reads as parse errors (DEL, C1 controls). An article or a YAML escape ("\x01")
# can bring them in; they show as nothing, so they are dropped.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def without_control_characters(text: str) -> str:
    return _NOT_TEXT.sub("", text)


def _timestamp(date: str) -> dt.datetime:
    return dt.datetime.fromisoformat(date).replace(tzinfo=dt.timezone.utc)


def _urn(name: str) -> str:
    return uuid.uuid5(_ID_NAMESPACE, name).urn


def atom_feed(briefings: list[Briefing], *, feed_uri: str, page_uri) -> str:
    """The latest dated briefings as Atom XML, newest first.

    page_uri(slug) is the briefing's docs-relative page ('briefings/<slug>.md');
    undated briefings are left out because an Atom entry needs a date."""
    dated = sorted((b for b in briefings if b.date), key=lambda b: (b.date, b.slug), reverse=True)[:FEED_ENTRIES]
    generator = FeedGenerator()
    generator.id(_urn("feed"))
    generator.title(FEED_TITLE)
    generator.subtitle("Structured briefings generated from news articles.")
    generator.author({"name": "briefing-site"})
    generator.link(href=feed_uri, rel="self", type="application/atom+xml")
    generator.link(href="./", rel="alternate", type="text/html")
    generator.language("en")
    generator.updated(_timestamp(dated[0].date) if dated else _timestamp("1970-01-01"))
    for briefing in reversed(dated):  # feedgen emits the last added entry first
        entry = generator.add_entry()
        entry.id(_urn(f"briefing:{briefing.slug}"))
        entry.title(without_control_characters(briefing.title))
        entry.link(href=_page_url(page_uri(briefing.slug)), rel="alternate", type="text/html")
        entry.published(_timestamp(briefing.date))
        entry.updated(_timestamp(briefing.date))
        if briefing.bottom_line:
            entry.summary(without_control_characters(" ".join(item.text for item in briefing.bottom_line)))
        for tag in briefing.tags:
            entry.category(term=without_control_characters(tag))
    return generator.atom_str(pretty=True).decode("utf-8")


def _page_url(uri: str) -> str:
    """'briefings/x.md' → 'briefings/x/': the address MkDocs gives the page (use_directory_urls)."""
    return uri.removesuffix(".md") + "/"
