"""Grouping articles about the same story: the same event, not the same cast.

Each article becomes a bag of distinctive words (TF-IDF over the collection,
the words of states, capitals and known people weighed down) plus the people
and actors it names. Articles dated far apart, or naming different holders of
one office (two different Secretaries of State), report different events.
Groups are built by average-link clustering over a bounded number of candidate
pairs per article, so that the cost grows with the number of articles, not
with its square:

- near-duplicates (the same text republished with another headline or a
  trailing line) are found with MinHash LSH (datasketch) and grouped at once;
  the rest of the work runs on one representative of each set of copies;
- each representative's candidates come from an inverted index of the
  articles' most distinctive terms, read rarest term first and, within a
  term, the articles it weighs most in first, with a budget per article
  rather than a cap per term, so a common term neither pairs every article
  that uses it nor stops pairing any of them.
"""
from __future__ import annotations

import datetime as dt
import difflib
import heapq
import math
import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

import pycountry
from slugify import slugify

from .. import lexicon
from ..model import Analysis, Article, Story
from ..extraction.people import known_people

# The middle of the range (0.10–0.12) where grouping the 7 newer dev stories scores best (B-cubed F1
# 0.97–1.00; chosen with the 12 older ones held out), and the seeds and the synthetic stories of
# bench/site_scale.py group correctly.
SIMILARITY_THRESHOLD = 0.11
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
_TERMS_PER_ARTICLE = 25  # the article's most distinctive terms, used to find candidate pairs
# Per article, at most this many index entries are read and this many best-scoring candidates are
# compared in full: the work per article is bounded whatever the collection's size. Twice what
# the dev set needs (an article there reads at most 91 entries and has at most 24 candidates), so
# at that size no pair is left out.
_ENTRIES_READ_PER_ARTICLE = 200
_COMPARED_PER_ARTICLE = 30
# Near-duplicates: texts that share this share of their three-word shingles (Jaccard) are copies
# of one story (a wire story republished with another headline); well above what two reports of
# one event written apart share.
_NEAR_DUPLICATE = 0.8
_SHINGLE = 3
_PERMUTATIONS = 64


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(lexicon.load("stopwords.yml")["words"])


def _terms(analysis: Analysis) -> Counter:
    article = analysis.article
    text = " ".join([article.title or "", *(s.text for s in analysis.sentences)])
    stop = _stopwords()
    return Counter(t for t in (w.lower().strip("'-") for w in _TOKEN.findall(text)) if t not in stop and len(t) > 2)


def _entities(analysis: Analysis) -> set[str]:
    """The article's main actors and the people it names with a role or a country."""
    people = {p.name.split()[-1].lower() for p in analysis.people if p.role or p.actor}
    return people | set(analysis.actors[:6])


