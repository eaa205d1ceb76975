"""Grouping at scale: copies of a story stay one story, however many share its terms, and a crowd
of other stories sharing their common words does not keep two reports of one story from meeting
(each article's budget of candidates is spent on its rarest terms first)."""
from __future__ import annotations

import sys
from pathlib import Path

from conftest import REPO, write
from generator import pipeline

sys.path.insert(0, str(REPO / "bench"))
import site_scale  # noqa: E402  the benchmark's generator of distinct synthetic stories


def _story_of(result: pipeline.Extraction) -> dict[str, str]:
    return {a.article.path: story.slug for story in result.stories for a in story.analyses}


def test_copies_of_the_seed_story_are_one_story_past_any_per_term_cap(tmp_path):
    # 2 x 120 copies: every term of the story is shared by more than 200 articles, where a cap per
    # term used to stop pairing them at all.
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    for n in range(120):
        for seed in seeds:
            write(tmp_path, f"{seed.stem}-copy-{n:03d}.txt",
                  seed.read_text(encoding="utf-8") + f"\n\nThis is copy number {n} of the report.\n")
    result = pipeline.extract([tmp_path])
    assert len(result.analyses) == 240
    assert len(result.stories) == 1


def test_two_reports_of_one_story_meet_among_hundreds_that_share_their_common_words(tmp_path):
    for n in range(300):
        write(tmp_path, f"story-{n:03d}.md", site_scale.article(n))
    # Story 5 told a second time, in other words: not a copy, but the same place, project and people.
    a, b = site_scale.PAIRS[5]
    place, project, resource, region = (site_scale.invented(5, k) for k in ("place", "project", "resource", "region"))
    person = f"{site_scale.invented(5, 'first')} {site_scale.invented(5, 'surname')}"
    write(tmp_path, "second-report.md", f"""---
title: {project} deal signed for {place}
date: 2024-01-07
---

Negotiators from {b} and {a} signed the {project} agreement on {resource} at a ceremony in {place}.

{person} told reporters the {region} deal was fair to both sides and would keep {resource} flowing.

Critics in {region} said the {project} terms left {place} with too little of the {resource}.
""")
    story_of = _story_of(pipeline.extract([tmp_path]))
    assert story_of[str(tmp_path / "second-report.md")] == story_of[str(tmp_path / "story-005.md")]
    assert len(set(story_of.values())) == 300  # the 300 distinct stories stay 300


def test_grouping_does_not_depend_on_the_order_articles_come_in(tmp_path):
    for n in range(40):
        write(tmp_path, f"story-{n:03d}.md", site_scale.article(n))
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        for n in range(3):
            write(tmp_path, f"{seed.stem}-{n}.txt", seed.read_text(encoding="utf-8") + f"\n\nCopy {n}.\n")
    files = sorted(tmp_path.iterdir())
    forward = _story_of(pipeline.extract(files))
    backward = _story_of(pipeline.extract(files[::-1]))
    assert forward == backward
    assert len(set(forward.values())) == 41
