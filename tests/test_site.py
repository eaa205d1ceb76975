"""The site built end to end with MkDocs from a copy of the project."""
from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator import pipeline
from conftest import write

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class LiveMarkup(HTMLParser):
    """Collects anything in a page that a browser would run or follow as script."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"script: {data[:60]}")


def build_site(project: Path) -> Path:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)
    build(config)
    return project / "site"


def briefing_html(site: Path) -> str:
    [page] = [p for p in (site / "briefings").glob("*/index.html")]
    return page.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from conftest import REPO
    import shutil

    project = tmp_path_factory.mktemp("project")
    for name in ("docs", "seeds", "briefings"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return build_site(project)


def test_briefing_page_has_every_section(built: Path):
    html = briefing_html(built)
    for heading in ("Bottom line", "What happened", "Background", "Positions", "Outlook", "Key people", "Sources"):
        assert heading in html, heading
    assert "Turkey" in html and "Iran" in html and "United States" in html


def test_quote_is_shown_with_its_speaker(built: Path):
    html = briefing_html(built)
    assert re.search(r"“We will see how much this initiative expands[^”]*” — [^<]*Erdogan", html)


def test_sources_are_numbered_and_lines_cite_sentences(built: Path):
    html = briefing_html(built)
    assert 'id="source-1"' in html and 'id="source-2"' in html
    assert re.search(r'href="\.\./\.\./articles/[\w-]+/#s\d+"', html)


def test_override_is_applied(built: Path):
    html = briefing_html(built)
    assert "Erdogan says both sides want diplomacy" in html  # title from briefings/*.yml
    assert "Several regional powers have quietly supported" not in html  # hidden by id


def test_search_index_contains_araghchi(built: Path):
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("Araghchi" in doc["text"] for doc in index["docs"])


def test_home_lists_the_briefing(built: Path):
    home = (built / "index.html").read_text(encoding="utf-8")
    assert "briefings/turkey-prepares-to-host-u-s-iran-talks-amid-rising-regional/" in home


def test_same_inputs_give_byte_identical_pages(project: Path):
    first = pipeline.build_site(project / "seeds", project / "briefings", root=project).pages
    second = pipeline.build_site(project / "seeds", project / "briefings", root=project).pages
    assert first == second


def test_an_unreadable_article_warns_and_the_rest_still_builds(project: Path):
    (project / "seeds" / "broken.txt").write_bytes(b"\xff\xfe\x00garbage")
    site = pipeline.build_site(project / "seeds", project / "briefings", root=project)
    assert site.problems == ("seeds/broken.txt: looks like a binary file, not an article; remove it from the seeds folder",)
    assert any(uri.startswith("briefings/") for uri in site.pages)


def test_seeds_outside_the_project_folder_build(project: Path, tmp_path_factory):
    # `build --seeds /elsewhere` or `seeds: ../shared/seeds` in mkdocs.yml: sources show the path as given
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    write(elsewhere, "sahel.txt", "Mali said on Monday it would leave the regional bloc.\n")
    site = pipeline.build_site(elsewhere, project / "no-overrides", root=project)
    assert site.problems == ()
    assert "briefings/mali-said-on-monday-it-would-leave-the-regional-bloc.md" in site.pages
    extraction = pipeline.extract([elsewhere], relative_to=project)
    assert [a.article.path for a in extraction.analyses] == [f"{elsewhere}/sahel.txt"]


def test_an_untitled_article_is_listed_by_its_first_words(tmp_path: Path):
    seeds = tmp_path / "seeds"
    write(seeds, "x7f3q.txt", "LIMA (Reuters) - Peru and Chile signed a fisheries pact on Monday after "
                             "eleven years of talks over the southern anchovy grounds.\n\nThe pact takes effect in June.\n")
    site = pipeline.build_site(seeds, tmp_path / "briefings", root=tmp_path)
    label = "Peru and Chile signed a fisheries pact on Monday after eleven years…"
    [briefing] = [page for uri, page in site.pages.items() if uri.startswith("briefings/") and uri.endswith(".md")]
    assert f"1. [{label}](../articles/x7f3q.md), Reuters" in briefing
    assert f"- [{label}](articles/x7f3q.md) · Reuters" in site.pages["sources.md"]
    assert f"# {label}\n" in site.pages["articles/x7f3q.md"]


def test_untrusted_article_text_stays_text(project: Path):
    write(project / "seeds", "hostile.txt",
          "Hostile <script>alert(1)</script> Markup Test Headline Here\n\n"
          "The minister said <img src=x onerror=alert(2)> and [click](javascript:alert(3)) today.\n"
          "---\n"
          "{{ config.site_name }} {: onclick=alert(4) } **bold** <a href=\"javascript:alert(5)\">x</a> was posted.\n")
    site = build_site(project)
    for page in site.rglob("*.html"):
        live = LiveMarkup()
        live.feed(page.read_text(encoding="utf-8"))
        assert live.found == [], page
    article = next((site / "articles").glob("hostile/index.html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article or "‹script›alert(1)‹/script›" in article
    assert "{{ config.site_name }}" in article