def _vectors(analyses: list[Analysis]) -> list[dict[str, float]]:
    bags = [_terms(a) for a in analyses]
    df = Counter(term for bag in bags for term in bag)
    n = len(bags)
    vectors = []
    for bag in bags:
        vec = {t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    return vectors


@dataclass(frozen=True, kw_only=True)
class _Profile:
    """What one article's story is about, as grouping compares it."""

    events: dict[str, float]  # unit TF-IDF vector with the cast's words weighed down
    entities: set[str]  # main actors and people named with a role or a country
    date: str | None  # publication date, ISO
    office_holders: dict[tuple[str, str], frozenset[str]]  # (actor, office) → names of who the text says holds it


# Who appears in a story (states, their capitals and peoples, known people) says little about which
# story it is: the same cast returns in stories months or years apart. Their words count this much
# of an event word's weight; what happened and where (places other than states, deeds, numbers) decides.
CAST_WEIGHT = 0.25
# Articles dated further apart than this report different events, however alike their words.
STORY_SPAN_DAYS = 30
# How much naming the same main actors and people raises the words' similarity: a shared cast
# confirms that articles with alike words report one event, but alone it never groups them.
CAST_SHARE = 0.4


@cache
def _known_cast_words() -> frozenset[str]:
    """Lower-case words of states' short names, demonyms, capitals and metonyms, and of known people's names."""
    words: set[str] = set()
    for entry in lexicon.load("countries.yml").values():
        for field in ("names", "demonyms", "capitals", "metonyms"):
            for form in entry.get(field) or ():
                if len(form.split()) <= 2:  # "North Korea", not the words of "Islamic Republic of Iran"
                    words.update(_words(form))
    for person in known_people().values():
        for form in person.forms:
            words.update(_words(form))
    return frozenset(words)


def _words(text: str) -> list[str]:
    return [w.lower().strip("'-") for w in _TOKEN.findall(text)]


def _profiles(analyses: list[Analysis], vectors: list[dict[str, float]]) -> list[_Profile]:
    """Each article's profile, from its TF-IDF vector (`_vectors`) with the cast's words weighed down."""
    known_cast = _known_cast_words()
    profiles = []
    for analysis, vector in zip(analyses, vectors):
        cast = known_cast | {w for p in analysis.people for w in _words(p.name)}
        events = {t: v * CAST_WEIGHT if t in cast else v for t, v in vector.items()}
        norm = math.sqrt(sum(v * v for v in events.values())) or 1.0
        profiles.append(_Profile(events={t: v / norm for t, v in events.items()}, entities=_entities(analysis),
                                 date=analysis.article.date, office_holders=_office_holders(analysis)))
    return profiles


@cache
def _single_holder_offices() -> tuple[tuple[str, ...], frozenset[str]]:
    data = lexicon.load("stories.yml")
    offices = sorted(data["single_holder_offices"], key=lambda o: -len(o.split()))  # "vice president" before "president"
    return tuple(offices), frozenset(data["not_current"])


def _office(role: str) -> str | None:
    """The single-holder office a role names ("embattled chief executive" → chief executive), if a current one."""
    offices, not_current = _single_holder_offices()
    words = role.lower().replace("-", " - ").split()
    for office in offices:
        office_words = office.replace("-", " - ").split()
        if words[-len(office_words):] == office_words:
            before = words[:-len(office_words)]
            return None if any(w.strip(".") in not_current for w in before) else office
    return None


def _office_holders(analysis: Analysis) -> dict[tuple[str, str], frozenset[str]]:
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    for person in analysis.people:
        office = _office(person.role) if person.role and person.actor else None
        if office:
            holders[(person.actor, office)].add(person.name)
    return {key: frozenset(names) for key, names in holders.items()}


@cache
def _name_particles() -> frozenset[str]:
    return frozenset(lexicon.load("roles.yml")["name_particles"])


def _name_parts(name: str) -> set[str]:
    parts = re.split(r"[\s\-.]+", name.lower())
    return {p for p in parts if len(p) > 1 and p not in _name_particles()}


def _may_be_one_person(a: str, b: str) -> bool:
    """Names that may be one person's ("Idrissi" and "Omar al-Idrissi", "Hasan" and "Hassan"): a word in
    common or surnames spelled nearly alike. Errs towards the same person: a wrong conflict splits a story."""
    parts_a, parts_b = _name_parts(a), _name_parts(b)
    if parts_a & parts_b:
        return True
    last_a, last_b = a.split()[-1].lower(), b.split()[-1].lower()
    return difflib.SequenceMatcher(None, last_a, last_b).ratio() >= 0.75


def _no_holder_in_common(a: frozenset[str], b: frozenset[str]) -> bool:
    return not any(_may_be_one_person(x, y) for x in a for y in b)


def _dated_apart(a: str | None, b: str | None) -> bool:
    return bool(a and b and abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) > STORY_SPAN_DAYS)


def _different_times(a: _Profile, b: _Profile) -> bool:
    """Dated far apart, or naming different holders of one office."""
    if _dated_apart(a.date, b.date):
        return True
    return any(key in b.office_holders and _no_holder_in_common(names, b.office_holders[key])
               for key, names in a.office_holders.items())


