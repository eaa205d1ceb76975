"""The pipeline, read top to bottom: read → analyse → group → compose with overrides → render."""
from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from . import parallel
from .site import render
from .extraction.analyse import analyse
from .cache import AnalysisCache
from .briefing.compose import compose
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
            jobs: int | None = None, memo: Memo | None = None) -> Extraction:
    """Every article's analysis (see analyse_files), then the stories they group into.

    cache: a folder of analyses kept between runs (cache.py); jobs: processes for the analysis;
    memo: what the last builds made, while serving (Memo)."""
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
    made = iter(analyse_files([f for n, f in enumerate(files) if n not in refused], cache=cache, jobs=jobs,
                              memo=memo))
    for n in range(len(files)):
        outcome = refused[n] if n in refused else next(made)
        if isinstance(outcome, str):
            problems.append(outcome)
            continue
        unique = _unique(outcome.article.source_id, used_ids)
        if unique != outcome.article.source_id:  # else the same object: a Memo knows it again
            outcome = replace(outcome, article=replace(outcome.article, source_id=unique))
        analyses.append(outcome)
    stories = memo.group(analyses) if memo is not None else tuple(group(analyses))
    return Extraction(analyses=tuple(analyses), stories=stories, problems=tuple(problems))


def analyse_files(files: list[tuple[Path, str]], *, cache: Path | None = None,
                  jobs: int | None = None, memo: Memo | None = None) -> list[Analysis | str]:
    """For each (file, name it is shown by): its analysis, or the line that says why it has none.

    Analyses the cache holds are read from it; the others are made (and stored) in a pool of
    `jobs` processes (default: every core) when there are enough of them to repay starting one.
    Each is a pure function of the file's bytes, so the results, in the files' order, are the
    same as in one process. A memo gives back, without reading them, the outcomes of the files
    whose size and times did not change since the last build."""
    outcomes: list[Analysis | str | None] = [None] * len(files)
    states = [_file_state(path) for path, _ in files]
    if memo is not None:
        for n, (path, shown) in enumerate(files):
            outcomes[n] = memo.outcome(path, shown, states[n])
    if cache is not None:
        store = AnalysisCache(cache)
        for n, (path, shown) in enumerate(files):
            if outcomes[n] is None:
                outcomes[n] = store.lookup(path, shown)
    missing = [n for n, outcome in enumerate(outcomes) if outcome is None]
    made = parallel.run(analyse_file, [(*files[n], cache) for n in missing], jobs=jobs)
    for n, outcome in zip(missing, made):
        outcomes[n] = outcome
    if memo is not None:
        memo.keep_outcomes([(path, shown, state, outcome) for (path, shown), state, outcome in zip(files, states, outcomes)])
    return outcomes


