"""Briefings and articles as plain Markdown pages with front matter.

Everything that comes from an article is untrusted: `md_text` makes it inert
text for Python-Markdown (no HTML, no links, no emphasis, no attribute lists,
no block syntax), and `plain_label` makes it safe where MkDocs and the theme
put page titles into HTML without escaping them.
"""
from __future__ import annotations

import re

import yaml

from .model import Analysis, Briefing, Citation, Item

# Characters that Python-Markdown (and the extensions enabled in mkdocs.yml)
# would read as markup inside a line; each is backslash-escaped.
_BACKSLASH = set("\\`*_{}[]!#")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;"}
_LEADING_MARKER = re.compile(r"^(?:[-+=]|\d+[.)])")


def md_text(text: str) -> str:
    """Untrusted text as one line of inert Markdown."""
    text = " ".join(text.split())
    out = []
    for ch in text:
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch in _BACKSLASH:
            out.append("\\" + ch)
        else:
            out.append(ch)
    escaped = "".join(out)
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


def sentence_anchor(index: int) -> str:
    return f"s{index + 1}"


# ------------------------------------------------------------------ briefing page


def _citations(item: Item, briefing: Briefing) -> str:
    links = []
    by_number = {s.number: s for s in briefing.sources}
    for citation in item.citations:
        source = by_number[citation.source]
        links.append(_citation_link(citation, source.source_id))
    return " ".join(links)


def _citation_link(citation: Citation, source_id: str) -> str:
    target = f"../{article_page_uri(source_id)}#{sentence_anchor(citation.sentence)}"
    return f'<sup>[\\[{citation.source}\\]]({target} "Source {citation.source}, sentence {citation.sentence + 1}")</sup>'


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
    return f"- {text} {_citations(item, briefing)}\n  {{: #{item.id} }}"


def _section(title: str, items: tuple[Item, ...], briefing: Briefing) -> list[str]:
    if not items:
        return []
    return [f"## {title}", "", *(_item_line(i, briefing) for i in items), ""]


def render_briefing(briefing: Briefing) -> str:
    meta = {"briefing": briefing.slug, "status": briefing.status}
    if briefing.date:
        meta["date"] = briefing.date
    if briefing.tags:
        meta["tags"] = [plain_label(t) for t in briefing.tags]
    lines = [f"# {md_text(plain_label(briefing.title))}", ""]
    facts = [f"**Sources:** {len(briefing.sources)}", f"**Status:** {md_text(briefing.status)}"]
    if briefing.date:
        facts.insert(0, f"**Date:** {briefing.date}")
    lines += [" · ".join(facts), ""]
    if briefing.bottom_line:
        lines += ['!!! abstract "Bottom line"', ""]
        for item in briefing.bottom_line:
            lines += [f"    {md_text(item.text)} {_citations(item, briefing)}", ""]
    lines += _section("What happened", briefing.developments, briefing)
    lines += _section("Background", briefing.background, briefing)
    if briefing.positions:
        lines += ["## Positions", ""]
        for position in briefing.positions:
            heading = f"{position.flag} {md_text(position.label)}".strip()
            lines += [f"### {heading}", ""]
            if position.people:
                lines += ["Speaking: " + ", ".join(md_text(p) for p in position.people), ""]
            lines += [_item_line(i, briefing) for i in position.items] + [""]
    lines += _section("Outlook", briefing.outlook, briefing)
    lines += _section("Timeline", briefing.timeline, briefing)
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
            parts = [f"[{md_text(plain_label(source.title or source.source_id))}](../{article_page_uri(source.source_id)})"]
            parts += [md_text(x) for x in (source.outlet, source.date) if x]
            lines.append(f"{source.number}. " + ", ".join(parts) + f"\n   {{: #source-{source.number} }}")
        lines.append("")
    return front_matter(meta) + "\n".join(lines).rstrip() + "\n"


# ------------------------------------------------------------------ article page


def render_article(analysis: Analysis, briefing_slug: str) -> str:
    """The article as the extractor read it: each sentence anchored, labelled and quotable."""
    article = analysis.article
    meta = {"article": article.source_id, "briefing": briefing_slug, "search": {"boost": 0.5}}
    title = plain_label(article.title or article.source_id)
    lines = [f"# {md_text(title)}", ""]
    facts = [md_text(x) for x in (article.source, article.date, article.dateline, article.path) if x]
    lines += [" · ".join(facts), "", f"Part of the briefing [{md_text(briefing_slug)}](../{briefing_page_uri(briefing_slug)}).", ""]
    paragraph = None
    for sentence in analysis.sentences:
        if paragraph is not None and sentence.paragraph != paragraph:
            lines.append("")
        paragraph = sentence.paragraph
        label = sentence.section + (f" · {sentence.actor}" if sentence.actor and sentence.section == "position" else "")
        lines.append(f"{md_text(sentence.text)} <small>\\[{sentence.index + 1}: {label}\\]</small>\n"
                     f"{{: #{sentence_anchor(sentence.index)} }}")
        lines.append("")
    return front_matter(meta) + "\n".join(lines).rstrip() + "\n"


# ------------------------------------------------------------------ home page


def render_home(briefings: list[Briefing]) -> str:
    """The latest briefings as cards, newest first."""
    ordered = sorted(briefings, key=lambda b: (b.date or "", b.slug), reverse=True)
    lines = ["# Briefings", "", f"{len(ordered)} briefing{'s' if len(ordered) != 1 else ''}, newest first.", ""]
    if ordered:
        lines += ['<div class="grid cards" markdown>', ""]
        for briefing in ordered:
            facts = [x for x in (briefing.date, f"{len(briefing.sources)} source{'s' if len(briefing.sources) != 1 else ''}") if x]
            actors = ", ".join(md_text(plain_label(p.label)) for p in briefing.positions if p.actor != "OTHER")
            lines += [f"-   **[{md_text(plain_label(briefing.title))}]({briefing_page_uri(briefing.slug)})**", "",
                      "    ---", "", f"    {' · '.join(facts)}" + (f" · {actors}" if actors else ""), ""]
            if briefing.bottom_line:
                lines += [f"    {md_text(briefing.bottom_line[0].text)}", ""]
        lines += ["</div>", ""]
    return front_matter({"search": {"exclude": True}}) + "\n".join(lines).rstrip() + "\n"
