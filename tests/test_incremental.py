"""While serving, a rebuild redoes only what a save touched (pipeline.Memo), and what it makes is byte
for byte what a build from scratch makes of the same files, after every kind of save."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from conftest import DAM, HARVEST, REPO, write
from generator import pipeline
from generator.site import render

sys.path.insert(0, str(REPO / "bench"))
import site_scale  # noqa: E402  the benchmark's generator of distinct synthetic stories

SYNTHETIC = 24


@pytest.fixture
def desk(newsroom: Path, monkeypatch) -> Path:
    """The newsroom and two dozen distinct stories, with listings cut into pages of five, so that a
    save changes some pages of a listing and leaves others."""
    for n in range(SYNTHETIC):
        write(newsroom / "seeds", f"story-{n:03d}.md", site_scale.article(n))
    for name in ("ARCHIVE_PER_PAGE", "SOURCES_PER_PAGE", "TIMELINE_PER_PAGE", "TAG_BRIEFINGS_PER_PAGE",
                 "ACTOR_BRIEFINGS_PER_PAGE"):
        monkeypatch.setattr(render, name, 5)
    return newsroom


class Serving:
    """Builds as the plugin makes them under `mkdocs serve`: one Memo, the last good briefings kept."""

    def __init__(self, project: Path):
        self.project = project
        self.memo = pipeline.Memo()
        self.last_good: dict = {}

    def build(self, memo: pipeline.Memo | None) -> pipeline.Site:
        root = self.project
        return pipeline.build_site(root / "seeds", root / "briefings", root=root, last_good=self.last_good,
                                   cache=root / ".cache", jobs=1, memo=memo)

    def rebuild_equals_a_full_build(self) -> pipeline.Site:
        served = self.build(self.memo)
        scratch = self.build(None)
        assert list(served.pages) == list(scratch.pages)
        for uri, text in scratch.pages.items():
            assert served.pages[uri] == text, uri
        assert (served.problems, served.kept, served.good) == (scratch.problems, scratch.kept, scratch.good)
        self.last_good |= served.good
        return served


def _edit_article(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_every_kind_of_save_rebuilds_to_the_pages_of_a_full_build(desk: Path):
    serving = Serving(desk)
    first = serving.rebuild_equals_a_full_build()
    assert len(first.briefings) == SYNTHETIC + 2
    assert sum(uri.startswith("archive/") for uri in first.pages) >= 4  # the listings have several pages

    again = serving.rebuild_equals_a_full_build()  # nothing saved: the very same pages
    assert all(again.pages[uri] is first.pages[uri] for uri in first.pages)

    briefings = desk / "briefings"
    write(briefings, f"{DAM}.yml", "title: The Kessel Dam, edited\n")
    edited = serving.rebuild_equals_a_full_build()
    assert "\n# The Kessel Dam, edited\n" in edited.pages[f"briefings/{DAM}.md"]
    # Pages that do not show the edited briefing are the objects of the last build: not made again.
    assert edited.pages[f"briefings/{HARVEST}.md"] is first.pages[f"briefings/{HARVEST}.md"]

    write(briefings, f"{DAM}.yml", "title: The Kessel Dam, edited\narticles: {remove: [seeds/dam-b.md]}\n")
    split = serving.rebuild_equals_a_full_build()
    assert len(split.briefings) == SYNTHETIC + 3

    write(briefings, "_site.yml", "actors:\n  NOR: {name: Kingdom of Norway}\n")
    serving.rebuild_equals_a_full_build()

    write(briefings, f"{DAM}.yml", "title: Broken\nhide: [s-00000000]\n")  # kept as it last was
    broken = serving.rebuild_equals_a_full_build()
    assert broken.kept == (DAM,) and "\n# The Kessel Dam, edited\n" in broken.pages[f"briefings/{DAM}.md"]
    (briefings / f"{DAM}.yml").unlink()
    (briefings / "_site.yml").unlink()
    serving.rebuild_equals_a_full_build()

    seeds = desk / "seeds"
    write(seeds, "story-new.md", site_scale.article(SYNTHETIC))  # a new article, a new story
    added = serving.rebuild_equals_a_full_build()
    assert len(added.briefings) == SYNTHETIC + 3 and "articles/story-new.md" in added.pages

    write(seeds, "dam-c.md", (seeds / "dam-b.md").read_text(encoding="utf-8").replace(
        "Tuesday", "Wednesday"))  # a new article of an existing story
    serving.rebuild_equals_a_full_build()

    _edit_article(seeds / "dam-a.md", "inspected the reservoir", "surveyed the lake")
    changed = serving.rebuild_equals_a_full_build()
    assert "surveyed the lake" in changed.pages[f"briefings/{DAM}.md"]

    before = (seeds / "harvest.md").stat().st_mtime_ns
    os.utime(seeds / "harvest.md", ns=(before + 10**9, before + 10**9))  # saved without a change
    serving.rebuild_equals_a_full_build()

    (seeds / "harvest.md").rename(seeds / "harvest-renamed.md")
    renamed = serving.rebuild_equals_a_full_build()
    assert "articles/harvest-renamed.md" in renamed.pages and "articles/harvest.md" not in renamed.pages

    (seeds / "story-003.md").unlink()
    serving.rebuild_equals_a_full_build()

    write(seeds, "unreadable.md", "\x00\x01 not an article")
    serving.rebuild_equals_a_full_build()


def test_a_memo_forgets_what_the_last_build_did_not_use(desk: Path):
    serving = Serving(desk)
    serving.rebuild_equals_a_full_build()
    listing_pages_before = serving.memo.kept()["listing pages"]
    for n in range(SYNTHETIC // 2):
        (desk / "seeds" / f"story-{n:03d}.md").unlink()
    site = serving.rebuild_equals_a_full_build()
    kept = serving.memo.kept()
    assert kept["articles"] == SYNTHETIC - SYNTHETIC // 2 + 3
    assert kept["briefings"] == len(site.briefings) < SYNTHETIC
    assert "archive/6.md" in listing_pages_before and "archive/6.md" not in site.pages
    assert kept["listing pages"] <= set(site.pages)