def _file_state(path: Path) -> tuple[int, ...] | None:
    """What changes when a file is saved, replaced or renamed over (None: it cannot be looked at)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_ctime_ns, found.st_size, found.st_ino, found.st_dev)


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
               cache: Path | None = None, jobs: int | None = None, memo: Memo | None = None) -> Site:
    """read → analyse → group → (editors' choice of articles) → compose → merge overrides → render.

    existing_pages: docs-relative pages already in the site, which an editor's slug must not take.
    last_good: briefings to show instead of one whose override has a problem (see Site.good).
    extraction: what extract() made of seeds, when the caller knows no article changed since.
    cache, jobs: as for extract(); memo: what the last builds made, while serving (Memo)."""
    extraction = extraction or extract([seeds], relative_to=root, cache=cache, jobs=jobs, memo=memo)
    edits = load_edits(overrides_dir, shown_prefix=_shown(overrides_dir, root))
    reserved = set(existing_pages) | _pages_of_every_site()
    edited = edit_site(extraction.stories, edits, reserved_pages=reserved,
                       compose_story=memo.compose if memo is not None else compose)
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
    if memo is not None:
        briefings = memo.same_briefings(briefings)
    pages = render_site(replace(extraction, stories=tuple(stories)), briefings, memo=memo)
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


def render_site(extraction: Extraction, briefings: list[Briefing], *, memo: Memo | None = None) -> dict[str, str]:
    """Every generated page's Markdown. memo: pages of the last builds, given back for the same inputs."""
    made = memo.made if memo is not None else _make
    pages: dict[str, str] = {}
    for b in briefings:
        pages |= made(("briefing", b.slug), (b,), lambda b=b: {
            render.briefing_page_uri(b.slug): render.render_briefing(b),
            render.briefing_json_uri(b.slug): render.render_briefing_json(b)})
    titles = {b.slug: b.title for b in briefings}
    for story in extraction.stories:
        for analysis in story.analyses:
            inputs = (analysis, story.slug, titles.get(story.slug))
            pages |= made(("article", analysis.article.source_id), inputs, lambda inputs=inputs: {
                render.article_page_uri(inputs[0].article.source_id): render.render_article(*inputs)})
    listings: list[tuple[str, Callable[[list[Briefing]], dict[str, str]]]] = [
        ("home", lambda bs: {"index.md": render.render_home(bs)}),
        ("archive", render.render_archive),
        ("actors", render.render_actors),
        ("timeline", render.render_timeline),
        ("sources", render.render_sources),
        ("tags", render.render_tags),
        ("feed", lambda bs: {render.FEED_URI: render.render_feed(bs)}),
    ]
    with render.reusing_listing_pages(memo.listing_pages) if memo is not None else nullcontext():
        for name, make in listings:
            pages |= made(("listing", name), tuple(briefings), lambda make=make: make(briefings))
    if memo is not None:
        memo.end_build(pages)
    return {uri: pages[uri] for uri in sorted(pages)}


def _make(key: tuple, inputs: tuple, make: Callable[[], dict[str, str]]) -> dict[str, str]:
    """Pages made from inputs, without control characters: from an article or a YAML escape they would
    make pages invalid HTML (and the search index carry them), so they are dropped where every page passes."""
    return {uri: without_control_characters(text) for uri, text in make().items()}


def _same(one: Sequence, other: Sequence) -> bool:
    """The same inputs: the very objects (the usual case, kept by a Memo), or equal values."""
    return len(one) == len(other) and all(a is b or a == b for a, b in zip(one, other))


class Memo:
    """What the builds while serving made, so that a rebuild redoes only what its edit touched.

    Each stage's results are kept with their inputs and given back only for the same inputs (the
    very objects, or equal values), so a rebuild's pages are byte for byte a full build's: an
    article's outcome by its file's size and times; the stories by the analyses; a generated
    briefing by its story's analyses and slug; pages by the briefing or analysis they show (a
    listing by all briefings). A build keeps only what it used, so nothing accumulates.
    Not shared between threads: one build at a time, as `mkdocs serve` and `build --watch` run."""

    def __init__(self):
        self._outcomes: dict[tuple[str, str], tuple[tuple[int, ...], Analysis | str]] = {}
        self._grouped: tuple[tuple[Analysis, ...], tuple[Story, ...]] = ((), ())
        self._composed: dict[str, tuple[tuple[Analysis, ...], Briefing]] = {}
        self._composing: dict[str, tuple[tuple[Analysis, ...], Briefing]] = {}
        self._briefings: dict[str, Briefing] = {}
        self._made: dict[tuple, tuple[tuple, dict[str, str]]] = {}
        self._making: dict[tuple, tuple[tuple, dict[str, str]]] = {}
        self.listing_pages: dict[str, tuple[tuple, str]] = {}  # see render.reusing_listing_pages

    def outcome(self, path: Path, shown: str, state: tuple[int, ...] | None) -> Analysis | str | None:
        kept = self._outcomes.get((str(path), shown))
        return kept[1] if state is not None and kept is not None and kept[0] == state else None

    def keep_outcomes(self, outcomes: list[tuple[Path, str, tuple[int, ...] | None, Analysis | str]]) -> None:
        self._outcomes = {(str(path), shown): (state, outcome) for path, shown, state, outcome in outcomes
                          if state is not None}

    def group(self, analyses: list[Analysis]) -> tuple[Story, ...]:
        if not _same(self._grouped[0], analyses):
            self._grouped = (tuple(analyses), tuple(group(analyses)))
        return self._grouped[1]

    def compose(self, story: Story) -> Briefing:
        kept = self._composed.get(story.slug) or self._composing.get(story.slug)
        if kept is None or not _same(kept[0], story.analyses):
            kept = (story.analyses, compose(story))
        self._composing[story.slug] = kept
        return kept[1]

    def same_briefings(self, briefings: list[Briefing]) -> list[Briefing]:
        """The briefings, each replaced by the last build's object when equal: pages made from
        that object are then known again at once. Also ends the build's composing."""
        found = [self._briefings[b.slug] if self._briefings.get(b.slug) == b else b for b in briefings]
        self._briefings = {b.slug: b for b in found}
        self._composed, self._composing = self._composing, {}
        return found

    def made(self, key: tuple, inputs: tuple, make: Callable[[], dict[str, str]]) -> dict[str, str]:
        kept = self._made.get(key)
        if kept is None or not _same(kept[0], inputs):
            kept = (inputs, _make(key, inputs, make))
        self._making[key] = kept
        return kept[1]

    def kept(self) -> dict:
        """How much is kept: files' outcomes, composed briefings, and which listing pages."""
        return {"articles": len(self._outcomes), "briefings": len(self._composed),
                "listing pages": set(self.listing_pages)}

    def end_build(self, pages: Collection[str]) -> None:
        """Forget the pages the build just ended did not make."""
        self._made, self._making = self._making, {}
        self.listing_pages = {uri: kept for uri, kept in self.listing_pages.items() if uri in pages}
