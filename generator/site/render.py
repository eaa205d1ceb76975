"""Briefings and articles as plain Markdown pages with front matter.

Everything that comes from an article is untrusted: `md_text` makes it inert
text for Python-Markdown (no HTML, no links, no emphasis, no attribute lists,
no block syntax), and `plain_label` makes it safe where MkDocs and the theme
put page titles into HTML without escaping them.
"""
from __future__ import annotations

import json
import posixpath
from urllib.parse import urlsplit
import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import yaml

from . import feed
from .briefing_json import briefing_document
from ..briefing.compose import OTHER_VOICES
from ..model import ActorPosition, Analysis, Briefing, Citation, Item
from ..names import page_name
from ..briefing.stories import article_label

# Characters that Python-Markdown (and the extensions enabled in mkdocs.yml)
# would read as markup inside a line; each is backslash-escaped.
_BACKSLASH = set("\\`*_{}[]!#")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;"}
_MARKUP = _BACKSLASH | set(_ENTITIES)
_ESCAPES = str.maketrans({**{ch: "\\" + ch for ch in _BACKSLASH}, **_ENTITIES})
_LEADING_MARKER = re.compile(r"^(?:[-+=]|\d+[.)])")


# Python-Markdown's cost grows with the square of the escapes and entities in one block (60,000
# underscores took minutes), and prose has a handful: a text with more markup characters than
# this shows them all as look-alikes that need no escape.
MAX_ESCAPES = 64
_LOOK_ALIKES = str.maketrans({"\\": "＼", "`": "'", "*": "∗", "_": "＿", "{": "｛", "}": "｝", "[": "［",
                              "]": "］", "!": "！", "#": "＃", "&": "＆", "<": "‹", ">": "›", "|": "｜"})


def md_text(text: str) -> str:
    """Untrusted text as one line of inert Markdown."""
    text = " ".join(text.split())
    if sum(text.count(ch) for ch in _MARKUP) > MAX_ESCAPES:
        text = text.translate(_LOOK_ALIKES)
    escaped = text.translate(_ESCAPES)
    marker = _LEADING_MARKER.match(escaped)
    if marker:  # would start a list, a setext underline or an ordered list
        escaped = "&#8203;" + escaped
    return escaped


_LABEL_MAP = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "`": "'"})


def plain_label(text: str) -> str:
    """A title or label with no characters that HTML could read as markup.

    MkDocs and Material insert page titles into HTML unescaped (and
    `striptags` unescapes entities), so titles carry no <, >, & or quotes at all."""
    return " ".join(text.translate(_LABEL_MAP).split())


