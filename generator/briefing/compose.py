"""Composing one briefing from the analyses of a story's articles.

Every item keeps citations to the sentences it came from; statements that
two sources make alike appear once, citing both. Item ids are hashes of the
item's normalised text, so they do not move when other articles come or go.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field, replace

from .. import lexicon
from . import main_view
from ..model import (ActorPosition, Analysis, Briefing, Citation, Item, KeyPerson, Person, Quote,
                    Sentence, SourceRef, Story)
from .stories import article_label, story_title

NEAR_DUPLICATE = 0.7  # Jaccard similarity of word sets above which two statements are one
_WORD = re.compile(r"\w+")
OTHER_VOICES = "OTHER"


def clean(text: str) -> str:
    """One line of display text: wire line breaks and runs of space collapsed."""
    return " ".join(text.split())


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


def item_id(prefix: str, text: str) -> str:
    normal = " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).lower()))
    return f"{prefix}-{hashlib.sha1(normal.encode('utf-8')).hexdigest()[:8]}"


@dataclass
class _Pool:
    """Items of one section, merging near-identical statements from different sources."""

    items: list[Item] = field(default_factory=list)
    words: list[frozenset[str]] = field(default_factory=list)

    def add(self, text: str, citation: Citation, *, kind: str = "s", **extra) -> None:
        """kind is the id prefix: s for a sentence, q for a quote, t for a timeline entry.

        The id depends on the text alone, never on the section, so it survives
        a change of section by the classifier or by an editor."""
        text = clean(text)
        if not self.absorb(text, citation):
            self.items.append(Item(id=item_id(kind, text), text=text, citations=(citation,), **extra))
            self.words.append(_words(text))

    def absorb(self, text: str, citation: Citation) -> bool:
        """If a near-identical statement is already here, cite this source for it too (not when the
        two give different figures: the main view shows such a difference, citing both)."""
        words = _words(clean(text))
        for n, known in enumerate(self.words):
            union = known | words
            if union and len(known & words) / len(union) >= NEAR_DUPLICATE \
                    and not main_view.figures_differ(self.items[n].text, text):
                item = self.items[n]
                if citation.source not in {c.source for c in item.citations}:
                    self.items[n] = replace(item, citations=item.citations + (citation,))
                return True
        return False

    def take(self, item: Item) -> Item:
        n = self.items.index(item)
        del self.words[n]
        return self.items.pop(n)


def _sources(story: Story) -> list[tuple[int, Analysis]]:
    ordered = sorted(story.analyses, key=lambda a: (a.article.date or "", a.article.source_id))
    return list(enumerate(ordered, start=1))


def _cite(number: int, sentence: Sentence) -> Citation:
    return Citation(source=number, sentence=sentence.index, start=sentence.start, end=sentence.end)


SPLIT_QUOTE_GAP = 60  # characters of attribution ('," Obama said. "') that may stand between two halves of a quote


def _joined_quotes(analysis: Analysis) -> list[Quote]:
    """A quotation split by its attribution ("A deal is possible," he said. "We should seize it.") is one
    quote: the same speaker, the first half ending without a full stop, the second close after it."""
    joined: list[Quote] = []
    for quote in analysis.quotes:
        before = joined[-1] if joined else None
        if (before is not None and quote.speaker and before.speaker == quote.speaker
                and not before.text.rstrip().endswith((".", "?", "!")) and 0 <= quote.start - before.end <= SPLIT_QUOTE_GAP):
            joined[-1] = replace(before, end=quote.end,
                                 text=f"{before.text.strip().rstrip(',')} … {quote.text.strip()}")
        else:
            joined.append(quote)
    return joined


def _quotes_by_first_sentence(analysis: Analysis) -> tuple[dict[int, Quote], set[int]]:
    """Attributed quotes that stand for whole sentences, keyed by their first sentence.

    A quote stands for the sentences it overlaps when at least one of them is
    mostly quotation; a short quote inside a reported sentence is shown as
    that sentence instead."""
    first: dict[int, Quote] = {}
    covered: set[int] = set()
    for quote in _joined_quotes(analysis):
        overlapped = [s for s in analysis.sentences if s.start < quote.end and quote.start < s.end]
        if not quote.speaker or not any(s.in_quote for s in overlapped):
            continue
        for part, sentences in _quote_parts(quote, overlapped, analysis.article.text):
            first[sentences[0].index] = part
        covered |= {s.index for s in overlapped}
    return first, covered


QUOTE_PART_WORDS = 40  # a longer quotation is shown in parts of whole sentences, each at most this long where it can be


def _quote_parts(quote: Quote, sentences: list[Sentence], text: str) -> list[tuple[Quote, list[Sentence]]]:
    """A long quotation of several sentences as parts of whole sentences: a reader (and the main view) can
    take its strongest sentences without the whole speech, and every part stays on the page. A quotation
    joined across its attribution is kept whole (its text is not one stretch of the article)."""
    whole = [(quote, sentences)]
    if len(sentences) < 2 or len(quote.text.split()) <= QUOTE_PART_WORDS \
            or text[quote.start:quote.end].split() != quote.text.split():
        return whole
    groups: list[list[Sentence]] = [[sentences[0]]]
    for sentence in sentences[1:]:
        words = len(text[max(quote.start, groups[-1][0].start):min(quote.end, sentence.end)].split())
        if words > QUOTE_PART_WORDS:
            groups.append([sentence])
        else:
            groups[-1].append(sentence)
    parts = []
    for n, group in enumerate(groups):
        start = quote.start if n == 0 else group[0].start
        end = quote.end if n == len(groups) - 1 else groups[n + 1][0].start
        piece = text[start:end].strip()
        start += len(text[start:end]) - len(text[start:end].lstrip())
        parts.append((replace(quote, start=start, end=start + len(piece), text=piece), group))
    return parts


def compose(story: Story) -> Briefing:
    sources = _sources(story)
    pools = {name: _Pool() for name in ("development", "background", "outlook")}
    positions: dict[str, _Pool] = defaultdict(_Pool)
    speakers: dict[str, list[str]] = defaultdict(list)
    timeline = _Pool()

    for number, analysis in sources:
        quotes, covered = _quotes_by_first_sentence(analysis)
        for sentence in _standalone(analysis.sentences, quotes, covered):
            # A statement two sources make alike is one line citing both, wherever the
            # other source put it: so no two lines of a briefing share an id.
            if any(pool.absorb(sentence.text, _cite(number, sentence))
                   for pool in (*pools.values(), *positions.values())):
                continue
            quote = quotes.get(sentence.index)
            if quote:
                actor = quote.actor or OTHER_VOICES
                citation = Citation(source=number, sentence=sentence.index, start=quote.start, end=quote.end)
                positions[actor].add(quote.text.strip().rstrip(","), citation, kind="q",
                                     speaker=quote.speaker, quote=True)
                _note_speaker(speakers[actor], quote.speaker)
            if sentence.index in covered:
                continue
            if sentence.section == "position":
                actor = sentence.actor or OTHER_VOICES
                named = sentence.speaker and sentence.speaker.split()[-1] in sentence.text
                positions[actor].add(sentence.text, _cite(number, sentence),
                                     speaker=None if named else sentence.speaker, stance=sentence.stance)
                _note_speaker(speakers[actor], sentence.speaker)
            else:
                # "He said…" in a line of its own names nobody: the extraction's speaker, where it knows one.
                weak = main_view.weak_subject(sentence.text) and sentence.speaker
                pools[sentence.section].add(sentence.text, _cite(number, sentence),
                                            speaker=sentence.speaker if weak else None)
        for event in analysis.events:
            sentence = analysis.sentences[event.sentence]
            timeline.add(sentence.text, _cite(number, sentence), kind="t", date=event.date)

    people = _key_people(story)
    return _mark_new(main_view.choose(Briefing(
        slug=story.slug,
        title=story_title(list(story.analyses)),
        date=max((a.article.date for a in story.analyses if a.article.date), default=None),
        tags=tuple(lexicon.actor_label(code) for code in _main_actors(story, positions)),
        developments=tuple(pools["development"].items),
        background=tuple(pools["background"].items),
        positions=_positions(positions, {a: [_fullest(n, people) for n in names] for a, names in speakers.items()}),
        outlook=tuple(pools["outlook"].items),
        timeline=tuple(sorted(timeline.items, key=lambda i: (i.date or "", i.citations[0].source))),
        people=people,
        sources=tuple(
            SourceRef(number=n, path=a.article.path, source_id=a.article.source_id, title=a.article.title,
                      label=article_label(a),
                      outlet=a.article.source, date=a.article.date, url=a.article.url)
            for n, a in sources
        ),
    )))


def _standalone(sentences: tuple[Sentence, ...], quotes: dict[int, Quote], covered: set[int]) -> list[Sentence]:
    """The sentences as lines that stand alone: one that ends in a colon ("Kerry said the deal:")
    joins what it introduces, unless that is a quotation shown on its own with its speaker."""
    out: list[Sentence] = []
    pending: Sentence | None = None
    for sentence in sentences:
        if pending is not None:
            if sentence.index in quotes or sentence.index in covered:
                out.append(pending)
            else:
                sentence = replace(pending, text=f"{pending.text} {sentence.text}", end=sentence.end)
            pending = None
        if sentence.text.rstrip().endswith(":") and sentence.index not in covered:
            pending = sentence
            continue
        out.append(sentence)
    if pending is not None:
        out.append(pending)
    return out


def _mark_new(briefing: Briefing) -> Briefing:
    """When the sources are dated and not all on one day, the lines that only the newest sources
    carry are new since the earlier reports."""
    dates = {s.number: s.date for s in briefing.sources}
    if len(set(dates.values())) < 2 or None in dates.values():
        return briefing
    newest = max(dates.values())

    def mark(items: tuple[Item, ...]) -> tuple[Item, ...]:
        return tuple(replace(i, new=bool(i.citations) and all(dates[c.source] == newest for c in i.citations))
                     for i in items)

    return replace(briefing, bottom_line=mark(briefing.bottom_line), developments=mark(briefing.developments),
                   background=mark(briefing.background), outlook=mark(briefing.outlook),
                   positions=tuple(replace(p, items=mark(p.items)) for p in briefing.positions))


def _name_parts(name: str) -> tuple[str, set[str]]:
    """A name's last word and its other words, initials ("F.") left out."""
    words = [w for w in name.replace(".", ". ").split() if not (len(w.rstrip(".")) <= 1)]
    return (words[-1] if words else name), set(words[:-1])


