"""Editors' overrides: `briefings/<slug>.yml`, and `briefings/_site.yml` for every briefing.

Precedence is one rule: generated < site-wide file < the briefing's own file.
Each layer merges over the one below it:

- a value the editor sets (title, date, a person's role, …) replaces the one below;
- a list merges: a plain list adds to the list below; a mapping says how,
  `{replace: [...]}` sets the whole list, `{remove: [...]}` takes entries out
  (with `add: [...]` beside it to add at the same time);
- mappings (actors, people, positions) merge key by key;
- `remove: [key, ...]` drops a value that a layer below set (there is no
  "empty means remove": an empty value is an error, so it cannot happen by accident).

The generator never writes these files. A file with any problem is not
applied at all (the briefing is shown as generated, or in `mkdocs serve` as
it last was); a problem in the site-wide file holds back every briefing.
Problems are collected, not raised one at a time, and each names
file:line:column → key path → what is wrong and what would be right.

Items are addressed by id (`s-`/`q-`/`t-`/`k-` + a hash of their text, see
compose.item_id), so an instruction keeps working wherever the extractor
puts the item; an id that matches no item is reported, never ignored.
"""
from __future__ import annotations

import datetime
import difflib
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, get_args, get_origin

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from .. import lexicon, yamlfile
from .compose import OTHER_VOICES, actor_heading, clean, compose, item_id
from ..model import ActorPosition, Briefing, Citation, Item, KeyPerson, SourceLink, Story
from ..extraction.reading import ArticleError, check_inside, read_file
from ..site.render import briefing_page_uri
from .stories import unique_slug
from ..yamlfile import Problem

SITE_FILE = "_site.yml"  # the one site-wide file; no slug starts with "_", so it can name no briefing
SECTIONS = ("bottom_line", "developments", "background", "outlook", "timeline", "notes")
POSITIONS = "positions"  # positions of an actor are addressed as positions.<ACTOR CODE>

ID_PATTERN = r"^[sqtke]-[0-9a-f]{8}$"
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
# Web addresses are written into Markdown link targets: characters that could end
# the target or start markup (spaces, quotes, brackets, parentheses, <, >) must be %-encoded.
URL_PATTERN = r"^https?://[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+$"
TARGET_PATTERN = rf"^(?:{'|'.join(SECTIONS)}|{POSITIONS}\.\S+)$"
SCHEMA_COMMENT = "# yaml-language-server: $schema=../generator/schema/{name}"


def _calendar_day(value: str) -> str:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a day of the calendar; write a real date as YYYY-MM-DD") from None
    return value


Text = Annotated[str, Field(min_length=1)]
Day = Annotated[str, Field(pattern=DATE_PATTERN), AfterValidator(_calendar_day)]
ItemId = Annotated[str, Field(pattern=ID_PATTERN)]
MAX_SLUG_LENGTH = 80  # a page's file name: the file system takes 255 bytes at most (names.py)
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=MAX_SLUG_LENGTH)]
Place = Annotated[str, Field(pattern=TARGET_PATTERN)]

# Keys that are optional default to None but do not accept null (their type has no None):
# an empty value in YAML is reported, not read as "unset"; `remove:` is the way to drop a value.


