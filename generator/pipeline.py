"""The pipeline, read top to bottom: read → analyse → group → compose with overrides → render."""
from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from . import parallel
from .site import render
from .extraction.analyse import analyse
from .cache import AnalysisCache
from .site.feed import without_control_characters
from .model import Analysis, Briefing, Story
from .briefing.overrides import edit_site, load_edits
from .extraction.reading import ArticleError, check_inside, find_article_files, read_article
from .briefing.stories import group


@dataclass(frozen=True, kw_only=True)
class Extraction:
    analyses: tuple[Analysis, ...]
    stories: tuple[Story, ...]
    problems: tuple[str, ...]  # one line per article that could not be read


def extract(paths: list[Path], *, relative_to: Path | None = None, cache: Path | None = None,
            jobs: int | None = None) -> Extraction:
    """Every article's analysis (see analyse_files), then the stories they group into.

    cache: a folder of analyses kept between runs (cache.py); jobs: processes for the analysis."""
    files = [(path, _shown(path, relative_to) if relative_to else str(path)) for path in find_article_files(paths)]
    analyses, problems = [], []
    used_ids: set[str] = set()
    # Links may lead anywhere inside the project folder (the current one, for the command line)
    # or the folders given, and nowhere else: checked before the cache or a worker reads a file.
    inside = [relative_to or Path.cwd()] + [p for p in paths if p.is_dir()]
    refused: dict[int, str] = {}
    for n, (path, shown) in enumerate(files):
        if path not in paths:  # a file named on the command line is read wherever it is
            try:
                check_inside(path, shown, inside)
            except ArticleError as err:
                refused[n] = str(err)
    made = iter(analyse_files([f for n, f in enumerate(files) if n not in refused], cache=cache, jobs=jobs))
    for n in range(len(files)):
        outcome = refused[n] if n in refused else next(made)
        if isinstance(outcome, str):
            problems.append(outcome)
            continue
        unique = _unique(outcome.article.source_id, used_ids)
        analyses.append(replace(outcome, article=replace(outcome.article, source_id=unique)))
    return Extraction(analyses=tuple(analyses), stories=tuple(group(analyses)), problems=tuple(problems))


def analyse_files(files: list[tuple[Path, str]], *, cache: Path | None = None,
                  jobs: int | None = None) -> list[Analysis | str]:
    """For each (file, name it is shown by): its analysis, or the line that says why it has none.

    Analyses the cache holds are read from it; the others are made (and stored) in a pool of
    `jobs` processes (default: every core) when there are enough of them to repay starting one.
    Each is a pure function of the file's bytes, so the results, in the files' order, are the
    same as in one process."""
    outcomes: list[Analysis | str | None] = [None] * len(files)
    if cache is not None:
        store = AnalysisCache(cache)
        for n, (path, shown) in enumerate(files):
            outcomes[n] = store.lookup(path, shown)
    missing = [n for n, outcome in enumerate(outcomes) if outcome is None]
    made = parallel.run(analyse_file, [(*files[n], cache) for n in missing], jobs=jobs)
    for n, outcome in zip(missing, made):
        outcomes[n] = outcome
    return outcomes


def analyse_file(path: Path, shown: str, cache: Path | None) -> Analysis | str:
    """One file's analysis (stored in the cache, if given), or the line that says why it has none."""
    try:
        if cache is not None:
            return AnalysisCache(cache).analysis(path, shown)
        return analyse(read_article(path, shown))
    except ArticleError as err:
        return str(err)
    except Exception as err:  # a bug met on one article must not take the whole site down
        return (f"{shown}: could not be read or analysed ({_one_line(err)}); the article is left out; "
                "this is a bug in the generator: please report it with the file")


def _one_line(err: Exception) -> str:
    """The exception's type and the start of its message, on one line (tests see which bug it was)."""
    message = " ".join(str(err).split())
    return f"{type(err).__name__}: {message[:200]}" if message else type(err).__name__


def _unique(source_id: str, used: set[str]) -> str:
    """Two files whose names slugify alike ('a b.txt', 'a-b.txt') get distinct page names."""
    candidate, n = source_id, 2
    while candidate in used:
        candidate, n = f"{source_id}-{n}", n + 1
    used.add(candidate)
    return candidate


