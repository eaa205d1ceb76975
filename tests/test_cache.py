"""The analysis cache and the process pool change how fast articles are analysed, never what comes out."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import DATED_ARTICLE, HOSTILE_ARTICLE, REPO, write
from generator import cache as analysis_cache
from generator import parallel, pipeline

sys.path.insert(0, str(REPO / "bench"))
import site_scale  # noqa: E402  the benchmark's generator of distinct synthetic stories


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", folder)
    write(folder, "hostile.txt", HOSTILE_ARTICLE)
    write(folder, "dated.md", DATED_ARTICLE)
    write(folder, "unreadable.txt", "")  # an empty file: a problem line, never a cache entry
    return folder


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """The paths of the articles analysed (not read from the cache) from now on, in this process."""
    analysed: list[str] = []
    real = analysis_cache.analyse

    def counting(article):
        analysed.append(article.path)
        return real(article)

    monkeypatch.setattr(analysis_cache, "analyse", counting)
    return analysed


def _json(result: pipeline.Extraction) -> str:
    return json.dumps(pipeline.extraction_json(result), ensure_ascii=False, indent=1)


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


def test_output_is_byte_identical_with_and_without_the_cache(articles, tmp_path, counted):
    store = tmp_path / "cache"
    plain = pipeline.extract([articles], jobs=1)
    cold = pipeline.extract([articles], cache=store, jobs=1)
    assert len(counted) == 4
    warm = pipeline.extract([articles], cache=store, jobs=1)
    assert len(counted) == 4  # nothing analysed again
    assert _json(plain) == _json(cold) == _json(warm)
    assert plain.problems == warm.problems and len(warm.problems) == 1
    assert len(_entries(store)) == 4


def test_site_pages_are_byte_identical_from_the_cache(project, tmp_path):
    store = tmp_path / "cache"
    args = (project / "seeds", project / "briefings")
    plain = pipeline.build_site(*args, root=project, jobs=1)
    pipeline.build_site(*args, root=project, cache=store, jobs=1)
    warm = pipeline.build_site(*args, root=project, cache=store, jobs=1)
    assert warm.pages == plain.pages


def test_only_a_new_or_changed_article_is_analysed_again(articles, tmp_path, counted):
    store = tmp_path / "cache"
    pipeline.extract([articles], cache=store)
    counted.clear()
    write(articles, "new.md", site_scale.article(7))
    (articles / "hostile.txt").write_text(HOSTILE_ARTICLE + "\nOne more line.\n", encoding="utf-8")
    pipeline.extract([articles], cache=store)
    assert sorted(Path(p).name for p in counted) == ["hostile.txt", "new.md"]


def test_a_renamed_article_comes_from_the_cache_under_its_new_name(articles, tmp_path, counted):
    store = tmp_path / "cache"
    pipeline.extract([articles], cache=store)
    counted.clear()
    (articles / "dated.md").rename(articles / "renamed.md")
    result = pipeline.extract([articles], cache=store)
    assert counted == []
    renamed = [a.article for a in result.analyses if a.article.path.endswith("renamed.md")]
    assert [(a.path, a.source_id) for a in renamed] == [(str(articles / "renamed.md"), "renamed")]
    assert _json(result) == _json(pipeline.extract([articles]))


@pytest.mark.parametrize("damage", [
    b"",  # cut short
    b"\x80\x81 not utf-8",
    b"{\"article\": 1}",  # JSON, but no analysis
    b"\x80\x04\x95cos\nsystem\n.",  # a pickle: data, never loaded as one
])
def test_a_damaged_entry_is_ignored_and_written_anew(articles, tmp_path, counted, damage):
    store = tmp_path / "cache"
    expected = _json(pipeline.extract([articles], cache=store))
    for entry in _entries(store):
        entry.write_bytes(damage)
    counted.clear()
    assert _json(pipeline.extract([articles], cache=store)) == expected
    assert len(counted) == 4  # analysed again
    counted.clear()
    pipeline.extract([articles], cache=store)
    assert counted == []  # and stored again, readable


def test_entries_of_another_generator_version_are_deleted(articles, tmp_path):
    store = tmp_path / "cache"
    old = store / "analyses-0123456789abcdef0123" / "ab"
    old.mkdir(parents=True)
    (old / "entry.json").write_text("{}", encoding="utf-8")
    unrelated = store / "notes.txt"
    unrelated.write_text("kept", encoding="utf-8")
    pipeline.extract([articles], cache=store)
    assert [p.name for p in store.iterdir() if p.is_dir()] == [f"analyses-{analysis_cache.generator_version()[:20]}"]
    assert unrelated.read_text(encoding="utf-8") == "kept"


def test_an_unwritable_cache_costs_speed_not_the_build(articles, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    assert _json(pipeline.extract([articles], cache=blocked / "cache")) == _json(pipeline.extract([articles]))


def test_the_generator_version_changes_with_its_code_and_data(tmp_path, monkeypatch):
    package = tmp_path / "generator"
    shutil.copytree(REPO / "generator", package, ignore=shutil.ignore_patterns("__pycache__"))

    def version() -> str:
        monkeypatch.setattr(analysis_cache, "PACKAGE", package)
        analysis_cache.generator_version.cache_clear()
        try:
            return analysis_cache.generator_version()
        finally:
            analysis_cache.generator_version.cache_clear()

    first = version()
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    assert version() == first  # compiled files are not the generator's source
    with open(package / "data" / "stopwords.yml", "a", encoding="utf-8") as data:
        data.write("\n# a comment\n")
    assert version() != first


def test_a_pool_of_processes_gives_the_same_output_as_one(tmp_path, monkeypatch):
    folder = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", folder)
    for n in range(24):
        write(folder, f"story-{n:02d}.md", site_scale.article(n))
    write(folder, "hostile.txt", HOSTILE_ARTICLE)
    write(folder, "empty.txt", "")
    monkeypatch.setattr(parallel, "IN_PROCESS_BELOW", 2)  # these few articles would otherwise stay in-process
    one = pipeline.extract([folder], jobs=1)
    pool = pipeline.extract([folder], jobs=2)
    pooled_and_cached = pipeline.extract([folder], jobs=2, cache=tmp_path / "cache")
    assert _json(pool) == _json(one) == _json(pooled_and_cached)
    assert pool.problems == one.problems and len(one.problems) == 1
    assert len(_entries(tmp_path / "cache")) == 27  # the workers stored what they analysed