def similarity(a: _Profile, b: _Profile) -> float:
    if _different_times(a, b):
        return 0.0
    small, large = (a.events, b.events) if len(a.events) <= len(b.events) else (b.events, a.events)
    cosine = sum(v * large.get(t, 0.0) for t, v in small.items())
    # Overlap coefficient, not Jaccard: a short wire story naming three actors
    # and a long feature naming ten belong together when the three are among the ten.
    smaller = min(len(a.entities), len(b.entities))
    overlap = len(a.entities & b.entities) / smaller if smaller else 0.0
    return cosine * ((1 - CAST_SHARE) + CAST_SHARE * overlap)


def group(analyses: list[Analysis]) -> list[Story]:
    """Stories in a stable order (by slug), each with its articles in a stable order."""
    analyses = sorted(analyses, key=lambda a: (a.article.path, a.article.source_id))
    copies = _near_duplicate_sets(analyses)
    representatives = [analyses[members[0]] for members in copies]
    pair_similarity = _candidate_similarities(representatives)
    members = _average_link(len(representatives), pair_similarity, weights=[len(m) for m in copies])
    return _name_stories([[analyses[i] for i in sorted(i for r in group for i in copies[r])] for group in members])


def _shingles(analysis: Analysis) -> set[bytes]:
    """The body's runs of _SHINGLE consecutive words, lower-cased."""
    words = _TOKEN.findall(" ".join(s.text for s in analysis.sentences).lower())
    if not words:
        return set()  # an article with no body is nobody's copy
    return {" ".join(words[i:i + _SHINGLE]).encode() for i in range(max(1, len(words) - _SHINGLE + 1))}


def _near_duplicate_sets(analyses: list[Analysis]) -> list[list[int]]:
    """Sets of near-identical articles (indexes, ascending; sets ordered by their first member).

    Each article is compared with the first article of every set found so far (the index holds
    only those), so the work per article stays bounded however many copies a story has. The
    signatures' estimate of the Jaccard similarity decides; zlib.crc32 hashes the shingles
    because it is the same in every process (Python's own hash() is salted per process), so the
    decision is too. A text dated far from another reports another event, however alike
    (STORY_SPAN_DAYS)."""
    # Imported here, not with the module: datasketch imports scipy, half the CPU time of importing
    # the whole generator, which the process pool's workers (generator/parallel.py) never need.
    from datasketch import MinHash, MinHashLSH

    index = MinHashLSH(threshold=_NEAR_DUPLICATE, num_perm=_PERMUTATIONS)
    signatures: dict[int, MinHash] = {}  # first article of a set → its signature
    sets: dict[int, list[int]] = {}
    shingles = (_shingles(a) for a in analyses)
    for i, signature in enumerate(MinHash.generator(shingles, num_perm=_PERMUTATIONS, hashfunc=zlib.crc32)):
        if signature.is_empty():  # no body: nobody's copy
            sets[i] = [i]
            continue
        date = analyses[i].article.date
        match = next((first for first in sorted(index.query(signature))
                      if signature.jaccard(signatures[first]) >= _NEAR_DUPLICATE
                      and not _dated_apart(date, analyses[first].article.date)), None)
        if match is None:
            signatures[i] = signature
            index.insert(i, signature)
            sets[i] = [i]
        else:
            sets[match].append(i)
    return [sets[first] for first in sorted(sets)]


def _candidate_similarities(analyses: list[Analysis]) -> dict[tuple[int, int], float]:
    """Similarity of the pairs worth comparing: for each article, its best candidates.

    Pairs that are nobody's candidate are never compared: their similarity
    counts as zero, which keeps the work linear."""
    vectors = _vectors(analyses)
    profiles = _profiles(analyses, vectors)
    similarities: dict[tuple[int, int], float] = {}
    for i, candidates in enumerate(_candidates(vectors)):
        for j in candidates:
            pair = (min(i, j), max(i, j))
            if pair not in similarities:
                similarities[pair] = similarity(profiles[i], profiles[j])
    return similarities


