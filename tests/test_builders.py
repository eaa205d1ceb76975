"""One site, three builders.

The pages written to a folder (`python -m generator build --out`), and the
site built from the same inputs by MkDocs with the plugin, by MkDocs without
it from the written folder, by ProperDocs and by Zensical.
"""
from __future__ import annotations

import contextlib
import gzip
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import (DAM, HARVEST, PROJECT_SITE_URL, REPO, builder_command, copy_published_project, run_builder, stop,
                      write)
from generator import cli
from generator.site import docs_folder
from test_live import _fetch, _free_port, _wait_for

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
GENERATOR_META = re.compile(rb'<meta name="generator" content="[^"]*">')
SITEMAP_URL = re.compile(rb"<url>.*?</url>", re.S)


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by path; sitemaps as their sorted entries (their order follows
    the order a builder found the files in, which tells nothing about the pages)."""
    files = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        content = path.read_bytes()
        if path.name == "sitemap.xml.gz":
            content = gzip.decompress(content)
        if path.name.startswith("sitemap.xml"):
            content = b"\n".join(sorted(SITEMAP_URL.findall(content)))
        files[path.relative_to(site).as_posix()] = content
    return files


def differences(first: Path, second: Path, *, generator_meta: bool = True) -> list[str]:
    """The files in which two built sites differ (with generator_meta=False, apart from the generator meta tag)."""
    a, b = site_files(first), site_files(second)
    if not generator_meta:
        a, b = ({path: GENERATOR_META.sub(b"", content) for path, content in files.items()} for files in (a, b))
    return sorted(set(a) ^ set(b)) + sorted(path for path in set(a) & set(b) if a[path] != b[path])


def generator_of(site: Path) -> str:
    return GENERATOR_META.search((site / "index.html").read_bytes()).group().decode()


def build_folder(project: Path, *extra: str) -> tuple[int, str]:
    """`python -m generator build --out build/docs` in a project: its exit code and what it printed."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        code = cli.main(["build", "--root", str(project), "--out", str(project / "build" / "docs"), *extra])
    return code, printed.getvalue()


def files_in(folder: Path) -> dict[str, int]:
    """Every file under a folder with its modification time, dotfiles included."""
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


# ------------------------------------------------------------------ the written folder


def test_the_written_folder_gives_plain_mkdocs_exactly_the_plugins_site(published_site: Path, tmp_path: Path):
    project = copy_published_project(tmp_path)
    assert cli.main(["build", "--root", str(project), "--out", str(project / "build" / "docs"), "--strict"]) == 0
    write(project, "folder.yml", "INHERIT: mkdocs.yml\ndocs_dir: build/docs\nplugins:\n  - search\n")
    config = load_config(str(project / "folder.yml"), site_dir=str(project / "site"), strict=True,
                         site_url=PROJECT_SITE_URL)
    assert "briefings" not in config.plugins  # MkDocs alone, reading the folder
    build(config)
    assert len(list((project / "site").rglob("*.html"))) > 15
    assert differences(published_site, project / "site") == []


def test_build_writes_static_and_generated_pages_and_rewrites_only_what_changed(newsroom: Path):
    out = newsroom / "build" / "docs"
    code, printed = build_folder(newsroom)
    assert code == 0, printed
    first = files_in(out)
    assert {"method.md", "assets/stylesheets/site.css", "index.md", f"briefings/{DAM}.md", f"briefings/{HARVEST}.md",
            docs_folder.MANIFEST} <= set(first)
    assert not any(path.startswith("templates/") for path in first)  # template overrides are no pages
    assert (out / "method.md").read_bytes() == (newsroom / "docs" / "method.md").read_bytes()

    assert build_folder(newsroom)[0] == 0
    assert files_in(out) == first  # nothing rewritten

    write(newsroom / "briefings", f"{DAM}.yml", "title: A title from an editor\n")
    assert build_folder(newsroom)[0] == 0
    after = files_in(out)
    rewritten = {path for path in first if after[path] != first[path]}
    assert f"briefings/{DAM}.md" in rewritten and "\n# A title from an editor\n" in (out / f"briefings/{DAM}.md").read_text()
    assert not rewritten & {"method.md", "assets/stylesheets/site.css", f"briefings/{HARVEST}.md"}


def test_build_removes_the_pages_it_wrote_that_are_gone_and_nothing_else(newsroom: Path):
    out = newsroom / "build" / "docs"
    assert build_folder(newsroom)[0] == 0
    write(out, "notes.txt", "an editor's own file\n")
    write(out, "briefings/kept-by-hand.md", "# Not generated\n")
    (newsroom / "seeds" / "harvest.md").unlink()
    code, printed = build_folder(newsroom)
    assert code == 0, printed
    assert not (out / f"briefings/{HARVEST}.md").exists()
    assert not list((out / "articles").glob("harvest*"))
    assert (out / "notes.txt").read_text() == "an editor's own file\n"
    assert (out / "briefings/kept-by-hand.md").read_text() == "# Not generated\n"
    assert (out / f"briefings/{DAM}.md").is_file()


def test_build_refuses_to_overwrite_a_file_it_did_not_write(newsroom: Path):
    write(newsroom / "build" / "docs", "index.md", "# My own home page\n")
    code, printed = build_folder(newsroom)
    assert code == 2
    assert "did not write and would overwrite: index.md" in printed
    assert (newsroom / "build" / "docs" / "index.md").read_text() == "# My own home page\n"