def _fullest(name: str, people: tuple[KeyPerson, ...]) -> str:
    """The name the key people list gives a speaker: "John Kerry" is "John F. Kerry", "Obama" is
    "Barack Obama" (the same last name, and the given names of one are among the other's)."""
    last, given = _name_parts(name)
    for person in people:
        their_last, their_given = _name_parts(person.name)
        if their_last == last and (given <= their_given or their_given <= given):
            return max(person.name, name, key=len)
    return name


def _note_speaker(names: list[str], speaker: str | None) -> None:
    if speaker and speaker not in names:
        names.append(speaker)


def _main_actors(story: Story, positions: Collection[str]) -> list[str]:
    """The states and organisations a briefing is about, for its tags: those that take a position in
    it, or that an article names among its two most frequent; not every country mentioned once."""
    counts: Counter = Counter()
    leading: set[str] = set()
    for analysis in story.analyses:
        leading |= set(analysis.actors[:2])
        for rank, code in enumerate(analysis.actors[:5]):
            counts[code] += 5 - rank
    salient = [c for c in counts if c in leading or c in positions]
    return sorted(salient, key=lambda c: (-counts[c], c))[:5]


def actor_heading(actor: str) -> tuple[str, str]:
    """The label and flag a position of this actor is shown under (editors' moves create positions too)."""
    known = lexicon.actors().get(actor)
    if known:
        return known.name, known.flag
    return ("Other voices" if actor == OTHER_VOICES else actor), ""