def _candidates(vectors: list[dict[str, float]]) -> list[list[int]]:
    """Each article's candidates: the articles that score best on the distinctive terms they share.

    Terms are read rarest first, and each term's articles in order of the term's weight in
    them; reading stops after _ENTRIES_READ_PER_ARTICLE entries. The partial score (the dot
    product over the shared top terms) ranks the candidates; the best _COMPARED_PER_ARTICLE stay."""
    tops = [sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:_TERMS_PER_ARTICLE] for vec in vectors]
    postings: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for i, top in enumerate(tops):
        for term, weight in top:
            postings[term].append((-weight, i))
    for entries in postings.values():
        entries.sort()
    result = []
    for i, top in enumerate(tops):
        scores: dict[int, float] = defaultdict(float)
        budget = _ENTRIES_READ_PER_ARTICLE
        for term, weight in sorted(top, key=lambda kv: (len(postings[kv[0]]), kv[0])):
            for negative, j in postings[term][:budget]:
                if j != i:
                    scores[j] -= weight * negative
            budget -= min(budget, len(postings[term]))
            if not budget:
                break
        best = sorted(scores, key=lambda j: (-scores[j], j))[:_COMPARED_PER_ARTICLE]
        result.append(sorted(best))
    return result


def _average_link(n: int, pair_similarity: dict[tuple[int, int], float],
                  weights: list[int] | None = None) -> list[set[int]]:
    """Agglomerative clustering with average linkage over a sparse similarity graph.

    Average (not single) linkage keeps a chain of loosely related articles
    from becoming one story; merges happen while the mean similarity between
    two groups reaches SIMILARITY_THRESHOLD. weights: how many articles each
    item stands for (a set of near-duplicates counts as all its copies)."""
    weights = weights or [1] * n
    clusters: dict[int, set[int]] = {i: {i} for i in range(n)}
    size = dict(enumerate(weights))  # cluster → number of articles it stands for
    links: dict[int, dict[int, float]] = defaultdict(dict)  # cluster → neighbour → sum of similarities
    for (i, j), value in pair_similarity.items():
        links[i][j] = links[j][i] = value * weights[i] * weights[j]
    # The same expression as the staleness check below, so that no entry is taken for stale by rounding.
    heap = [(-links[i][j] / (size[i] * size[j]), i, j) for (i, j), value in pair_similarity.items()
            if value >= SIMILARITY_THRESHOLD]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in clusters or b not in clusters:
            continue
        current = links[a].get(b, 0.0) / (size[a] * size[b])
        if abs(current + negative) > 1e-12:
            continue  # stale entry: the pair's average changed since it was queued
        keep, gone = min(a, b), max(a, b)
        clusters[keep] |= clusters.pop(gone)
        size[keep] += size.pop(gone)
        for other, value in links.pop(gone).items():
            links[other].pop(gone, None)
            if other == keep:
                continue
            total = links[keep].get(other, 0.0) + value
            links[keep][other] = links[other][keep] = total
        for other, total in links[keep].items():
            average = total / (size[keep] * size[other])
            if average >= SIMILARITY_THRESHOLD:
                heapq.heappush(heap, (-average, min(keep, other), max(keep, other)))
    return list(clusters.values())


def _lead(members: list[Analysis]) -> Analysis:
    """The article that names the story: the earliest dated, then the one with a title."""
    return min(members, key=lambda a: (a.article.date or "9999", a.article.title is None, a.article.source_id))


def story_title(members: list[Analysis]) -> str:
    lead = _lead(members)
    for candidate in [lead, *members]:
        if candidate.article.title:
            return _headline_case(candidate.article)
    return article_label(lead)


_LABEL_WORDS = 12


