"""The data that flows between the pipeline's stages.

Every stage takes and returns these frozen, keyword-only dataclasses, so a stage
cannot change what an earlier one produced and each field is named where it is
built. Offsets are code-point offsets into `Article.text` (the file's text after
BOM removal and newline normalisation), as in ../shared/eval/GUIDELINES.md.
"""
from __future__ import annotations

from dataclasses import dataclass, field

SECTIONS = ("development", "background", "position", "outlook")


@dataclass(frozen=True, kw_only=True)
class Article:
    """One input file, read and split into header fields and body."""

    path: str  # as given on the command line or relative to the seeds folder
    source_id: str  # stable id of the file (its name without extension)
    text: str  # the whole normalised text; every offset points into it
    body_start: int  # where the body (after title, date header, dateline) begins
    body_end: int  # where the body ends (before wire signatures and page clutter)
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD, the publication date stated in the file
    dateline: str | None = None  # the dateline city, as printed
    dateline_region: str | None = None  # the state or region printed after the city: "TAUPO, New Zealand"
    source: str | None = None  # agency or outlet named in the file
    url: str | None = None
    clutter: tuple[tuple[int, int], ...] = ()  # spans inside the body that are page furniture


@dataclass(frozen=True, kw_only=True)
class Person:
    name: str  # the fullest form the article gives, e.g. "Abbas Araghchi"
    role: str | None = None  # e.g. "Foreign Minister"
    actor: str | None = None  # the state or organisation the person speaks for


@dataclass(frozen=True, kw_only=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None = None
    actor: str | None = None
    rule: str = ""  # which attribution rule fired, for debugging and evaluation


@dataclass(frozen=True, kw_only=True)
class Sentence:
    index: int  # position among the article's body sentences
    start: int
    end: int
    text: str
    paragraph: int
    section: str = "development"
    actor: str | None = None
    speaker: str | None = None
    stance: str | None = None  # class of the reporting verb: statement, appeal, demand, ...
    in_quote: bool = False  # the sentence is (mostly) inside a direct quotation


@dataclass(frozen=True, kw_only=True)
class Event:
    """A dated thing that happened, as one sentence tells it."""

    date: str  # ISO date; never guessed: only explicit or resolvable relative dates
    sentence: int  # index of the sentence that states it
    text: str


@dataclass(frozen=True, kw_only=True)
class Analysis:
    """What the extractor understood of one article."""

    article: Article
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    people: tuple[Person, ...]
    events: tuple[Event, ...]
    actors: tuple[str, ...]  # actor codes mentioned, most frequent first


@dataclass(frozen=True, kw_only=True)
class Story:
    """Articles grouped as reporting the same story."""

    slug: str
    analyses: tuple[Analysis, ...]


# ---------------------------------------------------------------- briefings


@dataclass(frozen=True, kw_only=True)
class Citation:
    source: int  # 1-based number of the source in the briefing's source list
    sentence: int  # index of the sentence in that source
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class Item:
    """One line of a briefing, with the sentences it came from."""

    id: str  # stable: derived from the text of the line, not from its position
    text: str
    citations: tuple[Citation, ...] = ()
    speaker: str | None = None
    quote: bool = False  # a direct quotation, shown in quote marks
    date: str | None = None  # timeline items only
    pinned: bool = False
    editorial: bool = False  # written by an editor, not generated
    note: str | None = None
    link: SourceLink | None = None  # an editor's citation of a page outside the briefing's sources
    actor: str | None = None  # a bottom-line line that is a position: whose (the section says it elsewhere)
    differs: tuple[Variant, ...] = ()  # where the sources of a main-view line give different figures
    stance: str | None = None  # the class of the reporting verb of a position (reporting.yml), for salience
    main: bool = True  # in the main view (what a reader sees without expanding anything), else in the full record
    new: bool = False  # only the newest of the story's dated sources carries it


@dataclass(frozen=True, kw_only=True)
class Variant:
    """A figure (an amount, a toll, a date) as one source of a line gives it, where another gives another."""

    value: str  # as the source prints it: "4 million", "21", "May 1"
    citation: Citation


@dataclass(frozen=True, kw_only=True)
class ActorPosition:
    actor: str  # code: ISO alpha-3 or organisation code
    label: str  # display name, e.g. "Turkey"
    flag: str  # emoji flag, or "" for organisations
    people: tuple[str, ...]
    items: tuple[Item, ...]


@dataclass(frozen=True, kw_only=True)
class KeyPerson:
    id: str
    name: str
    role: str | None
    actor: str | None
    label: str | None = None  # display name of the actor


@dataclass(frozen=True, kw_only=True)
class SourceRef:
    number: int
    path: str
    source_id: str
    title: str | None
    label: str  # how pages name it: the headline, else its first words (stories.article_label)
    outlet: str | None
    date: str | None
    url: str | None


@dataclass(frozen=True, kw_only=True)
class Briefing:
    slug: str
    title: str
    date: str | None
    status: str = "draft"
    tags: tuple[str, ...] = ()
    bottom_line: tuple[Item, ...] = ()
    developments: tuple[Item, ...] = ()
    background: tuple[Item, ...] = ()
    positions: tuple[ActorPosition, ...] = ()
    outlook: tuple[Item, ...] = ()
    timeline: tuple[Item, ...] = ()
    people: tuple[KeyPerson, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    notes: tuple[Item, ...] = ()
    override_file: str | None = None  # the editor's file merged into it, if any
    hidden: tuple[str, ...] = field(default=())  # ids hidden by the override


@dataclass(frozen=True, kw_only=True)
class SourceLink:
    """A web page an editor cites for a line they wrote."""

    url: str  # http(s) only, checked when the override is read
    title: str | None = None