class _Keys(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    expected: ClassVar[str] = "a mapping of keys"  # how a value of this kind is written, for messages


class _Shorthand(_Keys):
    """A mapping that also has a short form (a list, or plain text), for the common case."""

    short_form: ClassVar[str]  # the field the short form fills in

    @model_validator(mode="before")
    @classmethod
    def _expand_short_form(cls, value: Any) -> Any:
        short_type = list if cls.short_form == "add" else str
        return {cls.short_form: value} if isinstance(value, short_type) else value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        """The schema accepts what the model accepts: the short form, or the full mapping."""
        schema = handler(core_schema)
        full = handler.resolve_ref_schema(schema)
        short = dict(full["properties"][cls.short_form])
        short.pop("title", None)
        short.pop("description", None)
        return {"anyOf": [short, schema]}


class ListEdit(_Shorthand):
    """A list merged with the one below it: a plain list adds to it."""

    expected: ClassVar[str] = "a list, or a mapping with add:, remove: or replace:"
    short_form: ClassVar[str] = "add"

    add: list[Text] = Field(default_factory=list, description="Entries added to the list below (a plain list does the same).")
    remove: list[Text] = Field(default_factory=list, description="Entries taken out of the list below.")
    replace: list[Text] = Field(None, description="The whole list, instead of the one below.")

    @model_validator(mode="after")
    def _replace_alone(self) -> ListEdit:
        if self.replace is not None and (self.add or self.remove):
            raise ValueError("replace: sets the whole list, so add: or remove: beside it would change nothing; keep one")
        return self


class Cite(_Keys):
    """Where an editor's line comes from: a sentence of one of the briefing's articles, or a web page."""

    expected: ClassVar[str] = "a mapping with article: and sentence:, or with url: (and title:)"
    model_config = ConfigDict(json_schema_extra={"oneOf": [
        {"required": ["article", "sentence"], "properties": {"url": False, "title": False}},
        {"required": ["url"], "properties": {"article": False, "sentence": False}},
    ]})

    article: Text = Field(None, description="One of the briefing's articles: its path (seeds/….txt) or page name.")
    sentence: int = Field(None, ge=1, description="The sentence of that article, as numbered on its page (#s3 is 3).")
    url: str = Field(None, pattern=URL_PATTERN, description="A web page, https://…")
    title: Text = Field(None, description="How the web page is named in the citation.")

    @model_validator(mode="after")
    def _one_kind(self) -> Cite:
        if self.url is not None:
            if self.article is not None or self.sentence is not None:
                raise ValueError("cite either an article (article: and sentence:) or a web page (url:), not both")
        elif self.article is None or self.sentence is None:
            raise ValueError("an article is cited with both article: and sentence: (the #s number on its page)")
        elif self.title is not None:
            raise ValueError("title: names a web page (url:); an article citation shows the source number")
        return self


class EditorialItem(_Shorthand):
    """A line an editor writes: plain text, or a mapping with its text and details."""

    expected: ClassVar[str] = "text, or a mapping with text: and optionally cite:, speaker:, date:, pin:"
    short_form: ClassVar[str] = "text"

    text: Text = Field(description="The line, as it should read.")
    cite: Cite = Field(None, description="Where it comes from (optional).")
    speaker: Text = Field(None, description="Who said it, for a line under positions.")
    date: Day = Field(None, description="YYYY-MM-DD; required for a timeline entry.")
    pin: bool = Field(False, description="Show it first in its section.")


class SectionEdit(_Shorthand):
    """Lines an editor adds to a section: a plain list adds them after the generated ones."""

    expected: ClassVar[str] = "a list of lines, or a mapping with add: or replace:"
    short_form: ClassVar[str] = "add"

    add: list[EditorialItem] = Field(default_factory=list, description="Lines added after the generated ones.")
    replace: list[EditorialItem] = Field(
        None, description="Lines instead of the generated ones (items moved here still join).")

    @model_validator(mode="after")
    def _replace_alone(self) -> SectionEdit:
        if self.replace is not None and self.add:
            raise ValueError("replace: sets the whole section, so add: beside it is not needed; "
                             "put all the lines under replace:")
        return self


class ActorEdit(_Keys):
    """A state or organisation, by its code (TUR, IRN, UN, …)."""

    expected: ClassVar[str] = "a mapping with name:, aliases: or remove:"

    name: Text = Field(None, description="The name shown for the actor (headings, tags, key people).")
    aliases: ListEdit = Field(
        None, description="Other codes or names the briefing shows for the same actor: merged into this one.")
    remove: list[Literal["name", "aliases"]] = Field(
        default_factory=list, description="Values set by a layer below to drop.")


class PersonEdit(_Keys):
    """A person, by the name the briefing shows."""

    expected: ClassVar[str] = "a mapping with name:, role:, actor:, aliases: or remove:"

    name: Text = Field(None, description="The name to show instead.")
    role: Text = Field(None, description="The person's role, e.g. Foreign Minister.")
    actor: Text = Field(None, description="The code of the state or organisation the person speaks for.")
    aliases: ListEdit = Field(
        None, description="Other names the briefing shows for the same person: merged into this one.")
    remove: list[Literal["name", "role", "actor", "aliases"]] = Field(
        default_factory=list, description="Values set by a layer below (or generated) to drop.")


class SiteFile(_Keys):
    """What briefings/_site.yml holds: names that apply to every briefing."""

    model_config = ConfigDict(title="Site-wide briefing overrides",
                              json_schema_extra={"$comment": "generated from generator/briefing/overrides.py"})

    actors: dict[Text, ActorEdit] = Field(default_factory=dict, description="States and organisations, by code.")
    people: dict[Text, PersonEdit] = Field(default_factory=dict, description="People, by the name briefings show.")


_ID_KEYS = {"additionalProperties": False}  # pydantic writes the id pattern as patternProperties


class OverrideFile(_Keys):
    """What an editor writes in briefings/<slug>.yml."""

    model_config = ConfigDict(title="Briefing override",
                              json_schema_extra={"$comment": "generated from generator/briefing/overrides.py"})

    slug: Slug = Field(None, description="A new address for the page: lowercase words joined by hyphens.")
    title: Text = Field(None, description="Replaces the generated title.")
    date: Day = Field(None, description="Replaces the briefing date (YYYY-MM-DD).")
    status: Literal["draft", "reviewed", "published"] = Field(None, description="Editorial status.")
    tags: ListEdit = Field(None, description="Tags: a plain list adds to the generated ones.")
    remove: list[Literal["date", "tags"]] = Field(default_factory=list, description="Generated values to drop.")
    articles: ListEdit = Field(
        None, description="The briefing's articles (seeds paths or page names): a plain list adds articles; "
                          "remove: splits articles off into a briefing of their own.")
    merge_with: list[Slug] = Field(default_factory=list, description="Briefings whose articles all join this one.")
    hide: list[ItemId] = Field(default_factory=list, description="Ids of generated items to leave out.")
    move: dict[ItemId, Place] = Field(
        default_factory=dict, json_schema_extra=_ID_KEYS,
        description="Item id → the section (or positions.<ACTOR CODE>) to show it in.")
    pin: list[ItemId] = Field(default_factory=list, description="Ids of items shown first in their section, in this order.")
    promote: list[ItemId] = Field(
        default_factory=list, description="Ids of lines to show in the main view (a reader sees them without "
                                          "expanding anything).")
    demote: list[ItemId] = Field(
        default_factory=list, description="Ids of lines to take out of the main view: they stay in the full "
                                          "record, collapsed under their section.")
    order: list[ItemId] = Field(
        default_factory=list, description="Ids of items that swap places: within each section, "
                                          "the listed items take the places they occupy, in this order.")
    annotate: dict[ItemId, Text] = Field(
        default_factory=dict, json_schema_extra=_ID_KEYS, description="Item id → an editor's note shown after it.")
    bottom_line: SectionEdit = Field(None, description="Lines added to the bottom line, or {replace: [...]}.")
    developments: SectionEdit = Field(None, description="Lines added under 'What happened'.")
    background: SectionEdit = Field(None, description="Lines added under 'Background'.")
    outlook: SectionEdit = Field(None, description="Lines added under 'Outlook'.")
    timeline: SectionEdit = Field(None, description="Dated lines added to the timeline.")
    notes: SectionEdit = Field(None, description="Editors' notes shown at the end of the briefing.")
    positions: dict[Text, SectionEdit] = Field(
        default_factory=dict, description="Actor code → lines added to that actor's positions.")
    actors: dict[Text, ActorEdit] = Field(default_factory=dict, description="States and organisations, by code.")
    people: dict[Text, PersonEdit] = Field(default_factory=dict, description="People, by the name the briefing shows.")


# ------------------------------------------------------------------ reading files


@dataclass(frozen=True, kw_only=True)
class LoadedOverride:
    slug: str  # the file name without extension: the briefing it edits ("_site" for the site-wide file)
    file: str  # as shown in messages, e.g. briefings/x.yml
    override: OverrideFile | SiteFile  # the keys that passed validation (all of them when valid)
    document: yamlfile.Document
    valid: bool  # the file itself has no problem (others may be found against the briefing)

    def problem(self, path: tuple, message: str, *, key: bool = False) -> Problem:
        return self.document.problem(self.file, path, message, key=key)

    def list_path(self, name: str, part: str, n: int) -> tuple:
        """Where entry n of a ListEdit or SectionEdit was written: `tags: [a]` or `tags: {add: [a]}`."""
        return self.entry_path((name,), part, n)

    def entry_path(self, prefix: tuple, part: str, n: int) -> tuple:
        value = self.document.data
        for step in prefix:
            value = value.get(step) if isinstance(value, dict) else None
        return prefix + ((n,) if isinstance(value, list) else (part, n))


@dataclass(frozen=True, kw_only=True)
class Edits:
    """Every override file of the folder, read and checked on its own."""

    site: LoadedOverride | None
    briefings: dict[str, LoadedOverride]  # by slug
    problems: tuple[Problem, ...]
    unreadable: frozenset[str] = frozenset()  # slugs ("_site" for the site-wide file) of files not even read

    def deciding(self) -> set[str]:
        """Slugs of the files that decide which articles make up a briefing."""
        return {slug for slug, loaded in self.briefings.items() if loaded.override.articles or loaded.override.merge_with}


def load_edits(folder: Path, shown_prefix: str = "briefings") -> Edits:
    site, briefings, problems, unreadable = None, {}, [], set()
    if folder.is_dir():
        for path in sorted(folder.glob("*.y*ml")):
            shown = f"{shown_prefix}/{path.name}"
            if path.name.startswith("_") and path.name != SITE_FILE:
                problems.append(Problem(file=shown, line=1, column=1, path="",
                                        message=f"unknown shared file; the site-wide file is {shown_prefix}/{SITE_FILE}"))
                continue
            loaded, found = load_override(path, shown, SiteFile if path.name == SITE_FILE else OverrideFile)
            problems += found
            if loaded is None:
                unreadable.add(path.stem)
                continue
            if path.name == SITE_FILE:
                site = loaded
            else:
                briefings[loaded.slug] = loaded
    return Edits(site=site, briefings=briefings, problems=tuple(problems), unreadable=frozenset(unreadable))


def load_override(path: Path, shown: str, model: type[_Keys] = OverrideFile) -> tuple[LoadedOverride | None, list[Problem]]:
    try:
        # Links only within the project folder; at most what MAX_CHARS characters can take (a 50 MB
        # file is not read whole); no FIFO, which would wait forever.
        check_inside(path, shown, [path.parent.resolve().parent])
        raw = read_file(path, shown, 4 * yamlfile.MAX_CHARS)
        if len(raw) > 4 * yamlfile.MAX_CHARS:
            return None, [Problem(file=shown, line=1, column=1, path="",
                                  message=f"is larger than the {yamlfile.MAX_CHARS:,} characters an override file "
                                          "may have; keep it short")]
        document = yamlfile.load(raw.decode("utf-8"), shown)
    except yamlfile.YamlError as err:
        return None, [err.problem]
    except ArticleError as err:
        return None, [Problem(file=shown, line=1, column=1, path="", message=str(err).removeprefix(f"{shown}: "))]
    except UnicodeDecodeError as err:
        return None, [Problem(file=shown, line=1, column=1, path="",
                              message=f"cannot be read ({err}); save it as UTF-8 text")]
    problems = list(document.problems)
    data = document.data
    if not isinstance(data, dict):
        if data is not yamlfile.REFUSED:
            problems.append(Problem(file=shown, line=1, column=1, path="",
                                    message="an override file is a mapping of keys such as title: and hide:"))
        return None, problems
    failing = list(_refused_paths(data))
    try:
        model.model_validate(data)
    except ValidationError as err:
        found, paths = _validation_problems(err, document, shown, model)
        problems += found
        failing += paths
    # What passed is kept, so that it can be checked against the briefing too (stale ids and the like).
    try:
        override = model.model_validate(_without(data, failing))
    except ValidationError:  # taking entries out broke a rule of the mapping around them
        override = model.model_validate({k: v for k, v in data.items() if k not in {p[0] for p in failing}})
    loaded = LoadedOverride(slug=path.stem, file=shown, override=override, document=document, valid=not problems)
    problems += _file_problems(loaded)
    return replace(loaded, valid=not problems), problems


def _without(data: dict, paths: Iterable[tuple]) -> dict:
    """data without the entries the paths point into: the list entry, or the named entry of a mapping.

    `hide: [ok, bad]` keeps `ok`; `people: {X: {rol: 1}}` drops X; a wrong value of a top-level key drops the key."""
    cuts = set()
    for path in paths:
        index = next((n for n, part in enumerate(path) if isinstance(part, int)), None)
        cut = path[:index + 1] if index is not None else path[:2] if isinstance(data.get(path[0]), dict) else path[:1]
        cuts.add(cut)

    def copy(value: Any, path: tuple) -> Any:
        if isinstance(value, dict):
            return {k: copy(v, path + (k,)) for k, v in value.items() if path + (k,) not in cuts}
        if isinstance(value, list):
            return [copy(v, path + (n,)) for n, v in enumerate(value) if path + (n,) not in cuts]
        return value

    return copy(data, ())


def _refused_paths(value: Any, path: tuple = ()) -> Iterable[tuple]:
    if value is yamlfile.REFUSED:
        yield path
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _refused_paths(inner, path + (key,))
    elif isinstance(value, list):
        for n, inner in enumerate(value):
            yield from _refused_paths(inner, path + (n,))


def _model_at(model: type[BaseModel], loc: Sequence) -> tuple[type[BaseModel], Any]:
    """The model that holds the last key of loc, and that key's annotation."""
    annotation: Any = model
    holder = model
    for part in loc:
        while get_origin(annotation) is Annotated:
            annotation = get_args(annotation)[0]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            holder = annotation
            info = annotation.model_fields.get(part)
            if info is None:  # an unknown key: its holder is the model it was written in
                return holder, None
            annotation = info.annotation
        elif get_origin(annotation) in (dict, list):
            annotation = get_args(annotation)[-1]
        else:
            break
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return holder, annotation


def _document_path(loc: Sequence, data: Any) -> tuple[tuple, bool]:
    """The path in the file that a pydantic location points at, and whether it is a mapping key.

    Short forms make the two differ: `tags: [a]` is validated as tags.add[0]."""
    path: list = []
    value = data
    for part in loc:
        if part == "[key]":
            return tuple(path), True
        if isinstance(part, str) and not isinstance(value, dict):
            continue  # a field the short form filled in
        path.append(part)
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            value = None
    return tuple(path), False


def _shown_value(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value)


_PATTERN_HINTS = {
    DATE_PATTERN: "is not a date; write it as YYYY-MM-DD",
    ID_PATTERN: "is not an item id; ids look like s-83dc4010 (the #anchor of a line on the page, or "
                "`python -m generator overrides ids SLUG`)",
    SLUG_PATTERN: "is not a slug; write lowercase letters and digits, words joined by hyphens (like 'talks-in-istanbul')",
    URL_PATTERN: "is not a web address this site links to; write it in full, starting with https://, "
                 "with spaces, quotes, brackets and parentheses %-encoded (%20, %22, %5B, %28…)",
}


def _pattern_message(value: str, pattern: str, slug: str) -> str:
    if pattern == TARGET_PATTERN:
        places = [*SECTIONS, f"{POSITIONS}.<ACTOR CODE>"]
        close = difflib.get_close_matches(value.split(".")[0], [*SECTIONS, POSITIONS], n=1)
        hint = f"did you mean '{places[[*SECTIONS, POSITIONS].index(close[0])]}'? " if close else ""
        return (f"{value!r} is not a place in a briefing; {hint}places are "
                f"{', '.join(places)} (like {POSITIONS}.IRN)")
    return f"{value!r} {_PATTERN_HINTS[pattern].replace('SLUG', slug)}"


def _removable(holder: type[BaseModel]) -> tuple[str, ...]:
    """The keys a mapping's `remove:` list accepts."""
    field_info = holder.model_fields.get("remove")
    return get_args(get_args(field_info.annotation)[0]) if field_info else ()


def _message(error: dict, model: type[BaseModel], loc: Sequence, slug: str) -> str:
    kind, value = error["type"], error["input"]
    holder, annotation = _model_at(model, loc)
    if kind == "extra_forbidden":
        allowed = list(holder.model_fields)
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed here: {', '.join(allowed)}"
        return f"unknown key '{loc[-1]}'; {hint}"
    if kind == "missing":
        return f"the key '{loc[-1]}' is missing (expected {getattr(holder, 'expected', 'a mapping of keys')})"
    if value is None:
        removable = "list it under remove: to drop the value, or " if loc[-1] in _removable(holder) else ""
        return f"is empty; {removable}write a value (or delete the line)"
    if kind == "string_pattern_mismatch":
        return _pattern_message(value, error["ctx"]["pattern"], slug)
    if kind == "string_too_short":
        return "is empty; write some text (or delete the line)"
    if kind == "literal_error":
        return f"{value!r} is not allowed; {error['msg'].lower()}"
    if kind == "value_error":
        return error["msg"].removeprefix("Value error, ")
    if kind == "model_type" and isinstance(annotation, type) and issubclass(annotation, _Keys):
        return f"expected {annotation.expected}, got {_shown_value(value)}"
    expected = {"string_type": "text", "list_type": "a list", "dict_type": "a mapping (key: value lines)",
                "bool_type": "true or false", "int_type": "a whole number",
                "greater_than_equal": f"a number of at least {error.get('ctx', {}).get('ge')}"}.get(kind)
    if expected:
        quoting = "; put it in quotes to make it text" if kind == "string_type" and isinstance(value, (bool, int, float)) else ""
        return f"expected {expected}, got {_shown_value(value)}{quoting}"
    return f"{error['msg'].lower()} (got {_shown_value(value)})"


def _validation_problems(err: ValidationError, document: yamlfile.Document, file: str,
                         model: type[BaseModel]) -> tuple[list[Problem], list[tuple]]:
    """Problems in the file's own terms, and the paths in the file that have one."""
    problems, failing = [], []
    slug = Path(file).stem
    for error in err.errors():
        loc = tuple(error["loc"])
        path, is_key = _document_path(loc, document.data)
        failing.append(path)
        if error["input"] is yamlfile.REFUSED:
            continue  # already reported by yamlfile
        is_key = is_key or error["type"] == "extra_forbidden"
        problems.append(document.problem(file, path, _message(error, model, loc, slug), key=is_key))
    return _sorted(problems), failing


def _sorted(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.path, p.message))