def article_label(analysis: Analysis) -> str:
    """How pages name an article: its headline, else (many scraped web pages have none) its first
    words, else its file's name."""
    if analysis.article.title:
        return _headline_case(analysis.article)
    if not analysis.sentences:
        return analysis.article.source_id
    words = analysis.sentences[0].text.split()
    return " ".join(words[:_LABEL_WORDS]) + ("…" if len(words) > _LABEL_WORDS else "")


def _headline_case(article: Article) -> str:
    """Wire headlines come in capitals; show them in sentence case, keeping the capitals of
    abbreviations ("U.S."), acronyms and country codes ("GATT", "NZ") and the capital letter of names
    ("Iran", "Nakasone"), as the article's body writes them or the data files know them."""
    title = article.title or ""
    letters = [c for c in title if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) / len(letters) <= 0.9:
        return title
    body = article.text[article.body_start:article.body_end]
    cased = _WORD_PIECE.sub(lambda m: _recased(m.group(0), body), title)
    return cased[:1].upper() + cased[1:]


_WORD_PIECE = re.compile(r"[A-Za-z](?:[A-Za-z']|\.(?=[A-Za-z]))*\.?")  # "U.S.", "IRAN'S", "GATT"


def _recased(word: str, body: str) -> str:
    bare = word.rstrip(".")
    if "." in bare:
        return word  # "U.S.", "U.S"
    written = _body_casing(word, body)
    if written == "upper" or written is None and bare in _known_acronyms():
        return word  # "GATT", "NZ"
    if written == "capitalised" or written is None and bare.lower() in _known_names():
        return word[:1] + word[1:].lower()
    return word.lower()


def _body_casing(word: str, body: str) -> str | None:
    """How the body writes a word away from sentence starts: 'upper', 'capitalised', 'lower'
    (any lower-case use wins), or None when it does not use the word there."""
    forms = set()
    for match in re.finditer(rf"(?<![\w.])({re.escape(word)})(?![\w])", body, re.I):
        before = body[max(0, match.start() - 3):match.start()].rstrip()
        if not before or before[-1] in ".!?\"“‘'\n":
            continue  # a sentence's first word is capitalised whatever it is
        printed = match.group(1)
        forms.add("lower" if printed.islower() else "upper" if printed.isupper() and len(printed) > 1
                  else "capitalised" if printed[:1].isupper() else "lower")
    for form in ("lower", "upper", "capitalised"):
        if form in forms:
            return form
    return None


@cache
def _known_acronyms() -> frozenset[str]:
    """Capitalised forms the data files know (UN, GATT, UAE, AP) and two-letter country codes that are
    no English word (NZ, but not IT, NO, IN)."""
    small = _stopwords() | lexicon.headline_small_words() | set(lexicon.load("stories.yml")["two_letter_words"])
    forms = {f.form for f in lexicon.actor_forms()} | set(lexicon.printed_outlet_forms())
    known = {f for f in forms if f.isupper() and f.isalpha() and len(f) > 1 and f.lower() not in small}
    codes = {c.alpha_2 for c in pycountry.countries if c.alpha_2.lower() not in small}
    return frozenset(known | codes)


@cache
def _known_names() -> frozenset[str]:
    """One-word names the data files know, lower-cased: states and their demonyms and capitals,
    organisations, outlets."""
    forms = {f.form for f in lexicon.actor_forms() if not f.ambiguous} | set(lexicon.printed_outlet_forms())
    return frozenset(f.lower() for f in forms if " " not in f and f[:1].isupper())


def unique_slug(members: list[Analysis], used: set[str]) -> str:
    """A story's page name: the slug of its title, made unique among `used` (and added to it)."""
    base = slugify(story_title(members), max_length=60, word_boundary=True) or "story"
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    used.add(slug)
    return slug


def _name_stories(groups: list[list[Analysis]]) -> list[Story]:
    used: set[str] = set()
    stories = [Story(slug=unique_slug(members, used), analyses=tuple(members))
               for members in sorted(groups, key=lambda g: _lead(g).article.source_id)]
    return sorted(stories, key=lambda s: s.slug)