def test_build_refuses_an_out_folder_that_overlaps_an_input(newsroom: Path):
    code, printed = build_folder(newsroom, "--docs", "build")
    assert code == 2 and "overlaps the docs folder" in printed
    assert not (newsroom / "build").exists()


def test_strict_build_fails_on_a_problem_and_still_writes_the_pages(newsroom: Path):
    write(newsroom / "briefings", f"{DAM}.yml", "titel: typo\n")
    code, printed = build_folder(newsroom)
    assert code == 0 and "unknown key 'titel'" in printed
    shutil.rmtree(newsroom / "build")
    code, printed = build_folder(newsroom, "--strict")
    assert code == 1 and "unknown key 'titel'" in printed and "--strict fails the build" in printed
    assert (newsroom / "build" / "docs" / f"briefings/{DAM}.md").is_file()


def test_the_folder_keeps_a_briefing_as_last_built_while_its_override_is_broken(newsroom: Path):
    from generator.site.watch import FolderSite

    out = newsroom / "build" / "docs"
    site = FolderSite(root=newsroom, seeds=newsroom / "seeds", overrides=newsroom / "briefings",
                      docs=newsroom / "docs", out=out, serving=True)
    write(newsroom / "briefings", f"{DAM}.yml", "title: Good title\n")
    site.build()
    write(newsroom / "briefings", f"{DAM}.yml", "title: Broken title\nhide: [s-00000000]\n")
    built, written = site.build(articles_changed=False)
    assert built.kept == (DAM,) and len(built.problems) == 1
    assert "\n# Good title\n" in (out / f"briefings/{DAM}.md").read_text()
    assert f"briefings/{HARVEST}.md" not in written.written


# ------------------------------------------------------------------ ProperDocs


def test_properdocs_builds_the_same_site_as_mkdocs(published_site: Path, tmp_path: Path):
    properdocs = builder_command("properdocs")
    project = copy_published_project(tmp_path)
    run_builder(properdocs, "build", "--strict", "-f", "mkdocs.yml", cwd=project, site_url=PROJECT_SITE_URL)
    assert "ProperDocs" in generator_of(project / "site") and "ProperDocs" not in generator_of(published_site)
    assert differences(published_site, project / "site", generator_meta=False) == []


# ------------------------------------------------------------------ Zensical


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_zensical_builds_the_same_pages_from_the_written_folder(published_site: Path, zensical_published_site: Path):
    assert "zensical" in generator_of(zensical_published_site)
    assert pages(zensical_published_site) == pages(published_site)
    assert {p.relative_to(zensical_published_site).as_posix() for p in zensical_published_site.rglob("*.xml")} >= {
        "feed.xml", "sitemap.xml"}


def test_zensical_pages_use_its_own_search_and_show_no_tag_chips(zensical_published_site: Path):
    home = (zensical_published_site / "index.html").read_text(encoding="utf-8")
    assert 'class="md-search__button"' in home  # Zensical's search dialog opens from it
    assert "md-search__form" not in home  # no copy of Material's search partial
    [briefing] = (zensical_published_site / "briefings").glob("turkey-*/index.html")
    page = briefing.read_text(encoding="utf-8")
    assert "md-tags" not in page and 'href="../../tags/iran/"' in page  # the tags line links, no chips


def test_zensical_searches_briefings_and_the_about_page_only(zensical_published_site: Path):
    import json

    index = json.loads((zensical_published_site / "search.json").read_text(encoding="utf-8"))
    found = {item["location"].split("#")[0].split("/")[0] for item in index["items"]}
    assert found == {"briefings", "method"}  # `search: exclude` in the articles' and listings' front matter works


def test_serving_with_zensical_rebuilds_when_an_override_is_saved(newsroom: Path):
    zensical = builder_command("zensical")
    shutil.copy(REPO / "zensical.yml", newsroom / "zensical.yml")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/briefings/{DAM}/"
    log_path = newsroom / "serve.log"
    with open(log_path, "w", encoding="utf-8") as log:  # what `make serve-zensical` runs
        server = subprocess.Popen([sys.executable, "-m", "generator", "build", "--out", "build/docs", "--watch", "--",
                                   zensical, "serve", "-f", "zensical.yml", "-a", f"127.0.0.1:{port}"],
                                  cwd=newsroom, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ))
    try:
        _wait_for(lambda: "Kessel Dam" in _fetch(url), limit=60)
        assert "new WebSocket" in _fetch(url) or "WebSocket(" in _fetch(url)  # the page reloads itself on a rebuild
        write(newsroom / "briefings", f"{DAM}.yml", "title: Live title one\n")
        _wait_for(lambda: "Live title one" in _fetch(url), limit=20)
        write(newsroom / "seeds", "dam-c.md", (newsroom / "seeds" / "dam-b.md").read_text(encoding="utf-8")
              .replace("Tuesday", "Wednesday").replace("Alpine Post", "Lake Courier"))
        _wait_for(lambda: "Lake Courier" in _fetch(url), limit=20)  # a new article joins the briefing
        write(newsroom / "briefings", f"{DAM}.yml", "title: Broken\nhide: [s-00000000]\n")
        _wait_for(lambda: "shown as it was last built" in log_path.read_text(encoding="utf-8"), limit=20)
        page = _fetch(url)
        assert "Live title one" in page and "Broken" not in page
        assert server.poll() is None
    finally:
        stop(server)
    assert not (newsroom / "docs" / "index.md").exists()  # nothing written into the inputs