def _file_problems(loaded: LoadedOverride) -> list[Problem]:
    """Contradictions an override file has on its own, before it meets a briefing."""
    override, problems = loaded.override, []
    for edits in (override.actors, override.people):
        group = "actors" if edits is override.actors else "people"
        for name, edit in edits.items():
            for n, key in enumerate(edit.remove):
                if getattr(edit, key) is not None:
                    problems.append(loaded.problem((group, name, "remove", n),
                                                   f"'{key}' is both set and removed here; keep one"))
    if not isinstance(override, OverrideFile):
        return problems
    for n, key in enumerate(override.remove):
        if getattr(override, key) is not None:
            problems.append(loaded.problem(("remove", n), f"'{key}' is both set and removed here; keep one"))
    for name in ("hide", "pin", "order", "merge_with", "promote", "demote"):
        first: dict[str, int] = {}
        for n, value in enumerate(getattr(override, name)):
            if value in first:
                problems.append(loaded.problem((name, n), f"{value!r} is listed twice (also {name}[{first[value]}]); keep one"))
            first.setdefault(value, n)
    hidden: dict[str, int] = {}
    for n, value in enumerate(override.hide):
        hidden.setdefault(value, n)
    verbs = {"pin": "pinned", "order": "reordered"}
    for name in ("pin", "order"):
        for n, value in enumerate(getattr(override, name)):
            if value in hidden:
                problems.append(loaded.problem((name, n), f"'{value}' is hidden (hide[{hidden[value]}]), "
                                                          f"so it cannot be {verbs[name]}; keep one of the two"))
    verbs |= {"promote": "promoted", "demote": "demoted"}
    for name in ("promote", "demote"):
        for n, value in enumerate(getattr(override, name)):
            if value in hidden:
                problems.append(loaded.problem((name, n), f"'{value}' is hidden (hide[{hidden[value]}]), "
                                                          f"so it cannot be {verbs[name]}; keep one of the two"))
    promoted = {value: n for n, value in enumerate(override.promote)}
    pinned = {value: n for n, value in enumerate(override.pin)}
    for n, value in enumerate(override.demote):
        for name, listed in (("promote", promoted), ("pin", pinned)):
            if value in listed:
                problems.append(loaded.problem(("demote", n), f"'{value}' is also {verbs[name]} ({name}[{listed[value]}]), "
                                                              "which shows it in the main view; keep one of the two"))
    for name, verb in (("move", "moved"), ("annotate", "annotated")):
        for value in getattr(override, name):
            if value in hidden:
                problems.append(loaded.problem((name, value), f"'{value}' is hidden (hide[{hidden[value]}]), "
                                                              f"so it cannot be {verb}; keep one of the two", key=True))
    if override.timeline:
        part = "replace" if override.timeline.replace is not None else "add"
        for n, item in enumerate(override.timeline.replace or override.timeline.add):
            if item.date is None:
                problems.append(loaded.problem(loaded.list_path("timeline", part, n),
                                               "a timeline entry needs a date: write it with date: YYYY-MM-DD"))
    return problems