def front_matter(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"


def article_page_uri(source_id: str) -> str:
    return f"articles/{source_id}.md"


def briefing_page_uri(slug: str) -> str:
    return f"briefings/{slug}.md"


def briefing_json_uri(slug: str) -> str:
    """The briefing as JSON, next to its page (briefing_json.py)."""
    return f"briefings/{slug}.json"


def render_briefing_json(briefing: Briefing) -> str:
    return json.dumps(briefing_document(briefing), ensure_ascii=False, indent=1) + "\n"


def sentence_anchor(index: int) -> str:
    return f"s{index + 1}"


# ------------------------------------------------------------------ briefing page


def _citations(item: Item, briefing: Briefing) -> str:
    links = []
    by_number = {s.number: s for s in briefing.sources}
    for citation in item.citations:
        source = by_number[citation.source]
        links.append(_citation_link(citation, source.source_id, titled=item.main))
    if item.link:  # an editor's citation of a web page; the address was checked when the override was read
        links.append(f'<sup>[\\[{md_text(plain_label(item.link.title or "web"))}\\]]({item.link.url})</sup>')
    return " ".join(links)


def _number_label(number: int) -> str:
    """A citation's link text, [n], with no escapes: the inner [n] stays text, since a generated page
    defines no link references (md_text escapes every "[" of article and editor text), and the HTML is
    the same as with escaped brackets for a sixth less of Python-Markdown's work on a briefing page."""
    return f"[{number}]"


def _citation_link(citation: Citation, source_id: str, *, titled: bool = True) -> str:
    """A link to the cited sentence; in the main view with a tooltip naming it (the full record goes
    without: its many citations would make long briefings heavy pages)."""
    target = f"../{article_page_uri(source_id)}#{sentence_anchor(citation.sentence)}"
    title = f' "Source {citation.source}, sentence {citation.sentence + 1}"' if titled else ""
    return f'<sup>[{_number_label(citation.source)}]({target}{title})</sup>'


def _item_line(item: Item, briefing: Briefing) -> str:
    text = md_text(item.text)
    if item.quote:
        text = f"“{text}”"
    if item.speaker:
        text += f" — {md_text(item.speaker)}"
    if item.date:
        text = f"**{item.date}** — {text}"
    if item.note:
        text += f" *({md_text(item.note)})*"
    if item.editorial:  # readers can tell an editor's line from one taken from the sources
        text += " <small>(editor)</small>"
    if item.new:
        text = f"<small>NEW</small> {text}"
    return f"- {text} {_citations(item, briefing)}{_carried(item, briefing)}\n  {{: #{item.id} }}"


def _carried(item: Item, briefing: Briefing) -> str:
    """How many sources carry a line of the main view, when more than one does, and where they
    give different figures for it, each source's figure with its citation."""
    count = len({c.source for c in item.citations})
    shown = f" <small>({count} sources)</small>" if item.main and count > 1 else ""
    if item.differs:
        by_number = {s.number: s for s in briefing.sources}
        figures = "; ".join(f"{md_text(v.value)} {_citation_link(v.citation, by_number[v.citation.source].source_id)}"
                            for v in item.differs)
        shown += f" <small>Sources differ: {figures}</small>"
    return shown


def _full_record(items: list[Item], briefing: Briefing, what: str = "line") -> list[str]:
    """The lines of a section outside the main view, collapsed (pymdownx.details), each with its id
    and citation: nothing a source says is lost, and links to any line's id still land on it."""
    if not items:
        return []
    noun = what if len(items) == 1 else what + "s"
    lines = [f'??? note "Full record: {len(items)} more {noun}"', ""]
    for item in items:
        lines += ["    " + row for row in _item_line(item, briefing).split("\n")]
    return lines + [""]


def _items(items: tuple[Item, ...], briefing: Briefing) -> list[str]:
    """The main view's lines, then the rest collapsed."""
    shown = [_item_line(i, briefing) for i in items if i.main]
    return [*shown, *([""] if shown else []), *_full_record([i for i in items if not i.main], briefing)]


def _section(title: str, items: tuple[Item, ...], briefing: Briefing) -> list[str]:
    if not items:
        return []
    return [f"## {title}", "", *_items(items, briefing)]


def _timeline(briefing: Briefing) -> list[str]:
    """Dated events, collapsed: each line says its date and its first words, and links to the line
    that tells it in full (the same sentence is a line of its section too)."""
    if not briefing.timeline:
        return []
    rows = []
    for item in briefing.timeline:
        words = item.text.split()
        text = md_text(" ".join(words[:TIMELINE_WORDS]) + ("…" if len(words) > TIMELINE_WORDS else ""))
        if item.editorial:
            text += " <small>(editor)</small>"
        rows.append(f"    - **{item.date}** — {text} {_citations(item, briefing)}\n      {{: #{item.id} }}")
    noun = "event" if len(rows) == 1 else "events"
    return ["## Timeline", "", f'??? note "{len(rows)} dated {noun}"', "", *rows, ""]


TIMELINE_WORDS = 14  # a timeline line shows the date and the start of the sentence; its section has the rest


def _outlet(source) -> str | None:
    """The outlet a source names, else the web site its address names."""
    if source.outlet:
        return source.outlet
    host = urlsplit(source.url).hostname if source.url else None
    return host.removeprefix("www.") if host else None


def render_briefing(briefing: Briefing) -> str:
    # Briefings rank above the articles and pages that mention the same names.
    meta = {"briefing": briefing.slug, "status": briefing.status, "search": {"boost": 2}}
    if briefing.date:
        meta["date"] = briefing.date
    if briefing.tags:
        meta["tags"] = [plain_label(t) for t in briefing.tags]
    lines = [f"# {md_text(plain_label(briefing.title))}", ""]
    facts = [f"**Sources:** {len(briefing.sources)}", f"**Status:** {md_text(briefing.status)}"]
    if briefing.date:
        facts.insert(0, f"**Date:** {briefing.date}")
    lines += [" · ".join(facts), ""]
    if briefing.tags:
        uri = briefing_page_uri(briefing.slug)
        lines += ["Tags: " + ", ".join(f"[{md_text(plain_label(t))}]({_link(uri, tag_page_uri(t))})"
                                       for t in briefing.tags), ""]
    if briefing.bottom_line:
        lines += ['!!! abstract "Bottom line"', ""]
        for item in briefing.bottom_line:
            lines += [f"    {md_text(item.text)} {_citations(item, briefing)}{_carried(item, briefing)}", f"    {{: #{item.id} }}", ""]
    lines += _section("What happened", briefing.developments, briefing)
    lines += _section("Background", briefing.background, briefing)
    if briefing.positions:
        lines += ["## Positions", ""]
        for position in briefing.positions:
            heading = f"{position.flag} {md_text(position.label)}".strip()
            lines += [f"### {heading}", ""]
            if position.actor != OTHER_VOICES:
                target = _link(briefing_page_uri(briefing.slug), actor_page_uri(position.label, position.actor))
                lines += [f"[All positions of {md_text(plain_label(position.label))}]({target}){{ .actor-link }}", ""]
            if position.people:
                lines += ["Speaking: " + ", ".join(md_text(p) for p in position.people), ""]
            lines += _items(position.items, briefing)
    lines += _section("Outlook", briefing.outlook, briefing)
    lines += _timeline(briefing)
    lines += _section("Editors' notes", briefing.notes, briefing)
    if briefing.people:
        lines += ["## Key people", ""]
        for person in briefing.people:
            details = ", ".join(md_text(x) for x in (person.role, person.label) if x)
            lines.append(f"- **{md_text(person.name)}**" + (f", {details}" if details else "") + f"\n  {{: #{person.id} }}")
        lines.append("")
    if briefing.sources:
        lines += ["## Sources", ""]
        for source in briefing.sources:
            parts = [f"[{md_text(plain_label(source.label))}](../{article_page_uri(source.source_id)})"]
            parts += [md_text(_outlet(source) or "outlet not stated"), md_text(source.date or "undated")]
            lines.append(f"{source.number}. " + ", ".join(parts) + f"\n   {{: #source-{source.number} }}")
        lines.append("")
    return front_matter(meta) + "\n".join(lines).rstrip() + "\n"


# ------------------------------------------------------------------ article page


def render_article(analysis: Analysis, briefing_slug: str, briefing_title: str | None = None) -> str:
    """The article as the extractor read it: each sentence anchored, labelled and quotable."""
    article = analysis.article
    # Out of search: briefings carry the same sentences, and the index is loaded whole by every reader.
    meta = {"article": article.source_id, "briefing": briefing_slug, "search": {"exclude": True}}
    title = plain_label(article_label(analysis))
    lines = [f"# {md_text(title)}", ""]
    facts = [md_text(x) for x in (article.source, article.date, article.dateline, article.path) if x]
    lines += [" · ".join(facts), "", f"Part of the briefing [{md_text(plain_label(briefing_title or briefing_slug))}](../{briefing_page_uri(briefing_slug)}).", ""]
    paragraph = None
    for sentence in analysis.sentences:
        if paragraph is not None and sentence.paragraph != paragraph:
            lines.append("")
        paragraph = sentence.paragraph
        label = sentence.section + (f" · {sentence.actor}" if sentence.actor and sentence.section == "position" else "")
        lines.append(f"{md_text(sentence.text)} <small>[{sentence.index + 1}: {label}]</small>\n"
                     f"{{: #{sentence_anchor(sentence.index)} }}")
        lines.append("")
    return front_matter(meta) + "\n".join(lines).rstrip() + "\n"


# ------------------------------------------------------------------ index pages
#
# Index pages stay small however many briefings there are: the home page shows
# the latest few, and every full listing is split into numbered pages.

HOME_LATEST = 12  # briefings shown as cards on the home page
ARCHIVE_PER_PAGE = 100  # briefings per page of the full list
SOURCES_PER_PAGE = 100  # source articles per page
TIMELINE_PER_PAGE = 100  # dated events per page
ACTOR_BRIEFINGS_PER_PAGE = 20  # briefings per page of an actor's positions

ARCHIVE_URI = "archive.md"
SOURCES_URI = "sources.md"
TIMELINE_URI = "timeline.md"
ACTORS_URI = "actors/index.md"
TAGS_URI = "tags/index.md"
TAG_BRIEFINGS_PER_PAGE = 100  # briefings per page of a tag
FEED_URI = "feed.xml"
_LISTING_META = {"search": {"exclude": True}}  # listings repeat briefing text; search finds the briefings


def actor_page_uri(label: str, code: str) -> str:
    """One page per state or organisation, named after its display name."""
    slug = page_name(label) or page_name(code)
    return f"actors/{slug if slug != 'index' else page_name(code)}.md"


def tag_page_uri(tag: str) -> str:
    slug = page_name(tag) or "tag"
    return f"tags/{slug if slug != 'index' else 'tag-index'}.md"


def _link(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """A Markdown link target from one docs page to another (MkDocs resolves and checks it)."""
    target = posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
    return target + (f"#{anchor}" if anchor else "")


def _newest_first(briefings: list[Briefing]) -> list[Briefing]:
    return sorted(briefings, key=lambda b: (b.date or "", b.slug), reverse=True)


def _order(briefings: list[Briefing]) -> str:
    """How a listing of briefings is ordered, said honestly: undated briefings cannot be "newest"."""
    if briefings and all(b.date is None for b in briefings):
        return "undated, by title"
    return "newest first, undated ones last" if any(b.date is None for b in briefings) else "newest first"


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _title_link(briefing: Briefing, from_uri: str, anchor: str = "") -> str:
    return f"[{md_text(plain_label(briefing.title))}]({_link(from_uri, briefing_page_uri(briefing.slug), anchor)})"


def _source_links(item: Item, briefing: Briefing, from_uri: str) -> str:
    """The item's citations as links to the cited sentences of the source articles."""
    by_number = {s.number: s for s in briefing.sources}
    return " ".join(
        f"[{_number_label(c.source)}]({_link(from_uri, article_page_uri(by_number[c.source].source_id), sentence_anchor(c.sentence))})"
        for c in item.citations)


def _actors(briefing: Briefing) -> list[ActorPosition]:
    """The states and organisations that take positions (not the unattributed 'other voices')."""
    return [p for p in briefing.positions if p.actor != OTHER_VOICES]


def _actor_links(briefing: Briefing, from_uri: str) -> str:
    return ", ".join(f"[{md_text(plain_label(p.label))}]({_link(from_uri, actor_page_uri(p.label, p.actor))})"
                     for p in _actors(briefing))


def _paginate(first_uri: str, entries: list, per_page: int) -> list[tuple[str, list]]:
    """Entries split into pages: first_uri ('sources.md'), then 'sources/2.md', 'sources/3.md'…"""
    stem = first_uri.removesuffix(".md").removesuffix("/index")
    chunks = [entries[i:i + per_page] for i in range(0, len(entries), per_page)] or [[]]
    return [(first_uri if n == 1 else f"{stem}/{n}.md", chunk) for n, chunk in enumerate(chunks, start=1)]


def _pager(pages: list[tuple[str, list]], index: int) -> list[str]:
    if len(pages) == 1:
        return []
    here = pages[index][0]
    parts = []
    if index > 0:
        parts.append(f"[← Newer]({_link(here, pages[index - 1][0])})")
    parts.append(f"Page {index + 1} of {len(pages)}")
    if index + 1 < len(pages):
        parts.append(f"[Older →]({_link(here, pages[index + 1][0])})")
    return [" · ".join(parts), ""]


def _listing(first_uri: str, title: str, intro, entries: list, per_page: int, render_chunk) -> dict[str, str]:
    """Numbered pages of entries, each with its intro, its chunk and links to its neighbours.

    intro(uri) and render_chunk(uri, chunk) get the page's own uri, to make its relative links;
    a page's Markdown depends on nothing else (see reusing_listing_pages)."""
    pages = _paginate(first_uri, entries, per_page)
    kept = _kept_listing_pages.get()
    out = {}
    for index, (uri, chunk) in enumerate(pages):
        heading = title if index == 0 else f"{title}, page {index + 1}"
        inputs = (heading, intro(uri), len(pages), index, *chunk)
        if kept is not None and uri in kept and _same_entries(kept[uri][0], inputs):
            out[uri] = kept[uri][1]
            continue
        lines = [f"# {heading}", "", inputs[1], "", *_pager(pages, index), *render_chunk(uri, chunk), "",
                 *_pager(pages, index)]
        out[uri] = front_matter(_LISTING_META) + "\n".join(lines).rstrip() + "\n"
        if kept is not None:
            kept[uri] = (inputs, out[uri])
    return out


_kept_listing_pages: ContextVar[dict[str, tuple[tuple, str]] | None] = ContextVar("kept_listing_pages", default=None)


@contextmanager
def reusing_listing_pages(kept: dict[str, tuple[tuple, str]]) -> Iterator[None]:
    """Within, a listing page (all briefings, an actor's, a tag's, the timeline, the sources) whose
    heading, intro, place among its pages and entries are the same as in `kept` is taken from it
    instead of rendered again; pages rendered are put into it. While serving, a save changes the
    entries of a few pages of each listing, and rendering the others again would cost more than the
    rest of a rebuild."""
    token = _kept_listing_pages.set(kept)
    try:
        yield
    finally:
        _kept_listing_pages.reset(token)


def _same_entries(one: tuple, other: tuple) -> bool:
    """The very objects (the usual case while serving) or equal ones."""
    return len(one) == len(other) and all(a is b or a == b for a, b in zip(one, other))


# ------------------------------------------------------------------ home page


def render_home(briefings: list[Briefing]) -> str:
    """The latest briefings as cards, newest first, and the ways into everything else."""
    uri = "index.md"
    ordered = _newest_first(briefings)
    latest = ordered[:HOME_LATEST]
    lines = ["# Briefings", ""]
    if len(ordered) > len(latest):
        lines += [f"The latest {len(latest)} of {_plural(len(ordered), 'briefing')}, {_order(ordered)}. "
                  f"[All briefings]({_link(uri, ARCHIVE_URI)}).", ""]
    else:
        lines += [f"{_plural(len(ordered), 'briefing')}, {_order(ordered)}.", ""]
    if latest:
        lines += ['<div class="grid cards" markdown>', ""]
        for briefing in latest:
            facts = [md_text(briefing.date or "undated"), _plural(len(briefing.sources), "source")]
            lines += [f"-   **{_title_link(briefing, uri)}**", "", "    ---", "", f"    {' · '.join(facts)}", ""]
            if briefing.bottom_line:
                lines += [f"    {md_text(briefing.bottom_line[0].text)}", ""]
            if _actors(briefing):
                lines += [f"    Actors: {_actor_links(briefing, uri)}", ""]
        lines += ["</div>", ""]
    lines += [f"Browse by [actor]({_link(uri, ACTORS_URI)}), on the [timeline]({_link(uri, TIMELINE_URI)}), "
              f"by [tag]({_link(uri, TAGS_URI)}) or by [source]({_link(uri, SOURCES_URI)}); "
              f"follow new briefings with the [Atom feed]({_link(uri, FEED_URI)}).", ""]
    return front_matter(_LISTING_META) + "\n".join(lines).rstrip() + "\n"


def render_archive(briefings: list[Briefing]) -> dict[str, str]:
    """Every briefing, newest first, one line each."""
    def chunk(uri: str, entries: list[Briefing]) -> list[str]:
        return [f"- {md_text(b.date or 'undated')} · {_title_link(b, uri)} · {_plural(len(b.sources), 'source')}"
                for b in entries]

    return _listing(ARCHIVE_URI, "All briefings", lambda uri: f"{_plural(len(briefings), 'briefing')}, {_order(briefings)}.",
                    _newest_first(briefings), ARCHIVE_PER_PAGE, chunk)


# ------------------------------------------------------------------ actors


def render_actors(briefings: list[Briefing]) -> dict[str, str]:
    """An index of states and organisations, and one page each with its positions, newest first."""
    by_page: dict[str, list[tuple[Briefing, ActorPosition]]] = defaultdict(list)
    for briefing in _newest_first(briefings):
        for position in _actors(briefing):
            by_page[actor_page_uri(position.label, position.actor)].append((briefing, position))
    pages: dict[str, str] = {}
    rows = []
    for first_uri, entries in sorted(by_page.items(), key=lambda kv: kv[1][0][1].label.casefold()):
        label = plain_label(entries[0][1].label)
        flag = entries[0][1].flag
        statements = sum(len(p.items) for _, p in entries)
        rows.append(f"| {flag} [{md_text(label)}]({_link(ACTORS_URI, first_uri)}) | {len(entries):,} | {statements:,} "
                    f"| {md_text(entries[0][0].date or 'undated')} |")

        def chunk(uri: str, block: list[tuple[Briefing, ActorPosition]]) -> list[str]:
            lines = []
            for briefing, position in block:
                lines += [f"## {md_text(briefing.date or 'undated')} · {_title_link(briefing, uri)}", ""]
                if position.people:
                    lines += ["Speaking: " + ", ".join(md_text(p) for p in position.people), ""]
                for item in position.items:
                    lines.append(f"- {_statement(item)} · [in the briefing]({_link(uri, briefing_page_uri(briefing.slug), item.id)})"
                                 f" · source {_source_links(item, briefing, uri)}")
                lines.append("")
            return lines

        def intro(uri: str, label=label, count=len(entries)) -> str:
            return (f"What {md_text(label)} said across {_plural(count, 'briefing')}, newest first. Each line links "
                    f"to its place in the briefing and to the source sentence. [All actors]({_link(uri, ACTORS_URI)}).")

        pages.update(_listing(first_uri, f"{flag} {md_text(label)}".strip(), intro, entries,
                              ACTOR_BRIEFINGS_PER_PAGE, chunk))
    lines = ["# Actors", "", "States and organisations whose positions the briefings report.", ""]
    if rows:
        lines += ["| Actor | Briefings | Statements | Latest |", "|---|--:|--:|---|", *rows]
    else:
        lines.append("No positions yet.")
    pages[ACTORS_URI] = front_matter(_LISTING_META) + "\n".join(lines).rstrip() + "\n"
    return pages


def _statement(item: Item) -> str:
    text = md_text(item.text)
    if item.quote:
        text = f"“{text}”"
    if item.speaker:
        text += f" — {md_text(item.speaker)}"
    return text


# ------------------------------------------------------------------ tags


def render_tags(briefings: list[Briefing]) -> dict[str, str]:
    """An index of tags, and one listing of briefings per tag, newest first.

    One page per tag, split into numbered pages, instead of one page listing
    every briefing under every tag: that page would grow with the whole site."""
    by_page: dict[str, list[Briefing]] = defaultdict(list)
    names: dict[str, str] = {}
    for briefing in _newest_first(briefings):
        for tag in dict.fromkeys(plain_label(t) for t in briefing.tags):
            uri = tag_page_uri(tag)
            names.setdefault(uri, tag)
            if briefing not in by_page[uri][-1:]:
                by_page[uri].append(briefing)

    def chunk(uri: str, entries: list[Briefing]) -> list[str]:
        return [f"- {md_text(b.date or 'undated')} · {_title_link(b, uri)} · {_plural(len(b.sources), 'source')}"
                for b in entries]

    pages: dict[str, str] = {}
    rows = []
    for first_uri in sorted(by_page, key=lambda u: names[u].casefold()):
        name, entries = md_text(names[first_uri]), by_page[first_uri]
        rows.append(f"- [{name}]({_link(TAGS_URI, first_uri)}) ({len(entries):,})")

        def intro(uri: str, name=name, entries=entries) -> str:
            return (f"{_plural(len(entries), 'briefing')} tagged {name}, {_order(entries)}. "
                    f"[All tags]({_link(uri, TAGS_URI)}).")

        pages.update(_listing(first_uri, f"Tag: {name}", intro, entries, TAG_BRIEFINGS_PER_PAGE, chunk))
    lines = ["# Tags", "", "Briefings by the states and organisations they are mainly about, and by editors' tags.", ""]
    lines += rows or ["No tags yet."]
    pages[TAGS_URI] = front_matter(_LISTING_META) + "\n".join(lines).rstrip() + "\n"
    return pages


# ------------------------------------------------------------------ timeline and sources


def render_timeline(briefings: list[Briefing]) -> dict[str, str]:
    """Every dated event of every briefing, newest first."""
    events = sorted(((item.date, briefing.slug, item.id, item, briefing)
                     for briefing in briefings for item in briefing.timeline if item.date),
                    key=lambda e: e[:3], reverse=True)

    def chunk(uri: str, entries: list) -> list[str]:
        lines, shown_date = [], None
        for date, _, _, item, briefing in entries:
            if date != shown_date:
                lines += ["", f"## {md_text(date)}", ""]
                shown_date = date
            lines.append(f"- {md_text(item.text)} · {_title_link(briefing, uri, item.id)} · source {_source_links(item, briefing, uri)}")
        return lines

    def intro(uri: str) -> str:
        return (f"{_plural(len(events), 'dated event')} from all briefings, newest first. A date is shown only "
                "when an article states it or when a relative date can be resolved against the article's own date.")

    return _listing(TIMELINE_URI, "Timeline", intro, events, TIMELINE_PER_PAGE, chunk)


def render_sources(briefings: list[Briefing]) -> dict[str, str]:
    """Every source article, newest first, with the briefing it went into."""
    sources = sorted(((s.date or "", s.source_id, s, b) for b in briefings for s in b.sources),
                     key=lambda e: e[:2], reverse=True)

    def chunk(uri: str, entries: list) -> list[str]:
        lines = []
        for date, source_id, source, briefing in entries:
            title = md_text(plain_label(source.label))
            facts = [md_text(x) for x in (source.outlet, date or "undated") if x]
            lines.append(f"- [{title}]({_link(uri, article_page_uri(source_id))}) · {' · '.join(facts)}"
                         f" · in {_title_link(briefing, uri)}")
        return lines

    def intro(uri: str) -> str:
        return f"{_plural(len(sources), 'source article')}, newest first, each with the briefing it went into."

    return _listing(SOURCES_URI, "Sources", intro, sources, SOURCES_PER_PAGE, chunk)


# ------------------------------------------------------------------ feed


def render_feed(briefings: list[Briefing]) -> str:
    return feed.atom_feed(briefings, feed_uri=FEED_URI, page_uri=briefing_page_uri)
