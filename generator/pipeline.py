"""The pipeline, read top to bottom: read → analyse → group → compose with overrides → render."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .analyse import analyse
from .model import Analysis, Story
from .reading import ArticleError, find_article_files, read_article
from .stories import group


@dataclass(frozen=True, kw_only=True)
class Extraction:
    analyses: tuple[Analysis, ...]
    stories: tuple[Story, ...]
    problems: tuple[str, ...]  # one line per article that could not be read


def extract(paths: list[Path], *, relative_to: Path | None = None) -> Extraction:
    analyses, problems = [], []
    for path in find_article_files(paths):
        shown = str(path.relative_to(relative_to)) if relative_to else str(path)
        try:
            analyses.append(analyse(read_article(path, shown)))
        except ArticleError as err:
            problems.append(str(err))
    return Extraction(analyses=tuple(analyses), stories=tuple(group(analyses)), problems=tuple(problems))


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
            "sentences": [
                {"start": s.start, "end": s.end, "text": s.text, "section": s.section,
                 "actor": s.actor, "speaker": s.speaker, "stance": s.stance}
                for s in analysis.sentences
            ],
            "quotes": [
                {"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker,
                 "actor": q.actor, "rule": q.rule}
                for q in analysis.quotes
            ],
            "people": [{"name": p.name, "role": p.role, "actor": p.actor} for p in analysis.people],
            "events": [{"date": e.date, "sentence": e.sentence} for e in analysis.events],
        })
    return {"articles": articles}
