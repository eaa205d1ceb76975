"""The main view of a briefing: the lines a reader sees without expanding anything.

compose() keeps every sentence of every source as a line (the full record);
this module marks the few that brief, by salience rather than by order:

- corroboration: how many sources carry the statement, also in other words
  (lines are clustered by their content words, names and numbers weighing most);
- position: how near the top of its article each source puts it;
- specificity: names, numbers and dates;
- who says it: a named speaker's quote is a stance, an unnamed "he said" is not;
- redundancy: a statement the main view already carries is not shown twice, and a
  speaker it already shows gives way to another voice; the line shown cites every
  source of its cluster and says how many carry it. Two parties saying alike things
  are two stances, not one statement.

Everything is deterministic: scores are sums of fixed weights and ties break on ids.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import cache

import Stemmer

from .. import lexicon
from ..model import Briefing, Citation, Item, Variant

OTHER_VOICES = "OTHER"  # as compose.OTHER_VOICES (not imported: compose imports this module)

# How alike two lines from different sources must be (weighted Dice of content words) to be one statement.
SAME_STATEMENT = 0.42
# How alike a line may be to one already in the main view before it counts as repeating it.
REPEATS = 0.3
LEDE_REPEATS = 0.25  # ledes all tell the story: lower, so that the bottom line does not say it twice

# Salience weights (see the module docstring); read off the development half of the dev stories.
W_SOURCES = 1.0  # per source beyond the first that carries the statement
W_POSITION = 2.0  # times exp(-index / POSITION_SCALE) of the earliest sentence citing it
POSITION_SCALE = 8.0
W_NAME = 0.25  # per name, up to SPECIFIC_CAP
W_FIGURE = 0.5  # per number or date, up to SPECIFIC_CAP
SPECIFIC_CAP = 6
W_QUOTE = 0.5  # a named speaker's own words
W_EVALUATIVE = 1.0  # a party judges or asks (reporting.yml evaluative_stances): a stance, not only news
W_TELLING = 1.5  # choosing each actor's first line: its own words or a judgement come first
W_SAME_VOICE = 1.5  # a speaker the main view already quotes or names: others' voices first
W_CENTRAL = 6.0  # times the line's centrality relative to the most central line
W_WORD = 0.04  # every word costs: the main view has a budget
PENALTY_WEAK = 3.0  # opens with a pronoun or a bare title, and the speaker is not known
PENALTY_FURNITURE = 10.0
PENALTY_FRAGMENT = 10.0  # a fragment (lower-case start, or a colon with nothing after it) stays in the full record
PENALTY_SHORT = 1.0  # fewer than SHORT words: rarely a statement
SHORT = 5
LONG = 60  # words; longer lines cost their excess
PENALTY_PER_LONG_WORD = 0.03

# The main view's word budget: a base, a share per source, and a ceiling.
BUDGET_BASE = 300
BUDGET_PER_SOURCE = 50
BUDGET_MAX = 480
FILL_FLOOR = 1.0  # salience a line needs to fill the budget once each actor has its line: no filler
BOTTOM_LINE = 3  # at most, from the ledes
DEVELOPMENTS = 5
BACKGROUND = 2
OUTLOOK = 2
ACTORS = 6  # main actors whose stance is shown, at most
MIN_ACTOR_WEIGHT = 2.0  # lines (plus half a line per extra source) the voices of no state need to count
PER_ACTOR = 2  # statements per actor (its most telling statement and its strongest quote)...
PER_ACTOR_MAX = 4  # ...and one more for every LINES_PER_EXTRA lines the story gives it, up to this
LINES_PER_EXTRA = 6.0

_WORD = re.compile(r"[\w'’.]+")
_NUMBER = re.compile(r"\d")


@cache
def _data() -> dict:
    return lexicon.load("briefing.yml")


@cache
def _evaluative() -> frozenset[str]:
    return frozenset(lexicon.load("reporting.yml")["evaluative_stances"])


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(lexicon.load("stopwords.yml")["words"])


@cache
def _weak_opening() -> re.Pattern:
    data = _data()
    pronouns = "|".join(sorted(map(re.escape, data["weak_subjects"]), key=len, reverse=True))
    titles = "|".join(sorted(map(re.escape, data["bare_titles"]), key=len, reverse=True))
    return re.compile(rf"^[\"“‘']?(?:(?:{pronouns})\b|the\s+(?:{titles})\b)", re.I)


def weak_subject(text: str) -> bool:
    """Does the line open with a pronoun or a bare title ("He said…", "The official added…")?"""
    return bool(_weak_opening().match(text.strip()))


def is_furniture(text: str) -> bool:
    low = text.lower()
    return any(cue in low for cue in _data()["furniture"])


@cache
def _stemmer():
    return Stemmer.Stemmer("english")


def content_weights(text: str) -> dict[str, float]:
    """Content words of a line by stem, weighted: numbers 3, names (capitalised inside the line) 1.5,
    other words 1. A name key starts with a capital, so similarity() can tell names from other words."""
    weights: dict[str, float] = {}
    stop = _stopwords()
    stem = _stemmer().stemWord  # PyStemmer caches stems itself
    for n, raw in enumerate(_WORD.findall(text)):
        word = raw.strip(".'’-").removesuffix("'s").removesuffix("’s")
        low = word.lower()
        if not word or low in stop or (len(low) < 3 and not _NUMBER.search(low)):
            continue
        if _NUMBER.search(word):
            key, weight = low, 3.0
        elif word[0].isupper() and n > 0:
            key, weight = low.capitalize(), 1.5
        else:
            key, weight = stem(low), 1.0
        weights[key] = max(weights.get(key, 0.0), weight)
    return weights


def _shared(a: dict[str, float], b: dict[str, float]) -> float:
    """The weight two lines share; 0 unless they share at least two words that are not names
    (or a number and another word): names alone make no statement."""
    shared = a.keys() & b.keys()
    plain = [k for k in shared if not k[0].isupper()]
    if len(plain) < 2 and not (len(plain) == 1 and any(_NUMBER.search(k) for k in plain) and len(shared) > 1):
        return 0.0
    return sum(min(a[k], b[k]) for k in shared)


def similarity(a: dict[str, float], b: dict[str, float]) -> float:
    """How much of the smaller line the other says too (shared weight over the smaller line's weight):
    a short line inside a long one repeats it."""
    smaller = min(sum(a.values()), sum(b.values()))
    return _shared(a, b) / smaller if smaller else 0.0


def same_statement(a: dict[str, float], b: dict[str, float]) -> float:
    """How alike two lines are as statements (weighted Dice coefficient): symmetric, so that a short
    line is not one statement with every long line that happens to contain its words."""
    total = sum(a.values()) + sum(b.values())
    return 2 * _shared(a, b) / total if total else 0.0


def specificity(text: str) -> tuple[int, int]:
    """How many names, and how many numbers and dates, a line gives."""
    data = _data()
    dates, numbers = set(data["date_words"]), set(data["number_words"])
    names = figures = 0
    for n, raw in enumerate(_WORD.findall(text)):
        word = raw.strip(".'’-")
        if not word:
            continue
        low = word.lower()
        if _NUMBER.search(word) or low in numbers or low in dates:
            figures += 1
        elif word[0].isupper() and n > 0 and low not in _stopwords():
            names += 1
    return names, figures


@dataclass(frozen=True, kw_only=True)
class _Line:
    place: str  # development, background, outlook, or position:<ACTOR>
    item: Item
    weights: dict
    words: int
    voice: str | None = None  # who says it: the line's speaker, or the actor's speaker it names


def _voice(item: Item, people: tuple[str, ...]) -> str | None:
    """Whose statement a position line is: its speaker, else the first of its actor's speakers it names."""
    if item.speaker:
        return item.speaker
    words = set(_WORD.findall(item.text))
    return next((name for name in people if name.split()[-1] in words), None)


def _place_lines(briefing: Briefing) -> list[_Line]:
    places = [("development", briefing.developments, ()), ("background", briefing.background, ()),
              ("outlook", briefing.outlook, ())]
    places += [(f"position:{p.actor}", p.items, p.people) for p in briefing.positions]
    return [_Line(place=place, item=item, weights=content_weights(item.text), words=len(item.text.split()),
                  voice=_voice(item, people))
            for place, items, people in places for item in items]


def _clusters(lines: list[_Line]) -> list[int]:
    """For each line, the index of the first line of its statement: lines from other sources that
    say the same thing, in other words. Each statement is judged against the line that opened it
    (not by chains of lines each like the next, which would join different statements), and takes
    at most one line from each source."""
    sources = [frozenset(c.source for c in line.item.citations) for line in lines]
    # Only lines that share words are compared: an index from each plain word to the statements using it.
    by_word: dict[str, list[int]] = defaultdict(list)
    root = list(range(len(lines)))
    held: dict[int, set[int]] = {}
    order = sorted(range(len(lines)), key=lambda n: (min(c.sentence for c in lines[n].item.citations),
                                                    min(sources[n]), n))
    for n in order:
        plain = [k for k in lines[n].weights if not k[0].isupper()]
        candidates = sorted({r for k in plain for r in by_word[k]})
        for r in candidates:
            if held[r] & sources[n]:
                continue  # one source does not corroborate itself
            if _stances_of_two(lines[r], lines[n]):
                continue
            if same_statement(lines[r].weights, lines[n].weights) >= SAME_STATEMENT:
                root[n] = r
                held[r] |= sources[n]
                break
        else:
            held[n] = set(sources[n])
            for k in plain:
                by_word[k].append(n)
    return root


_FIGURE = re.compile(r"\b\d[\d,.]*(?:\s+(?:million|billion|trillion|percent|per cent|%))?|"
                     r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                     r"\s+\d{1,2}\b")


def figures(text: str) -> tuple[str, ...]:
    """The amounts, counts and dates a line gives, as printed ("4 million", "21", "May 1")."""
    return tuple(dict.fromkeys(m.group(0).rstrip(".,") for m in _FIGURE.finditer(text)))


def figures_differ(a: str, b: str) -> bool:
    """Do two wordings of a statement each give a figure the other does not?"""
    mine, theirs = set(figures(a)), set(figures(b))
    return bool(mine - theirs and theirs - mine)


def _differences(line: _Line, others: list[_Line]) -> tuple[Variant, ...]:
    """Where lines of other sources that make the same statement give other figures: each source's
    own figures, with its citation, so the reader sees the difference instead of one chosen silently."""
    mine = set(figures(line.item.text))
    variants: list[Variant] = []
    own: set[str] = set()
    for other in others:
        theirs = set(figures(other.item.text))
        if mine - theirs and theirs - mine:
            own |= mine - theirs
            variants += [Variant(value=v, citation=other.item.citations[0]) for v in figures(other.item.text)
                         if v not in mine]
    if not variants:
        return ()
    return tuple([Variant(value=v, citation=line.item.citations[0]) for v in figures(line.item.text) if v in own]
                 + variants)


def _score(line: _Line, cluster: list[_Line]) -> float:
    item = line.item
    sources = {c.source for member in cluster for c in member.item.citations}
    earliest = min(c.sentence for member in cluster for c in member.item.citations)
    score = W_SOURCES * (len(sources) - 1) + W_POSITION * math.exp(-earliest / POSITION_SCALE)
    names, figures = specificity(item.text)
    score += W_NAME * min(names, SPECIFIC_CAP) + W_FIGURE * min(figures, SPECIFIC_CAP)
    if item.quote and item.speaker:
        score += W_QUOTE
    elif item.stance in _evaluative():
        score += W_EVALUATIVE
    if weak_subject(item.text) and not item.speaker:
        score -= PENALTY_WEAK
    if is_furniture(item.text):
        score -= PENALTY_FURNITURE
    if line.words < SHORT:
        score -= PENALTY_SHORT
    score -= PENALTY_PER_LONG_WORD * max(0, line.words - LONG) + W_WORD * line.words
    if item.text[:1].islower() or item.text.rstrip().endswith(":"):  # a fragment, or an introduction to nothing
        score -= PENALTY_FRAGMENT
    return score


def _stances_of_two(a: _Line, b: _Line) -> bool:
    """Two parties' positions: one party saying what another says is a second stance, not a repeat."""
    return a.place.startswith("position:") and b.place.startswith("position:") and a.place != b.place


def budget(sources: int) -> int:
    return min(BUDGET_MAX, BUDGET_BASE + BUDGET_PER_SOURCE * max(0, sources - 1))


def choose(briefing: Briefing) -> Briefing:
    """The briefing with its main view marked: a bottom line from the ledes, then the most
    salient developments, each main actor's stance, the outlook and background, within a budget."""
    lines = _place_lines(briefing)
    if not lines:
        return briefing
    roots = _clusters(lines)
    members: dict[int, list[_Line]] = defaultdict(list)
    for n, r in enumerate(roots):
        members[r].append(lines[n])
    scores = [_score(line, members[roots[n]]) for n, line in enumerate(lines)]
    # Centrality (after SumBasic): a line whose words many lines of the story share tells the story;
    # once a word is in the main view, it counts for less (squared share), so the view does not repeat itself.
    share = Counter(k for line in lines for k in line.weights)
    covered: set[str] = set()

    def central(n: int) -> float:
        keys = lines[n].weights
        if not keys:
            return 0.0
        return sum((share[k] / len(lines)) ** (2 if k in covered else 1) for k in keys) / len(keys)

    top_central = max(central(n) for n in range(len(lines))) or 1.0

    voiced: set[str] = set()  # speakers whose statement the main view already shows

    def salience(n: int) -> tuple[float, str]:
        said = W_SAME_VOICE if lines[n].voice in voiced else 0.0
        return (scores[n] + W_CENTRAL * central(n) / top_central - said, lines[n].item.id)

    chosen: dict[int, Item] = {}  # line index → the item as the main view shows it
    taken_clusters: set[int] = set()
    words = 0
    limit = budget(len(briefing.sources))
    repeated: dict[int, set[int]] = defaultdict(set)  # a line → the main-view lines that already say it
    bottom: list[int] = []

    def can_take(n: int, *, own_words: bool = False) -> bool:
        """own_words: a speaker's own words may say what the bottom line reports (they are the evidence for it)."""
        said = repeated.get(n, set()) - (set(bottom) if own_words else set())
        return (n not in chosen and not said and roots[n] not in taken_clusters
                and words + lines[n].words <= limit and scores[n] >= 0)

    def take(n: int) -> None:
        nonlocal words
        line = lines[n]
        citations = list(line.item.citations)
        for other in members[roots[n]]:
            for c in other.item.citations:
                if c.source not in {x.source for x in citations}:
                    citations.append(c)
        chosen[n] = replace(line.item, main=True, citations=tuple(citations),
                            differs=_differences(line, [m for m in members[roots[n]] if m is not line]))
        taken_clusters.add(roots[n])
        covered.update(line.weights)
        if line.voice:
            voiced.add(line.voice)
        words += line.words
        for m in range(len(lines)):
            if similarity(lines[m].weights, line.weights) >= REPEATS and not _stances_of_two(lines[m], line):
                repeated[m].add(n)

    def telling(n: int) -> tuple[float, str]:
        """An actor's most telling statement: its own words, or a judgement or demand, before news it reports."""
        item = lines[n].item
        value, key = salience(n)
        return (value + (W_TELLING if (item.quote and item.speaker) or item.stance in _evaluative() else 0.0), key)

    def take_best(candidates, key=salience, *, own_words: bool = False) -> int | None:
        eligible = [n for n in candidates if can_take(n, own_words=own_words)]
        if not eligible:
            return None
        n = max(eligible, key=key)
        take(n)
        return n

    # The bottom line: the most salient ledes (a source's first two sentences, not quotes);
    # a lede that says what the bottom line already says adds nothing.
    ledes = [n for n, line in enumerate(lines)
             if not line.item.quote and min(c.sentence for c in line.item.citations) <= 1]
    while len(bottom) < min(BOTTOM_LINE, 1 + len(briefing.sources)):
        ledes = [n for n in ledes if not any(similarity(lines[n].weights, lines[b].weights) >= LEDE_REPEATS
                                             for b in bottom)]
        n = take_best(ledes)
        if n is None:
            break
        bottom.append(n)
    # Each main actor's most telling statement, then the most salient line that is still wanted, until
    # the budget is spent.
    caps = {"development": DEVELOPMENTS, "background": BACKGROUND, "outlook": OUTLOOK}
    actors = _main_actors(lines)
    caps |= {f"position:{a}": per_actor(weight) for a, weight in actors.items()}
    counts: dict[str, int] = defaultdict(int)
    for actor in actors:
        if take_best([n for n, line in enumerate(lines) if line.place == f"position:{actor}"], telling) is not None:
            counts[f"position:{actor}"] += 1
    # ...and its strongest quote: the speaker's own words, also where they say what the bottom line reports.
    for actor in actors:
        place = f"position:{actor}"
        if not any(lines[n].place == place and lines[n].item.quote for n in chosen):
            if take_best([n for n, line in enumerate(lines) if line.place == place and line.item.quote
                          and line.item.speaker], own_words=True) is not None:
                counts[place] += 1
    while True:
        n = take_best([n for n, line in enumerate(lines)
                       if counts[line.place] < caps.get(line.place, 0) and salience(n)[0] >= FILL_FLOOR])
        if n is None:
            break
        counts[lines[n].place] += 1

    # Told in the order the articles tell it: the lede of the first source first.
    bottom_items = tuple(sorted((_whose(chosen[n], lines[n].place) for n in bottom),
                                key=lambda i: (min(c.sentence for c in i.citations), i.citations[0].source)))
    bottom_ids = {i.id for i in bottom_items}

    def mark(items: tuple[Item, ...], place: str) -> tuple[Item, ...]:
        index = {id(line.item): n for n, line in enumerate(lines) if line.place == place}
        out = []
        for item in items:
            n = index.get(id(item))
            if n is not None and n in chosen:
                if item.id in bottom_ids:
                    continue
                out.append(chosen[n])
            else:
                out.append(replace(item, main=False))
        return tuple(out)

    positions = tuple(replace(p, items=mark(p.items, f"position:{p.actor}")) for p in briefing.positions)
    return replace(
        briefing,
        bottom_line=bottom_items,
        developments=mark(briefing.developments, "development"),
        background=mark(briefing.background, "background"),
        outlook=mark(briefing.outlook, "outlook"),
        positions=positions,
        timeline=tuple(replace(i, main=False) for i in briefing.timeline),
    )


def _whose(item: Item, place: str) -> Item:
    """A position moved into the bottom line keeps the actor whose stance it is."""
    return replace(item, actor=place.split(":", 1)[1]) if place.startswith("position:") else item


def per_actor(weight: float) -> int:
    """How many lines of an actor the main view may show: more for an actor the story quotes at length."""
    return min(PER_ACTOR_MAX, PER_ACTOR + int(weight // LINES_PER_EXTRA))


def _main_actors(lines: list[_Line]) -> dict[str, float]:
    """The actors whose stance the main view shows, with their weight (lines, and half a line for each
    further source of a line): most first; the voices of no state last, and only when several lines carry them."""
    weight: dict[str, float] = defaultdict(float)
    for line in lines:
        if line.place.startswith("position:"):
            actor = line.place.split(":", 1)[1]
            weight[actor] += 1 + 0.5 * (len({c.source for c in line.item.citations}) - 1)
    ordered = sorted(weight, key=lambda a: (a == OTHER_VOICES, -weight[a], a))
    kept = [a for a in ordered if a != OTHER_VOICES or weight[a] >= MIN_ACTOR_WEIGHT][:ACTORS]
    return {a: weight[a] for a in kept}