# ------------------------------------------------------------------ which articles make up which briefing


@dataclass(frozen=True, kw_only=True)
class _Grouping:
    stories: tuple[Story, ...]  # by the slug their override file would have
    merged_into: dict[str, str]  # slug of a generated story that lost all its articles → where they went
    split_from: dict[str, str]  # slug of a story made of articles split off → the story they left


def _article_refs(stories: Sequence[Story]) -> dict[str, Any]:
    """An article can be named by its path (seeds/x.txt) or its page name (x)."""
    refs = {}
    for story in stories:
        for analysis in story.analyses:
            refs[analysis.article.path] = analysis
            refs[analysis.article.source_id] = analysis
    return refs


def _no_article(ref: str, refs: dict[str, Any]) -> str:
    paths = sorted({a.article.path for a in refs.values()})
    close = difflib.get_close_matches(ref, sorted(refs), n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"articles are named by path, like '{paths[0]}'" if paths else "there are no articles"
    return f"no article '{ref}'; {hint}"


def _merge_cycles(edits: Edits, slugs: set[str]) -> dict[str, dict[str, list[str]]]:
    """merge_with entries that lead back to their own briefing (a → b → a): slug → {other: the loop}.
    Applied one after the other, such files would swap their articles instead of merging them."""
    targets = {slug: [o for o in loaded.override.merge_with if o in slugs and o != slug]
               for slug, loaded in edits.briefings.items() if slug in slugs}
    cycles: dict[str, dict[str, list[str]]] = {}
    for slug, others in targets.items():
        for other in others:
            # breadth first from other, looking for slug again
            paths, seen = [[slug, other]], {other}
            while paths:
                path = paths.pop(0)
                if path[-1] == slug:
                    cycles.setdefault(slug, {})[other] = path
                    break
                for following in targets.get(path[-1], ()):
                    if following not in seen or following == slug:
                        seen.add(following)
                        paths.append(path + [following])
    return cycles


def _group(stories: Sequence[Story], edits: Edits, excluded: Collection[str]) -> tuple[_Grouping, list[Problem]]:
    """The stories after editors' decisions: articles added, removed (split off) and briefings merged.

    A story keeps the slug the grouping gave it (so its override file keeps
    matching) as long as it keeps any article. The articles a briefing gives
    up (removed, or left out of a replace: list) that no other briefing takes
    form one new story per briefing they left, named like any other story."""
    by_slug = {s.slug: s for s in stories}
    refs = _article_refs(stories)
    problems: list[Problem] = []
    members = {s.slug: list(s.analyses) for s in stories}
    claimed: dict[str, tuple[str, LoadedOverride, tuple]] = {}  # article path → (slug, file, path) that took it
    deciding: list[str] = []
    merged_into: dict[str, str] = {}
    cycles = _merge_cycles(edits, set(by_slug) - set(excluded))

    def claim(slug: str, loaded: LoadedOverride, path: tuple, analysis) -> bool:
        earlier = claimed.get(analysis.article.path)
        if earlier and earlier[0] != slug:
            line, column = earlier[1].document.mark(earlier[2])
            problems.append(loaded.problem(path, f"'{analysis.article.path}' is also taken by "
                                                 f"{earlier[1].file}:{line}:{column}; an article belongs to one briefing"))
            return False
        claimed[analysis.article.path] = (slug, loaded, path)
        return True

    for slug, loaded in sorted(edits.briefings.items()):
        override = loaded.override
        if not (override.articles or override.merge_with) or slug not in by_slug or slug in excluded:
            continue  # files that name no generated story are reported below or by _unmatched
        deciding.append(slug)
        current = members[slug]
        articles = override.articles or ListEdit()
        if articles.replace is not None:
            current.clear()
        for part, entries in (("replace", articles.replace or []), ("add", articles.add)):
            for n, ref in enumerate(entries):
                path = loaded.list_path("articles", part, n)
                analysis = refs.get(ref)
                if analysis is None:
                    problems.append(loaded.problem(path, _no_article(ref, refs)))
                elif claim(slug, loaded, path, analysis) and analysis not in current:
                    current.append(analysis)
        for n, other in enumerate(override.merge_with):
            if other in cycles.get(slug, ()):
                problems.append(loaded.problem(("merge_with", n), f"'{other}' merges back into this briefing "
                                               f"({' → '.join(cycles[slug][other])}); keep merge_with in one file only"))
                continue
            if other == slug or other not in by_slug:
                close = difflib.get_close_matches(other, sorted(set(by_slug) - {slug}), n=1)
                why = "a briefing cannot merge with itself" if other == slug else (
                    f"no briefing has the slug '{other}'" + (f"; did you mean '{close[0]}'?" if close else ""))
                problems.append(loaded.problem(("merge_with", n), why))
                continue
            for analysis in by_slug[other].analyses:
                if claim(slug, loaded, ("merge_with", n), analysis) and analysis not in current:
                    current.append(analysis)
            merged_into[other] = slug
        for n, ref in enumerate(articles.remove):
            path = loaded.list_path("articles", "remove", n)
            analysis = refs.get(ref)
            if analysis is None:
                problems.append(loaded.problem(path, _no_article(ref, refs)))
            elif analysis not in current:
                problems.append(loaded.problem(path, f"'{analysis.article.path}' is not part of this briefing; "
                                                     "only its own articles can be removed"))
            else:
                current.remove(analysis)
        if not current:
            problems.append(loaded.problem(("articles",), "this leaves the briefing without articles; "
                                                          "keep at least one (or merge it into another briefing "
                                                          "with merge_with: there)", key=True))

    final: list[Story] = []
    for story in stories:
        keep = [a for a in members[story.slug]
                if claimed.get(a.article.path, (story.slug,))[0] == story.slug]
        if keep:
            final.append(Story(slug=story.slug, analyses=tuple(keep)))
        elif story.slug not in merged_into:
            merged_into[story.slug] = next((claimed[a.article.path][0] for a in story.analyses
                                            if a.article.path in claimed), "")
    used = {s.slug for s in final}
    split_from: dict[str, str] = {}
    for parent in sorted(deciding):
        orphans = [a for a in by_slug[parent].analyses
                   if a not in members[parent] and a.article.path not in claimed]
        if orphans:
            slug = unique_slug(orphans, used)
            final.append(Story(slug=slug, analyses=tuple(orphans)))
            split_from[slug] = parent
    for slug, loaded in sorted(edits.briefings.items()):
        if slug in split_from and (loaded.override.articles or loaded.override.merge_with):
            where = ("articles",) if loaded.override.articles else ("merge_with",)
            problems.append(loaded.problem(where, f"this briefing was split off from '{split_from[slug]}'; "
                                                  f"decide its articles in {split_from[slug]}.yml", key=True))
    return _Grouping(stories=tuple(sorted(final, key=lambda s: s.slug)), merged_into=merged_into,
                     split_from=split_from), problems


# ------------------------------------------------------------------ names of actors and people


@dataclass(frozen=True, kw_only=True)
class _Naming:
    """An actor or person as the layers name them, merged in precedence order."""

    key: str
    values: dict[str, str | None]  # name/role/actor → value, or None where a layer removed it
    aliases: tuple[str, ...]
    set_by: dict[str, tuple[LoadedOverride, tuple]]  # name/role/actor → (file, path) of the value, for messages

    def forms(self) -> set[str]:
        return {self.key.casefold(), *(a.casefold() for a in self.aliases)}


def _namings(layers: Sequence[LoadedOverride], group: str, report) -> dict[str, _Naming]:
    merged: dict[str, _Naming] = {}
    for loaded in layers:
        for key, edit in getattr(loaded.override, group).items():
            before = merged.get(key) or _Naming(key=key, values={}, aliases=(), set_by={})
            values, set_by = dict(before.values), dict(before.set_by)
            for name in ("name", "role", "actor"):
                if name in edit.remove:
                    values[name] = None
                elif getattr(edit, name, None) is not None:
                    values[name] = getattr(edit, name)
                    set_by[name] = (loaded, (group, key, name))
            aliases = [] if "aliases" in edit.remove else list(before.aliases)
            if edit.aliases:
                aliases = _edit_list(aliases, edit.aliases, loaded, (group, key, "aliases"), "aliases", report)
            merged[key] = _Naming(key=key, values=values, aliases=tuple(aliases), set_by=set_by)
    return merged


def _edit_list(current: list[str], edit: ListEdit, loaded: LoadedOverride, prefix: tuple, what: str,
               report) -> list[str]:
    """current with the edit merged over it; what names the entries in messages ("tags")."""
    if edit.replace is not None:
        return list(dict.fromkeys(edit.replace))
    result = list(dict.fromkeys(current + edit.add))
    for n, value in enumerate(edit.remove):
        if value in result:
            result.remove(value)
        else:
            shown = ", ".join(repr(v) for v in result) or "none"
            report(loaded.problem(loaded.entry_path(prefix, "remove", n),
                                  f"{value!r} is not there to remove ({what} before this file: {shown})"))
    return result


@dataclass
class _Actors:
    """Which actor a code or name means in one briefing, after editors' aliases."""

    namings: dict[str, _Naming]
    present: dict[str, str]  # code → label, of the actors the briefing shows

    def resolve(self, ref: str) -> str | None:
        if ref in self.namings or ref in self.present or ref in lexicon.actors() or ref == OTHER_VOICES:
            return ref
        for key, naming in sorted(self.namings.items()):
            if ref.casefold() in naming.forms():
                return key
        return None

    def label(self, code: str) -> str:
        naming = self.namings.get(code)
        if naming and naming.values.get("name"):
            return naming.values["name"]
        return self.present.get(code) or actor_heading(code)[0]

    def unknown(self, ref: str) -> str:
        """What to tell an editor who wrote an actor that resolves to none: a name for a code, or a typo."""
        code_of = {info.name.casefold(): code for code, info in lexicon.actors().items()}
        code_of |= {label.casefold(): code for code, label in self.present.items()}
        code_of |= {code.casefold(): code for code in {*self.present, *self.namings, *lexicon.actors()}}
        if ref.casefold() in code_of:
            return f"'{ref}' is a name; actors are written by code: did you mean '{code_of[ref.casefold()]}'?"
        here = ", ".join(f"{code} ({label})" for code, label in sorted(self.present.items())) or "none"
        close = difflib.get_close_matches(ref.casefold(), sorted(code_of), n=1)
        hint = f"did you mean '{code_of[close[0]]}' ({self.label(code_of[close[0]])})? " if close else ""
        return f"no actor '{ref}'; {hint}actors in this briefing: {here}"


def _present_actors(briefing: Briefing) -> dict[str, str]:
    present = {p.actor: p.label for p in briefing.positions}
    for person in briefing.people:
        if person.actor and person.actor not in present:
            present[person.actor] = person.label or actor_heading(person.actor)[0]
    return present


def _rename_actors(briefing: Briefing, actors: _Actors, matched: set[str]) -> Briefing:
    """Aliases merge positions, people and tags into one actor; a name: renames it everywhere."""
    positions = list(briefing.positions)
    people = list(briefing.people)
    tags = list(briefing.tags)
    for code, naming in sorted(actors.namings.items()):
        forms = naming.forms()
        hits = [p for p in positions if p.actor.casefold() in forms or p.label.casefold() in forms]
        codes = {p.actor for p in hits} | {code}
        old_labels = {p.label.casefold() for p in hits} | {actor_heading(code)[0].casefold()} | forms
        person_hits = [p for p in people if p.actor and (p.actor in codes or p.actor.casefold() in forms)]
        tag_hits = [t for t in tags if t.casefold() in old_labels]
        if not (hits or person_hits or tag_hits):
            continue
        matched.add(code)
        label = actors.label(code)
        if hits:
            first = positions.index(hits[0])
            flag = actor_heading(code)[1] or hits[0].flag
            merged = ActorPosition(actor=code, label=label, flag=flag,
                                   people=tuple(dict.fromkeys(n for p in hits for n in p.people)),
                                   items=tuple(i for p in hits for i in p.items))
            positions = [p for p in positions if p not in hits]
            positions.insert(first, merged)
        people = [replace(p, actor=code, label=label) if p in person_hits else p for p in people]
        tags = [label if t in tag_hits else t for t in tags]
    actors.present = _present_actors(replace(briefing, positions=tuple(positions), people=tuple(people)))
    return replace(briefing, positions=tuple(positions), people=tuple(people), tags=tuple(dict.fromkeys(tags)))


def _rename_people(briefing: Briefing, namings: dict[str, _Naming], actors: _Actors, matched: set[str],
                   report) -> Briefing:
    people = list(briefing.people)
    shown_as: dict[str, str] = {}  # casefolded name → the name to show
    for key, naming in sorted(namings.items()):
        forms = naming.forms()
        hits = [p for p in people if p.name.casefold() in forms]
        speaks = any(i.speaker and i.speaker.casefold() in forms for i in _all_items(briefing)) or any(
            n.casefold() in forms for p in briefing.positions for n in p.people)
        if not (hits or speaks):
            continue
        matched.add(key)
        display = naming.values.get("name") or key
        shown_as |= {form: display for form in forms}
        if not hits:
            continue
        actor = naming.values["actor"] if "actor" in naming.values else next((p.actor for p in hits if p.actor), None)
        if actor is not None and "actor" in naming.values:
            resolved = actors.resolve(actor)
            if resolved is None:
                loaded, path = naming.set_by["actor"]
                report(loaded.problem(path, actors.unknown(actor)))
            actor = resolved
        role = naming.values["role"] if "role" in naming.values else next((p.role for p in hits if p.role), None)
        person = KeyPerson(id=hits[0].id, name=display, role=role, actor=actor,
                           label=actors.label(actor) if actor else None)
        first = people.index(hits[0])
        people = [p for p in people if p not in hits]
        people.insert(first, person)

    def rename(name: str | None) -> str | None:
        return shown_as.get(name.casefold(), name) if name else name

    def speakers(items: tuple[Item, ...]) -> tuple[Item, ...]:
        return tuple(replace(i, speaker=rename(i.speaker)) if i.speaker else i for i in items)

    return replace(
        briefing, people=tuple(people),
        positions=tuple(replace(p, items=speakers(p.items), people=tuple(dict.fromkeys(rename(n) for n in p.people)))
                        for p in briefing.positions),
        **{name: speakers(getattr(briefing, name)) for name in SECTIONS})


def _all_items(briefing: Briefing) -> Iterable[Item]:
    for name in SECTIONS:
        yield from getattr(briefing, name)
    for position in briefing.positions:
        yield from position.items


def item_ids(briefing: Briefing) -> set[str]:
    return {i.id for i in _all_items(briefing)} | {p.id for p in briefing.people}


# ------------------------------------------------------------------ one briefing


class _Places:
    """A briefing's lines by place: the sections, then positions.<CODE> per actor."""

    def __init__(self, briefing: Briefing):
        self.lists: dict[str, list[Item]] = {name: list(getattr(briefing, name)) for name in SECTIONS}
        self.positions: dict[str, ActorPosition] = {}
        for position in briefing.positions:
            self.lists[f"{POSITIONS}.{position.actor}"] = list(position.items)
            self.positions[position.actor] = position

    def find(self, item_id_: str) -> tuple[str, Item] | None:
        for place, items in self.lists.items():
            for item in items:
                if item.id == item_id_:
                    return place, item
        return None

    def take(self, place: str, item: Item) -> Item:
        self.lists[place].remove(item)
        return item

    def put(self, place: str, item: Item, actors: _Actors) -> None:
        if place.startswith(POSITIONS + ".") and place not in self.lists:
            code = place.split(".", 1)[1]
            self.lists[place] = []
            self.positions[code] = ActorPosition(actor=code, label=actors.label(code), flag=actor_heading(code)[1],
                                                 people=(), items=())
        self.lists[place].append(item)
        if item.speaker and place.startswith(POSITIONS + "."):
            position = self.positions[place.split(".", 1)[1]]
            if item.speaker not in position.people:
                self.positions[position.actor] = replace(position, people=position.people + (item.speaker,))

    def briefing(self, briefing: Briefing) -> Briefing:
        positions = tuple(replace(p, items=tuple(self.lists[f"{POSITIONS}.{code}"]))
                          for code, p in self.positions.items() if self.lists[f"{POSITIONS}.{code}"])
        return replace(briefing, positions=positions, **{name: tuple(self.lists[name]) for name in SECTIONS})


def _edit_briefing(briefing: Briefing, story: Story, layers: Sequence[LoadedOverride],
                   report) -> tuple[Briefing, set[str], set[str]]:
    """The briefing with the layers merged over it (site-wide first), and the actor and people keys that matched."""
    actor_namings = _namings(layers, "actors", report)
    people_namings = _namings(layers, "people", report)
    actors = _Actors(namings=actor_namings, present=_present_actors(briefing))
    matched_actors: set[str] = set()
    matched_people: set[str] = set()
    briefing = _rename_actors(briefing, actors, matched_actors)
    briefing = _rename_people(briefing, people_namings, actors, matched_people, report)
    for loaded in layers:
        if isinstance(loaded.override, OverrideFile):
            briefing = _apply_override(briefing, story, loaded, actors, matched_actors, report)
            _report_unused_names(loaded, briefing, matched_actors, matched_people, actors, report)
    return briefing, matched_actors, matched_people


def _report_unused_names(loaded: LoadedOverride, briefing: Briefing, actors_hit: set[str], people_hit: set[str],
                         actors: _Actors, report) -> None:
    """A briefing's file names actors and people of that briefing; any other name is a mistake or stale."""
    here = ", ".join(f"{code} ({label})" for code, label in sorted(actors.present.items())) or "none"
    for code in loaded.override.actors:
        if code not in actors_hit:
            close = difflib.get_close_matches(code, sorted(actors.present), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            report(loaded.problem(("actors", code), f"the briefing shows no actor '{code}' (or an alias); {hint}"
                                                    f"actors here: {here}", key=True))
    names = sorted({p.name for p in briefing.people} | {n for p in briefing.positions for n in p.people})
    for name in loaded.override.people:
        if name not in people_hit:
            close = difflib.get_close_matches(name, names, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"people here: {', '.join(names) or 'none'}"
            report(loaded.problem(("people", name), f"no person '{name}' (or an alias) in this briefing; {hint}",
                                  key=True))


def _apply_override(briefing: Briefing, story: Story, loaded: LoadedOverride, actors: _Actors,
                    matched_actors: set[str], report) -> Briefing:
    override: OverrideFile = loaded.override
    places = _Places(briefing)
    people = list(briefing.people)
    person_ids = {p.id for p in people}
    known = item_ids(briefing)

    def stale(path: tuple, wanted: str, *, key: bool = False) -> bool:
        if wanted in known:
            return False
        report(loaded.problem(path, f"no generated item has id '{wanted}' (its article changed or left the "
                                    f"briefing?); `python -m generator overrides ids {loaded.slug}` lists the current ids",
                              key=key))
        return True

    def place_of(target: str, path: tuple, *, key: bool = False) -> str | None:
        if not target.startswith(POSITIONS + "."):
            return target
        code = actors.resolve(target.split(".", 1)[1])
        if code is None:
            report(loaded.problem(path, actors.unknown(target.split(".", 1)[1]), key=key))
            return None
        matched_actors.add(code)
        return f"{POSITIONS}.{code}"

    hidden = set()
    for n, wanted in enumerate(override.hide):
        if not stale(("hide", n), wanted):
            hidden.add(wanted)
    for place, items in places.lists.items():
        items[:] = [i for i in items if i.id not in hidden]
    people = [p for p in people if p.id not in hidden]

    for wanted, target in override.move.items():
        if stale(("move", wanted), wanted, key=True):
            continue
        if wanted in person_ids:
            report(loaded.problem(("move", wanted), "key people are listed on their own and cannot be moved; "
                                                    "hide or pin them instead", key=True))
            continue
        place = place_of(target, ("move", wanted))
        found = places.find(wanted)
        if place is None or found is None:
            continue
        if place == "timeline" and found[1].date is None:
            report(loaded.problem(("move", wanted), f"'{wanted}' has no date, and the timeline lists dated events; "
                                                    "choose another section"))
            continue
        if found[0] != place:
            places.put(place, places.take(*found), actors)

    moved_in = {(place, item.id) for place, items in places.lists.items() for item in items
                if item.id in override.move}
    editorial_pins: list[str] = []
    added_ids: dict[str, tuple] = {}
    sources = {s.path: s for s in briefing.sources} | {s.source_id: s for s in briefing.sources}
    analyses = {a.article.source_id: a for a in story.analyses}
    section_edits = [(name, (name,), getattr(override, name)) for name in SECTIONS]
    for code_ref, edit in override.positions.items():
        section_edits.append((f"{POSITIONS}.{code_ref}", (POSITIONS, code_ref), edit))
    for target, prefix, edit in section_edits:
        if edit is None:
            continue
        place = place_of(target, prefix, key=True)
        if place is None:
            continue
        if edit.replace is not None and place in places.lists:
            places.lists[place][:] = [i for i in places.lists[place] if (place, i.id) in moved_in]
        part = "replace" if edit.replace is not None else "add"
        for n, line in enumerate(edit.replace if edit.replace is not None else edit.add):
            path = loaded.entry_path(prefix, part, n)
            item = _editorial_item(line, path, loaded, sources, analyses, report)
            if item.id in added_ids:
                report(loaded.problem(path, f"the same line is already added at {yamlfile.dotted(added_ids[item.id])}; "
                                            "keep one"))
                continue
            added_ids[item.id] = path
            places.put(place, item, actors)
            if line.pin:
                editorial_pins.append(item.id)
    places.lists["timeline"].sort(key=lambda i: i.date or "")

    for wanted, note in override.annotate.items():
        if stale(("annotate", wanted), wanted, key=True) or wanted in hidden:  # hidden and annotated: reported already
            continue
        found = places.find(wanted)
        if found is None:  # a key person
            report(loaded.problem(("annotate", wanted), "notes go on lines, not on key people; "
                                                        "add a line under notes: instead", key=True))
        elif found[0] == "bottom_line":
            report(loaded.problem(("annotate", wanted), "the bottom line shows no notes; move the line to another "
                                                        "section, or add a line under notes:", key=True))
        else:
            items = places.lists[found[0]]
            items[items.index(found[1])] = replace(found[1], note=clean(note))

    order = {wanted: n for n, wanted in enumerate(override.order) if not stale(("order", n), wanted)}
    pins = {wanted: n for n, wanted in enumerate(override.pin) if not stale(("pin", n), wanted)}
    pins |= {wanted: len(override.pin) + n for n, wanted in enumerate(editorial_pins)}
    for items in places.lists.values():
        _reorder(items, order)
        items[:] = _pinned_first(items, pins)
    people = sorted(people, key=lambda p: pins.get(p.id, len(pins)))  # pinned key people first
    _choose_views(places, override, loaded, stale, person_ids, hidden, report)

    changes: dict[str, Any] = {"override_file": loaded.file, "hidden": tuple(sorted(hidden)), "people": tuple(people)}
    for name in ("slug", "title", "date", "status"):
        if getattr(override, name) is not None:
            changes[name] = getattr(override, name)
    if "date" in override.remove:
        changes["date"] = None
    tags = [] if "tags" in override.remove else list(briefing.tags)
    if override.tags:
        tags = _edit_list(tags, override.tags, loaded, ("tags",), "tags", report)
    changes["tags"] = tuple(tags)
    return replace(places.briefing(briefing), **changes)


def _choose_views(places: _Places, override: OverrideFile, loaded: LoadedOverride, stale, person_ids: set[str],
                  hidden: set[str], report) -> None:
    """promote: and pin: show lines in the main view; demote: takes them out, into the full record."""
    wanted: dict[str, bool] = {}
    for name, main in (("promote", True), ("demote", False)):
        for n, value in enumerate(getattr(override, name)):
            if stale((name, n), value) or value in hidden:  # hidden and promoted: reported already
                continue
            found = places.find(value)
            if value in person_ids or found is None:
                report(loaded.problem((name, n), "key people are always shown; hide or pin them instead"))
            elif found[0] == "timeline":
                report(loaded.problem((name, n), "the timeline is always shown collapsed; to show the event in the "
                                                 "main view, promote the line of its section"))
            elif found[0] == "bottom_line" and not main:
                report(loaded.problem((name, n), "the bottom line is always in the main view; move the line to "
                                                 "another section (move:) or hide it"))
            else:
                wanted[value] = main
    for items in places.lists.values():
        items[:] = [replace(i, main=wanted.get(i.id, i.main or i.pinned)) for i in items]


def _reorder(items: list[Item], order: dict[str, int]) -> None:
    """The listed items take the places the listed items occupy, in the listed order."""
    slots = [n for n, item in enumerate(items) if item.id in order]
    ordered = sorted((items[n] for n in slots), key=lambda item: order[item.id])
    for n, item in zip(slots, ordered):
        items[n] = item


def _pinned_first(items: list[Item], pins: dict[str, int]) -> list[Item]:
    pinned = sorted((replace(i, pinned=True) for i in items if i.id in pins), key=lambda i: pins[i.id])
    return pinned + [i for i in items if i.id not in pins]


def _editorial_item(line: EditorialItem, path: tuple, loaded: LoadedOverride, sources: dict, analyses: dict,
                    report) -> Item:
    text = clean(line.text)
    citations, link = (), None
    cite = line.cite
    if cite is not None and cite.url is not None:
        link = SourceLink(url=cite.url, title=clean(cite.title) if cite.title else None)
    elif cite is not None:
        source = sources.get(cite.article)
        if source is None:
            shown = ", ".join(sorted({s.path for s in sources.values()})) or "none"
            report(loaded.problem(path + ("cite", "article"),
                                  f"'{cite.article}' is not one of this briefing's articles (they are: {shown}); "
                                  "add it under articles: first, or cite it with url:"))
        else:
            sentences = analyses[source.source_id].sentences
            if cite.sentence > len(sentences):
                report(loaded.problem(path + ("cite", "sentence"),
                                      f"'{source.path}' has {len(sentences)} sentences; "
                                      f"choose one from 1 to {len(sentences)} (the #s numbers on its page)"))
            else:
                sentence = sentences[cite.sentence - 1]
                citations = (Citation(source=source.number, sentence=sentence.index,
                                      start=sentence.start, end=sentence.end),)
    return Item(id=item_id("e", text), text=text, citations=citations, speaker=clean(line.speaker) if line.speaker else None,
                date=line.date, editorial=True, link=link)


# ------------------------------------------------------------------ the whole site


@dataclass(frozen=True, kw_only=True)
class EditedBriefing:
    slug: str  # the slug the grouping gave it: the name of its override file
    story: Story
    briefing: Briefing  # with every applicable file merged; as generated (plus the site-wide file) if one failed
    failed: bool  # its override, or the site-wide file, has a problem
    base: Briefing  # before its own override: as generated, with the site-wide file if that has no problem


@dataclass(frozen=True, kw_only=True)
class EditedSite:
    briefings: tuple[EditedBriefing, ...]
    problems: tuple[Problem, ...]


def edit_site(stories: Sequence[Story], edits: Edits, *, reserved_pages: Collection[str] = (),
              compose_story: Callable[[Story], Briefing] = compose) -> EditedSite:
    """Every briefing composed with the editors' files merged over it, and every problem found.

    reserved_pages are docs-relative page names that an editor's slug must not take.
    compose_story: compose, or one that remembers its briefings between builds (pipeline.Memo)."""
    result = _edit_site(stories, edits, reserved_pages, excluded=frozenset(), compose_story=compose_story)
    files_with_problems = {p.file for p in result.problems}
    failed_deciders = {slug for slug in edits.deciding() if edits.briefings[slug].file in files_with_problems}
    if failed_deciders:  # a file with problems is not applied, not even its choice of articles: group again without it
        second = _edit_site(stories, edits, reserved_pages, excluded=frozenset(failed_deciders),
                            compose_story=compose_story)
        result = EditedSite(briefings=second.briefings, problems=tuple(_sorted(result.problems + second.problems)))
    return result


def _edit_site(stories: Sequence[Story], edits: Edits, reserved_pages: Collection[str],
               excluded: frozenset[str], compose_story: Callable[[Story], Briefing]) -> EditedSite:
    grouping, problems = _group(stories, edits, excluded)
    problems = [*edits.problems, *problems, *_slug_problems(grouping, edits, reserved_pages)]
    site = edits.site
    matched_actors: set[str] = set()
    matched_people: set[str] = set()
    composed = []
    for story in grouping.stories:
        generated = compose_story(story)
        loaded = edits.briefings.get(story.slug)
        own = loaded if loaded is not None and story.slug not in excluded else None
        merged, actors_hit, people_hit = _edit_briefing(generated, story, [x for x in (site, own) if x], problems.append)
        matched_actors |= actors_hit
        matched_people |= people_hit
        composed.append((story, generated, loaded, merged))
    if site is not None:
        problems += _unused_site_names(site, matched_actors, matched_people, [c[3] for c in composed])
    files_with_problems = {p.file for p in problems}
    site_ok = "_site" not in edits.unreadable and (site is None or site.file not in files_with_problems)
    entries = []
    for story, generated, loaded, merged in composed:
        own_failed = story.slug in edits.unreadable or (loaded is not None and (
            loaded.file in files_with_problems or story.slug in excluded))
        if not site_ok or site is None:
            base = generated
        elif loaded is None:
            base = merged
        else:
            base = _edit_briefing(generated, story, [site], lambda problem: None)[0]
        briefing = base if own_failed or not site_ok else merged
        entries.append(EditedBriefing(slug=story.slug, story=story, briefing=briefing,
                                      failed=own_failed or not site_ok, base=base))
    problems += _unmatched(edits, {e.slug for e in entries}, grouping)
    return EditedSite(briefings=tuple(entries), problems=tuple(_sorted(problems)))


def _slug_problems(grouping: _Grouping, edits: Edits, reserved_pages: Collection[str]) -> list[Problem]:
    """An editor's slug must not take the address of another briefing or page."""
    names = {s.slug for s in grouping.stories}
    chosen: dict[str, LoadedOverride] = {}
    problems = []
    for slug, loaded in sorted(edits.briefings.items()):
        wanted = loaded.override.slug
        if slug not in names or wanted is None or wanted == slug:
            continue
        page = briefing_page_uri(wanted)
        if wanted in names:
            problems.append(loaded.problem(("slug",), f"'{wanted}' is already the address of another briefing; "
                                                      "choose another slug"))
        elif wanted in chosen:
            problems.append(loaded.problem(("slug",), f"'{wanted}' is also the slug chosen in {chosen[wanted].file}; "
                                                      "choose another slug"))
        elif page in reserved_pages:
            problems.append(loaded.problem(("slug",), f"'{wanted}' would take the address of the page {page}; "
                                                      "choose another slug"))
        chosen.setdefault(wanted, loaded)
    return problems


def _unused_site_names(site: LoadedOverride, actors: set[str], people: set[str],
                       briefings: Sequence[Briefing]) -> list[Problem]:
    """Site-wide entries that name nothing anywhere: a typo, or a name no article uses any more.

    An actor code the generator knows is a standing choice and may wait for an article."""
    problems = []
    for code in site.override.actors:
        if code not in actors and code not in lexicon.actors():
            problems.append(site.problem(("actors", code), f"no briefing has an actor '{code}' and the generator "
                                                           "knows no such code; check the spelling, or remove the entry",
                                         key=True))
    names = sorted({p.name for b in briefings for p in b.people})
    for name in site.override.people:
        if name not in people:
            close = difflib.get_close_matches(name, names, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "check the spelling, or remove the entry"
            problems.append(site.problem(("people", name), f"no briefing names '{name}' (or its aliases); {hint}",
                                         key=True))
    return problems


def _unmatched(edits: Edits, slugs: set[str], grouping: _Grouping) -> list[Problem]:
    """Override files that name no briefing."""
    problems = []
    for slug, loaded in sorted(edits.briefings.items()):
        if slug in slugs:
            continue
        if grouping.merged_into.get(slug):
            target = grouping.merged_into[slug]
            problems.append(loaded.problem((), f"the briefing '{slug}' was merged into '{target}'; move these edits "
                                               f"to {Path(loaded.file).parent.as_posix()}/{target}.yml and delete this file"))
            continue
        close = difflib.get_close_matches(slug, sorted(slugs), n=1) or sorted(
            s for s in slugs if s.startswith(slug) or slug.startswith(s))
        hint = f"; did you mean '{close[0]}.yml'?" if close else "; rename it to the slug of a briefing"
        problems.append(Problem(file=loaded.file, line=1, column=1, path="",
                                message=f"no briefing has the slug '{slug}'{hint}"))
    return problems


# ------------------------------------------------------------------ starting a file


def item_listing(briefing: Briefing, override: OverrideFile | None = None, edited: Briefing | None = None) -> list[str]:
    """One line per item: id, where it is, which view shows it (main, or the collapsed full record), and
    its first words (for editors to pick ids from).

    briefing is the briefing before its override; what the override does to an item is shown after it,
    and edited (the briefing with its override) gives the view the item ends up in."""
    shown_after = {i.id: i.main for i in _all_items(edited)} if edited is not None else {}

    def view(item: Item, place: str) -> str:
        """The view the item is in: after the override when the briefing with it is given."""
        return "record" if place == "timeline" or not shown_after.get(item.id, item.main) else "main"

    rows = [(item.id, name, view(item, name), _first_words(item)) for name in SECTIONS for item in getattr(briefing, name)]
    rows += [(item.id, f"{POSITIONS}.{p.actor}", view(item, ""), _first_words(item))
             for p in briefing.positions for item in p.items]
    rows += [(p.id, "people", "main", ", ".join(x for x in (p.name, p.role, p.label) if x)) for p in briefing.people]
    width = max((len(place) for _, place, _, _ in rows), default=0)
    lines = []
    for id_, place, shown, words in rows:
        done = []
        if override is not None:
            done += ["hidden"] if id_ in override.hide else []
            done += [f"moved to {override.move[id_]}"] if id_ in override.move else []
            done += ["promoted"] if id_ in override.promote else []
            done += ["demoted"] if id_ in override.demote else []
            done += ["pinned"] if id_ in override.pin else []
            done += ["reordered"] if id_ in override.order else []
            done += ["annotated"] if id_ in override.annotate else []
        lines.append(f"{id_}  {place.ljust(width)}  {shown.ljust(6)}  {_one_line(words)}"
                     + (f"  [{', '.join(done)}]" if done else ""))
    return lines


def _first_words(item: Item, count: int = 10) -> str:
    words = item.text.split()
    text = " ".join(words[:count]) + ("…" if len(words) > count else "")
    if item.quote:
        text = f"“{text}”"
    if item.speaker:
        text += f" — {item.speaker}"
    if item.date:
        text = f"{item.date}: {text}"
    return text


def _one_line(text: str) -> str:
    """Article text made safe to print and to put in a YAML comment: one line, printable characters only."""
    return "".join(ch if ch.isprintable() else " " for ch in " ".join(text.split()))


def starter(briefing: Briefing, folder: str = "briefings") -> str:
    """A new override file for a briefing: every key commented out, the current items listed."""
    actors = ", ".join(f"{p.actor} ({p.label})" for p in briefing.positions) or "none"
    articles = "\n".join(f"#   {s.path}  ({_one_line(s.label)})" for s in briefing.sources)
    example = next((i.id for i in briefing.developments or briefing.background or briefing.outlook), "s-00000000")
    lines = [
        SCHEMA_COMMENT.format(name="override.schema.json"),
        f"# Editor's override for the briefing {_one_line(briefing.title)!r} ({folder}/{briefing.slug}).",
        "# Merged over the generated briefing; the generator never writes this file.",
        "# See README.md, 'Editing briefings'. Uncomment what you need:",
        "#",
        f"# title: {_one_line(briefing.title)}",
        "# status: reviewed          # draft | reviewed | published",
        f"# hide: [{example}]",
        f"# move: {{{example}: background}}   # or positions.<ACTOR CODE>",
        f"# pin: [{example}]",
        f"# promote: [{example}]      # show in the main view; demote: [...] takes lines out of it",
        "# notes:",
        "#   - An editor's note, shown at the end of the briefing.",
        "#",
        f"# Articles:\n{articles}",
        f"# Actors: {_one_line(actors)}",
        "#",
        "# Current items (id, where it is, main view or full record, first words):",
        *(f"#   {row}" for row in item_listing(briefing)),
    ]
    return "\n".join(lines) + "\n"


def json_schema(model: type[BaseModel] = OverrideFile) -> dict:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


SCHEMAS = {"override.schema.json": OverrideFile, "site.schema.json": SiteFile}
