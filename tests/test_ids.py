"""Item ids stay put: overrides address items by id, so an id may change only when the item's own text does."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from conftest import DAM, NEWSROOM, REPO, write
from generator import pipeline
from generator.briefing import overrides
from generator.extraction.analyse import analyse
from generator.briefing.compose import compose, item_id
from generator.model import Story
from generator.extraction.reading import parse_article

SEED_SLUG = "turkey-prepares-to-host-u-s-iran-talks-amid-rising-regional"
UNRELATED = """\
---
title: Chess Club Opens in Harbour Town
date: 2026-04-01
source: Local Post
---
A chess club opened in the harbour town on Saturday.
Forty players attended the first evening, organisers said.
"""


def ids_by_text(project: Path, slug: str, *, people: bool = True) -> dict[str, str]:
    """The generated briefing's items (no override), id → text; with its key people, id → name."""
    site = pipeline.build_site(project / "seeds", project / "no-overrides", root=project)
    [briefing] = [b for b in site.briefings if b.slug == slug]
    items = {i.id: i.text for name in overrides.SECTIONS for i in getattr(briefing, name)}
    items |= {i.id: i.text for p in briefing.positions for i in p.items}
    return items | ({p.id: p.name for p in briefing.people} if people else {})


def test_seed_ids_do_not_change_when_an_unrelated_article_comes_changes_or_goes(project: Path):
    before = ids_by_text(project, SEED_SLUG)
    unrelated = write(project / "seeds", "zz-chess.md", UNRELATED)
    assert ids_by_text(project, SEED_SLUG) == before
    unrelated.write_text(UNRELATED.replace("Forty players", "Fifty-two players"), encoding="utf-8")
    assert ids_by_text(project, SEED_SLUG) == before
    unrelated.unlink()
    assert ids_by_text(project, SEED_SLUG) == before


def test_editing_a_sentence_changes_its_id_only(newsroom: Path):
    """Lines only: key people come from names, which an edit may add or take away."""
    old, new = "Engineers from both sides inspected the reservoir last week.", "Engineers surveyed the lake."
    before = ids_by_text(newsroom, DAM, people=False)
    write(newsroom / "seeds", "dam-a.md", NEWSROOM["dam-a.md"].replace(old, new))
    after = ids_by_text(newsroom, DAM, people=False)
    assert set(before) - set(after) == {item_id("s", old)}
    assert set(after) - set(before) == {item_id("s", new)}


def test_an_id_does_not_depend_on_the_section_or_actor():
    analysis = analyse(parse_article(NEWSROOM["dam-b.md"], path="dam-b.md"))
    text = "Norway insists the dam is needed for electricity."
    places, ids = set(), set()
    for section, actor in (("development", None), ("background", None), ("position", "NOR"), ("position", "SWE")):
        sentences = tuple(replace(s, section=section, actor=actor, speaker=None) if s.text == text else s
                          for s in analysis.sentences)
        briefing = compose(Story(slug="x", analyses=(replace(analysis, sentences=sentences),)))
        [(place, found)] = [(name, i.id) for name in overrides.SECTIONS for i in getattr(briefing, name)
                            if i.text == text] + [(p.actor, i.id) for p in briefing.positions for i in p.items
                                                  if i.text == text]
        places.add(place)
        ids.add(found)
    assert places == {"developments", "background", "NOR", "SWE"}
    assert ids == {item_id("s", text)}


def test_ids_are_the_same_on_every_run_and_in_every_process():
    """Nothing in an id may come from Python's per-process hash seed or the order of a set."""
    listings = []
    for seed in ("1", "2"):
        result = subprocess.run([sys.executable, "-m", "generator", "overrides", "ids", SEED_SLUG],
                                cwd=REPO, capture_output=True, text=True, check=True, timeout=120,
                                env={**os.environ, "PYTHONHASHSEED": seed})
        listings.append(result.stdout)
    assert listings[0] == listings[1] and listings[0].count("\n") > 20


def test_an_id_is_a_hash_of_the_normalised_text():
    assert item_id("s", "Talks  resume in Vienna.") == item_id("s", "talks resume in vienna")
    assert item_id("s", "Talks resume.") != item_id("q", "Talks resume.")
    assert item_id("s", "Talks resume.") != item_id("s", "Talks resumed.")


def test_no_two_lines_of_a_briefing_share_an_id():
    """A sentence that is one source's lede and another's body sentence is one line citing both."""
    shared = "The two governments agreed on Monday to reopen the border crossing at Karasu."
    first = parse_article(f"Border Crossing at Karasu to Reopen After Talks\n\n{shared} Trucks queued overnight.\n",
                          path="a.txt")
    second = parse_article("Officials met in the capital on Monday. " + shared + " Traders welcomed the news.\n",
                           path="b.txt")
    briefing = compose(Story(slug="karasu", analyses=(analyse(first), analyse(second))))
    lines = [i for name in overrides.SECTIONS for i in getattr(briefing, name)]
    lines += [i for p in briefing.positions for i in p.items]
    ids = [i.id for i in lines]
    assert len(ids) == len(set(ids))
    [merged] = [i for i in lines if i.text == shared]
    assert {c.source for c in merged.citations} == {1, 2}