def extraction_json(result: Extraction) -> dict:
    story_of = {a.article.path: story.slug for story in result.stories for a in story.analyses}
    articles = []
    for analysis in sorted(result.analyses, key=lambda a: a.article.path):
        article = analysis.article
        articles.append({
            "path": article.path,
            "story": story_of[article.path],
            "title": article.title,
            "date": article.date,
            "dateline": article.dateline,
            "source": article.source,
            # text: the file's text between the offsets, as the guidelines define it (a Sentence's
            # text has wire copy's line breaks made spaces and ‘…’ made “…”, for the pages)
            "sentences": [
                {"start": s.start, "end": s.end, "text": article.text[s.start:s.end], "section": s.section,
                 "actor": s.actor, "speaker": s.speaker, "stance": s.stance}
                for s in analysis.sentences
            ],
            "quotes": [
                {"start": q.start, "end": q.end, "text": article.text[q.start:q.end], "speaker": q.speaker,
                 "actor": q.actor, "rule": q.rule}
                for q in analysis.quotes
            ],
            "people": [{"name": p.name, "role": p.role, "actor": p.actor} for p in analysis.people],
            "events": [{"date": e.date, "sentence": e.sentence} for e in analysis.events],
        })
    return {"articles": articles}


@dataclass(frozen=True, kw_only=True)
class Site:
    pages: dict[str, str]  # docs-relative URI → Markdown
    briefings: tuple[Briefing, ...]
    problems: tuple[str, ...]  # unreadable articles and override problems, one line each
    # Briefings whose override files were all valid, by the slug their file names:
    # `mkdocs serve` passes them back as last_good to show while an override is broken.
    good: dict[str, Briefing] = field(default_factory=dict)
    kept: tuple[str, ...] = ()  # slugs of briefings shown as they last were, because an override is broken


def build_site(seeds: Path, overrides_dir: Path, *, root: Path, existing_pages: Collection[str] = (),
               last_good: Mapping[str, Briefing] | None = None, extraction: Extraction | None = None,
               cache: Path | None = None, jobs: int | None = None) -> Site:
    """read → analyse → group → (editors' choice of articles) → compose → merge overrides → render.

    existing_pages: docs-relative pages already in the site, which an editor's slug must not take.
    last_good: briefings to show instead of one whose override has a problem (see Site.good).
    extraction: what extract() made of seeds, when the caller knows no article changed since.
    cache, jobs: as for extract()."""
    extraction = extraction or extract([seeds], relative_to=root, cache=cache, jobs=jobs)
    edits = load_edits(overrides_dir, shown_prefix=_shown(overrides_dir, root))
    reserved = set(existing_pages) | _pages_of_every_site()
    edited = edit_site(extraction.stories, edits, reserved_pages=reserved)
    briefings, stories, good, kept = [], [], {}, []
    for entry in edited.briefings:
        briefing = entry.briefing
        if not entry.failed:
            good[entry.slug] = briefing
        elif last_good and entry.slug in last_good:
            briefing = last_good[entry.slug]
            kept.append(entry.slug)
        briefings.append(briefing)
        stories.append(Story(slug=briefing.slug, analyses=entry.story.analyses))  # article pages link to it
    pages = render_site(replace(extraction, stories=tuple(stories)), briefings)
    return Site(pages=pages, briefings=tuple(briefings),
                problems=extraction.problems + tuple(str(p) for p in edited.problems), good=good, kept=tuple(kept))


@cache
def _pages_of_every_site() -> frozenset[str]:
    """The pages a site has whatever its articles (home, listings, feed): rendered once."""
    return frozenset(render_site(Extraction(analyses=(), stories=(), problems=()), []))


def _shown(path: Path, root: Path) -> str:
    """How messages and source lists name a file or folder: relative to the project folder
    when it is inside it, else as given (`--seeds /elsewhere`, `seeds: ../shared/seeds`)."""
    if path.is_relative_to(root):  # before resolving: a file that is a loop of links cannot be resolved
        return str(path.relative_to(root))
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)


def render_site(extraction: Extraction, briefings: list[Briefing]) -> dict[str, str]:
    pages = {render.briefing_page_uri(b.slug): render.render_briefing(b) for b in briefings}
    pages |= {render.briefing_json_uri(b.slug): render.render_briefing_json(b) for b in briefings}
    titles = {b.slug: b.title for b in briefings}
    for story in extraction.stories:
        for analysis in story.analyses:
            pages[render.article_page_uri(analysis.article.source_id)] = render.render_article(
                analysis, story.slug, titles.get(story.slug))
    pages["index.md"] = render.render_home(briefings)
    pages |= render.render_archive(briefings)
    pages |= render.render_actors(briefings)
    pages |= render.render_timeline(briefings)
    pages |= render.render_sources(briefings)
    pages |= render.render_tags(briefings)
    pages[render.FEED_URI] = render.render_feed(briefings)
    # Control characters from an article or a YAML escape would make pages invalid HTML (and
    # the search index carry them): they are dropped here, where every page passes.
    return {uri: without_control_characters(pages[uri]) for uri in sorted(pages)}
