"""Briefings as JSON: published next to each page, and printed by `python -m generator briefings --json`.

The shape is the one ../shared/eval/score_briefings.py reads, with more
fields beside it; generator/schema/briefings.schema.json describes it and a
test validates what the generator writes against it. Offsets are code points
into the article's normalised text, as in `extract --json`.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..model import Briefing, Citation, Item

# The place of each kind of line, as the JSON names it (one word, singular like the extraction's sections).
_SECTIONS = (("bottom_line", "bottom_line"), ("developments", "development"), ("background", "background"),
             ("outlook", "outlook"), ("timeline", "timeline"), ("notes", "note"))


def _item(item: Item, section: str, actor: str | None, paths: dict[int, str]) -> dict:
    return {
        "id": item.id,
        "section": section,
        "actor": actor,
        "main": item.main,
        "new": item.new,
        "text": item.text,
        "speaker": item.speaker,
        "quote": item.quote,
        "date": item.date,
        "editorial": item.editorial,
        "sources": len({c.source for c in item.citations}),
        "cites": [_cite(c, paths) for c in item.citations],
        "differs": [{"value": v.value, **_cite(v.citation, paths)} for v in item.differs],
    }


def _cite(c: Citation, paths: dict[int, str]) -> dict:
    return {"source": c.source, "path": paths[c.source], "sentence": c.sentence + 1, "start": c.start, "end": c.end}


def briefing_items(briefing: Briefing) -> Iterable[tuple[str, str | None, Item]]:
    """Every line of the briefing with its section and actor, in page order."""
    for name, section in _SECTIONS[:3]:
        for item in getattr(briefing, name):
            yield section, item.actor, item
    for position in briefing.positions:
        for item in position.items:
            yield "position", position.actor, item
    for name, section in _SECTIONS[3:]:
        for item in getattr(briefing, name):
            yield section, None, item


def briefing_document(briefing: Briefing) -> dict:
    paths = {s.number: s.path for s in briefing.sources}
    return {
        "slug": briefing.slug,
        "title": briefing.title,
        "date": briefing.date,
        "status": briefing.status,
        "tags": list(briefing.tags),
        "sources": [{"number": s.number, "path": s.path, "title": s.title, "outlet": s.outlet, "date": s.date,
                     "url": s.url} for s in briefing.sources],
        "items": [_item(item, section, actor, paths) for section, actor, item in briefing_items(briefing)],
        "people": [{"id": p.id, "name": p.name, "role": p.role, "actor": p.actor} for p in briefing.people],
    }


def briefings_document(briefings: Iterable[Briefing]) -> dict:
    return {"briefings": [briefing_document(b) for b in sorted(briefings, key=lambda b: b.slug)]}
