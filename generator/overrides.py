"""Editors' overrides: `briefings/<slug>.yml`, merged over the generated briefing.

Precedence is one rule: what the generator produced < what the editor wrote.
Scalars the editor sets replace the generated ones; `bottom_line` replaces
the generated list; `hide` removes generated items by id. The generator never
writes these files. Problems are collected, not raised one at a time, and
each names file:line:column → key path → what is wrong and what would be right.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import yamlfile
from .compose import item_id
from .model import Briefing, Item
from .yamlfile import Problem


class OverrideFile(BaseModel):
    """What an editor writes in briefings/<slug>.yml."""

    model_config = ConfigDict(extra="forbid", title="Briefing override",
                              json_schema_extra={"$comment": "generated from generator/overrides.py"})

    title: str | None = Field(None, description="Replaces the generated title.", min_length=1)
    date: str | None = Field(None, description="Replaces the briefing date (YYYY-MM-DD).",
                             pattern=r"^\d{4}-\d{2}-\d{2}$")
    status: Literal["draft", "reviewed", "published"] | None = Field(None, description="Editorial status.")
    tags: list[str] | None = Field(None, description="Replaces the generated tags.")
    bottom_line: list[str] | None = Field(
        None, description="Replaces the generated bottom line: two or three sentences, one per entry.")
    hide: list[str] = Field(default_factory=list, description="Ids of generated items to leave out.")


@dataclass(frozen=True, kw_only=True)
class LoadedOverride:
    slug: str
    file: str  # as shown in messages, e.g. briefings/x.yml
    override: OverrideFile
    document: yamlfile.Document


def _did_you_mean(key: str) -> str:
    close = difflib.get_close_matches(key, list(OverrideFile.model_fields), n=1)
    return f"; did you mean '{close[0]}'?" if close else f"; allowed keys: {', '.join(OverrideFile.model_fields)}"


def _validation_problems(err: ValidationError, document: yamlfile.Document, file: str) -> list[Problem]:
    problems = []
    for error in err.errors():
        loc = tuple(error["loc"])
        line, col = document.mark(loc, key=error["type"] == "extra_forbidden")
        if error["type"] == "extra_forbidden":
            message = f"unknown key '{loc[-1]}'{_did_you_mean(str(loc[-1]))}"
        elif error["type"] == "string_pattern_mismatch":
            message = f"{error['input']!r} is not a date; write it as YYYY-MM-DD"
        elif error["type"] == "literal_error":
            message = f"{error['input']!r} is not allowed; {error['msg'].lower()}"
        else:
            message = f"{error['msg'].lower()} (got {error['input']!r})"
        problems.append(Problem(file=file, line=line, column=col, path=yamlfile.dotted(loc), message=message))
    return sorted(problems, key=lambda p: (p.line, p.column))


def load_override(path: Path, shown: str) -> tuple[LoadedOverride | None, list[Problem]]:
    try:
        document = yamlfile.load(path.read_text(encoding="utf-8"), shown)
    except yamlfile.YamlError as err:
        return None, [err.problem]
    except (OSError, UnicodeDecodeError) as err:
        return None, [Problem(file=shown, line=1, column=1, path="",
                              message=f"cannot be read ({err}); save it as UTF-8 text")]
    if not isinstance(document.data, dict):
        return None, [Problem(file=shown, line=1, column=1, path="",
                              message="an override file is a mapping of keys such as title: and hide:")]
    try:
        override = OverrideFile.model_validate(document.data)
    except ValidationError as err:
        return None, _validation_problems(err, document, shown)
    return LoadedOverride(slug=path.stem, file=shown, override=override, document=document), []


def load_overrides(folder: Path, shown_prefix: str = "briefings") -> tuple[dict[str, LoadedOverride], list[Problem]]:
    loaded: dict[str, LoadedOverride] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return loaded, problems
    for path in sorted(folder.glob("*.y*ml")):
        override, found = load_override(path, f"{shown_prefix}/{path.name}")
        problems += found
        if override:
            loaded[override.slug] = override
    return loaded, problems


# ------------------------------------------------------------------ merging


def item_ids(briefing: Briefing) -> set[str]:
    ids = {i.id for section in (briefing.bottom_line, briefing.developments, briefing.background,
                                briefing.outlook, briefing.timeline, briefing.notes) for i in section}
    ids |= {i.id for p in briefing.positions for i in p.items}
    ids |= {p.id for p in briefing.people}
    return ids


def _without(items: tuple[Item, ...], hidden: set[str]) -> tuple[Item, ...]:
    return tuple(i for i in items if i.id not in hidden)


def apply(briefing: Briefing, loaded: LoadedOverride) -> tuple[Briefing, list[Problem]]:
    """The briefing with the editor's override merged over it, and any problems."""
    override, document, file = loaded.override, loaded.document, loaded.file
    problems: list[Problem] = []
    known = item_ids(briefing)
    hidden: set[str] = set()
    for n, wanted in enumerate(override.hide):
        if wanted in known:
            hidden.add(wanted)
            continue
        line, col = document.mark(("hide", n))
        problems.append(Problem(
            file=file, line=line, column=col, path=f"hide[{n}]",
            message=f"no generated item has id '{wanted}' (stale after an article changed?); "
                    f"run `python -m generator overrides new {briefing.slug}` to list the current ids"))
    changes: dict = {"override_file": file, "hidden": tuple(sorted(hidden))}
    for scalar in ("title", "date", "status"):
        if getattr(override, scalar) is not None:
            changes[scalar] = getattr(override, scalar)
    if override.tags is not None:
        changes["tags"] = tuple(override.tags)
    if override.bottom_line is not None:
        changes["bottom_line"] = tuple(Item(id=item_id("e", text), text=text, editorial=True)
                                       for text in override.bottom_line)
    else:
        changes["bottom_line"] = _without(briefing.bottom_line, hidden)
    merged = replace(
        briefing,
        developments=_without(briefing.developments, hidden),
        background=_without(briefing.background, hidden),
        outlook=_without(briefing.outlook, hidden),
        timeline=_without(briefing.timeline, hidden),
        notes=_without(briefing.notes, hidden),
        positions=tuple(
            replace(p, items=_without(p.items, hidden)) for p in briefing.positions
            if _without(p.items, hidden)
        ),
        people=tuple(p for p in briefing.people if p.id not in hidden),
        **changes,
    )
    return merged, problems


def unmatched(overrides: dict[str, LoadedOverride], slugs: set[str]) -> list[Problem]:
    """Override files that name no briefing."""
    problems = []
    for slug, loaded in sorted(overrides.items()):
        if slug in slugs:
            continue
        close = difflib.get_close_matches(slug, sorted(slugs), n=1) or sorted(
            s for s in slugs if s.startswith(slug) or slug.startswith(s))
        hint = f"; did you mean '{close[0]}.yml'?" if close else "; rename it to the slug of a briefing"
        problems.append(Problem(file=loaded.file, line=1, column=1, path="",
                                message=f"no briefing has the slug '{slug}'{hint}"))
    return problems


def json_schema() -> dict:
    schema = OverrideFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