def _positions(pools: dict[str, _Pool], speakers: dict[str, list[str]]) -> tuple[ActorPosition, ...]:
    weight = Counter({actor: len(pool.items) for actor, pool in pools.items()})
    ordered = sorted(pools, key=lambda a: (a == OTHER_VOICES, -weight[a], a))
    result = []
    for actor in ordered:
        label, flag = actor_heading(actor)
        result.append(ActorPosition(
            actor=actor,
            label=label,
            flag=flag,
            people=tuple(dict.fromkeys(speakers.get(actor, ()))),  # one person named two ways is listed once
            items=tuple(pools[actor].items),
        ))
    return tuple(result)


def _key_people(story: Story) -> tuple[KeyPerson, ...]:
    """People across the story's articles, merged by surname, fullest name and role kept."""
    merged: dict[str, Person] = {}
    order: list[str] = []
    for analysis in sorted(story.analyses, key=lambda a: a.article.source_id):
        for person in analysis.people:
            key = person.name.split()[-1]
            known = merged.get(key)
            if known is None:
                merged[key] = person
                order.append(key)
            else:
                merged[key] = Person(
                    name=max(known.name, person.name, key=len),
                    role=known.role or person.role,
                    actor=known.actor or person.actor,
                )
    return tuple(
        KeyPerson(id=item_id("k", merged[k].name), name=merged[k].name, role=merged[k].role,
                  actor=merged[k].actor, label=lexicon.actor_label(merged[k].actor))
        for k in order
    )
