"""`mkdocs serve --dirty` (what `make serve` runs): a save re-renders only the pages whose Markdown
changed, and the site it serves is the site a full build makes (pages, search index)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import DAM, write

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
SERVE_URL = "http://127.0.0.1:8000/"


def _build(project: Path, site: Path, *, first: bool = False) -> None:
    """One build as `mkdocs serve --dirty` makes it: the config loaded again, the plugins kept."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.site_url = SERVE_URL
    if first:
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, serve_url=SERVE_URL, dirty=True)


def _pages(site: Path) -> dict[str, float]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("index.html")}


def _search(site: Path) -> list[dict]:
    return sorted(json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"],
                  key=lambda e: (e["location"], e["title"], e["text"]))


def test_an_override_edit_renders_only_the_pages_it_changes(newsroom: Path, tmp_path: Path):
    site = tmp_path / "served"
    _build(newsroom, site, first=True)
    before = _pages(site)
    write(newsroom / "briefings", f"{DAM}.yml", "title: A dirty title\n")
    _build(newsroom, site)
    after = _pages(site)
    rendered = {page for page in after if after[page] != before.get(page)}
    assert f"briefings/{DAM}/index.html" in rendered
    assert "A dirty title" in (site / "briefings" / DAM / "index.html").read_text(encoding="utf-8")
    # The briefing, its articles' pages (which name it) and the listings; not the other story's pages.
    other_story = {"articles/harvest/index.html", "briefings/record-wheat-harvest-in-the-northern-plains/index.html"}
    assert other_story <= set(after) and not rendered & other_story

    clean = tmp_path / "clean"  # a full build of the same files, in a process of its own (MkDocs keeps plugins)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(clean)], cwd=newsroom,
                   env={**os.environ, "SITE_URL": SERVE_URL}, check=True)
    assert set(_pages(clean)) == set(after)
    for page in after:  # the pages a dirty build kept are the pages a full build makes
        assert (site / page).read_bytes() == (clean / page).read_bytes(), page
    assert _search(site) == _search(clean)  # every page in the index once, with its new text


def test_a_page_that_goes_away_is_removed_from_the_served_site(newsroom: Path, tmp_path: Path):
    site = tmp_path / "served"
    _build(newsroom, site, first=True)
    write(newsroom / "briefings", f"{DAM}.yml", "slug: the-dam-moved\n")
    _build(newsroom, site)
    assert (site / "briefings" / "the-dam-moved" / "index.html").is_file()
    assert not (site / "briefings" / DAM / "index.html").exists()

